//! Warnings that help authors: a `when` that can never hold, a phrase its own `except` always
//! suppresses, and a phrase regex written with characters normalised text never contains.

use std::collections::BTreeMap;

use super::Checker;
use crate::compile::normalise::normalise;
use crate::diag::Diagnostic;
use crate::syntax::ast::{self, ClauseKind, CompareOp, ExprKind, PatternKind};

pub fn lint(cx: &mut Checker, items: &[&ast::Item]) {
    for item in items {
        match &item.kind {
            ast::ItemKind::Phrases(set) => {
                unreachable_phrases(cx, set);
                set.patterns
                    .iter()
                    .chain(&set.excepts)
                    .for_each(|p| regex_chars(cx, p));
            }
            ast::ItemKind::Deadline(r) | ast::ItemKind::Expect(r) => whens(cx, &r.clauses),
            ast::ItemKind::PhraseRule(r) => whens(cx, &r.clauses),
            _ => {}
        }
    }
}

fn whens(cx: &mut Checker, clauses: &[ast::Clause]) {
    for clause in clauses {
        if let ClauseKind::When(e) = &clause.kind {
            never_holds(cx, e);
        }
    }
}

/// `channel == "chat" and channel == "email"`: the `and`-ed equalities and `in` lists on one
/// field leave no value that satisfies them all.
fn never_holds(cx: &mut Checker, when: &ast::Expr) {
    let mut conjuncts = Vec::new();
    flatten_and(when, &mut conjuncts);
    let mut allowed: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for c in conjuncts {
        let Some((path, values)) = permitted_values(c) else {
            continue;
        };
        let entry = allowed
            .entry(path.clone())
            .or_insert_with(|| values.clone());
        entry.retain(|v| values.contains(v));
        if entry.is_empty() {
            cx.report(
                Diagnostic::new("W0201", "this `when` can never hold")
                    .at(when.span, format!("no value of `{path}` satisfies every condition"))
                    .help(format!("`{path}` cannot equal two different values at once; did you mean `or`, or `{path} in [...]`?")),
            );
            return;
        }
    }
}

fn flatten_and<'e>(e: &'e ast::Expr, out: &mut Vec<&'e ast::Expr>) {
    match &e.kind {
        ExprKind::And(a, b) => {
            flatten_and(a, out);
            flatten_and(b, out);
        }
        _ => out.push(e),
    }
}

/// `PATH == "v"` or `PATH in ["a", "b"]`: the field and the values it may take.
fn permitted_values(e: &ast::Expr) -> Option<(String, Vec<String>)> {
    let string = |e: &ast::Expr| match &e.kind {
        ExprKind::Str(s) => Some(s.value.clone()),
        _ => None,
    };
    match &e.kind {
        ExprKind::Compare(CompareOp::Eq, a, b) => match (&a.kind, &b.kind) {
            (ExprKind::Path(p), _) => Some((p.dotted(), vec![string(b)?])),
            (_, ExprKind::Path(p)) => Some((p.dotted(), vec![string(a)?])),
            _ => None,
        },
        ExprKind::In {
            value,
            list,
            negated: false,
        } => match &value.kind {
            ExprKind::Path(p) => {
                Some((p.dotted(), list.iter().map(string).collect::<Option<_>>()?))
            }
            _ => None,
        },
        _ => None,
    }
}

/// A phrase whose own set has an `except` matching exactly the same text can never be found: the
/// except's match always contains the phrase's.
fn unreachable_phrases(cx: &mut Checker, set: &ast::PhraseSet) {
    for pattern in &set.patterns {
        let PatternKind::Literal(lit) = &pattern.kind else {
            continue;
        };
        let text = normalise(&lit.value).text;
        if text.is_empty() {
            continue;
        }
        let covering = set.excepts.iter().find(|e| match &e.kind {
            PatternKind::Literal(x) => normalise(&x.value).text == text,
            PatternKind::Regex(r) => regex::Regex::new(&format!("^(?:{})$", r.pattern))
                .is_ok_and(|re| re.is_match(&text)),
        });
        if let Some(except) = covering {
            cx.report(
                Diagnostic::new("W0202", format!("the phrase \"{}\" can never match", lit.value))
                    .at(pattern.span, "every match of it is also a match of an `except`")
                    .also(except.span, "this `except` always contains it")
                    .help("remove the phrase, or make the `except` longer than the phrase (e.g. \"不知道您\" for \"不知道\")"),
            );
        }
    }
}

/// Regexes run on normalised text (simplified, half-width, lower case): a character that
/// normalisation changes can never be matched as written.
fn regex_chars(cx: &mut Checker, pattern: &ast::PhrasePattern) {
    let PatternKind::Regex(re) = &pattern.kind else {
        return;
    };
    let mut changed = Vec::new();
    for c in re
        .pattern
        .chars()
        .filter(|c| !c.is_ascii_punctuation() && !c.is_whitespace())
    {
        let n = normalise(&c.to_string()).text;
        if !n.is_empty() && n != c.to_string() && !changed.iter().any(|(o, _)| *o == c) {
            changed.push((c, n));
        }
    }
    if changed.is_empty() {
        return;
    }
    let listed: Vec<String> = changed
        .iter()
        .map(|(o, n)| format!("`{o}` → `{n}`"))
        .collect();
    cx.report(
        Diagnostic::new("W0050", format!("this regex has characters normalised text never contains: {}", listed.join(", ")))
            .at(re.span, "regexes run on normalised text")
            .help("write regexes in simplified Chinese, half-width and lower case; literals are normalised for you"),
    );
}

//! Rules and phrase sets: clauses present once and allowed for the item, limits and durations,
//! phrase-rule scopes, and the phrase sets themselves.

use super::Checker;
use super::expr::{self, Env};
use super::fields::Context;
use super::model::{Pattern, PhraseRuleDef, PhraseSetDef, RuleBody, RuleDef};
use super::names::{BUILTIN_SETS, Names, RuleItem, nfc};
use super::selectors::{self};
use crate::diag::{Diagnostic, Severity};
use crate::suggest::help_for;
use crate::syntax::ast::{self, ClauseKind};

pub fn phrase_sets(cx: &mut Checker, names: &Names) -> Vec<PhraseSetDef> {
    let mut defs: Vec<PhraseSetDef> = names
        .phrase_sets
        .iter()
        .map(|set| PhraseSetDef {
            name: nfc(&set.name.name),
            patterns: set.patterns.iter().map(|p| pattern(cx, p)).collect(),
            excepts: set.excepts.iter().map(|p| pattern(cx, p)).collect(),
            builtin: false,
        })
        .collect();
    for set in &names.phrase_sets {
        if set.patterns.is_empty() {
            cx.report(
                Diagnostic::new(
                    "E0214",
                    format!("the phrase set `{}` has no phrases", set.name.name),
                )
                .at(set.name.span, "this set can never match")
                .help("add phrases: `phrases NAME { \"您好\" \"早上好\" }`"),
            );
        }
    }
    defs.extend(BUILTIN_SETS.iter().map(|name| PhraseSetDef {
        name: name.to_string(),
        patterns: Vec::new(),
        excepts: Vec::new(),
        builtin: true,
    }));
    defs
}

fn pattern(cx: &mut Checker, p: &ast::PhrasePattern) -> Pattern {
    match &p.kind {
        ast::PatternKind::Literal(s) => {
            if crate::compile::normalise::normalise(&s.value)
                .text
                .is_empty()
            {
                cx.report(
                    Diagnostic::new("E0215", format!("the phrase \"{}\" has nothing to match", s.value))
                        .at(s.span, "only spaces, punctuation or zero-width characters")
                        .help("phrases match with whitespace and punctuation ignored, so this one would match everywhere; remove it"),
                );
            }
            Pattern::Literal(s.value.clone())
        }
        ast::PatternKind::Regex(re) => {
            if let Err(e) = regex::Regex::new(&re.pattern) {
                cx.report(expr::invalid_regex(re, &e));
            }
            Pattern::Regex(re.pattern.clone())
        }
    }
}

pub fn rules(cx: &mut Checker, names: &Names) -> Vec<RuleDef> {
    let env = Env {
        sets: names.set_index.clone(),
        rules: names.rule_names.keys().cloned().collect(),
    };
    names
        .rules
        .iter()
        .filter_map(|rule| match rule {
            RuleItem::Deadline(item, r) => super::deadline::deadline(cx, &env, names, item, r),
            RuleItem::Expect(item, r) => super::expect::expect(cx, &env, item, r),
            RuleItem::Phrase(item, r, name) => phrase_rule(cx, &env, item, r, name),
        })
        .collect()
}

/// The clauses of a rule, each at most once.
pub(super) struct Clauses<'a> {
    found: Vec<(&'static str, &'a ast::Clause)>,
}

impl<'a> Clauses<'a> {
    pub(super) fn collect(
        cx: &mut Checker,
        clauses: &'a [ast::Clause],
        allowed: &[&str],
        item: &str,
    ) -> Self {
        let mut found: Vec<(&'static str, &'a ast::Clause)> = Vec::new();
        for clause in clauses {
            let key = clause_key(&clause.kind);
            if !allowed.contains(&key) {
                not_allowed(cx, clause, key, allowed, item);
                continue;
            }
            if let Some((_, first)) = found.iter().find(|(k, _)| *k == key) {
                cx.report(
                    Diagnostic::new("E0209", format!("`{key}` is given twice"))
                        .at(clause.span, "second one")
                        .also(first.span, "first one")
                        .help(format!(
                            "a rule takes one `{key}`; combine conditions with `and`/`or`"
                        )),
                );
                continue;
            }
            found.push((key, clause));
        }
        Clauses { found }
    }

    pub(super) fn get(&self, key: &str) -> Option<&'a ClauseKind> {
        self.found
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, c)| &c.kind)
    }
}

fn not_allowed(cx: &mut Checker, clause: &ast::Clause, key: &str, allowed: &[&str], item: &str) {
    let (code, message, help) = match &clause.kind {
        ClauseKind::Per(_) => (
            "E0120",
            "`per` is not supported by this version of norma".to_string(),
            "cases (`per case`) arrive in a later version; every record is judged on its own"
                .to_string(),
        ),
        _ => (
            "E0210",
            format!("`{key}` is not allowed in {item}"),
            format!(
                "{item} takes {}",
                allowed
                    .iter()
                    .map(|a| format!("`{a}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
    };
    let label = if code == "E0120" {
        "not evaluated yet"
    } else {
        "not allowed here"
    };
    cx.report(
        Diagnostic::new(code, message)
            .at(clause.span, label)
            .help(help),
    );
}

fn clause_key(kind: &ClauseKind) -> &'static str {
    match kind {
        ClauseKind::When(_) => "when",
        ClauseKind::Severity(_) => "severity",
        ClauseKind::Start(_) => "start",
        ClauseKind::Stop(_) => "stop",
        ClauseKind::Cancel(_) => "cancel",
        ClauseKind::Within(_) => "within",
        ClauseKind::AtLeast(_) => "at least",
        ClauseKind::Due(_) => "due",
        ClauseKind::WarnAt(_) => "warn at",
        ClauseKind::Pause(_) => "pause",
        ClauseKind::Per(_) => "per",
        ClauseKind::Require(_) => "require",
        ClauseKind::Forbid(_) => "forbid",
        ClauseKind::Assert(_) => "assert",
    }
}

/// `when` and `severity`, shared by every rule.
/// A rule's definition: its name, the standard's words, where it is defined, and the `when` and
/// `severity` every rule has, around its kind's own body.
pub(super) fn rule_def(
    cx: &Checker,
    item: &ast::Item,
    name: String,
    description: Option<&ast::Str>,
    (when, severity): (Option<super::model::Expr>, Severity),
    body: RuleBody,
) -> RuleDef {
    RuleDef {
        name,
        description: description.map(|d| d.value.clone()),
        severity,
        defined_at: cx.location(item.span),
        when,
        body,
    }
}

pub(super) fn common_clauses(
    cx: &mut Checker,
    env: &Env,
    c: &Clauses,
) -> Option<(Option<super::model::Expr>, Severity)> {
    let when = match c.get("when") {
        Some(ClauseKind::When(e)) => Some(expr::condition(cx, env, e, Context::Record)),
        _ => None,
    };
    let severity = match c.get("severity") {
        Some(ClauseKind::Severity(word)) => severity(cx, word),
        _ => Some(Severity::Error),
    };
    let when = match when {
        Some(w) => Some(w?),
        None => None,
    };
    Some((when, severity?))
}

fn severity(cx: &mut Checker, word: &ast::Ident) -> Option<Severity> {
    match word.name.as_str() {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        "info" => Some(Severity::Info),
        other => {
            cx.report(
                Diagnostic::new("E0213", format!("unknown severity `{other}`"))
                    .at(word.span, "not a severity")
                    .help(help_for(
                        other,
                        ["error", "warning", "info"],
                        "severities are error, warning and info",
                    )),
            );
            None
        }
    }
}

fn phrase_rule(
    cx: &mut Checker,
    env: &Env,
    item: &ast::Item,
    r: &ast::PhraseRule,
    name: &str,
) -> Option<RuleDef> {
    let forbid = r.polarity == ast::Polarity::Forbid;
    let what = if forbid {
        "a `forbid` rule"
    } else {
        "a `require` rule"
    };
    let c = Clauses::collect(cx, &r.clauses, &["when", "severity"], what);
    let common = common_clauses(cx, env, &c);
    let mut sets = Vec::new();
    for set in &r.sets {
        match env.sets.get(&nfc(&set.name)) {
            Some(i) => sets.push(*i),
            None => expr::unknown_set(cx, env, set),
        }
    }
    let scope = selectors::scope(cx, env, &r.scope, forbid);
    let (when, severity) = common?;
    if sets.len() != r.sets.len() {
        return None;
    }
    let body = RuleBody::Phrase(PhraseRuleDef {
        forbid,
        sets,
        scope: scope?,
    });
    Some(rule_def(
        cx,
        item,
        name.to_string(),
        r.description.as_ref(),
        (when, severity),
        body,
    ))
}

//! Names: kinds, and the separate namespaces of rules and phrase sets (compared after NFC), with
//! duplicates reported at both places. Items of later versions are reported as not supported.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use super::Checker;
use crate::diag::{Diagnostic, Span};
use crate::syntax::ast;

/// Event kinds every policy knows.
pub const BUILTIN_KINDS: [&str; 14] = [
    "ring", "answer", "message", "hold", "transfer", "escalate", "resolve", "reopen", "close",
    "hangup", "survey", "note", "promise", "set",
];

/// Phrase sets norma provides.
pub use crate::compile::phrases::BUILTIN_SETS;

/// Names are compared after NFC so that visually identical names are one name.
pub fn nfc(name: &str) -> String {
    name.nfc().collect()
}

#[derive(Debug, Default)]
pub struct KindTable {
    names: Vec<String>,
}

impl KindTable {
    pub fn contains(&self, kind: &str) -> bool {
        self.names.iter().any(|k| *k == nfc(kind))
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(String::as_str)
    }
}

pub fn declare_kinds(_cx: &mut Checker, items: &[&ast::Item]) -> KindTable {
    let mut names: Vec<String> = BUILTIN_KINDS.iter().map(|k| k.to_string()).collect();
    for item in items {
        if let ast::ItemKind::Kinds(k) = &item.kind {
            for kind in &k.kinds {
                let name = nfc(&kind.name);
                // Redeclaring a built-in kind is harmless, so it is not reported.
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
    }
    KindTable { names }
}

/// A rule item with its resolved name.
pub enum RuleItem<'a> {
    Deadline(&'a ast::Item, &'a ast::Rule),
    Expect(&'a ast::Item, &'a ast::Rule),
    Phrase(&'a ast::Item, &'a ast::PhraseRule, String),
}

impl RuleItem<'_> {
    pub fn name(&self) -> String {
        match self {
            RuleItem::Deadline(_, r) | RuleItem::Expect(_, r) => nfc(&r.name.name),
            RuleItem::Phrase(_, _, name) => name.clone(),
        }
    }
}

/// What the policy declares, by namespace.
pub struct Names<'a> {
    pub phrase_sets: Vec<&'a ast::PhraseSet>,
    /// Set name → index: user sets first, in declaration order, then the built-in ones.
    pub set_index: HashMap<String, usize>,
    pub rules: Vec<RuleItem<'a>>,
    pub rule_names: HashMap<String, Span>,
    /// Names of calendars declared with `calendar` (not supported yet) plus `24x7`.
    pub calendars: Vec<String>,
}

pub fn declare<'a>(cx: &mut Checker, items: &[&'a ast::Item]) -> Names<'a> {
    let mut names = Names {
        phrase_sets: Vec::new(),
        set_index: HashMap::new(),
        rules: Vec::new(),
        rule_names: HashMap::new(),
        calendars: vec!["24x7".to_string()],
    };
    let mut set_spans: HashMap<String, Span> = HashMap::new();
    let mut short_forms: HashMap<String, Span> = HashMap::new();
    let mut calendar_spans: HashMap<String, Span> = HashMap::new();
    for item in items {
        match &item.kind {
            ast::ItemKind::Phrases(set) => {
                let name = nfc(&set.name.name);
                if duplicate(cx, &set_spans, &name, set.name.span, "phrase set") {
                    continue;
                }
                set_spans.insert(name.clone(), set.name.span);
                names.set_index.insert(name, names.phrase_sets.len());
                names.phrase_sets.push(set);
            }
            ast::ItemKind::Deadline(rule) => {
                declare_rule(
                    cx,
                    &mut names,
                    RuleItem::Deadline(item, rule),
                    rule.name.span,
                );
            }
            ast::ItemKind::Expect(rule) => {
                declare_rule(cx, &mut names, RuleItem::Expect(item, rule), rule.name.span);
            }
            ast::ItemKind::PhraseRule(rule) => {
                declare_phrase_rule(cx, &mut names, &mut short_forms, item, rule);
            }
            ast::ItemKind::Reserved(reserved) => not_supported(cx, &mut names, item, reserved),
            ast::ItemKind::Calendar(calendar) => {
                let name = nfc(&calendar.name.name);
                if duplicate(cx, &calendar_spans, &name, calendar.name.span, "calendar") {
                    continue;
                }
                calendar_spans.insert(name.clone(), calendar.name.span);
                names.calendars.push(name);
            }
            _ => {}
        }
    }
    for (i, builtin) in BUILTIN_SETS.iter().enumerate() {
        names
            .set_index
            .insert(builtin.to_string(), names.phrase_sets.len() + i);
    }
    names
}

fn declare_phrase_rule<'a>(
    cx: &mut Checker,
    names: &mut Names<'a>,
    short_forms: &mut HashMap<String, Span>,
    item: &'a ast::Item,
    rule: &'a ast::PhraseRule,
) {
    let (name, span) = match &rule.name {
        Some(n) => (nfc(&n.name), n.span),
        None => {
            let Some(set) = rule.sets.first() else { return };
            let set_name = nfc(&set.name);
            if let Some(first) = short_forms.get(&set_name) {
                let verb = match rule.polarity {
                    ast::Polarity::Forbid => "forbid",
                    ast::Polarity::Require => "require",
                };
                cx.report(
                    Diagnostic::new(
                        "E0104",
                        format!("a second short-form rule on phrase set `{set_name}`"),
                    )
                    .at(set.span, "this rule would also be named after the set")
                    .also(*first, "the first short-form rule on it")
                    .help(format!(
                        "give this rule its own name with the full form: `{verb} NEW_NAME = {set_name} in …`"
                    )),
                );
                return;
            }
            short_forms.insert(set_name.clone(), set.span);
            (set_name, set.span)
        }
    };
    declare_rule(cx, names, RuleItem::Phrase(item, rule, name), span);
}

fn declare_rule<'a>(cx: &mut Checker, names: &mut Names<'a>, rule: RuleItem<'a>, span: Span) {
    let name = rule.name();
    if duplicate(cx, &names.rule_names, &name, span, "rule") {
        return;
    }
    names.rule_names.insert(name, span);
    names.rules.push(rule);
}

fn duplicate(
    cx: &mut Checker,
    seen: &HashMap<String, Span>,
    name: &str,
    span: Span,
    what: &str,
) -> bool {
    let Some(first) = seen.get(name) else {
        return false;
    };
    cx.report(
        Diagnostic::new("E0102", format!("the {what} `{name}` is defined twice"))
            .at(span, "defined again here")
            .also(*first, "first defined here")
            .help(format!(
                "rename one of them; {what} names are global across the policy's files"
            )),
    );
    true
}

/// Items whose syntax is reserved but not evaluated yet: accepting and ignoring them would let a
/// policy look enforced when it is not, so each is an error.
fn not_supported(cx: &mut Checker, names: &mut Names, item: &ast::Item, r: &ast::ReservedItem) {
    let keyword = r.keyword.name.as_str();
    if keyword == "calendar"
        && let Some(name) = &r.name
    {
        names.calendars.push(nfc(&name.name));
    }
    let what = match keyword {
        "calendar" => "business calendars",
        "team" | "escalation" | "escalate" => "teams and escalation paths",
        "ownership" => "ownership rules",
        "scorecard" | "audit" | "measure" => "scorecards, audits and measures",
        _ => "this item",
    };
    cx.report(
        Diagnostic::new(
            "E0120",
            format!("`{keyword}` is not supported by this version of norma"),
        )
        .at(item.span, format!("{what} are not evaluated yet"))
        .help(format!(
            "norma reads {what} but does not evaluate them yet; remove the item (or comment it out) so the policy does not look enforced where it is not"
        )),
    );
}

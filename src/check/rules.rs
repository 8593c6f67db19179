//! Rules and phrase sets: clauses present once and allowed for the item, limits and durations,
//! phrase-rule scopes, and the phrase sets themselves.

use super::Checker;
use super::expr::{self, Env, Ty};
use super::fields::Context;
use super::model::{
    DeadlineDef, Length, Limit, Pattern, PhraseRuleDef, PhraseSetDef, RuleBody, RuleDef, TargetArm,
    Type,
};
use super::names::{BUILTIN_SETS, Names, RuleItem, nfc};
use super::selectors::{self, Role};
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
            RuleItem::Deadline(item, r) => deadline(cx, &env, names, item, r),
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
        ClauseKind::Pause(_) => (
            "E0120",
            "`pause` is not supported by this version of norma".to_string(),
            "pauses need business calendars, which arrive in a later version; remove the clause for now".to_string(),
        ),
        ClauseKind::Per(_) => (
            "E0120",
            "`per` is not supported by this version of norma".to_string(),
            "cases (`per case`) arrive in a later version; every record is judged on its own".to_string(),
        ),
        _ => (
            "E0210",
            format!("`{key}` is not allowed in {item}"),
            format!("{item} takes {}", allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ")),
        ),
    };
    cx.report(
        Diagnostic::new(code, message)
            .at(clause.span, "not allowed here")
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

const DEADLINE_CLAUSES: [&str; 9] = [
    "when", "severity", "start", "stop", "cancel", "within", "at least", "due", "warn at",
];

fn deadline(
    cx: &mut Checker,
    env: &Env,
    names: &Names,
    item: &ast::Item,
    r: &ast::Rule,
) -> Option<RuleDef> {
    let c = Clauses::collect(cx, &r.clauses, &DEADLINE_CLAUSES, "a `deadline`");
    let common = common_clauses(cx, env, &c);
    let start = match c.get("start") {
        Some(ClauseKind::Start(sel)) => selectors::selector(cx, env, sel, Role::Start),
        _ => missing(
            cx,
            r,
            "start",
            "say when the clock starts, e.g. `start opened` or `start each turn by customer`",
        ),
    };
    let stop = match c.get("stop") {
        Some(ClauseKind::Stop(sel)) => selectors::selector(cx, env, sel, Role::Point),
        _ => missing(
            cx,
            r,
            "stop",
            "say what stops the clock, e.g. `stop first message by agent`",
        ),
    };
    let cancel = match c.get("cancel") {
        Some(ClauseKind::Cancel(sel)) => Some(selectors::selector(cx, env, sel, Role::Point)),
        _ => None,
    };
    let limit = limit(cx, env, names, r, &c);
    let warn_at = match c.get("warn at") {
        Some(ClauseKind::WarnAt(p)) => Some(warn_share(cx, p)),
        _ => None,
    };
    if let (Some(Limit::AtLeast(..)), Some(ClauseKind::WarnAt(p))) = (&limit, c.get("warn at")) {
        cx.report(
            Diagnostic::new("E0210", "`warn at` needs a maximum")
                .at(p.span, "an `at least` clock is never at risk")
                .help(
                    "`warn at` marks a clock close to its `within` or `due` limit; remove it here",
                ),
        );
    }
    let cancel = match cancel {
        Some(c) => Some(c?),
        None => None,
    };
    let warn_at = match warn_at {
        Some(w) => Some(w?),
        None => None,
    };
    let (when, severity) = common?;
    Some(RuleDef {
        name: nfc(&r.name.name),
        description: r.description.as_ref().map(|d| d.value.clone()),
        severity,
        defined_at: cx.location(item.span),
        when,
        body: RuleBody::Deadline(DeadlineDef {
            start: start?,
            stop: Some(stop?),
            cancel,
            limit: limit?,
            warn_at,
        }),
    })
}

fn missing<T>(cx: &mut Checker, r: &ast::Rule, clause: &str, help: &str) -> Option<T> {
    cx.report(
        Diagnostic::new(
            "E0209",
            format!("the deadline `{}` has no `{clause}`", r.name.name),
        )
        .at(r.name.span, format!("`{clause}` is required"))
        .help(help.to_string()),
    );
    None
}

fn limit(cx: &mut Checker, env: &Env, names: &Names, r: &ast::Rule, c: &Clauses) -> Option<Limit> {
    let given: Vec<&str> = ["within", "at least", "due"]
        .into_iter()
        .filter(|k| c.get(k).is_some())
        .collect();
    if given.len() > 1 {
        cx.report(
            Diagnostic::new(
                "E0209",
                format!(
                    "the deadline `{}` has both `{}` and `{}`",
                    r.name.name, given[0], given[1]
                ),
            )
            .at(r.name.span, "one limit per deadline")
            .help("keep one of `within`, `at least` and `due`"),
        );
        return None;
    }
    match (c.get("within"), c.get("at least"), c.get("due")) {
        (Some(ClauseKind::Within(l)), _, _) => within(cx, env, names, l),
        (_, Some(ClauseKind::AtLeast(d)), _) => {
            let written = cx.text(d.duration.span);
            Some(Limit::AtLeast(length(cx, names, d)?, written))
        }
        (_, _, Some(ClauseKind::Due(e))) => {
            let (expr, ty) = expr::typed(cx, env, e, Context::Record)?;
            if ty != Ty::Value(Type::Time) {
                cx.report(
                    Diagnostic::new("E0203", "`due` needs a time")
                        .at(e.span, "this is not a time")
                        .help("give an instant from the record, e.g. `due (last promise).due`"),
                );
                return None;
            }
            Some(Limit::Due(expr))
        }
        _ => missing(
            cx,
            r,
            "within",
            "give a limit: `within 60s`, `at least 3 days` or `due (last promise).due`",
        ),
    }
}

fn within(cx: &mut Checker, env: &Env, names: &Names, limit: &ast::Limit) -> Option<Limit> {
    let table = match limit {
        ast::Limit::Fixed(d) => {
            let length = length(cx, names, d)?;
            return Some(Limit::Within(vec![TargetArm {
                condition: None,
                length,
                written: cx.text(d.duration.span),
                label: "else".into(),
            }]));
        }
        ast::Limit::Table(t) => t,
    };
    let mut arms = Vec::new();
    let mut ok = true;
    for (i, arm) in table.arms.iter().enumerate() {
        let is_last = i + 1 == table.arms.len();
        if arm.condition.is_none() && !is_last {
            cx.report(
                Diagnostic::new("E0211", "`else` must be the last arm of a target table")
                    .at(arm.span, "arms after it could never be chosen")
                    .help("move `else => …` to the end"),
            );
            ok = false;
        }
        let condition = arm
            .condition
            .as_ref()
            .map(|e| expr::condition(cx, env, e, Context::Record));
        let length = length(cx, names, &arm.limit);
        let written = cx.text(arm.limit.duration.span);
        let label = match &arm.condition {
            Some(e) => cx.text(e.span),
            None => "else".to_string(),
        };
        match (condition, length) {
            (Some(Some(c)), Some(l)) => arms.push(TargetArm {
                condition: Some(c),
                length: l,
                written: written.clone(),
                label,
            }),
            (None, Some(l)) => arms.push(TargetArm {
                condition: None,
                length: l,
                written: written.clone(),
                label,
            }),
            _ => ok = false,
        }
    }
    if table.arms.last().is_some_and(|a| a.condition.is_some()) {
        cx.report(
            Diagnostic::new("E0211", "a target table needs an `else` arm")
                .at(
                    table.span,
                    "no arm applies when every condition is false or unknown",
                )
                .help("add `else => 24h` (or whatever the standard's default is) as the last arm"),
        );
        ok = false;
    }
    ok.then_some(Limit::Within(arms))
}

fn length(cx: &mut Checker, names: &Names, d: &ast::DurationLimit) -> Option<Length> {
    if let Some(cal) = &d.calendar {
        let name = nfc(&cal.name);
        if name != "24x7" && !names.calendars.contains(&name) {
            cx.report(
                Diagnostic::new("E0101", format!("unknown calendar `{name}`"))
                    .at(cal.span, "no calendar has this name")
                    .help(help_for(
                        &name,
                        names.calendars.iter().map(String::as_str),
                        "the built-in calendar is `24x7`",
                    )),
            );
            return None;
        }
    }
    duration(cx, &d.duration)
}

/// A duration literal's length; E04xx for units the language rejects.
pub fn duration(cx: &mut Checker, d: &ast::DurationLit) -> Option<Length> {
    let length = match d.unit.as_str() {
        "s" => seconds(d.amount, 1),
        "min" => seconds(d.amount, 60),
        "h" => seconds(d.amount, 3600),
        "day" | "days" => u32::try_from(d.amount)
            .ok()
            .filter(|n| u64::from(*n) <= MAX_DAYS)
            .map(Length::Days),
        unit => return bad_unit(cx, d, unit),
    };
    if length.is_none() {
        cx.report(
            Diagnostic::new("E0407", "this duration is longer than a limit can be")
                .at(d.span, "more than 100 years")
                .help("limits are at most 100 years (36500 days); did you mean a smaller number?"),
        );
    }
    length
}

/// The longest limit: 100 years, so every due instant stays a valid four-digit-year time.
const MAX_DAYS: u64 = 36_500;

fn seconds(amount: u64, per: u64) -> Option<Length> {
    let total = amount
        .checked_mul(per)
        .filter(|s| *s <= MAX_DAYS * 86_400)?;
    i64::try_from(total).ok().map(Length::Seconds)
}

fn bad_unit(cx: &mut Checker, d: &ast::DurationLit, unit: &str) -> Option<Length> {
    let (code, message, help) = match unit {
        "d" => (
            "E0401",
            "`d` is not a unit".to_string(),
            match d.amount.checked_mul(24) {
                Some(hours) => format!(
                    "write `{hours}h` for elapsed hours or `{} day` for a civil-code day",
                    d.amount
                ),
                None => "write hours (`h`) or civil-code days (`day`)".to_string(),
            },
        ),
        "m" => (
            "E0402",
            "`m` is not a unit".to_string(),
            format!("write `{}min` for minutes", d.amount),
        ),
        "workday" | "workdays" => (
            "E0405",
            "working days need a business calendar".to_string(),
            "business calendars arrive in a later version; use `h` or `day` for now".to_string(),
        ),
        _ => (
            "E0403",
            format!("unknown unit `{unit}`"),
            help_for(
                unit,
                ["s", "min", "h", "day", "days", "workday", "workdays"],
                "units are s, min, h, day(s) and workday(s)",
            ),
        ),
    };
    cx.report(
        Diagnostic::new(code, message)
            .at(d.span, "in this duration")
            .help(help),
    );
    None
}

fn warn_share(cx: &mut Checker, p: &ast::Percent) -> Option<f64> {
    match p.value.parse::<f64>() {
        Ok(v) if v > 0.0 && v < 100.0 => Some(v / 100.0),
        _ => {
            cx.report(
                Diagnostic::new("E0406", format!("`warn at {}%` is outside 0–100%", p.value))
                    .at(p.span, "a share of the limit")
                    .help("warn at a share strictly between 0% and 100%, e.g. `warn at 80%`"),
            );
            None
        }
    }
}

/// `when` and `severity`, shared by every rule.
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
    Some(RuleDef {
        name: name.to_string(),
        description: r.description.as_ref().map(|d| d.value.clone()),
        severity,
        defined_at: cx.location(item.span),
        when,
        body: RuleBody::Phrase(PhraseRuleDef {
            forbid,
            sets,
            scope: scope?,
        }),
    })
}

//! Deadlines: a start, a stop and one limit (`within`, a target table, `at least`, `due`).

use super::Checker;
use super::durations::duration;
use super::expr::{self, Env, Ty};
use super::fields::Context;
use super::model::{DeadlineDef, Length, Limit, PauseDef, RuleBody, RuleDef, TargetArm, Type};
use super::names::{Names, nfc};
use super::rules::{Clauses, common_clauses, rule_def};
use super::selectors::{self, Role};
use crate::diag::Diagnostic;
use crate::suggest::help_for;
use crate::syntax::ast::{self, ClauseKind};

const DEADLINE_CLAUSES: [&str; 10] = [
    "when", "severity", "start", "stop", "cancel", "within", "at least", "due", "warn at", "pause",
];

pub(super) fn deadline(
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
    let pause = match c.get("pause") {
        Some(ClauseKind::Pause(p)) => Some(pause(cx, env, p, matches!(limit, Some(Limit::Due(_))))),
        _ => None,
    };
    let cancel = match cancel {
        Some(c) => Some(c?),
        None => None,
    };
    let pause = match pause {
        Some(p) => Some(p?),
        None => None,
    };
    let warn_at = match warn_at {
        Some(w) => Some(w?),
        None => None,
    };
    let (when, severity) = common?;
    let body = RuleBody::Deadline(Box::new(DeadlineDef {
        start: start?,
        stop: Some(stop?),
        cancel,
        limit: limit?,
        warn_at,
        pause,
    }));
    let name = nfc(&r.name.name);
    Some(rule_def(
        cx,
        item,
        name,
        r.description.as_ref(),
        (when, severity),
        body,
    ))
}

/// `pause from SEL until SEL` or `pause while awaiting == "customer"|"agent"`.
fn pause(cx: &mut Checker, env: &Env, p: &ast::Pause, due_limit: bool) -> Option<PauseDef> {
    if due_limit {
        let span = match p {
            ast::Pause::Interval { from, .. } => from.span(),
            ast::Pause::Awaiting { party, .. } => party.span,
        };
        cx.report(
            Diagnostic::new("E0210", "a `due` limit takes no `pause`")
                .at(span, "the due instant is fixed by the record")
                .help("a promised time is kept or broken whatever happens in between; remove the pause"),
        );
        return None;
    }
    match p {
        ast::Pause::Interval { from, until } => {
            let from = selectors::selector(cx, env, from, Role::Set);
            let until = selectors::selector(cx, env, until, Role::Point);
            Some(PauseDef::Interval {
                from: from?,
                until: until?,
            })
        }
        ast::Pause::Awaiting { op, op_span, party } => {
            if *op != ast::CompareOp::Eq {
                cx.report(
                    Diagnostic::new("E0203", "`awaiting` is compared with `==`")
                        .at(*op_span, "only `==` is allowed here")
                        .help("write `pause while awaiting == \"customer\"`"),
                );
                return None;
            }
            match party.value.as_str() {
                "customer" => Some(PauseDef::AwaitingCustomer),
                "agent" => Some(PauseDef::AwaitingAgent),
                other => {
                    cx.report(
                        Diagnostic::new(
                            "E0202",
                            format!("\"{other}\" is not a value of `awaiting`"),
                        )
                        .at(party.span, "`awaiting` is \"customer\" or \"agent\"")
                        .help(help_for(
                            other,
                            ["customer", "agent"],
                            "write \"customer\" (the company waits for the customer) or \"agent\"",
                        )),
                    );
                    None
                }
            }
        }
    }
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
            let (length, calendar) = length(cx, names, d)?;
            Some(Limit::AtLeast(TargetArm {
                condition: None,
                length,
                calendar,
                written: cx.text(d.duration.span),
                label: "at least".into(),
            }))
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
            let (length, calendar) = length(cx, names, d)?;
            return Some(Limit::Within(vec![TargetArm {
                condition: None,
                length,
                calendar,
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
            (Some(Some(c)), Some((l, calendar))) => arms.push(TargetArm {
                condition: Some(c),
                length: l,
                calendar,
                written: written.clone(),
                label,
            }),
            (None, Some((l, calendar))) => arms.push(TargetArm {
                condition: None,
                length: l,
                calendar,
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

/// A limit's length and the calendar it counts on (`using CAL`, else `24x7`).
fn length(cx: &mut Checker, names: &Names, d: &ast::DurationLimit) -> Option<(Length, usize)> {
    let calendar = match &d.calendar {
        None => 0,
        Some(cal) => {
            let name = nfc(&cal.name);
            match cx.calendar_index.get(&name) {
                Some(i) => *i,
                // Declared but with errors: those are reported at the calendar already.
                None if names.calendars.contains(&name) => return None,
                None => {
                    cx.report(
                        Diagnostic::new("E0101", format!("unknown calendar `{name}`"))
                            .at(cal.span, "no calendar has this name")
                            .help(help_for(
                                &name,
                                names.calendars.iter().map(String::as_str),
                                "declare it with `calendar NAME { hours mon-fri 08:30-17:00 }`; the built-in calendar is `24x7`",
                            )),
                    );
                    return None;
                }
            }
        }
    };
    let length = duration(cx, &d.duration)?;
    if matches!(length, Length::Workdays(_)) && d.calendar.is_none() {
        cx.report(
            Diagnostic::new("E0405", "working days need a business calendar")
                .at(d.duration.span, "which days are working days?")
                .help("name the calendar: `within 4 workdays using 营业时间`"),
        );
        return None;
    }
    Some((length, calendar))
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

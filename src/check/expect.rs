//! `expect` rules: exactly one `require`, `forbid` or `assert` clause over the record's events.

use super::Checker;
use super::expr::{self, Env};
use super::fields::Context;
use super::model::{ExpectDef, RuleBody, RuleDef, Selector};
use super::names::nfc;
use super::rules::{Clauses, common_clauses, rule_def};
use super::selectors::{self, Role};
use crate::diag::Diagnostic;
use crate::syntax::ast::{self, ClauseKind};

const EXPECT_CLAUSES: [&str; 5] = ["when", "severity", "require", "forbid", "assert"];

pub fn expect(cx: &mut Checker, env: &Env, item: &ast::Item, r: &ast::Rule) -> Option<RuleDef> {
    let c = Clauses::collect(cx, &r.clauses, &EXPECT_CLAUSES, "an `expect`");
    let common = common_clauses(cx, env, &c);
    let given: Vec<&str> = ["require", "forbid", "assert"]
        .into_iter()
        .filter(|k| c.get(k).is_some())
        .collect();
    let def = match given.as_slice() {
        [_] => body(cx, env, &c),
        [] => {
            cx.report(
                Diagnostic::new("E0209", format!("the expect `{}` has no clause to check", r.name.name))
                    .at(r.name.span, "`require`, `forbid` or `assert` is required")
                    .help("add one, e.g. `assert count(ring before answer) <= 3` or `require note after each survey`"),
            );
            None
        }
        [first, second, ..] => {
            cx.report(
                Diagnostic::new(
                    "E0209",
                    format!(
                        "the expect `{}` has both `{first}` and `{second}`",
                        r.name.name
                    ),
                )
                .at(r.name.span, "one clause per expect")
                .help("split it into two `expect` rules, one per clause"),
            );
            None
        }
    };
    let (when, severity) = common?;
    let body = RuleBody::Expect(def?);
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

fn body(cx: &mut Checker, env: &Env, c: &Clauses) -> Option<ExpectDef> {
    match (c.get("require"), c.get("forbid"), c.get("assert")) {
        (Some(ClauseKind::Require(steps)), _, _) if steps.len() > 1 => {
            let resolved: Vec<Option<Selector>> =
                steps.iter().map(|s| target(cx, env, s)).collect();
            resolved
                .into_iter()
                .collect::<Option<Vec<_>>>()
                .map(ExpectDef::Sequence)
        }
        (Some(ClauseKind::Require(steps)), _, _) => {
            let step = steps.first()?;
            target(cx, env, step).map(ExpectDef::Require)
        }
        (_, Some(ClauseKind::Forbid(sel)), _) => target(cx, env, sel).map(ExpectDef::Forbid),
        (_, _, Some(ClauseKind::Assert(e))) => {
            expr::condition(cx, env, e, Context::Record).map(ExpectDef::Assert)
        }
        _ => None,
    }
}

/// The selector an expect clause looks for: events, not `opened` or customer turns.
fn target(cx: &mut Checker, env: &Env, sel: &ast::Selector) -> Option<Selector> {
    if let ast::Selector::Opened(span) | ast::Selector::CustomerTurns { span, .. } = sel {
        cx.report(
            Diagnostic::new("E0206", "an `expect` clause selects events")
                .at(*span, "not allowed here")
                .help("name the events to look for, e.g. `require note where event.attrs.type == \"回访\"`"),
        );
        return None;
    }
    selectors::selector(cx, env, sel, Role::Expect)
}

//! Event selectors: kinds, actors, quantifiers legal where the selector is used, and scopes of
//! phrase rules.

use super::Checker;
use super::expr::{self, Env};
use super::fields::Context;
use super::model::{ActorSel, EventSelector, Expr, Quantifier, Scope, ScopeQuantifier, Selector};
use crate::diag::{Diagnostic, Span};
use crate::suggest::help_for;
use crate::syntax::ast;

/// Where a selector is used decides which quantifiers it may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `start`: `each` gives an instance per match; `opened` and customer turns are allowed.
    Start,
    /// `stop`, `cancel`: one point at or after the start, so `next` is allowed.
    Point,
    /// `after`/`before` anchors, `(SEL).field`, `elapsed`: one point.
    Anchor,
    /// `count`, `exists`, `every`: every match.
    Set,
    /// The selector of an `expect` clause: every match in its window.
    Expect,
    /// The `after`/`before` anchor of an `expect` clause's selector: `after each` gives an
    /// instance per anchor.
    ExpectAnchor,
}

const ACTORS: [&str; 5] = ["customer", "agent", "bot", "system", "staff"];

pub fn selector(cx: &mut Checker, env: &Env, sel: &ast::Selector, role: Role) -> Option<Selector> {
    match sel {
        ast::Selector::Opened(span) => {
            if matches!(role, Role::Start | Role::Anchor | Role::ExpectAnchor) {
                Some(Selector::Opened)
            } else {
                not_here(
                    cx,
                    *span,
                    "`opened`",
                    "`opened` is the record's opening instant: use it as a `start` or an anchor",
                );
                None
            }
        }
        ast::Selector::FirstOf(alternatives, span) => {
            if let Some(opened) = alternatives
                .iter()
                .find(|a| matches!(a, ast::Selector::Opened(_)))
            {
                not_here(
                    cx,
                    opened.span(),
                    "`opened` inside `first of`",
                    "the opening comes before every event, so `first of (opened, …)` is `opened`: write that",
                );
                return None;
            }
            if role == Role::Set {
                not_here(
                    cx,
                    *span,
                    "`first of (…)`",
                    "`first of` picks one event; `count` and `exists` take every match",
                );
            }
            let resolved: Vec<Option<Selector>> = alternatives
                .iter()
                .map(|alt| selector(cx, env, alt, role))
                .collect();
            let all: Option<Vec<Selector>> = resolved.into_iter().collect();
            all.map(Selector::FirstOf)
        }
        ast::Selector::CustomerTurns { filter, span } => {
            if role != Role::Start {
                not_here(
                    cx,
                    *span,
                    "`each turn by customer`",
                    "customer turns start clocks: use it after `start`",
                );
            }
            let filter = match filter {
                Some(f) => Some(Box::new(expr::condition(cx, env, f, Context::Event)?)),
                None => None,
            };
            Some(Selector::CustomerTurns { filter })
        }
        ast::Selector::Events(e) => event_selector(cx, env, e, role).map(Selector::Events),
    }
}

fn event_selector(
    cx: &mut Checker,
    env: &Env,
    e: &ast::EventSelector,
    role: Role,
) -> Option<EventSelector> {
    let quantifier = quantifier(cx, e.quantifier.as_ref(), role);
    let kind = kind(cx, &e.kind);
    let actor = actor(
        cx,
        e.by.as_ref(),
        kind.as_ref().ok().and_then(|k| k.as_deref()),
    );
    // In an `expect`, `after each SEL` gives an instance per anchor.
    let anchor_role = if role == Role::Expect {
        Role::ExpectAnchor
    } else {
        Role::Anchor
    };
    let narrowing = narrowing(cx, env, e, anchor_role);
    let narrowing = narrowing?;
    Some(EventSelector {
        quantifier: quantifier?,
        kind: kind.ok()?,
        actor: actor?,
        filter: narrowing.filter.map(Box::new),
        after: narrowing.after,
        before: narrowing.before,
    })
}

fn quantifier(cx: &mut Checker, q: Option<&ast::Quantifier>, role: Role) -> Option<Quantifier> {
    let Some(q) = q else {
        return Some(Quantifier::Plain);
    };
    match (q, role) {
        (ast::Quantifier::First(_), _) => Some(Quantifier::First),
        (ast::Quantifier::Last(s), Role::Point) => {
            not_here(
                cx,
                *s,
                "`last`",
                "`stop` and `cancel` take the first matching event after the start: write `first` or `next`",
            );
            None
        }
        (ast::Quantifier::Last(_), _) => Some(Quantifier::Last),
        (ast::Quantifier::Each(_), Role::Start | Role::ExpectAnchor) => Some(Quantifier::Each),
        (ast::Quantifier::Next(_), Role::Point) => Some(Quantifier::Next),
        (ast::Quantifier::Each(s), _) => {
            not_here(
                cx,
                *s,
                "`each`",
                "`each` gives an instance per match: it belongs after `start`, in a phrase-rule scope, or after `after` in an `expect`",
            );
            None
        }
        (ast::Quantifier::Next(s), _) => {
            not_here(
                cx,
                *s,
                "`next`",
                "`next` means the first match after an instance's start: use it in `stop` or `cancel`, else write `first`",
            );
            None
        }
        (ast::Quantifier::Any(s), _) | (ast::Quantifier::LastN(_, s), _) => {
            not_here(
                cx,
                *s,
                "this quantifier",
                "`any` and `last N messages` are phrase-rule scopes: `require SET in any message by agent`",
            );
            None
        }
    }
}

/// `Ok(None)` is `event` (any kind); `Err` an unknown kind, already reported.
fn kind(cx: &mut Checker, kind: &ast::Ident) -> Result<Option<String>, ()> {
    let name = super::names::nfc(&kind.name);
    if name == "event" {
        return Ok(None);
    }
    if cx.kinds.contains(&name) {
        return Ok(Some(name));
    }
    let help = help_for(
        &name,
        cx.kinds.names().collect::<Vec<_>>(),
        "declare it in a `kinds { … }` block, or use a built-in kind",
    );
    cx.report(
        Diagnostic::new("E0204", format!("unknown event kind `{name}`"))
            .at(kind.span, "not a built-in or declared kind")
            .help(help),
    );
    Err(())
}

fn actor(
    cx: &mut Checker,
    by: Option<&ast::Ident>,
    kind: Option<&str>,
) -> Option<Option<ActorSel>> {
    let Some(by) = by else {
        return Some(None);
    };
    let actor = match by.name.as_str() {
        "customer" => ActorSel::Customer,
        "agent" => ActorSel::Agent,
        "bot" => ActorSel::Bot,
        "system" => ActorSel::System,
        "staff" => ActorSel::Staff,
        other => {
            cx.report(
                Diagnostic::new("E0205", format!("unknown actor `{other}`"))
                    .at(by.span, "not an actor")
                    .help(help_for(
                        other,
                        ACTORS,
                        "actors are customer, agent (human), bot, system and staff (agent or bot)",
                    )),
            );
            return None;
        }
    };
    if actor == ActorSel::System && kind == Some("message") {
        cx.report(
            Diagnostic::new("E0206", "`message by system` never matches")
                .at(by.span, "message selectors skip system messages")
                .help("an auto-reply neither stops a clock nor greets; select `event by system` if you mean system events"),
        );
        return None;
    }
    Some(Some(actor))
}

fn not_here(cx: &mut Checker, span: Span, what: &str, help: &str) {
    cx.report(
        Diagnostic::new("E0206", format!("{what} is not allowed here"))
            .at(span, "not allowed in this position")
            .help(help),
    );
}

/// The scope of a phrase rule: `each|any|first|last message by A`, `last N messages by A`.
pub fn scope(cx: &mut Checker, env: &Env, sel: &ast::Selector, forbid: bool) -> Option<Scope> {
    let ast::Selector::Events(e) = sel else {
        cx.report(
            Diagnostic::new("E0207", "a phrase rule's scope must select messages")
                .at(sel.span(), "not a message scope")
                .help("write e.g. `in each message by agent` or `in last 3 messages by agent`"),
        );
        return None;
    };
    let quantifier = scope_quantifier(cx, e, forbid);
    let plural = matches!(e.quantifier, Some(ast::Quantifier::LastN(..)));
    let expected = if plural { "messages" } else { "message" };
    if e.kind.name != expected {
        cx.report(
            Diagnostic::new(
                "E0207",
                format!(
                    "a phrase rule's scope selects `{expected}`, not `{}`",
                    e.kind.name
                ),
            )
            .at(e.kind.span, "phrases are matched in messages")
            .help(format!(
                "write `{expected}` here (the plural only after `last N`)"
            )),
        );
    }
    let actor = actor(cx, e.by.as_ref(), Some("message"));
    let narrowing = narrowing(cx, env, e, Role::Anchor);
    let empty_reason = match &e.by {
        Some(by) => format!("no message by {}", by.name),
        None => "no message".to_string(),
    };
    let narrowing = narrowing?;
    Some(Scope {
        quantifier: quantifier?,
        actor: actor?,
        empty_reason,
        filter: narrowing.filter,
        after: narrowing.after,
        before: narrowing.before,
    })
}

fn scope_quantifier(
    cx: &mut Checker,
    e: &ast::EventSelector,
    forbid: bool,
) -> Option<ScopeQuantifier> {
    let quantifier = match &e.quantifier {
        Some(ast::Quantifier::Each(_)) => ScopeQuantifier::Each,
        Some(ast::Quantifier::First(_)) => ScopeQuantifier::First,
        Some(ast::Quantifier::Last(_)) => ScopeQuantifier::Last,
        Some(ast::Quantifier::LastN(0, s)) => {
            cx.report(
                Diagnostic::new("E0207", "`last 0 messages` is an empty scope")
                    .at(*s, "no message would be judged")
                    .help("write `last N messages` with N of at least 1, or `last message`"),
            );
            return None;
        }
        Some(ast::Quantifier::LastN(n, _)) => ScopeQuantifier::LastN(*n),
        Some(ast::Quantifier::Any(s)) if forbid => {
            cx.report(
                Diagnostic::new("E0207", "`forbid … in any message` is ambiguous")
                    .at(*s, "`forbid` judges every message")
                    .help(
                        "write `in each message by …`: each message with a match violates the rule",
                    ),
            );
            return None;
        }
        Some(ast::Quantifier::Any(_)) => ScopeQuantifier::Any,
        Some(ast::Quantifier::Next(_)) | None => {
            let span = match &e.quantifier {
                Some(ast::Quantifier::Next(s)) => *s,
                _ => e.kind.span,
            };
            cx.report(
                Diagnostic::new(
                    "E0207",
                    "a phrase rule's scope needs `each`, `any`, `first`, `last` or `last N`",
                )
                .at(span, "which messages are judged?")
                .help("write e.g. `in each message by agent` or `in first message by agent`"),
            );
            return None;
        }
    };
    Some(quantifier)
}

/// What narrows a selector's events: `where`, `after`, `before` (and `to TEAM`, refused for now).
struct Narrowing {
    filter: Option<Expr>,
    after: Option<Box<Selector>>,
    before: Option<Box<Selector>>,
}

/// Resolves `where`, `after` and `before`, reporting every problem before giving up.
fn narrowing(
    cx: &mut Checker,
    env: &Env,
    e: &ast::EventSelector,
    after_role: Role,
) -> Option<Narrowing> {
    if let Some(team) = &e.to {
        cx.report(
            Diagnostic::new(
                "E0120",
                "`to TEAM` is not supported by this version of norma",
            )
            .at(team.span, "teams are not evaluated yet")
            .help("remove `to …` for now; teams and escalation paths arrive in a later version"),
        );
    }
    let filter = e
        .filter
        .as_ref()
        .map(|f| expr::condition(cx, env, f, Context::Event));
    let after = e.after.as_ref().map(|a| selector(cx, env, a, after_role));
    let before = e
        .before
        .as_ref()
        .map(|b| selector(cx, env, b, Role::Anchor));
    let to_refused = e.to.is_some();
    let filter = match filter {
        Some(f) => Some(f?),
        None => None,
    };
    let after = match after {
        Some(a) => Some(Box::new(a?)),
        None => None,
    };
    let before = match before {
        Some(b) => Some(Box::new(b?)),
        None => None,
    };
    (!to_refused).then_some(Narrowing {
        filter,
        after,
        before,
    })
}

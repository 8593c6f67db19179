//! Event selectors over one record. Events are ordered by `at` (ties in input order), so "before"
//! and "after" compare event positions. An `after`/`before` anchor that never occurs makes the
//! rule not applicable, which is reported as `Err(reason)`.

use super::context::Ctx;
use super::expr::truth;
use crate::check::model::{EventSelector, Quantifier, Scope, ScopeQuantifier, Selector};
use crate::records::{Actor, Event, Instant};

pub const ANCHOR_NEVER: &str = "anchor never occurred";

/// A point a selector names: the record's opening, or an event.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Point {
    Opened(Option<Instant>),
    Event(usize),
}

impl Point {
    pub fn event(&self) -> Option<usize> {
        match self {
            Point::Event(i) => Some(*i),
            Point::Opened(_) => None,
        }
    }
}

pub fn time_of(cx: &Ctx, p: Point) -> Option<Instant> {
    match p {
        Point::Opened(t) => t,
        Point::Event(i) => cx.record.events.get(i).and_then(|e| e.at),
    }
}

/// Every match (where a set is meant: `count`, `exists`, `every`), in event order.
pub fn all(cx: &Ctx, sel: &Selector) -> Result<Vec<Point>, String> {
    match sel {
        Selector::Opened => Ok(vec![Point::Opened(cx.record.opened)]),
        Selector::Events(e) => {
            let matches = matching(cx, e)?;
            let chosen = match e.quantifier {
                Quantifier::First => matches.first().copied().into_iter().collect(),
                Quantifier::Last => matches.last().copied().into_iter().collect(),
                _ => matches,
            };
            Ok(chosen.into_iter().map(Point::Event).collect())
        }
        Selector::FirstOf(alternatives) => {
            let mut events = Vec::new();
            for alt in alternatives {
                events.extend(all(cx, alt)?.into_iter().filter_map(|p| p.event()));
            }
            events.sort_unstable();
            events.dedup();
            Ok(events.into_iter().map(Point::Event).collect())
        }
        Selector::CustomerTurns { filter } => Ok(turn_starts(cx, filter.as_deref())
            .into_iter()
            .map(Point::Event)
            .collect()),
    }
}

/// The one point a selector names: its first match, or its last with `last`.
pub fn point(cx: &Ctx, sel: &Selector) -> Result<Option<Point>, String> {
    if let Selector::Events(e) = sel
        && e.quantifier == Quantifier::Last
    {
        return Ok(matching(cx, e)?.last().map(|i| Point::Event(*i)));
    }
    if let Selector::FirstOf(alternatives) = sel {
        let mut earliest: Option<usize> = None;
        for alt in alternatives {
            if let Some(i) = point(cx, alt)?.and_then(|p| p.event()) {
                earliest = Some(earliest.map_or(i, |e| e.min(i)));
            }
        }
        return Ok(earliest.map(Point::Event));
    }
    Ok(all(cx, sel)?.first().copied())
}

/// The points that start clocks: one per match with `each` (and per customer turn), else one.
pub fn starts(cx: &Ctx, sel: &Selector) -> Result<Vec<Point>, String> {
    match sel {
        Selector::Events(e) if e.quantifier == Quantifier::Each => all(cx, sel),
        Selector::CustomerTurns { .. } => all(cx, sel),
        _ => Ok(point(cx, sel)?.into_iter().collect()),
    }
}

/// The first match after an instance's start and no later than the evaluation time (`stop`,
/// `cancel`): there `first` and `next` mean the same.
pub fn first_after(cx: &Ctx, sel: &Selector, start: Point) -> Result<Option<usize>, String> {
    let candidates: Vec<usize> = match sel {
        // Each alternative is itself relative to the start: `first of (first message, escalate)`
        // stops at the first message after this clock's start, not the record's first message.
        Selector::FirstOf(alternatives) => {
            let mut earliest: Option<usize> = None;
            for alt in alternatives {
                if let Some(i) = first_after(cx, alt, start)? {
                    earliest = Some(earliest.map_or(i, |e| e.min(i)));
                }
            }
            return Ok(earliest);
        }
        Selector::Events(e) => matching(cx, e)?,
        other => all(cx, other)?
            .into_iter()
            .filter_map(|p| p.event())
            .collect(),
    };
    let now = cx.now;
    Ok(candidates.into_iter().find(|i| {
        let Some(e) = cx.record.events.get(*i) else {
            return false;
        };
        let after_start = match start {
            Point::Event(s) => *i > s,
            Point::Opened(t) => match (e.at, t) {
                (Some(at), Some(t)) => at >= t,
                _ => true,
            },
        };
        let happened = match (e.at, now) {
            (Some(at), Some(now)) => at <= now,
            _ => true,
        };
        after_start && happened
    }))
}

/// Events matching kind, actor, `where` and anchors, in order (quantifier not applied).
fn matching(cx: &Ctx, sel: &EventSelector) -> Result<Vec<usize>, String> {
    let after = anchor(cx, sel.after.as_deref())?;
    let before = anchor(cx, sel.before.as_deref())?;
    Ok(cx
        .record
        .events
        .iter()
        .filter(|e| after.is_none_or(|a| is_after(e, a)) && before.is_none_or(|b| is_before(e, b)))
        .filter(|e| kind_matches(e, sel.kind.as_deref()))
        .filter(|e| sel.actor.is_none_or(|a| a.matches(e.actor)))
        .filter(|e| {
            sel.filter
                .as_ref()
                .is_none_or(|f| truth(cx, f, Some(e.index)) == Ok(true))
        })
        .map(|e| e.index)
        .collect())
}

/// `message` selectors skip system messages: an auto-reply neither stops a clock nor greets.
fn kind_matches(e: &Event, kind: Option<&str>) -> bool {
    match kind {
        None => true,
        Some("message") => e.kind == "message" && e.actor != Actor::System,
        Some(k) => e.kind == k,
    }
}

fn anchor(cx: &Ctx, sel: Option<&Selector>) -> Result<Option<Point>, String> {
    let Some(sel) = sel else { return Ok(None) };
    match point(cx, sel)? {
        Some(p) => Ok(Some(p)),
        None => Err(ANCHOR_NEVER.to_string()),
    }
}

fn is_after(e: &Event, anchor: Point) -> bool {
    match anchor {
        Point::Event(a) => e.index > a,
        Point::Opened(t) => match (e.at, t) {
            (Some(at), Some(t)) => at > t,
            _ => true,
        },
    }
}

fn is_before(e: &Event, anchor: Point) -> bool {
    match anchor {
        Point::Event(a) => e.index < a,
        Point::Opened(t) => match (e.at, t) {
            (Some(at), Some(t)) => at < t,
            _ => false,
        },
    }
}

/// A customer turn is a maximal run of customer messages with no staff message between; the
/// turn is identified by its first message (tested by `where`). System messages do not split it.
fn turn_starts(cx: &Ctx, filter: Option<&crate::check::model::Expr>) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut in_turn = false;
    for e in &cx.record.events {
        if !kind_matches(e, Some("message")) {
            continue;
        }
        if e.actor == Actor::Customer {
            let passes = filter.is_none_or(|f| truth(cx, f, Some(e.index)) == Ok(true));
            if !in_turn && passes {
                starts.push(e.index);
            }
            in_turn = true;
        } else {
            in_turn = false;
        }
    }
    starts
}

/// The messages a phrase rule judges, before the quantifier picks among them.
pub fn scope_messages(cx: &Ctx, scope: &Scope) -> Result<Vec<usize>, String> {
    let sel = EventSelector {
        quantifier: Quantifier::Plain,
        kind: Some("message".to_string()),
        actor: scope.actor,
        filter: scope.filter.clone().map(Box::new),
        after: scope.after.clone(),
        before: scope.before.clone(),
    };
    let messages = matching(cx, &sel)?;
    Ok(match scope.quantifier {
        ScopeQuantifier::Each | ScopeQuantifier::Any => messages,
        ScopeQuantifier::First => messages.first().copied().into_iter().collect(),
        ScopeQuantifier::Last => messages.last().copied().into_iter().collect(),
        ScopeQuantifier::LastN(n) => {
            let skip = messages.len().saturating_sub(n as usize);
            messages[skip..].to_vec()
        }
    })
}

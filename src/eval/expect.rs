//! `expect` rules: a required or forbidden event in a window, a required order of events, or an
//! assertion over the record. An anchor that never occurs makes the rule not applicable; findings
//! point at the offending event, else at the anchor.

use super::context::Ctx;
use super::expr::truth;
use super::outcome::{Evidence, Instance, Status};
use super::select::{self, Point};
use crate::check::model::{ActorSel, ExpectDef, Quantifier, Selector};

pub fn evaluate(cx: &Ctx, e: &ExpectDef) -> Result<Vec<Instance>, String> {
    match e {
        ExpectDef::Assert(expr) => match truth(cx, expr, None) {
            Ok(holds) => {
                let (status, message) = if holds {
                    (Status::Passed, "the assertion holds")
                } else {
                    (Status::Violated, "the assertion does not hold")
                };
                Ok(vec![instance(
                    status,
                    None,
                    message.to_string(),
                    None,
                    None,
                    None,
                )])
            }
            Err(reason) => Err(reason),
        },
        ExpectDef::Require(sel) => Ok(windows(cx, sel, false)?
            .into_iter()
            .map(|(anchor, found)| required(sel, anchor, &found))
            .collect()),
        ExpectDef::Forbid(sel) => Ok(windows(cx, sel, true)?
            .into_iter()
            .flat_map(|(anchor, found)| forbidden(sel, anchor, &found))
            .collect()),
        ExpectDef::Sequence(steps) => sequence(cx, steps).map(|i| vec![i]),
    }
}

/// A window: its anchor event (if any) and the matching events inside it.
type Window = (Option<usize>, Vec<usize>);

/// The windows a selector is judged in, each with its anchor and the matches inside it: one per
/// anchor with `after each` (running to the end of the record, or with `until_next_anchor` to the
/// next anchor, so a forbidden event is reported once), else a single one. The selector's own
/// `first`/`last` applies within each window.
fn windows(cx: &Ctx, sel: &Selector, until_next_anchor: bool) -> Result<Vec<Window>, String> {
    let Selector::Events(e) = sel else {
        let found = select::all(cx, sel)?
            .into_iter()
            .filter_map(|p| p.event())
            .collect();
        return Ok(vec![(None, found)]);
    };
    let Some(anchor) = e.after.as_deref().filter(|a| is_each(a)) else {
        // The anchor a finding points at: `after`'s, else `before`'s.
        let anchor = match (e.after.as_deref(), e.before.as_deref()) {
            (Some(a), _) | (None, Some(a)) => select::point(cx, a)?.and_then(|p| p.event()),
            (None, None) => None,
        };
        let found = select::all(cx, sel)?
            .into_iter()
            .filter_map(|p| p.event())
            .collect();
        return Ok(vec![(anchor, found)]);
    };
    let anchors = select::all(cx, anchor)?;
    if anchors.is_empty() {
        return Err(select::ANCHOR_NEVER.to_string());
    }
    let mut every_match = e.clone();
    every_match.after = None;
    every_match.quantifier = Quantifier::Plain;
    let events: Vec<usize> = select::all(cx, &Selector::Events(every_match))?
        .into_iter()
        .filter_map(|p| p.event())
        .collect();
    let mut result = Vec::new();
    for (k, a) in anchors.iter().enumerate() {
        let next = anchors
            .get(k + 1)
            .and_then(|n| n.event())
            .filter(|_| until_next_anchor);
        let inside: Vec<usize> = events
            .iter()
            .copied()
            .filter(|i| after(*i, *a) && next.is_none_or(|n| *i <= n))
            .collect();
        let chosen = match e.quantifier {
            Quantifier::First => inside.first().copied().into_iter().collect(),
            Quantifier::Last => inside.last().copied().into_iter().collect(),
            _ => inside,
        };
        result.push((a.event(), chosen));
    }
    Ok(result)
}

/// How the window relates to its anchor: `after`, unless only `before` is given.
fn relation(sel: &Selector) -> &'static str {
    match sel {
        Selector::Events(e) if e.after.is_none() && e.before.is_some() => "before",
        _ => "after",
    }
}

fn is_each(sel: &Selector) -> bool {
    matches!(sel, Selector::Events(e) if e.quantifier == Quantifier::Each)
}

fn after(event: usize, anchor: Point) -> bool {
    match anchor {
        Point::Event(a) => event > a,
        Point::Opened(_) => true,
    }
}

fn required(sel: &Selector, anchor: Option<usize>, found: &[usize]) -> Instance {
    let what = describe(sel);
    let place = anchor
        .map(|a| format!(" {} event {a}", relation(sel)))
        .unwrap_or_default();
    match found.first() {
        Some(f) => instance(
            Status::Passed,
            Some(*f),
            format!("{what} found{place}: event {f}"),
            anchor,
            Some(*f),
            None,
        ),
        None => instance(
            Status::Violated,
            anchor,
            format!("no {what}{place}"),
            anchor,
            None,
            None,
        ),
    }
}

fn forbidden(sel: &Selector, anchor: Option<usize>, found: &[usize]) -> Vec<Instance> {
    let what = describe(sel);
    if found.is_empty() {
        let place = anchor
            .map(|a| format!(" {} event {a}", relation(sel)))
            .unwrap_or_default();
        return vec![instance(
            Status::Passed,
            anchor,
            format!("no {what}{place}"),
            anchor,
            None,
            None,
        )];
    }
    found
        .iter()
        .map(|f| {
            instance(
                Status::Violated,
                Some(*f),
                format!("forbidden {what} at event {f}"),
                anchor,
                Some(*f),
                None,
            )
        })
        .collect()
}

/// `require A then B then C`: the first A, then the first B after it, and so on; the finding
/// names the first step that never follows.
fn sequence(cx: &Ctx, steps: &[Selector]) -> Result<Instance, String> {
    let mut previous: Option<usize> = None;
    for (k, step) in steps.iter().enumerate() {
        let matches = select::all(cx, step)?;
        let next = matches
            .iter()
            .filter_map(|p| p.event())
            .find(|i| previous.is_none_or(|p| *i > p));
        match next {
            Some(i) => previous = Some(i),
            None => {
                let place = previous
                    .map(|p| format!(" after event {p}"))
                    .unwrap_or_default();
                let message = format!(
                    "step {} of {}, {}, never follows{place}",
                    k + 1,
                    steps.len(),
                    describe(step)
                );
                return Ok(instance(
                    Status::Violated,
                    previous,
                    message,
                    previous,
                    None,
                    Some(k),
                ));
            }
        }
    }
    let message = format!("all {} steps occur in order", steps.len());
    Ok(instance(
        Status::Passed,
        previous,
        message,
        None,
        previous,
        None,
    ))
}

fn instance(
    status: Status,
    event: Option<usize>,
    message: String,
    anchor: Option<usize>,
    found: Option<usize>,
    missing_step: Option<usize>,
) -> Instance {
    Instance {
        status,
        event,
        actor_event: found.or(event),
        message,
        evidence: Evidence::Expect {
            anchor,
            found,
            missing_step,
        },
    }
}

/// A selector in a few words, for messages: `note`, `message by agent`, `one of (…)`.
fn describe(sel: &Selector) -> String {
    match sel {
        Selector::Opened => "the opening".to_string(),
        Selector::CustomerTurns { .. } => "customer turn".to_string(),
        Selector::FirstOf(alternatives) => {
            let parts: Vec<String> = alternatives.iter().map(describe).collect();
            format!("one of ({})", parts.join(", "))
        }
        Selector::Events(e) => {
            let kind = e.kind.clone().unwrap_or_else(|| "event".to_string());
            let actor = e.actor.map(|a| match a {
                ActorSel::Customer => " by customer",
                ActorSel::Agent => " by agent",
                ActorSel::Bot => " by bot",
                ActorSel::System => " by system",
                ActorSel::Staff => " by staff",
            });
            let filter = if e.filter.is_some() {
                " (filtered)"
            } else {
                ""
            };
            format!("{kind}{}{filter}", actor.unwrap_or(""))
        }
    }
}

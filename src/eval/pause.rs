//! Pauses: the intervals in which a clock does not count. `pause from A until B` opens an interval
//! at each A, closed by the next B (an interval still open runs to the evaluation time);
//! `pause while awaiting == "customer"` is paused from a message by agent to the next customer
//! message. Intervals are unioned and clipped to the clock's [start, end).

use super::context::Ctx;
use super::select::{self, Point};
use crate::check::model::PauseDef;
use crate::records::{Actor, Instant};

/// The pause intervals of a clock, unioned, sorted and clipped to [start, end).
pub fn intervals(
    cx: &Ctx,
    pause: &PauseDef,
    start: Instant,
    end: Instant,
) -> Result<Vec<(Instant, Instant)>, String> {
    let now = cx.now.unwrap_or(end);
    let raw = match pause {
        PauseDef::Interval { from, until } => {
            let mut raw = Vec::new();
            for p in select::all(cx, from)? {
                let Some(i) = p.event() else { continue };
                let Some(opened) = select::time_of(cx, p) else {
                    continue;
                };
                let closed = select::first_after(cx, until, Point::Event(i))?
                    .and_then(|j| select::time_of(cx, Point::Event(j)))
                    .unwrap_or(now);
                raw.push((opened, closed));
            }
            raw
        }
        PauseDef::AwaitingCustomer => awaiting(cx, now, Actor::Agent),
        PauseDef::AwaitingAgent => awaiting(cx, now, Actor::Customer),
    };
    Ok(union_clipped(raw, start, end))
}

/// From a message by `waiting_after` to the next message by the other side.
fn awaiting(cx: &Ctx, now: Instant, waiting_after: Actor) -> Vec<(Instant, Instant)> {
    let mut raw = Vec::new();
    let mut open: Option<Instant> = None;
    for e in &cx.record.events {
        let is_message = e.kind == "message" && e.actor != Actor::System;
        let (Some(at), true) = (e.at, is_message) else {
            continue;
        };
        let other = if waiting_after == Actor::Customer {
            Actor::Agent
        } else {
            Actor::Customer
        };
        if e.actor == waiting_after && open.is_none() {
            open = Some(at);
        } else if e.actor == other
            && let Some(o) = open.take()
        {
            raw.push((o, at));
        }
    }
    if let Some(o) = open {
        raw.push((o, now));
    }
    raw
}

fn union_clipped(
    mut raw: Vec<(Instant, Instant)>,
    start: Instant,
    end: Instant,
) -> Vec<(Instant, Instant)> {
    raw.sort();
    let mut merged: Vec<(Instant, Instant)> = Vec::new();
    for (a, b) in raw {
        let (a, b) = (a.max(start), b.min(end));
        if a >= b {
            continue;
        }
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

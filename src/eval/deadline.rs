//! Deadlines: one clock per start instance, judged at the evaluation time.
//!
//! A clock is `met` (stopped at or before due), `breached` (stopped after due, or not stopped and
//! the evaluation time is past due), `pending` (otherwise), `at-risk` (pending with the `warn at`
//! share of the limit used) or `cancelled` (a cancel event at or after start, before stop and
//! before due). Under `at least`, a stop before the earliest allowed instant is breached.

use super::context::{Ctx, Val};
use super::expr::{Out, eval, truth};
use super::outcome::{ClockEvidence, Elapsed, Evidence, Instance, LimitEvidence, Status};
use super::pause;
use super::select::{self, Point};
use crate::check::model::{DeadlineDef, Length, Limit};
use crate::records::Instant;
use crate::time::duration::human;

/// The limit chosen for this record: how due is computed, and how to describe it.
struct ChosenLimit {
    kind: &'static str,
    length: Option<Length>,
    /// The limit as the policy writes it (`60s`, `3 days`).
    written: Option<String>,
    /// For `due EXPR`: the instant itself.
    due: Option<Instant>,
    arm: Option<String>,
    /// The calendar time counts on (index into the policy's calendars; 0 is `24x7`).
    calendar: usize,
}

pub fn evaluate(cx: &Ctx, d: &DeadlineDef) -> Result<Vec<Instance>, String> {
    if !cx.record.has_times {
        return Err("record has no times".into());
    }
    // A clock whose start lies after the evaluation time has not started yet.
    let starts: Vec<Point> = select::starts(cx, &d.start)?
        .into_iter()
        .filter(|p| match (select::time_of(cx, *p), cx.now) {
            (Some(t), Some(now)) => t <= now,
            _ => true,
        })
        .collect();
    if starts.is_empty() {
        return Err("start never occurred".into());
    }
    let limit = choose_limit(cx, d)?;
    let mut instances = Vec::new();
    for start in starts {
        instances.push(clock(cx, d, &limit, start)?);
    }
    Ok(instances)
}

fn choose_limit(cx: &Ctx, d: &DeadlineDef) -> Result<ChosenLimit, String> {
    match &d.limit {
        Limit::Within(arms) => {
            for arm in arms {
                let chosen = match &arm.condition {
                    None => true,
                    // False and unknown arms are skipped alike.
                    Some(c) => truth(cx, c, None) == Ok(true),
                };
                if chosen {
                    let is_table = arms.len() > 1;
                    return Ok(ChosenLimit {
                        kind: "within",
                        length: Some(arm.length),
                        written: Some(arm.written.clone()),
                        due: None,
                        arm: is_table.then(|| arm.label.clone()),
                        calendar: arm.calendar,
                    });
                }
            }
            Err("no arm of the target table applies".into())
        }
        Limit::AtLeast(arm) => Ok(ChosenLimit {
            kind: "at-least",
            length: Some(arm.length),
            written: Some(arm.written.clone()),
            due: None,
            arm: None,
            calendar: arm.calendar,
        }),
        Limit::Due(e) => match eval(cx, e, None) {
            Out::Value(Val::Time(t)) => Ok(ChosenLimit {
                kind: "due",
                length: None,
                written: None,
                due: Some(due_date_means_its_end(cx, e, t)),
                arm: None,
                calendar: 0,
            }),
            Out::Unknown(reason) => Err(reason),
            Out::Value(_) => Err("due is not a time".into()),
        },
    }
}

/// A `due` written as a date alone means 24:00 of that date (a promise "by 11-05" holds all
/// day); other time fields read a date as its 00:00.
fn due_date_means_its_end(cx: &Ctx, e: &crate::check::model::Expr, t: Instant) -> Instant {
    let crate::check::model::Expr::Field(f) = e else {
        return t;
    };
    let path: Vec<&str> = f.path.iter().map(String::as_str).collect();
    let raw = if f.on_event {
        None
    } else {
        cx.record.field(&path)
    };
    raw.as_ref()
        .and_then(|v| v.as_str())
        .and_then(super::context::date_only)
        .and_then(|d| crate::time::civil::end_of_day(d, cx.timezone))
        .unwrap_or(t)
}

fn due_of(cx: &Ctx, limit: &ChosenLimit, start: Instant) -> Option<Instant> {
    let calendar = &cx.ir.calendars.get(limit.calendar)?.calendar;
    match (limit.length, limit.due) {
        (_, Some(due)) => Some(due),
        (Some(Length::Seconds(s)), _) => calendar.due(start, u64::try_from(s).ok()?),
        (Some(Length::Days(n)), _) => calendar.due_days(start, n),
        (Some(Length::Workdays(n)), _) => calendar.due_workdays(start, n),
        (None, None) => None,
    }
}

fn clock(cx: &Ctx, d: &DeadlineDef, limit: &ChosenLimit, start: Point) -> Result<Instance, String> {
    let start_at = select::time_of(cx, start).ok_or("record has no times")?;
    let base_due = due_of(cx, limit, start_at).ok_or("due is out of range")?;
    let stop = match &d.stop {
        Some(sel) => select::first_after(cx, sel, start)?,
        None => None,
    };
    let cancel = match &d.cancel {
        Some(sel) => select::first_after(cx, sel, start)?,
        None => None,
    };
    let at = |i: usize| cx.record.events.get(i).and_then(|e| e.at);
    let stop_at = stop.and_then(at);
    let cancel_at = cancel.and_then(at);
    // A closed record's unstopped clock is judged at the close (never before its own start).
    let closed_before_now = match (cx.now, cx.record.closed_at) {
        (Some(now), Some(close)) => close <= now,
        _ => false,
    };
    let judged_at = match (cx.now, cx.record.closed_at) {
        (Some(now), Some(close)) if close < now => close,
        (Some(now), _) => now,
        (None, _) => start_at,
    }
    .max(start_at);
    let end = stop_at.unwrap_or(judged_at);
    let elapsed = (end - start_at).num_seconds();
    let calendar = cx.ir.calendars.get(limit.calendar);
    let business = |from: Instant, to: Instant| match calendar {
        Some(c) => c.calendar.elapsed(from, to),
        None => (to - from).num_seconds(),
    };
    let pauses = match &d.pause {
        Some(p) => pause::intervals(cx, p, start_at, end)?,
        None => Vec::new(),
    };
    let paused = |until: Instant| -> i64 {
        pauses
            .iter()
            .filter(|(a, _)| *a < until)
            .map(|(a, b)| business(*a, (*b).min(until)))
            .sum()
    };
    let due = extended_due(calendar.map(|c| &c.calendar), base_due, &paused);
    let business_elapsed = business(start_at, end) - paused(end);
    // The limit in counted time: what a `warn at` share is of, and what findings show.
    let limit_seconds = limit.length.map(|l| match l {
        Length::Seconds(s) => s,
        Length::Days(_) | Length::Workdays(_) => business(start_at, due),
    });
    let cancelled =
        cancel_at.is_some_and(|c| c >= start_at && stop_at.is_none_or(|s| c < s) && c < due);
    let status = if cancelled {
        Status::Cancelled
    } else if limit.kind == "at-least" {
        match stop_at {
            Some(s) if s < due => Status::Breached,
            Some(_) => Status::Met,
            None => Status::Pending,
        }
    } else {
        match stop_at {
            Some(s) if s <= due => Status::Met,
            Some(_) => Status::Breached,
            None if judged_at > due => Status::Breached,
            // Closed before due: nothing can stop the clock any more, so it is not "at risk".
            None if closed_before_now => Status::Pending,
            None => pending_or_at_risk(d.warn_at, business_elapsed, limit_seconds),
        }
    };
    let start_event = start.event();
    let limit_human = match (&limit.written, limit.due) {
        (Some(w), _) => w.clone(),
        (None, Some(t)) => t.to_rfc3339(),
        _ => String::new(),
    };
    let message = message(
        status,
        limit,
        &limit_human,
        business_elapsed,
        due,
        (stop, cancel),
    );
    let message = if status == Status::Pending && closed_before_now && stop_at.is_none() {
        format!(
            "closed before due, {} after the start, limit {limit_human}",
            human(business_elapsed)
        )
    } else {
        message
    };
    Ok(Instance {
        status,
        event: start_event.or(Some(0)),
        actor_event: stop,
        message,
        evidence: Evidence::Clock(ClockEvidence {
            start: start_at.to_rfc3339(),
            start_event,
            due: due.to_rfc3339(),
            stop: stop_at.map(|t| t.to_rfc3339()),
            stop_event: stop,
            elapsed: Elapsed {
                wall_s: elapsed,
                business_s: business_elapsed,
                human: human(business_elapsed),
            },
            limit: LimitEvidence {
                kind: limit.kind,
                seconds: limit_seconds,
                human: limit_human,
                arm: limit.arm.clone(),
            },
            calendar: calendar.map_or_else(|| "24x7".to_string(), |c| c.name.clone()),
        }),
    })
}

/// Pauses push the due later by the open time they cover before it: the due of the limit plus
/// that time, which may cover more pauses, until it stops moving.
fn extended_due(
    calendar: Option<&crate::time::calendar::Calendar>,
    base: Instant,
    paused: &dyn Fn(Instant) -> i64,
) -> Instant {
    let Some(calendar) = calendar else {
        return base;
    };
    let mut due = base;
    // Each round only moves the due later, over finitely many pauses, so this ends; the bound is
    // a guard, not a limit any real record reaches.
    for _ in 0..1000 {
        let covered = u64::try_from(paused(due)).unwrap_or(0);
        let Some(next) = calendar.due(base, covered) else {
            return due;
        };
        if next == due {
            return due;
        }
        due = next;
    }
    due
}

fn pending_or_at_risk(warn_at: Option<f64>, counted: i64, limit: Option<i64>) -> Status {
    match (warn_at, limit) {
        (Some(share), Some(total)) if total > 0 && counted as f64 >= share * total as f64 => {
            Status::AtRisk
        }
        _ => Status::Pending,
    }
}

fn message(
    status: Status,
    limit: &ChosenLimit,
    limit_human: &str,
    elapsed: i64,
    due: Instant,
    (stop, cancel): (Option<usize>, Option<usize>),
) -> String {
    let took = human(elapsed);
    let arm = limit
        .arm
        .as_ref()
        .map(|a| format!(" ({a})"))
        .unwrap_or_default();
    let bound = match limit.kind {
        "due" => format!("due {limit_human}"),
        "at-least" => format!("at least {limit_human}"),
        _ => format!("limit {limit_human}{arm}"),
    };
    match status {
        Status::Met => format!("stopped after {took}, {bound}"),
        Status::Breached if limit.kind == "at-least" => {
            format!("stopped after only {took}, {bound}")
        }
        Status::Breached if stop.is_some() => format!("stopped after {took}, {bound}"),
        Status::Breached => format!("not stopped after {took}, {bound}"),
        Status::Pending => format!("still open after {took}, {bound}, due {}", due.to_rfc3339()),
        Status::AtRisk => format!(
            "at risk: {took} of the {limit_human} used, due {}",
            due.to_rfc3339()
        ),
        Status::Cancelled => format!(
            "cancelled by event {} after {took}",
            cancel.map_or_else(|| "?".to_string(), |c| c.to_string())
        ),
        _ => String::new(),
    }
}

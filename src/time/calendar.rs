//! Business calendars: when a service desk is open, and deadline arithmetic on open time.
//!
//! A calendar's open periods are built per local date in its zone from the weekly hours, closed
//! dates and open make-up days, then turned into instants (a DST gap shortens a period, an overlap
//! lengthens it); all arithmetic is on instants and steps over whole periods, and over whole weeks
//! where nothing special happens. The rules, with examples, are in docs/time.md.

mod arith;
mod periods;
mod spec;
mod transitions;
mod validate;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use chrono_tz::Tz;

pub use spec::{CalendarChanges, CalendarSpec, ClosedDates, OpenDay, Span, WEEK};
pub use validate::{CalendarError, SpanDay};

use crate::records::Instant;
use periods::{Nanos, from_nanos, to_nanos};

/// A checked calendar, ready for arithmetic. Cheap to share; all methods take `&self`.
#[derive(Debug, Clone)]
pub struct Calendar {
    spec: CalendarSpec,
    /// Weekly hours, each day's spans sorted.
    weekly: [Vec<Span>; 7],
    /// Make-up days: their spans (sorted) replace their weekday's.
    open_days: BTreeMap<NaiveDate, Vec<Span>>,
    /// Closed ranges merged where they overlap or touch: first date → last date.
    closed: BTreeMap<NaiveDate, NaiveDate>,
    /// Open time of each weekday's weekly hours (Monday first) with no DST change, and their sum.
    day_open: [Nanos; 7],
    week_open: Nanos,
    /// Weekdays with weekly hours.
    week_workdays: u32,
    /// When the zone's UTC offset changes (shared per zone).
    transitions: Arc<[i64]>,
}

impl Calendar {
    /// Checks `spec` and prepares it for arithmetic, or returns every problem found.
    pub fn new(spec: CalendarSpec) -> Result<Calendar, Vec<CalendarError>> {
        let problems = validate::problems(&spec);
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Calendar::from_checked(spec))
    }

    /// The built-in `24x7` in `timezone`.
    pub fn always_open(timezone: Tz) -> Calendar {
        Calendar::from_checked(CalendarSpec::always_open(timezone))
    }

    fn from_checked(spec: CalendarSpec) -> Calendar {
        let mut weekly = spec.weekly.clone();
        weekly.iter_mut().for_each(|spans| spans.sort());
        let mut open_days: BTreeMap<NaiveDate, Vec<Span>> = BTreeMap::new();
        for open in &spec.open {
            open_days.entry(open.date).or_default().extend(&open.spans);
        }
        open_days.values_mut().for_each(|spans| spans.sort());
        let day_open: [Nanos; 7] = std::array::from_fn(|day| {
            let seconds: u32 = weekly[day].iter().map(Span::seconds).sum();
            Nanos::from(seconds) * periods::NANOS_PER_SECOND
        });
        Calendar {
            closed: merged_closed_ranges(&spec),
            transitions: transitions::of(spec.timezone),
            week_open: day_open.iter().sum(),
            week_workdays: day_open.iter().filter(|open| **open > 0).count() as u32,
            day_open,
            spec,
            weekly,
            open_days,
        }
    }

    /// The spec this calendar was made from, e.g. to `extend` it.
    pub fn spec(&self) -> &CalendarSpec {
        &self.spec
    }

    pub fn timezone(&self) -> Tz {
        self.spec.timezone
    }

    /// The label of the `closed` or `open` entry covering `date`, for findings ("国庆节").
    pub fn label_on(&self, date: NaiveDate) -> Option<&str> {
        let open = self
            .spec
            .open
            .iter()
            .filter(|o| o.date == date)
            .map(|o| &o.label);
        let closed = (self.spec.closed.iter())
            .filter(|c| c.from <= date && date <= c.to)
            .map(|c| &c.label);
        open.chain(closed).find_map(|label| label.as_deref())
    }

    /// Whether `at` falls in an open period (periods are half-open: open at the opening instant,
    /// closed at the closing one).
    pub fn is_open(&self, at: Instant) -> bool {
        let t = to_nanos(&at);
        let Some(date) = self.local_date(t) else {
            return false;
        };
        let mut buf = Vec::new();
        [date.pred_opt(), Some(date)]
            .into_iter()
            .flatten()
            .any(|day| {
                self.day_periods(day, &mut buf);
                buf.iter().any(|&(open, close)| open <= t && t < close)
            })
    }

    /// The first instant at or after `at` when the calendar is open; None if it never opens again.
    pub fn next_open(&self, at: Instant) -> Option<Instant> {
        let t = to_nanos(&at);
        let (open, _) = self.periods_from(t).find(|&(_, close)| close > t)?;
        self.instant(open.max(t))
    }

    /// The end of the open run containing `at`, or if closed at `at`, of the next open run
    /// (touching periods, as at midnight on `24x7`, form one run). None if it never closes (or
    /// never opens again).
    pub fn next_close(&self, at: Instant) -> Option<Instant> {
        let t = to_nanos(&at);
        let horizon = self.last_override().max(self.local_date(t)?);
        let horizon = horizon.checked_add_days(chrono::Days::new(8))?;
        let mut run_end: Option<Nanos> = None;
        for (open, close) in self.periods_from(t).filter(|&(_, close)| close > t) {
            match run_end {
                Some(end) if open > end => return self.instant(end),
                _ => run_end = Some(run_end.map_or(close, |end| end.max(close))),
            }
            if self.local_date(close)? > horizon {
                return None;
            }
        }
        self.instant(run_end?)
    }

    /// The open periods within [from, to), clipped to it, touching ones joined.
    pub fn periods(&self, from: Instant, to: Instant) -> Vec<(Instant, Instant)> {
        let (from, to) = (to_nanos(&from), to_nanos(&to));
        let mut joined: Vec<(Nanos, Nanos)> = Vec::new();
        for (open, close) in self.periods_from(from).take_while(|&(open, _)| open < to) {
            let (open, close) = (open.max(from), close.min(to));
            match joined.last_mut() {
                _ if close <= open => {}
                Some(last) if open <= last.1 => last.1 = last.1.max(close),
                _ => joined.push((open, close)),
            }
        }
        let instants = joined
            .into_iter()
            .map(|(open, close)| Some((self.instant(open)?, self.instant(close)?)));
        instants.flatten().collect()
    }

    fn instant(&self, t: Nanos) -> Option<Instant> {
        from_nanos(t, self.timezone())
    }

    /// The last date with an entry of its own (or the minimum date if none).
    fn last_override(&self) -> NaiveDate {
        let last_open = self.open_days.keys().next_back().copied();
        let last_closed = self.closed.values().next_back().copied();
        last_open.max(last_closed).unwrap_or(NaiveDate::MIN)
    }
}

/// Closed ranges as first → last date, overlapping or adjacent ones merged, so one lookup finds
/// the range covering a date.
fn merged_closed_ranges(spec: &CalendarSpec) -> BTreeMap<NaiveDate, NaiveDate> {
    let mut ranges: Vec<(NaiveDate, NaiveDate)> =
        spec.closed.iter().map(|c| (c.from, c.to)).collect();
    ranges.sort();
    let mut merged: BTreeMap<NaiveDate, NaiveDate> = BTreeMap::new();
    let mut current: Option<(NaiveDate, NaiveDate)> = None;
    for (from, to) in ranges {
        current = match current {
            Some((start, end)) if from <= end.succ_opt().unwrap_or(end) => {
                Some((start, end.max(to)))
            }
            Some((start, end)) => {
                merged.insert(start, end);
                Some((from, to))
            }
            None => Some((from, to)),
        };
    }
    if let Some((start, end)) = current {
        merged.insert(start, end);
    }
    merged
}

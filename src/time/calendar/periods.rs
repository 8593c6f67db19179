//! Open periods of local dates as instants, and the facts that let arithmetic jump: closed ranges
//! and plain weeks (weekly hours only, no DST change).

use chrono::{DateTime, Datelike, Days, NaiveDate};
use chrono_tz::Tz;

use super::spec::{DAY_SECONDS, Span};
use super::{Calendar, transitions};
use crate::records::Instant;
use crate::time::civil::{Edge, resolve_local};

/// Instants and lengths in nanoseconds since the Unix epoch: records may carry fractions of a
/// second, and i128 cannot overflow on any instant chrono represents.
pub(crate) type Nanos = i128;

pub(crate) const NANOS_PER_SECOND: Nanos = 1_000_000_000;
pub(crate) const DAY_NANOS: Nanos = 86_400 * NANOS_PER_SECOND;

pub(crate) fn to_nanos(at: &Instant) -> Nanos {
    Nanos::from(at.timestamp()) * NANOS_PER_SECOND + Nanos::from(at.timestamp_subsec_nanos())
}

pub(crate) fn from_nanos(t: Nanos, tz: Tz) -> Option<Instant> {
    let seconds = i64::try_from(t.div_euclid(NANOS_PER_SECOND)).ok()?;
    let nanos = u32::try_from(t.rem_euclid(NANOS_PER_SECOND)).ok()?;
    Some(
        DateTime::from_timestamp(seconds, nanos)?
            .with_timezone(&tz)
            .fixed_offset(),
    )
}

impl Calendar {
    pub(super) fn local_date(&self, t: Nanos) -> Option<NaiveDate> {
        Some(from_nanos(t, self.timezone())?.date_naive())
    }

    /// The spans `date` has: none if closed, its own if a make-up day, else its weekday's.
    fn spans_on(&self, date: NaiveDate) -> &[Span] {
        if self.closed_through(date).is_some() {
            return &[];
        }
        match self.open_days.get(&date) {
            Some(spans) => spans,
            None => &self.weekly[date.weekday().num_days_from_monday() as usize],
        }
    }

    /// The last date of the closed range covering `date`, if one does.
    pub(super) fn closed_through(&self, date: NaiveDate) -> Option<NaiveDate> {
        let (_, &last) = self.closed.range(..=date).next_back()?;
        (last >= date).then_some(last)
    }

    /// `date`'s open periods as instants, in order, empty ones (inside a DST gap) left out.
    pub(super) fn day_periods(&self, date: NaiveDate, out: &mut Vec<(Nanos, Nanos)>) {
        out.clear();
        let spans = self.spans_on(date);
        if let Some(midnight) = self.midnight_at_fixed_offset(date) {
            let second = |s: u32| midnight + Nanos::from(s) * NANOS_PER_SECOND;
            out.extend(
                spans
                    .iter()
                    .map(|span| (second(span.start), second(span.end))),
            );
            return;
        }
        let tz = self.timezone();
        for span in spans {
            let open = local_instant(date, span.start, tz, Edge::Earliest);
            let close = local_instant(date, span.end, tz, Edge::Latest);
            if let (Some(open), Some(close)) = (open, close)
                && open < close
            {
                out.push((open, close));
            }
        }
    }

    /// Local midnight of `date` as an instant when no offset change falls within two days of it
    /// (so every span of the date, overnight ones too, is a plain shift from local time): one UTC
    /// lookup instead of a local-time resolution per span end.
    fn midnight_at_fixed_offset(&self, date: NaiveDate) -> Option<Nanos> {
        let wall = date.and_hms_opt(0, 0, 0)?.and_utc().timestamp();
        let (from, to) = (wall - 2 * 86_400, wall + 3 * 86_400);
        if from < transitions::WINDOW.0 || to > transitions::WINDOW.1 {
            return None;
        }
        let next = self.transitions.partition_point(|&change| change <= from);
        if self
            .transitions
            .get(next)
            .is_some_and(|&change| change <= to)
        {
            return None;
        }
        let offset = transitions::offset_at(self.timezone(), wall)?;
        Some(Nanos::from(wall - i64::from(offset)) * NANOS_PER_SECOND)
    }

    /// Whether `date` has any open time (a working day).
    pub(super) fn has_open_time(&self, date: NaiveDate, buf: &mut Vec<(Nanos, Nanos)>) -> bool {
        self.day_periods(date, buf);
        !buf.is_empty()
    }

    /// True when no date after `date` has open time: no weekly hours and no later make-up day.
    pub(super) fn never_opens_after(&self, date: NaiveDate) -> bool {
        self.week_workdays == 0
            && date
                .succ_opt()
                .is_none_or(|next| self.open_days.range(next..).next().is_none())
    }

    /// Plain days from `date` on: weekly hours only and one UTC offset from a day before to a day
    /// after them, so their open time is known from the weekly hours alone. Returns the instant
    /// of `date`'s midnight and how many days, or None if not even one.
    pub(super) fn plain_days(&self, date: NaiveDate) -> Option<(Nanos, i64)> {
        if self.week_open == 0 {
            return None;
        }
        let override_days = match self.next_override_from(date) {
            Some(next) => (next - date).num_days(),
            None => i64::MAX,
        };
        if override_days == 0 {
            return None;
        }
        let midnight = local_instant(date, 0, self.timezone(), Edge::Earliest)?;
        let seconds = i64::try_from(midnight.div_euclid(NANOS_PER_SECOND)).ok()?;
        let offset_days = match transitions::free_days(&self.transitions, seconds) {
            Some(days) => days,
            None if self.offset_stable_for_a_week(seconds) => 7,
            None => 0,
        };
        let days = override_days.min(offset_days);
        (days > 0).then_some((midnight, days))
    }

    /// Outside the scanned years: the same offset a day before, mid-week and a day after.
    fn offset_stable_for_a_week(&self, midnight: i64) -> bool {
        let offset = |t: i64| transitions::offset_at(self.timezone(), t);
        let before = offset(midnight - 86_400);
        before.is_some()
            && [4, 8]
                .iter()
                .all(|days| offset(midnight + days * 86_400) == before)
    }

    /// The first date at or after `date` with a `closed` or `open` entry of its own.
    fn next_override_from(&self, date: NaiveDate) -> Option<NaiveDate> {
        if self.closed_through(date).is_some() {
            return Some(date);
        }
        let open = self.open_days.range(date..).next().map(|(d, _)| *d);
        let closed = self.closed.range(date..).next().map(|(d, _)| *d);
        match (open, closed) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Open periods in order, from those of the day before `t`'s local date on (an overnight span
    /// of that day may contain `t`), jumping over closed ranges; ends when nothing opens again.
    pub(super) fn periods_from(&self, t: Nanos) -> PeriodsFrom<'_> {
        let date = self.local_date(t).and_then(|d| d.pred_opt());
        PeriodsFrom {
            calendar: self,
            date,
            buf: Vec::new(),
            index: 0,
        }
    }
}

pub(super) struct PeriodsFrom<'a> {
    calendar: &'a Calendar,
    /// The date whose periods are in `buf`, or the next to load when `buf` is used up.
    date: Option<NaiveDate>,
    buf: Vec<(Nanos, Nanos)>,
    index: usize,
}

impl Iterator for PeriodsFrom<'_> {
    type Item = (Nanos, Nanos);

    fn next(&mut self) -> Option<(Nanos, Nanos)> {
        loop {
            if let Some(&period) = self.buf.get(self.index) {
                self.index += 1;
                return Some(period);
            }
            let date = self.date?;
            let date = self
                .calendar
                .closed_through(date)
                .and_then(|d| d.succ_opt())
                .unwrap_or(date);
            self.calendar.day_periods(date, &mut self.buf);
            self.index = 0;
            self.date = date
                .succ_opt()
                .filter(|_| !self.calendar.never_opens_after(date));
        }
    }
}

/// The instant of `seconds` after local midnight starting `date` (past 24:00 for `+1` spans).
pub(super) fn local_instant(date: NaiveDate, seconds: u32, tz: Tz, edge: Edge) -> Option<Nanos> {
    let (days, seconds) = (seconds / DAY_SECONDS, seconds % DAY_SECONDS);
    let date = date.checked_add_days(Days::new(u64::from(days)))?;
    let local = date.and_hms_opt(seconds / 3600, seconds / 60 % 60, seconds % 60)?;
    Some(to_nanos(&resolve_local(local, tz, edge)?.fixed_offset()))
}

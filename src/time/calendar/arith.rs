//! Deadline arithmetic on a calendar: open time (`s min h`), working days and civil-code days.
//! Each walks periods in order and jumps closed ranges and plain weeks in one step each.

use chrono::{Days, NaiveDate, TimeDelta};

use super::Calendar;
use super::periods::{DAY_NANOS, NANOS_PER_SECOND, Nanos, WEEK_NANOS, to_nanos};
use crate::records::Instant;
use crate::time::civil;

/// Amounts beyond about 1,000 years are not computed (None): no standard needs them, and the
/// walk's cost grows with the weeks crossed.
const MAX_SECONDS: u64 = 1000 * 366 * 86_400;
const MAX_DAYS: u32 = 1000 * 366;

impl Calendar {
    /// The instant when `seconds` of open time have passed since `start`. `due(t, 0) = t`; a count
    /// running out exactly at a close gives that close; from closed time the count starts at the
    /// next opening. None if the calendar never has that much open time again.
    pub fn due(&self, start: Instant, seconds: u64) -> Option<Instant> {
        if seconds == 0 {
            return Some(start);
        }
        if seconds > MAX_SECONDS {
            return None;
        }
        let begin = to_nanos(&start);
        let first = self.local_date(begin)?;
        let mut remaining = Nanos::from(seconds) * NANOS_PER_SECOND;
        let mut cursor = begin;
        let mut date = first.pred_opt()?;
        let mut buf = Vec::new();
        loop {
            // A week after the start's date lies wholly after the start: its open time is known.
            while date > first
                && remaining > self.week_open
                && let Some(midnight) = self.plain_week(date)
            {
                remaining -= self.week_open;
                cursor = midnight + WEEK_NANOS;
                date = date.checked_add_days(Days::new(7))?;
            }
            date = self.closed_through(date).unwrap_or(date);
            self.day_periods(date, &mut buf);
            for &(open, close) in &buf {
                let from = open.max(cursor);
                if close <= from {
                    continue;
                }
                if remaining <= close - from {
                    return self.instant(from + remaining);
                }
                remaining -= close - from;
                cursor = close;
            }
            if self.never_opens_after(date) {
                return None;
            }
            date = date.succ_opt()?;
        }
    }

    /// Open time in [from, to) in whole seconds (truncated); negative when `to` is before `from`.
    pub fn elapsed(&self, from: Instant, to: Instant) -> i64 {
        let seconds = self.open_nanos(from, to) / NANOS_PER_SECOND;
        i64::try_from(seconds).unwrap_or(if seconds < 0 { i64::MIN } else { i64::MAX })
    }

    /// Open time in [from, to) to the nanosecond; negative when `to` is before `from`.
    pub fn elapsed_exact(&self, from: Instant, to: Instant) -> TimeDelta {
        let nanos = self.open_nanos(from, to);
        let seconds = i64::try_from(nanos / NANOS_PER_SECOND).unwrap_or(0);
        let rest = (nanos % NANOS_PER_SECOND) as i64;
        TimeDelta::try_seconds(seconds).unwrap_or(TimeDelta::MAX) + TimeDelta::nanoseconds(rest)
    }

    fn open_nanos(&self, from: Instant, to: Instant) -> Nanos {
        let (from, to) = (to_nanos(&from), to_nanos(&to));
        if to < from {
            -self.open_between(to, from)
        } else {
            self.open_between(from, to)
        }
    }

    fn open_between(&self, from: Nanos, to: Nanos) -> Nanos {
        let (Some(first), Some(last)) = (self.local_date(from), self.local_date(to)) else {
            return 0;
        };
        let (mut total, mut cursor) = (0, from);
        let mut date = first.pred_opt().unwrap_or(first);
        let mut buf = Vec::new();
        while date <= last {
            while date > first
                && let Some(midnight) = self.plain_week(date)
                && midnight + WEEK_NANOS + DAY_NANOS <= to
            {
                total += self.week_open;
                cursor = midnight + WEEK_NANOS;
                date = next_week(date);
            }
            date = self.closed_through(date).unwrap_or(date);
            self.day_periods(date, &mut buf);
            for &(open, close) in &buf {
                let (open, close) = (open.max(cursor), close.min(to));
                if close > open {
                    total += close - open;
                    cursor = close;
                }
            }
            let Some(next) = date.succ_opt() else { break };
            date = next;
        }
        total
    }

    /// Due at the last close of the Nth working day (a local date with open time) after the
    /// start's local date, wherever in that date the start falls. `n = 0` is the start itself.
    pub fn due_workdays(&self, start: Instant, n: u32) -> Option<Instant> {
        if n == 0 {
            return Some(start);
        }
        if n > MAX_DAYS {
            return None;
        }
        let mut date = self.local_date(to_nanos(&start))?.succ_opt()?;
        let mut remaining = n;
        let mut buf = Vec::new();
        loop {
            while remaining > self.week_workdays && self.plain_week(date).is_some() {
                remaining -= self.week_workdays;
                date = date.checked_add_days(Days::new(7))?;
            }
            date = self.closed_through(date).unwrap_or(date);
            self.day_periods(date, &mut buf);
            if let Some(last_close) = buf.iter().map(|&(_, close)| close).max() {
                remaining -= 1;
                if remaining == 0 {
                    return self.instant(last_close);
                }
            }
            if self.never_opens_after(date) {
                return None;
            }
            date = date.succ_opt()?;
        }
    }

    /// `n day(s)` as the PRC civil code counts periods: the start's local date is not counted and
    /// the period ends at 24:00 of the Nth date after it; a last date without open time rolls to
    /// the next date with some, due at its 24:00. `n = 0` is the start itself.
    pub fn due_days(&self, start: Instant, n: u32) -> Option<Instant> {
        if n == 0 {
            return Some(start);
        }
        if n > MAX_DAYS {
            return None;
        }
        let first = self.local_date(to_nanos(&start))?;
        let mut last = first.checked_add_days(Days::new(u64::from(n)))?;
        let mut buf = Vec::new();
        loop {
            if let Some(closed_to) = self.closed_through(last) {
                last = closed_to.succ_opt()?;
                continue;
            }
            if self.has_open_time(last, &mut buf) {
                return civil::end_of_day(last, self.timezone());
            }
            if self.never_opens_after(last) {
                return None;
            }
            last = last.succ_opt()?;
        }
    }
}

fn next_week(date: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(7))
        .unwrap_or(NaiveDate::MAX)
}

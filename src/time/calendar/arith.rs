//! Deadline arithmetic on a calendar: open time (`s min h`), working days and civil-code days.
//! Each walks periods in order and jumps closed ranges and plain weeks in one step each.

use chrono::{Datelike, Days, NaiveDate, TimeDelta};

use super::Calendar;
use super::periods::{DAY_NANOS, NANOS_PER_SECOND, Nanos, to_nanos};
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
            // Dates after the start's lie wholly after it: their open time is known in advance.
            while date > first
                && let Some((midnight, plain)) = self.plain_days(date)
            {
                let days = self.days_below(date, plain, remaining, Calendar::weekly_open);
                if days == 0 {
                    break;
                }
                remaining -= self.weekly_open(date, days);
                cursor = midnight + DAY_NANOS * Nanos::from(days);
                date = date.checked_add_days(Days::new(days as u64))?;
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
                && let Some((midnight, plain)) = self.plain_days(date)
            {
                let before_to = (to - midnight - DAY_NANOS) / DAY_NANOS;
                let days = plain.min(i64::try_from(before_to.max(0)).unwrap_or(i64::MAX));
                if days == 0 {
                    break;
                }
                total += self.weekly_open(date, days);
                cursor = midnight + DAY_NANOS * Nanos::from(days);
                date = (date.checked_add_days(Days::new(days as u64))).unwrap_or(NaiveDate::MAX);
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
            while let Some((_, plain)) = self.plain_days(date) {
                let bound = Nanos::from(remaining);
                let days = self.days_below(date, plain, bound, Calendar::weekly_workdays);
                if days == 0 {
                    break;
                }
                remaining -= self.weekly_workdays(date, days) as u32;
                date = date.checked_add_days(Days::new(days as u64))?;
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

impl Calendar {
    /// Open time of the `days` dates from `date` on, by weekly hours.
    fn weekly_open(&self, date: NaiveDate, days: i64) -> Nanos {
        self.by_weekday(date, days, |weekday| self.day_open[weekday])
    }

    /// Working days among the `days` dates from `date` on, by weekly hours.
    fn weekly_workdays(&self, date: NaiveDate, days: i64) -> Nanos {
        self.by_weekday(date, days, |weekday| {
            Nanos::from(self.day_open[weekday] > 0)
        })
    }

    fn by_weekday(&self, date: NaiveDate, days: i64, per_day: impl Fn(usize) -> Nanos) -> Nanos {
        let first = date.weekday().num_days_from_monday() as usize;
        let week: Nanos = (0..7).map(&per_day).sum();
        let rest: Nanos = (0..(days % 7) as usize)
            .map(|i| per_day((first + i) % 7))
            .sum();
        Nanos::from(days / 7) * week + rest
    }

    /// The most days, up to `plain`, from `date` whose `measure` stays below `bound`: whole weeks
    /// by division, then at most six single days.
    fn days_below(
        &self,
        date: NaiveDate,
        plain: i64,
        bound: Nanos,
        measure: fn(&Calendar, NaiveDate, i64) -> Nanos,
    ) -> i64 {
        let per_week = measure(self, date, 7);
        if per_week <= 0 || bound <= 0 {
            return 0;
        }
        let weeks_below = i64::try_from((bound - 1) / per_week).unwrap_or(i64::MAX);
        let mut days = 7 * (plain / 7).min(weeks_below);
        while days < plain && measure(self, date, days + 1) < bound {
            days += 1;
        }
        days
    }
}

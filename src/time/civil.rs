//! Calendar days as the PRC civil code counts periods (民法典 第二百零一条、第二百零三条): the start
//! day is not counted, and a period of N days ends at 24:00 of the Nth day after the start's local
//! date.

use chrono::{Days, NaiveDate, TimeZone};
use chrono_tz::Tz;

use crate::records::Instant;

/// 24:00 of `date` in `tz`, i.e. the first instant of the next local day. Where that local
/// midnight does not exist (a DST gap at midnight), the first instant after the gap.
pub fn end_of_day(date: NaiveDate, tz: Tz) -> Option<Instant> {
    let next = date.checked_add_days(Days::new(1))?;
    start_of_day(next, tz)
}

/// The first instant of `date` in `tz`.
pub fn start_of_day(date: NaiveDate, tz: Tz) -> Option<Instant> {
    let midnight = date.and_hms_opt(0, 0, 0)?;
    if let Some(t) = tz.from_local_datetime(&midnight).earliest() {
        return Some(t.fixed_offset());
    }
    // A gap at midnight: step forward a minute at a time (gaps are at most a few hours).
    (1..=24 * 60).find_map(|m| {
        let local = midnight + chrono::Duration::minutes(m);
        tz.from_local_datetime(&local)
            .earliest()
            .map(|t| t.fixed_offset())
    })
}

/// The due instant of `N days` from `start`: 24:00 of the Nth day after the start's local date.
/// `0 days` is due at the start itself (`due(t, 0) = t`).
pub fn due_after_days(start: Instant, days: u32, tz: Tz) -> Option<Instant> {
    if days == 0 {
        return Some(start);
    }
    let local_date = start.with_timezone(&tz).date_naive();
    let last_day = local_date.checked_add_days(Days::new(u64::from(days)))?;
    end_of_day(last_day, tz)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn at(s: &str) -> Instant {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn one_day_reported_at_22_00_is_due_at_24_00_the_next_day() {
        // DOMAIN.md: reported 22:00, fixed 23:00 next day is in time.
        let due = due_after_days(
            at("2026-11-03T22:00:00+08:00"),
            1,
            chrono_tz::Asia::Shanghai,
        );
        assert_eq!(due, Some(at("2026-11-05T00:00:00+08:00")));
    }

    #[test]
    fn three_days_from_a_notice_allow_the_reading_from_the_fourth_midnight() {
        // LANGUAGE.md: a notice on 11-01 allows a reading from 11-05 00:00.
        let due = due_after_days(
            at("2026-11-01T10:00:00+08:00"),
            3,
            chrono_tz::Asia::Shanghai,
        );
        assert_eq!(due, Some(at("2026-11-05T00:00:00+08:00")));
    }

    #[test]
    fn zero_days_is_the_start_itself() {
        let start = at("2026-11-01T10:00:00+08:00");
        assert_eq!(
            due_after_days(start, 0, chrono_tz::Asia::Shanghai),
            Some(start)
        );
    }

    #[test]
    fn the_local_date_decides_not_the_utc_date() {
        // 23:30 in Shanghai is 15:30 UTC the same day; in London 2026-11-03T23:30Z is the 3rd.
        let start = at("2026-11-03T23:30:00+08:00");
        assert_eq!(
            due_after_days(start, 1, chrono_tz::Europe::London),
            Some(at("2026-11-05T00:00:00+00:00"))
        );
    }
}

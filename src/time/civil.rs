//! Calendar days as the PRC civil code counts periods (民法典 第二百零一条、第二百零三条): the start
//! day is not counted, and a period of N days ends at 24:00 of the Nth day after the start's local
//! date.

use chrono::{DateTime, Days, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeDelta, TimeZone};
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
    resolve_local(midnight, tz, Edge::Earliest).map(|t| t.fixed_offset())
}

/// Which instant a local time that occurs twice (a DST overlap) stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// The first occurrence: where an open period starts, so an overlap lengthens it.
    Earliest,
    /// The second occurrence: where an open period ends, so an overlap lengthens it.
    Latest,
}

/// The instant a local wall-clock time stands for in `tz`. A time inside a DST gap does not exist
/// and stands for the first instant after the gap (so a gap shortens a period rather than moving
/// it); a time in an overlap is resolved by `edge`.
pub fn resolve_local(local: NaiveDateTime, tz: Tz, edge: Edge) -> Option<DateTime<Tz>> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Some(t),
        LocalResult::Ambiguous(first, second) => Some(match edge {
            Edge::Earliest => first,
            Edge::Latest => second,
        }),
        LocalResult::None => first_instant_after_gap(local, tz),
    }
}

/// Binary search for the transition instant: before it the wall clock reads earlier than `local`,
/// from it on later. Offsets a day either side of a gap are the offsets before and after it
/// (tzdb never puts two transitions within two days).
fn first_instant_after_gap(local: NaiveDateTime, tz: Tz) -> Option<DateTime<Tz>> {
    let day = TimeDelta::days(1);
    let offset_at = |utc: NaiveDateTime| tz.offset_from_utc_datetime(&utc).fix().local_minus_utc();
    let before = offset_at(local.checked_sub_signed(day)?);
    let after = offset_at(local.checked_add_signed(day)?);
    let wall = local.and_utc().timestamp();
    let (mut lo, mut hi) = (wall - i64::from(after), wall - i64::from(before));
    let wall_clock = |utc: i64| -> Option<i64> {
        let naive = DateTime::from_timestamp(utc, 0)?.naive_utc();
        Some(utc + i64::from(offset_at(naive)))
    };
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if wall_clock(mid)? >= wall {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(DateTime::from_timestamp(hi, 0)?.with_timezone(&tz))
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

    #[test]
    fn a_local_time_in_a_gap_is_the_end_of_the_gap_and_an_overlap_has_two_edges() {
        let ny = chrono_tz::America::New_York;
        let local = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        let resolved = |s: &str, edge| resolve_local(local(s), ny, edge).map(|t| t.fixed_offset());
        // 02:30 does not exist on 2026-03-08: the clock jumps from 02:00 EST to 03:00 EDT.
        let gap_end = at("2026-03-08T03:00:00-04:00");
        assert_eq!(resolved("2026-03-08 02:30", Edge::Earliest), Some(gap_end));
        assert_eq!(resolved("2026-03-08 02:00", Edge::Latest), Some(gap_end));
        // 01:30 occurs twice on 2026-11-01.
        let first = at("2026-11-01T01:30:00-04:00");
        let second = at("2026-11-01T01:30:00-05:00");
        assert_eq!(resolved("2026-11-01 01:30", Edge::Earliest), Some(first));
        assert_eq!(resolved("2026-11-01 01:30", Edge::Latest), Some(second));
    }
}

//! When a zone's UTC offset changes, so arithmetic can jump every week up to the next change in one
//! step instead of probing each week. Found once per zone per process by scanning 1970–2100.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::{DateTime, Offset, TimeZone};
use chrono_tz::Tz;

const DAY: i64 = 86_400;
/// 1970-01-01 and 2100-01-01 in Unix seconds; outside, callers probe week by week.
pub(super) const WINDOW: (i64, i64) = (0, 4_102_444_800);

/// The instants (Unix seconds) at which `tz`'s offset changes within `WINDOW`, ascending.
pub(super) fn of(tz: Tz) -> Arc<[i64]> {
    static TABLES: OnceLock<Mutex<HashMap<Tz, Arc<[i64]>>>> = OnceLock::new();
    let tables = TABLES.get_or_init(Default::default);
    let mut tables = tables
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    tables.entry(tz).or_insert_with(|| scan(tz).into()).clone()
}

pub(super) fn offset_at(tz: Tz, unix_seconds: i64) -> Option<i32> {
    let utc = DateTime::from_timestamp(unix_seconds, 0)?.naive_utc();
    Some(tz.offset_from_utc_datetime(&utc).fix().local_minus_utc())
}

/// Samples every 7 days and bisects each change to the second. tzdb never puts two changes
/// within a week of each other, so none cancel out between samples.
fn scan(tz: Tz) -> Vec<i64> {
    let mut changes = Vec::new();
    let (mut previous, end) = WINDOW;
    let Some(mut previous_offset) = offset_at(tz, previous) else {
        return changes;
    };
    while previous < end {
        let sample = (previous + 7 * DAY).min(end);
        let Some(offset) = offset_at(tz, sample) else {
            break;
        };
        if offset != previous_offset {
            let (mut before, mut after) = (previous, sample);
            while after - before > 1 {
                let mid = before + (after - before) / 2;
                if offset_at(tz, mid) == Some(previous_offset) {
                    before = mid;
                } else {
                    after = mid;
                }
            }
            changes.push(after);
            previous_offset = offset;
        }
        previous = sample;
    }
    changes
}

/// How many whole days from `midnight` (Unix seconds) can be taken as plain: no offset change
/// from a day before it to a day after the last of them (a span may end up to 48:00 of its day).
/// None outside the scanned window.
pub(super) fn free_days(changes: &[i64], midnight: i64) -> Option<i64> {
    let from = midnight - DAY;
    if from < WINDOW.0 || midnight + 2 * DAY > WINDOW.1 {
        return None;
    }
    let next = changes.partition_point(|&change| change <= from);
    let limit = changes.get(next).copied().unwrap_or(WINDOW.1);
    Some((limit - midnight - DAY).max(0) / DAY)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unix(text: &str) -> i64 {
        DateTime::parse_from_rfc3339(text).map_or(0, |t| t.timestamp())
    }

    #[test]
    fn new_york_changes_at_2am_local_twice_in_2026() {
        let changes = of(chrono_tz::America::New_York);
        let in_2026: Vec<i64> = (changes.iter().copied())
            .filter(|&t| unix("2026-01-01T00:00:00Z") <= t && t < unix("2027-01-01T00:00:00Z"))
            .collect();
        // 02:00 EST = 07:00Z; 02:00 EDT = 06:00Z.
        assert_eq!(
            in_2026,
            vec![unix("2026-03-08T07:00:00Z"), unix("2026-11-01T06:00:00Z")]
        );
    }

    #[test]
    fn shanghai_has_had_one_offset_since_1991() {
        let changes = of(chrono_tz::Asia::Shanghai);
        assert!(changes.iter().all(|&t| t < unix("1992-01-01T00:00:00Z")));
        // From a 2026 Monday, plain days run to the end of the scanned window.
        let days = free_days(&changes, unix("2026-11-02T00:00:00+08:00"));
        assert!(days.is_some_and(|d| d > 365 * 70));
    }

    #[test]
    fn plain_days_stop_a_day_before_a_change() {
        let changes = of(chrono_tz::America::New_York);
        // From Monday 03-02 00:00 EST (05:00Z): the change at 03-08 07:00Z leaves 03-02..03-06,
        // whose spans may run to 03-08 00:00 EST.
        assert_eq!(
            free_days(&changes, unix("2026-03-02T00:00:00-05:00")),
            Some(5)
        );
        assert_eq!(
            free_days(&changes, unix("2026-03-08T00:00:00-05:00")),
            Some(0)
        );
        // From 03-09 the day before already has the new offset.
        let after = free_days(&changes, unix("2026-03-10T00:00:00-04:00"));
        assert!(after.is_some_and(|d| d > 200));
    }
}

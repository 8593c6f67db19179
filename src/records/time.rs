//! Record times: RFC 3339 instants, offset-less local times read in a zone, and dates.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;

use super::model::Instant;

/// Why a time could not be resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum TimeProblem {
    /// Not a time norma understands.
    Unparsable,
    /// A local time skipped by a DST change in the zone.
    Nonexistent { local: NaiveDateTime },
}

/// A resolved time and, when the local time was ambiguous, the later offset that was passed over.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resolved {
    pub instant: Instant,
    pub ambiguous: bool,
}

/// What a date without a time of day means: `at`-like fields take its 00:00, `due` its 24:00.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateMeans {
    StartOfDay,
    EndOfDay,
}

const LOCAL_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
];

/// Parses `text` as an RFC 3339 instant, else as a local time or date in `zone`.
pub fn parse_time(text: &str, zone: Tz, date_means: DateMeans) -> Result<Resolved, TimeProblem> {
    let text = text.trim();
    if let Ok(instant) = chrono::DateTime::parse_from_rfc3339(text) {
        return Ok(Resolved {
            instant,
            ambiguous: false,
        });
    }
    if let Some(local) = LOCAL_FORMATS
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
    {
        return resolve_local(local, zone);
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| TimeProblem::Unparsable)?;
    match date_means {
        DateMeans::StartOfDay => start_of_day(date, zone),
        DateMeans::EndOfDay => {
            let next = date
                .checked_add_days(Days::new(1))
                .ok_or(TimeProblem::Unparsable)?;
            start_of_day(next, zone)
        }
    }
}

/// A local wall-clock time in `zone`: a gap is an error, an overlap takes the earlier offset.
pub fn resolve_local(local: NaiveDateTime, zone: Tz) -> Result<Resolved, TimeProblem> {
    match zone.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) => Ok(Resolved {
            instant: t.fixed_offset(),
            ambiguous: false,
        }),
        chrono::LocalResult::Ambiguous(earlier, _) => Ok(Resolved {
            instant: earlier.fixed_offset(),
            ambiguous: true,
        }),
        chrono::LocalResult::None => Err(TimeProblem::Nonexistent { local }),
    }
}

/// The first instant of a local date. Some zones move clocks at midnight, so 00:00 may not exist:
/// the day then starts when the gap ends.
fn start_of_day(date: NaiveDate, zone: Tz) -> Result<Resolved, TimeProblem> {
    let midnight = date.and_time(NaiveTime::MIN);
    // Gaps are at most a few hours; step by minutes to the first existing local time.
    (0..=24 * 60)
        .filter_map(|minutes| midnight.checked_add_signed(chrono::TimeDelta::minutes(minutes)))
        .find_map(|local| resolve_local(local, zone).ok())
        .ok_or(TimeProblem::Nonexistent { local: midnight })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shanghai() -> Tz {
        chrono_tz::Asia::Shanghai
    }

    #[test]
    fn rfc3339_keeps_its_offset() {
        let r = parse_time(
            "2026-11-05T09:00:00+02:00",
            shanghai(),
            DateMeans::StartOfDay,
        );
        assert_eq!(
            r.map(|r| r.instant.to_rfc3339()),
            Ok("2026-11-05T09:00:00+02:00".to_string())
        );
    }

    #[test]
    fn offsetless_time_takes_the_zone() {
        let r = parse_time("2026-11-05T09:00:00", shanghai(), DateMeans::StartOfDay);
        assert_eq!(
            r.map(|r| r.instant.to_rfc3339()),
            Ok("2026-11-05T09:00:00+08:00".to_string())
        );
    }

    #[test]
    fn a_date_is_midnight_or_the_end_of_the_day() {
        let start = parse_time("2026-11-05", shanghai(), DateMeans::StartOfDay);
        let end = parse_time("2026-11-05", shanghai(), DateMeans::EndOfDay);
        assert_eq!(
            start.map(|r| r.instant.to_rfc3339()),
            Ok("2026-11-05T00:00:00+08:00".to_string())
        );
        assert_eq!(
            end.map(|r| r.instant.to_rfc3339()),
            Ok("2026-11-06T00:00:00+08:00".to_string())
        );
    }

    #[test]
    fn gap_is_an_error_and_overlap_takes_the_earlier_offset() {
        let ny = chrono_tz::America::New_York;
        assert!(matches!(
            parse_time("2026-03-08T02:30:00", ny, DateMeans::StartOfDay),
            Err(TimeProblem::Nonexistent { .. })
        ));
        // 2026-11-01 01:30 happens twice in New York: first at -04:00 (EDT).
        let r = parse_time("2026-11-01T01:30:00", ny, DateMeans::StartOfDay);
        assert_eq!(
            r.map(|r| (r.instant.to_rfc3339(), r.ambiguous)),
            Ok(("2026-11-01T01:30:00-04:00".to_string(), true))
        );
    }

    #[test]
    fn common_spellings_are_accepted() {
        for (text, expected) in [
            ("2026-11-05 09:00:00+08:00", "2026-11-05T09:00:00+08:00"),
            ("2026-11-05T01:00:00Z", "2026-11-05T01:00:00+00:00"),
            ("2026-11-05 09:00:00", "2026-11-05T09:00:00+08:00"),
            ("2026-11-05T09:00", "2026-11-05T09:00:00+08:00"),
            ("2026-11-05T09:00:00.250", "2026-11-05T09:00:00.250+08:00"),
        ] {
            let r = parse_time(text, shanghai(), DateMeans::StartOfDay);
            assert_eq!(
                r.map(|r| r.instant.to_rfc3339()),
                Ok(expected.to_string()),
                "{text}"
            );
        }
    }

    #[test]
    fn garbage_is_unparsable() {
        assert_eq!(
            parse_time("yesterday", shanghai(), DateMeans::StartOfDay),
            Err(TimeProblem::Unparsable)
        );
    }
}

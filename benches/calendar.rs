//! Deadline arithmetic on business calendars: `due` for short and long amounts should cost about
//! the same, because whole weeks are skipped in one step (docs/performance.md, "Business
//! calendars"). `cargo bench --bench calendar`.

use std::hint::black_box;
use std::time::Instant;

use chrono::{DateTime, Days, FixedOffset, NaiveDate, TimeDelta, Weekday};
use norma::time::calendar::{Calendar, CalendarSpec, Span};

const CALLS: usize = 20_000;

fn span(text: &str) -> Span {
    Span::parse(text).expect("a span")
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

const WEEKDAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

/// 营业时间 with the 2026 public holidays and make-up days, split hours.
fn shanghai_office() -> Calendar {
    let holidays = [
        ("2026-01-01", "2026-01-03"),
        ("2026-02-15", "2026-02-23"),
        ("2026-04-04", "2026-04-06"),
        ("2026-05-01", "2026-05-05"),
        ("2026-06-19", "2026-06-21"),
        ("2026-09-25", "2026-09-27"),
        ("2026-10-01", "2026-10-07"),
    ];
    let make_up = [
        "2026-01-04",
        "2026-02-14",
        "2026-02-28",
        "2026-05-09",
        "2026-09-20",
        "2026-10-10",
    ];
    let hours = [span("08:30-12:00"), span("13:30-17:00")];
    let mut spec = CalendarSpec::new(chrono_tz::Asia::Shanghai).hours(&WEEKDAYS, &hours);
    for (from, to) in holidays {
        spec = spec.closed(date(from), date(to), Some("假日"));
    }
    for day in make_up {
        spec = spec.open(date(day), &hours, Some("调休"));
    }
    Calendar::new(spec).expect("a valid calendar")
}

fn new_york_office() -> Calendar {
    let spec =
        CalendarSpec::new(chrono_tz::America::New_York).hours(&WEEKDAYS, &[span("09:00-17:00")]);
    Calendar::new(spec).expect("a valid calendar")
}

/// Starts spread over a year at odd minutes, so they fall inside, before and after hours.
fn starts(offset: &str) -> Vec<DateTime<FixedOffset>> {
    let first =
        DateTime::parse_from_rfc3339(&format!("2026-01-05T00:00:00{offset}")).expect("an instant");
    (0..CALLS as i64)
        .map(|i| first + TimeDelta::minutes(i * 26))
        .collect()
}

/// Nanoseconds per call of `f` over `starts`.
fn time_per_call(
    starts: &[DateTime<FixedOffset>],
    f: impl Fn(DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>>,
) -> f64 {
    let begin = Instant::now();
    let mut found = 0usize;
    for &start in starts {
        found += usize::from(black_box(f(black_box(start))).is_some());
    }
    let elapsed = begin.elapsed();
    assert_eq!(found, starts.len(), "every due exists");
    elapsed.as_nanos() as f64 / starts.len() as f64
}

fn report(name: &str, nanos: f64) {
    println!(
        "{name:<48} {:>9.0} ns/call  {:>9.0} calls/s",
        nanos,
        1e9 / nanos
    );
}

fn main() {
    let shanghai = shanghai_office();
    let new_york = new_york_office();
    let always = Calendar::always_open(chrono_tz::Asia::Shanghai);
    let (sh, ny) = (starts("+08:00"), starts("-05:00"));
    // Warm up caches and the allocator.
    time_per_call(&sh, |s| shanghai.due(s, 7200));

    let hours = |h: u64| h * 3600;
    report(
        "Shanghai office, due 2 h",
        time_per_call(&sh, |s| shanghai.due(s, hours(2))),
    );
    report(
        "Shanghai office, due 40 h",
        time_per_call(&sh, |s| shanghai.due(s, hours(40))),
    );
    report(
        "Shanghai office, due 2,000 h",
        time_per_call(&sh, |s| shanghai.due(s, hours(2000))),
    );
    report(
        "New York office (DST), due 2 h",
        time_per_call(&ny, |s| new_york.due(s, hours(2))),
    );
    report(
        "New York office (DST), due 2,000 h",
        time_per_call(&ny, |s| new_york.due(s, hours(2000))),
    );
    report(
        "24x7, due 24 h",
        time_per_call(&sh, |s| always.due(s, hours(24))),
    );
    report(
        "24x7, due 2,000 h",
        time_per_call(&sh, |s| always.due(s, hours(2000))),
    );
    report(
        "Shanghai office, 4 workdays",
        time_per_call(&sh, |s| shanghai.due_workdays(s, 4)),
    );
    report(
        "Shanghai office, 250 workdays",
        time_per_call(&sh, |s| shanghai.due_workdays(s, 250)),
    );
    report(
        "Shanghai office, 3 days (civil code)",
        time_per_call(&sh, |s| shanghai.due_days(s, 3)),
    );
    let year_later = |s: DateTime<FixedOffset>| s.checked_add_days(Days::new(365));
    report(
        "Shanghai office, elapsed over a year",
        time_per_call(&sh, |s| {
            Some(s + TimeDelta::seconds(black_box(shanghai.elapsed(s, year_later(s)?))))
        }),
    );
}

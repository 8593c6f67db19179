//! Business-calendar arithmetic: a table of hand-derived cases (tests/fixtures/calendar/cases.yaml),
//! the errors a calendar spec can have, `extends`, and properties over generated calendars.

use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta, Weekday};
use chrono_tz::Tz;
use norma::time::calendar::{
    Calendar, CalendarChanges, CalendarError, CalendarSpec, OpenDay, Span, SpanDay, WEEK,
};
use serde::Deserialize;

type Instant = DateTime<FixedOffset>;

#[derive(Deserialize)]
struct Table {
    calendars: BTreeMap<String, CalendarDef>,
    cases: Vec<Vec<serde_yaml::Value>>,
}

#[derive(Deserialize)]
struct CalendarDef {
    timezone: String,
    #[serde(default)]
    always_open: bool,
    #[serde(default)]
    hours: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    closed: Vec<(String, String)>,
    #[serde(default)]
    open: Vec<(String, Vec<String>, String)>,
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn at(text: &str) -> Instant {
    DateTime::parse_from_rfc3339(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn spans(texts: &[String]) -> Vec<Span> {
    texts
        .iter()
        .map(|t| Span::parse(t).unwrap_or_else(|| panic!("span {t}")))
        .collect()
}

/// `mon-fri`, `sat`, `mon-sun` as weekdays.
fn weekdays(text: &str) -> Vec<Weekday> {
    let index = |name: &str| {
        WEEK.iter()
            .position(|d| Weekday::from_str(name) == Ok(*d))
            .unwrap()
    };
    let (from, to) = text.split_once('-').unwrap_or((text, text));
    (index(from)..=index(to)).map(|i| WEEK[i]).collect()
}

fn build(def: &CalendarDef) -> Calendar {
    let zone = Tz::from_str(&def.timezone).unwrap();
    if def.always_open {
        return Calendar::always_open(zone);
    }
    let mut spec = CalendarSpec::new(zone);
    for (days, hours) in &def.hours {
        spec = spec.hours(&weekdays(days), &spans(hours));
    }
    for (range, label) in &def.closed {
        let (from, to) = range.split_once("..").unwrap();
        spec = spec.closed(date(from), date(to), Some(label));
    }
    for (day, hours, label) in &def.open {
        spec = spec.open(date(day), &spans(hours), Some(label));
    }
    Calendar::new(spec).unwrap()
}

/// `2h`, `1h50min`, `8h30min1s`, `-2h` as seconds.
fn seconds(text: &str) -> i64 {
    let (sign, mut rest) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text),
    };
    let mut total = 0;
    while !rest.is_empty() {
        let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap();
        let number: i64 = rest[..digits].parse().unwrap();
        let unit_end = rest[digits..]
            .find(|c: char| c.is_ascii_digit())
            .map_or(rest.len(), |i| digits + i);
        total += number
            * match &rest[digits..unit_end] {
                "h" => 3600,
                "min" => 60,
                "s" => 1,
                unit => panic!("unit {unit}"),
            };
        rest = &rest[unit_end..];
    }
    sign * total
}

fn text(value: &serde_yaml::Value) -> String {
    match value {
        serde_yaml::Value::String(s) => s.clone(),
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::Bool(b) => b.to_string(),
        serde_yaml::Value::Null => "none".to_string(),
        other => panic!("unexpected {other:?}"),
    }
}

fn show(instant: Option<Instant>) -> String {
    instant.map_or("none".to_string(), |t| t.to_rfc3339())
}

/// What the calendar says for one case, and whether that is what the table expects.
fn run_case(
    calendar: &Calendar,
    op: &str,
    start: Instant,
    amount: &str,
    expected: &str,
) -> (String, bool) {
    let instant_case = |got: Option<Instant>| {
        let ok = match expected {
            "none" => got.is_none(),
            want => got == Some(at(want)),
        };
        (show(got), ok)
    };
    match op {
        "due" => instant_case(calendar.due(start, seconds(amount) as u64)),
        "workdays" => instant_case(calendar.due_workdays(start, amount.parse().unwrap())),
        "days" => instant_case(calendar.due_days(start, amount.parse().unwrap())),
        "next_open" => instant_case(calendar.next_open(start)),
        "next_close" => instant_case(calendar.next_close(start)),
        "elapsed" => {
            let got = calendar.elapsed(start, at(amount));
            (format!("{got}s"), got == seconds(expected))
        }
        "is_open" => {
            let got = calendar.is_open(start).to_string();
            let ok = got == expected;
            (got, ok)
        }
        other => panic!("unknown op {other}"),
    }
}

#[test]
fn every_hand_derived_case_holds() {
    let yaml = include_str!("fixtures/calendar/cases.yaml");
    let table: Table = serde_yaml::from_str(yaml).unwrap();
    let calendars: BTreeMap<&str, Calendar> = table
        .calendars
        .iter()
        .map(|(name, def)| (name.as_str(), build(def)))
        .collect();
    assert!(
        table.cases.len() >= 150,
        "the table keeps at least 150 cases"
    );
    let mut failures = Vec::new();
    for case in &table.cases {
        let [cal, op, start, amount, expected, reason] = &case[..] else {
            panic!("a case has six fields: {case:?}");
        };
        let (cal, op, amount, expected) = (text(cal), text(op), text(amount), text(expected));
        let calendar = &calendars[cal.as_str()];
        let (got, ok) = run_case(calendar, &op, at(&text(start)), &amount, &expected);
        if !ok {
            let start = text(start);
            let reason = text(reason);
            failures.push(format!(
                "{cal} {op} {start} {amount}: want {expected}, got {got} ({reason})"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn shanghai() -> Tz {
    chrono_tz::Asia::Shanghai
}

fn span(text: &str) -> Span {
    Span::parse(text).unwrap()
}

fn errors_of(spec: CalendarSpec) -> Vec<CalendarError> {
    Calendar::new(spec).err().unwrap_or_default()
}

fn business_hours() -> CalendarSpec {
    let weekdays = weekdays("mon-fri");
    CalendarSpec::new(shanghai())
        .hours(&weekdays, &[span("08:30-17:00")])
        .closed(date("2026-10-01"), date("2026-10-07"), Some("国庆节"))
        .open(date("2026-10-11"), &[span("08:30-17:00")], Some("调休"))
}

#[test]
fn spans_read_and_print_as_the_language_writes_them() {
    assert_eq!(span("08:30-17:00"), Span::new(30_600, 61_200));
    assert_eq!(span("22:00-06:00+1"), Span::new(79_200, 108_000));
    assert_eq!(span("00:00-24:00"), Span::new(0, 86_400));
    assert_eq!(span("22:00-06:00+1").to_string(), "22:00-06:00+1");
    assert_eq!(span("08:30-12:00").to_string(), "08:30-12:00");
    assert_eq!(Span::parse("8:30"), None);
    assert_eq!(Span::parse("08:60-09:00"), None);
    assert_eq!(Span::parse("25:00-26:00"), None);
}

#[test]
fn overlapping_spans_on_one_day_are_refused_with_both_spans() {
    let spec = CalendarSpec::new(shanghai())
        .hours(&[Weekday::Mon], &[span("08:00-12:00"), span("11:00-13:00")]);
    assert_eq!(
        errors_of(spec),
        vec![CalendarError::OverlappingSpans {
            first_day: SpanDay::Weekly(Weekday::Mon),
            first: span("08:00-12:00"),
            second_day: SpanDay::Weekly(Weekday::Mon),
            second: span("11:00-13:00"),
        }]
    );
}

#[test]
fn touching_spans_are_not_an_overlap() {
    let spec = CalendarSpec::new(shanghai())
        .hours(&[Weekday::Mon], &[span("08:00-12:00"), span("12:00-13:00")]);
    assert!(Calendar::new(spec).is_ok());
}

#[test]
fn an_overnight_span_may_not_run_into_the_next_days_hours() {
    let spec = CalendarSpec::new(shanghai())
        .hours(&[Weekday::Mon], &[span("22:00-06:00+1")])
        .hours(&[Weekday::Tue], &[span("05:00-12:00")]);
    assert_eq!(
        errors_of(spec),
        vec![CalendarError::OverlappingSpans {
            first_day: SpanDay::Weekly(Weekday::Mon),
            first: span("22:00-06:00+1"),
            second_day: SpanDay::Weekly(Weekday::Tue),
            second: span("05:00-12:00"),
        }]
    );
}

#[test]
fn sunday_night_runs_into_monday_and_a_make_up_day_into_its_neighbour() {
    let spec = CalendarSpec::new(shanghai())
        .hours(&[Weekday::Sun], &[span("23:00-01:00+1")])
        .hours(&[Weekday::Mon], &[span("00:30-08:00")]);
    assert_eq!(errors_of(spec).len(), 1);
    // 2026-10-10 is a Saturday; Sunday 10-11 opens at 05:00.
    let spec = CalendarSpec::new(shanghai())
        .hours(&[Weekday::Sun], &[span("05:00-09:00")])
        .open(date("2026-10-10"), &[span("22:00-06:00+1")], None);
    let errors = errors_of(spec);
    assert!(matches!(
        errors[..],
        [CalendarError::OverlappingSpans {
            first_day: SpanDay::Date(_),
            second_day: SpanDay::Weekly(Weekday::Sun),
            ..
        }]
    ));
}

#[test]
fn an_end_before_the_start_needs_the_next_day_form() {
    let spec = CalendarSpec::new(shanghai()).hours(&[Weekday::Fri], &[span("22:00-06:00")]);
    assert_eq!(
        errors_of(spec),
        vec![CalendarError::InvertedSpan {
            day: SpanDay::Weekly(Weekday::Fri),
            span: span("22:00-06:00"),
        }]
    );
    let spec = CalendarSpec::new(shanghai()).hours(&[Weekday::Fri], &[span("22:00-06:00+1")]);
    assert!(Calendar::new(spec).is_ok());
}

#[test]
fn a_span_longer_than_a_day_is_refused() {
    let spec = CalendarSpec::new(shanghai()).hours(&[Weekday::Fri], &[span("08:00-09:00+1")]);
    assert!(matches!(
        errors_of(spec)[..],
        [CalendarError::SpanOutOfDay { .. }]
    ));
}

#[test]
fn a_date_both_closed_and_open_names_both_labels() {
    let spec = business_hours().open(date("2026-10-03"), &[span("09:00-12:00")], Some("值班"));
    assert_eq!(
        errors_of(spec),
        vec![CalendarError::ClosedAndOpen {
            date: date("2026-10-03"),
            closed_label: Some("国庆节".to_string()),
            open_label: Some("值班".to_string()),
        }]
    );
}

#[test]
fn a_calendar_without_any_open_time_is_refused() {
    assert_eq!(
        errors_of(CalendarSpec::new(shanghai())),
        vec![CalendarError::NoOpenTime]
    );
    let only_holidays =
        CalendarSpec::new(shanghai()).closed(date("2026-10-01"), date("2026-10-07"), None);
    assert_eq!(errors_of(only_holidays), vec![CalendarError::NoOpenTime]);
}

#[test]
fn every_problem_is_reported_at_once() {
    let spec = CalendarSpec::new(shanghai())
        .hours(&[Weekday::Mon], &[span("17:00-08:00")])
        .closed(date("2026-10-07"), date("2026-10-01"), None)
        .open(date("2026-10-11"), &[], None);
    let errors = errors_of(spec);
    assert!(
        matches!(errors[0], CalendarError::InvertedSpan { .. }),
        "{errors:?}"
    );
    assert!(errors.contains(&CalendarError::InvertedDateRange {
        from: date("2026-10-07"),
        to: date("2026-10-01"),
    }));
    assert!(errors.contains(&CalendarError::OpenDayWithoutHours {
        date: date("2026-10-11")
    }));
    assert_eq!(
        errors.len(),
        3,
        "Monday's (inverted) hours mean it is not empty: {errors:?}"
    );
    assert!(errors.iter().all(|e| !e.to_string().is_empty()));
}

#[test]
fn extends_copies_a_calendar_and_its_dates_win() {
    let base = Calendar::new(business_hours()).unwrap();
    let changes = CalendarChanges {
        timezone: Some(chrono_tz::Europe::London),
        hours: vec![(vec![Weekday::Sat], vec![span("10:00-12:00")])],
        closed: vec![],
        open: vec![OpenDay {
            date: date("2026-10-05"),
            spans: vec![span("09:00-12:00")],
            label: Some("值班".to_string()),
        }],
    };
    let child = Calendar::new(base.spec().extend(&changes)).unwrap();
    assert_eq!(child.timezone(), chrono_tz::Europe::London);
    // The parent's holiday is split around the reopened date.
    assert!(child.is_open(at("2026-10-05T10:00:00+01:00")));
    assert!(!child.is_open(at("2026-10-06T10:00:00+01:00")));
    assert_eq!(child.label_on(date("2026-10-05")), Some("值班"));
    assert_eq!(child.label_on(date("2026-10-04")), Some("国庆节"));
    // Saturday 10-31 now has hours, in London time; Friday's hours are the parent's.
    assert!(child.is_open(at("2026-10-31T11:00:00+00:00")));
    assert!(child.is_open(at("2026-10-30T16:30:00+00:00")));
    // The parent is unchanged.
    assert!(!base.is_open(at("2026-10-05T10:00:00+08:00")));
}

#[test]
fn a_calendar_of_make_up_days_only_runs_out() {
    let spec = CalendarSpec::new(shanghai()).open(date("2026-10-11"), &[span("08:30-17:00")], None);
    let calendar = Calendar::new(spec).unwrap();
    let start = at("2026-10-01T00:00:00+08:00");
    assert_eq!(
        calendar.due(start, 3600),
        Some(at("2026-10-11T09:30:00+08:00"))
    );
    assert_eq!(
        calendar.due(start, 9 * 3600),
        None,
        "only 8.5 h of open time exist"
    );
    assert_eq!(calendar.due_workdays(start, 2), None);
    assert_eq!(calendar.due_days(at("2026-10-12T00:00:00+08:00"), 1), None);
    assert_eq!(calendar.next_open(at("2026-10-11T17:00:00+08:00")), None);
    assert_eq!(calendar.next_close(at("2026-10-11T17:00:00+08:00")), None);
}

#[test]
fn open_periods_are_clipped_and_touching_ones_joined() {
    let calendar = Calendar::new(business_hours()).unwrap();
    let periods = calendar.periods(
        at("2026-10-09T12:00:00+08:00"),
        at("2026-10-12T09:00:00+08:00"),
    );
    assert_eq!(
        periods,
        vec![
            (
                at("2026-10-09T12:00:00+08:00"),
                at("2026-10-09T17:00:00+08:00")
            ),
            (
                at("2026-10-11T08:30:00+08:00"),
                at("2026-10-11T17:00:00+08:00")
            ),
            (
                at("2026-10-12T08:30:00+08:00"),
                at("2026-10-12T09:00:00+08:00")
            ),
        ]
    );
    let always = Calendar::always_open(shanghai());
    let from = at("2026-11-03T22:00:00+08:00");
    let to = at("2026-11-05T03:00:00+08:00");
    assert_eq!(always.periods(from, to), vec![(from, to)]);
}

#[test]
fn fractions_of_a_second_are_kept() {
    let calendar = Calendar::new(business_hours()).unwrap();
    let start = at("2026-11-02T16:59:59.500+08:00");
    assert_eq!(
        calendar.due(start, 1),
        Some(at("2026-11-03T08:30:00.500+08:00"))
    );
    let exact = calendar.elapsed_exact(start, at("2026-11-03T08:30:00.500+08:00"));
    assert_eq!(exact, chrono::TimeDelta::seconds(1));
}

#[test]
fn absurd_amounts_give_none_instead_of_hanging() {
    let calendar = Calendar::new(business_hours()).unwrap();
    let start = at("2026-11-02T10:00:00+08:00");
    assert_eq!(calendar.due(start, u64::MAX), None);
    assert_eq!(calendar.due_workdays(start, u32::MAX), None);
    assert_eq!(calendar.due_days(start, u32::MAX), None);
}

mod properties {
    //! Over generated calendars (split spans, overnight spans, holidays, make-up days, DST zones)
    //! and starts at second resolution.

    use super::*;
    use proptest::prelude::*;

    const ZONES: [Tz; 4] = [
        chrono_tz::Asia::Shanghai,
        chrono_tz::America::New_York,
        chrono_tz::Europe::London,
        chrono_tz::Australia::Lord_Howe, // a 30-minute DST shift
    ];

    /// One day's spans from sorted quarter-hour points: pairs of points are spans, and a lone
    /// last point may open a span running into the next morning (kept only if valid).
    fn day_spans() -> impl Strategy<Value = Vec<Span>> {
        (
            prop::collection::btree_set(0u32..=96, 0..=4),
            any::<bool>(),
            1u32..=32,
        )
            .prop_map(|(points, overnight, tail)| {
                let points: Vec<u32> = points.into_iter().map(|q| q * 900).collect();
                let mut spans: Vec<Span> = points
                    .chunks_exact(2)
                    .map(|p| Span::new(p[0], p[1]))
                    .collect();
                if overnight && points.len() % 2 == 1 {
                    let start = points[points.len() - 1];
                    spans.push(Span::new(start, 86_400 + tail * 900));
                }
                spans
            })
    }

    fn day_in_window() -> impl Strategy<Value = NaiveDate> {
        (0u64..400).prop_map(|d| date("2026-01-01") + chrono::Days::new(d))
    }

    prop_compose! {
        fn calendar()(
            zone in prop::sample::select(&ZONES[..]),
            weekly in prop::array::uniform7(day_spans()),
            closed in prop::collection::vec((day_in_window(), 0u64..10), 0..3),
            open in prop::collection::vec((day_in_window(), 28u32..40, 1u32..12), 0..3),
        ) -> Option<Calendar> {
            let mut spec = CalendarSpec::new(zone);
            spec.weekly = weekly;
            for (from, length) in closed {
                spec = spec.closed(from, from + chrono::Days::new(length), None);
            }
            for (day, start, hours) in open {
                let span = Span::new(start * 900, start * 900 + hours * 1800);
                spec = spec.open(day, &[span], None);
            }
            Calendar::new(spec).ok()
        }
    }

    fn start() -> impl Strategy<Value = Instant> {
        (0i64..400 * 86_400).prop_map(|s| at("2026-01-01T00:00:00Z") + TimeDelta::seconds(s))
    }

    /// Up to about 300 open hours, at second resolution.
    fn amount() -> impl Strategy<Value = u64> {
        prop_oneof![0u64..7_200, 0u64..1_080_000]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn due_grows_with_the_amount(cal in calendar(), s in start(), a in amount(), b in amount()) {
            prop_assume!(cal.is_some());
            let Some(cal) = cal else { return Ok(()) };
            let (small, large) = (a.min(b), a.max(b));
            if let (Some(x), Some(y)) = (cal.due(s, small), cal.due(s, large)) {
                prop_assert!(x <= y, "due({s}, {small}) = {x} > due({s}, {large}) = {y}");
            }
        }

        #[test]
        fn the_open_time_up_to_due_is_the_amount(cal in calendar(), s in start(), d in amount()) {
            prop_assume!(cal.is_some());
            let Some(cal) = cal else { return Ok(()) };
            if let Some(due) = cal.due(s, d) {
                prop_assert_eq!(cal.elapsed(s, due), d as i64);
            }
        }

        #[test]
        fn due_composes(cal in calendar(), s in start(), a in amount(), b in amount()) {
            prop_assume!(cal.is_some());
            let Some(cal) = cal else { return Ok(()) };
            let stepwise = cal.due(s, a).and_then(|mid| cal.due(mid, b));
            let at_once = cal.due(s, a + b);
            // Where the calendar runs out of open time, both are None.
            prop_assert_eq!(stepwise, at_once);
        }

        #[test]
        fn elapsed_is_the_sum_of_the_open_periods(cal in calendar(), s in start(), days in 0i64..60) {
            prop_assume!(cal.is_some());
            let Some(cal) = cal else { return Ok(()) };
            let end = s + TimeDelta::seconds(days * 86_400 + 12_345);
            let summed: i64 = cal.periods(s, end).iter().map(|(a, b)| (*b - *a).num_seconds()).sum();
            prop_assert_eq!(cal.elapsed(s, end), summed);
            prop_assert_eq!(cal.elapsed(end, s), -summed);
        }

        #[test]
        fn working_days_end_at_a_close(cal in calendar(), s in start(), n in 1u32..30) {
            prop_assume!(cal.is_some());
            let Some(cal) = cal else { return Ok(()) };
            if let Some(due) = cal.due_workdays(s, n) {
                // A close: open just before it, and after the start's local date.
                prop_assert!(cal.is_open(due - TimeDelta::seconds(1)), "{due}");
                let local = |t: Instant| t.with_timezone(&cal.timezone()).date_naive();
                prop_assert!(local(due - TimeDelta::seconds(1)) > local(s));
            }
            if let (Some(one), Some(more)) = (cal.due_workdays(s, n), cal.due_workdays(s, n + 1)) {
                prop_assert!(one < more);
            }
        }
    }
}

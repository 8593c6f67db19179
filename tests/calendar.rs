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

#[path = "calendar/api.rs"]
mod api;
#[path = "calendar/properties.rs"]
mod properties;

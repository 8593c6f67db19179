//! The calendar API beyond the table: spec errors, `extends`, running out, fractions.

use super::*;

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
    assert_eq!(Span::parse("99999999:00-10:00"), None);
    assert_eq!(
        Span::parse("24:00-01:00+1"),
        Some(Span::new(86_400, 90_000))
    );
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

//! What makes a calendar spec unusable, found all at once so `check` can report every problem.

use std::fmt;

use chrono::{NaiveDate, Weekday};

use super::spec::{CalendarSpec, DAY_SECONDS, Span, WEEK};

/// The day a span was written for: a weekday of the weekly hours or an `open` date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanDay {
    Weekly(Weekday),
    Date(NaiveDate),
}

impl fmt::Display for SpanDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpanDay::Weekly(day) => write!(f, "{}", day.to_string().to_lowercase()),
            SpanDay::Date(date) => write!(f, "{date}"),
        }
    }
}

/// A reason `Calendar::new` refuses a spec (each becomes an E04xx diagnostic in `check`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error(
        "{day} {span}: the span ends before it starts (a span ending the next day is written `+1`)"
    )]
    InvertedSpan { day: SpanDay, span: Span },
    #[error("{day} {span}: a span starts by 24:00 and lasts at most 24 hours")]
    SpanOutOfDay { day: SpanDay, span: Span },
    #[error("{first_day} {first} overlaps {second_day} {second}")]
    OverlappingSpans {
        first_day: SpanDay,
        first: Span,
        second_day: SpanDay,
        second: Span,
    },
    #[error("closed {from}..{to}: the range ends before it starts")]
    InvertedDateRange { from: NaiveDate, to: NaiveDate },
    #[error("{date} is both closed and open")]
    ClosedAndOpen {
        date: NaiveDate,
        closed_label: Option<String>,
        open_label: Option<String>,
    },
    #[error("open {date} names no hours")]
    OpenDayWithoutHours { date: NaiveDate },
    #[error("the calendar is never open: it has no weekly hours and no open days")]
    NoOpenTime,
}

/// Every problem in `spec`, in a stable order: weekly hours, closed ranges, open days, emptiness.
pub fn problems(spec: &CalendarSpec) -> Vec<CalendarError> {
    let mut errors = Vec::new();
    for (index, spans) in spec.weekly.iter().enumerate() {
        check_day(SpanDay::Weekly(WEEK[index]), spans, &mut errors);
        let next = (index + 1) % 7;
        let tomorrow = (SpanDay::Weekly(WEEK[next]), &spec.weekly[next][..]);
        check_overnight((SpanDay::Weekly(WEEK[index]), spans), tomorrow, &mut errors);
    }
    for range in spec.closed.iter().filter(|r| r.to < r.from) {
        errors.push(CalendarError::InvertedDateRange {
            from: range.from,
            to: range.to,
        });
    }
    let mut open_dates: Vec<NaiveDate> = spec.open.iter().map(|o| o.date).collect();
    open_dates.sort();
    open_dates.dedup();
    for date in open_dates {
        check_open_day(spec, date, &mut errors);
    }
    let weekly_empty = spec.weekly.iter().all(Vec::is_empty);
    if weekly_empty && spec.open.iter().all(|o| o.spans.is_empty()) {
        errors.push(CalendarError::NoOpenTime);
    }
    errors.dedup();
    errors
}

fn check_open_day(spec: &CalendarSpec, date: NaiveDate, errors: &mut Vec<CalendarError>) {
    let Some((spans, label)) = open_spans(spec, date) else {
        return;
    };
    let day = SpanDay::Date(date);
    if spans.is_empty() {
        errors.push(CalendarError::OpenDayWithoutHours { date });
    }
    if let Some(closed) = spec.closed.iter().find(|c| c.from <= date && date <= c.to) {
        errors.push(CalendarError::ClosedAndOpen {
            date,
            closed_label: closed.label.clone(),
            open_label: label,
        });
    }
    check_day(day, &spans, errors);
    if let Some(yesterday) = date.pred_opt() {
        let before = effective(spec, yesterday);
        check_overnight((before.0, &before.1), (day, &spans), errors);
    }
    // An open tomorrow checks this pair itself, as its own yesterday.
    let tomorrow = date.succ_opt().filter(|d| open_spans(spec, *d).is_none());
    if let Some(tomorrow) = tomorrow {
        let after = effective(spec, tomorrow);
        check_overnight((day, &spans), (after.0, &after.1), errors);
    }
}

/// The spans of every `open` entry for `date` together, with the first label; None if none.
fn open_spans(spec: &CalendarSpec, date: NaiveDate) -> Option<(Vec<Span>, Option<String>)> {
    let entries: Vec<_> = spec.open.iter().filter(|o| o.date == date).collect();
    let first = entries.first()?;
    let spans = entries
        .iter()
        .flat_map(|o| o.spans.iter().copied())
        .collect();
    Some((spans, first.label.clone()))
}

/// The spans a date actually has: its open entries, none if closed, else its weekday's.
fn effective(spec: &CalendarSpec, date: NaiveDate) -> (SpanDay, Vec<Span>) {
    if let Some((spans, _)) = open_spans(spec, date) {
        return (SpanDay::Date(date), spans);
    }
    if spec.closed.iter().any(|c| c.from <= date && date <= c.to) {
        return (SpanDay::Date(date), Vec::new());
    }
    let weekday = chrono::Datelike::weekday(&date);
    let spans = spec.weekly[weekday.num_days_from_monday() as usize].clone();
    (SpanDay::Weekly(weekday), spans)
}

fn check_day(day: SpanDay, spans: &[Span], errors: &mut Vec<CalendarError>) {
    for span in spans {
        if span.end <= span.start {
            errors.push(CalendarError::InvertedSpan { day, span: *span });
        } else if span.start >= DAY_SECONDS || span.end - span.start > DAY_SECONDS {
            errors.push(CalendarError::SpanOutOfDay { day, span: *span });
        }
    }
    let mut sorted: Vec<Span> = spans.iter().copied().filter(is_well_formed).collect();
    sorted.sort();
    let mut latest: Option<Span> = None;
    for span in sorted {
        if let Some(before) = latest.filter(|before| span.start < before.end) {
            errors.push(CalendarError::OverlappingSpans {
                first_day: day,
                first: before,
                second_day: day,
                second: span,
            });
        }
        if latest.is_none_or(|before| span.end > before.end) {
            latest = Some(span);
        }
    }
}

/// A span running past midnight must end before the next day's first span starts.
fn check_overnight(
    today: (SpanDay, &[Span]),
    tomorrow: (SpanDay, &[Span]),
    errors: &mut Vec<CalendarError>,
) {
    for late in today
        .1
        .iter()
        .filter(|s| is_well_formed(s) && s.end > DAY_SECONDS)
    {
        let tail_end = late.end - DAY_SECONDS;
        for early in tomorrow
            .1
            .iter()
            .filter(|s| is_well_formed(s) && s.start < tail_end)
        {
            errors.push(CalendarError::OverlappingSpans {
                first_day: today.0,
                first: *late,
                second_day: tomorrow.0,
                second: *early,
            });
        }
    }
}

fn is_well_formed(span: &Span) -> bool {
    span.start < span.end && span.start < DAY_SECONDS && span.end - span.start <= DAY_SECONDS
}

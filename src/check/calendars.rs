//! Calendars: `calendar` items → checked business calendars (E04xx), `extends` resolved in
//! dependency order, and the built-in `24x7` in the standard's zone.

use std::collections::HashMap;

use chrono::{NaiveDate, Weekday};
use chrono_tz::Tz;

use super::Checker;
use super::names::nfc;
use super::standard::parse_zone;
use crate::diag::{Diagnostic, Span as SourceSpan};
use crate::suggest::help_for;
use crate::syntax::ast::{self, CalendarLineKind};
use crate::time::calendar::{
    Calendar, CalendarChanges, CalendarError, CalendarSpec, ClosedDates, OpenDay, Span, WEEK,
};

/// A checked calendar with its name. Index 0 is always the built-in `24x7`.
#[derive(Debug, Clone)]
pub struct CalendarDef {
    pub name: String,
    pub calendar: Calendar,
}

pub const ALWAYS_OPEN: &str = "24x7";

/// Every calendar of the policy: `24x7` first, then the declared ones that check, by name.
pub(crate) fn calendars(
    cx: &mut Checker,
    items: &[&ast::Item],
    standard_zone: Tz,
) -> Vec<CalendarDef> {
    let declared: Vec<(&ast::Item, &ast::Calendar)> = items
        .iter()
        .filter_map(|i| match &i.kind {
            ast::ItemKind::Calendar(c) => Some((*i, c)),
            _ => None,
        })
        .collect();
    let mut specs: HashMap<String, Option<CalendarSpec>> = HashMap::new();
    let mut result = vec![CalendarDef {
        name: ALWAYS_OPEN.to_string(),
        calendar: Calendar::always_open(standard_zone),
    }];
    let by_name: HashMap<String, &ast::Calendar> = declared
        .iter()
        .map(|(_, c)| (nfc(&c.name.name), *c))
        .collect();
    for (_, cal) in &declared {
        let name = nfc(&cal.name.name);
        if name == ALWAYS_OPEN {
            cx.report(
                Diagnostic::new("E0102", "`24x7` is a built-in calendar")
                    .at(cal.name.span, "cannot be redefined")
                    .help("give your calendar another name"),
            );
            continue;
        }
        let mut chain = Vec::new();
        let spec = resolve(cx, &name, &by_name, &mut specs, standard_zone, &mut chain);
        if let Some(spec) = spec {
            match Calendar::new(spec) {
                Ok(calendar) => result.push(CalendarDef { name, calendar }),
                Err(errors) => report_errors(cx, cal, errors),
            }
        }
    }
    result
}

/// The spec of calendar `name`, its base's first (`extends`); `None` when it has errors.
fn resolve(
    cx: &mut Checker,
    name: &str,
    by_name: &HashMap<String, &ast::Calendar>,
    specs: &mut HashMap<String, Option<CalendarSpec>>,
    standard_zone: Tz,
    chain: &mut Vec<String>,
) -> Option<CalendarSpec> {
    if let Some(done) = specs.get(name) {
        return done.clone();
    }
    let cal = by_name.get(name)?;
    if chain.iter().any(|c| c == name) {
        cx.report(
            Diagnostic::new("E0413", format!("calendar `{name}` extends itself"))
                .at(cal.name.span, format!("through {}", chain.join(" → ")))
                .help("a calendar may extend another, never itself, directly or not"),
        );
        specs.insert(name.to_string(), None);
        return None;
    }
    chain.push(name.to_string());
    let base = match &cal.extends {
        None => Some(CalendarSpec::new(standard_zone)),
        Some(base) => {
            let base_name = nfc(&base.name);
            if base_name == ALWAYS_OPEN {
                Some(CalendarSpec::always_open(standard_zone))
            } else if by_name.contains_key(&base_name) {
                resolve(cx, &base_name, by_name, specs, standard_zone, chain)
            } else {
                let names: Vec<&str> = by_name.keys().map(String::as_str).collect();
                cx.report(
                    Diagnostic::new("E0101", format!("unknown calendar `{base_name}`"))
                        .at(base.span, "no calendar has this name")
                        .help(help_for(
                            &base_name,
                            names,
                            "extend a declared calendar or `24x7`",
                        )),
                );
                None
            }
        }
    };
    chain.pop();
    let changes = changes(cx, cal);
    let spec = match (base, changes) {
        (Some(base), Some(changes)) => Some(base.extend(&changes)),
        _ => None,
    };
    specs.insert(name.to_string(), spec.clone());
    spec
}

/// What a calendar's own lines say.
fn changes(cx: &mut Checker, cal: &ast::Calendar) -> Option<CalendarChanges> {
    let mut changes = CalendarChanges::default();
    let mut ok = true;
    for line in &cal.lines {
        match &line.kind {
            CalendarLineKind::Timezone(zone) => match parse_zone(cx, zone) {
                Some(tz) => changes.timezone = Some(tz),
                None => ok = false,
            },
            CalendarLineKind::Hours { days, spans } => {
                let days: Option<Vec<Weekday>> = days
                    .iter()
                    .map(|d| weekdays(cx, d))
                    .collect::<Option<Vec<_>>>()
                    .map(|v| v.concat());
                match (days, time_spans(cx, spans)) {
                    (Some(days), Some(spans)) => changes.hours.push((days, spans)),
                    _ => ok = false,
                }
            }
            CalendarLineKind::Closed {
                from, to, label, ..
            } => {
                match (
                    date(from),
                    to.as_deref().map(date).unwrap_or_else(|| date(from)),
                ) {
                    (Some(from), Some(to)) => changes.closed.push(ClosedDates {
                        from,
                        to,
                        label: label.as_ref().map(|l| l.value.clone()),
                    }),
                    // The parser already reported a malformed date (E0005).
                    _ => ok = false,
                }
            }
            CalendarLineKind::Open {
                date: d,
                spans,
                label,
                ..
            } => match (date(d), time_spans(cx, spans)) {
                (Some(date), Some(spans)) => changes.open.push(OpenDay {
                    date,
                    spans,
                    label: label.as_ref().map(|l| l.value.clone()),
                }),
                _ => ok = false,
            },
        }
    }
    ok.then_some(changes)
}

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// `mon-fri` → Mon..=Fri; a range may wrap around the week (`sat-mon`).
fn weekdays(cx: &mut Checker, range: &ast::WeekdayRange) -> Option<Vec<Weekday>> {
    let index = |name: &str| {
        WEEK.iter()
            .position(|d| d.to_string().to_lowercase().starts_with(name))
    };
    let from = index(&range.from);
    let to = range.to.as_deref().map(index).unwrap_or(from);
    let (Some(from), Some(to)) = (from, to) else {
        cx.report(
            Diagnostic::new("E0408", "not a day of the week")
                .at(range.span, "days are mon tue wed thu fri sat sun")
                .help("write a day or a range such as `mon-fri`"),
        );
        return None;
    };
    let count = (to + 7 - from) % 7 + 1;
    Some((0..count).map(|k| WEEK[(from + k) % 7]).collect())
}

fn time_spans(cx: &mut Checker, spans: &[ast::TimeSpan]) -> Option<Vec<Span>> {
    let mut out = Vec::new();
    for s in spans {
        let text = format!(
            "{}-{}{}",
            s.start,
            s.end,
            if s.next_day { "+1" } else { "" }
        );
        match Span::parse(&text) {
            Some(span) => out.push(span),
            None => {
                cx.report(
                    Diagnostic::new("E0408", format!("`{text}` is not a span of opening hours"))
                        .at(s.span, "not a span")
                        .help("write `08:30-17:00`, or `22:00-06:00+1` for a span ending the next day"),
                );
                return None;
            }
        }
    }
    Some(out)
}

/// Each problem `Calendar::new` found, at the line it is about where that line can be found.
fn report_errors(cx: &mut Checker, cal: &ast::Calendar, errors: Vec<CalendarError>) {
    // `hours mon-fri 17:00-08:30` is one mistake, not five: one diagnostic per line and code.
    let mut reported: Vec<(&'static str, SourceSpan)> = Vec::new();
    for error in errors {
        let (code, help) = match &error {
            CalendarError::InvertedSpan { .. } | CalendarError::SpanOutOfDay { .. } => (
                "E0408",
                "a span runs forward within a day; write `22:00-06:00+1` for one ending the next day",
            ),
            CalendarError::OverlappingSpans { .. } => (
                "E0409",
                "give each day spans that do not overlap, e.g. `08:30-12:00, 13:30-17:00`",
            ),
            CalendarError::InvertedDateRange { .. } => (
                "E0410",
                "write the earlier date first: `2026-10-01..2026-10-07`",
            ),
            CalendarError::ClosedAndOpen { .. } => (
                "E0411",
                "a date is either closed or open; remove one of the two lines",
            ),
            CalendarError::OpenDayWithoutHours { .. } | CalendarError::NoOpenTime => (
                "E0412",
                "add `hours` (e.g. `hours mon-fri 08:30-17:00`) or `open` days with hours",
            ),
        };
        let span = locate(cal, &error).unwrap_or(cal.name.span);
        if reported.contains(&(code, span)) {
            continue;
        }
        reported.push((code, span));
        cx.report(
            Diagnostic::new(code, format!("calendar `{}`: {error}", cal.name.name))
                .at(span, "here")
                .help(help),
        );
    }
}

/// The line a calendar error is about: the `open`/`closed` line of its date, the `hours` line
/// holding its span.
fn locate(cal: &ast::Calendar, error: &CalendarError) -> Option<SourceSpan> {
    let written = |s: &ast::TimeSpan| {
        format!(
            "{}-{}{}",
            s.start,
            s.end,
            if s.next_day { "+1" } else { "" }
        )
    };
    let span_text = match error {
        CalendarError::InvertedSpan { span, .. } | CalendarError::SpanOutOfDay { span, .. } => {
            Some(span.to_string())
        }
        CalendarError::OverlappingSpans { second, .. } => Some(second.to_string()),
        _ => None,
    };
    let date_text = match error {
        CalendarError::ClosedAndOpen { date, .. } | CalendarError::OpenDayWithoutHours { date } => {
            Some(date.to_string())
        }
        CalendarError::InvertedDateRange { from, .. } => Some(from.to_string()),
        _ => None,
    };
    cal.lines.iter().find_map(|line| match &line.kind {
        CalendarLineKind::Hours { spans, .. } | CalendarLineKind::Open { spans, .. }
            if span_text
                .as_ref()
                .is_some_and(|t| spans.iter().any(|s| same_span(&written(s), t))) =>
        {
            Some(line.span)
        }
        CalendarLineKind::Open { date, .. } | CalendarLineKind::Closed { from: date, .. }
            if date_text.as_deref() == Some(date.as_str()) =>
        {
            Some(line.span)
        }
        _ => None,
    })
}

/// `8:30-17:00` and `08:30-17:00` are the same span.
fn same_span(written: &str, shown: &str) -> bool {
    Span::parse(written).map(|s| s.to_string()).as_deref() == Some(shown)
}

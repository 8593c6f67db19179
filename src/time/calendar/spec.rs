//! What a `calendar` item says, before it is checked: weekly hours, closed dates, open make-up days
//! and a zone. `extends` copies a spec and applies changes to it.

use std::fmt;

use chrono::{NaiveDate, Weekday};
use chrono_tz::Tz;

pub(crate) const DAY_SECONDS: u32 = 86_400;

/// Monday to Sunday, the order of `CalendarSpec::weekly`.
pub const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// Open hours on one day, as seconds after that day's local midnight. `end` may pass 24:00 (up to
/// 24 h after `start`): `22:00-06:00+1` is `Span { start: 79_200, end: 108_000 }` and belongs to
/// the day it starts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    /// Reads `08:30-17:00`, `00:00-24:00` or `22:00-06:00+1` (the end on the next day). Order is
    /// not checked here: `Calendar::new` reports inverted spans with their day.
    pub fn parse(text: &str) -> Option<Span> {
        let (start, end) = text.trim().split_once('-')?;
        let (end, next_day) = match end.trim().strip_suffix("+1") {
            Some(end) => (end, DAY_SECONDS),
            None => (end, 0),
        };
        let start = clock_seconds(start.trim())?;
        let end = clock_seconds(end.trim())?.checked_add(next_day)?;
        (start <= DAY_SECONDS).then_some(Span { start, end })
    }

    pub fn seconds(&self) -> u32 {
        self.end.saturating_sub(self.start)
    }
}

/// `HH:MM` or `HH:MM:SS` as seconds after midnight; `24:00` is allowed (it ends a day).
fn clock_seconds(text: &str) -> Option<u32> {
    let mut parts = text.split(':');
    let hours: u32 = parts.next()?.parse().ok()?;
    let minutes: u32 = parts.next()?.parse().ok()?;
    let seconds: u32 = parts.next().map_or(Some(0), |s| s.parse().ok())?;
    let valid = parts.next().is_none() && hours <= 24 && minutes < 60 && seconds < 60;
    let total = valid.then(|| hours * 3600 + minutes * 60 + seconds)?;
    (total <= DAY_SECONDS).then_some(total)
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let clock = |s: u32| format!("{:02}:{:02}", s / 3600, s / 60 % 60);
        if self.end > DAY_SECONDS {
            write!(
                f,
                "{}-{}+1",
                clock(self.start),
                clock(self.end - DAY_SECONDS)
            )
        } else {
            write!(f, "{}-{}", clock(self.start), clock(self.end))
        }
    }
}

/// `closed FROM..TO "label"`: inclusive local dates with no open time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedDates {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub label: Option<String>,
}

/// `open DATE SPANS "label"`: a date with its own hours (a make-up working day, 调休), replacing
/// its weekday's hours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenDay {
    pub date: NaiveDate,
    pub spans: Vec<Span>,
    pub label: Option<String>,
}

/// A calendar as written. `weekly[0]` is Monday, `weekly[6]` Sunday.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarSpec {
    pub timezone: Tz,
    pub weekly: [Vec<Span>; 7],
    pub closed: Vec<ClosedDates>,
    pub open: Vec<OpenDay>,
}

/// What `calendar B extends A { … }` changes: a new zone, new hours for the weekdays it names, and
/// dates, which win over A's entries for the same dates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CalendarChanges {
    pub timezone: Option<Tz>,
    pub hours: Vec<(Vec<Weekday>, Vec<Span>)>,
    pub closed: Vec<ClosedDates>,
    pub open: Vec<OpenDay>,
}

impl CalendarSpec {
    /// No hours at all yet (an empty calendar is an error until hours or open days are added).
    pub fn new(timezone: Tz) -> CalendarSpec {
        CalendarSpec {
            timezone,
            weekly: Default::default(),
            closed: Vec::new(),
            open: Vec::new(),
        }
    }

    /// The built-in `24x7`: open all day, every day.
    pub fn always_open(timezone: Tz) -> CalendarSpec {
        CalendarSpec::new(timezone).hours(&WEEK, &[Span::new(0, DAY_SECONDS)])
    }

    /// Sets the hours of `days` (replacing what they had).
    pub fn hours(mut self, days: &[Weekday], spans: &[Span]) -> CalendarSpec {
        for day in days {
            self.weekly[day.num_days_from_monday() as usize] = spans.to_vec();
        }
        self
    }

    pub fn closed(mut self, from: NaiveDate, to: NaiveDate, label: Option<&str>) -> CalendarSpec {
        let label = label.map(str::to_string);
        self.closed.push(ClosedDates { from, to, label });
        self
    }

    pub fn open(mut self, date: NaiveDate, spans: &[Span], label: Option<&str>) -> CalendarSpec {
        let (spans, label) = (spans.to_vec(), label.map(str::to_string));
        self.open.push(OpenDay { date, spans, label });
        self
    }

    /// The spec of `calendar NEW extends SELF { changes }`. A date the changes name (closed or
    /// open) drops whatever this spec said about it, so a child may reopen a parent's holiday.
    pub fn extend(&self, changes: &CalendarChanges) -> CalendarSpec {
        let mut child = self.clone();
        if let Some(zone) = changes.timezone {
            child.timezone = zone;
        }
        for (days, spans) in &changes.hours {
            child = child.hours(days, spans);
        }
        let named_by_child = |date: NaiveDate| {
            changes.open.iter().any(|o| o.date == date)
                || changes
                    .closed
                    .iter()
                    .any(|c| c.from <= date && date <= c.to)
        };
        child.open.retain(|o| !named_by_child(o.date));
        let reopened: Vec<NaiveDate> = changes.open.iter().map(|o| o.date).collect();
        child.closed = child
            .closed
            .iter()
            .flat_map(|range| without_dates(range, &reopened))
            .collect();
        child.closed.extend(changes.closed.iter().cloned());
        child.open.extend(changes.open.iter().cloned());
        child
    }
}

/// `range` split around each of `dates` that falls inside it.
fn without_dates(range: &ClosedDates, dates: &[NaiveDate]) -> Vec<ClosedDates> {
    let mut cuts: Vec<NaiveDate> = dates
        .iter()
        .copied()
        .filter(|d| range.from <= *d && *d <= range.to)
        .collect();
    cuts.sort();
    let mut pieces = Vec::new();
    let mut from = Some(range.from);
    for cut in cuts {
        if let Some(start) = from.filter(|start| *start < cut) {
            let to = cut.pred_opt().unwrap_or(cut);
            pieces.push(ClosedDates {
                from: start,
                to,
                label: range.label.clone(),
            });
        }
        from = cut.succ_opt();
    }
    if let Some(start) = from.filter(|start| *start <= range.to) {
        pieces.push(ClosedDates {
            from: start,
            ..range.clone()
        });
    }
    pieces
}

//! One event of a record: its JSON object checked and turned into an [`Event`].

use chrono_tz::Tz;
use serde_json::{Map, Value};

use super::model::{Actor, Event};
use super::time::{DateMeans, Resolved, TimeProblem, parse_time};

/// A record-level problem found while reading a record: code and message.
#[derive(Debug, Clone, PartialEq)]
pub struct Invalid {
    pub code: &'static str,
    pub message: String,
}

impl Invalid {
    pub fn new(code: &'static str, message: impl Into<String>) -> Invalid {
        Invalid {
            code,
            message: message.into(),
        }
    }
}

/// A time field that was read as local time and was ambiguous, for a W0702 warning.
#[derive(Debug, Clone, PartialEq)]
pub struct AmbiguousTime {
    pub field: String,
    pub text: String,
    pub chosen: String,
}

/// Names a JSON value's type for messages: "number 42", "an object".
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("boolean {b}"),
        Value::Number(n) => format!("number {n}"),
        Value::String(s) if s.chars().count() > 40 => "a long string".to_string(),
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "an array".to_string(),
        Value::Object(_) => "an object".to_string(),
    }
}

/// Reads a time field named `field` (for messages) in `zone`.
pub fn read_time(
    value: &Value,
    field: &str,
    zone: Tz,
    date_means: DateMeans,
    ambiguous: &mut Vec<AmbiguousTime>,
) -> Result<Resolved, Invalid> {
    let Value::String(text) = value else {
        return Err(Invalid::new(
            "E0706",
            format!(
                "{field} must be a time string such as \"2026-11-05T09:00:00+08:00\", found {}",
                describe(value)
            ),
        ));
    };
    match parse_time(text, zone, date_means) {
        Ok(resolved) => {
            if resolved.ambiguous {
                ambiguous.push(AmbiguousTime {
                    field: field.to_string(),
                    text: text.clone(),
                    chosen: resolved.instant.to_rfc3339(),
                });
            }
            Ok(resolved)
        }
        Err(TimeProblem::Unparsable) => Err(Invalid::new(
            "E0706",
            format!("{field} {text:?} is not an RFC 3339 time, a local date-time or a date"),
        )),
        Err(TimeProblem::Nonexistent { local }) => Err(Invalid::new(
            "E0707",
            format!(
                "{field} {text:?} does not exist in {}: the clocks skip {local} (daylight saving time)",
                zone.name()
            ),
        )),
    }
}

fn optional_string(
    event: &Map<String, Value>,
    key: &str,
    index: usize,
) -> Result<Option<String>, Invalid> {
    match event.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(Invalid::new(
            "E0713",
            format!(
                "event {index}: `{key}` must be a string, found {}",
                describe(other)
            ),
        )),
    }
}

fn required_string<'a>(
    event: &'a Map<String, Value>,
    key: &str,
    index: usize,
) -> Result<&'a str, Invalid> {
    match event.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s),
        None | Some(Value::Null) => Err(Invalid::new(
            "E0705",
            format!("event {index} has no `{key}`"),
        )),
        Some(other) => Err(Invalid::new(
            "E0705",
            format!(
                "event {index}: `{key}` must be a non-empty string, found {}",
                describe(other)
            ),
        )),
    }
}

fn optional_time(
    event: &Map<String, Value>,
    key: &str,
    index: usize,
    zone: Tz,
    date_means: DateMeans,
    ambiguous: &mut Vec<AmbiguousTime>,
) -> Result<Option<Resolved>, Invalid> {
    match event.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => read_time(
            value,
            &format!("event {index}: `{key}`"),
            zone,
            date_means,
            ambiguous,
        )
        .map(Some),
    }
}

/// Checks one event object and builds the event (index = its input position).
pub fn read_event(
    value: Value,
    index: usize,
    zone: Tz,
    ambiguous: &mut Vec<AmbiguousTime>,
) -> Result<Event, Invalid> {
    let Value::Object(raw) = value else {
        return Err(Invalid::new(
            "E0705",
            format!(
                "event {index} must be an object, found {}",
                describe(&value)
            ),
        ));
    };
    let actor_text = required_string(&raw, "actor", index)?;
    let actor = Actor::parse(actor_text).ok_or_else(|| {
        Invalid::new(
            "E0705",
            format!("event {index}: unknown actor {actor_text:?}; an actor is customer, agent, bot or system"),
        )
    })?;
    let kind = required_string(&raw, "kind", index)?.to_string();
    let at = optional_time(&raw, "at", index, zone, DateMeans::StartOfDay, ambiguous)?;
    let score = match raw.get("score") {
        None | Some(Value::Null) => None,
        Some(v @ (Value::Number(_) | Value::String(_))) => Some(v.clone()),
        Some(other) => {
            return Err(Invalid::new(
                "E0713",
                format!(
                    "event {index}: `score` must be a number or a string, found {}",
                    describe(other)
                ),
            ));
        }
    };
    let attrs = match raw.get("attrs") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(attrs)) => attrs.clone(),
        Some(other) => {
            return Err(Invalid::new(
                "E0713",
                format!(
                    "event {index}: `attrs` must be an object, found {}",
                    describe(other)
                ),
            ));
        }
    };
    if kind == "set" {
        set_target(&raw, index)?;
    }
    Ok(Event {
        index,
        at: at.map(|r| r.instant),
        actor,
        kind,
        agent: optional_string(&raw, "agent", index)?,
        team: optional_string(&raw, "team", index)?,
        text: optional_string(&raw, "text", index)?,
        from: optional_string(&raw, "from", index)?,
        to: optional_string(&raw, "to", index)?,
        score,
        due: optional_time(&raw, "due", index, zone, DateMeans::EndOfDay, ambiguous)?
            .map(|r| r.instant),
        end: optional_time(&raw, "end", index, zone, DateMeans::StartOfDay, ambiguous)?
            .map(|r| r.instant),
        attrs,
        raw,
    })
}

/// The dotted path a `set` event changes, checked: a string of non-empty segments, not `id` or
/// `events`, with a `value` beside it.
pub fn set_target(raw: &Map<String, Value>, index: usize) -> Result<Vec<String>, Invalid> {
    let field = match raw.get("field") {
        Some(Value::String(field)) => field,
        other => {
            let found = other.map_or("nothing".to_string(), describe);
            return Err(Invalid::new(
                "E0713",
                format!(
                    "event {index}: a `set` event needs `field`, a dotted path such as \"priority\", found {found}"
                ),
            ));
        }
    };
    let path: Vec<String> = field.split('.').map(str::to_string).collect();
    if path.iter().any(|segment| segment.trim().is_empty()) {
        return Err(Invalid::new(
            "E0713",
            format!("event {index}: `set` field {field:?} is not a dotted path"),
        ));
    }
    if matches!(path[0].as_str(), "id" | "events") {
        return Err(Invalid::new(
            "E0713",
            format!("event {index}: a `set` event cannot change `{}`", path[0]),
        ));
    }
    if !raw.contains_key("value") {
        return Err(Invalid::new(
            "E0713",
            format!("event {index}: the `set` event for {field:?} has no `value`"),
        ));
    }
    Ok(path)
}

//! A parsed JSON value checked against the record schema and turned into a [`Record`].

use chrono_tz::Tz;
use serde_json::{Map, Value};

use super::event::{AmbiguousTime, Invalid, describe, read_event, read_time, set_target};
use super::model::{Event, Instant, Record, lookup};
use super::reader::ReadOptions;
use super::time::DateMeans;

/// A valid record and the ambiguous local times read on the way.
#[derive(Debug)]
pub struct Validated {
    pub record: Record,
    pub ambiguous: Vec<AmbiguousTime>,
}

/// Why a value is not a valid record, with the record's id when it had one.
#[derive(Debug)]
pub struct Rejected {
    pub invalid: Invalid,
    pub record_id: Option<String>,
}

pub fn validate(value: Value, options: &ReadOptions) -> Result<Validated, Rejected> {
    let Value::Object(mut fields) = value else {
        return Err(Rejected {
            invalid: Invalid::new(
                "E0703",
                format!("a record must be a JSON object, found {}", describe(&value)),
            ),
            record_id: None,
        });
    };
    let id = record_id(&fields).map_err(|invalid| Rejected {
        invalid,
        record_id: None,
    })?;
    let reject = |invalid| Rejected {
        invalid,
        record_id: Some(id.clone()),
    };
    let mut ambiguous = Vec::new();
    let zone = record_zone(&fields, options.default_timezone).map_err(reject)?;
    let events = read_events(fields.remove("events"), zone, &mut ambiguous).map_err(reject)?;
    let has_times = check_times(&events).map_err(reject)?;
    let opened = opened(&fields, &events, has_times, zone, &mut ambiguous).map_err(reject)?;
    apply_sets(&mut fields, &events).map_err(reject)?;
    check_required(&fields, &options.required_fields).map_err(reject)?;
    let closed_at = closed_at(&events);
    Ok(Validated {
        record: Record {
            id,
            fields,
            opened,
            events,
            has_times,
            closed_at,
        },
        ambiguous,
    })
}

fn record_id(fields: &Map<String, Value>) -> Result<String, Invalid> {
    match fields.get("id") {
        Some(Value::String(id)) if !id.trim().is_empty() => Ok(id.clone()),
        None | Some(Value::Null) => Err(Invalid::new("E0703", "the record has no `id`")),
        Some(other) => Err(Invalid::new(
            "E0703",
            format!("`id` must be a non-empty string, found {}", describe(other)),
        )),
    }
}

fn record_zone(fields: &Map<String, Value>, default: Tz) -> Result<Tz, Invalid> {
    match fields.get("timezone") {
        None | Some(Value::Null) => Ok(default),
        Some(Value::String(name)) => name.parse::<Tz>().map_err(|_| {
            Invalid::new(
                "E0712",
                format!("unknown timezone {name:?}; use an IANA name such as \"Asia/Shanghai\""),
            )
        }),
        Some(other) => Err(Invalid::new(
            "E0712",
            format!(
                "`timezone` must be an IANA zone name, found {}",
                describe(other)
            ),
        )),
    }
}

fn read_events(
    value: Option<Value>,
    zone: Tz,
    ambiguous: &mut Vec<AmbiguousTime>,
) -> Result<Vec<Event>, Invalid> {
    let items = match value {
        Some(Value::Array(items)) if !items.is_empty() => items,
        Some(Value::Array(_)) => return Err(Invalid::new("E0704", "`events` is empty")),
        None | Some(Value::Null) => {
            return Err(Invalid::new("E0704", "the record has no `events`"));
        }
        Some(other) => {
            return Err(Invalid::new(
                "E0704",
                format!("`events` must be an array, found {}", describe(&other)),
            ));
        }
    };
    items
        .into_iter()
        .enumerate()
        .map(|(index, item)| read_event(item, index, zone, ambiguous))
        .collect()
}

/// Every event has `at` or none has (an imported dialogue), and the times never go back.
fn check_times(events: &[Event]) -> Result<bool, Invalid> {
    let timed = events.iter().find(|e| e.at.is_some());
    let untimed = events.iter().find(|e| e.at.is_none());
    if let (Some(timed), Some(untimed)) = (timed, untimed) {
        return Err(Invalid::new(
            "E0711",
            format!(
                "event {} has `at` but event {} has none: every event needs a time, or none may have one",
                timed.index, untimed.index
            ),
        ));
    }
    for pair in events.windows(2) {
        if let [before, after] = pair
            && let (Some(t0), Some(t1)) = (before.at, after.at)
            && t1 < t0
        {
            return Err(Invalid::new(
                "E0708",
                format!(
                    "events out of order: event {} at {} is earlier than event {} before it, at {}",
                    after.index,
                    t1.to_rfc3339(),
                    before.index,
                    t0.to_rfc3339()
                ),
            ));
        }
    }
    Ok(timed.is_some())
}

fn opened(
    fields: &Map<String, Value>,
    events: &[Event],
    has_times: bool,
    zone: Tz,
    ambiguous: &mut Vec<AmbiguousTime>,
) -> Result<Option<Instant>, Invalid> {
    let first = events.first().and_then(|e| e.at);
    let Some(value) = fields.get("opened_at").filter(|v| !v.is_null()) else {
        return Ok(first);
    };
    let opened_at =
        read_time(value, "`opened_at`", zone, DateMeans::StartOfDay, ambiguous)?.instant;
    if !has_times {
        return Err(Invalid::new(
            "E0711",
            "`opened_at` is given but the events have no times",
        ));
    }
    match first {
        Some(first) if opened_at > first => Err(Invalid::new(
            "E0709",
            format!(
                "`opened_at` {} is after the first event at {}",
                opened_at.to_rfc3339(),
                first.to_rfc3339()
            ),
        )),
        _ => Ok(Some(opened_at)),
    }
}

/// Applies each `set` event's value at its dotted path, in event order.
fn apply_sets(fields: &mut Map<String, Value>, events: &[Event]) -> Result<(), Invalid> {
    for event in events.iter().filter(|e| e.kind == "set") {
        let path = set_target(&event.raw, event.index)?;
        let value = event.raw.get("value").cloned().unwrap_or(Value::Null);
        let Some((last, parents)) = path.split_last() else {
            continue;
        };
        let mut map = &mut *fields;
        for (depth, segment) in parents.iter().enumerate() {
            let slot = map
                .entry(segment.clone())
                .or_insert_with(|| Value::Object(Map::new()));
            if slot.is_null() {
                *slot = Value::Object(Map::new());
            }
            let Value::Object(inner) = slot else {
                return Err(Invalid::new(
                    "E0713",
                    format!(
                        "event {}: `set` of {:?} goes through `{}`, which is not an object",
                        event.index,
                        path.join("."),
                        parents[..=depth].join(".")
                    ),
                ));
            };
            map = inner;
        }
        map.insert(last.clone(), value);
    }
    Ok(())
}

fn check_required(fields: &Map<String, Value>, required: &[String]) -> Result<(), Invalid> {
    let missing: Vec<&str> = required
        .iter()
        .map(String::as_str)
        .filter(|path| lookup(fields, &path.split('.').collect::<Vec<_>>()).is_none())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = missing.iter().map(|p| format!("`{p}`")).collect();
    Err(Invalid::new(
        "E0710",
        format!("required field missing: {}", names.join(", ")),
    ))
}

/// The last `close` when no `reopen` follows it.
fn closed_at(events: &[Event]) -> Option<Instant> {
    events
        .iter()
        .fold(None, |closed, event| match event.kind.as_str() {
            "close" => event.at.or(closed),
            "reopen" => None,
            _ => closed,
        })
}

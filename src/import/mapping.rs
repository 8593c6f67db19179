//! The YAML mapping that drives a table import (`--mapping FILE`), documented in docs/records.md
//! ("Importing CSV"):
//!
//! ```yaml
//! id: case_id                       # the column holding the record id
//! timezone: Europe/Stockholm        # optional: written as each record's `timezone`
//! time_format: "%d-%m-%Y %H:%M"     # optional: how `at`/`due`/`end` cells are written
//! delimiter: ";"                    # optional, default ","
//! record:                           # record fields: dotted path → source
//!   channel: { const: phone }
//!   priority: impact
//! event:                            # event fields: actor and kind are required
//!   at: timestamp
//!   actor: { column: role, map: { Customer: customer, Staff: agent }, default: system }
//!   kind: { const: message }
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, NaiveDateTime};
use serde::Deserialize;
use serde_json::Value;

use super::ImportError;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MappingFile {
    id: String,
    #[serde(default)]
    timezone: Option<String>,
    #[serde(default)]
    time_format: Option<String>,
    #[serde(default)]
    delimiter: Option<char>,
    #[serde(default)]
    record: BTreeMap<String, SourceSpec>,
    event: BTreeMap<String, SourceSpec>,
}

/// Where a value comes from: a column name, a constant, or a column with a value map.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum SourceSpec {
    Column(String),
    Const(ConstSpec),
    Mapped(MappedSpec),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConstSpec {
    #[serde(rename = "const")]
    value: Value,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MappedSpec {
    column: String,
    #[serde(default)]
    map: BTreeMap<String, String>,
    #[serde(default)]
    default: Option<String>,
}

/// Event fields a mapping may fill, besides `attrs.*`.
const EVENT_KEYS: &[&str] = &[
    "at", "actor", "kind", "agent", "team", "text", "from", "to", "score", "due", "end", "field",
    "value",
];

/// A checked mapping, not yet tied to a file's columns.
#[derive(Debug)]
pub struct Mapping {
    id: String,
    pub timezone: Option<String>,
    time_format: Option<String>,
    pub delimiter: u8,
    record: Vec<(String, SourceSpec)>,
    event: Vec<(String, SourceSpec)>,
}

/// A value's source with its column found in one file's header.
#[derive(Debug)]
pub enum Target {
    Const(Value),
    Column {
        index: usize,
        name: String,
        map: BTreeMap<String, String>,
        default: Option<String>,
    },
}

impl Target {
    /// The value for a row (`cell` gives a column's text): an empty cell or a value the map lacks
    /// takes `default`; with no default an empty cell gives nothing and an unmapped value itself.
    pub fn value<'a>(&self, cell: impl Fn(usize) -> &'a str) -> Option<Value> {
        match self {
            Target::Const(value) => Some(value.clone()),
            Target::Column {
                index,
                map,
                default,
                ..
            } => {
                let text = cell(*index).trim();
                let chosen = match map.get(text) {
                    Some(mapped) => Some(mapped.as_str()),
                    None if text.is_empty() || !map.is_empty() => {
                        default.as_deref().or((!text.is_empty()).then_some(text))
                    }
                    None => Some(text),
                };
                chosen.map(|s| Value::String(s.to_string()))
            }
        }
    }
}

/// A mapping tied to one file's header.
#[derive(Debug)]
pub struct ResolvedMapping {
    pub id: usize,
    pub record: Vec<(String, Target)>,
    pub event: Vec<(String, Target)>,
    time_format: Option<String>,
}

impl ResolvedMapping {
    /// A time cell as RFC 3339 (with `time_format`; offset-less formats stay local times for the
    /// reader to place in the record's zone), or unchanged without a format.
    pub fn format_time(&self, text: &str) -> Result<String, String> {
        let Some(format) = &self.time_format else {
            return Ok(text.to_string());
        };
        if let Ok(instant) = DateTime::parse_from_str(text, format) {
            return Ok(instant.to_rfc3339());
        }
        NaiveDateTime::parse_from_str(text, format)
            .map(|local| local.format("%Y-%m-%dT%H:%M:%S").to_string())
            .map_err(|e| format!("time {text:?} does not match time_format {format:?}: {e}"))
    }
}

fn check_path(path: &str, what: &str) -> Result<(), String> {
    if path.split('.').any(|s| s.trim().is_empty()) {
        return Err(format!(
            "{what} {path:?} is not a dotted path such as \"customer.id\""
        ));
    }
    Ok(())
}

impl Mapping {
    pub fn load(path: &Path) -> Result<Mapping, ImportError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ImportError::at(path, None, format!("cannot read the mapping: {e}")))?;
        let file: MappingFile = serde_yaml::from_str(&text).map_err(|e| {
            let line = e.location().map(|l| l.line());
            let full = e.to_string();
            let reason = full.split(" at line ").next().unwrap_or(&full).to_string();
            ImportError::at(path, line, format!("not a valid mapping: {reason}"))
        })?;
        Mapping::check(file).map_err(|m| ImportError::at(path, None, m))
    }

    fn check(file: MappingFile) -> Result<Mapping, String> {
        for key in file.record.keys() {
            check_path(key, "record field")?;
            let first = key.split('.').next().unwrap_or("");
            if matches!(first, "id" | "events") {
                return Err(format!(
                    "record field {key:?}: `id` comes from the `id:` column and `events` from `event:`"
                ));
            }
        }
        for key in file.event.keys() {
            check_path(key, "event field")?;
            if !EVENT_KEYS.contains(&key.as_str()) && !key.starts_with("attrs.") {
                return Err(format!(
                    "unknown event field {key:?}; event fields are {} and attrs.*",
                    EVENT_KEYS.join(", ")
                ));
            }
        }
        for required in ["actor", "kind"] {
            if !file.event.contains_key(required) {
                return Err(format!(
                    "the mapping's `event:` needs `{required}` (a column or {{ const: ... }})"
                ));
            }
        }
        let delimiter = match file.delimiter {
            None => b',',
            Some(c) if c.is_ascii() => c as u8,
            Some(c) => return Err(format!("delimiter {c:?} is not a single ASCII character")),
        };
        Ok(Mapping {
            id: file.id,
            timezone: file.timezone,
            time_format: file.time_format,
            delimiter,
            record: file.record.into_iter().collect(),
            event: file.event.into_iter().collect(),
        })
    }

    /// Finds every named column in `headers`; the message lists the header when one is missing.
    pub fn resolve(&self, headers: &[String]) -> Result<ResolvedMapping, String> {
        let find = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim() == name.trim())
                .ok_or_else(|| {
                    format!(
                        "the mapping names column `{name}`, which the header lacks; columns: {}",
                        headers.join(", ")
                    )
                })
        };
        let target = |spec: &SourceSpec| -> Result<Target, String> {
            Ok(match spec {
                SourceSpec::Const(c) => Target::Const(c.value.clone()),
                SourceSpec::Column(name) => Target::Column {
                    index: find(name)?,
                    name: name.clone(),
                    map: BTreeMap::new(),
                    default: None,
                },
                SourceSpec::Mapped(m) => Target::Column {
                    index: find(&m.column)?,
                    name: m.column.clone(),
                    map: m.map.clone(),
                    default: m.default.clone(),
                },
            })
        };
        let targets = |specs: &[(String, SourceSpec)]| {
            specs
                .iter()
                .map(|(key, spec)| Ok((key.clone(), target(spec)?)))
                .collect::<Result<Vec<_>, String>>()
        };
        Ok(ResolvedMapping {
            id: find(&self.id)?,
            record: targets(&self.record)?,
            event: targets(&self.event)?,
            time_format: self.time_format.clone(),
        })
    }
}

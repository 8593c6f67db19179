//! The evaluation context of one record: the record, the compiled policy, the evaluation time,
//! each event's normalised text (computed once, shared by every rule), and the fields whose values
//! do not fit their declaration (treated as missing).

use std::cell::OnceCell;
use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, TimeZone};
use serde_json::Value;

use super::outcome::InvalidField;
use crate::check::model::{FieldDef, FieldRef, Type};
use crate::compile::Ir;
use crate::compile::normalise::{Normalised, normalise};
use crate::records::{Instant, Record};

pub struct Ctx<'a> {
    pub ir: &'a Ir,
    pub record: &'a Record,
    pub timezone: chrono_tz::Tz,
    /// The evaluation time; `None` only for records without times.
    pub now: Option<Instant>,
    normalised: Vec<OnceCell<Normalised>>,
    /// (event index or `None` for the record, dotted path) of values that do not fit.
    invalid: HashSet<(Option<usize>, String)>,
    pub invalid_fields: Vec<InvalidField>,
}

/// A typed value read from a record or event.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    Text(String),
    Number(f64),
    Bool(bool),
    Time(Instant),
    /// Seconds.
    Duration(i64),
}

impl<'a> Ctx<'a> {
    pub fn new(
        ir: &'a Ir,
        record: &'a Record,
        timezone: chrono_tz::Tz,
        now: Option<Instant>,
    ) -> Self {
        let mut cx = Ctx {
            ir,
            record,
            timezone,
            now,
            normalised: (0..record.events.len()).map(|_| OnceCell::new()).collect(),
            invalid: HashSet::new(),
            invalid_fields: Vec::new(),
        };
        cx.find_invalid_fields();
        cx
    }

    /// The event's text normalised for phrase matching, computed on first use.
    pub fn normalised(&self, event: usize) -> Option<&Normalised> {
        let text = self.record.events.get(event)?.text.as_deref()?;
        let cell = self.normalised.get(event)?;
        Some(cell.get_or_init(|| normalise(text)))
    }

    /// A field's value, typed; `None` when missing or when its value does not fit the type.
    pub fn field(&self, field: &FieldRef, event: Option<usize>) -> Option<Val> {
        let path: Vec<&str> = field.path.iter().map(String::as_str).collect();
        let (raw, key) = if field.on_event {
            let e = self.record.events.get(event?)?;
            (e.field(&path), (Some(e.index), field.dotted()))
        } else {
            (self.record.field(&path), (None, field.dotted()))
        };
        if self.invalid.contains(&key) {
            return None;
        }
        typed(&raw?, &field.ty, self.timezone)
    }

    fn find_invalid_fields(&mut self) {
        let defs: Vec<&FieldDef> = self.ir.fields.iter().collect();
        for def in defs {
            let path: Vec<&str> = def.path.split('.').collect();
            if def.on_event {
                for e in &self.record.events {
                    if let Some(v) = e.field(&path[1..]) {
                        self.check_value(&v, def, Some(e.index));
                    }
                }
            } else if let Some(v) = self.record.field(&path) {
                self.check_value(&v, def, None);
            }
        }
    }

    fn check_value(&mut self, value: &Value, def: &FieldDef, event: Option<usize>) {
        if typed(value, &def.ty, self.timezone).is_some() {
            return;
        }
        let shown = match value {
            Value::String(s) => format!("\"{s}\""),
            other => other.to_string(),
        };
        self.invalid.insert((event, def.path.clone()));
        self.invalid_fields.push(InvalidField {
            path: def.path.clone(),
            event,
            message: format!(
                "`{}` is {shown}, which is not {}; the field counts as missing",
                def.path,
                def.ty.describe()
            ),
        });
    }
}

/// Reads a JSON value as a value of `ty`; `None` when it does not fit.
pub fn typed(value: &Value, ty: &Type, tz: chrono_tz::Tz) -> Option<Val> {
    match (ty, value) {
        (Type::Text, Value::String(s)) => Some(Val::Text(s.clone())),
        (Type::OneOf(values), Value::String(s)) => values.contains(s).then(|| Val::Text(s.clone())),
        (Type::Number, Value::Number(n)) => n.as_f64().map(Val::Number),
        (Type::Bool, Value::Bool(b)) => Some(Val::Bool(*b)),
        (Type::Time, Value::String(s)) => parse_time(s, tz).map(Val::Time),
        (Type::Duration, Value::Number(n)) => n.as_i64().map(Val::Duration),
        (Type::Duration, Value::String(s)) => parse_duration(s).map(Val::Duration),
        _ => None,
    }
}

/// An RFC 3339 instant, an offset-less local time in `tz`, or a date alone (its 00:00; a `due`
/// limit reads a date as its 24:00, see [`date_only`]).
pub fn parse_time(s: &str, tz: chrono_tz::Tz) -> Option<Instant> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t);
    }
    if let Ok(local) = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S") {
        return tz
            .from_local_datetime(&local)
            .earliest()
            .map(|t| t.fixed_offset());
    }
    let date = date_only(s)?;
    crate::time::civil::start_of_day(date, tz)
}

/// The date of a value written as a date alone (`2026-11-05`).
pub fn date_only(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// `"90min"`, `"2h"`, `"30s"` as seconds.
fn parse_duration(s: &str) -> Option<i64> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit())?;
    let (n, unit) = s.split_at(split);
    let n: i64 = n.parse().ok()?;
    let per = match unit.trim() {
        "s" => 1,
        "min" => 60,
        "h" => 3600,
        _ => return None,
    };
    n.checked_mul(per)
}

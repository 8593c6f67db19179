//! The record model: one interaction (call, chat, email, ticket) with its ordered events. Records
//! are produced by the reader (`reader.rs`) already validated: times are resolved to instants,
//! events are in time order, `set` events are applied to the record's fields.

use chrono::{DateTime, FixedOffset};
use serde_json::{Map, Value};

/// An instant with the offset it was written in (or resolved to), so output can echo it.
pub type Instant = DateTime<FixedOffset>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Actor {
    Customer,
    /// A human agent.
    Agent,
    Bot,
    System,
}

impl Actor {
    pub fn parse(s: &str) -> Option<Actor> {
        match s {
            "customer" => Some(Actor::Customer),
            "agent" => Some(Actor::Agent),
            "bot" => Some(Actor::Bot),
            "system" => Some(Actor::System),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Actor::Customer => "customer",
            Actor::Agent => "agent",
            Actor::Bot => "bot",
            Actor::System => "system",
        }
    }

    /// Staff are agents and bots: the company speaking.
    pub fn is_staff(self) -> bool {
        matches!(self, Actor::Agent | Actor::Bot)
    }
}

/// One event of a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// 0-based position in the record's (time-ordered) events.
    pub index: usize,
    /// `None` only in records without times (imported dialogues); then no event has one.
    pub at: Option<Instant>,
    pub actor: Actor,
    pub kind: String,
    pub agent: Option<String>,
    pub team: Option<String>,
    pub text: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub score: Option<Value>,
    /// `due` of a promise, resolved: a date alone is 24:00 of that date in the record's zone.
    pub due: Option<Instant>,
    /// `end` of a spoken message.
    pub end: Option<Instant>,
    /// `attrs` of the event (an object, empty when absent).
    pub attrs: Map<String, Value>,
    /// The event as it was read, for fields the model has no slot for.
    pub raw: Map<String, Value>,
}

impl Event {
    /// A bare event field as `where` and `(SEL).FIELD` see it (`text agent team actor kind at
    /// score due from to`), or a path under `attrs`. `None` when missing.
    pub fn field(&self, path: &[&str]) -> Option<Value> {
        match path {
            ["text"] => self.text.clone().map(Value::String),
            ["agent"] => self.agent.clone().map(Value::String),
            ["team"] => self.team.clone().map(Value::String),
            ["from"] => self.from.clone().map(Value::String),
            ["to"] => self.to.clone().map(Value::String),
            ["actor"] => Some(Value::String(self.actor.as_str().to_string())),
            ["kind"] => Some(Value::String(self.kind.clone())),
            ["at"] => self.at.map(|t| Value::String(t.to_rfc3339())),
            ["due"] => self.due.map(|t| Value::String(t.to_rfc3339())),
            ["end"] => self.end.map(|t| Value::String(t.to_rfc3339())),
            ["score"] => self.score.clone(),
            ["attrs", rest @ ..] | ["event", "attrs", rest @ ..] => lookup(&self.attrs, rest),
            [other] => self.raw.get(*other).cloned().filter(|v| !v.is_null()),
            _ => None,
        }
    }
}

/// One interaction record.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: String,
    /// The record's top-level fields other than `events`, with `set` events applied (final values),
    /// read by paths such as `channel`, `customer.tier`, `attrs.in_warranty`.
    pub fields: Map<String, Value>,
    /// `opened_at`, else the first event's time; `None` in records without times.
    pub opened: Option<Instant>,
    /// Events in time order (ties in input order), `index` renumbered to that order.
    pub events: Vec<Event>,
    /// Whether the record's events carry times (false only for imported dialogues such as STC-3).
    pub has_times: bool,
    /// The instant of the last `close` without a later `reopen`, if the record is closed.
    pub closed_at: Option<Instant>,
}

impl Record {
    /// A record field by path (`["customer", "tier"]`); `None` when missing or null.
    pub fn field(&self, path: &[&str]) -> Option<Value> {
        lookup(&self.fields, path)
    }

    /// A short text field such as `channel`, for messages.
    pub fn text_field(&self, name: &str) -> Option<&str> {
        self.fields.get(name).and_then(Value::as_str)
    }

    /// The last event's time, if the record has times.
    pub fn last_event_at(&self) -> Option<Instant> {
        self.events.iter().rev().find_map(|e| e.at)
    }
}

/// Walks `path` through nested objects; a null value counts as missing.
pub fn lookup(map: &Map<String, Value>, path: &[&str]) -> Option<Value> {
    let (first, rest) = path.split_first()?;
    let mut value = map.get(*first)?;
    for segment in rest {
        value = value.as_object()?.get(*segment)?;
    }
    (!value.is_null()).then(|| value.clone())
}

/// Where a record came from: the input's display name and the 1-based line its text starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: usize,
}

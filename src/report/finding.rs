//! Findings: what a run reports. One per breached, violated or at-risk instance of a rule, one per
//! rejected record (`record-invalid`) and one per field whose value was unusable (`invalid-field`).

use serde::Serialize;

use super::fingerprint::fingerprint;
use crate::compile::RuleInfo;
use crate::diag::Severity;
use crate::eval::outcome::InvalidField;
use crate::eval::{Evidence, Instance, Status};
use crate::records::{Event, Location, Record, RecordError};

/// The code of `invalid-field` findings.
pub const INVALID_FIELD_CODE: &str = "W0701";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The record's id (`None` for a record rejected before its id could be read).
    pub record: Option<String>,
    /// The record's `case` field, when it has one.
    pub case: Option<String>,
    /// The record's `channel` field, when it has one.
    pub channel: Option<String>,
    pub file: String,
    pub line: usize,
    /// The rule (`None` for record problems, which have a `code` instead).
    pub rule: Option<String>,
    /// The diagnostic code of record problems (`E07xx`, `W0701`).
    pub code: Option<&'static str>,
    /// `deadline`, `forbid`, `require`, …, `record-invalid` or `invalid-field`.
    pub kind: &'static str,
    /// The rule's description: the standard's own words.
    pub description: Option<String>,
    pub severity: Severity,
    /// The instance's outcome (`None` for record problems).
    pub outcome: Option<Status>,
    /// 0-based index of the event the finding points at.
    pub event: Option<usize>,
    /// That event's time, RFC 3339.
    pub at: Option<String>,
    pub agent: Option<String>,
    pub team: Option<String>,
    pub message: String,
    pub fingerprint: String,
    pub evidence: FindingEvidence,
    /// The text of the event a phrase matched in, for quoting it in human output.
    #[serde(skip)]
    pub quoted_text: Option<String>,
}

/// A rule finding's evidence as evaluation produced it, or what is known of a record problem.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FindingEvidence {
    Rule(Box<Evidence>),
    Record(RecordEvidence),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum RecordEvidence {
    RecordInvalid { code: &'static str },
    InvalidField { path: String },
}

/// What every finding of one record shares.
struct RecordFacts {
    id: String,
    case: Option<String>,
    channel: Option<String>,
    file: String,
    line: usize,
}

impl RecordFacts {
    fn of(record: &Record, location: &Location) -> Self {
        RecordFacts {
            id: record.id.clone(),
            case: record_case(record),
            channel: record.text_field("channel").map(str::to_string),
            file: location.file.clone(),
            line: location.line,
        }
    }
}

/// A finding for each breached, violated or at-risk instance of `outcome`'s rule.
pub fn rule_findings(
    record: &Record,
    location: &Location,
    rule: &RuleInfo,
    instances: &[Instance],
) -> Vec<Finding> {
    let facts = RecordFacts::of(record, location);
    instances
        .iter()
        .filter(|instance| instance.status.is_finding())
        .map(|instance| instance_finding(&facts, record, rule, instance))
        .collect()
}

fn instance_finding(
    facts: &RecordFacts,
    record: &Record,
    rule: &RuleInfo,
    instance: &Instance,
) -> Finding {
    let (pointed, actor) = pointed_and_actor(record, instance);
    let evidence_kind = evidence_kind(&instance.evidence);
    let event_index = instance.event.map(|i| i.to_string()).unwrap_or_default();
    Finding {
        record: Some(facts.id.clone()),
        case: facts.case.clone(),
        channel: facts.channel.clone(),
        file: facts.file.clone(),
        line: facts.line,
        rule: Some(rule.name.clone()),
        code: None,
        kind: rule.kind.as_str(),
        description: rule.description.clone(),
        severity: finding_severity(rule.severity, instance.status),
        outcome: Some(instance.status),
        event: instance.event,
        at: pointed.and_then(event_time),
        agent: actor.and_then(|e| e.agent.clone()),
        team: actor.and_then(|e| e.team.clone()),
        message: instance.message.clone(),
        fingerprint: fingerprint(&[&rule.name, &facts.id, &event_index, evidence_kind]),
        evidence: FindingEvidence::Rule(Box::new(instance.evidence.clone())),
        quoted_text: match instance.evidence {
            Evidence::Phrase(_) => pointed.and_then(|e| e.text.clone()),
            _ => None,
        },
    }
}

/// At-risk clocks have not failed yet, so they never weigh more than a warning.
pub fn finding_severity(rule_severity: Severity, status: Status) -> Severity {
    if status == Status::AtRisk {
        rule_severity.min(Severity::Warning)
    } else {
        rule_severity
    }
}

/// The `type` tag of evidence, as the JSON output spells it.
pub fn evidence_kind(evidence: &Evidence) -> &'static str {
    match evidence {
        Evidence::Clock(_) => "clock",
        Evidence::Phrase(_) => "phrase",
        Evidence::Missing { .. } => "missing",
        Evidence::Expect { .. } => "expect",
        Evidence::None => "none",
    }
}

/// The `invalid-field` finding of a field whose value was outside its type.
pub fn invalid_field_finding(
    record: &Record,
    location: &Location,
    field: &InvalidField,
) -> Finding {
    let event_index = field.event.map(|i| i.to_string()).unwrap_or_default();
    let fingerprint_parts = [
        INVALID_FIELD_CODE,
        record.id.as_str(),
        &event_index,
        &field.path,
    ];
    value_warning(
        record,
        location,
        (INVALID_FIELD_CODE, &fingerprint_parts),
        field.event,
        &field.path,
        &field.message,
    )
}

/// A warning the reader raised on a record it accepted (W0702: an ambiguous local time, read with
/// the earlier offset). It is reported like an `invalid-field` finding: the record was evaluated,
/// but a value in it deserves a look.
pub fn record_warning_finding(
    record: &Record,
    location: &Location,
    warning: &crate::records::reader::RecordWarning,
) -> Finding {
    let fingerprint_parts = [warning.code, record.id.as_str(), &warning.message];
    value_warning(
        record,
        location,
        (warning.code, &fingerprint_parts),
        None,
        "at",
        &warning.message,
    )
}

/// An `invalid-field` finding: a value in an evaluated record that deserves a look.
fn value_warning(
    record: &Record,
    location: &Location,
    (code, fingerprint_parts): (&'static str, &[&str]),
    event: Option<usize>,
    path: &str,
    message: &str,
) -> Finding {
    let facts = RecordFacts::of(record, location);
    let pointed = event.and_then(|i| record.events.get(i));
    Finding {
        fingerprint: fingerprint(fingerprint_parts),
        record: Some(facts.id),
        case: facts.case,
        channel: facts.channel,
        file: facts.file,
        line: facts.line,
        rule: None,
        code: Some(code),
        kind: "invalid-field",
        description: None,
        severity: Severity::Warning,
        outcome: None,
        event,
        at: pointed.and_then(event_time),
        agent: pointed.and_then(|e| e.agent.clone()),
        team: pointed.and_then(|e| e.team.clone()),
        message: message.to_string(),
        evidence: FindingEvidence::Record(RecordEvidence::InvalidField {
            path: path.to_string(),
        }),
        quoted_text: None,
    }
}

/// The `record-invalid` finding of a record the reader rejected.
pub fn record_invalid_finding(error: &RecordError) -> Finding {
    let line = error.location.line.to_string();
    Finding {
        record: error.record_id.clone(),
        case: None,
        channel: None,
        file: error.location.file.clone(),
        line: error.location.line,
        rule: None,
        code: Some(error.code),
        kind: "record-invalid",
        description: None,
        severity: Severity::Error,
        outcome: None,
        event: None,
        at: None,
        agent: None,
        team: None,
        message: error.message.clone(),
        fingerprint: fingerprint(&[error.code, &error.location.file, &line]),
        evidence: FindingEvidence::Record(RecordEvidence::RecordInvalid { code: error.code }),
        quoted_text: None,
    }
}

/// An event's time as RFC 3339, in the offset it was written in.
pub fn event_time(event: &Event) -> Option<String> {
    event.at.map(|t| t.to_rfc3339())
}

/// The event an instance points at, and the one whose agent and team it names (for a clock,
/// whoever stopped it; else the pointed event).
pub(crate) fn pointed_and_actor<'r>(
    record: &'r Record,
    instance: &Instance,
) -> (Option<&'r Event>, Option<&'r Event>) {
    let pointed = instance.event.and_then(|i| record.events.get(i));
    let actor = instance
        .actor_event
        .and_then(|i| record.events.get(i))
        .or(pointed);
    (pointed, actor)
}

/// The record's `case`: text as is, a number as written.
pub(crate) fn record_case(record: &Record) -> Option<String> {
    match record.fields.get("case")? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

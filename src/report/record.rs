//! Everything a report says about one record, built from its outcomes. Building it is pure and
//! per record, so it runs on the worker threads next to evaluation; only writing is sequential.

use serde::Serialize;

use super::RuleSelection;
use super::finding::{
    Finding, event_time, invalid_field_finding, pointed_and_actor, record_case,
    record_invalid_finding, rule_findings,
};
use crate::compile::RuleInfo;
use crate::diag::Severity;
use crate::eval::{Evidence, RecordOutcomes, Status};
use crate::records::{Location, Record, RecordError};

/// What the report needs besides the outcomes.
#[derive(Debug, Clone, Default)]
pub struct AnalysisOptions {
    pub selection: RuleSelection,
    /// Emit an `outcome` line for every (record, rule) pair without findings.
    pub all_outcomes: bool,
    /// Explain every rule's outcome for records with this id.
    pub explain_record: Option<String>,
}

/// One record's contribution to a report, in the order it is written.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportItem {
    Evaluated(RecordReport),
    Rejected(Box<RejectedRecord>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct RecordReport {
    /// `invalid-field` findings first (they explain N/A outcomes), then rule findings in rule order.
    pub findings: Vec<Finding>,
    /// With `--all-outcomes`: the selected (record, rule) pairs whose outcome is no finding.
    pub outcomes: Vec<OutcomeLine>,
    /// Every selected rule's outcome on this record, for the summary.
    pub statuses: Vec<(usize, Status)>,
    pub explanation: Option<Box<Explanation>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RejectedRecord {
    pub finding: Finding,
    /// Set when the rejected record is the one `--explain-record` asked for.
    pub explanation: Option<Box<Explanation>>,
}

/// A (record, rule) pair's outcome, for `--all-outcomes`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeLine {
    pub record: String,
    pub case: Option<String>,
    pub file: String,
    pub line: usize,
    pub rule: String,
    pub kind: &'static str,
    pub outcome: Status,
    pub reason: Option<String>,
    pub instances: usize,
}

/// Why every rule came out as it did on one record (`--explain-record`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub record: Option<String>,
    pub case: Option<String>,
    pub channel: Option<String>,
    pub file: String,
    pub line: usize,
    /// The evaluation time used, RFC 3339 (`None` for records without times, or rejected ones).
    pub evaluated_at: Option<String>,
    /// Why the record was rejected, when it was.
    pub rejected: Option<Rejection>,
    pub rules: Vec<ExplainedRule>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rejection {
    pub code: &'static str,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainedRule {
    pub rule: String,
    pub kind: &'static str,
    pub severity: Severity,
    pub outcome: Status,
    pub reason: Option<String>,
    pub instances: Vec<ExplainedInstance>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainedInstance {
    pub outcome: Status,
    pub event: Option<usize>,
    pub at: Option<String>,
    pub agent: Option<String>,
    pub team: Option<String>,
    pub message: String,
    pub evidence: Evidence,
}

/// Builds the report of an evaluated record. `rules` are the compiled policy's rules, which
/// `outcomes.rules[i].rule` index.
pub fn analyse(
    record: &Record,
    location: &Location,
    rules: &[RuleInfo],
    outcomes: &RecordOutcomes,
    options: &AnalysisOptions,
) -> RecordReport {
    let mut findings: Vec<Finding> = outcomes
        .invalid_fields
        .iter()
        .map(|field| invalid_field_finding(record, location, field))
        .collect();
    let mut outcome_lines = Vec::new();
    let mut statuses = Vec::new();
    for outcome in &outcomes.rules {
        let Some(rule) = rules.get(outcome.rule) else {
            continue;
        };
        if !options.selection.is_selected(outcome.rule) {
            continue;
        }
        statuses.push((outcome.rule, outcome.status));
        if outcome.status.is_finding() {
            findings.extend(rule_findings(record, location, rule, &outcome.instances));
        } else if options.all_outcomes {
            outcome_lines.push(OutcomeLine {
                record: record.id.clone(),
                case: record_case(record),
                file: location.file.clone(),
                line: location.line,
                rule: rule.name.clone(),
                kind: rule.kind.as_str(),
                outcome: outcome.status,
                reason: outcome.reason.clone(),
                instances: outcome.instances.len(),
            });
        }
    }
    let explanation = (options.explain_record.as_deref() == Some(record.id.as_str())).then(|| {
        Box::new(explain(
            record,
            location,
            rules,
            outcomes,
            &options.selection,
        ))
    });
    RecordReport {
        findings,
        outcomes: outcome_lines,
        statuses,
        explanation,
    }
}

/// Builds the report of a record the reader rejected.
pub fn reject(error: &RecordError, options: &AnalysisOptions) -> RejectedRecord {
    let finding = record_invalid_finding(error);
    let wanted = options.explain_record.is_some()
        && options.explain_record.as_deref() == error.record_id.as_deref();
    let explanation = wanted.then(|| {
        Box::new(Explanation {
            record: error.record_id.clone(),
            case: None,
            channel: None,
            file: error.location.file.clone(),
            line: error.location.line,
            evaluated_at: None,
            rejected: Some(Rejection {
                code: error.code,
                message: error.message.clone(),
            }),
            rules: Vec::new(),
        })
    });
    RejectedRecord {
        finding,
        explanation,
    }
}

fn explain(
    record: &Record,
    location: &Location,
    rules: &[RuleInfo],
    outcomes: &RecordOutcomes,
    selection: &RuleSelection,
) -> Explanation {
    let explained = outcomes
        .rules
        .iter()
        .filter(|outcome| selection.is_selected(outcome.rule))
        .filter_map(|outcome| {
            let rule = rules.get(outcome.rule)?;
            Some(ExplainedRule {
                rule: rule.name.clone(),
                kind: rule.kind.as_str(),
                severity: rule.severity,
                outcome: outcome.status,
                reason: outcome.reason.clone(),
                instances: outcome
                    .instances
                    .iter()
                    .map(|instance| {
                        let (pointed, actor) = pointed_and_actor(record, instance);
                        ExplainedInstance {
                            outcome: instance.status,
                            event: instance.event,
                            at: pointed.and_then(event_time),
                            agent: actor.and_then(|e| e.agent.clone()),
                            team: actor.and_then(|e| e.team.clone()),
                            message: instance.message.clone(),
                            evidence: instance.evidence.clone(),
                        }
                    })
                    .collect(),
            })
        })
        .collect();
    Explanation {
        record: Some(record.id.clone()),
        case: record_case(record),
        channel: record.text_field("channel").map(str::to_string),
        file: location.file.clone(),
        line: location.line,
        evaluated_at: outcomes.evaluated_at.map(|t| t.to_rfc3339()),
        rejected: None,
        rules: explained,
    }
}

//! What evaluation returns: an outcome for every (record, rule) pair, with its instances and the
//! evidence behind each. Reports (`src/report`) turn these into findings and output lines.

use serde::Serialize;

use crate::records::Instant;

/// The outcome of a rule, or of one instance of it (one clock, one judged message).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Met,
    Breached,
    Pending,
    AtRisk,
    Cancelled,
    Passed,
    Violated,
    NotApplicable,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Breached => "breached",
            Status::Pending => "pending",
            Status::AtRisk => "at-risk",
            Status::Cancelled => "cancelled",
            Status::Passed => "passed",
            Status::Violated => "violated",
            Status::NotApplicable => "not-applicable",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }

    pub const ALL: [Status; 8] = [
        Status::Met,
        Status::Breached,
        Status::Pending,
        Status::AtRisk,
        Status::Cancelled,
        Status::Passed,
        Status::Violated,
        Status::NotApplicable,
    ];

    /// How bad an instance is, for "a rule's outcome is its worst instance":
    /// breached > violated > at-risk > pending > met = passed > cancelled.
    pub fn badness(self) -> u8 {
        match self {
            Status::NotApplicable => 0,
            Status::Cancelled => 1,
            Status::Met | Status::Passed => 2,
            Status::Pending => 3,
            Status::AtRisk => 4,
            Status::Violated => 5,
            Status::Breached => 6,
        }
    }

    /// Breached, violated and at-risk outcomes are findings.
    pub fn is_finding(self) -> bool {
        matches!(self, Status::Breached | Status::Violated | Status::AtRisk)
    }

    /// Met and passed: the rule was satisfied.
    pub fn is_pass(self) -> bool {
        matches!(self, Status::Met | Status::Passed)
    }
}

/// Every rule's outcome for one record, in the policy's rule order.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordOutcomes {
    /// The evaluation time used for this record (`--now`, else its close, else its last event).
    pub evaluated_at: Option<Instant>,
    pub rules: Vec<RuleOutcome>,
    /// Fields whose value is outside its enumeration or of the wrong type (treated as missing).
    pub invalid_fields: Vec<InvalidField>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RuleOutcome {
    /// Index into the compiled policy's rules.
    pub rule: usize,
    pub status: Status,
    /// Why the rule did not apply (`when` false, `field missing: PATH`, `no message by agent`,
    /// `start never occurred`, …); set exactly when `status` is not-applicable.
    pub reason: Option<String>,
    pub instances: Vec<Instance>,
}

/// One judged thing: a clock, a message, a scope.
#[derive(Debug, Clone, PartialEq)]
pub struct Instance {
    pub status: Status,
    /// The 0-based event the instance points at: a clock's start, the matching or judged message.
    pub event: Option<usize>,
    /// The event whose agent and team a finding names (for a clock, whoever stopped it).
    pub actor_event: Option<usize>,
    /// What happened, in a sentence fragment: "reply after 95s, limit 60s".
    pub message: String,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Evidence {
    Clock(ClockEvidence),
    Phrase(PhraseEvidence),
    /// A `require` scope in which no message had a required phrase: the messages judged.
    Missing {
        sets: Vec<String>,
        events: Vec<usize>,
    },
    /// An `expect` rule: its anchor, the event found (or forbidden), and for `require A then B`
    /// the 0-based index of the first step that never followed.
    Expect {
        anchor: Option<usize>,
        found: Option<usize>,
        missing_step: Option<usize>,
    },
    None,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClockEvidence {
    pub start: String,
    pub start_event: Option<usize>,
    /// The due instant (for `at least`: the earliest allowed stop).
    pub due: String,
    pub stop: Option<String>,
    pub stop_event: Option<usize>,
    /// Counted time from start to stop, or to the evaluation time while the clock runs.
    pub elapsed: Elapsed,
    pub limit: LimitEvidence,
    /// The calendar time was counted on (`24x7` until calendars exist).
    pub calendar: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Elapsed {
    pub wall_s: i64,
    pub business_s: i64,
    pub human: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LimitEvidence {
    /// `within`, `at-least` or `due`.
    pub kind: &'static str,
    /// The limit in seconds (`None` for `due`, whose limit is an instant).
    pub seconds: Option<i64>,
    /// As written: `60s`, `1 day`, or the due expression's value.
    pub human: String,
    /// The target-table arm that chose the limit, as written (`priority == "urgent"`, `else`).
    pub arm: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhraseEvidence {
    /// The phrase set the match belongs to.
    pub set: String,
    /// The pattern that matched, as written in the policy.
    pub phrase: String,
    /// The original text matched (masked for `pii.*` sets).
    pub matched: String,
    /// Char offsets (Unicode scalar values, end exclusive) into the event's `text`.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct InvalidField {
    pub path: String,
    /// The event the value is on, for `event.attrs.*` fields.
    pub event: Option<usize>,
    pub message: String,
}

//! The run's totals: records read, evaluated and rejected; each rule's outcomes; findings by
//! severity. Every record is accounted for: read = evaluated + rejected.

use serde::Serialize;

use super::finding::Finding;
use super::record::{RecordReport, RejectedRecord};
use crate::compile::RuleInfo;
use crate::diag::Severity;
use crate::eval::Status;

/// Counts kept while a report is written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub evaluated: u64,
    pub rejected: u64,
    /// Per rule (policy order), how many records had each outcome.
    pub per_rule: Vec<OutcomeCounts>,
    pub findings: SeverityCounts,
    /// How many records `--explain-record` matched.
    pub explained: u64,
}

impl Tally {
    pub fn new(rule_count: usize) -> Self {
        Tally {
            per_rule: vec![OutcomeCounts::default(); rule_count],
            ..Tally::default()
        }
    }

    pub fn read(&self) -> u64 {
        self.evaluated + self.rejected
    }

    pub fn add_evaluated(&mut self, report: &RecordReport) {
        self.evaluated += 1;
        for &(rule, status) in &report.statuses {
            if let Some(counts) = self.per_rule.get_mut(rule) {
                counts.add(status);
            }
        }
        report.findings.iter().for_each(|f| self.add_finding(f));
        self.explained += u64::from(report.explanation.is_some());
    }

    pub fn add_rejected(&mut self, rejected: &RejectedRecord) {
        self.rejected += 1;
        self.add_finding(&rejected.finding);
        self.explained += u64::from(rejected.explanation.is_some());
    }

    fn add_finding(&mut self, finding: &Finding) {
        self.findings.add(finding.severity);
    }

    /// The most severe finding's severity, if there was any finding.
    pub fn worst_severity(&self) -> Option<Severity> {
        [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .find(|&s| self.findings.get(s) > 0)
    }

    /// The `summary` line's body, with the rules of `rules` the selection kept.
    pub fn summary<'a>(&self, rules: &'a [RuleInfo], selected: &[bool]) -> Summary<'a> {
        Summary {
            records: RecordCounts {
                read: self.read(),
                evaluated: self.evaluated,
                rejected: self.rejected,
            },
            findings: self.findings.clone(),
            rules: rules
                .iter()
                .zip(&self.per_rule)
                .enumerate()
                .filter(|(i, _)| selected.get(*i).copied().unwrap_or(true))
                .map(|(_, (rule, counts))| RuleSummary {
                    rule: &rule.name,
                    outcomes: counts.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SeverityCounts {
    pub error: u64,
    pub warning: u64,
    pub info: u64,
}

impl SeverityCounts {
    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.error += 1,
            Severity::Warning => self.warning += 1,
            Severity::Info => self.info += 1,
        }
    }

    pub fn get(&self, severity: Severity) -> u64 {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }
}

/// How many records had each outcome for one rule; every outcome is present, zeros included.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct OutcomeCounts {
    pub met: u64,
    pub breached: u64,
    pub pending: u64,
    pub at_risk: u64,
    pub cancelled: u64,
    pub passed: u64,
    pub violated: u64,
    pub not_applicable: u64,
}

impl OutcomeCounts {
    pub fn add(&mut self, status: Status) {
        *self.slot(status) += 1;
    }

    pub fn get(&self, status: Status) -> u64 {
        match status {
            Status::Met => self.met,
            Status::Breached => self.breached,
            Status::Pending => self.pending,
            Status::AtRisk => self.at_risk,
            Status::Cancelled => self.cancelled,
            Status::Passed => self.passed,
            Status::Violated => self.violated,
            Status::NotApplicable => self.not_applicable,
        }
    }

    fn slot(&mut self, status: Status) -> &mut u64 {
        match status {
            Status::Met => &mut self.met,
            Status::Breached => &mut self.breached,
            Status::Pending => &mut self.pending,
            Status::AtRisk => &mut self.at_risk,
            Status::Cancelled => &mut self.cancelled,
            Status::Passed => &mut self.passed,
            Status::Violated => &mut self.violated,
            Status::NotApplicable => &mut self.not_applicable,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary<'a> {
    pub records: RecordCounts,
    pub findings: SeverityCounts,
    pub rules: Vec<RuleSummary<'a>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordCounts {
    pub read: u64,
    pub evaluated: u64,
    pub rejected: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleSummary<'a> {
    pub rule: &'a str,
    pub outcomes: OutcomeCounts,
}

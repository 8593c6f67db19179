//! Reports: outcomes → findings → output. A run is written as a stream: [`Reporter::start`] (the
//! `run` line), one [`Reporter::write`] per record in input order, [`Reporter::finish`] (the
//! summary). Building a record's [`ReportItem`] ([`analyse`], [`reject`]) is pure, so callers do it
//! in parallel and write sequentially.
//!
//! Formats: `human` (like a compiler) and `json` (JSON Lines, docs/output.md; later SARIF, JUnit,
//! GitHub, CSV).

pub mod finding;
pub mod fingerprint;
pub mod human;
pub mod json;
pub mod record;
pub mod summary;

use std::io::{self, Write};

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

pub use finding::{Finding, FindingEvidence, RecordEvidence};
pub use record::{
    AnalysisOptions, Explanation, OutcomeLine, RecordReport, RejectedRecord, ReportItem, analyse,
    reject,
};
pub use summary::{Summary, Tally};

use crate::compile::{RuleInfo, StandardInfo};
use crate::records::Instant;

/// The version of the JSON output's shape; every line carries it.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Like a compiler: one block per finding, then a summary.
    #[default]
    Human,
    /// JSON Lines: `run`, `finding`, `outcome`, `explain` and `summary` lines.
    Json,
}

/// Which rules a report covers (`--select`, `--ignore`). Unselected rules are still evaluated but
/// neither reported nor counted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleSelection {
    /// Per rule, whether it is reported; `None` means every rule.
    mask: Option<Vec<bool>>,
}

/// A `--select` or `--ignore` name that is no rule of the policy.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownRule {
    pub name: String,
    pub suggestion: Option<String>,
}

impl RuleSelection {
    pub fn all() -> Self {
        RuleSelection::default()
    }

    /// Keeps the rules named in `select` (all when empty), less those in `ignore`. Names are
    /// compared after NFC, as the policy compares them.
    pub fn resolve(
        rules: &[RuleInfo],
        select: &[String],
        ignore: &[String],
    ) -> Result<Self, UnknownRule> {
        if select.is_empty() && ignore.is_empty() {
            return Ok(RuleSelection::all());
        }
        let names: Vec<String> = rules.iter().map(|r| r.name.nfc().collect()).collect();
        let index_of = |wanted: &String| -> Result<usize, UnknownRule> {
            let wanted_nfc: String = wanted.nfc().collect();
            names
                .iter()
                .position(|n| *n == wanted_nfc)
                .ok_or_else(|| UnknownRule {
                    name: wanted.clone(),
                    suggestion: crate::suggest::did_you_mean(
                        &wanted_nfc,
                        rules.iter().map(|r| r.name.as_str()),
                    ),
                })
        };
        let mut mask = vec![select.is_empty(); rules.len()];
        for name in select {
            mask[index_of(name)?] = true;
        }
        for name in ignore {
            mask[index_of(name)?] = false;
        }
        Ok(RuleSelection { mask: Some(mask) })
    }

    pub fn is_selected(&self, rule: usize) -> bool {
        self.mask
            .as_ref()
            .is_none_or(|m| m.get(rule).copied().unwrap_or(false))
    }

    /// Per rule of `rule_count`, whether it is selected.
    pub fn mask(&self, rule_count: usize) -> Vec<bool> {
        (0..rule_count).map(|i| self.is_selected(i)).collect()
    }
}

/// The `run` line: what produced the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RunInfo {
    /// norma's version.
    pub version: String,
    pub policy: PolicyIdentity,
    /// `--now` as RFC 3339, or `record` (each record's close, else its last event).
    pub evaluation_time: String,
    /// The record inputs as given (`-` for standard input).
    pub inputs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PolicyIdentity {
    pub name: String,
    pub version: Option<String>,
    pub hash: String,
}

impl RunInfo {
    pub fn new(standard: &StandardInfo, now: Option<Instant>, inputs: Vec<String>) -> Self {
        RunInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            policy: PolicyIdentity {
                name: standard.name.clone(),
                version: standard.version.clone(),
                hash: standard.hash.clone(),
            },
            evaluation_time: now.map_or_else(|| "record".to_string(), |t| t.to_rfc3339()),
            inputs,
        }
    }
}

/// How a report is written.
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    pub format: Format,
    /// ANSI colour in human output (only when stdout is a terminal and `NO_COLOR` is unset).
    pub colour: bool,
    pub analysis: AnalysisOptions,
}

/// Writes one run's report as records arrive, keeping the tally for the summary and exit code.
pub struct Reporter<'a, W: Write> {
    out: W,
    rules: &'a [RuleInfo],
    options: &'a ReportOptions,
    tally: Tally,
}

impl<'a, W: Write> Reporter<'a, W> {
    pub fn new(out: W, rules: &'a [RuleInfo], options: &'a ReportOptions) -> Self {
        Reporter {
            out,
            rules,
            options,
            tally: Tally::new(rules.len()),
        }
    }

    pub fn start(&mut self, run: &RunInfo) -> io::Result<()> {
        match self.options.format {
            Format::Json => json::write_line(&mut self.out, "run", run),
            Format::Human => Ok(()),
        }
    }

    /// Writes one record's findings (or, with `--explain-record`, its explanation).
    pub fn write(&mut self, item: &ReportItem) -> io::Result<()> {
        let explaining = self.options.analysis.explain_record.is_some();
        let (findings, outcomes, explanation): (&[Finding], &[OutcomeLine], _) = match item {
            ReportItem::Evaluated(report) => {
                self.tally.add_evaluated(report);
                (&report.findings, &report.outcomes, &report.explanation)
            }
            ReportItem::Rejected(rejected) => {
                self.tally.add_rejected(rejected);
                (
                    std::slice::from_ref(&rejected.finding),
                    &[],
                    &rejected.explanation,
                )
            }
        };
        if explaining {
            return match explanation {
                Some(explanation) => self.write_explanation(explanation),
                None => Ok(()),
            };
        }
        let colour = self.options.colour;
        for finding in findings {
            match self.options.format {
                Format::Json => json::write_line(&mut self.out, "finding", finding)?,
                Format::Human => human::write_finding(&mut self.out, finding, colour)?,
            }
        }
        for outcome in outcomes {
            match self.options.format {
                Format::Json => json::write_line(&mut self.out, "outcome", outcome)?,
                Format::Human => human::write_outcome(&mut self.out, outcome, colour)?,
            }
        }
        Ok(())
    }

    fn write_explanation(&mut self, explanation: &Explanation) -> io::Result<()> {
        match self.options.format {
            Format::Json => json::write_line(&mut self.out, "explain", explanation),
            Format::Human => human::write_explanation(&mut self.out, explanation),
        }
    }

    /// Writes the summary; returns the tally (for the exit code) and the writer.
    pub fn finish(mut self) -> io::Result<(Tally, W)> {
        let mask = self.options.analysis.selection.mask(self.rules.len());
        let summary = self.tally.summary(self.rules, &mask);
        match self.options.format {
            Format::Json => json::write_line(&mut self.out, "summary", &summary)?,
            Format::Human => human::write_summary(&mut self.out, &summary, self.options.colour)?,
        }
        self.out.flush()?;
        Ok((self.tally, self.out))
    }
}

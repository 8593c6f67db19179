//! Shared helpers for integration tests: load a policy, read records, tabulate outcomes and
//! compare them with expectations written by hand.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use norma::CompiledPolicy;
use norma::eval::{self, Status};
use norma::records::{Input, Instant, Record, RecordReader};
use serde::Deserialize;

pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Loads a policy and panics with the rendered diagnostics when it has errors.
pub fn policy(paths: &[PathBuf]) -> (CompiledPolicy, Vec<norma::Diagnostic>) {
    let loaded = norma::load_policy(paths, None);
    let rendered = norma::diag::render_human(&loaded.diagnostics, &loaded.sources, false);
    match loaded.policy {
        Some(p) => (p, loaded.diagnostics),
        None => panic!("policy {paths:?} does not check:\n{rendered}"),
    }
}

/// Reads every record of a file; panics on a record error (fixtures are meant to be valid).
pub fn records(policy: &CompiledPolicy, path: &Path) -> Vec<Record> {
    let reader = RecordReader::open(&Input::Path(path.to_path_buf()), policy.read_options())
        .unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
    reader
        .map(|r| match r {
            Ok((record, _)) => record,
            Err(e) => panic!(
                "{}: line {}: {}",
                path.display(),
                e.location.line,
                e.message
            ),
        })
        .collect()
}

/// One expected (record, rule) outcome, as written in `expected.yaml` files.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    pub record: String,
    pub rule: String,
    pub outcome: String,
    /// Event index of every finding instance, in order.
    #[serde(default)]
    pub findings: Vec<usize>,
    #[serde(default)]
    pub reason: Option<String>,
}

/// An expectations file: a list, or `{ now: …, outcomes: [...] }`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum ExpectedFile {
    List(Vec<Expected>),
    WithNow {
        now: String,
        outcomes: Vec<Expected>,
    },
}

pub fn expected(path: &Path) -> (Option<Instant>, Vec<Expected>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let file: ExpectedFile =
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match file {
        ExpectedFile::List(l) => (None, l),
        ExpectedFile::WithNow { now, outcomes } => (
            Some(chrono::DateTime::parse_from_rfc3339(&now).expect("now is RFC 3339")),
            outcomes,
        ),
    }
}

/// What norma reports, in the same shape as the expectations.
pub fn actual(policy: &CompiledPolicy, records: &[Record], now: Option<Instant>) -> Vec<Expected> {
    let mut out = Vec::new();
    for record in records {
        let outcomes = eval::evaluate(policy, record, now);
        for rule in &outcomes.rules {
            let findings = rule
                .instances
                .iter()
                .filter(|i| i.status.is_finding())
                .filter_map(|i| i.event)
                .collect();
            out.push(Expected {
                record: record.id.clone(),
                rule: policy.rules[rule.rule].name.clone(),
                outcome: rule.status.as_str().to_string(),
                findings,
                reason: rule.reason.clone(),
            });
        }
    }
    out
}

/// How pairs the expectations do not list are judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unlisted {
    /// Every (record, rule) pair must be listed.
    Forbidden,
    /// A pair not listed must be not-applicable (for any reason): with many rules gated by
    /// channel or category, listing every N/A pair would drown the ones that matter.
    NotApplicable,
}

/// Compares expectations with outcomes; a reason is compared only where the expectation gives
/// one. Returns a readable list of every difference.
pub fn differences(expected: &[Expected], actual: &[Expected], unlisted: Unlisted) -> Vec<String> {
    let key = |e: &Expected| (e.record.clone(), e.rule.clone());
    let actual_by: BTreeMap<_, _> = actual.iter().map(|a| (key(a), a)).collect();
    let mut diffs = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for e in expected {
        if !seen.insert(key(e)) {
            diffs.push(format!(
                "{} / {}: listed twice in the expectations",
                e.record, e.rule
            ));
        }
        let Some(a) = actual_by.get(&key(e)) else {
            diffs.push(format!(
                "{} / {}: expected {}, but norma reported no such pair",
                e.record, e.rule, e.outcome
            ));
            continue;
        };
        let reason_differs = e.reason.is_some() && e.reason != a.reason;
        if e.outcome != a.outcome || e.findings != a.findings || reason_differs {
            diffs.push(format!(
                "{} / {}: expected {} {:?}{}, got {} {:?}{}",
                e.record,
                e.rule,
                e.outcome,
                e.findings,
                e.reason
                    .as_deref()
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default(),
                a.outcome,
                a.findings,
                a.reason
                    .as_deref()
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default(),
            ));
        }
    }
    for a in actual {
        let listed = seen.contains(&key(a));
        let allowed = unlisted == Unlisted::NotApplicable && a.outcome == "not-applicable";
        if !listed && !allowed {
            diffs.push(format!(
                "{} / {}: norma reported {} {:?}, not in the expectations",
                a.record, a.rule, a.outcome, a.findings
            ));
        }
    }
    for e in expected {
        assert!(
            Status::parse(&e.outcome).is_some(),
            "unknown outcome `{}` in expectations",
            e.outcome
        );
    }
    diffs
}

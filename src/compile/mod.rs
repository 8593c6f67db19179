//! Compile: validated policy → flat IR that evaluates records without looking back at the source.

mod ignorable;
pub mod normalise;
pub mod phrases;
#[cfg(test)]
mod phrases_tests;
pub mod pii;
mod pii_numbers;
#[cfg(test)]
mod pii_tests;
mod t2s;

use chrono_tz::Tz;
use serde::Serialize;

use crate::check::Policy;
use crate::diag::Severity;
use crate::records::ReadOptions;

/// The `standard` block.
#[derive(Debug, Clone)]
pub struct StandardInfo {
    pub name: String,
    pub version: Option<String>,
    pub timezone: Tz,
    /// A stable hash of the policy's sources, for the `run` line.
    pub hash: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleKind {
    Deadline,
    Forbid,
    Require,
}

impl RuleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Deadline => "deadline",
            RuleKind::Forbid => "forbid",
            RuleKind::Require => "require",
        }
    }
}

/// What reports need to know of a rule.
#[derive(Debug, Clone)]
pub struct RuleInfo {
    pub name: String,
    pub kind: RuleKind,
    /// The standard's own words, when the rule has a description.
    pub description: Option<String>,
    pub severity: Severity,
    /// `file:line` of the rule's definition.
    pub defined_at: String,
}

/// A compiled policy: `Send + Sync`, so records can be evaluated in parallel.
pub struct CompiledPolicy {
    pub standard: StandardInfo,
    pub rules: Vec<RuleInfo>,
    pub(crate) read_options: ReadOptions,
}

impl CompiledPolicy {
    /// What the record reader needs: the default zone and the required fields.
    pub fn read_options(&self) -> ReadOptions {
        self.read_options.clone()
    }

    pub fn rule_index(&self, name: &str) -> Option<usize> {
        self.rules.iter().position(|r| r.name == name)
    }
}

pub fn compile(_policy: Policy) -> CompiledPolicy {
    CompiledPolicy {
        standard: StandardInfo {
            name: String::new(),
            version: None,
            timezone: chrono_tz::Asia::Shanghai,
            hash: String::new(),
        },
        rules: Vec::new(),
        read_options: ReadOptions {
            default_timezone: chrono_tz::Asia::Shanghai,
            required_fields: Vec::new(),
        },
    }
}

//! Evaluate: compiled policy + record + evaluation time → an outcome for every rule. Pure: the same
//! inputs give the same outcomes, whatever the clock or thread.

pub mod outcome;

pub use outcome::{Evidence, Instance, RecordOutcomes, RuleOutcome, Status};

use crate::compile::CompiledPolicy;
use crate::records::{Instant, Record};

/// Evaluates every rule of `policy` on `record` at `now` (default: the record's close, else its
/// last event).
pub fn evaluate(
    _policy: &CompiledPolicy,
    _record: &Record,
    now: Option<Instant>,
) -> RecordOutcomes {
    RecordOutcomes {
        evaluated_at: now,
        rules: Vec::new(),
        invalid_fields: Vec::new(),
    }
}

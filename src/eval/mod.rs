//! Evaluate: compiled policy + record + evaluation time → an outcome for every rule. Pure: the same
//! inputs give the same outcomes, whatever the clock or thread.

mod context;
mod deadline;
mod expect;
mod expr;
pub mod outcome;
mod pause;
mod phrase;
mod select;

pub use outcome::{Evidence, Instance, RecordOutcomes, RuleOutcome, Status};

use crate::check::model::{RuleBody, RuleDef};
use crate::compile::CompiledPolicy;
use crate::records::{Instant, Record};
use context::Ctx;

/// Evaluates every rule of `policy` on `record` at `now` (default: the record's close, else its
/// last event).
pub fn evaluate(policy: &CompiledPolicy, record: &Record, now: Option<Instant>) -> RecordOutcomes {
    let now = now.or(record.closed_at).or_else(|| record.last_event_at());
    // Offset-less times are read in the record's own zone, else the standard's.
    let timezone = record
        .text_field("timezone")
        .and_then(|z| z.parse::<chrono_tz::Tz>().ok())
        .unwrap_or(policy.standard.timezone);
    let cx = Ctx::new(&policy.ir, record, timezone, now);
    let rules = policy
        .ir
        .rules
        .iter()
        .enumerate()
        .map(|(i, rule)| evaluate_rule(&cx, i, rule))
        .collect();
    RecordOutcomes {
        evaluated_at: now,
        rules,
        invalid_fields: cx.invalid_fields.clone(),
    }
}

fn evaluate_rule(cx: &Ctx, index: usize, rule: &RuleDef) -> RuleOutcome {
    let not_applicable = |reason: String| RuleOutcome {
        rule: index,
        status: Status::NotApplicable,
        reason: Some(reason),
        instances: Vec::new(),
    };
    if let Some(when) = &rule.when {
        match expr::truth(cx, when, None) {
            Ok(true) => {}
            Ok(false) => return not_applicable("when false".into()),
            Err(reason) => return not_applicable(reason),
        }
    }
    let instances = match &rule.body {
        RuleBody::Deadline(d) => deadline::evaluate(cx, d),
        RuleBody::Phrase(p) => phrase::evaluate(cx, index, p),
        RuleBody::Expect(e) => expect::evaluate(cx, e),
    };
    match instances {
        Err(reason) => not_applicable(reason),
        Ok(instances) => {
            let status = instances
                .iter()
                .map(|i| i.status)
                .max_by_key(|s| s.badness())
                .unwrap_or(Status::NotApplicable);
            RuleOutcome {
                rule: index,
                status,
                reason: None,
                instances,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Evaluation is shared across threads: the compiled policy must be `Send + Sync`.
    #[test]
    fn compiled_policy_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<CompiledPolicy>();
    }
}

//! The shipped examples produce exactly the outcomes examples/outcomes.test.yaml lists (written by
//! hand from the standard), and every shipped policy checks clean.

mod common;

use common::*;

#[test]
fn shipped_policies_check_clean() {
    let loaded = norma::load_policy(&[repo("policies")], None);
    let rendered = norma::diag::render_human(&loaded.diagnostics, &loaded.sources, false);
    assert!(
        loaded.diagnostics.is_empty(),
        "policies/ has diagnostics:\n{rendered}"
    );
    assert!(loaded.policy.is_some());
}

#[test]
fn examples_produce_exactly_the_expected_outcomes() {
    let (policy, _) = policy(&[repo("policies")]);
    let mut files: Vec<_> = std::fs::read_dir(repo("examples"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    let records: Vec<_> = files.iter().flat_map(|f| records(&policy, f)).collect();
    assert!(
        records.len() >= 15,
        "expected at least 15 example records, found {}",
        records.len()
    );
    let (now, expected) = expected(&repo("examples/outcomes.test.yaml"));
    let actual = actual(&policy, &records, now);
    let diffs = differences(&expected, &actual, Unlisted::NotApplicable);
    assert!(
        diffs.is_empty(),
        "{} differences:\n{}",
        diffs.len(),
        diffs.join("\n")
    );
}

/// Every rule of the shipped policy is shown both ways in the examples: at least one outcome that
/// passes (met, passed) and one that fails (breached, violated), per the expectations file.
#[test]
fn every_shipped_rule_has_a_passing_and_a_failing_example() {
    let (policy, _) = policy(&[repo("policies")]);
    let (_, expected) = expected(&repo("examples/outcomes.test.yaml"));
    let mut missing = Vec::new();
    for rule in &policy.rules {
        let outcomes: Vec<&str> = expected
            .iter()
            .filter(|e| e.rule == rule.name)
            .map(|e| e.outcome.as_str())
            .collect();
        let passes = outcomes.iter().any(|o| ["met", "passed"].contains(o));
        let fails = outcomes
            .iter()
            .any(|o| ["breached", "violated"].contains(o));
        if !passes || !fails {
            let lacking = match (passes, fails) {
                (false, false) => "a passing and a failing example",
                (false, true) => "a passing example",
                _ => "a failing example",
            };
            missing.push(format!(
                "{} ({}) has no {lacking}",
                rule.name, rule.defined_at
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

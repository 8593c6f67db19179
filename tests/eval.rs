//! Evaluation fixtures: each directory of tests/fixtures/eval holds a policy, records and the
//! outcomes they must produce (derived by hand), compared as data.

mod common;

use common::*;

fn run_fixture(name: &str) {
    let dir = repo(&format!("tests/fixtures/eval/{name}"));
    let (policy, _) = policy(&[dir.join("policy.norma")]);
    let records = records(&policy, &dir.join("records.jsonl"));
    let (now, expected) = expected(&dir.join("expected.yaml"));
    let actual = actual(&policy, &records, now);
    let diffs = differences(&expected, &actual, Unlisted::Forbidden);
    assert!(
        diffs.is_empty(),
        "{name}: {} differences:\n{}",
        diffs.len(),
        diffs.join("\n")
    );
}

#[test]
fn every_eval_fixture_is_run() {
    let mut dirs: Vec<String> = std::fs::read_dir(repo("tests/fixtures/eval"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty());
    for dir in dirs {
        run_fixture(&dir);
    }
}

#[test]
fn a_value_outside_its_enumeration_is_an_invalid_field_warning() {
    let dir = repo("tests/fixtures/eval/conditions");
    let (policy, _) = policy(&[dir.join("policy.norma")]);
    let records = records(&policy, &dir.join("records.jsonl"));
    let c2 = records.iter().find(|r| r.id == "C2").unwrap();
    let outcomes = norma::eval::evaluate(&policy, c2, None);
    let paths: Vec<&str> = outcomes
        .invalid_fields
        .iter()
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(paths, ["attrs.fault_party"]);
    assert!(outcomes.invalid_fields[0].message.contains("\"supplier\""));
}

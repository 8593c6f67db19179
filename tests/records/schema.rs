//! docs/schema/record.schema.json accepts every valid fixture record and rejects broken ones.

use serde_json::{Value, json};

use super::fixture;

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/schema/record.schema.json"
    ))
    .expect("schema exists");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

#[test]
fn every_valid_fixture_record_matches_the_schema() {
    let validator = validator();
    let mut checked = 0;
    for entry in std::fs::read_dir(fixture("")).expect("fixture dir") {
        let path = entry.expect("dir entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !(name.starts_with("valid") && name.ends_with(".jsonl")) {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("fixture is readable");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let record: Value = serde_json::from_str(line).expect("fixture line is JSON");
            let errors: Vec<String> = validator
                .iter_errors(&record)
                .map(|e| e.to_string())
                .collect();
            assert!(
                errors.is_empty(),
                "{name}: {} rejected: {errors:?}",
                record["id"]
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 7);
}

#[test]
fn the_schema_rejects_broken_records() {
    let validator = validator();
    let event = json!({"at": "2026-11-05T09:00:00", "actor": "customer", "kind": "message"});
    let broken = [
        json!({"events": [event]}),
        json!({"id": 42, "events": [event]}),
        json!({"id": "X", "events": []}),
        json!({"id": "X", "events": [{"at": "2026-11-05T09:00:00", "actor": "staff", "kind": "message"}]}),
        json!({"id": "X", "events": [{"at": "05/11/2026", "actor": "customer", "kind": "message"}]}),
        json!({"id": "X", "events": [event, {"actor": "agent", "kind": "message"}]}),
        json!({"id": "X", "events": [{"at": "2026-11-05T09:00:00", "actor": "agent", "kind": "message", "text": 42}]}),
        json!({"id": "X", "events": [{"at": "2026-11-05T09:00:00", "actor": "agent", "kind": "set"}]}),
    ];
    for record in broken {
        assert!(!validator.is_valid(&record), "schema accepted {record}");
    }
    assert!(validator.is_valid(&json!({"id": "X", "events": [event]})));
}

//! What makes a record valid, what its fields become, and every E07xx reason with id and line.

use serde_json::json;

use super::{entry, fixture, outline, read, read_with, records, scratch, time};
use norma::records::{Actor, Input, RecordReader};

#[test]
fn every_line_is_accounted_for_and_each_error_has_its_code_id_and_line() {
    let items = read_with(&fixture("errors.jsonl"), &["channel", "customer.tier"]);
    assert_eq!(
        outline(&items),
        vec![
            entry("ok", Some("G-1"), 1),
            entry("E0702", None, 3),
            entry("E0703", None, 4),
            entry("E0703", None, 5),
            entry("E0703", None, 6),
            entry("E0704", Some("E-noevents"), 7),
            entry("E0705", Some("E-actor"), 8),
            entry("E0706", Some("E-time"), 9),
            entry("E0707", Some("E-gap"), 10),
            entry("E0708", Some("E-order"), 11),
            entry("E0709", Some("E-opened"), 12),
            entry("E0710", Some("E-required"), 13),
            entry("E0711", Some("E-mixed"), 14),
            entry("E0712", Some("E-zone"), 15),
            entry("E0713", Some("E-text"), 16),
            entry("ok", Some("G-2"), 17),
        ]
    );
    let read_count = items.len();
    let ok = items.iter().filter(|i| i.is_ok()).count();
    let rejected = items.iter().filter(|i| i.is_err()).count();
    assert_eq!((read_count, ok, rejected), (16, 2, 14));
}

fn message_of(id: &str) -> String {
    read_with(&fixture("errors.jsonl"), &["channel", "customer.tier"])
        .into_iter()
        .filter_map(Result::err)
        .find(|e| e.record_id.as_deref() == Some(id))
        .map(|e| e.message)
        .unwrap_or_else(|| panic!("no error for {id}"))
}

#[test]
fn messages_say_what_is_wrong() {
    let order = message_of("E-order");
    assert!(
        order.contains("event 1") && order.contains("event 0"),
        "{order}"
    );
    assert!(
        order.contains("2026-11-05T09:00:00+08:00") && order.contains("2026-11-05T10:00:00+08:00"),
        "{order}"
    );
    let required = message_of("E-required");
    assert!(
        required.contains("`channel`") && required.contains("`customer.tier`"),
        "{required}"
    );
    assert!(message_of("E-actor").contains("\"staff\""));
    assert!(message_of("E-gap").contains("America/New_York"));
    assert!(message_of("E-zone").contains("\"Beijing\""));
    assert!(message_of("E-text").contains("`text` must be a string, found number 42"));
    let items = read(&fixture("errors.jsonl"));
    let not_json = items[1].as_ref().expect_err("line 3 is not JSON");
    assert!(not_json.message.contains("line 3"), "{}", not_json.message);
    let numeric_id = items[4].as_ref().expect_err("line 6 has a numeric id");
    assert!(
        numeric_id.message.contains("number 42"),
        "{}",
        numeric_id.message
    );
}

#[test]
fn the_language_example_reads_as_documented() {
    let valid = records(read(&fixture("valid.jsonl")));
    let (record, location) = &valid[0];
    assert_eq!(record.id, "T-0042");
    assert_eq!(location.line, 1);
    assert_eq!(location.file, fixture("valid.jsonl").display().to_string());
    // Offset-less times take the default zone, Asia/Shanghai (+08:00).
    assert_eq!(record.opened, Some(time("2026-11-05T09:00:00+08:00")));
    assert_eq!(record.events.len(), 5);
    assert!(record.has_times);
    assert_eq!(record.closed_at, None);
    assert_eq!(record.field(&["customer", "tier"]), Some(json!("vip")));
    assert_eq!(record.text_field("channel"), Some("email"));
    assert!(!record.fields.contains_key("events"));
    let answer = &record.events[2];
    assert_eq!(
        (
            answer.actor,
            answer.agent.as_deref(),
            answer.team.as_deref()
        ),
        (Actor::Agent, Some("A-010"), Some("客服组"))
    );
    // A promise due on a date is due at 24:00 of that date: the next day's 00:00.
    assert_eq!(
        record.events[3].due,
        Some(time("2026-11-06T00:00:00+08:00"))
    );
    assert_eq!(record.events[4].to.as_deref(), Some("技术部门"));
    assert_eq!(record.events[4].raw.get("to"), Some(&json!("技术部门")));
}

#[test]
fn a_record_timezone_places_its_offsetless_times() {
    let valid = records(read(&fixture("valid.jsonl")));
    let (record, location) = &valid[1];
    assert_eq!((record.id.as_str(), location.line), ("T-NY", 3));
    // 2026-11-05 is after New York's return to standard time (-05:00) on 11-01.
    assert_eq!(record.opened, Some(time("2026-11-05T09:00:00-05:00")));
    assert_eq!(record.events[1].at, Some(time("2026-11-05T09:00:20-05:00")));
}

#[test]
fn set_events_leave_their_final_values_in_the_fields() {
    let valid = records(read(&fixture("valid.jsonl")));
    let record = &valid[2].0;
    assert_eq!(record.id, "T-SET");
    assert_eq!(record.field(&["priority"]), Some(json!("high")));
    assert_eq!(
        record.field(&["customer"]),
        Some(json!({"id": "C-1", "tier": "vip"}))
    );
}

#[test]
fn closed_means_a_last_close_without_a_later_reopen() {
    let valid = records(read(&fixture("valid.jsonl")));
    let closed = &valid[3].0;
    assert_eq!(closed.id, "T-CLOSED");
    assert_eq!(closed.closed_at, Some(time("2026-11-05T12:00:00+08:00")));
    // Equal times are allowed and keep their input order.
    assert_eq!(closed.events[3].kind, "resolve");
    assert_eq!(closed.events[4].kind, "close");
    let reopened = &valid[4].0;
    assert_eq!(reopened.id, "T-REOPENED");
    assert_eq!(reopened.closed_at, None);
}

#[test]
fn a_dialogue_without_times_is_valid_but_has_none() {
    let valid = records(read(&fixture("valid.jsonl")));
    let record = &valid[5].0;
    assert_eq!(record.id, "STC-0001");
    assert!(!record.has_times);
    assert_eq!(record.opened, None);
    assert!(record.events.iter().all(|e| e.at.is_none()));
}

#[test]
fn optional_event_fields_are_kept() {
    let valid = records(read(&fixture("valid.jsonl")));
    let record = &valid[6].0;
    assert_eq!(record.id, "T-SURVEY");
    let spoken = &record.events[1];
    assert_eq!(spoken.end, Some(time("2026-11-05T09:00:14+08:00")));
    assert_eq!(spoken.attrs.get("result"), Some(&json!("read")));
    assert_eq!(spoken.from.as_deref(), Some("IVR"));
    assert_eq!(
        spoken.field(&["event", "attrs", "result"]),
        Some(json!("read"))
    );
    assert_eq!(record.events[2].score, Some(json!(5)));
    assert_eq!(record.field(&["attrs", "in_warranty"]), Some(json!(true)));
    assert_eq!(valid.len(), 7);
}

#[test]
fn an_ambiguous_local_time_takes_the_earlier_offset_with_a_warning() {
    let line = r#"{"id": "T-AMB", "timezone": "America/New_York", "events": [{"at": "2026-11-01T01:30:00", "actor": "customer", "kind": "ring"}]}"#;
    let path = scratch("ambiguous.jsonl", line.as_bytes());
    let mut reader =
        RecordReader::open(&Input::Path(path), super::options(&[])).expect("input opens");
    let (record, _) = reader.next().expect("one item").expect("valid record");
    assert_eq!(record.events[0].at, Some(time("2026-11-01T01:30:00-04:00")));
    let warnings = reader.take_warnings();
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        (warnings[0].code, warnings[0].record_id.as_str()),
        ("W0702", "T-AMB")
    );
    assert!(reader.take_warnings().is_empty());
}

#[test]
fn wrong_types_are_errors_not_panics() {
    let lines = [
        r#"{"id": "W-1", "events": {"at": "2026-11-05T09:00:00"}}"#,
        r#"{"id": "W-2", "events": ["message"]}"#,
        r#"{"id": "W-3", "events": [{"at": 20261105, "actor": "customer", "kind": "message"}]}"#,
        r#"{"id": "W-4", "events": [{"actor": "customer", "kind": 7}]}"#,
        r#"{"id": "W-5", "events": [{"actor": "customer", "kind": "message", "attrs": [1]}]}"#,
        r#"{"id": "W-6", "events": [{"actor": "customer", "kind": "set", "value": 1}]}"#,
        r#"{"id": "W-7", "channel": "phone", "events": [{"actor": "customer", "kind": "set", "field": "channel.name", "value": 1}]}"#,
        r#"{"id": "W-8", "timezone": 8, "events": [{"actor": "customer", "kind": "message"}]}"#,
        r#"{"id": "", "events": [{"actor": "customer", "kind": "message"}]}"#,
        r#"{"id": "W-10", "opened_at": "2026-11-05T09:00:00", "events": [{"actor": "customer", "kind": "message"}]}"#,
    ];
    let path = scratch("wrong-types.jsonl", lines.join("\n").as_bytes());
    let codes: Vec<String> = outline(&read(&path))
        .into_iter()
        .map(|(code, _, _)| code)
        .collect();
    assert_eq!(
        codes,
        vec![
            "E0704", "E0705", "E0706", "E0705", "E0713", "E0713", "E0713", "E0712", "E0703",
            "E0711"
        ]
    );
}

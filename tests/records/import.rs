//! `norma import csv`: the documented example, bare CR inside fields, and errors with file and line.

use serde_json::{Value, json};

use super::{fixture, read, records, scratch, time};
use norma::import::{ImportError, ImportOptions, ImportSummary, import};

fn run(
    inputs: &[std::path::PathBuf],
    mapping: &std::path::Path,
) -> Result<(String, ImportSummary), ImportError> {
    let options = ImportOptions {
        mapping: Some(mapping.to_path_buf()),
    };
    let mut out = Vec::new();
    let summary = import("csv", inputs, &options, &mut out)?;
    Ok((String::from_utf8(out).expect("output is UTF-8"), summary))
}

#[test]
fn the_documented_csv_example_imports_as_described() {
    let (output, summary) =
        run(&[fixture("tickets.csv")], &fixture("tickets.mapping.yaml")).expect("imports");
    assert_eq!(
        summary,
        ImportSummary {
            rows: 5,
            records: 2
        }
    );
    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(lines.len(), 2);
    let first: Value = serde_json::from_str(lines[0]).expect("JSON line");
    assert_eq!(
        first,
        json!({
            "id": "T-1",
            "timezone": "Asia/Shanghai",
            "channel": "phone",
            "priority": "urgent",
            "customer": {"id": "C-88"},
            "attrs": {"product": "FTTH"},
            "events": [
                {"at": "2026-11-05T09:00:00", "actor": "customer", "kind": "message",
                 "text": "My broadband is down, again"},
                {"at": "2026-11-05T09:00:20", "actor": "agent", "kind": "message", "agent": "Li Wei",
                 "team": "客服组", "text": "Sorry to hear that.\nWe will call back by 17:00."},
                {"at": "2026-11-05T16:30:00", "actor": "system", "kind": "close"}
            ]
        })
    );
    assert!(
        lines[0].starts_with(r#"{"id":"T-1","attrs":"#),
        "id first, fields sorted: {}",
        lines[0]
    );
    assert!(
        lines[0].contains(r#""timezone":"Asia/Shanghai","events":["#),
        "events last"
    );
    let second: Value = serde_json::from_str(lines[1]).expect("JSON line");
    assert_eq!(
        second,
        json!({
            "id": "T-2",
            "timezone": "Asia/Shanghai",
            "channel": "email",
            "priority": "normal",
            "customer": {"id": "C-90"},
            "events": [
                {"at": "2026-11-06T10:00:00", "actor": "customer", "kind": "message", "text": "Where is my parcel?"},
                {"at": "2026-11-06T10:45:00", "actor": "bot", "kind": "message", "text": "Your parcel ships today."}
            ]
        })
    );
    // What the importer writes, the reader accepts.
    let valid = records(read(&scratch("imported.jsonl", output.as_bytes())));
    assert_eq!(
        valid[0].0.closed_at,
        Some(time("2026-11-05T16:30:00+08:00"))
    );
}

#[test]
fn the_documented_mapping_is_the_tested_one() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/records.md"))
        .expect("docs exist");
    for name in ["tickets.mapping.yaml", "tickets.csv"] {
        let text = std::fs::read_to_string(fixture(name)).expect("fixture exists");
        assert!(
            docs.contains(&text),
            "docs/records.md must show {name} verbatim"
        );
    }
}

fn inline_mapping(name: &str) -> std::path::PathBuf {
    scratch(
        name,
        b"id: id\nevent:\n  at: at\n  actor: actor\n  kind: kind\n  text: text\n",
    )
}

#[test]
fn bare_carriage_returns_stay_inside_their_field() {
    let csv = b"id,at,actor,kind,text\r\nX-1,2026-11-05T09:00:00+08:00,customer,message,line one\r\rstill one\r\nX-1,2026-11-05T09:01:00+08:00,agent,message,\"quoted\"\r\n";
    let (output, summary) = run(
        &[scratch("bare-cr.csv", csv)],
        &inline_mapping("bare-cr.mapping.yaml"),
    )
    .expect("imports");
    assert_eq!(
        summary,
        ImportSummary {
            rows: 2,
            records: 1
        }
    );
    let record: Value = serde_json::from_str(output.trim_end()).expect("JSON line");
    assert_eq!(record["events"][0]["text"], json!("line one\r\rstill one"));
    assert_eq!(record["events"][1]["text"], json!("quoted"));
}

#[test]
fn errors_name_the_file_and_line() {
    let mapping = inline_mapping("errors.mapping.yaml");
    let unmapped = scratch(
        "bad-actor.csv",
        b"id,at,actor,kind,text\nX-1,2026-11-05T09:00:00+08:00,customer,message,hi\nX-1,2026-11-05T09:01:00+08:00,staff,message,hi\n",
    );
    let error = run(std::slice::from_ref(&unmapped), &mapping).expect_err("staff is no actor");
    assert_eq!(
        (error.file.clone(), error.line),
        (Some(unmapped.display().to_string()), Some(3))
    );
    assert!(error.message.contains("\"staff\""), "{error}");

    let scattered = scratch(
        "scattered.csv",
        b"id,at,actor,kind,text\nX-1,,customer,message,a\nX-2,,customer,message,b\nX-1,,agent,message,c\n",
    );
    let error = run(&[scattered], &mapping).expect_err("X-1 rows are apart");
    assert_eq!(error.line, Some(4));

    let missing_column = scratch("no-text.csv", b"id,at,actor,kind\nX-1,,customer,message\n");
    let error = run(&[missing_column], &mapping).expect_err("no text column");
    assert_eq!(error.line, Some(1));
    assert!(error.message.contains("`text`"), "{error}");

    let bad_mapping = scratch("bad.mapping.yaml", b"id: id\nevent:\n  actor: actor\n");
    let error = run(&[fixture("tickets.csv")], &bad_mapping).expect_err("kind is missing");
    assert!(error.message.contains("`kind`"), "{error}");

    let error =
        import("xes", &[], &ImportOptions::default(), &mut Vec::new()).expect_err("unknown format");
    assert!(error.message.contains("csv"), "{error}");
}

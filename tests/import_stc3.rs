//! `norma import stc3`: the NTCIR-14 STC-3 Chinese helpdesk dialogues. Both full files round-trip
//! through the record reader; the fixtures (slices of the real files, tests/fixtures/import/) are
//! checked event by event; malformed inputs stop with file and line.
//!
//! Expected figures: record counts are the dataset's published sizes (390 and 3,700 dialogues);
//! utterance totals were counted independently with Python's `json` module; fixture figures were
//! counted by reading the fixture files.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use norma::import::{ImportError, ImportOptions, ImportSummary, import};
use norma::records::{Actor, Input, ReadOptions, Record, RecordReader};

fn dataset(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/ntcir14-stc3-helpdesk")
        .join(name)
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("import-stc3-{name}"));
    std::fs::write(&path, bytes).expect("scratch file is writable");
    path
}

fn run(inputs: &[PathBuf]) -> (Result<ImportSummary, ImportError>, String) {
    let mut out = Vec::new();
    let result = import("stc3", inputs, &ImportOptions::default(), &mut out);
    (result, String::from_utf8(out).expect("output is UTF-8"))
}

fn import_ok(inputs: &[PathBuf]) -> (ImportSummary, String) {
    let (result, output) = run(inputs);
    (
        result.unwrap_or_else(|e| panic!("import fails: {e}")),
        output,
    )
}

/// Reads imported JSON Lines back as the lint command would, panicking on any rejected record.
fn read_back(name: &str, output: &str) -> Vec<Record> {
    let path = scratch(name, output.as_bytes());
    let options = ReadOptions {
        default_timezone: chrono_tz::Asia::Shanghai,
        required_fields: vec![],
    };
    RecordReader::open(&Input::Path(path), options)
        .expect("imported file opens")
        .map(|item| match item {
            Ok((record, _)) => record,
            Err(e) => panic!("line {}: {} {}", e.location.line, e.code, e.message),
        })
        .collect()
}

fn lines(output: &str) -> Vec<Value> {
    output
        .lines()
        .map(|line| serde_json::from_str(line).expect("each output line is JSON"))
        .collect()
}

/// Imports a full dataset file and checks that every dialogue became a record the reader accepts.
fn round_trip(file: &str, dialogues: usize, utterances: usize, empty_utterances: usize) {
    let (summary, output) = import_ok(&[dataset(file)]);
    assert_eq!(
        summary,
        ImportSummary {
            rows: dialogues,
            records: dialogues
        }
    );
    assert_eq!(output.lines().count(), dialogues);
    let records = read_back(file, &output);
    assert_eq!(records.len(), dialogues, "the reader accepts every record");
    assert!(records.iter().all(|r| !r.has_times && r.opened.is_none()));
    let events: usize = records.iter().map(|r| r.events.len()).sum();
    assert_eq!(events, utterances, "one message per utterance");
    let without_text = records
        .iter()
        .flat_map(|r| &r.events)
        .filter(|e| e.text.is_none())
        .count();
    assert_eq!(without_text, empty_utterances, "empty utterances are kept");
}

#[test]
fn every_test_dialogue_becomes_a_readable_record() {
    round_trip("test_data_cn.json", 390, 1902, 23);
}

#[test]
fn every_training_dialogue_becomes_a_readable_record() {
    round_trip("train_data_cn.json", 3700, 16694, 201);
}

#[test]
fn a_dialogue_becomes_one_message_per_utterance_with_its_turn() {
    let (summary, output) = import_ok(&[fixture("stc3_test_cn_0-3.json")]);
    assert_eq!(summary.records, 4);
    let records = lines(&output);
    assert_eq!(
        records[0],
        json!({
            "id": "stc3-4227729258237823",
            "channel": "chat",
            "attrs": {"source": "ntcir14-stc3"},
            "events": [
                {"actor": "customer", "kind": "message", "attrs": {"turn": 0},
                 "text": "#内涵段子# 联通你有些皮了！不过为你点赞 @中国联通 @中国联通客服 掌上营业厅（内涵段子的话题 也被封了_） 郑州·河南... \u{200b}"},
                {"actor": "agent", "kind": "message", "attrs": {"turn": 1}},
                {"actor": "agent", "kind": "message", "attrs": {"turn": 1}, "text": "小u来了"},
                {"actor": "customer", "kind": "message", "attrs": {"turn": 2}, "text": "那夸夸你"},
                {"actor": "agent", "kind": "message", "attrs": {"turn": 3}}
            ]
        })
    );
    let events: Vec<usize> = records
        .iter()
        .map(|r| r["events"].as_array().map_or(0, Vec::len))
        .collect();
    assert_eq!(events, [5, 7, 5, 7]);
    // The last dialogue's customer ends with two utterances in one turn: two messages, turn 4.
    let last = &records[3]["events"];
    assert_eq!(last[5]["attrs"]["turn"], 4);
    assert_eq!(last[6]["attrs"]["turn"], 4);
    assert_eq!(last[6]["text"], "有显示过什么更新失败,重启手机什么的");
    // Test files carry no annotations: no attrs.stc3.
    assert!(records.iter().all(|r| r["attrs"].get("stc3").is_none()));

    let read = read_back("fixture-test.jsonl", &output);
    let first = &read[0];
    let actors: Vec<Actor> = first.events.iter().map(|e| e.actor).collect();
    use Actor::{Agent, Customer};
    assert_eq!(actors, [Customer, Agent, Agent, Customer, Agent]);
    assert_eq!(first.events[1].text, None);
    assert_eq!(first.field(&["channel"]), Some(json!("chat")));
}

#[test]
fn annotator_scores_are_kept_with_their_means() {
    let (_, output) = import_ok(&[fixture("stc3_train_cn_4-7.json")]);
    let records = lines(&output);
    assert_eq!(records.len(), 4);
    let stc3 = &records[0]["attrs"]["stc3"];
    assert_eq!(records[0]["id"], "stc3-3609054825454105");
    assert_eq!(
        stc3["A"],
        json!([2, 0, 2, 0, 1, 0, 0, 0, 2, 0, 0, 0, -2, -1, 0, 0, 0, 0, 1])
    );
    assert_eq!(
        stc3["S"],
        json!([2, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, -2, 0, 0, 0, 0, 0, 0])
    );
    assert_eq!(
        stc3["E"],
        json!([2, 0, 1, 0, 1, 0, 0, 0, 2, 0, 0, 0, -2, 0, 1, 0, 0, 0, 1])
    );
    // A sums to 5, S to 3, E to 6 over 19 annotators: 0.26315…, 0.15789…, 0.31578… to 4 places.
    let first_line = output.lines().next().unwrap_or_default();
    assert!(
        first_line.contains(r#""mean":{"A":0.2632,"E":0.3158,"S":0.1579}"#),
        "{first_line}"
    );
    let nuggets = stc3["nuggets"].as_array().expect("nuggets is a list");
    assert_eq!(nuggets.len(), 19);
    assert_eq!(nuggets[0], json!(["CNUG", "HNUG*"]));
    assert_eq!(nuggets[18], json!(["CNUG0", "HNUG"]));

    let events: Vec<usize> = records
        .iter()
        .map(|r| r["events"].as_array().map_or(0, Vec::len))
        .collect();
    assert_eq!(events, [3, 4, 4, 3]);
    // The fourth dialogue's customer turn ends with an uncrawled image: a message without text.
    assert_eq!(
        records[3]["events"][1],
        json!({"actor": "customer", "kind": "message", "attrs": {"turn": 0}})
    );
    assert_eq!(read_back("fixture-train.jsonl", &output).len(), 4);
}

#[test]
fn output_is_byte_for_byte_repeatable_with_a_fixed_key_order() {
    let input = [fixture("stc3_test_cn_0-3.json")];
    let (_, first) = import_ok(&input);
    let (_, second) = import_ok(&input);
    assert_eq!(first, second);
    assert!(first.starts_with(
        r##"{"id":"stc3-4227729258237823","attrs":{"source":"ntcir14-stc3"},"channel":"chat","events":[{"actor":"customer","attrs":{"turn":0},"kind":"message","text":"#内涵段子#"##
    ));
}

fn import_error(name: &str, text: &str) -> (ImportError, String, PathBuf) {
    let path = scratch(name, text.as_bytes());
    let (result, output) = run(std::slice::from_ref(&path));
    let error = result.expect_err("the import fails");
    assert_eq!(error.file, Some(path.display().to_string()));
    (error, output, path)
}

#[test]
fn a_truncated_file_stops_at_its_last_line_after_the_complete_dialogues() {
    let full = std::fs::read_to_string(fixture("stc3_test_cn_0-3.json")).expect("fixture");
    let first_40_lines: Vec<&str> = full.lines().take(40).collect();
    let (error, output, _) = import_error("truncated.json", &first_40_lines.join("\n"));
    assert_eq!(error.line, Some(40));
    assert!(error.message.contains("truncated"), "{}", error.message);
    // The first dialogue (lines 2–31) was complete and already written.
    assert_eq!(output.lines().count(), 1);
}

#[test]
fn a_file_that_is_not_an_array_is_refused() {
    let (error, output, _) = import_error(
        "object.json",
        "{\"id\": \"1\", \"turns\": [{\"sender\": \"customer\", \"utterances\": [\"hi\"]}]}\n",
    );
    assert_eq!(error.line, Some(1));
    assert!(error.message.contains("JSON array"), "{}", error.message);
    assert_eq!(output, "");
}

#[test]
fn a_dialogue_without_turns_is_refused_with_its_line() {
    let text = "[\n  {\"id\": \"1\", \"turns\": [{\"sender\": \"customer\", \"utterances\": [\"hi\"]}]},\n  {\"id\": \"2\"}\n]\n";
    let (error, output, _) = import_error("no-turns.json", text);
    assert_eq!(error.line, Some(3));
    assert!(error.message.contains("`turns`"), "{}", error.message);
    assert_eq!(output.lines().count(), 1);

    let text = "[\n  {\"id\": \"1\",\n   \"turns\": []}\n]\n";
    let (error, _, _) = import_error("empty-turns.json", text);
    assert_eq!(error.line, Some(2));
    assert!(error.message.contains("no turns"), "{}", error.message);
}

#[test]
fn an_unknown_sender_or_a_score_off_the_scale_is_refused() {
    let text = "[{\"id\": \"1\", \"turns\": [\n {\"sender\": \"bot\", \"utterances\": [\"hi\"]}]}]";
    let (error, _, _) = import_error("sender.json", text);
    assert_eq!(error.line, Some(2));
    assert!(error.message.contains("helpdesk"), "{}", error.message);

    let text = "[{\"id\": \"1\", \"turns\": [{\"sender\": \"customer\", \"utterances\": [\"hi\"]}],\n \"annotations\": [{\"quality\": {\"A\": 3, \"S\": 0, \"E\": 0}, \"nugget\": [\"CNUG0\"]}]}]";
    let (error, _, _) = import_error("score.json", text);
    assert_eq!(error.line, Some(1));
    assert!(
        error.message.contains("quality A is 3"),
        "{}",
        error.message
    );
}

#[test]
fn a_dialogue_id_seen_twice_is_refused() {
    let input = fixture("stc3_test_cn_0-3.json");
    let (result, output) = run(&[input.clone(), input.clone()]);
    let error = result.expect_err("the second copy repeats every id");
    assert_eq!(error.file, Some(input.display().to_string()));
    assert_eq!(error.line, Some(2));
    assert!(
        error.message.contains("4227729258237823"),
        "{}",
        error.message
    );
    assert_eq!(output.lines().count(), 4);
}

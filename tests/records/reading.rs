//! Input formats and bytes: JSON Lines with BOM/CRLF, JSON arrays, YAML documents, invalid UTF-8,
//! huge lines and absurd nesting.

use super::{entry, fixture, outline, read, records, scratch, time};

const GOOD: &str = r#"{"id": "L-1", "events": [{"at": "2026-11-05T09:00:00", "actor": "customer", "kind": "message"}]}"#;

#[test]
fn a_bom_and_crlf_line_ends_are_tolerated() {
    let bytes = format!("\u{FEFF}{GOOD}\r\n\r\n{}\r\n", GOOD.replace("L-1", "L-2"));
    let items = read(&scratch("bom-crlf.jsonl", bytes.as_bytes()));
    assert_eq!(
        outline(&items),
        vec![entry("ok", Some("L-1"), 1), entry("ok", Some("L-2"), 3)]
    );
}

#[test]
fn leading_blank_lines_count_in_line_numbers() {
    let bytes = format!("\n   \n{GOOD}\n");
    let items = read(&scratch("leading-blank.jsonl", bytes.as_bytes()));
    assert_eq!(outline(&items), vec![entry("ok", Some("L-1"), 3)]);
}

#[test]
fn invalid_utf8_rejects_its_line_only() {
    let mut bytes = Vec::new();
    bytes.extend_from_slice(GOOD.as_bytes());
    bytes.extend_from_slice(b"\n{\"id\": \"U-1\", \"events\": [{\"actor\": \"customer\", \"kind\": \"message\", \"text\": \"\xC4\x80\xFF\"}]}\n");
    bytes.extend_from_slice(GOOD.replace("L-1", "L-3").as_bytes());
    let items = read(&scratch("bad-utf8.jsonl", &bytes));
    assert_eq!(
        outline(&items),
        vec![
            entry("ok", Some("L-1"), 1),
            entry("E0701", None, 2),
            entry("ok", Some("L-3"), 3)
        ]
    );
    let error = items[1].as_ref().expect_err("line 2 is not UTF-8");
    assert!(error.message.contains("0xFF"), "{}", error.message);
}

#[test]
fn a_json_array_streams_its_elements_with_their_lines() {
    let items = read(&fixture("array.json"));
    assert_eq!(
        outline(&items),
        vec![
            entry("ok", Some("A-1"), 2),
            entry("ok", Some("A-2"), 3),
            entry("E0703", None, 9),
            entry("E0704", Some("A-3"), 10),
        ]
    );
    let valid = records(items.into_iter().take(2).collect());
    assert_eq!(
        valid[1].0.events[0].text.as_deref(),
        Some("a ] and a } and a \" inside")
    );
    assert_eq!(valid[0].0.opened, Some(time("2026-11-05T09:00:00+08:00")));
}

#[test]
fn a_broken_json_array_reports_where() {
    let text = format!("[\n{GOOD}\n{}\n", GOOD.replace("L-1", "L-2"));
    let items = read(&scratch("broken-array.json", text.as_bytes()));
    assert_eq!(
        outline(&items),
        vec![
            entry("ok", Some("L-1"), 2),
            entry("E0702", None, 3),
            entry("ok", Some("L-2"), 3),
            entry("E0702", None, 4),
        ]
    );
}

#[test]
fn a_json_file_may_hold_pretty_printed_objects() {
    let pretty = "{\n  \"id\": \"P-1\",\n  \"events\": [\n    {\"actor\": \"customer\", \"kind\": \"message\"}\n  ]\n}\n\n{\"id\": \"P-2\", \"events\": [{\"actor\": \"agent\", \"kind\": \"message\"}]}\n";
    let items = read(&scratch("pretty.json", pretty.as_bytes()));
    assert_eq!(
        outline(&items),
        vec![entry("ok", Some("P-1"), 1), entry("ok", Some("P-2"), 8)]
    );
}

#[test]
fn yaml_documents_are_records() {
    let items = read(&fixture("documents.yaml"));
    assert_eq!(
        outline(&items),
        vec![
            entry("ok", Some("Y-1"), 3),
            entry("E0704", Some("Y-2"), 11),
            entry("ok", Some("Y-3"), 14),
            entry("E0702", None, 19),
        ]
    );
    let valid = records(items.into_iter().filter(Result::is_ok).collect());
    assert_eq!(valid[0].0.events[0].text.as_deref(), Some("宽带又断了"));
    assert_eq!(valid[0].0.opened, Some(time("2026-11-05T09:00:00+08:00")));
    // Berlin is on CET (+01:00) in November.
    assert_eq!(valid[1].0.opened, Some(time("2026-11-05T09:00:00+01:00")));
}

#[test]
fn the_format_is_sniffed_without_an_extension() {
    let yaml = "---\nid: S-1\nevents:\n  - {actor: customer, kind: message}\n";
    let items = read(&scratch("sniffed-yaml", yaml.as_bytes()));
    assert_eq!(outline(&items), vec![entry("ok", Some("S-1"), 2)]);
    let array = format!("[{GOOD}]");
    let items = read(&scratch("sniffed-array", array.as_bytes()));
    assert_eq!(outline(&items), vec![entry("ok", Some("L-1"), 1)]);
}

#[test]
fn a_megabyte_of_text_is_fine() {
    let text = "长".repeat(350_000) + &"x".repeat(100_000);
    let line = format!(
        r#"{{"id": "BIG", "events": [{{"actor": "customer", "kind": "message", "text": "{text}"}}]}}"#
    );
    assert!(line.len() > 1_000_000);
    for name in ["big.jsonl", "big-array.json"] {
        let content = if name.ends_with(".json") {
            format!("[{line}]")
        } else {
            line.clone()
        };
        let valid = records(read(&scratch(name, content.as_bytes())));
        assert_eq!(valid[0].0.events[0].text.as_deref(), Some(text.as_str()));
    }
}

#[test]
fn absurd_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let line = format!(r#"{{"id": "DEEP", "attrs": {deep}, "events": []}}"#);
    let content = format!("{line}\n{GOOD}\n");
    let items = read(&scratch("deep.jsonl", content.as_bytes()));
    assert_eq!(
        outline(&items),
        vec![entry("E0702", None, 1), entry("ok", Some("L-1"), 2)]
    );
    let array = format!("[{line},\n{GOOD}]");
    let items = read(&scratch("deep-array.json", array.as_bytes()));
    assert_eq!(
        outline(&items),
        vec![entry("E0702", None, 1), entry("ok", Some("L-1"), 2)]
    );
    let yaml = format!(
        "---\nid: DEEP\nattrs: {deep}\n---\n{}\n",
        "id: Y\nevents: [{actor: agent, kind: note}]"
    );
    let items = read(&scratch("deep.yaml", yaml.as_bytes()));
    assert_eq!(
        outline(&items),
        vec![entry("E0702", None, 2), entry("ok", Some("Y"), 5)]
    );
}

#[test]
fn a_missing_file_is_an_io_error() {
    let missing = fixture("no-such-file.jsonl");
    let opened = norma::records::RecordReader::open(
        &norma::records::Input::Path(missing),
        super::options(&[]),
    );
    assert!(opened.is_err());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any bytes, in any format, give records or errors: never a panic, never a lost record.
    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::prelude::any::<u8>(),
                proptest::sample::select(b"{}[],:\"\\\n\r- #".to_vec()),
            ],
            0..400,
        ),
    ) {
        for name in ["fuzz.jsonl", "fuzz.json", "fuzz.yaml"] {
            let items = read(&scratch(name, &bytes));
            for item in &items {
                if let Err(error) = item {
                    proptest::prop_assert!(error.code.starts_with("E07"));
                }
            }
        }
    }
}

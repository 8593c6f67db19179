//! The `norma` binary: subcommands, flags, exit codes (0 success, 1 findings at or above
//! `--fail-on`, 2 usage errors, policy errors, unreadable inputs) and output streams.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn norma(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_norma"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("run norma")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fresh directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("norma-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write test file");
    path.to_string_lossy().into_owned()
}

#[test]
fn help_and_version_succeed_on_stdout() {
    let help = norma(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    for command in ["check", "lint", "explain", "import"] {
        assert!(
            stdout(&help).contains(command),
            "{command} missing from help"
        );
    }
    let version = norma(&["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert!(stdout(&version).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["check"],
        &["lint", "records.jsonl"],
        &[
            "lint",
            "--policy",
            "p.norma",
            "--fail-on",
            "fatal",
            "r.jsonl",
        ],
        &["lint", "--policy", "p.norma", "--format", "xml", "r.jsonl"],
    ] {
        let output = norma(args);
        assert_eq!(output.status.code(), Some(2), "norma {args:?}");
        assert!(output.stdout.is_empty(), "norma {args:?} wrote to stdout");
    }
}

#[test]
fn now_must_be_an_rfc3339_time() {
    let output = norma(&[
        "lint", "--policy", "p.norma", "--now", "tomorrow", "r.jsonl",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("RFC 3339"));
}

#[test]
fn explain_prints_every_code_of_the_table() {
    for doc in norma::diag::codes::all() {
        let output = norma(&["explain", &doc.code.to_ascii_lowercase()]);
        assert_eq!(output.status.code(), Some(0), "explain {}", doc.code);
        let text = stdout(&output);
        assert!(text.starts_with(&format!("{}: {}\n\n", doc.code, doc.title)));
        assert!(text.contains(doc.explanation.trim()));
    }
}

#[test]
fn explain_of_an_unknown_code_exits_2_with_help() {
    let output = norma(&["explain", "E9999"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("error: unknown code `E9999`"));
    assert!(stderr(&output).contains("help: "));
}

#[test]
fn import_of_an_unknown_format_exits_2_listing_formats() {
    let output = norma(&["import", "zendesk-xml", "tickets.xml"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("unknown import format `zendesk-xml`"));
    assert!(err.contains("formats: "));
    for format in norma::import::formats() {
        assert!(err.contains(format.name));
    }
}

const POLICY: &str = r#"standard "测试标准" { version "1"  timezone "Asia/Shanghai" }
phrases 服务忌语 { "不归我管" }
deadline 在线响应 "60秒響應" {
  when channel == "chat"
  start each turn by customer  stop next message by agent  within 60s
}
forbid 禁用忌语 = 服务忌语 in each message by agent
"#;

/// Record 1: the agent replies after 95 s (breached, event 0) saying 不歸我管 (violated, event
/// 1). Line 2 is no JSON (rejected). Record 3 is answered in 20 s with nothing forbidden.
const RECORDS: &str = r#"{"id": "C-1", "channel": "chat", "events": [{"at": "2026-11-05T10:00:00+08:00", "actor": "customer", "kind": "message", "text": "在吗"}, {"at": "2026-11-05T10:01:35+08:00", "actor": "agent", "agent": "A-1", "team": "售后组", "kind": "message", "text": "这个不歸我管"}]}
this is not json
{"id": "C-3", "channel": "chat", "events": [{"at": "2026-11-05T11:00:00+08:00", "actor": "customer", "kind": "message", "text": "你好"}, {"at": "2026-11-05T11:00:20+08:00", "actor": "agent", "agent": "A-2", "kind": "message", "text": "您好"}]}
"#;

#[test]
fn check_of_a_clean_policy_prints_an_ok_line() {
    let dir = scratch("check-ok");
    let policy = write(&dir, "chat.norma", POLICY);
    let output = norma(&["check", &policy]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("ok: policy \"测试标准\" (2 rules, 1 file)"));
}

#[test]
fn check_of_a_broken_policy_exits_2_with_diagnostics() {
    let dir = scratch("check-broken");
    let broken = POLICY.replace("= 服务忌语 in", "= 服务忌 in");
    let policy = write(&dir, "chat.norma", &broken);
    let human = norma(&["check", &policy]);
    assert_eq!(human.status.code(), Some(2));
    assert!(stderr(&human).contains("error[E"), "{}", stderr(&human));
    assert!(stderr(&human).contains("help: "));

    let json = norma(&["check", "--format", "json", &policy]);
    assert_eq!(json.status.code(), Some(2));
    let first: Value = serde_json::from_str(stdout(&json).lines().next().unwrap_or("{}"))
        .expect("a JSON diagnostic");
    assert_eq!(first["type"], "diagnostic");
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema/output.schema.json"),
        )
        .expect("schema"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    for line in stdout(&json).lines() {
        let value: Value = serde_json::from_str(line).expect("JSON line");
        assert!(
            validator.is_valid(&value),
            "invalid diagnostic line: {value}"
        );
    }
    assert_eq!(first["severity"], "error");
    assert_eq!(first["line"], 7);
}

#[test]
fn lint_reports_findings_rejects_bad_lines_and_exits_1() {
    let dir = scratch("lint");
    let policy = write(&dir, "chat.norma", POLICY);
    let records = write(&dir, "chat.jsonl", RECORDS);
    let output = norma(&["lint", "--policy", &policy, "--format", "json", &records]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema/output.schema.json"),
        )
        .expect("schema"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    for line in &lines {
        assert!(validator.is_valid(line), "invalid output line: {line}");
    }
    let findings: Vec<(&str, &str, u64)> = lines
        .iter()
        .filter(|l| l["type"] == "finding")
        .map(|l| {
            (
                l["record"].as_str().unwrap_or("-"),
                l["kind"].as_str().unwrap_or(""),
                l["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        findings,
        [
            ("C-1", "deadline", 1),
            ("C-1", "forbid", 1),
            ("-", "record-invalid", 2)
        ]
    );
    let summary = lines.last().expect("a summary line");
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["records"]["read"], 3);
    assert_eq!(summary["records"]["evaluated"], 2);
    assert_eq!(summary["records"]["rejected"], 1);

    let again = norma(&["lint", "--policy", &policy, "--format", "json", &records]);
    assert_eq!(output.stdout, again.stdout, "output differs between runs");
}

#[test]
fn lint_flags_select_rules_and_fail_levels() {
    let dir = scratch("lint-flags");
    let policy = write(&dir, "chat.norma", POLICY);
    let clean = write(&dir, "clean.jsonl", RECORDS.lines().last().unwrap_or(""));
    let ok = norma(&["lint", "--policy", &policy, &clean]);
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
    assert!(stdout(&ok).contains("records: 1 read, 1 evaluated, 0 rejected"));

    let typo = norma(&["lint", "--policy", &policy, "--select", "在线響应", &clean]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(stderr(&typo).contains("did you mean `在线响应`?"));

    let missing = dir.join("missing.jsonl");
    let unreadable = norma(&["lint", "--policy", &policy, &missing.to_string_lossy()]);
    assert_eq!(unreadable.status.code(), Some(2));
    assert!(stderr(&unreadable).contains("cannot read"));

    let unknown_id = norma(&[
        "lint",
        "--policy",
        &policy,
        "--explain-record",
        "NOPE",
        &clean,
    ]);
    assert_eq!(unknown_id.status.code(), Some(2));
    assert!(stderr(&unknown_id).contains("no record with id `NOPE`"));
}

/// The shipped examples through the real binary: every JSON line validates against the output
/// schema, every record is accounted for, and the findings and outcome counts are the ones the
/// hand-written expectations (examples/outcomes.test.yaml) imply.
#[test]
fn lint_of_the_examples_matches_their_expectations_line_by_line() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let policies = root.join("policies");
    let examples = root.join("examples");
    let output = norma(&[
        "lint",
        "--policy",
        policies.to_str().unwrap(),
        "--format",
        "json",
        "--all-outcomes",
        examples.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("docs/schema/output.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    for line in &lines {
        assert!(validator.is_valid(line), "invalid output line: {line}");
    }
    let expected: Vec<serde_yaml::Value> = serde_yaml::from_str(
        &std::fs::read_to_string(examples.join("outcomes.test.yaml")).unwrap(),
    )
    .unwrap();
    // A finding without an event (an `assert`) is listed by its outcome alone.
    let is_finding = |e: &serde_yaml::Value| {
        ["breached", "violated", "at-risk"].contains(&e["outcome"].as_str().unwrap_or(""))
    };
    let expected_findings: usize = expected
        .iter()
        .map(|e| match e["findings"].as_sequence() {
            Some(f) if !f.is_empty() => f.len(),
            _ => usize::from(is_finding(e)),
        })
        .sum();
    let findings = lines.iter().filter(|l| l["type"] == "finding").count();
    assert_eq!(findings, expected_findings);
    let summary = lines
        .iter()
        .find(|l| l["type"] == "summary")
        .expect("a summary line");
    // Every non-blank line of the example files is one record.
    let records: usize = std::fs::read_dir(&examples)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .map(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .count()
        })
        .sum();
    assert_eq!(summary["records"]["read"], records);
    assert_eq!(summary["records"]["evaluated"], records);
    assert_eq!(summary["records"]["rejected"], 0);
    // Every outcome but not-applicable is listed; unlisted pairs are not-applicable.
    let mut finding_pairs = 0;
    for rule in summary["rules"].as_array().unwrap() {
        let name = rule["rule"].as_str().unwrap();
        let mut listed = 0;
        for (outcome, count) in rule["outcomes"].as_object().unwrap() {
            let want = expected
                .iter()
                .filter(|e| {
                    e["rule"].as_str() == Some(name) && e["outcome"].as_str() == Some(outcome)
                })
                .count() as u64;
            let count = count.as_u64().unwrap_or(0);
            if outcome == "not-applicable" {
                assert!(
                    count >= want,
                    "{name}: {count} not-applicable, {want} listed"
                );
            } else {
                assert_eq!(count, want, "{name} {outcome}");
            }
            listed += count;
            if ["breached", "violated", "at-risk"].contains(&outcome.as_str()) {
                finding_pairs += count;
            }
        }
        assert_eq!(
            listed, records as u64,
            "{name}: every record has an outcome"
        );
    }
    // Every (record, rule) pair without a finding has an outcome line.
    let outcome_lines = lines.iter().filter(|l| l["type"] == "outcome").count() as u64;
    let pairs = (records * summary["rules"].as_array().unwrap().len()) as u64;
    assert_eq!(outcome_lines, pairs - finding_pairs);
}

/// A local time that happens twice (New York, 2026-11-01 01:30, clocks go back) is read with the
/// earlier offset and flagged W0702; the record is still evaluated, and `--fail-on warning` fails.
#[test]
fn an_ambiguous_local_time_is_a_warning_finding() {
    let dir = scratch("ambiguous");
    let policy = write(&dir, "chat.norma", POLICY);
    let records = write(
        &dir,
        "ny.jsonl",
        r#"{"id": "NY-1", "channel": "chat", "timezone": "America/New_York", "events": [{"at": "2026-11-01T01:30:00", "actor": "customer", "kind": "message", "text": "hello"}, {"at": "2026-11-01T01:30:20", "actor": "agent", "agent": "A", "kind": "message", "text": "hi"}]}
"#,
    );
    let json = norma(&["lint", "--policy", &policy, "--format", "json", &records]);
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    let codes: Vec<String> = stdout(&json)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|l| l["type"] == "finding")
        .map(|l| l["code"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(codes, ["W0702", "W0702"]);
    let strict = norma(&[
        "lint",
        "--policy",
        &policy,
        "--fail-on",
        "warning",
        &records,
    ]);
    assert_eq!(strict.status.code(), Some(1));
}

/// `norma calendar` answers an author's "when is this due?" with the evaluator's arithmetic: the
/// worked examples of the language reference, derived by hand there.
#[test]
fn calendar_answers_when_a_limit_is_due() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let policies = root.join("policies");
    let policies = policies.to_str().unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("docs/schema/calendar.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let ask = |args: &[&str]| -> Value {
        let mut all = vec!["calendar", policies, "营业时间"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--format", "json"]);
        let output = norma(&all);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let line: Value = serde_json::from_str(stdout(&output).trim()).expect("one JSON line");
        assert!(validator.is_valid(&line), "invalid calendar line: {line}");
        line
    };
    // Fri 10-30 16:50 + 2h of office time: 10 min on Friday, 1h50 from Monday 08:30.
    let due = ask(&["due", "2026-10-30T16:50", "2h"]);
    assert_eq!(due["due"], "2026-11-02T10:20:00+08:00");
    // Wed 09-30 16:30 + 4 workdays: 10-08, 10-09, the make-up Sunday 10-11, 10-12.
    let due = ask(&["due", "2026-09-30T16:30", "4", "workdays"]);
    assert_eq!(due["due"], "2026-10-12T17:00:00+08:00");
    // 30 min on 09-30, nothing in the holiday, 10 min on 10-08.
    let elapsed = ask(&["elapsed", "2026-09-30T16:30", "2026-10-08T08:40"]);
    assert_eq!(elapsed["business_s"], 2400);
    let open = ask(&["open", "2026-10-03T10:00:00+08:00"]);
    assert_eq!(open["open"], false);
    assert_eq!(open["next_open"], "2026-10-08T08:30:00+08:00");
    let show = ask(&["show", "2026-10-09T00:00", "2026-10-12T00:00"]);
    let periods: Vec<&str> = show["periods"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["open"].as_str())
        .collect();
    assert_eq!(
        periods,
        ["2026-10-09T08:30:00+08:00", "2026-10-11T08:30:00+08:00"]
    );

    let unknown = norma(&[
        "calendar",
        policies,
        "营业时",
        "due",
        "2026-10-30T16:50",
        "2h",
    ]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("did you mean `营业时间`?"),
        "{}",
        stderr(&unknown)
    );
}

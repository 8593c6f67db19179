//! Reports built from hand-made records and outcomes: the human format, the JSON Lines format
//! (every line validated against docs/schema/output.schema.json), findings, summary and explain.

use chrono::DateTime;
use serde_json::{Map, Value, json};

use norma::compile::{RuleInfo, RuleKind, StandardInfo};
use norma::diag::Severity;
use norma::eval::outcome::{ClockEvidence, Elapsed, InvalidField, LimitEvidence, PhraseEvidence};
use norma::eval::{Evidence, Instance, RecordOutcomes, RuleOutcome, Status};
use norma::records::{Actor, Event, Location, Record, RecordError};
use norma::report::fingerprint::fingerprint;
use norma::report::{
    AnalysisOptions, Format, ReportItem, ReportOptions, Reporter, RuleSelection, RunInfo, analyse,
    reject,
};

fn rule(name: &str, kind: RuleKind, description: Option<&str>, severity: Severity) -> RuleInfo {
    RuleInfo {
        name: name.to_string(),
        kind,
        description: description.map(str::to_string),
        severity,
        defined_at: "chat.norma:1".to_string(),
    }
}

fn rules() -> Vec<RuleInfo> {
    vec![
        rule(
            "在线响应",
            RuleKind::Deadline,
            Some("60秒響應"),
            Severity::Error,
        ),
        rule("禁用忌语", RuleKind::Forbid, None, Severity::Error),
        rule("聊天问候", RuleKind::Require, None, Severity::Warning),
    ]
}

fn standard() -> StandardInfo {
    StandardInfo {
        name: "在线客服服务标准".to_string(),
        version: Some("2026.11".to_string()),
        timezone: chrono_tz::Asia::Shanghai,
        hash: "0123456789abcdef".to_string(),
    }
}

fn event(index: usize, at: &str, actor: Actor, agent: Option<&str>, text: &str) -> Event {
    Event {
        index,
        at: Some(DateTime::parse_from_rfc3339(at).expect("test time")),
        actor,
        kind: "message".to_string(),
        agent: agent.map(str::to_string),
        team: agent.map(|_| "售后组".to_string()),
        text: Some(text.to_string()),
        from: None,
        to: None,
        score: None,
        due: None,
        end: None,
        attrs: Map::new(),
        raw: Map::new(),
    }
}

/// A chat in which the agent answers the second turn after 95 s and says 不歸我管.
fn chat() -> Record {
    let fields = json!({"id": "CHAT-002", "channel": "chat", "case": "C-7"});
    Record {
        id: "CHAT-002".to_string(),
        fields: fields.as_object().cloned().unwrap_or_default(),
        opened: None,
        events: vec![
            event(
                0,
                "2026-11-05T09:38:00+08:00",
                Actor::Customer,
                None,
                "你好",
            ),
            event(
                1,
                "2026-11-05T09:38:20+08:00",
                Actor::Agent,
                Some("A-023"),
                "您好",
            ),
            event(
                2,
                "2026-11-05T09:39:00+08:00",
                Actor::Customer,
                None,
                "快递丢了",
            ),
            event(
                3,
                "2026-11-05T09:39:35+08:00",
                Actor::Customer,
                None,
                "在吗？",
            ),
            event(
                4,
                "2026-11-05T09:41:10+08:00",
                Actor::Agent,
                Some("A-023"),
                "这个不歸我管，找别人",
            ),
        ],
        has_times: true,
        closed_at: None,
    }
}

fn location() -> Location {
    Location {
        file: "examples/chat.jsonl".to_string(),
        line: 3,
    }
}

fn late_reply() -> Instance {
    Instance {
        status: Status::Breached,
        event: Some(2),
        actor_event: Some(4),
        message: "reply after 130s, limit 60s".to_string(),
        evidence: Evidence::Clock(ClockEvidence {
            start: "2026-11-05T09:39:00+08:00".to_string(),
            start_event: Some(2),
            due: "2026-11-05T09:40:00+08:00".to_string(),
            stop: Some("2026-11-05T09:41:10+08:00".to_string()),
            stop_event: Some(4),
            elapsed: Elapsed {
                wall_s: 130,
                business_s: 130,
                human: "2min 10s".to_string(),
            },
            limit: LimitEvidence {
                kind: "within",
                seconds: Some(60),
                human: "60s".to_string(),
                arm: None,
            },
            calendar: "24x7".to_string(),
        }),
    }
}

fn quick_reply() -> Instance {
    Instance {
        status: Status::Met,
        event: Some(0),
        actor_event: Some(1),
        message: "reply after 20s, limit 60s".to_string(),
        evidence: Evidence::None,
    }
}

fn forbidden_phrase() -> Instance {
    Instance {
        status: Status::Violated,
        event: Some(4),
        actor_event: None,
        message: "forbidden phrase “不歸我管”".to_string(),
        evidence: Evidence::Phrase(PhraseEvidence {
            set: "服务忌语".to_string(),
            phrase: "不归我管".to_string(),
            matched: "不歸我管".to_string(),
            start: 2,
            end: 6,
        }),
    }
}

fn outcomes() -> RecordOutcomes {
    RecordOutcomes {
        evaluated_at: Some(DateTime::parse_from_rfc3339("2026-11-05T09:41:10+08:00").expect("t")),
        rules: vec![
            RuleOutcome {
                rule: 0,
                status: Status::Breached,
                reason: None,
                instances: vec![quick_reply(), late_reply()],
            },
            RuleOutcome {
                rule: 1,
                status: Status::Violated,
                reason: None,
                instances: vec![forbidden_phrase()],
            },
            RuleOutcome {
                rule: 2,
                status: Status::NotApplicable,
                reason: Some("no message by agent".to_string()),
                instances: Vec::new(),
            },
        ],
        invalid_fields: vec![InvalidField {
            path: "customer.tier".to_string(),
            event: None,
            message: "value \"gold\" is not one of \"vip\", \"normal\"".to_string(),
        }],
    }
}

fn rejected_line() -> RecordError {
    RecordError {
        code: "E0701",
        message: "line is not JSON: expected value at column 1".to_string(),
        record_id: None,
        location: Location {
            file: "examples/chat.jsonl".to_string(),
            line: 4,
        },
    }
}

/// Writes a full report of the chat record and one rejected line.
fn report(format: Format, analysis: AnalysisOptions) -> (String, norma::report::Tally) {
    let rules = rules();
    let options = ReportOptions {
        format,
        colour: false,
        analysis,
    };
    let items = vec![
        ReportItem::Evaluated(analyse(
            &chat(),
            &location(),
            &rules,
            &outcomes(),
            &options.analysis,
        )),
        ReportItem::Rejected(Box::new(reject(&rejected_line(), &options.analysis))),
    ];
    let mut out = Vec::new();
    let mut reporter = Reporter::new(&mut out, &rules, &options);
    let run = RunInfo::new(&standard(), None, vec!["examples/chat.jsonl".to_string()]);
    reporter.start(&run).expect("start");
    for item in &items {
        reporter.write(item).expect("write");
    }
    let (tally, _) = reporter.finish().expect("finish");
    (String::from_utf8(out).expect("utf-8"), tally)
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).expect("every line is JSON"))
        .collect()
}

fn assert_valid(lines: &[Value]) {
    let schema_text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema/output.schema.json"),
    )
    .expect("schema");
    let schema: Value = serde_json::from_str(&schema_text).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    for line in lines {
        let errors: Vec<String> = validator.iter_errors(line).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{line}\n{errors:#?}");
    }
}

#[test]
fn human_output_reads_like_a_compiler() {
    let (text, _) = report(Format::Human, AnalysisOptions::default());
    let expected = "\
warning[W0701]: chat CHAT-002 (case C-7): value \"gold\" is not one of \"vip\", \"normal\"
  --> examples/chat.jsonl:3
  = field customer.tier

error[在线响应]: chat CHAT-002 (case C-7), event 2 at 09:39:00: reply after 130s, limit 60s
  --> examples/chat.jsonl:3
  = started 2026-11-05T09:39:00+08:00 (event 2), due 2026-11-05T09:40:00+08:00, stopped 2026-11-05T09:41:10+08:00 (event 4)
  = counted 2min 10s on 24x7; limit within 60s
  = standard: 60秒響應

error[禁用忌语]: chat CHAT-002 (case C-7), event 4 at 09:41:10: forbidden phrase “不歸我管”
  --> examples/chat.jsonl:3
  = matched “不歸我管” in “这个不歸我管，找别人” (服务忌语: 不归我管)

error[E0701]: record rejected: line is not JSON: expected value at column 1
  --> examples/chat.jsonl:4

records: 2 read, 1 evaluated, 1 rejected
findings: 3 errors, 1 warning, 0 info
rules:
  在线响应: 1 breached
  禁用忌语: 1 violated
  聊天问候: 1 not-applicable
";
    assert_eq!(text, expected);
}

#[test]
fn json_lines_have_every_field_and_match_the_schema() {
    let (text, _) = report(Format::Json, AnalysisOptions::default());
    let lines = json_lines(&text);
    assert_valid(&lines);
    let types: Vec<&str> = lines.iter().filter_map(|l| l["type"].as_str()).collect();
    assert_eq!(
        types,
        ["run", "finding", "finding", "finding", "finding", "summary"]
    );
    assert!(lines.iter().all(|l| l["schema_version"] == 1));

    let run = &lines[0];
    assert_eq!(run["policy"]["name"], "在线客服服务标准");
    assert_eq!(run["evaluation_time"], "record");
    assert_eq!(run["inputs"], json!(["examples/chat.jsonl"]));

    let late = &lines[2];
    assert_eq!(late["rule"], "在线响应");
    assert_eq!(late["kind"], "deadline");
    assert_eq!(late["outcome"], "breached");
    assert_eq!(late["event"], 2);
    assert_eq!(late["at"], "2026-11-05T09:39:00+08:00");
    // A clock's agent and team are whoever stopped it (event 4), not the customer who started it.
    assert_eq!(late["agent"], "A-023");
    assert_eq!(late["team"], "售后组");
    assert_eq!(late["case"], "C-7");
    assert_eq!(late["description"], "60秒響應");
    assert_eq!(late["evidence"]["type"], "clock");
    assert_eq!(late["evidence"]["limit"]["seconds"], 60);
    assert_eq!(
        late["fingerprint"],
        fingerprint(&["在线响应", "CHAT-002", "2", "clock"])
    );

    let phrase = &lines[3];
    assert_eq!(phrase["evidence"]["matched"], "不歸我管");
    assert_eq!(
        (
            phrase["evidence"]["start"].as_u64(),
            phrase["evidence"]["end"].as_u64()
        ),
        (Some(2), Some(6))
    );

    let rejected = &lines[4];
    assert_eq!(rejected["kind"], "record-invalid");
    assert_eq!(rejected["code"], "E0701");
    assert_eq!(rejected["severity"], "error");
    assert_eq!(rejected["line"], 4);
    assert!(rejected["record"].is_null());

    let summary = &lines[5];
    assert_eq!(
        summary["records"],
        json!({"read": 2, "evaluated": 1, "rejected": 1})
    );
    assert_eq!(
        summary["findings"],
        json!({"error": 3, "warning": 1, "info": 0})
    );
    assert_eq!(summary["rules"][2]["rule"], "聊天问候");
    assert_eq!(summary["rules"][2]["outcomes"]["not-applicable"], 1);
    assert_eq!(summary["rules"][0]["outcomes"]["breached"], 1);
    assert_eq!(summary["rules"][0]["outcomes"]["met"], 0);
}

#[test]
fn fingerprints_follow_the_documented_formula() {
    // FNV-1a 64 over "在线响应␟CHAT-002␟2␟clock␟", computed independently of norma's code.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in "在线响应\u{1f}CHAT-002\u{1f}2\u{1f}clock\u{1f}".bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    let (text, _) = report(Format::Json, AnalysisOptions::default());
    let lines = json_lines(&text);
    assert_eq!(lines[2]["fingerprint"], format!("{hash:016x}"));
    // A rejected line's fingerprint is of its code, file and line.
    assert_eq!(
        lines[4]["fingerprint"],
        fingerprint(&["E0701", "examples/chat.jsonl", "4"])
    );
}

#[test]
fn output_is_byte_identical_across_runs() {
    let first = report(Format::Json, AnalysisOptions::default()).0;
    let second = report(Format::Json, AnalysisOptions::default()).0;
    assert_eq!(first, second);
}

#[test]
fn at_risk_findings_are_at_most_warnings() {
    let rules = rules();
    let mut outcomes = outcomes();
    outcomes.rules[0].status = Status::AtRisk;
    outcomes.rules[0].instances[1].status = Status::AtRisk;
    let report = analyse(
        &chat(),
        &location(),
        &rules,
        &outcomes,
        &AnalysisOptions::default(),
    );
    let clock = report
        .findings
        .iter()
        .find(|f| f.rule.as_deref() == Some("在线响应"))
        .expect("an at-risk finding");
    assert_eq!(clock.severity, Severity::Warning);
    assert_eq!(clock.outcome, Some(Status::AtRisk));
}

#[test]
fn all_outcomes_adds_a_line_for_each_pair_without_findings() {
    let analysis = AnalysisOptions {
        all_outcomes: true,
        ..AnalysisOptions::default()
    };
    let (text, _) = report(Format::Json, analysis.clone());
    let lines = json_lines(&text);
    assert_valid(&lines);
    let outcomes: Vec<&Value> = lines.iter().filter(|l| l["type"] == "outcome").collect();
    // Only 聊天问候 has no finding on CHAT-002; the met instance of 在线响应 belongs to a
    // breached pair, which its finding already reports.
    assert_eq!(outcomes.len(), 1);
    assert_eq!(outcomes[0]["rule"], "聊天问候");
    assert_eq!(outcomes[0]["outcome"], "not-applicable");
    assert_eq!(outcomes[0]["reason"], "no message by agent");
    assert_eq!(outcomes[0]["instances"], 0);

    let (human, _) = report(Format::Human, analysis);
    assert!(human.contains(
        "not-applicable[聊天问候]: record CHAT-002: no message by agent\n  --> examples/chat.jsonl:3\n"
    ));
}

#[test]
fn selection_limits_findings_and_summary_to_the_chosen_rules() {
    let rules = rules();
    let selection =
        RuleSelection::resolve(&rules, &[], &["禁用忌语".to_string()]).expect("known rule");
    let analysis = AnalysisOptions {
        selection,
        ..AnalysisOptions::default()
    };
    let (text, tally) = report(Format::Json, analysis);
    let lines = json_lines(&text);
    assert_valid(&lines);
    assert!(lines.iter().all(|l| l["rule"] != "禁用忌语"));
    let summary = lines.last().expect("summary");
    let names: Vec<&str> = summary["rules"]
        .as_array()
        .map(|rules| rules.iter().filter_map(|r| r["rule"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(names, ["在线响应", "聊天问候"]);
    assert_eq!(tally.findings.error, 2);
}

#[test]
fn unknown_rule_names_suggest_the_closest_rule() {
    let rules = rules();
    let unknown =
        RuleSelection::resolve(&rules, &["在线響应".to_string()], &[]).expect_err("no such rule");
    assert_eq!(unknown.name, "在线響应");
    assert_eq!(unknown.suggestion.as_deref(), Some("在线响应"));
}

#[test]
fn explain_record_shows_every_rule_with_reasons_and_instances() {
    let analysis = AnalysisOptions {
        explain_record: Some("CHAT-002".to_string()),
        ..AnalysisOptions::default()
    };
    let (text, tally) = report(Format::Json, analysis.clone());
    let lines = json_lines(&text);
    assert_valid(&lines);
    let types: Vec<&str> = lines.iter().filter_map(|l| l["type"].as_str()).collect();
    assert_eq!(types, ["run", "explain", "summary"]);
    assert_eq!(tally.explained, 1);
    let explain = &lines[1];
    assert_eq!(explain["evaluated_at"], "2026-11-05T09:41:10+08:00");
    assert_eq!(explain["rules"][0]["instances"][0]["outcome"], "met");
    assert_eq!(explain["rules"][0]["instances"][0]["agent"], "A-023");
    assert_eq!(explain["rules"][2]["reason"], "no message by agent");

    let (human, _) = report(Format::Human, analysis);
    let expected_start = "\
chat CHAT-002 (case C-7) at examples/chat.jsonl:3, evaluated at 2026-11-05T09:41:10+08:00
  在线响应 (deadline, error): breached
    met: event 0 at 09:38:00: reply after 20s, limit 60s (A-023, 售后组)
    breached: event 2 at 09:39:00: reply after 130s, limit 60s (A-023, 售后组)
      = started 2026-11-05T09:39:00+08:00 (event 2), due 2026-11-05T09:40:00+08:00, stopped 2026-11-05T09:41:10+08:00 (event 4)
      = counted 2min 10s on 24x7; limit within 60s
  禁用忌语 (forbid, error): violated
    violated: event 4 at 09:41:10: forbidden phrase “不歸我管” (A-023, 售后组)
      = matched “不歸我管” (服务忌语: 不归我管)
  聊天问候 (require, warning): not-applicable: no message by agent

records: 2 read, 1 evaluated, 1 rejected
";
    assert!(human.starts_with(expected_start), "{human}");
}

#[test]
fn a_long_message_is_quoted_around_the_match() {
    let rules = rules();
    let mut record = chat();
    let long = format!("{}不歸我管{}", "前".repeat(30), "后".repeat(30));
    record.events[4].text = Some(long);
    let mut outcomes = outcomes();
    if let Evidence::Phrase(p) = &mut outcomes.rules[1].instances[0].evidence {
        p.start = 30;
        p.end = 34;
    }
    let report = analyse(
        &record,
        &location(),
        &rules,
        &outcomes,
        &AnalysisOptions::default(),
    );
    let options = ReportOptions::default();
    let mut out = Vec::new();
    let mut reporter = Reporter::new(&mut out, &rules, &options);
    reporter
        .write(&ReportItem::Evaluated(report))
        .expect("write");
    let text = String::from_utf8(out).expect("utf-8");
    let quote = format!("in “…{}不歸我管{}…”", "前".repeat(20), "后".repeat(20));
    assert!(text.contains(&quote), "{text}");
}

#[test]
fn the_schema_rejects_malformed_lines() {
    let (text, _) = report(Format::Json, AnalysisOptions::default());
    let mut finding = json_lines(&text)[2].clone();
    finding["fingerprint"] = json!("not-hex");
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema/output.schema.json"),
        )
        .expect("schema"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    assert!(!validator.is_valid(&finding));
    assert!(!validator.is_valid(&json!({"type": "finding", "schema_version": 2})));
    assert!(!validator.is_valid(&json!({"type": "mystery", "schema_version": 1})));
}

#[test]
fn every_json_example_in_docs_output_md_matches_the_schema() {
    let docs = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/output.md"),
    )
    .expect("docs/output.md");
    let examples: Vec<Value> = docs
        .split("```json\n")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .flat_map(|block| block.lines().map(str::to_string).collect::<Vec<_>>())
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(&line).expect("a JSON example line"))
        .collect();
    let types: Vec<&str> = examples.iter().filter_map(|l| l["type"].as_str()).collect();
    assert_eq!(
        types,
        [
            "run",
            "finding",
            "outcome",
            "explain",
            "summary",
            "diagnostic"
        ]
    );
    assert_valid(&examples);
}

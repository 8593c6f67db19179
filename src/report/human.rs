//! Human output, read like a compiler's:
//!
//! ```text
//! error[在线响应]: chat CHAT-002, event 4 at 09:41:10: reply after 95s, limit 60s
//!   --> examples/chat.jsonl:3
//!   = started 2026-11-05T09:39:35+08:00 (event 3), due 2026-11-05T09:40:35+08:00, stopped …
//! ```
//!
//! then a summary. Colour is optional and never changes the text.

use std::io::{self, Write};

use chrono::DateTime;

use super::finding::{Finding, FindingEvidence, RecordEvidence};
use super::record::{ExplainedInstance, Explanation, OutcomeLine};
use super::summary::Summary;
use crate::diag::Severity;
use crate::eval::outcome::{ClockEvidence, PhraseEvidence};
use crate::eval::{Evidence, Status};

/// Characters of context quoted on each side of a phrase match in a long message.
const QUOTE_CONTEXT_CHARS: usize = 20;

/// ANSI styling, or none.
#[derive(Clone, Copy)]
struct Paint(bool);

impl Paint {
    fn wrap(self, code: &str, text: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn severity(self, severity: Severity, text: &str) -> String {
        let code = match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        self.wrap(code, text)
    }

    fn bold(self, text: &str) -> String {
        self.wrap("1", text)
    }

    fn dim(self, text: &str) -> String {
        self.wrap("2", text)
    }
}

pub fn write_finding(out: &mut impl Write, finding: &Finding, colour: bool) -> io::Result<()> {
    let paint = Paint(colour);
    let name = finding.rule.as_deref().or(finding.code).unwrap_or("");
    let head = format!("{}[{}]", finding.severity.as_str(), name);
    let subject = match finding.kind {
        "record-invalid" => format!("{} rejected", record_subject(finding.record.as_deref())),
        _ => subject(
            finding.channel.as_deref(),
            finding.record.as_deref(),
            finding.case.as_deref(),
        ),
    };
    let place = event_place(finding.event, finding.at.as_deref());
    writeln!(
        out,
        "{}{} {}{}: {}",
        paint.severity(finding.severity, &head),
        paint.bold(":"),
        subject,
        place,
        finding.message
    )?;
    writeln!(
        out,
        "  {} {}:{}",
        paint.dim("-->"),
        finding.file,
        finding.line
    )?;
    for line in finding_evidence_lines(finding, paint) {
        writeln!(out, "  {} {line}", paint.dim("="))?;
    }
    if let Some(description) = &finding.description {
        writeln!(out, "  {} standard: {description}", paint.dim("="))?;
    }
    writeln!(out)
}

/// `--all-outcomes` in human output: one line per (record, rule) pair without findings.
pub fn write_outcome(out: &mut impl Write, outcome: &OutcomeLine, colour: bool) -> io::Result<()> {
    let paint = Paint(colour);
    let detail = match &outcome.reason {
        Some(reason) => reason.clone(),
        None => plural(outcome.instances as u64, "instance", "instances"),
    };
    writeln!(
        out,
        "{}[{}]: record {}: {}",
        paint.bold(outcome.outcome.as_str()),
        outcome.rule,
        outcome.record,
        detail
    )?;
    writeln!(
        out,
        "  {} {}:{}",
        paint.dim("-->"),
        outcome.file,
        outcome.line
    )
}

pub fn write_explanation(out: &mut impl Write, explanation: &Explanation) -> io::Result<()> {
    let mut head = format!(
        "{} at {}:{}",
        subject(
            explanation.channel.as_deref(),
            explanation.record.as_deref(),
            explanation.case.as_deref()
        ),
        explanation.file,
        explanation.line
    );
    if let Some(at) = &explanation.evaluated_at {
        head.push_str(&format!(", evaluated at {at}"));
    }
    writeln!(out, "{head}")?;
    if let Some(rejected) = &explanation.rejected {
        writeln!(out, "  rejected [{}]: {}", rejected.code, rejected.message)?;
    }
    for rule in &explanation.rules {
        let reason = rule
            .reason
            .as_ref()
            .map(|r| format!(": {r}"))
            .unwrap_or_default();
        writeln!(
            out,
            "  {} ({}, {}): {}{}",
            rule.rule,
            rule.kind,
            rule.severity.as_str(),
            rule.outcome.as_str(),
            reason
        )?;
        for instance in &rule.instances {
            write_explained_instance(out, instance)?;
        }
    }
    writeln!(out)
}

fn write_explained_instance(out: &mut impl Write, instance: &ExplainedInstance) -> io::Result<()> {
    let place = event_place(instance.event, instance.at.as_deref());
    let place = place.trim_start_matches(", ");
    let who = [instance.agent.as_deref(), instance.team.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let who = if who.is_empty() {
        String::new()
    } else {
        format!(" ({who})")
    };
    let separator = if place.is_empty() { "" } else { ": " };
    writeln!(
        out,
        "    {}: {place}{separator}{}{who}",
        instance.outcome.as_str(),
        instance.message
    )?;
    for line in evidence_lines(&instance.evidence) {
        writeln!(out, "      = {line}")?;
    }
    Ok(())
}

pub fn write_summary(out: &mut impl Write, summary: &Summary, colour: bool) -> io::Result<()> {
    let paint = Paint(colour);
    let records = &summary.records;
    writeln!(
        out,
        "{} {} read, {} evaluated, {} rejected",
        paint.bold("records:"),
        records.read,
        records.evaluated,
        records.rejected
    )?;
    let findings = &summary.findings;
    writeln!(
        out,
        "{} {}, {}, {} info",
        paint.bold("findings:"),
        plural(findings.error, "error", "errors"),
        plural(findings.warning, "warning", "warnings"),
        findings.info
    )?;
    if summary.rules.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", paint.bold("rules:"))?;
    for rule in &summary.rules {
        let counts: Vec<String> = Status::ALL
            .into_iter()
            .filter_map(|status| {
                let n = rule.outcomes.get(status);
                (n > 0).then(|| format!("{n} {}", status.as_str()))
            })
            .collect();
        let counts = if counts.is_empty() {
            "no records".to_string()
        } else {
            counts.join(", ")
        };
        writeln!(out, "  {}: {counts}", rule.rule)?;
    }
    Ok(())
}

fn finding_evidence_lines(finding: &Finding, paint: Paint) -> Vec<String> {
    match &finding.evidence {
        FindingEvidence::Rule(evidence) => match evidence.as_ref() {
            Evidence::Phrase(phrase) => {
                vec![phrase_line(phrase, finding.quoted_text.as_deref(), paint)]
            }
            other => evidence_lines(other),
        },
        FindingEvidence::Record(RecordEvidence::InvalidField { path }) => {
            vec![format!("field {path}")]
        }
        FindingEvidence::Record(RecordEvidence::RecordInvalid { .. }) => Vec::new(),
    }
}

fn evidence_lines(evidence: &Evidence) -> Vec<String> {
    match evidence {
        Evidence::Clock(clock) => clock_lines(clock),
        Evidence::Phrase(phrase) => vec![phrase_line(phrase, None, Paint(false))],
        Evidence::Missing { sets, events } => vec![missing_line(sets, events)],
        Evidence::Expect {
            anchor,
            found,
            missing_step,
        } => expect_lines(*anchor, *found, *missing_step),
        Evidence::None => Vec::new(),
    }
}

fn expect_lines(
    anchor: Option<usize>,
    found: Option<usize>,
    missing: Option<usize>,
) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(a) = anchor {
        parts.push(format!("anchor event {a}"));
    }
    if let Some(f) = found {
        parts.push(format!("found event {f}"));
    }
    if let Some(step) = missing {
        parts.push(format!("missing step {}", step + 1));
    }
    if parts.is_empty() {
        Vec::new()
    } else {
        vec![parts.join(", ")]
    }
}

/// "chat CHAT-002 (case C-7)": the channel when known, else "record".
fn subject(channel: Option<&str>, record: Option<&str>, case: Option<&str>) -> String {
    let mut text = match channel {
        Some(channel) => format!("{channel} {}", record.unwrap_or("?")),
        None => record_subject(record),
    };
    if let Some(case) = case {
        text.push_str(&format!(" (case {case})"));
    }
    text
}

fn record_subject(record: Option<&str>) -> String {
    match record {
        Some(id) => format!("record {id}"),
        None => "record".to_string(),
    }
}

/// ", event 4 at 09:41:10" (the time of day in the event's own offset), or "" without an event.
fn event_place(event: Option<usize>, at: Option<&str>) -> String {
    match (event, at) {
        (Some(event), Some(at)) => format!(", event {event} at {}", time_of_day(at)),
        (Some(event), None) => format!(", event {event}"),
        (None, _) => String::new(),
    }
}

fn time_of_day(rfc3339: &str) -> String {
    DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| t.format("%H:%M:%S").to_string())
        .unwrap_or_else(|_| rfc3339.to_string())
}

fn clock_lines(clock: &ClockEvidence) -> Vec<String> {
    let at_event =
        |event: Option<usize>| event.map(|e| format!(" (event {e})")).unwrap_or_default();
    let stop = match &clock.stop {
        Some(stop) => format!("stopped {stop}{}", at_event(clock.stop_event)),
        None => "not stopped".to_string(),
    };
    let arm = clock
        .limit
        .arm
        .as_ref()
        .map(|arm| format!(" (arm {arm})"))
        .unwrap_or_default();
    vec![
        format!(
            "started {}{}, due {}, {stop}",
            clock.start,
            at_event(clock.start_event),
            clock.due
        ),
        format!(
            "counted {} on {}; limit {} {}{arm}",
            clock.elapsed.human, clock.calendar, clock.limit.kind, clock.limit.human
        ),
    ]
}

/// `matched “不歸我管” in “这个不歸我管，找别人” (服务忌语: 不归我管)`; with colour the match is
/// highlighted inside the quote.
fn phrase_line(phrase: &PhraseEvidence, text: Option<&str>, paint: Paint) -> String {
    let quote = text
        .and_then(|text| quote_around(text, phrase.start, phrase.end, paint))
        .map(|quote| format!(" in “{quote}”"))
        .unwrap_or_default();
    format!(
        "matched “{}”{quote} ({}: {})",
        phrase.matched, phrase.set, phrase.phrase
    )
}

/// The text around chars `start..end`, cut to some context on each side.
fn quote_around(text: &str, start: usize, end: usize, paint: Paint) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    if start > end || end > chars.len() {
        return None;
    }
    let from = start.saturating_sub(QUOTE_CONTEXT_CHARS);
    let to = (end + QUOTE_CONTEXT_CHARS).min(chars.len());
    let piece = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    Some(format!(
        "{}{}{}{}{}",
        if from > 0 { "…" } else { "" },
        piece(from, start),
        paint.wrap("1;4", &piece(start, end)),
        piece(end, to),
        if to < chars.len() { "…" } else { "" },
    ))
}

fn missing_line(sets: &[String], events: &[usize]) -> String {
    let judged = if events.is_empty() {
        String::new()
    } else {
        let list: Vec<String> = events.iter().map(usize::to_string).collect();
        format!(
            " ({} {})",
            if events.len() == 1 { "event" } else { "events" },
            list.join(", ")
        )
    };
    format!("no message had a phrase of {}{judged}", sets.join(", "))
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

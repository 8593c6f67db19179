//! `norma lint --policy P… RECORDS…`: evaluates records against a policy and reports findings.
//!
//! Records stream through in chunks: each chunk is evaluated in parallel (rayon) and written in
//! input order, so memory stays bounded and output is the same whatever the thread count.

use std::io;
use std::path::PathBuf;

use rayon::prelude::*;

use super::{Io, exit, load_for, usage_error};
use crate::compile::CompiledPolicy;
use crate::diag::Severity;
use crate::eval;
use crate::records::reader::RecordWarning;
use crate::records::{Input, Instant, Location, Record, RecordError, RecordReader};
use crate::report::{
    self, AnalysisOptions, Format, ReportItem, ReportOptions, Reporter, RuleSelection, RunInfo,
};

/// Records evaluated per parallel batch: large enough to keep the cores busy, small enough that
/// memory does not grow with the input.
const CHUNK_SIZE: usize = 1024;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A policy file or directory; repeat for several, loaded as one policy.
    #[arg(long = "policy", short = 'p', required = true, value_name = "POLICY")]
    pub policy: Vec<PathBuf>,
    /// The directory policy imports may not leave.
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Record files (JSON Lines, a JSON array or YAML documents); `-` reads standard input.
    #[arg(required = true, value_name = "RECORDS")]
    pub records: Vec<String>,
    /// `human` (like a compiler) or `json` (JSON Lines, docs/output.md).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Exit with 1 when a finding has this severity or a higher one.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Evaluate every record at this RFC 3339 time, instead of at its close (else last event).
    #[arg(long, value_name = "RFC3339", value_parser = parse_now)]
    pub now: Option<Instant>,
    /// Report only this rule (repeatable).
    #[arg(long, value_name = "RULE")]
    pub select: Vec<String>,
    /// Do not report this rule (repeatable).
    #[arg(long, value_name = "RULE")]
    pub ignore: Vec<String>,
    /// Also report every (record, rule) pair without findings, not-applicable ones with why.
    #[arg(long)]
    pub all_outcomes: bool,
    /// Explain every rule's outcome on the record with this id, instead of listing findings.
    #[arg(long, value_name = "ID")]
    pub explain_record: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    pub fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

fn parse_now(text: &str) -> Result<Instant, String> {
    chrono::DateTime::parse_from_rfc3339(text.trim()).map_err(|error| {
        format!("{error}: expected an RFC 3339 time with offset, such as 2026-11-05T18:00:00+08:00")
    })
}

pub fn run(args: &Args, io: &mut Io) -> io::Result<i32> {
    let consequence = Some("no record was evaluated");
    let loaded = match load_for(
        &args.policy,
        args.root.clone(),
        args.format,
        consequence,
        io,
    )? {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let Some(policy) = &loaded.policy else {
        return Ok(exit::USAGE);
    };
    let selection = match RuleSelection::resolve(&policy.rules, &args.select, &args.ignore) {
        Ok(selection) => selection,
        Err(unknown) => {
            let message = format!(
                "no rule named `{}` in policy \"{}\"",
                unknown.name, policy.standard.name
            );
            let help = unknown.suggestion.map(|s| format!("did you mean `{s}`?"));
            return usage_error(io, &message, help.as_deref());
        }
    };
    let mut readers = Vec::new();
    for name in &args.records {
        let inputs = match Input::expand(name) {
            Ok(inputs) => inputs,
            Err(error) => return usage_error(io, &format!("cannot read {name}: {error}"), None),
        };
        for input in inputs {
            match RecordReader::open(&input, policy.read_options()) {
                Ok(reader) => readers.push(reader),
                Err(error) => {
                    let shown = input.display_name();
                    return usage_error(io, &format!("cannot read {shown}: {error}"), None);
                }
            }
        }
    }
    let options = ReportOptions {
        format: args.format,
        colour: io.colour_out,
        analysis: AnalysisOptions {
            selection,
            all_outcomes: args.all_outcomes,
            explain_record: args.explain_record.clone(),
        },
    };
    let run_info = RunInfo::new(&policy.standard, args.now, args.records.clone());
    let mut reporter = Reporter::new(&mut *io.out, &policy.rules, &options);
    reporter.start(&run_info)?;
    let build = |(read, warnings)| report_item(policy, args.now, &options.analysis, read, warnings);
    let reads = readers.into_iter().flat_map(with_warnings);
    process(reads, CHUNK_SIZE, build, |item| reporter.write(item))?;
    let (tally, _) = reporter.finish()?;
    if let Some(id) = &args.explain_record
        && tally.explained == 0
    {
        return usage_error(io, &format!("no record with id `{id}` was read"), None);
    }
    let failed = tally
        .worst_severity()
        .is_some_and(|worst| worst >= args.fail_on.severity());
    Ok(if failed {
        exit::FINDINGS
    } else {
        exit::SUCCESS
    })
}

type Read = Result<(Record, Location), RecordError>;

/// Each record read with the warnings the reader raised while reading it.
fn with_warnings(mut reader: RecordReader) -> impl Iterator<Item = (Read, Vec<RecordWarning>)> {
    std::iter::from_fn(move || {
        let read = reader.next()?;
        Some((read, reader.take_warnings()))
    })
}

/// Evaluates one read record (or takes its rejection) and builds what the report says of it.
fn report_item(
    policy: &CompiledPolicy,
    now: Option<Instant>,
    analysis: &AnalysisOptions,
    read: Read,
    warnings: Vec<RecordWarning>,
) -> ReportItem {
    match read {
        Ok((record, location)) => {
            let outcomes = eval::evaluate(policy, &record, now);
            let mut report =
                report::analyse(&record, &location, &policy.rules, &outcomes, analysis);
            let warned = warnings
                .iter()
                .map(|w| report::finding::record_warning_finding(&record, &location, w));
            report.findings.splice(0..0, warned);
            ReportItem::Evaluated(report)
        }
        Err(error) => ReportItem::Rejected(Box::new(report::reject(&error, analysis))),
    }
}

/// The stack of each evaluation worker.
const EVAL_STACK: usize = 32 << 20;

/// Builds report items `chunk_size` records at a time in parallel and hands them to `write` in
/// input order.
pub(crate) fn process<T, I, B>(
    records: I,
    chunk_size: usize,
    build: B,
    mut write: impl FnMut(&ReportItem) -> io::Result<()>,
) -> io::Result<()>
where
    T: Send,
    I: Iterator<Item = T>,
    B: Fn(T) -> ReportItem + Sync,
{
    let mut records = records;
    // Evaluation recurses over expressions: workers get large stacks, like the checker's thread.
    let pool = rayon::ThreadPoolBuilder::new()
        .stack_size(EVAL_STACK)
        .build()
        .ok();
    loop {
        let chunk: Vec<T> = records.by_ref().take(chunk_size.max(1)).collect();
        if chunk.is_empty() {
            return Ok(());
        }
        let evaluate = || {
            chunk
                .into_par_iter()
                .map(&build)
                .collect::<Vec<ReportItem>>()
        };
        let items: Vec<ReportItem> = match &pool {
            Some(pool) => pool.install(evaluate),
            None => evaluate(),
        };
        for item in &items {
            write(item)?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::RecordReport;

    /// A report item that carries `marker` where the test can read it back.
    fn item(marker: usize) -> ReportItem {
        ReportItem::Evaluated(RecordReport {
            findings: Vec::new(),
            outcomes: Vec::new(),
            statuses: vec![(marker, eval::Status::Met)],
            explanation: None,
        })
    }

    #[test]
    fn parallel_chunks_are_written_in_input_order() {
        // Earlier records take longer, so a parallel map that did not keep order would show.
        let build = |i: usize| {
            std::thread::sleep(std::time::Duration::from_micros(((50 - i) * 20) as u64));
            item(i)
        };
        let mut written = Vec::new();
        let result = process(0..50, 7, build, |item| {
            if let ReportItem::Evaluated(report) = item {
                written.push(report.statuses[0].0);
            }
            Ok(())
        });
        assert!(result.is_ok());
        assert_eq!(written, (0..50).collect::<Vec<_>>());
    }

    #[test]
    fn a_write_error_stops_processing() {
        let mut calls = 0;
        let result = process(0..10, 3, item, |_| {
            calls += 1;
            Err(io::Error::other("disk full"))
        });
        assert!(result.is_err());
        assert_eq!(calls, 1);
    }

    #[test]
    fn now_must_be_rfc3339_with_offset() {
        assert!(parse_now("2026-11-05T18:00:00+08:00").is_ok());
        assert!(parse_now("2026-11-05T18:00:00").is_err());
        assert!(parse_now("yesterday").is_err());
    }
}

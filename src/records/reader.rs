//! Streaming record reader (stub: the reader lands with the records work).

use std::path::PathBuf;

use chrono_tz::Tz;

use super::model::{Location, Record};

/// Where records come from.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file; its format is sniffed from the extension and first non-blank byte.
    Path(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

/// What the reader needs from the policy.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The zone for times without offset when the record names none (the standard's zone).
    pub default_timezone: Tz,
    /// Dotted paths of `required` fields (`channel`, `customer.tier`): a record lacking one is
    /// rejected.
    pub required_fields: Vec<String>,
}

/// A record that could not be read or broke the schema: a `record-invalid` finding.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordError {
    /// An E07xx code.
    pub code: &'static str,
    pub message: String,
    /// The record's id, when it could be read.
    pub record_id: Option<String>,
    pub location: Location,
}

/// Reads records one at a time from one input, never holding the whole input in memory (JSON
/// Lines; a JSON array or YAML stream is parsed as it is read where the format allows).
pub struct RecordReader {
    _options: ReadOptions,
}

impl RecordReader {
    /// Opens an input. An unreadable file is an `io::Error` (exit code 2), not a record error.
    pub fn open(_input: &Input, options: ReadOptions) -> std::io::Result<RecordReader> {
        Ok(RecordReader { _options: options })
    }
}

impl Iterator for RecordReader {
    type Item = Result<(Record, Location), RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        None
    }
}

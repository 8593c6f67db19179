//! Importers: other formats → records as JSON Lines (`norma import FORMAT FILE…`). One file per
//! format; [`formats`] lists them. Every importer streams: it writes each record as soon as its
//! last row is read, one JSON object per line with a fixed key order (`id`, the record's fields
//! sorted by name, then `events`), so the same input always gives the same bytes.

mod csv;
mod mapping;
mod stc3;

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{Map, Value};

/// What an import needs besides its inputs.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// `--mapping FILE`: how columns become record and event fields (required by `csv`).
    pub mapping: Option<PathBuf>,
}

/// What an import wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    /// Data rows (or source items) read, over all inputs.
    pub rows: usize,
    /// Records written.
    pub records: usize,
}

/// Why an import stopped: a message and, when it is about a place in an input, where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub message: String,
    /// The input (or mapping) file the problem is in.
    pub file: Option<String>,
    /// 1-based line in `file`.
    pub line: Option<usize>,
    /// The reader of the output went away (`norma import … | head`): no failure of the import.
    pub output_closed: bool,
}

impl ImportError {
    pub fn new(message: impl Into<String>) -> ImportError {
        ImportError {
            message: message.into(),
            file: None,
            line: None,
            output_closed: false,
        }
    }

    pub fn at(file: &Path, line: Option<usize>, message: impl Into<String>) -> ImportError {
        ImportError {
            message: message.into(),
            file: Some(file.display().to_string()),
            line,
            output_closed: false,
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{file}:{line}: {}", self.message),
            (Some(file), None) => write!(f, "{file}: {}", self.message),
            _ => write!(f, "{}", self.message),
        }
    }
}

impl std::error::Error for ImportError {}

/// A format `norma import` knows.
#[derive(Debug, Clone, Copy)]
pub struct FormatInfo {
    pub name: &'static str,
    pub summary: &'static str,
}

type Importer =
    fn(&[PathBuf], &ImportOptions, &mut dyn Write) -> Result<ImportSummary, ImportError>;

const REGISTRY: &[(FormatInfo, Importer)] = &[
    (
        FormatInfo {
            name: "csv",
            summary: "one event per row, grouped into records by an id column (needs --mapping)",
        },
        csv::import,
    ),
    (
        FormatInfo {
            name: "stc3",
            summary: "NTCIR-14 STC-3 helpdesk dialogues (a JSON array): one message per utterance, no times",
        },
        stc3::import,
    ),
];

/// The formats, in the order `norma import --help` lists them.
pub fn formats() -> impl Iterator<Item = FormatInfo> {
    REGISTRY.iter().map(|(info, _)| *info)
}

/// Imports `inputs` in `format`, writing one JSON record per line to `out`.
pub fn import(
    format: &str,
    inputs: &[PathBuf],
    options: &ImportOptions,
    out: &mut dyn Write,
) -> Result<ImportSummary, ImportError> {
    let Some((_, importer)) = REGISTRY.iter().find(|(info, _)| info.name == format) else {
        let known: Vec<&str> = REGISTRY.iter().map(|(info, _)| info.name).collect();
        return Err(ImportError::new(format!(
            "unknown import format {format:?}; known formats: {}",
            known.join(", ")
        )));
    };
    importer(inputs, options, out)
}

/// One record as importers write it: `id` first, `events` last.
#[derive(Serialize)]
struct OutputRecord<'a> {
    id: &'a str,
    #[serde(flatten)]
    fields: &'a Map<String, Value>,
    events: &'a [Map<String, Value>],
}

/// Writes one record as a JSON line.
fn write_record(
    out: &mut dyn Write,
    id: &str,
    fields: &Map<String, Value>,
    events: &[Map<String, Value>],
) -> Result<(), ImportError> {
    let record = OutputRecord { id, fields, events };
    let closed = |kind: Option<std::io::ErrorKind>| kind == Some(std::io::ErrorKind::BrokenPipe);
    serde_json::to_writer(&mut *out, &record).map_err(|e| {
        let mut error = ImportError::new(format!("cannot write a record: {e}"));
        error.output_closed = closed(e.io_error_kind());
        error
    })?;
    out.write_all(b"\n").map_err(|e| {
        let mut error = ImportError::new(format!("cannot write a record: {e}"));
        error.output_closed = closed(Some(e.kind()));
        error
    })
}

/// Sets `value` at a dotted `path` in `map`, making objects on the way (the path was checked to
/// have no empty segment when the mapping was read).
fn insert_path(map: &mut Map<String, Value>, path: &str, value: Value) {
    let mut segments = path.split('.').peekable();
    let mut current = map;
    while let Some(segment) = segments.next() {
        if segments.peek().is_none() {
            current.insert(segment.to_string(), value);
            return;
        }
        let slot = current
            .entry(segment.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        if !slot.is_object() {
            *slot = Value::Object(Map::new());
        }
        let Value::Object(inner) = slot else { return };
        current = inner;
    }
}

//! Streaming record reader: one input (file or stdin) → validated records, or `record-invalid`
//! errors that leave the rest of the input readable.
//!
//! Formats: JSON Lines (the default, read a line at a time into one reused buffer), a JSON array
//! (first non-blank byte `[`, cut into elements by a byte scanner so it streams too), a `.json`
//! file of concatenated (pretty-printed) objects, and YAML documents (`.yaml`/`.yml`, or input
//! starting with `---`/`#`), one record per document.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::PathBuf;

use chrono_tz::Tz;

use super::model::{Location, Record};
use super::source::{Format, Source};
use super::validate::validate;

/// Where records come from.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file; its format is sniffed from the extension and first non-blank byte.
    Path(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

fn is_record_file(path: &std::path::Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let is_test = name.ends_with(".test.yaml") || name.ends_with(".test.yml");
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    !is_test && ["jsonl", "json", "yaml", "yml"].contains(&extension)
}

fn collect_record_files(dir: &std::path::Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        // A linked directory is not followed: a link to an ancestor would never end.
        let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
        if path.is_dir() {
            if !is_link {
                collect_record_files(&path, out)?;
            }
        } else if is_record_file(&path) {
            out.push(path);
        }
    }
    Ok(())
}

impl Input {
    /// `-` is stdin, anything else a path.
    pub fn from_arg(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }

    /// The inputs a command-line argument names: stdin for `-`, every record file below a directory
    /// (`*.jsonl`, `*.json`, `*.yaml`, `*.yml`, sorted by path; `*.test.yaml` files are norma
    /// tests, not records, and are skipped), else the file itself. A directory
    /// without record files is an error, so a mistyped path never passes as "no findings".
    pub fn expand(arg: &str) -> std::io::Result<Vec<Input>> {
        let path = PathBuf::from(arg);
        if arg == "-" || !path.is_dir() {
            return Ok(vec![Input::from_arg(arg)]);
        }
        let mut files = Vec::new();
        collect_record_files(&path, &mut files)?;
        if files.is_empty() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("no record files (*.jsonl, *.json, *.yaml, *.yml) in directory {arg}"),
            ));
        }
        files.sort();
        Ok(files.into_iter().map(Input::Path).collect())
    }

    /// The name used in locations: the path as given, `-` for stdin.
    pub fn display_name(&self) -> String {
        match self {
            Input::Path(path) => path.display().to_string(),
            Input::Stdin => "-".to_string(),
        }
    }
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

/// Something about a valid record worth a warning (W0702: an ambiguous local time, read with the
/// earlier offset).
#[derive(Debug, Clone, PartialEq)]
pub struct RecordWarning {
    /// A W07xx code.
    pub code: &'static str,
    pub message: String,
    pub record_id: String,
    pub location: Location,
}

/// Reads records one at a time from one input, never holding the whole input in memory.
pub struct RecordReader {
    source: Source,
    options: ReadOptions,
    file: String,
    warnings: Vec<RecordWarning>,
}

const BUFFER_BYTES: usize = 64 * 1024;

impl RecordReader {
    /// Opens an input. An unreadable file is an `io::Error` (exit code 2), not a record error.
    pub fn open(input: &Input, options: ReadOptions) -> io::Result<RecordReader> {
        let (reader, hint): (Box<dyn BufRead>, Option<Format>) = match input {
            Input::Path(path) => {
                if path.is_dir() {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidInput,
                        format!("{} is a directory, not a records file", path.display()),
                    ));
                }
                let file = File::open(path)?;
                let hint = match path.extension().and_then(|e| e.to_str()) {
                    Some(ext)
                        if ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml") =>
                    {
                        Some(Format::Yaml)
                    }
                    Some(ext) if ext.eq_ignore_ascii_case("json") => Some(Format::JsonSequence),
                    _ => None,
                };
                (Box::new(BufReader::with_capacity(BUFFER_BYTES, file)), hint)
            }
            Input::Stdin => (
                Box::new(BufReader::with_capacity(BUFFER_BYTES, io::stdin())),
                None,
            ),
        };
        Ok(RecordReader {
            source: Source::open(reader, hint)?,
            options,
            file: input.display_name(),
            warnings: Vec::new(),
        })
    }

    /// Warnings about the records returned so far (W0702), oldest first; drains them. Call it
    /// after each record to keep warnings beside their record.
    pub fn take_warnings(&mut self) -> Vec<RecordWarning> {
        std::mem::take(&mut self.warnings)
    }

    fn location(&self, line: usize) -> Location {
        Location {
            file: self.file.clone(),
            line,
        }
    }
}

impl Iterator for RecordReader {
    type Item = Result<(Record, Location), RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        let doc = self.source.next_doc()?;
        let location = self.location(doc.line);
        let value = match doc.parsed {
            Ok(value) => value,
            Err(problem) => {
                return Some(Err(RecordError {
                    code: problem.code,
                    message: problem.message,
                    record_id: None,
                    location,
                }));
            }
        };
        match validate(value, &self.options) {
            Ok(valid) => {
                for time in valid.ambiguous {
                    self.warnings.push(RecordWarning {
                        code: "W0702",
                        message: format!(
                            "{} {:?} happens twice in the record's zone (clocks go back); read as {}, the earlier",
                            time.field, time.text, time.chosen
                        ),
                        record_id: valid.record.id.clone(),
                        location: location.clone(),
                    });
                }
                Some(Ok((valid.record, location)))
            }
            Err(rejected) => Some(Err(RecordError {
                code: rejected.invalid.code,
                message: rejected.invalid.message,
                record_id: rejected.record_id,
                location,
            })),
        }
    }
}

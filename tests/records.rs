//! The record reader, record validation (E07xx), the record schema and the CSV importer, tested
//! on the fixtures in tests/fixtures/records/ and on inputs written at test time (bytes a text
//! fixture cannot hold: BOM, CRLF, bare CR, invalid UTF-8, megabyte lines).

#[path = "records/import.rs"]
mod import;
#[path = "records/reading.rs"]
mod reading;
#[path = "records/schema.rs"]
mod schema;
#[path = "records/validation.rs"]
mod validation;

use std::path::{Path, PathBuf};

use norma::records::{Input, Location, ReadOptions, Record, RecordError, RecordReader};

pub type Item = Result<(Record, Location), RecordError>;

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/records")
        .join(name)
}

/// Writes `bytes` to a fresh file under the test scratch directory.
pub fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("records-{name}"));
    std::fs::write(&path, bytes).expect("scratch file is writable");
    path
}

pub fn options(required: &[&str]) -> ReadOptions {
    ReadOptions {
        default_timezone: chrono_tz::Asia::Shanghai,
        required_fields: required.iter().map(|s| s.to_string()).collect(),
    }
}

pub fn read_with(path: &Path, required: &[&str]) -> Vec<Item> {
    RecordReader::open(&Input::Path(path.to_path_buf()), options(required))
        .expect("input opens")
        .collect()
}

pub fn read(path: &Path) -> Vec<Item> {
    read_with(path, &[])
}

/// The valid records, panicking with the error when one is not.
pub fn records(items: Vec<Item>) -> Vec<(Record, Location)> {
    items
        .into_iter()
        .map(|item| item.unwrap_or_else(|e| panic!("unexpected record error: {e:?}")))
        .collect()
}

/// (code, record id, line) of every item: `ok` for a valid record.
pub fn outline(items: &[Item]) -> Vec<(String, Option<String>, usize)> {
    items
        .iter()
        .map(|item| match item {
            Ok((record, location)) => ("ok".to_string(), Some(record.id.clone()), location.line),
            Err(e) => (e.code.to_string(), e.record_id.clone(), e.location.line),
        })
        .collect()
}

pub fn entry(code: &str, id: Option<&str>, line: usize) -> (String, Option<String>, usize) {
    (code.to_string(), id.map(str::to_string), line)
}

pub fn time(text: &str) -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339(text).expect("test time is RFC 3339")
}

//! `norma import csv --mapping MAP.yaml FILE…`: one event per row; rows sharing an id (and
//! standing together) become one record. The mapping (`mapping.rs`) says which columns go where.
//!
//! Rows end at `\n` only: real exports carry bare CR characters inside unquoted text, which a
//! reader treating CR as a line end would split into bogus rows. The CR of a CRLF ending is
//! stripped from the row's last field instead.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};

use ::csv::{ReaderBuilder, StringRecord, Terminator};
use serde_json::{Map, Value};

use super::mapping::{Mapping, ResolvedMapping, Target};
use super::{ImportError, ImportOptions, ImportSummary, insert_path, write_record};

pub fn import(
    inputs: &[PathBuf],
    options: &ImportOptions,
    out: &mut dyn Write,
) -> Result<ImportSummary, ImportError> {
    let Some(mapping_path) = &options.mapping else {
        return Err(ImportError::new(
            "`norma import csv` needs --mapping FILE: a YAML file naming the id, event and field columns (see docs/records.md, \"Importing CSV\")",
        ));
    };
    let mapping = Mapping::load(mapping_path)?;
    let mut summary = ImportSummary::default();
    let mut seen_ids = HashSet::new();
    for input in inputs {
        import_file(input, &mapping, &mut seen_ids, &mut summary, out)?;
    }
    Ok(summary)
}

/// The record being gathered: rows with the same id, one after another.
struct Group {
    id: String,
    first_line: usize,
    fields: Map<String, Value>,
    events: Vec<Map<String, Value>>,
}

fn import_file(
    path: &Path,
    mapping: &Mapping,
    seen_ids: &mut HashSet<String>,
    summary: &mut ImportSummary,
    out: &mut dyn Write,
) -> Result<(), ImportError> {
    let file =
        File::open(path).map_err(|e| ImportError::at(path, None, format!("cannot open: {e}")))?;
    let mut reader = ReaderBuilder::new()
        .delimiter(mapping.delimiter)
        .terminator(Terminator::Any(b'\n'))
        .flexible(true)
        .from_reader(BufReader::new(file));
    let headers = reader
        .headers()
        .map_err(|e| csv_error(path, &e))?
        .iter()
        .map(|h| strip_cr(h).to_string())
        .collect::<Vec<_>>();
    let columns = mapping
        .resolve(&headers)
        .map_err(|m| ImportError::at(path, Some(1), m))?;
    let mut group: Option<Group> = None;
    let mut row = StringRecord::new();
    loop {
        match reader.read_record(&mut row) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(csv_error(path, &e)),
        }
        let line = row.position().map_or(0, |p| p.line() as usize);
        if row.len() == 1 && strip_cr(&row[0]).trim().is_empty() {
            continue;
        }
        if row.len() != headers.len() {
            return Err(ImportError::at(
                path,
                Some(line),
                format!(
                    "the row has {} fields but the header has {}",
                    row.len(),
                    headers.len()
                ),
            ));
        }
        summary.rows += 1;
        let cells = Cells { row: &row };
        let id = cells.get(columns.id).trim().to_string();
        if id.is_empty() {
            return Err(ImportError::at(
                path,
                Some(line),
                format!("the id column `{}` is empty", headers[columns.id]),
            ));
        }
        let event =
            build_event(&columns, &cells).map_err(|m| ImportError::at(path, Some(line), m))?;
        match &mut group {
            Some(current) if current.id == id => {}
            _ => {
                if let Some(done) = group.take() {
                    flush(done, out, summary)?;
                }
                if !seen_ids.insert(id.clone()) {
                    return Err(ImportError::at(
                        path,
                        Some(line),
                        format!(
                            "rows of record {id:?} are not together: sort the input by the id column first"
                        ),
                    ));
                }
                group = Some(Group {
                    id,
                    first_line: line,
                    fields: Map::new(),
                    events: Vec::new(),
                });
            }
        }
        if let Some(current) = &mut group {
            fill_fields(
                &mut current.fields,
                &columns,
                &cells,
                mapping.timezone.as_deref(),
            );
            current.events.push(event);
        }
    }
    if let Some(done) = group {
        flush(done, out, summary)?;
    }
    Ok(())
}

fn flush(
    group: Group,
    out: &mut dyn Write,
    summary: &mut ImportSummary,
) -> Result<(), ImportError> {
    write_record(out, &group.id, &group.fields, &group.events).map_err(|mut e| {
        e.line = Some(group.first_line);
        e
    })?;
    summary.records += 1;
    Ok(())
}

/// A row's cells, with the CR of a CRLF row end removed.
struct Cells<'a> {
    row: &'a StringRecord,
}

impl Cells<'_> {
    fn get(&self, index: usize) -> &str {
        let cell = self.row.get(index).unwrap_or("");
        if index + 1 == self.row.len() {
            strip_cr(cell)
        } else {
            cell
        }
    }
}

fn strip_cr(cell: &str) -> &str {
    cell.strip_suffix('\r').unwrap_or(cell)
}

/// Record-level fields take the first non-empty value among the record's rows.
fn fill_fields(
    fields: &mut Map<String, Value>,
    columns: &ResolvedMapping,
    cells: &Cells,
    timezone: Option<&str>,
) {
    if let Some(zone) = timezone {
        fields
            .entry("timezone")
            .or_insert_with(|| Value::String(zone.to_string()));
    }
    for (path, target) in &columns.record {
        if crate::records::model::lookup(fields, &path.split('.').collect::<Vec<_>>()).is_some() {
            continue;
        }
        if let Some(value) = target.value(|i| cells.get(i)) {
            insert_path(fields, path, value);
        }
    }
}

fn build_event(columns: &ResolvedMapping, cells: &Cells) -> Result<Map<String, Value>, String> {
    let mut event = Map::new();
    for (key, target) in &columns.event {
        let Some(value) = target.value(|i| cells.get(i)) else {
            continue;
        };
        let value = match (key.as_str(), value) {
            ("at" | "due" | "end", Value::String(text)) => {
                Value::String(columns.format_time(&text)?)
            }
            (_, value) => value,
        };
        insert_path(&mut event, key, value);
    }
    check_actor_and_kind(&event, columns)?;
    Ok(event)
}

fn check_actor_and_kind(
    event: &Map<String, Value>,
    columns: &ResolvedMapping,
) -> Result<(), String> {
    let describe = |key: &str| match columns.event.iter().find(|(k, _)| k == key) {
        Some((_, Target::Column { name, .. })) => format!("column `{name}`"),
        _ => "its constant".to_string(),
    };
    match event.get("actor").and_then(Value::as_str) {
        Some(actor) if crate::records::Actor::parse(actor).is_some() => {}
        Some(actor) => {
            return Err(format!(
                "actor {actor:?} (from {}) is not customer, agent, bot or system; add it to `map` under event.actor",
                describe("actor")
            ));
        }
        None => {
            return Err(format!(
                "no actor: {} is empty and has no `default`",
                describe("actor")
            ));
        }
    }
    match event.get("kind").and_then(Value::as_str) {
        Some(kind) if !kind.trim().is_empty() => Ok(()),
        _ => Err(format!(
            "no kind: {} is empty and has no `default`",
            describe("kind")
        )),
    }
}

fn csv_error(path: &Path, error: &::csv::Error) -> ImportError {
    let line = error.position().map(|p| p.line() as usize);
    ImportError::at(path, line, format!("cannot read the CSV: {error}"))
}

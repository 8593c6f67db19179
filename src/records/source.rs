//! Raw documents out of an input: the bytes of each record parsed to a JSON value, with the line its
//! text starts on. JSON Lines and YAML are read a line at a time into one reused buffer; JSON arrays
//! and concatenated JSON values go through the byte scanner in `scan.rs`.

use std::io::{self, BufRead};

use serde_json::Value;

use super::scan::{JsonScanner, ScanMode};

/// Why a document could not become a JSON value.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub code: &'static str,
    pub message: String,
}

impl Problem {
    pub fn new(code: &'static str, message: impl Into<String>) -> Problem {
        Problem {
            code,
            message: message.into(),
        }
    }

    pub fn unreadable(error: &io::Error) -> Problem {
        Problem::new(
            "E0714",
            format!("the input could not be read further: {error}"),
        )
    }
}

/// One document: its first line and its value, or why it has none.
#[derive(Debug)]
pub struct RawDoc {
    pub line: usize,
    pub parsed: Result<Value, Problem>,
}

/// The formats an input can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    JsonLines,
    JsonArray,
    /// JSON values one after another, possibly pretty-printed (a `.json` file not starting `[`).
    JsonSequence,
    Yaml,
}

pub enum Source {
    Lines(JsonLines),
    Scan(JsonScanner),
    Yaml(YamlDocs),
}

impl Source {
    /// Skips a BOM and blank leading lines, then picks the reader for `format` (or for what the
    /// first byte shows when `format` is `None`).
    pub fn open(mut reader: Box<dyn BufRead>, hint: Option<Format>) -> io::Result<Source> {
        skip_bom(&mut reader)?;
        let (lines_before, first) = skip_blank_lines(&mut reader)?;
        let format = hint.unwrap_or(match first {
            Some(b'[') => Format::JsonArray,
            Some(b'-' | b'#' | b'%') => Format::Yaml,
            _ => Format::JsonLines,
        });
        let format = match (format, first) {
            (Format::JsonSequence, Some(b'[')) => Format::JsonArray,
            (Format::JsonLines, Some(b'[')) => Format::JsonArray,
            (format, _) => format,
        };
        Ok(match format {
            Format::JsonLines => Source::Lines(JsonLines::new(reader, lines_before)),
            Format::JsonArray => {
                Source::Scan(JsonScanner::new(reader, lines_before, ScanMode::Array))
            }
            Format::JsonSequence => {
                Source::Scan(JsonScanner::new(reader, lines_before, ScanMode::Sequence))
            }
            Format::Yaml => Source::Yaml(YamlDocs::new(reader, lines_before)),
        })
    }

    pub fn next_doc(&mut self) -> Option<RawDoc> {
        match self {
            Source::Lines(lines) => lines.next_doc(),
            Source::Scan(scanner) => scanner.next_doc(),
            Source::Yaml(yaml) => yaml.next_doc(),
        }
    }
}

fn skip_bom(reader: &mut Box<dyn BufRead>) -> io::Result<()> {
    if reader.fill_buf()?.starts_with(b"\xEF\xBB\xBF") {
        reader.consume(3);
    }
    Ok(())
}

/// Consumes whole blank lines (never the indentation of the first line with content) and returns
/// how many it consumed and the first non-blank byte.
fn skip_blank_lines(reader: &mut Box<dyn BufRead>) -> io::Result<(usize, Option<u8>)> {
    let mut newlines = 0;
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok((newlines, None));
        }
        let first_content = buffer.iter().position(|b| !b.is_ascii_whitespace());
        let scanned = &buffer[..first_content.unwrap_or(buffer.len())];
        let through_last_newline = match scanned.iter().rposition(|&b| b == b'\n') {
            Some(at) => at + 1,
            None if first_content.is_none() => buffer.len(),
            None => 0,
        };
        newlines += scanned[..through_last_newline.min(scanned.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        let first = first_content.map(|at| buffer[at]);
        reader.consume(through_last_newline);
        if first.is_some() {
            return Ok((newlines, first));
        }
    }
}

/// Parses one document's bytes as JSON; `line` is where they start, for messages.
pub fn parse_json(bytes: &[u8], line: usize) -> Result<Value, Problem> {
    let text = utf8(bytes, line)?;
    serde_json::from_str(text).map_err(|error| {
        let full = error.to_string();
        let reason = full
            .rsplit_once(" at line ")
            .map_or(full.as_str(), |(r, _)| r);
        let at_line = line + error.line().saturating_sub(1);
        Problem::new(
            "E0702",
            format!(
                "not valid JSON at line {at_line}, column {}: {reason}",
                error.column()
            ),
        )
    })
}

fn utf8(bytes: &[u8], line: usize) -> Result<&str, Problem> {
    std::str::from_utf8(bytes).map_err(|error| {
        let before = &bytes[..error.valid_up_to()];
        let newlines = before.iter().filter(|&&b| b == b'\n').count();
        let column = before.len()
            - before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1)
            + 1;
        Problem::new(
            "E0701",
            format!(
                "line {} is not valid UTF-8 (bad byte 0x{:02X} at byte column {column})",
                line + newlines,
                bytes[error.valid_up_to()]
            ),
        )
    })
}

/// JSON Lines: one record per line, blank lines skipped.
pub struct JsonLines {
    reader: Box<dyn BufRead>,
    buffer: Vec<u8>,
    line: usize,
    done: bool,
}

impl JsonLines {
    fn new(reader: Box<dyn BufRead>, lines_before: usize) -> JsonLines {
        JsonLines {
            reader,
            buffer: Vec::new(),
            line: lines_before,
            done: false,
        }
    }

    fn next_doc(&mut self) -> Option<RawDoc> {
        while !self.done {
            self.buffer.clear();
            match self.reader.read_until(b'\n', &mut self.buffer) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.line += 1;
                    if self.buffer.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    // Without its line end, a line's errors point into the line itself.
                    let text = self.buffer.trim_ascii_end();
                    return Some(RawDoc {
                        line: self.line,
                        parsed: parse_json(text, self.line),
                    });
                }
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => {
                    self.done = true;
                    return Some(RawDoc {
                        line: self.line + 1,
                        parsed: Err(Problem::unreadable(&error)),
                    });
                }
            }
        }
        None
    }
}

/// YAML: documents separated by `---` (or ended by `...`), each a record. Markers at column 0 are
/// never content in YAML, so splitting on them is exact and keeps one document in memory.
pub struct YamlDocs {
    reader: Box<dyn BufRead>,
    buffer: Vec<u8>,
    line: usize,
    done: bool,
    document: YamlDocument,
}

#[derive(Default)]
struct YamlDocument {
    text: String,
    first_line: usize,
    content_line: Option<usize>,
    bad_utf8: Option<Problem>,
}

impl YamlDocument {
    fn starting_at(line: usize) -> YamlDocument {
        YamlDocument {
            first_line: line,
            ..YamlDocument::default()
        }
    }

    fn push(&mut self, text: &str, line: usize, marker_len: usize) {
        let rest = text.get(marker_len..).unwrap_or("").trim();
        if self.content_line.is_none() && !rest.is_empty() && !rest.starts_with(['#', '%']) {
            self.content_line = Some(line);
        }
        self.text.push_str(text);
    }

    fn into_doc(self) -> Option<RawDoc> {
        let line = self.content_line?;
        if let Some(problem) = self.bad_utf8 {
            return Some(RawDoc {
                line,
                parsed: Err(problem),
            });
        }
        let parsed = serde_yaml::from_str::<Value>(&self.text).map_err(|error| {
            let at = error.location().map_or(String::new(), |l| {
                format!(
                    " at line {}",
                    (self.first_line + l.line()).saturating_sub(1)
                )
            });
            let full = error.to_string();
            let reason = full.split(" at line ").next().unwrap_or(&full);
            Problem::new("E0702", format!("not valid YAML{at}: {reason}"))
        });
        Some(RawDoc { line, parsed })
    }
}

fn marker(line: &str, marker: &str) -> bool {
    line.strip_prefix(marker)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
}

impl YamlDocs {
    fn new(reader: Box<dyn BufRead>, lines_before: usize) -> YamlDocs {
        YamlDocs {
            reader,
            buffer: Vec::new(),
            line: lines_before,
            done: false,
            document: YamlDocument::starting_at(lines_before + 1),
        }
    }

    fn next_doc(&mut self) -> Option<RawDoc> {
        while !self.done {
            self.buffer.clear();
            match self.reader.read_until(b'\n', &mut self.buffer) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.line += 1;
                    if let Some(doc) = self.take_line() {
                        return Some(doc);
                    }
                }
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => {
                    self.done = true;
                    return Some(RawDoc {
                        line: self.line + 1,
                        parsed: Err(Problem::unreadable(&error)),
                    });
                }
            }
        }
        std::mem::take(&mut self.document).into_doc()
    }

    /// Adds the line in the buffer to the current document; returns the previous document when
    /// the line starts a new one.
    fn take_line(&mut self) -> Option<RawDoc> {
        let line = self.line;
        let text = match utf8(&self.buffer, line) {
            Ok(text) => text,
            Err(problem) => {
                self.document.content_line.get_or_insert(line);
                self.document.bad_utf8.get_or_insert(problem);
                return None;
            }
        };
        if marker(text, "---") {
            let mut next = YamlDocument::starting_at(line);
            next.push(text, line, 3);
            return std::mem::replace(&mut self.document, next).into_doc();
        }
        if marker(text, "...") {
            let next = YamlDocument::starting_at(line + 1);
            return std::mem::replace(&mut self.document, next).into_doc();
        }
        self.document.push(text, line, 0);
        None
    }
}

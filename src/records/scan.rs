//! A byte scanner that cuts a JSON array (or a run of concatenated JSON values) into its elements
//! without holding the whole input: it tracks strings, escapes and bracket depth with counters, so
//! deep nesting costs no stack, and hands each element's bytes to serde_json (whose recursion
//! limit then rejects absurd nesting). UTF-8 continuation bytes never equal ASCII, so scanning
//! bytes is safe for any text.

use std::io::{self, BufRead};

use super::source::{Problem, RawDoc, parse_json};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanMode {
    /// `[ value, value, … ]`
    Array,
    /// `value value …`, separated by whitespace only.
    Sequence,
}

pub struct JsonScanner {
    reader: Box<dyn BufRead>,
    mode: ScanMode,
    /// Newlines consumed so far: the current line is this plus one.
    newlines: usize,
    element: Vec<u8>,
    opened: bool,
    after_element: bool,
    done: bool,
    failure: Option<io::Error>,
}

impl JsonScanner {
    pub fn new(reader: Box<dyn BufRead>, lines_before: usize, mode: ScanMode) -> JsonScanner {
        JsonScanner {
            reader,
            mode,
            newlines: lines_before,
            element: Vec::new(),
            opened: mode == ScanMode::Sequence,
            after_element: false,
            done: false,
            failure: None,
        }
    }

    fn line(&self) -> usize {
        self.newlines + 1
    }

    fn peek(&mut self) -> Option<u8> {
        loop {
            match self.reader.fill_buf() {
                Ok(buffer) => return buffer.first().copied(),
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => {
                    self.failure = Some(error);
                    return None;
                }
            }
        }
    }

    fn bump(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.reader.consume(1);
        if byte == b'\n' {
            self.newlines += 1;
        }
        Some(byte)
    }

    fn skip_whitespace(&mut self) -> Option<u8> {
        while let Some(byte) = self.peek() {
            if !byte.is_ascii_whitespace() {
                return Some(byte);
            }
            self.bump();
        }
        None
    }

    fn problem(&mut self, line: usize, message: impl Into<String>) -> Option<RawDoc> {
        Some(RawDoc {
            line,
            parsed: Err(Problem::new("E0702", message)),
        })
    }

    /// The end of input: an I/O failure or an array never closed is one last error.
    fn finish(&mut self) -> Option<RawDoc> {
        self.done = true;
        if let Some(error) = self.failure.take() {
            return Some(RawDoc {
                line: self.line(),
                parsed: Err(Problem::unreadable(&error)),
            });
        }
        if self.mode == ScanMode::Array {
            let line = self.line();
            return self.problem(
                line,
                "the JSON array is not closed: `]` is missing at the end",
            );
        }
        None
    }

    pub fn next_doc(&mut self) -> Option<RawDoc> {
        while !self.done {
            let Some(byte) = self.skip_whitespace() else {
                return self.finish();
            };
            let line = self.line();
            match (self.mode, byte) {
                (ScanMode::Array, b'[') if !self.opened => {
                    self.bump();
                    self.opened = true;
                }
                (ScanMode::Array, b']') => {
                    self.bump();
                    self.done = true;
                    if self.skip_whitespace().is_some() {
                        let line = self.line();
                        return self.problem(line, "text after the closing `]` of the JSON array");
                    }
                }
                (ScanMode::Array, b',') if self.after_element => {
                    self.bump();
                    self.after_element = false;
                }
                (ScanMode::Array, b',') | (ScanMode::Sequence, b',' | b']') => {
                    self.bump();
                    return self.problem(line, format!("unexpected `{}`", byte as char));
                }
                _ if self.after_element && self.mode == ScanMode::Array => {
                    // Report the missing comma, then read the element anyway.
                    self.after_element = false;
                    return self.problem(line, "expected `,` or `]` between array elements");
                }
                _ => return Some(self.element_doc(line)),
            }
        }
        None
    }

    fn element_doc(&mut self, line: usize) -> RawDoc {
        self.after_element = true;
        let complete = self.read_element();
        let mut parsed = parse_json(&self.element, line);
        if !complete {
            self.done = true;
            if let Some(error) = self.failure.take() {
                parsed = Err(Problem::unreadable(&error));
            } else if parsed.is_ok() {
                parsed = Err(Problem::new("E0702", "unexpected end of file"));
            }
        }
        RawDoc { line, parsed }
    }

    /// Collects one element's bytes into `self.element`; false when input ended inside it.
    fn read_element(&mut self) -> bool {
        self.element.clear();
        let mut depth = 0usize;
        let mut in_string = false;
        let mut escaped = false;
        loop {
            let Some(byte) = self.peek() else {
                return !in_string && depth == 0 && !self.element.is_empty();
            };
            let scalar = self.element.first().is_some_and(|b| !b"{[\"".contains(b));
            if scalar && !in_string && (byte.is_ascii_whitespace() || b",]{[\"".contains(&byte)) {
                return true;
            }
            self.bump();
            self.element.push(byte);
            if in_string {
                match byte {
                    _ if escaped => escaped = false,
                    b'\\' => escaped = true,
                    b'"' => in_string = false,
                    _ => {}
                }
                if !in_string && depth == 0 {
                    return true;
                }
                continue;
            }
            match byte {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' if depth > 0 => {
                    depth -= 1;
                    if depth == 0 {
                        return true;
                    }
                }
                _ => {}
            }
        }
    }
}

//! The lexical pre-pass: one walk over the file that knows where strings, regexes and comments are.
//! It collects `#` comments (pest skips them), reports lexical errors pest would only see as
//! "unexpected input" (unterminated strings and regexes, bad escapes), records brackets for the
//! per-chunk balance check, and notes the brace depth at every line start for item splitting.

use crate::diag::{Diagnostic, FileId, Span};
use crate::syntax::ast::Comment;

/// A bracket outside strings, regexes and comments.
#[derive(Debug, Clone, Copy)]
pub struct Bracket {
    pub offset: usize,
    pub byte: u8,
}

/// A line start and the `{` depth there (never below zero).
#[derive(Debug, Clone, Copy)]
pub struct LineStart {
    pub offset: usize,
    pub brace_depth: usize,
}

/// A lexical error and whether the chunk holding it can still be parsed.
#[derive(Debug, Clone)]
pub struct LexProblem {
    pub offset: usize,
    pub diagnostic: Diagnostic,
    /// Unterminated literals confuse the parser; a bad escape does not.
    pub blocks_parsing: bool,
}

#[derive(Debug, Default)]
pub struct Scan {
    pub comments: Vec<Comment>,
    pub problems: Vec<LexProblem>,
    pub brackets: Vec<Bracket>,
    pub line_starts: Vec<LineStart>,
}

/// Walks `source` once. Byte-wise is safe: every delimiter is ASCII, and UTF-8 continuation bytes
/// are never ASCII.
pub fn scan(file: FileId, source: &str) -> Scan {
    let bytes = source.as_bytes();
    let mut out = Scan::default();
    let mut depth: usize = 0;
    let mut i = 0;
    let mut at_line_start = true;
    while i < bytes.len() {
        if at_line_start {
            out.line_starts.push(LineStart {
                offset: i,
                brace_depth: depth,
            });
            at_line_start = false;
        }
        match bytes[i] {
            b'\n' => {
                at_line_start = true;
                i += 1;
            }
            b'#' => i = comment(file, source, i, &mut out),
            b'"' => i = string(file, source, i, &mut out),
            b'/' => i = regex(file, source, i, &mut out),
            byte @ (b'{' | b'}' | b'(' | b')' | b'[' | b']') => {
                out.brackets.push(Bracket { offset: i, byte });
                if byte == b'{' {
                    depth += 1;
                } else if byte == b'}' {
                    depth = depth.saturating_sub(1);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    if at_line_start {
        out.line_starts.push(LineStart {
            offset: bytes.len(),
            brace_depth: depth,
        });
    }
    out
}

/// End of the line holding `from` (the offset of its `\n`, or the end of the text).
fn line_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| from + p)
}

fn comment(file: FileId, source: &str, start: usize, out: &mut Scan) -> usize {
    let end = line_end(source.as_bytes(), start);
    let text_end = if source[..end].ends_with('\r') {
        end - 1
    } else {
        end
    };
    let text_end = text_end.max(start + 1);
    out.comments.push(Comment {
        text: source[start + 1..text_end].to_string(),
        span: Span::new(file, start, text_end),
    });
    end
}

fn string(file: FileId, source: &str, start: usize, out: &mut Scan) -> usize {
    let bytes = source.as_bytes();
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return i + 1,
            b'\n' => break,
            b'\\' => i = escape(file, source, i, out),
            _ => i += 1,
        }
    }
    let end = trim_line_end(source, i);
    out.problems.push(LexProblem {
        offset: start,
        blocks_parsing: true,
        diagnostic: Diagnostic::new("E0002", "this string is never closed")
            .at(Span::new(file, start, end), "the string starts here and runs to the end of the line")
            .help("close the string with `\"` on the same line; a string cannot span lines (write `\\n` for a line break)"),
    });
    i
}

fn trim_line_end(source: &str, end: usize) -> usize {
    if source[..end].ends_with('\r') {
        end - 1
    } else {
        end
    }
}

/// Checks one escape starting at the backslash at `at`; returns the offset after it.
fn escape(file: FileId, source: &str, at: usize, out: &mut Scan) -> usize {
    let rest = &source[at + 1..];
    let Some(next) = rest.chars().next() else {
        return at + 1;
    };
    match next {
        '"' | '\\' | 'n' | 't' => at + 2,
        'u' => unicode_escape(file, source, at, out),
        '\n' => at + 1,
        other => {
            let end = at + 1 + other.len_utf8();
            bad_escape(
                file,
                at,
                end,
                format!("`\\{other}` is not an escape norma knows"),
                out,
            );
            end
        }
    }
}

fn unicode_escape(file: FileId, source: &str, at: usize, out: &mut Scan) -> usize {
    let after_u = at + 2;
    let rest = &source[after_u..];
    let close = rest
        .strip_prefix('{')
        .and_then(|r| r.find(['}', '"', '\n']))
        .filter(|&p| rest[1 + p..].starts_with('}'));
    let Some(close) = close else {
        bad_escape(
            file,
            at,
            after_u,
            "`\\u` must be followed by `{…}` with a hexadecimal code point".to_string(),
            out,
        );
        return after_u;
    };
    let end = after_u + close + 2;
    let digits = &rest[1..1 + close];
    let valid = (1..=6).contains(&digits.len())
        && u32::from_str_radix(digits, 16)
            .ok()
            .and_then(char::from_u32)
            .is_some();
    if !valid {
        bad_escape(
            file,
            at,
            end,
            format!("`\\u{{{digits}}}` is not a Unicode scalar value"),
            out,
        );
    }
    end
}

fn bad_escape(file: FileId, start: usize, end: usize, message: String, out: &mut Scan) {
    out.problems.push(LexProblem {
        offset: start,
        blocks_parsing: false,
        diagnostic: Diagnostic::new("E0004", message)
            .at(Span::new(file, start, end), "unknown escape")
            .help("strings take `\\\"`, `\\\\`, `\\n`, `\\t` and `\\u{…}` (1-6 hex digits); write `\\\\` for a backslash"),
    });
}

fn regex(file: FileId, source: &str, start: usize, out: &mut Scan) -> usize {
    let bytes = source.as_bytes();
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'/' => return i + 1,
            b'\n' => break,
            b'\\' if bytes.get(i + 1).is_some_and(|&b| b != b'\n') => {
                i += 1 + source[i + 1..].chars().next().map_or(1, char::len_utf8);
            }
            _ => i += 1,
        }
    }
    let end = trim_line_end(source, i);
    out.problems.push(LexProblem {
        offset: start,
        blocks_parsing: true,
        diagnostic: Diagnostic::new("E0003", "this regex is never closed")
            .at(
                Span::new(file, start, end),
                "the regex starts here and runs to the end of the line",
            )
            .help("close the regex with `/` on the same line; write `\\/` for a slash inside it"),
    });
    i
}

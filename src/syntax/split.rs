//! Error recovery: the file is cut into chunks, each starting at a top-level item keyword, and each
//! chunk is parsed on its own. An item keyword starts a chunk at the start of a line (after
//! indentation) outside any `{…}`, or in column 0 whatever the depth, so a missing `}` costs one item
//! and not the rest of the file.

use crate::diag::{Diagnostic, FileId, Span};
use crate::syntax::scan::{Bracket, Scan};

/// Words that start an item; the ones after `require` are reserved for later versions.
pub const ITEM_KEYWORDS: &[&str] = &[
    "standard",
    "import",
    "fields",
    "kinds",
    "phrases",
    "deadline",
    "forbid",
    "require",
    "expect",
    "calendar",
    "team",
    "escalation",
    "escalate",
    "ownership",
    "scorecard",
    "audit",
    "measure",
];

/// Deeper nesting than this is refused: no real policy needs it, and it keeps recursion bounded.
pub const MAX_NESTING: usize = 64;

/// Byte ranges `[start, end)` of the chunks, covering the whole file in order.
pub fn chunks(source: &str, scan: &Scan) -> Vec<(usize, usize)> {
    let mut starts = vec![0];
    for line in &scan.line_starts {
        let indent = source[line.offset..]
            .find(|c: char| c != ' ' && c != '\t')
            .unwrap_or(source.len() - line.offset);
        let word_at = line.offset + indent;
        let Some(word) = item_keyword_at(source, word_at) else {
            continue;
        };
        // `escalate` is also an event kind, so only indentation-free depth-0 lines trust it.
        let column_zero_override = indent == 0 && word != "escalate";
        if (line.brace_depth == 0 || column_zero_override) && word_at > 0 {
            starts.push(word_at);
        }
    }
    starts.dedup();
    let mut out = Vec::with_capacity(starts.len());
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(source.len());
        out.push((start, end));
    }
    out
}

fn item_keyword_at(source: &str, at: usize) -> Option<&'static str> {
    let rest = &source[at..];
    ITEM_KEYWORDS.iter().copied().find(|kw| {
        rest.starts_with(kw)
            && !rest[kw.len()..]
                .chars()
                .next()
                .is_some_and(pest::unicode::XID_CONTINUE)
    })
}

/// Checks the brackets of one chunk: nesting deeper than [`MAX_NESTING`] (E0007) and openers never
/// closed (E0006). Stray closers are left to the parser, which names what it expected there.
pub fn check_brackets(file: FileId, brackets: &[Bracket], chunk_end: usize) -> Option<Diagnostic> {
    let mut open: Vec<Bracket> = Vec::new();
    for &b in brackets {
        match b.byte {
            b'{' | b'(' | b'[' => {
                open.push(b);
                if open.len() > MAX_NESTING {
                    return Some(too_deep(file, b.offset));
                }
            }
            closer => {
                if open.last().is_some_and(|o| closer_of(o.byte) == closer) {
                    open.pop();
                }
            }
        }
    }
    let innermost = open.last()?;
    let opener = innermost.byte as char;
    let closer = closer_of(innermost.byte) as char;
    Some(
        Diagnostic::new("E0006", format!("this `{opener}` is never closed"))
            .at(
                Span::new(file, innermost.offset, innermost.offset + 1),
                format!("`{opener}` opened here"),
            )
            .also(
                Span::new(file, chunk_end, chunk_end),
                format!("the item ends here without `{closer}`"),
            )
            .help(format!(
                "add the missing `{closer}`; the next line starting with an item keyword begins a new item"
            )),
    )
}

fn closer_of(opener: u8) -> u8 {
    match opener {
        b'{' => b'}',
        b'(' => b')',
        _ => b']',
    }
}

fn too_deep(file: FileId, offset: usize) -> Diagnostic {
    Diagnostic::new(
        "E0007",
        format!("brackets nest more than {MAX_NESTING} levels deep here"),
    )
    .at(Span::new(file, offset, offset + 1), "too deep")
    .help("split the condition into simpler parts; no rule needs this much nesting")
}

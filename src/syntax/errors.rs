//! Pest's failures → E0001 diagnostics worded in the author's terms.

use pest::error::{Error, ErrorVariant, InputLocation};

use crate::diag::{Diagnostic, FileId, Span};
use crate::syntax::grammar::{Rule, describe};
use crate::syntax::split::ITEM_KEYWORDS;

/// At most this many alternatives are listed; more would bury the useful ones.
const MAX_LISTED: usize = 6;

/// Words the grammar reserves; a name cannot be one.
const KEYWORDS: &[&str] = &[
    "standard", "import", "fields", "kinds", "phrases", "deadline", "forbid", "require", "expect",
    "when", "where", "start", "stop", "cancel", "within", "using", "at", "least", "due", "warn",
    "pause", "per", "severity", "except", "else", "and", "or", "not", "in", "matches", "has",
    "exists", "count", "every", "elapsed", "overlaps", "of", "by", "to", "after", "before",
    "first", "last", "each", "next", "any", "opened", "true", "false", "one",
];

/// The diagnostic for a chunk (`text`, starting at byte `offset` of the file) pest rejected.
pub fn syntax_error(file: FileId, text: &str, offset: usize, error: &Error<Rule>) -> Diagnostic {
    let pos = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((start, _)) => start,
    }
    .min(text.len());
    let expected: Vec<Rule> = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        ErrorVariant::CustomError { .. } => return too_complex(file, text, offset),
    };
    let found = Found::at(text, pos);
    let mut wanted: Vec<&str> = Vec::new();
    for rule in ordered(expected) {
        let words = describe(rule);
        if !wanted.contains(&words) {
            wanted.push(words);
        }
    }
    wanted.truncate(MAX_LISTED);
    let expected_text = match wanted.as_slice() {
        [] => String::new(),
        [one] => format!("expected {one}, "),
        [init @ .., last] => format!("expected {} or {last}, ", init.join(", ")),
    };
    let span = Span::new(file, offset + found.start, offset + found.end);
    let label = match wanted.first() {
        Some(first) => format!("expected {first}"),
        None => "unexpected here".to_string(),
    };
    Diagnostic::new("E0001", format!("{expected_text}found {}", found.what))
        .at(span, label)
        .help(help(&found, &wanted))
}

/// Constructs before punctuation (`a clause … or `}``), and "the end of the item" only when
/// nothing else would do.
fn ordered(mut rules: Vec<Rule>) -> Vec<Rule> {
    if rules.len() > 1 {
        rules.retain(|r| *r != Rule::EOI);
    }
    rules.sort_by_key(|r| describe(*r).starts_with('`'));
    rules
}

fn help(found: &Found, wanted: &[&str]) -> String {
    let first = wanted.first().copied().unwrap_or("something else");
    if let Some(word) = &found.keyword {
        if ITEM_KEYWORDS.contains(&word.as_str()) || !wanted.iter().any(|w| w.contains("name")) {
            return format!("write {first} here, or remove `{word}`");
        }
        return format!("`{word}` is a keyword and cannot be a name; choose another name");
    }
    if found.at_end {
        return format!("the item stops too early: continue it with {first}");
    }
    format!("write {first} here, or remove what does not belong")
}

/// The text pest stopped at, in words.
struct Found {
    start: usize,
    end: usize,
    what: String,
    keyword: Option<String>,
    at_end: bool,
}

impl Found {
    fn at(text: &str, pos: usize) -> Found {
        let rest = &text[pos..];
        if is_blank(rest) {
            let end = end_of_code(&text[..pos]);
            return Found {
                start: end,
                end,
                what: "the end of the item".to_string(),
                keyword: None,
                at_end: true,
            };
        }
        let len = token_len(rest);
        let token = &rest[..len];
        let keyword = KEYWORDS
            .iter()
            .chain(ITEM_KEYWORDS)
            .find(|k| **k == token)
            .map(|k| k.to_string());
        let what = match &keyword {
            Some(k) => format!("the keyword `{k}`"),
            None => format!("`{}`", token.escape_debug()),
        };
        Found {
            start: pos,
            end: pos + len,
            what,
            keyword,
            at_end: false,
        }
    }
}

/// Whitespace and comments only.
fn is_blank(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim_start();
        line.is_empty() || line.starts_with('#')
    })
}

/// The offset just after the last token of `text`, skipping trailing blanks and comment lines.
fn end_of_code(text: &str) -> usize {
    let mut end = text.len();
    loop {
        let before = text[..end].trim_end();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let code = code_part(&before[line_start..]);
        if code.is_empty() && line_start > 0 {
            end = line_start;
            continue;
        }
        return line_start + code.len();
    }
}

/// A line without its comment (a `#` outside strings), right-trimmed.
fn code_part(line: &str) -> &str {
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '#' if !in_string => return line[..i].trim_end(),
            _ => {}
        }
    }
    line.trim_end()
}

/// The byte length of the token at the start of `rest` (never zero; `rest` is not blank).
fn token_len(rest: &str) -> usize {
    let mut chars = rest.char_indices();
    let Some((_, first)) = chars.next() else {
        return 0;
    };
    let take_while = |pred: &dyn Fn(char) -> bool| {
        rest.char_indices()
            .skip(1)
            .find(|(_, c)| !pred(*c))
            .map_or(rest.len(), |(i, _)| i)
    };
    if pest::unicode::XID_START(first) || first == '_' {
        take_while(&pest::unicode::XID_CONTINUE)
    } else if first.is_ascii_digit() {
        take_while(&|c: char| c.is_alphanumeric() || matches!(c, '.' | ':' | '%' | '-'))
    } else if first == '"' {
        rest[1..]
            .find(['"', '\n'])
            .map_or(rest.len(), |i| i + 2)
            .min(rest.len())
    } else {
        first.len_utf8()
    }
}

fn too_complex(file: FileId, text: &str, offset: usize) -> Diagnostic {
    let end = end_of_code(text);
    Diagnostic::new("E0007", "this item is too deeply nested to read")
        .at(Span::new(file, offset, offset + end), "too complex")
        .help("split the item into simpler rules")
}

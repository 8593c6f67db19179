//! The syntax stage: `norma::syntax::parse` on fixtures under tests/fixtures/syntax/.

mod syntax {
    pub mod comments;
    pub mod constructs;
    pub mod errors;
    pub mod robust;
    pub mod shapes;
}

use norma::diag::{Diagnostic, FileId, SourceMap};
use norma::syntax::ast::{File, Item, ItemKind};
use norma::syntax::parse;

pub fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/syntax/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Parses and fails the test on any diagnostic.
pub fn parse_clean(source: &str) -> File {
    let (file, diags) = parse(FileId(0), source);
    assert!(
        diags.is_empty(),
        "unexpected diagnostics: {}",
        render(source, &diags)
    );
    file
}

/// `CODE line:col-line:col "snippet" message / help: …`, one line per diagnostic.
pub fn render(source: &str, diags: &[Diagnostic]) -> String {
    let mut map = SourceMap::new();
    let id = map.add("t.norma".into(), "t.norma".into(), source.to_string());
    diags
        .iter()
        .map(|d| {
            let place = match &d.primary {
                Some(label) => {
                    let (l1, c1) = map.line_col(id, label.span.start);
                    let (l2, c2) = map.line_col(id, label.span.end);
                    format!("{l1}:{c1}-{l2}:{c2} {:?}", map.snippet(label.span))
                }
                None => "-".to_string(),
            };
            format!("{} {place} {} / help: {}\n", d.code, d.message, d.help)
        })
        .collect()
}

/// The text a span covers.
pub fn text(source: &str, span: norma::diag::Span) -> &str {
    &source[span.start..span.end]
}

/// The item whose name (or reserved name) is `name`.
pub fn item<'f>(file: &'f File, name: &str) -> &'f Item {
    file.items
        .iter()
        .find(|i| item_name(i) == Some(name))
        .unwrap_or_else(|| panic!("no item named {name}"))
}

pub fn item_name(item: &Item) -> Option<&str> {
    match &item.kind {
        ItemKind::Phrases(p) => Some(&p.name.name),
        ItemKind::Deadline(r) => Some(&r.name.name),
        ItemKind::Calendar(c) => Some(&c.name.name),
        ItemKind::PhraseRule(r) => r.name.as_ref().map(|n| n.name.as_str()),
        ItemKind::Reserved(r) => r.name.as_ref().map(|n| n.name.as_str()),
        _ => None,
    }
}

//! Check: loads a policy's files, resolves names, types and fields, and produces a validated
//! policy or diagnostics (all of them, from every file).

pub mod calendars;
mod deadline;
mod durations;
mod expect;
mod expr;
mod fields;
mod lints;
mod load;
pub mod model;
mod names;
mod rules;
mod selectors;
mod standard;

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, FileId, SourceMap, Span};
use crate::syntax::ast;

pub use model::Policy;
pub use names::nfc;

/// A policy's files, parsed, with the diagnostics of loading and parsing.
pub struct LoadedSources {
    pub sources: SourceMap,
    pub files: Vec<(FileId, ast::File)>,
    pub diagnostics: Vec<Diagnostic>,
    pub root: PathBuf,
}

/// Loads the entry files (or directories: every `*.norma` below) and everything they import.
pub fn load(entries: &[PathBuf], root: Option<&Path>) -> LoadedSources {
    load::load(entries, root)
}

pub struct Checked {
    /// The validated policy, when there were no errors.
    pub policy: Option<Policy>,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: SourceMap,
}

/// Checks a loaded policy. Every item of every file is checked, so all problems are reported.
pub fn check(loaded: LoadedSources) -> Checked {
    let LoadedSources {
        sources,
        files,
        diagnostics,
        root,
    } = loaded;
    let items: Vec<&ast::Item> = files.iter().flat_map(|(_, f)| f.items.iter()).collect();
    let mut cx = Checker::new(&sources, diagnostics);
    // With no file loaded, the loader's E0110 already says why; "no standard" would be noise.
    let standard = if files.is_empty() {
        None
    } else {
        standard::check_standard(&mut cx, &items)
    };
    cx.fields = fields::declare_fields(&mut cx, &items);
    cx.kinds = names::declare_kinds(&mut cx, &items);
    let names = names::declare(&mut cx, &items);
    let zone = standard.as_ref().map_or(chrono_tz::UTC, |s| s.timezone);
    let calendars = calendars::calendars(&mut cx, &items, zone);
    cx.calendar_index = calendars
        .iter()
        .enumerate()
        .map(|(i, c)| (c.name.clone(), i))
        .collect();
    let phrase_sets = rules::phrase_sets(&mut cx, &names);
    let rules = rules::rules(&mut cx, &names);
    lints::lint(&mut cx, &items);
    let fields = std::mem::take(&mut cx.fields);
    let has_count = cx.has_count;
    let diagnostics = cx.diagnostics;
    let ok = !diagnostics.iter().any(Diagnostic::is_error);
    let policy = match (ok, standard) {
        (true, Some(standard)) => Some(Policy {
            standard,
            calendars,
            fields: fields.defs,
            phrase_sets,
            rules,
            has_count,
            source_hash: source_hash(&sources, &root),
        }),
        _ => None,
    };
    Checked {
        policy,
        diagnostics,
        sources,
    }
}

/// State shared by the checks: the diagnostics so far and what has been declared.
pub(crate) struct Checker<'a> {
    pub sources: &'a SourceMap,
    pub diagnostics: Vec<Diagnostic>,
    pub fields: fields::FieldTable,
    pub kinds: names::KindTable,
    /// Checked calendars by name → index into `Policy::calendars`.
    pub calendar_index: std::collections::HashMap<String, usize>,
    pub has_count: usize,
}

impl<'a> Checker<'a> {
    fn new(sources: &'a SourceMap, diagnostics: Vec<Diagnostic>) -> Self {
        Checker {
            sources,
            diagnostics,
            fields: fields::FieldTable::default(),
            kinds: names::KindTable::default(),
            calendar_index: std::collections::HashMap::new(),
            has_count: 0,
        }
    }

    pub fn report(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    /// `file:line` of a span, for rule definitions in output.
    pub fn location(&self, span: Span) -> String {
        let (line, _) = self.sources.line_col(span.file, span.start);
        let file = self
            .sources
            .get(span.file)
            .map(|f| f.display.as_str())
            .unwrap_or("?");
        format!("{file}:{line}")
    }

    /// The source text of a span, for messages that quote the policy.
    pub fn text(&self, span: Span) -> String {
        self.sources.snippet(span).to_string()
    }
}

/// FNV-1a 64 over every file's path below the policy root and its text: the same policy gives
/// the same hash wherever it is checked out and whatever directory norma runs in.
fn source_hash(sources: &SourceMap, root: &Path) -> String {
    let mut hash = crate::hash::Fnv1a::new();
    for (_, file) in sources.files() {
        let relative = file.path.strip_prefix(root).unwrap_or(&file.path);
        hash.write(relative.to_string_lossy().as_bytes());
        hash.write(&[0]);
        hash.write(file.text.as_bytes());
        hash.write(&[0]);
    }
    format!("{:016x}", hash.finish())
}

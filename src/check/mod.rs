//! Check: loads a policy's files, resolves names, types and fields, and produces a validated
//! policy or diagnostics (all of them, from every file).

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, FileId, SourceMap};
use crate::syntax::ast;

/// A policy's files, parsed, with the diagnostics of loading and parsing.
pub struct LoadedSources {
    pub sources: SourceMap,
    pub files: Vec<(FileId, ast::File)>,
    pub diagnostics: Vec<Diagnostic>,
    pub root: PathBuf,
}

/// Loads the entry files and everything they import, each once.
pub fn load(_entries: &[PathBuf], root: Option<&Path>) -> LoadedSources {
    LoadedSources {
        sources: SourceMap::new(),
        files: Vec::new(),
        diagnostics: Vec::new(),
        root: root.map(Path::to_path_buf).unwrap_or_default(),
    }
}

/// The validated policy (stub).
pub struct Policy {}

pub struct Checked {
    pub policy: Option<Policy>,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: SourceMap,
}

pub fn check(loaded: LoadedSources) -> Checked {
    Checked {
        policy: None,
        diagnostics: loaded.diagnostics,
        sources: loaded.sources,
    }
}

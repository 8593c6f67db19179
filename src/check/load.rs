//! Policy loading: entry files and directories, imports relative to the importing file, each file
//! once by canonical path, never outside the policy root, never in a cycle.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use petgraph::algo::tarjan_scc;
use petgraph::graph::DiGraph;

use super::LoadedSources;
use crate::diag::{Diagnostic, FileId, SourceMap, Span};
use crate::syntax::{self, ast};

/// An import statement: which file it is in, where, and the file it resolved to.
struct ImportEdge {
    from: FileId,
    to: FileId,
    span: Span,
}

pub fn load(entries: &[PathBuf], root: Option<&Path>) -> LoadedSources {
    let mut loader = Loader::default();
    let mut entry_files = Vec::new();
    for entry in entries {
        loader.collect_entry(entry, &mut entry_files);
    }
    let root = match root {
        Some(r) => canonical(r),
        None => default_root(entries),
    };
    loader.root = root.clone();
    for path in entry_files {
        loader.load_file(&path, None);
    }
    loader.check_cycles();
    LoadedSources {
        sources: loader.sources,
        files: loader.files,
        diagnostics: loader.diagnostics,
        root,
    }
}

#[derive(Default)]
struct Loader {
    sources: SourceMap,
    files: Vec<(FileId, ast::File)>,
    diagnostics: Vec<Diagnostic>,
    by_path: HashMap<PathBuf, FileId>,
    imports: Vec<ImportEdge>,
    root: PathBuf,
}

impl Loader {
    fn collect_entry(&mut self, entry: &Path, out: &mut Vec<PathBuf>) {
        if entry.is_dir() {
            let before = out.len();
            collect_norma_files(entry, out);
            if out.len() == before {
                self.diagnostics.push(
                    Diagnostic::new(
                        "E0110",
                        format!("no `.norma` files in directory `{}`", entry.display()),
                    )
                    .help("a directory policy means every `*.norma` file below it; check the path"),
                );
            }
        } else if entry.is_file() {
            out.push(entry.to_path_buf());
        } else {
            self.diagnostics.push(
                Diagnostic::new(
                    "E0110",
                    format!("policy path `{}` does not exist", entry.display()),
                )
                .help("give a `.norma` file or a directory of them"),
            );
        }
    }

    /// Loads a file once; returns its id, or `None` when it could not be read.
    fn load_file(&mut self, path: &Path, imported_at: Option<Span>) -> Option<FileId> {
        let canonical_path = canonical(path);
        if let Some(id) = self.by_path.get(&canonical_path) {
            return Some(*id);
        }
        let text = match fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => {
                    self.unreadable(path, imported_at, &format!("it is not UTF-8 ({e})"));
                    return None;
                }
            },
            Err(e) => {
                self.unreadable(path, imported_at, &e.to_string());
                return None;
            }
        };
        let id = self
            .sources
            .add(display_path(path), canonical_path.clone(), text);
        self.by_path.insert(canonical_path.clone(), id);
        let source = self
            .sources
            .get(id)
            .map(|f| f.text.clone())
            .unwrap_or_default();
        let (file, diags) = syntax::parse(id, &source);
        self.diagnostics.extend(diags);
        let imports: Vec<ast::Str> = file
            .items
            .iter()
            .filter_map(|item| match &item.kind {
                ast::ItemKind::Import(s) => Some(s.clone()),
                _ => None,
            })
            .collect();
        self.files.push((id, file));
        let dir = canonical_path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        for import in imports {
            self.follow_import(id, &dir, &import);
        }
        Some(id)
    }

    fn follow_import(&mut self, from: FileId, dir: &Path, import: &ast::Str) {
        let target = dir.join(&import.value);
        if !target.is_file() {
            self.diagnostics.push(
                Diagnostic::new(
                    "E0105",
                    format!("cannot find imported file `{}`", import.value),
                )
                .at(import.span, format!("looked for {}", display_path(&target)))
                .help("imports are relative to the file that imports them"),
            );
            return;
        }
        if !canonical(&target).starts_with(&self.root) {
            self.diagnostics.push(
                Diagnostic::new(
                    "E0106",
                    format!("import `{}` leaves the policy root", import.value),
                )
                .at(import.span, "this file is outside the policy root")
                .help(format!(
                    "the policy root is `{}`; move the file inside it, or pass `--root` with a directory that contains both",
                    display_path(&self.root)
                )),
            );
            return;
        }
        if let Some(to) = self.load_file(&target, Some(import.span)) {
            self.imports.push(ImportEdge {
                from,
                to,
                span: import.span,
            });
        }
    }

    fn unreadable(&mut self, path: &Path, at: Option<Span>, why: &str) {
        let mut d = Diagnostic::new("E0105", format!("cannot read `{}`: {why}", path.display()))
            .help("check that the file exists, is readable and is UTF-8");
        if let Some(span) = at {
            d = d.at(span, "imported here");
        }
        self.diagnostics.push(d);
    }

    /// Every strongly connected group of files is a cycle; report it at one of its imports.
    fn check_cycles(&mut self) {
        let mut graph = DiGraph::<FileId, usize>::new();
        let nodes: BTreeMap<FileId, _> = self
            .files
            .iter()
            .map(|(id, _)| (*id, graph.add_node(*id)))
            .collect();
        for (i, edge) in self.imports.iter().enumerate() {
            if let (Some(a), Some(b)) = (nodes.get(&edge.from), nodes.get(&edge.to)) {
                graph.add_edge(*a, *b, i);
            }
        }
        for component in tarjan_scc(&graph) {
            let members: Vec<FileId> = component.iter().map(|n| graph[*n]).collect();
            let in_cycle = |e: &&ImportEdge| members.contains(&e.from) && members.contains(&e.to);
            let edges: Vec<&ImportEdge> = self.imports.iter().filter(in_cycle).collect();
            if members.len() < 2 && edges.is_empty() {
                continue;
            }
            let chain: Vec<String> = members
                .iter()
                .filter_map(|id| self.sources.get(*id).map(|f| f.display.clone()))
                .collect();
            let Some(first) = edges.first() else { continue };
            let mut d = Diagnostic::new(
                "E0107",
                format!("import cycle between {}", chain.join(", ")),
            )
            .at(first.span, "this import is part of a cycle")
            .help("move what both files need into a third file that both import");
            for other in edges.iter().skip(1) {
                d = d.also(other.span, "and this one");
            }
            self.diagnostics.push(d);
        }
    }
}

fn collect_norma_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(read) = fs::read_dir(dir) else { return };
    let mut entries: Vec<(PathBuf, bool)> = read
        .filter_map(|e| e.ok())
        .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_symlink())))
        .collect();
    entries.sort();
    for (path, is_link) in entries {
        // A linked directory is not followed: a link to an ancestor would never end.
        if path.is_dir() && !is_link {
            collect_norma_files(&path, out);
        } else if path.is_file() && path.extension().is_some_and(|e| e == "norma") {
            out.push(path);
        }
    }
}

fn canonical(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The root imports may not leave: a directory entry itself, a file entry's directory, and for
/// several entries the deepest directory containing them all.
fn default_root(entries: &[PathBuf]) -> PathBuf {
    let dirs: Vec<PathBuf> = entries
        .iter()
        .map(|e| {
            let c = canonical(e);
            if c.is_dir() {
                c
            } else {
                c.parent().map(Path::to_path_buf).unwrap_or(c)
            }
        })
        .collect();
    let Some(first) = dirs.first() else {
        return PathBuf::new();
    };
    let mut common = first.clone();
    for dir in &dirs[1..] {
        while !dir.starts_with(&common) {
            if !common.pop() {
                break;
            }
        }
    }
    common
}

/// A path as users should see it: relative to the working directory when it is below it.
fn display_path(path: &Path) -> String {
    let Ok(cwd) = std::env::current_dir() else {
        return path.display().to_string();
    };
    let cwd = canonical(&cwd);
    let abs = canonical(path);
    let shown = abs
        .strip_prefix(&cwd)
        .or_else(|_| path.strip_prefix(&cwd))
        .map(Path::to_path_buf)
        .unwrap_or(abs);
    shown.display().to_string()
}

//! norma: customer-service standards as code.
//!
//! A policy (`.norma` files) goes through `syntax::parse` → `check::check` → `compile::compile`,
//! and the compiled policy evaluates records with `eval::evaluate`: an outcome for every
//! (record, rule) pair, which `report` renders. [`load_policy`] runs the first three stages.

pub mod check;
pub mod cli;
pub mod compile;
pub mod diag;
pub mod eval;
pub mod hash;
pub mod import;
pub mod records;
pub mod report;
pub mod suggest;
pub mod syntax;
pub mod time;

use std::path::PathBuf;

pub use compile::CompiledPolicy;
pub use diag::{Diagnostic, SourceMap};

/// A policy loaded from its entry paths: the compiled policy when there were no errors, and every
/// diagnostic (warnings included) with the sources they point into.
pub struct Loaded {
    pub sources: SourceMap,
    pub diagnostics: Vec<Diagnostic>,
    pub policy: Option<CompiledPolicy>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Loads, checks and compiles a policy: `entries` are `.norma` files or directories (every
/// `*.norma` below), `root` overrides the policy root that imports may not leave.
pub fn load_policy(entries: &[PathBuf], root: Option<PathBuf>) -> Loaded {
    // Checking recurses over expressions; a thread with a large stack keeps the deepest
    // expression the parser admits far from any limit, whatever thread the caller is on.
    let owned = (entries.to_vec(), root.clone());
    let spawned = std::thread::Builder::new()
        .stack_size(POLICY_STACK)
        .spawn(move || load_policy_here(&owned.0, owned.1));
    match spawned.map(|handle| handle.join()) {
        Ok(Ok(loaded)) => loaded,
        // No thread could be started: check on this one.
        _ => load_policy_here(entries, root),
    }
}

/// The stack of the thread that loads and checks a policy.
const POLICY_STACK: usize = 64 << 20;

fn load_policy_here(entries: &[PathBuf], root: Option<PathBuf>) -> Loaded {
    let loaded = check::load(entries, root.as_deref());
    let checked = check::check(loaded);
    let mut diagnostics = checked.diagnostics;
    diag::sort(&mut diagnostics);
    let policy = match checked.policy.map(compile::compile) {
        Some(Ok(policy)) => Some(policy),
        Some(Err(errors)) => {
            diagnostics.extend(errors);
            None
        }
        None => None,
    };
    Loaded {
        sources: checked.sources,
        diagnostics,
        policy,
    }
}

//! `norma check POLICY…`: loads the paths as one policy and reports every diagnostic.

use std::io;
use std::path::PathBuf;

use super::{Io, count, exit, write_diagnostics};
use crate::report::Format;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Policy files or directories (every `*.norma` below), loaded as one policy.
    #[arg(required = true, value_name = "POLICY")]
    pub policy: Vec<PathBuf>,
    /// The directory imports may not leave (default: the entries' common directory).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// `human` (diagnostics on stderr) or `json` (one `diagnostic` line each on stdout).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(args: &Args, io: &mut Io) -> io::Result<i32> {
    let loaded = crate::load_policy(&args.policy, args.root.clone());
    write_diagnostics(&loaded, args.format, io)?;
    if loaded.has_errors() {
        let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
        writeln!(
            io.err,
            "error: the policy has {}",
            count(errors, "error", "errors")
        )?;
        return Ok(exit::USAGE);
    }
    let Some(policy) = &loaded.policy else {
        writeln!(
            io.err,
            "error: no policy could be compiled from the given paths"
        )?;
        return Ok(exit::USAGE);
    };
    let warnings = loaded.diagnostics.len();
    let warnings = if warnings == 0 {
        String::new()
    } else {
        format!(", {}", count(warnings, "warning", "warnings"))
    };
    writeln!(
        io.err,
        "ok: policy \"{}\" ({}, {}){warnings}",
        policy.standard.name,
        count(policy.rules.len(), "rule", "rules"),
        count(loaded.sources.files().count(), "file", "files"),
    )?;
    Ok(exit::SUCCESS)
}

//! `norma check POLICY…`: loads the paths as one policy and reports every diagnostic.

use std::io;
use std::path::PathBuf;

use super::{Io, count, exit, load_for};
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
    let loaded = match load_for(&args.policy, args.root.clone(), args.format, None, io)? {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let Some(policy) = &loaded.policy else {
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

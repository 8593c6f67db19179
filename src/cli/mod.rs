//! The `norma` command line: one file per subcommand. Every subcommand returns its exit code:
//! 0 success (warnings included), 1 findings at or above `--fail-on`, 2 usage errors, policy
//! diagnostics at error level and unreadable inputs (docs/cli.md).

pub mod calendar;
pub mod check;
pub mod explain;
pub mod import;
pub mod lint;

use std::ffi::OsString;
use std::io::{self, BufWriter, IsTerminal, Write};

use clap::{Parser, Subcommand};

use crate::Loaded;
use crate::diag::{render_human, render_json};
use crate::report::{Format, json};

/// Exit codes, one table for every subcommand.
pub mod exit {
    pub const SUCCESS: i32 = 0;
    /// Findings at or above `--fail-on`.
    pub const FINDINGS: i32 = 1;
    /// Usage errors, policy diagnostics at error level, unreadable inputs.
    pub const USAGE: i32 = 2;
}

#[derive(Debug, Parser)]
#[command(
    name = "norma",
    version,
    about = "Customer-service standards as code: check policies, lint interaction records"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a policy (its files and imports, as one policy) and report every diagnostic.
    Check(check::Args),
    /// Evaluate records against a policy and report findings.
    Lint(lint::Args),
    /// Explain a diagnostic code, such as E0101.
    Explain(explain::Args),
    /// Convert records from another format to JSON Lines on standard output.
    Import(import::Args),
    /// Ask a policy's calendar when a limit is due, how much open time lies between two
    /// instants, whether it is open, or which periods are open.
    Calendar(calendar::Args),
}

/// Where a command writes, and whether each stream takes colour.
pub struct Io<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    pub colour_out: bool,
    pub colour_err: bool,
}

/// Runs the CLI with the process arguments and returns the exit code.
pub fn main() -> i32 {
    let no_colour = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let stdout = io::stdout();
    let stderr = io::stderr();
    let colour_out = !no_colour && stdout.is_terminal();
    let colour_err = !no_colour && stderr.is_terminal();
    let mut out = BufWriter::new(stdout.lock());
    let mut err = stderr.lock();
    let mut io = Io {
        out: &mut out,
        err: &mut err,
        colour_out,
        colour_err,
    };
    run(std::env::args_os(), &mut io)
}

/// Runs the CLI with `args` (the program name first).
pub fn run<I, T>(args: I, io: &mut Io) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            // --help and --version are "errors" to clap that go to stdout and succeed.
            let (stream, code) = if error.use_stderr() {
                (&mut *io.err, exit::USAGE)
            } else {
                (&mut *io.out, exit::SUCCESS)
            };
            let _ = write!(stream, "{}", error.render());
            let _ = stream.flush();
            return code;
        }
    };
    let result = match &cli.command {
        Command::Check(args) => check::run(args, io),
        Command::Lint(args) => lint::run(args, io),
        Command::Explain(args) => explain::run(args, io),
        Command::Import(args) => import::run(args, io),
        Command::Calendar(args) => calendar::run(args, io),
    };
    let result = result.and_then(|code| io.out.flush().map(|()| code));
    match result {
        Ok(code) => code,
        // A reader that stopped reading (`norma lint … | head`) is no failure of ours.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => exit::SUCCESS,
        Err(error) => {
            let _ = writeln!(io.err, "error: cannot write output: {error}");
            exit::USAGE
        }
    }
}

/// Writes a usage error with an optional `help:` line; returns exit code 2.
pub(crate) fn usage_error(io: &mut Io, message: &str, help: Option<&str>) -> io::Result<i32> {
    writeln!(io.err, "error: {message}")?;
    if let Some(help) = help {
        writeln!(io.err, "  help: {help}")?;
    }
    Ok(exit::USAGE)
}

/// Writes a policy's diagnostics: for people on stderr, as JSON `diagnostic` lines on stdout.
pub(crate) fn write_diagnostics(loaded: &Loaded, format: Format, io: &mut Io) -> io::Result<()> {
    match format {
        Format::Human => {
            if !loaded.diagnostics.is_empty() {
                let text = render_human(&loaded.diagnostics, &loaded.sources, io.colour_err);
                writeln!(io.err, "{text}")?;
            }
        }
        Format::Json => {
            for diagnostic in &loaded.diagnostics {
                let value = render_json(diagnostic, &loaded.sources);
                json::write_line(io.out, "diagnostic", &value)?;
            }
        }
    }
    Ok(())
}

/// Loads a policy for a subcommand and prints its diagnostics. `Err(code)` (exit 2) when it has
/// errors or compiled to nothing; `consequence` says what was not done ("no record was
/// evaluated"), if anything.
pub(crate) fn load_for(
    paths: &[std::path::PathBuf],
    root: Option<std::path::PathBuf>,
    format: Format,
    consequence: Option<&str>,
    io: &mut Io,
) -> io::Result<Result<Loaded, i32>> {
    let loaded = crate::load_policy(paths, root);
    write_diagnostics(&loaded, format, io)?;
    let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
    if errors > 0 || loaded.policy.is_none() {
        let what = if errors > 0 {
            format!("the policy has {}", count(errors, "error", "errors"))
        } else {
            "no policy could be compiled from the given paths".to_string()
        };
        let then = consequence.map(|c| format!("; {c}")).unwrap_or_default();
        writeln!(io.err, "error: {what}{then}")?;
        return Ok(Err(exit::USAGE));
    }
    Ok(Ok(loaded))
}

/// "1 warning", "2 errors".
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

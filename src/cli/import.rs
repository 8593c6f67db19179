//! `norma import FORMAT FILE… [--mapping FILE]`: other formats → records as JSON Lines on stdout.

use std::io;
use std::path::PathBuf;

use super::{Io, exit, usage_error};
use crate::import::{ImportOptions, formats, import};
use crate::suggest::did_you_mean;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The input format (see docs/cli.md for the list).
    pub format: String,
    /// Files to convert.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// A mapping from the format's fields to record fields.
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
}

pub fn run(args: &Args, io: &mut Io) -> io::Result<i32> {
    let names: Vec<&str> = formats().map(|f| f.name).collect();
    if !names.contains(&args.format.as_str()) {
        let known = names.join(", ");
        let help = match did_you_mean(&args.format, names.iter().copied()) {
            Some(format) => format!("did you mean `{format}`? formats: {known}"),
            None => format!("formats: {known}"),
        };
        return usage_error(
            io,
            &format!("unknown import format `{}`", args.format),
            Some(&help),
        );
    }
    let options = ImportOptions {
        mapping: args.mapping.clone(),
    };
    match import(&args.format, &args.files, &options, &mut *io.out) {
        Ok(_) => Ok(exit::SUCCESS),
        // A reader that stopped reading (`norma import … | head`) is no failure of ours.
        Err(error) if error.output_closed => Ok(exit::SUCCESS),
        Err(error) => {
            writeln!(io.err, "error: {error}")?;
            Ok(exit::USAGE)
        }
    }
}

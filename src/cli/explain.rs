//! `norma explain CODE`: prints a diagnostic code's title and explanation.

use std::io;

use super::{Io, exit, usage_error};
use crate::diag::codes;
use crate::suggest::did_you_mean;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A diagnostic code, such as E0101 or W0701 (case does not matter).
    pub code: String,
}

pub fn run(args: &Args, io: &mut Io) -> io::Result<i32> {
    let Some(doc) = codes::lookup(&args.code) else {
        let wanted = args.code.trim().to_ascii_uppercase();
        let help = did_you_mean(&wanted, codes::all().map(|c| c.code))
            .map(|code| format!("did you mean `{code}`?"))
            .unwrap_or_else(|| "codes look like E0101 (errors) or W0701 (warnings)".to_string());
        return usage_error(io, &format!("unknown code `{}`", args.code), Some(&help));
    };
    writeln!(io.out, "{}: {}\n", doc.code, doc.title)?;
    writeln!(io.out, "{}", doc.explanation.trim())?;
    Ok(exit::SUCCESS)
}

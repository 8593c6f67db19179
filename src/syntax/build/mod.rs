//! Pest pairs → AST. The grammar guarantees the shape of every pair, but input must never panic, so
//! a pair of an unexpected shape becomes an E0001 diagnostic instead of an `unwrap`.

mod clauses;
mod exprs;
mod items;

use pest::iterators::Pair as PestPair;

use crate::diag::{Diagnostic, FileId, Span};
use crate::syntax::ast::{Comment, Ident, Path};
use crate::syntax::grammar::Rule;

pub(super) use items::build_chunk;

type Pair<'i> = PestPair<'i, Rule>;
/// Boxed: a diagnostic is large, and the happy path should not pay for moving one around.
type Built<T> = Result<T, Box<Diagnostic>>;

/// Chained `and`/`or` operands and stacked `not`s beyond these are refused (E0007): they would
/// make trees deep enough to strain every later stage's recursion.
const MAX_CHAIN: usize = 256;
const MAX_NOTS: usize = 64;

/// Builds the AST of one chunk. Pest positions are relative to the chunk; `offset` moves them back
/// into the file. Value problems that do not stop the item (a bad date) collect in `diags`.
pub(super) struct Builder<'a> {
    pub file: FileId,
    pub offset: usize,
    pub diags: Vec<Diagnostic>,
    /// The whole file and its comments, to trim spans.
    pub source: &'a str,
    pub comments: &'a [Comment],
}

impl Builder<'_> {
    /// The pair's span in the file. Pest lets a rule that ends in a failed optional part keep the
    /// blanks and comments it skipped before trying it; those are not part of the node.
    fn span(&self, pair: &Pair) -> Span {
        let s = pair.as_span();
        let start = self.offset + s.start();
        let mut end = self.offset + s.end();
        loop {
            let trimmed = self
                .source
                .get(start..end)
                .map_or(end, |t| start + t.trim_end().len());
            let before = self.comments.partition_point(|c| c.span.start < trimmed);
            let in_comment = before
                .checked_sub(1)
                .and_then(|i| self.comments.get(i))
                .filter(|c| c.span.start >= start && c.span.end >= trimmed);
            match in_comment {
                Some(c) => end = c.span.start,
                None => return Span::new(self.file, start, trimmed),
            }
        }
    }

    fn ident(&self, pair: &Pair) -> Ident {
        Ident {
            name: pair.as_str().to_string(),
            span: self.span(pair),
        }
    }

    /// A `path`, `field_path` or `exists_name` pair.
    fn path(&self, pair: &Pair) -> Built<Path> {
        let inner = match pair.as_rule() {
            Rule::exists_name => self.first(pair)?,
            _ => pair.clone(),
        };
        let segments = inner.into_inner().map(|seg| self.ident(&seg)).collect();
        Ok(Path {
            segments,
            span: self.span(pair),
        })
    }

    /// The meaningful children: punctuation carries no information once parsed.
    fn children<'i>(&self, pair: &Pair<'i>) -> Vec<Pair<'i>> {
        pair.clone()
            .into_inner()
            .filter(|p| !is_punctuation(p.as_rule()))
            .collect()
    }

    fn first<'i>(&self, pair: &Pair<'i>) -> Built<Pair<'i>> {
        self.children(pair)
            .into_iter()
            .next()
            .ok_or_else(|| self.malformed(pair))
    }

    /// The first child with `rule`.
    fn child<'i>(&self, pair: &Pair<'i>, rule: Rule) -> Built<Pair<'i>> {
        self.find(pair, rule).ok_or_else(|| self.malformed(pair))
    }

    fn find<'i>(&self, pair: &Pair<'i>, rule: Rule) -> Option<Pair<'i>> {
        pair.clone().into_inner().find(|p| p.as_rule() == rule)
    }

    /// A shape the grammar should have ruled out; reported rather than panicking.
    fn malformed(&self, pair: &Pair) -> Box<Diagnostic> {
        Box::new(
            Diagnostic::new(
                "E0001",
                format!("could not read `{}`", first_line(pair.as_str())),
            )
            .at(self.span(pair), "not understood")
            .help("this is a bug in norma's parser; please report it with the text of the item"),
        )
    }

    fn too_complex(&self, pair: &Pair, what: &str) -> Box<Diagnostic> {
        Box::new(
            Diagnostic::new("E0007", format!("this condition has too many {what}"))
                .at(self.span(pair), "too complex")
                .help("split the rule or group the condition with a phrase set or a field"),
        )
    }
}

fn first_line(text: &str) -> &str {
    let line = text.lines().next().unwrap_or("");
    match line.char_indices().nth(40) {
        Some((i, _)) => &line[..i],
        None => line,
    }
}

fn is_punctuation(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::open_brace
            | Rule::close_brace
            | Rule::paren_open
            | Rule::list_open
            | Rule::close_paren
            | Rule::open_bracket
            | Rule::close_bracket
            | Rule::comma
            | Rule::colon
            | Rule::equals
            | Rule::arrow
            | Rule::EOI
    )
}

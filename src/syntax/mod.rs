//! Syntax: `.norma` source text → AST with spans and attached comments, plus E00xx diagnostics.
//!
//! The file is scanned once for comments and lexical errors (`scan`), cut into top-level chunks
//! (`split`), and each chunk is parsed by pest (`grammar`) and built into the AST (`build`) on its
//! own, so one broken item is reported and the others still parse. Comments are attached last
//! (`comments`).

pub mod ast;
mod build;
mod comments;
mod errors;
mod grammar;
mod scan;
mod split;

use pest::Parser;

use crate::diag::{Diagnostic, FileId, Span};
use build::Builder;
use grammar::{NormaParser, Rule};

/// Stack for the parsing thread. Pest's generated code is recursive and, unoptimised, needs tens
/// of kilobytes per bracket level; this covers the 64 levels `split::MAX_NESTING` allows in any
/// build, whatever stack the caller runs on.
const PARSER_STACK: usize = 16 << 20;

/// Parses one file. Always returns a tree: items that failed to parse are left out and reported,
/// and parsing resumes at the next top-level item.
pub fn parse(file: FileId, source: &str) -> (ast::File, Vec<Diagnostic>) {
    let spawned = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("norma-parse".into())
            .stack_size(PARSER_STACK)
            .spawn_scoped(scope, || parse_here(file, source))
            .ok()
            .map(|handle| handle.join())
    });
    match spawned {
        Some(Ok(parsed)) => parsed,
        Some(Err(panic)) => std::panic::resume_unwind(panic),
        // No thread to be had: parse on the caller's stack, which suffices for usual nesting.
        None => parse_here(file, source),
    }
}

fn parse_here(file: FileId, source: &str) -> (ast::File, Vec<Diagnostic>) {
    let scanned = scan::scan(file, source);
    let mut diags = Vec::new();
    let mut items = Vec::new();
    let mut failed: Vec<(usize, usize)> = Vec::new();
    for (start, end) in split::chunks(source, &scanned) {
        match parse_chunk(file, source, start, end, &scanned, &mut diags) {
            Some(mut chunk_items) => items.append(&mut chunk_items),
            None => failed.push((start, end)),
        }
    }
    // Comments inside a failed chunk have no node to go to; the file has errors anyway.
    let comments = scanned
        .comments
        .into_iter()
        .filter(|c| {
            !failed
                .iter()
                .any(|&(s, e)| s <= c.span.start && c.span.start < e)
        })
        .collect();
    let mut tree = ast::File {
        items,
        trailing_comments: Vec::new(),
        span: Span::new(file, 0, source.len()),
    };
    comments::attach(&mut tree, comments, source);
    (tree, diags)
}

/// Every `#` comment of a file in order, as `parse` finds them (a `#` inside a string or regex is
/// no comment). Useful to check that every comment was attached.
pub fn comments(file: FileId, source: &str) -> Vec<ast::Comment> {
    scan::scan(file, source).comments
}

/// Parses the chunk `source[start..end]`; `None` when it failed (its diagnostics are in `diags`).
fn parse_chunk(
    file: FileId,
    source: &str,
    start: usize,
    end: usize,
    scanned: &scan::Scan,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<ast::Item>> {
    let mut blocked = false;
    for problem in scanned
        .problems
        .iter()
        .filter(|p| start <= p.offset && p.offset < end)
    {
        diags.push(problem.diagnostic.clone());
        blocked |= problem.blocks_parsing;
    }
    if blocked {
        return None;
    }
    let from = scanned.brackets.partition_point(|b| b.offset < start);
    let to = scanned.brackets.partition_point(|b| b.offset < end);
    if let Some(d) = split::check_brackets(file, &scanned.brackets[from..to], end) {
        diags.push(d);
        return None;
    }
    let text = &source[start..end];
    let pairs = match NormaParser::parse(Rule::chunk, text) {
        Ok(pairs) => pairs,
        Err(error) => {
            diags.push(errors::syntax_error(file, text, start, &error));
            return None;
        }
    };
    let mut builder = Builder {
        file,
        offset: start,
        diags: Vec::new(),
        source,
        comments: &scanned.comments,
    };
    let chunk = pairs.into_iter().next()?;
    let built = build::build_chunk(&mut builder, &chunk);
    diags.append(&mut builder.diags);
    match built {
        Ok(items) => Some(items),
        Err(d) => {
            diags.push(*d);
            None
        }
    }
}

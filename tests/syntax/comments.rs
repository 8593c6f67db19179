//! Every comment ends up attached exactly once, at the node it belongs to.

use crate::{fixture, item, parse_clean};
use norma::diag::FileId;
use norma::syntax::ast::*;

/// Every attached comment's text, in tree order, plus those kept verbatim in reserved items.
fn attached(file: &File) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut push = |c: &Comment| out.push((c.span.start, c.text.clone()));
    fn node(comments: &Comments, push: &mut dyn FnMut(&Comment)) {
        comments.leading.iter().for_each(&mut *push);
        comments.trailing.iter().for_each(&mut *push);
    }
    fn clauses(list: &[Clause], push: &mut dyn FnMut(&Comment)) {
        for c in list {
            node(&c.comments, push);
            if let ClauseKind::Within(Limit::Table(t)) = &c.kind {
                t.arms.iter().for_each(|a| node(&a.comments, push));
                t.inner_comments.iter().for_each(&mut *push);
            }
        }
    }
    for item in &file.items {
        node(&item.comments, &mut push);
        match &item.kind {
            ItemKind::Standard(s) => {
                s.properties
                    .iter()
                    .for_each(|p| node(&p.comments, &mut push));
                s.inner_comments.iter().for_each(&mut push);
            }
            ItemKind::Fields(f) => {
                f.decls.iter().for_each(|d| node(&d.comments, &mut push));
                f.inner_comments.iter().for_each(&mut push);
            }
            ItemKind::Kinds(k) => k.inner_comments.iter().for_each(&mut push),
            ItemKind::Phrases(p) => {
                p.patterns
                    .iter()
                    .chain(&p.excepts)
                    .for_each(|x| node(&x.comments, &mut push));
                p.inner_comments.iter().for_each(&mut push);
            }
            ItemKind::Calendar(c) => {
                c.lines.iter().for_each(|l| node(&l.comments, &mut push));
                c.inner_comments.iter().for_each(&mut push);
            }
            ItemKind::Deadline(r) | ItemKind::Expect(r) => {
                clauses(&r.clauses, &mut push);
                r.inner_comments.iter().for_each(&mut push);
            }
            ItemKind::PhraseRule(r) => {
                clauses(&r.clauses, &mut push);
                r.inner_comments.iter().for_each(&mut push);
            }
            ItemKind::Import(_) => {}
            ItemKind::Reserved(_) => {}
        }
    }
    file.trailing_comments.iter().for_each(&mut push);
    out
}

fn assert_each_comment_once(source: &str) {
    let file = parse_clean(source);
    let mut got = attached(&file);
    // Comments inside a reserved item stay in its verbatim text, which a formatter reprints.
    for item in &file.items {
        if let ItemKind::Reserved(r) = &item.kind {
            for c in norma::syntax::comments(FileId(0), source) {
                if item.span.start <= c.span.start && c.span.end <= item.span.end {
                    assert!(r.text.contains(&format!("#{}", c.text)));
                    got.push((c.span.start, c.text.clone()));
                }
            }
        }
    }
    got.sort();
    let all: Vec<_> = norma::syntax::comments(FileId(0), source)
        .into_iter()
        .map(|c| (c.span.start, c.text))
        .collect();
    assert_eq!(got, all);
}

#[test]
fn every_comment_is_attached_exactly_once() {
    assert_each_comment_once(&fixture("realistic.norma"));
    assert_each_comment_once(&fixture("constructs.norma"));
    assert_each_comment_once("# only a comment\n\n# and another");
    assert_each_comment_once(
        "# lead\ndeadline 甲 {   # header\n  # before start\n  start opened  # after start\n  stop first resolve\n  # inside\n} # after\n# between\nimport \"x\" # import\n",
    );
}

#[test]
fn comments_go_where_they_belong() {
    let src = fixture("constructs.norma");
    let file = parse_clean(&src);
    let texts = |cs: &[Comment]| cs.iter().map(|c| c.text.clone()).collect::<Vec<_>>();

    assert_eq!(
        texts(&file.items[0].comments.leading),
        [" Every construct of the syntax stage, parsed cleanly."]
    );
    let ItemKind::Standard(std) = &file.items[0].kind else {
        panic!()
    };
    assert_eq!(
        texts(&std.properties[0].comments.leading),
        [" the version of the standard"]
    );
    let trailing = std.properties[0]
        .comments
        .trailing
        .as_ref()
        .map(|c| c.text.as_str());
    assert_eq!(trailing, Some(" trailing on version"));
    assert_eq!(texts(&std.inner_comments), [" after the last property"]);

    let ItemKind::Deadline(rule) = &item(&file, "目标表").kind else {
        panic!()
    };
    let ClauseKind::Within(Limit::Table(table)) = &rule.clauses[2].kind else {
        panic!()
    };
    assert_eq!(
        texts(&table.arms[0].comments.leading),
        [" leading of the first arm"]
    );
    let trailing = table.arms[0]
        .comments
        .trailing
        .as_ref()
        .map(|c| c.text.as_str());
    assert_eq!(trailing, Some(" trailing of the first arm"));
    assert_eq!(texts(&table.inner_comments), [" inner of the table"]);
    assert_eq!(texts(&rule.inner_comments), [" inner of the rule"]);

    assert_eq!(texts(&file.trailing_comments), [" the end of the file"]);
}

#[test]
fn a_hash_inside_a_string_or_regex_is_no_comment() {
    let src = "phrases 井 { \"#1\" /a#b/ }   # real\n";
    let comments = norma::syntax::comments(FileId(0), src);
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].text, " real");
    let file = parse_clean(src);
    let trailing = file.items[0]
        .comments
        .trailing
        .as_ref()
        .map(|c| c.text.as_str());
    assert_eq!(trailing, Some(" real"));
}

//! No input makes the parser panic or overflow its stack.

use crate::{fixture, render};
use norma::diag::FileId;
use norma::syntax::ast::*;
use norma::syntax::parse;
use proptest::prelude::*;

fn codes(source: &str) -> Vec<&'static str> {
    parse(FileId(0), source).1.iter().map(|d| d.code).collect()
}

#[test]
fn empty_and_blank_files_have_no_items_and_no_errors() {
    for src in ["", "   \n\t\n", "# just a comment", "\u{FEFF}"] {
        let (file, diags) = parse(FileId(0), src);
        assert!(file.items.is_empty() && diags.is_empty(), "{src:?}");
        assert_eq!((file.span.start, file.span.end), (0, src.len()));
    }
}

#[test]
fn every_prefix_of_a_real_policy_parses_without_panicking() {
    let src = fixture("realistic.norma");
    // Every third cut keeps the test quick and still ends inside every kind of token.
    for (i, _) in src.char_indices().step_by(3) {
        let _ = parse(FileId(0), &src[..i]);
    }
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let deep = |open: &str, close: &str, n: usize| {
        format!(
            "deadline 深 {{ when {}a{} start opened }}",
            open.repeat(n),
            close.repeat(n)
        )
    };
    assert_eq!(codes(&deep("(", ")", 10_000)), ["E0007"]);
    assert_eq!(codes(&deep("[", "]", 10_000)), ["E0007"]);
    assert_eq!(codes(&"{".repeat(10_000)), ["E0007"]);
    assert_eq!(
        codes(&format!("expect 深 {}", "{".repeat(10_000))),
        ["E0007"]
    );
    let nots = format!(
        "deadline 深 {{ when {} a start opened }}",
        "not ".repeat(10_000)
    );
    assert_eq!(codes(&nots), ["E0007"]);
    let ands = format!(
        "deadline 深 {{ when a{} start opened }}",
        " and a".repeat(10_000)
    );
    assert_eq!(codes(&ands), ["E0007"]);
    let commas = format!(
        "deadline 宽 {{ start first of (a{}) }}",
        ", a".repeat(10_000)
    );
    assert_eq!(codes(&commas), Vec::<&str>::new());
}

#[test]
fn nesting_within_the_limit_parses() {
    // The item's `{` is one level, so 63 parentheses reach the limit of 64 exactly.
    let src = format!(
        "deadline 深 {{ when {}a == 1{} start opened }}",
        "(".repeat(63),
        ")".repeat(63)
    );
    let (file, diags) = parse(FileId(0), &src);
    assert!(diags.is_empty(), "{}", render(&src, &diags));
    assert_eq!(file.items.len(), 1);
}

#[test]
fn an_integer_before_a_keyword_is_no_duration() {
    let src = "deadline 数 { when count(message) > 3 start opened }";
    let (file, diags) = parse(FileId(0), src);
    assert!(diags.is_empty(), "{}", render(src, &diags));
    let ItemKind::Deadline(rule) = &file.items[0].kind else {
        panic!()
    };
    let ClauseKind::When(cond) = &rule.clauses[0].kind else {
        panic!()
    };
    let ExprKind::Compare(CompareOp::Gt, _, rhs) = &cond.kind else {
        panic!("{cond:?}")
    };
    assert_eq!(rhs.kind, ExprKind::Number("3".into()));
    assert!(matches!(
        rule.clauses[1].kind,
        ClauseKind::Start(Selector::Opened(_))
    ));
}

#[test]
fn bad_units_are_left_for_check() {
    let src = "deadline 单位 { start opened  within 1d }\ndeadline 分 { start opened  within 5 m }";
    let (file, diags) = parse(FileId(0), src);
    assert!(diags.is_empty());
    let units: Vec<_> = file
        .items
        .iter()
        .map(|i| match &i.kind {
            ItemKind::Deadline(r) => match &r.clauses[1].kind {
                ClauseKind::Within(Limit::Fixed(l)) => (l.duration.amount, l.duration.unit.clone()),
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(units, [(1, "d".to_string()), (5, "m".to_string())]);
}

/// Fragments of the language, so random programs get deep into the grammar.
fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "deadline ",
        "forbid ",
        "require ",
        "phrases ",
        "fields ",
        "standard ",
        "team ",
        "expect ",
        "名",
        "x",
        " = ",
        " in ",
        "each ",
        "first ",
        "last 3 ",
        "message ",
        "by agent ",
        "where ",
        "text has 集, ",
        "when ",
        "a == \"s\" ",
        "and ",
        "not ",
        "(",
        ")",
        "{",
        "}",
        "[",
        "]",
        ",",
        "within ",
        "2h ",
        "using 24x7 ",
        "else => ",
        "\"",
        "/",
        "/re/ ",
        "#c\n",
        "\n",
        "except ",
        "2026-13-01 ",
        "25:00 ",
        "80% ",
        "\\",
        "\\u{",
        "exists(",
        "(last promise).due ",
        "of ",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse(FileId(0), &text);
    }

    #[test]
    fn random_fragments_never_panic(parts in prop::collection::vec(fragment(), 0..60)) {
        let text: String = parts.concat();
        let (file, diags) = parse(FileId(0), &text);
        for d in &diags {
            let span = d.primary.as_ref().map(|l| l.span);
            prop_assert!(span.is_some_and(|s| s.start <= s.end && s.end <= text.len()));
            prop_assert!(!d.help.is_empty());
        }
        for item in &file.items {
            prop_assert!(item.span.end <= text.len() && text.is_char_boundary(item.span.end));
        }
    }
}

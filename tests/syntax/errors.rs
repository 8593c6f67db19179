//! One fixture per E00xx code, snapshotted, and error recovery.

use crate::{fixture, item_name, render};
use norma::diag::FileId;
use norma::syntax::parse;

/// Snapshots live in tests/snapshots/, beside the other stages' ones.
fn snapshot(name: &str, rendered: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(name, rendered));
}

fn snapshot_of(name: &str) -> (String, usize) {
    let source = fixture(name);
    let (file, diags) = parse(FileId(0), &source);
    for d in &diags {
        assert!(!d.help.is_empty(), "{} has no help", d.code);
        assert!(d.primary.is_some(), "{} has no place", d.code);
        assert!(
            !d.message.contains("kw_") && !d.message.contains("_clause"),
            "a grammar rule name leaked: {}",
            d.message
        );
    }
    (render(&source, &diags), file.items.len())
}

#[test]
fn e0001_unexpected_input_names_what_was_expected() {
    let (rendered, items) = snapshot_of("e0001_unexpected_input.norma");
    // Only the standard survives; each broken deadline and rule is reported on its own.
    assert_eq!(items, 1);
    snapshot("syntax_e0001", &rendered);
}

#[test]
fn e0002_unterminated_string_costs_only_its_item() {
    let (rendered, items) = snapshot_of("e0002_unterminated_string.norma");
    assert_eq!(items, 1);
    snapshot("syntax_e0002", &rendered);
}

#[test]
fn e0003_unterminated_regex() {
    let (rendered, _) = snapshot_of("e0003_unterminated_regex.norma");
    snapshot("syntax_e0003", &rendered);
}

#[test]
fn e0004_bad_escapes_are_reported_and_the_item_kept() {
    let (rendered, items) = snapshot_of("e0004_bad_escape.norma");
    assert_eq!(items, 1);
    snapshot("syntax_e0004", &rendered);
}

#[test]
fn e0005_malformed_literals_but_24_00_is_a_time() {
    let (rendered, _) = snapshot_of("e0005_malformed_literal.norma");
    assert!(!rendered.contains("\"24:00\""), "24:00 ends a day");
    snapshot("syntax_e0005", &rendered);
}

#[test]
fn e0006_unclosed_brackets_cost_one_item_each() {
    let (rendered, items) = snapshot_of("e0006_unclosed.norma");
    assert_eq!(
        items, 1,
        "邮件回复 between the two broken deadlines still parses"
    );
    snapshot("syntax_e0006", &rendered);
}

#[test]
fn e0007_nesting_too_deep() {
    let (rendered, _) = snapshot_of("e0007_too_deep.norma");
    snapshot("syntax_e0007", &rendered);
}

#[test]
fn two_broken_items_give_two_diagnostics_and_keep_the_items_between() {
    let source = "\
deadline 坏一 { start opened  within 2 }
forbid 好一 = 忌语 in each message by agent
  deadline 好二 { start opened  stop first resolve  within 2h }
deadline 坏二 { start first of (answer message) }
require 好三 = 问候语 in first message by agent
";
    let (file, diags) = parse(FileId(0), source);
    assert_eq!(diags.len(), 2, "{}", render(source, &diags));
    assert!(diags.iter().all(|d| d.code == "E0001"));
    let names: Vec<_> = file.items.iter().filter_map(item_name).collect();
    assert_eq!(names, ["好一", "好二", "好三"]);
}

#[test]
fn a_missing_brace_is_survived_at_column_zero() {
    let source = "\
deadline 缺括号 { start opened
  within 2h
deadline 完整 { start opened  within 2h }
";
    let (file, diags) = parse(FileId(0), source);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].code, "E0006");
    let names: Vec<_> = file.items.iter().filter_map(item_name).collect();
    assert_eq!(names, ["完整"]);
}

#[test]
fn an_indented_item_keyword_inside_braces_does_not_start_an_item() {
    let source = "expect 先挂机 {\n  require note\n}\ndeadline 完整 { start opened  within 2h }\n";
    let (file, diags) = parse(FileId(0), source);
    assert!(diags.is_empty(), "{}", render(source, &diags));
    assert_eq!(file.items.len(), 2);
}

#[test]
fn an_unexpected_end_points_just_after_the_last_token() {
    let source = "forbid 忌语 = 服务忌语 in   # the scope is missing\n\n";
    let (_, diags) = parse(FileId(0), source);
    let label = diags[0].primary.as_ref().map(|l| l.span);
    let after_in = source.find(" in").map(|i| i + 3);
    assert_eq!(label.map(|s| (s.start, s.end)), after_in.map(|e| (e, e)));
    assert!(diags[0].message.contains("found the end of the item"));
}

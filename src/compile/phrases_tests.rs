//! Behaviour of phrase matching as policies see it.

use proptest::prelude::*;

use super::normalise::normalise;
use super::phrases::{PatternSpec, PhraseHit, PhraseMatcher, SetSpec};

fn lit(text: &str) -> PatternSpec {
    PatternSpec::Literal(text.to_string())
}

fn re(source: &str) -> PatternSpec {
    PatternSpec::Regex(source.to_string())
}

fn set(name: &str, patterns: Vec<PatternSpec>, excepts: Vec<PatternSpec>) -> SetSpec {
    SetSpec {
        name: name.to_string(),
        patterns,
        excepts,
    }
}

fn forbidden() -> SetSpec {
    set(
        "服务忌语",
        vec![
            lit("不知道"),
            lit("我不知道"),
            lit("不归我管"),
            lit("这不是我管的事"),
            re("找.{0,4}领导"),
        ],
        vec![lit("不知道您"), lit("您不知道")],
    )
}

fn matcher(sets: Vec<SetSpec>) -> PhraseMatcher {
    PhraseMatcher::build(sets).expect("sets compile")
}

fn hits(matcher: &PhraseMatcher, text: &str) -> Vec<PhraseHit> {
    matcher.find_all(text, &normalise(text))
}

/// (matched, start, end) of each hit.
fn spans(matcher: &PhraseMatcher, text: &str) -> Vec<(String, usize, usize)> {
    hits(matcher, text)
        .into_iter()
        .map(|h| (h.matched, h.start, h.end))
        .collect()
}

fn slice_chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn an_except_that_contains_the_match_suppresses_it() {
    let m = matcher(vec![forbidden()]);
    assert!(hits(&m, "如果您不知道密码").is_empty());
    assert!(!m.is_match("如果您不知道密码", &normalise("如果您不知道密码")));
}

#[test]
fn a_match_outside_the_except_span_survives() {
    // "我不知道您说的": 不知道您 (1..5) contains 不知道 (1..4) but not 我不知道 (0..4).
    let m = matcher(vec![forbidden()]);
    assert_eq!(
        spans(&m, "我不知道您说的"),
        vec![("我不知道".to_string(), 0, 4)]
    );
}

#[test]
fn leftmost_longest_wins_within_a_set() {
    let m = matcher(vec![forbidden()]);
    let found = hits(&m, "我不知道");
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].pattern, found[0].start, found[0].end),
        (Some(1), 0, 4)
    );
}

#[test]
fn traditional_and_spaced_text_is_quoted_as_written() {
    let m = matcher(vec![forbidden()]);
    assert_eq!(
        spans(&m, "唉，這 不是我管的事！"),
        vec![("這 不是我管的事".to_string(), 2, 10)]
    );
    assert_eq!(
        spans(&m, "那個不歸我管"),
        vec![("不歸我管".to_string(), 2, 6)]
    );
}

#[test]
fn punctuation_between_characters_is_ignored() {
    let m = matcher(vec![set("问候语", vec![lit("您好,联众投资")], vec![])]);
    assert_eq!(
        spans(&m, "您好!联众投资"),
        vec![("您好!联众投资".to_string(), 0, 7)]
    );
}

#[test]
fn regexes_run_on_normalised_text() {
    // Full-width "找 我 們 的 領 導" normalises to 找我们的领导: 找 + 4 chars + 领导 fits .{0,4}.
    let m = matcher(vec![forbidden()]);
    assert_eq!(
        spans(&m, "有意见找 我們的領導！"),
        vec![("找 我們的領導".to_string(), 3, 10)]
    );
    let upper = matcher(vec![set("英文", vec![re("VIP专线")], vec![])]);
    assert_eq!(
        spans(&upper, "转ｖｉｐ专线"),
        vec![("ｖｉｐ专线".to_string(), 1, 6)]
    );
}

#[test]
fn a_regex_except_suppresses_literal_matches_inside_it() {
    let s = set("忌语", vec![lit("不知道")], vec![re("您.?不知道")]);
    let m = matcher(vec![s]);
    assert!(hits(&m, "您也不知道").is_empty());
    assert_eq!(spans(&m, "我不知道"), vec![("不知道".to_string(), 1, 4)]);
}

#[test]
fn excepts_belong_to_their_own_set() {
    let sets = vec![forbidden(), set("知道", vec![lit("不知道")], vec![])];
    let m = matcher(sets);
    let found = hits(&m, "如果您不知道密码");
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].set, found[0].start, found[0].end), (1, 3, 6));
}

#[test]
fn overlapping_sets_each_report_and_hits_sort_by_start_then_set() {
    // Same literal in two sets, plus an overlapping one: one automaton serves all three.
    let sets = vec![
        set("甲", vec![lit("知道")], vec![]),
        set("乙", vec![lit("不知道")], vec![]),
        set("丙", vec![lit("知道")], vec![]),
    ];
    let m = matcher(sets);
    let order: Vec<(usize, usize, usize)> = hits(&m, "我不知道")
        .iter()
        .map(|h| (h.start, h.set, h.end))
        .collect();
    assert_eq!(order, vec![(1, 1, 4), (2, 0, 4), (2, 2, 4)]);
}

#[test]
fn non_overlapping_repeats_are_all_reported() {
    let m = matcher(vec![set("忌语", vec![lit("不知道")], vec![])]);
    let starts: Vec<usize> = hits(&m, "不知道，不知道").iter().map(|h| h.start).collect();
    assert_eq!(starts, vec![0, 4]);
}

#[test]
fn invalid_patterns_are_all_reported_with_their_place() {
    let sets = vec![
        set("好", vec![lit("你好")], vec![]),
        set(
            "坏",
            vec![re("找(领导"), lit("！！"), re("ok")],
            vec![re("[")],
        ),
    ];
    let errors = PhraseMatcher::build(sets).expect_err("bad patterns");
    let places: Vec<(usize, usize, bool)> = errors
        .iter()
        .map(|e| (e.set, e.pattern, e.in_except))
        .collect();
    assert_eq!(places, vec![(1, 0, false), (1, 1, false), (1, 0, true)]);
    assert!(errors.iter().all(|e| !e.message.is_empty()));
}

#[test]
fn matched_text_is_the_original_slice_for_awkward_inputs() {
    let sets = vec![
        set("英文", vec![lit("bug")], vec![]),
        forbidden(),
        set("公司", vec![lit("(株)会社")], vec![]),
    ];
    let m = matcher(sets);
    let inputs = [
        ("有个ｂｕｇ", "ｂｕｇ"),
        ("不知道！", "不知道"),
        ("㈱会社", "㈱会社"),
        ("不\u{200d}知道", "不\u{200d}知道"),
        ("不 知 道", "不 知 道"),
        ("不歸我管", "不歸我管"),
        ("這不是我管的事", "這不是我管的事"),
    ];
    for (text, expected) in inputs {
        let found = hits(&m, text);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].matched, expected);
        assert_eq!(slice_chars(text, found[0].start, found[0].end), expected);
    }
}

#[test]
fn builtin_sets_compile_by_name_and_reject_patterns() {
    let m = matcher(vec![SetSpec::builtin("pii.mobile_cn").expect("builtin")]);
    let found = hits(&m, "电话13812345678");
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].pattern, found[0].matched.as_str()),
        (None, "138****5678")
    );
    assert!(SetSpec::builtin("pii.passport").is_none());
    let bad = set("pii.email", vec![lit("x")], vec![]);
    assert!(PhraseMatcher::build(vec![bad]).is_err());
}

fn noise() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        " ", "，", "!", "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{3000}", "。", "-", "",
    ])
    .prop_map(str::to_string)
}

proptest! {
    #[test]
    fn every_hit_quotes_the_original_at_its_offsets(
        pieces in prop::collection::vec(
            (prop::sample::select(vec!["不", "知", "道", "我", "您", "這", "归", "歸", "管", "ｂ", "u", "G", "㈱", "e\u{301}", "x"]), noise()),
            0..24,
        ),
        prefix in "\\PC{0,6}",
    ) {
        let mut text = prefix;
        for (piece, gap) in pieces {
            text.push_str(piece);
            text.push_str(&gap);
        }
        let sets = vec![forbidden(), set("英文", vec![lit("bug"), re("[a-z]+")], vec![])];
        let m = matcher(sets);
        let total = text.chars().count();
        for hit in hits(&m, &text) {
            prop_assert!(hit.start < hit.end && hit.end <= total);
            prop_assert_eq!(&hit.matched, &slice_chars(&text, hit.start, hit.end));
        }
    }

    #[test]
    fn normalised_origins_are_ordered_and_in_bounds(text in "\\PC{0,40}") {
        let n = normalise(&text);
        let total = text.chars().count();
        prop_assert_eq!(n.origin.len(), n.text.chars().count());
        for pair in n.origin.windows(2) {
            prop_assert!(pair[0].0 <= pair[1].0 && pair[0].1 <= pair[1].1);
        }
        for &(start, end) in &n.origin {
            prop_assert!(start < end && end <= total);
        }
    }
}

#[test]
fn a_matcher_can_be_shared_across_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<PhraseMatcher>();
}

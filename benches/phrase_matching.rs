//! Rough timings of phrase matching, optimised:
//! `cargo bench --bench phrase_matching -- --test --nocapture`.
//! A plain libtest target (no benchmark crate, no manifest entry): the test prints what it measured.

use std::hint::black_box;
use std::time::Instant;

use norma::compile::normalise::normalise;
use norma::compile::phrases::{PatternSpec, PhraseMatcher, SetSpec};

fn sets() -> Vec<SetSpec> {
    let literal = |t: &str| PatternSpec::Literal(t.to_string());
    let mut sets = vec![SetSpec {
        name: "服务忌语".to_string(),
        patterns: [
            "不知道",
            "我不知道",
            "不归我管",
            "这不是我管的事",
            "有意见找领导",
        ]
        .into_iter()
        .map(literal)
        .chain([PatternSpec::Regex("找.{0,4}领导".to_string())])
        .collect(),
        excepts: vec![literal("不知道您"), literal("您不知道")],
    }];
    for name in [
        "pii.mobile_cn",
        "pii.id_card_cn",
        "pii.bank_card",
        "pii.email",
    ] {
        sets.extend(SetSpec::builtin(name));
    }
    sets
}

const MESSAGE: &str = "您好，這裡是聯眾投資客服。關於您的問題，不歸我管，請您撥打 138 1234 5678 \
    或發郵件到 service@example.com，我們會盡快處理。如果您不知道密碼，可以在 App 裡重設。";

#[test]
fn one_off_table_build_and_per_message_cost() {
    // ASCII never consults the t2s table, so the first call builds only the punctuation table.
    let started = Instant::now();
    black_box(normalise("a"));
    println!("one-off punctuation table: {:?}", started.elapsed());
    let started = Instant::now();
    black_box(normalise("這"));
    println!("one-off t2s table: {:?}", started.elapsed());

    let started = Instant::now();
    let matcher = PhraseMatcher::build(sets()).expect("compiles");
    println!("matcher build: {:?}", started.elapsed());

    let rounds = 20_000;
    let started = Instant::now();
    for _ in 0..rounds {
        black_box(normalise(black_box(MESSAGE)));
    }
    println!(
        "normalise: {:?} per {}-char message",
        started.elapsed() / rounds,
        MESSAGE.chars().count()
    );

    let normalised = normalise(MESSAGE);
    let started = Instant::now();
    let mut hits = 0;
    for _ in 0..rounds {
        hits = black_box(matcher.find_all(MESSAGE, &normalised)).len();
    }
    println!(
        "find_all (user set + 4 pii sets): {:?} per message, {hits} hits",
        started.elapsed() / rounds
    );
}

//! The built-in `pii.*` sets: what counts as a number, check digits, masking.
//! Check digits below were computed by hand (GB 11643 weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2).

use super::pii::{PiiKind, find_pii};

/// (masked evidence, start, end) of every match of `kind`.
fn found(text: &str, kind: PiiKind) -> Vec<(String, usize, usize)> {
    find_pii(text, &[kind])
        .into_iter()
        .map(|m| (m.masked, m.start, m.end))
        .collect()
}

fn one(masked: &str, start: usize, end: usize) -> Vec<(String, usize, usize)> {
    vec![(masked.to_string(), start, end)]
}

#[test]
fn mobile_numbers_plain_grouped_and_full_width() {
    let mobile = PiiKind::MobileCn;
    assert_eq!(
        found("我的手机是13812345678。", mobile),
        one("138****5678", 5, 16)
    );
    assert_eq!(found("138 1234 5678", mobile), one("138 **** 5678", 0, 13));
    assert_eq!(
        found("拨138-1234-5678", mobile),
        one("138-****-5678", 1, 14)
    );
    assert_eq!(
        found("１３８１２３４５６７８", mobile),
        one("１３８****５６７８", 0, 11)
    );
}

#[test]
fn mobile_numbers_with_country_code_quote_the_number_only() {
    let mobile = PiiKind::MobileCn;
    assert_eq!(
        found("+86 138 1234 5678", mobile),
        one("138 **** 5678", 4, 17)
    );
    assert_eq!(found("+8613812345678", mobile), one("138****5678", 3, 14));
}

#[test]
fn masked_embedded_or_malformed_mobiles_never_match() {
    for text in [
        "138****8000",
        "12812345678",           // no mobile prefix starts 12
        "1381234567",            // ten digits
        "138123456789",          // twelve digits: part of something longer
        "订单201381234567800",   // inside a longer run
        "订单号DD13812345678",   // part of an order number
        "订单号 2026 1103 0017", // groups that form no number
        "138 12345678",          // not the 3-4-4 grouping
        "138  1234  5678",       // double spaces do not join
        "3.13812345678",         // a decimal
    ] {
        assert!(found(text, PiiKind::MobileCn).is_empty(), "{text}");
    }
}

#[test]
fn a_run_separated_by_a_space_from_another_is_judged_alone() {
    // "13812345678 1234" is no known grouping, so each run stands alone and the first is a mobile.
    assert_eq!(
        found("13812345678 1234", PiiKind::MobileCn),
        one("138****5678", 0, 11)
    );
}

#[test]
fn id_cards_need_a_valid_check_character_and_birth_date() {
    let id = PiiKind::IdCardCn;
    // 11010519491231002: weighted sum 167, 167 mod 11 = 2 → 'X'.
    assert_eq!(
        found("身份证11010519491231002X", id),
        one("110105********002X", 3, 21)
    );
    assert_eq!(
        found("11010519491231002x号", id),
        one("110105********002x", 0, 18)
    );
    // 44030419900101001: weighted sum 176, 176 mod 11 = 0 → '1'.
    assert_eq!(
        found("440304199001010011", id),
        one("440304********0011", 0, 18)
    );
    assert_eq!(
        found("440304 19900101 0011", id),
        one("440304 ******** 0011", 0, 20)
    );
    assert!(
        found("440304199001010012", id).is_empty(),
        "wrong check digit"
    );
    // 44030419901301001: sum 201, mod 11 = 3 → '9' is right, but month 13 is no date.
    assert!(
        found("440304199013010019", id).is_empty(),
        "impossible birth date"
    );
    assert!(found("110105********002X", id).is_empty(), "masked");
    assert!(
        found("A440304199001010011", id).is_empty(),
        "touches a letter"
    );
}

#[test]
fn bank_cards_need_luhn_and_thirteen_to_nineteen_digits() {
    let card = PiiKind::BankCard;
    assert_eq!(
        found("卡号4111111111111111", card),
        one("************1111", 2, 18)
    );
    assert_eq!(
        found("4111 1111 1111 1111", card),
        one("**** **** **** 1111", 0, 19)
    );
    assert_eq!(
        found("3782 822463 10005", card),
        one("**** ****** *0005", 0, 17)
    );
    assert_eq!(found("4222222222222", card), one("*********2222", 0, 13));
    assert!(found("4111111111111112", card).is_empty(), "fails Luhn");
    assert!(found("411111111111", card).is_empty(), "too short");
    assert!(
        found("4111 1111 1111 111 1", card).is_empty(),
        "not in fours"
    );
}

#[test]
fn a_number_is_one_kind_only() {
    // A valid ID number is never also reported as a bank card, nor a mobile as anything else.
    let all = [PiiKind::MobileCn, PiiKind::IdCardCn, PiiKind::BankCard];
    let kinds: Vec<PiiKind> = find_pii("440304199001010011 13812345678", &all)
        .iter()
        .map(|m| m.kind)
        .collect();
    assert_eq!(kinds, vec![PiiKind::IdCardCn, PiiKind::MobileCn]);
}

#[test]
fn emails_are_found_on_folded_text_and_masked() {
    let email = PiiKind::Email;
    assert_eq!(
        found("邮箱 abc.de@qq.com，谢谢", email),
        one("a***@qq.com", 3, 16)
    );
    assert_eq!(
        found("ａｂｃ＠ｑｑ．ｃｏｍ", email),
        one("ａ***＠ｑｑ．ｃｏｍ", 0, 10)
    );
    assert!(found("abc@localhost", email).is_empty());
    assert!(found("@qq.com", email).is_empty());
}

mod properties {
    use proptest::prelude::*;

    use super::super::pii::{PiiKind, find_pii};

    proptest! {
        /// Masking keeps the evidence aligned with the original: same length, separators and
        /// letters untouched, only digits turned into `*`.
        #[test]
        fn masked_evidence_only_hides_digits(
            before in "[0-9０-９ \\-+*a-zX@.中]{0,12}",
            number in prop::sample::select(vec![
                "13812345678", "138 1234 5678", "１３８１２３４５６７８", "+86 138-1234-5678",
                "4111 1111 1111 1111", "11010519491231002X", "440304 19900101 0011", "abc@qq.com",
            ]),
            after in "[0-9０-９ \\-+*a-zX@.中]{0,12}",
        ) {
            let text = format!("{before}{number}{after}");
            let all = [PiiKind::MobileCn, PiiKind::IdCardCn, PiiKind::BankCard, PiiKind::Email];
            let chars: Vec<char> = text.chars().collect();
            for found in find_pii(&text, &all) {
                prop_assert!(found.start < found.end && found.end <= chars.len());
                let original = &chars[found.start..found.end];
                let masked: Vec<char> = found.masked.chars().collect();
                if found.kind == PiiKind::Email {
                    continue;
                }
                prop_assert_eq!(masked.len(), original.len());
                for (m, o) in masked.iter().zip(original) {
                    prop_assert!(m == o || (*m == '*' && o.is_numeric()));
                }
            }
        }
    }
}

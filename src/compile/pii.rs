//! The built-in `pii.*` phrase sets: Chinese mobile numbers, resident ID numbers, bank card
//! numbers and email addresses.
//!
//! Unlike user phrases these do not ignore spaces: digits are read on NFKC text (so full-width
//! digits count), and a number is a maximal digit run, or several runs joined by single spaces or
//! hyphens when together they form the number's usual grouping (mobile 3-4-4, ID card 6-8-4,
//! bank cards in fours). When joined runs form no known number, each run is judged alone.
//! A number touching a Latin letter, a masking character (`*`, `#`, `•` …) or, across a `.`,
//! `,`, `/` or `:`, another digit, is part of something else (an order number, a masked number,
//! a decimal) and never matches. Each number is one kind at most, tried in the order mobile,
//! ID card, bank card: a valid ID number that also passes Luhn is an ID card, not a bank card.
//! Evidence is masked.

use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

use super::pii_numbers::{self, DigitRun};

/// The names of the built-in sets.
pub const BUILTIN_SETS: &[&str] = &[
    "pii.mobile_cn",
    "pii.id_card_cn",
    "pii.bank_card",
    "pii.email",
];

/// What a built-in set looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PiiKind {
    MobileCn,
    IdCardCn,
    BankCard,
    Email,
}

impl PiiKind {
    pub fn from_name(name: &str) -> Option<PiiKind> {
        match name {
            "pii.mobile_cn" => Some(PiiKind::MobileCn),
            "pii.id_card_cn" => Some(PiiKind::IdCardCn),
            "pii.bank_card" => Some(PiiKind::BankCard),
            "pii.email" => Some(PiiKind::Email),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            PiiKind::MobileCn => "pii.mobile_cn",
            PiiKind::IdCardCn => "pii.id_card_cn",
            PiiKind::BankCard => "pii.bank_card",
            PiiKind::Email => "pii.email",
        }
    }
}

/// A piece of personal information found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct PiiMatch {
    pub kind: PiiKind,
    /// Char offsets into the original text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The original text with all but a few identifying characters replaced by `*`.
    pub masked: String,
}

/// Every match of the given kinds in `original`, in order of position.
pub fn find_pii(original: &str, kinds: &[PiiKind]) -> Vec<PiiMatch> {
    let original_chars: Vec<char> = original.chars().collect();
    let view: Vec<char> = original_chars.iter().map(|&c| fold(c)).collect();
    let mut found = Vec::new();
    if kinds.iter().any(|k| *k != PiiKind::Email) {
        for number in pii_numbers::find_numbers(&view) {
            if kinds.contains(&number.kind) {
                found.push(masked_number(&original_chars, &view, &number));
            }
        }
    }
    if kinds.contains(&PiiKind::Email) {
        found.extend(find_emails(&original_chars, &view));
    }
    found.sort_by_key(|m| (m.start, m.end));
    found
}

/// The NFKC form of one char when it is one char (full-width digits and letters, ideographic
/// space, full-width `@`, `-`, `.`), else the char itself: the view keeps one char per original char.
fn fold(c: char) -> char {
    if c.is_ascii() || is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes {
        return c;
    }
    let mut folded = std::iter::once(c).nfkc();
    match (folded.next(), folded.next()) {
        (Some(single), None) => single,
        _ => c,
    }
}

fn masked_number(original: &[char], view: &[char], number: &DigitRun) -> PiiMatch {
    let (keep_first, keep_last) = match number.kind {
        PiiKind::MobileCn => (3, 4),
        PiiKind::IdCardCn => (6, 4),
        _ => (0, 4),
    };
    let significant = (number.start..number.end)
        .filter(|&i| is_number_char(view[i]))
        .count();
    let mut masked = String::new();
    let mut seen = 0;
    for i in number.start..number.end {
        if !is_number_char(view[i]) {
            masked.push(original[i]);
            continue;
        }
        let keep = seen < keep_first || seen + keep_last >= significant;
        masked.push(if keep { original[i] } else { '*' });
        seen += 1;
    }
    PiiMatch {
        kind: number.kind,
        start: number.start,
        end: number.end,
        masked,
    }
}

fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || c == 'X' || c == 'x'
}

/// `local@domain.tld`, ASCII, on the folded view (so `＠` and full-width letters count).
fn email_pattern() -> Option<&'static Regex> {
    static PATTERN: OnceLock<Option<Regex>> = OnceLock::new();
    PATTERN
        .get_or_init(|| {
            let local = r"[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*";
            let label = r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?";
            Regex::new(&format!(r"{local}@(?:{label}\.)+[A-Za-z]{{2,}}")).ok()
        })
        .as_ref()
}

fn find_emails(original: &[char], view: &[char]) -> Vec<PiiMatch> {
    let Some(pattern) = email_pattern() else {
        return Vec::new();
    };
    let text: String = view.iter().collect();
    let to_char = super::phrases::char_byte_offsets(&text);
    let char_at = |byte: usize| to_char.partition_point(|&b| b < byte);
    pattern
        .find_iter(&text)
        .filter_map(|m| {
            let (start, end) = (char_at(m.start()), char_at(m.end()));
            let at = (start..end).find(|&i| view[i] == '@')?;
            let mut masked: String = original[start..start + 1].iter().collect();
            masked.push_str("***");
            masked.extend(&original[at..end]);
            Some(PiiMatch {
                kind: PiiKind::Email,
                start,
                end,
                masked,
            })
        })
        .collect()
}

/// GB 11643: 17 digits, a check character (digit or X) and a plausible birth date.
pub(crate) fn is_valid_id_card(chars: &[char]) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    let [body @ .., check] = chars else {
        return false;
    };
    if body.len() != 17 || body[0] == '0' {
        return false;
    }
    let Some(digits) = body
        .iter()
        .map(|c| c.to_digit(10))
        .collect::<Option<Vec<u32>>>()
    else {
        return false;
    };
    let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    let expected = CHECK[(sum % 11) as usize];
    expected == check.to_ascii_uppercase() && has_plausible_birth_date(&digits[6..14])
}

fn has_plausible_birth_date(yyyymmdd: &[u32]) -> bool {
    let number = |digits: &[u32]| digits.iter().fold(0, |n, d| n * 10 + d);
    let year = number(&yyyymmdd[0..4]);
    (1900..=2099).contains(&year)
        && NaiveDate::from_ymd_opt(
            year as i32,
            number(&yyyymmdd[4..6]),
            number(&yyyymmdd[6..8]),
        )
        .is_some()
}

/// The Luhn checksum bank card numbers carry.
pub(crate) fn passes_luhn(digits: &[char]) -> bool {
    let mut sum = 0;
    for (i, c) in digits.iter().rev().enumerate() {
        let Some(d) = c.to_digit(10) else {
            return false;
        };
        sum += if i % 2 == 1 {
            (d * 2).div_euclid(10) + (d * 2) % 10
        } else {
            d
        };
    }
    sum % 10 == 0
}

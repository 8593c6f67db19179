//! Finding mobile, ID card and bank card numbers in digit runs (see `pii` for the rules).

use super::pii::{PiiKind, is_valid_id_card, passes_luhn};

/// A number found, in chars of the text (end exclusive), separators included.
#[derive(Debug, Clone, PartialEq)]
pub struct DigitRun {
    pub kind: PiiKind,
    pub start: usize,
    pub end: usize,
}

/// A maximal run of ASCII digits.
#[derive(Debug, Clone, Copy)]
struct Group {
    start: usize,
    end: usize,
}

impl Group {
    fn len(self) -> usize {
        self.end - self.start
    }
}

/// Every mobile, ID card or bank card number in `view` (NFKC-folded, one char per original).
pub fn find_numbers(view: &[char]) -> Vec<DigitRun> {
    let mut found = Vec::new();
    for chain in chains(view) {
        if let Some(number) = classify(view, &chain) {
            found.extend(number);
        } else if chain.len() > 1 {
            found.extend(chain.iter().filter_map(|&g| classify(view, &[g]).flatten()));
        }
    }
    found
}

/// Digit groups joined by single spaces or hyphens.
fn chains(view: &[char]) -> Vec<Vec<Group>> {
    let mut chains: Vec<Vec<Group>> = Vec::new();
    let mut i = 0;
    while i < view.len() {
        if !view[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < view.len() && view[i].is_ascii_digit() {
            i += 1;
        }
        let group = Group { start, end: i };
        let joins_previous = chains
            .last()
            .and_then(|c| c.last())
            .is_some_and(|previous| {
                previous.end + 1 == start && matches!(view[previous.end], ' ' | '-')
            });
        match chains.last_mut() {
            Some(chain) if joins_previous => chain.push(group),
            _ => chains.push(vec![group]),
        }
    }
    chains
}

/// `None` when the groups form no known shape; `Some(None)` when they do but the number is
/// invalid or touches something that makes it part of a longer token.
fn classify(view: &[char], chain: &[Group]) -> Option<Option<DigitRun>> {
    let (first, last) = (*chain.first()?, *chain.last()?);
    let lengths: Vec<usize> = chain.iter().map(|g| g.len()).collect();
    let digits: Vec<char> = chain
        .iter()
        .flat_map(|g| view[g.start..g.end].iter().copied())
        .collect();
    let with_check_x = matches!(view.get(last.end), Some('X' | 'x'));
    let shape = if with_check_x {
        id_card_with_x(view, &lengths, &digits, first.start, last.end)
    } else {
        mobile(view, chain, &lengths, &digits)
            .or_else(|| id_card(&lengths, &digits, first.start, last.end))
            .or_else(|| bank_card(&lengths, &digits, first.start, last.end))
    };
    let (kind, start, end, valid) = shape?;
    let isolated = !touches_left(view, first.start) && !touches_right(view, end);
    Some((valid && isolated).then_some(DigitRun { kind, start, end }))
}

/// (kind, start, end, valid): the shape fits; `valid` says whether the checks pass.
type Shape = (PiiKind, usize, usize, bool);

fn mobile(view: &[char], chain: &[Group], lengths: &[usize], digits: &[char]) -> Option<Shape> {
    let is_mobile = |d: &[char]| d.len() == 11 && d[0] == '1' && ('3'..='9').contains(&d[1]);
    let end = chain.last()?.end;
    match lengths {
        [11] | [3, 4, 4] => Some((PiiKind::MobileCn, chain[0].start, end, is_mobile(digits))),
        // +86 13812345678, 86 138 1234 5678: the evidence is the number without the country code.
        [2, 11] | [2, 3, 4, 4] if digits.starts_with(&['8', '6']) => Some((
            PiiKind::MobileCn,
            chain[1].start,
            end,
            is_mobile(&digits[2..]),
        )),
        [13] if digits.starts_with(&['8', '6'])
            && chain[0].start > 0
            && view[chain[0].start - 1] == '+' =>
        {
            let start = chain[0].start + 2;
            is_mobile(&digits[2..]).then_some((PiiKind::MobileCn, start, end, true))
        }
        _ => None,
    }
}

fn id_card(lengths: &[usize], digits: &[char], start: usize, end: usize) -> Option<Shape> {
    matches!(lengths, [18] | [6, 8, 4])
        .then(|| is_valid_id_card(digits))
        .filter(|&valid| valid)
        .map(|valid| (PiiKind::IdCardCn, start, end, valid))
}

fn id_card_with_x(
    view: &[char],
    lengths: &[usize],
    digits: &[char],
    start: usize,
    end: usize,
) -> Option<Shape> {
    if !matches!(lengths, [17] | [6, 8, 3]) {
        return None;
    }
    let mut chars = digits.to_vec();
    chars.push(view[end]);
    Some((PiiKind::IdCardCn, start, end + 1, is_valid_id_card(&chars)))
}

fn bank_card(lengths: &[usize], digits: &[char], start: usize, end: usize) -> Option<Shape> {
    let in_fours = lengths.len() >= 3
        && lengths[..lengths.len() - 1].iter().all(|&l| l == 4)
        && (1..=4).contains(&lengths[lengths.len() - 1]);
    let known = in_fours || matches!(lengths, [_] | [4, 6, 5] | [4, 6, 4]);
    (known && (13..=19).contains(&digits.len()))
        .then(|| (PiiKind::BankCard, start, end, passes_luhn(digits)))
}

/// Characters that, next to a number, make it part of a longer token.
fn is_contaminating(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '*' | '#' | '_' | '×' | '•' | '●' | '○' | '·')
}

/// Characters that continue a number when another digit follows them: 3.14, 1,000, 12/31, 08:30.
fn is_connector(c: char) -> bool {
    matches!(c, '.' | ',' | '/' | ':')
}

fn touches_left(view: &[char], start: usize) -> bool {
    let Some(before) = start.checked_sub(1).and_then(|i| view.get(i)) else {
        return false;
    };
    is_contaminating(*before)
        || (is_connector(*before) && start >= 2 && view[start - 2].is_ascii_digit())
}

fn touches_right(view: &[char], end: usize) -> bool {
    let Some(&after) = view.get(end) else {
        return false;
    };
    is_contaminating(after)
        || (is_connector(after) && view.get(end + 1).is_some_and(char::is_ascii_digit))
}

//! Text normalisation for phrase matching.
//!
//! The pipeline, applied alike to event texts and to literal patterns:
//! 1. split the text into chunks: a character with the combining marks (and other characters
//!    that only compose with what precedes them) that follow it;
//! 2. NFKC each chunk (full-width → half-width, ligatures and circled forms expanded, marks
//!    composed);
//! 3. lowercase each resulting character (full Unicode lowercase mapping, not full case folding:
//!    the two differ only for a few characters such as 'ß', which matter little here);
//! 4. traditional → simplified Chinese, character by character (OpenCC's `TSCharacters`);
//! 5. drop whitespace, zero-width characters and punctuation (see [`is_ignorable`]).
//!
//! Every output character remembers the original chunk it came from, so a match in normalised
//! text maps back to an exact range of the original.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

pub use super::ignorable::is_ignorable;
use super::t2s::simplify;

/// Normalised text with, for every normalised char, the range of original chars it came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Normalised {
    /// The normalised text.
    pub text: String,
    /// For the i-th char of `text`: the original char range `start..end` (end exclusive).
    pub origin: Vec<(usize, usize)>,
}

impl Normalised {
    /// The original char range covered by normalised chars `start..end` (end exclusive, non-empty).
    pub fn original_range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let first = self.origin.get(start)?;
        let last = self.origin.get(end.checked_sub(1)?)?;
        Some((first.0, last.1))
    }
}

/// Normalises text for matching: NFKC, case folding, traditional → simplified, and whitespace,
/// zero-width characters and punctuation dropped.
pub fn normalise(original: &str) -> Normalised {
    let mut out = Normalised {
        text: String::with_capacity(original.len()),
        origin: Vec::with_capacity(original.len()),
    };
    let chars: Vec<char> = original.chars().collect();
    let mut start = 0;
    while start < chars.len() {
        let end = chunk_end(&chars, start);
        normalise_chunk(&chars[start..end], (start, end), &mut out);
        start = end;
    }
    out
}

/// Where the chunk starting at `start` ends: after the characters that may compose with it.
fn chunk_end(chars: &[char], start: usize) -> usize {
    let mut end = start + 1;
    while end < chars.len() && continues_chunk(chars[end]) {
        end += 1;
    }
    end
}

/// Characters that NFKC may fold into the character before them: combining marks, Hangul
/// medial vowels and final consonants, and the half-width katakana voicing marks.
fn continues_chunk(c: char) -> bool {
    is_combining_mark(c)
        || ('\u{1160}'..='\u{11FF}').contains(&c)
        || matches!(c, '\u{FF9E}' | '\u{FF9F}')
}

fn normalise_chunk(chunk: &[char], range: (usize, usize), out: &mut Normalised) {
    if let [c] = chunk
        && c.is_ascii()
    {
        push_folded(c.to_ascii_lowercase(), range, out);
        return;
    }
    if is_nfkc_quick(chunk.iter().copied()) == IsNormalized::Yes {
        for &c in chunk {
            push_lowercased(c, range, out);
        }
    } else {
        for c in chunk.iter().copied().nfkc() {
            push_lowercased(c, range, out);
        }
    }
}

fn push_lowercased(c: char, range: (usize, usize), out: &mut Normalised) {
    for lower in c.to_lowercase() {
        push_folded(lower, range, out);
    }
}

fn push_folded(c: char, range: (usize, usize), out: &mut Normalised) {
    if is_ignorable(c) {
        return;
    }
    out.text.push(simplify(c));
    out.origin.push(range);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(original: &str) -> String {
        normalise(original).text
    }

    #[test]
    fn punctuation_and_spaces_between_characters_are_ignorable() {
        assert_eq!(text("您好!联众投资"), "您好联众投资");
        assert_eq!(text("您好,联众投资"), "您好联众投资");
        assert_eq!(text("您好，联众 投资。"), "您好联众投资");
    }

    #[test]
    fn traditional_characters_become_simplified() {
        assert_eq!(text("這 不是我管的事"), "这不是我管的事");
        assert_eq!(text("不歸我管"), "不归我管");
    }

    #[test]
    fn full_width_and_upper_case_latin_fold_to_lower_half_width() {
        assert_eq!(text("ＢＵＧ Bug"), "bugbug");
        assert_eq!(text("１２３"), "123");
    }

    #[test]
    fn zero_width_characters_vanish() {
        assert_eq!(
            text("不\u{200D}知\u{200B}道\u{FEFF}\u{2060}\u{AD}"),
            "不知道"
        );
    }

    #[test]
    fn an_expanding_character_maps_all_its_output_to_itself() {
        // "㈱" NFKC → "(株)"; the parentheses are punctuation and vanish.
        let n = normalise("a㈱b");
        assert_eq!(n.text, "a株b");
        assert_eq!(n.origin, vec![(0, 1), (1, 2), (2, 3)]);
        // "ﬁ" NFKC → "fi": both chars come from original char 1.
        let n = normalise("xﬁ");
        assert_eq!(n.text, "xfi");
        assert_eq!(n.origin, vec![(0, 1), (1, 2), (1, 2)]);
    }

    #[test]
    fn a_base_with_combining_marks_composes_into_one_char_covering_them_all() {
        let n = normalise("Cafe\u{301}!");
        assert_eq!(n.text, "café");
        assert_eq!(n.origin, vec![(0, 1), (1, 2), (2, 3), (3, 5)]);
    }

    #[test]
    fn origins_skip_dropped_characters() {
        let n = normalise("不 知，道");
        assert_eq!(n.text, "不知道");
        assert_eq!(n.origin, vec![(0, 1), (2, 3), (4, 5)]);
    }

    #[test]
    fn half_width_katakana_with_voicing_mark_composes() {
        assert_eq!(text("ﾊﾞ"), "バ");
    }

    #[test]
    fn empty_and_all_ignorable_texts_normalise_to_nothing() {
        assert_eq!(normalise(""), Normalised::default());
        assert_eq!(normalise(" ！。\u{200B}"), Normalised::default());
    }
}

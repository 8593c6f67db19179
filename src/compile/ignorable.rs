//! Characters the phrase normaliser drops: whitespace, zero-width characters and punctuation
//! (Unicode general category P*, full-width and half-width alike).

use std::sync::OnceLock;

use regex::Regex;

/// Invisible characters that writers (or their input methods) slip between visible ones.
const ZERO_WIDTH: [char; 8] = [
    '\u{00AD}', // soft hyphen
    '\u{180E}', // Mongolian vowel separator, once a space
    '\u{200B}', // zero width space
    '\u{200C}', // zero width non-joiner
    '\u{200D}', // zero width joiner
    '\u{2060}', // word joiner
    '\u{2061}', // function application, invisible
    '\u{FEFF}', // byte order mark / zero width no-break space
];

/// Whether the normaliser drops `c`.
pub fn is_ignorable(c: char) -> bool {
    c.is_whitespace() || ZERO_WIDTH.contains(&c) || is_punctuation(c)
}

/// Unicode general category P* (Pc Pd Ps Pe Pi Pf Po).
pub fn is_punctuation(c: char) -> bool {
    let code = c as u32;
    let ranges = punctuation_ranges();
    let after = ranges.partition_point(|&(first, _)| first <= code);
    after > 0 && ranges[after - 1].1 >= code
}

/// Sorted, disjoint inclusive ranges of P* code points.
fn punctuation_ranges() -> &'static [(u32, u32)] {
    static RANGES: OnceLock<Vec<(u32, u32)>> = OnceLock::new();
    RANGES.get_or_init(build_punctuation_ranges)
}

/// No crate in the build exposes general categories directly, but `regex` knows them: scan every
/// code point of planes 0 and 1 (where all punctuation lives; a test checks the other planes)
/// with `\p{P}` once, and keep the runs it finds.
fn build_punctuation_ranges() -> Vec<(u32, u32)> {
    let Ok(punctuation) = Regex::new(r"\p{P}") else {
        return Vec::new();
    };
    let all: String = (0..PUNCTUATION_PLANES_END)
        .filter_map(char::from_u32)
        .collect();
    let mut ranges: Vec<(u32, u32)> = Vec::with_capacity(512);
    for found in punctuation.find_iter(&all) {
        let Some(c) = found.as_str().chars().next() else {
            continue;
        };
        let code = c as u32;
        match ranges.last_mut() {
            Some((_, last)) if *last + 1 == code => *last = code,
            _ => ranges.push((code, code)),
        }
    }
    ranges
}

const PUNCTUATION_PLANES_END: u32 = 0x20000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_width_and_full_width_punctuation_is_ignorable() {
        for c in "!,.?;:'\"()[]{}-_@#%&*/\\，。！？；：、“”‘’（）【】《》…—·～".chars()
        {
            // '～' (wave dash) is Sm, not punctuation: it must survive.
            if c == '～' {
                assert!(!is_ignorable(c));
            } else {
                assert!(is_ignorable(c), "{c:?} U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn symbols_letters_and_digits_are_kept() {
        for c in "$+<=>^`|~￥€a中1１😀".chars() {
            assert!(!is_ignorable(c), "{c:?}");
        }
    }

    #[test]
    fn spaces_and_zero_width_characters_are_ignorable() {
        for c in [
            ' ', '\t', '\n', '\u{3000}', '\u{A0}', '\u{200B}', '\u{200D}', '\u{2060}',
        ] {
            assert!(is_ignorable(c), "U+{:04X}", c as u32);
        }
        assert!(is_ignorable('\u{FEFF}') && is_ignorable('\u{AD}'));
    }

    #[test]
    fn no_punctuation_lies_beyond_plane_one() {
        let punctuation = Regex::new(r"\p{P}").expect("valid class");
        let rest: String = (PUNCTUATION_PLANES_END..=0x10FFFF)
            .filter_map(char::from_u32)
            .collect();
        assert!(!punctuation.is_match(&rest));
    }
}

//! Traditional → simplified Chinese, one character at a time, from OpenCC's `TSCharacters` data
//! (Apache-2.0) as shipped by `ferrous-opencc`.
//!
//! `ferrous-opencc` does not expose its dictionaries, only whole-text conversion; so the table is
//! derived once by converting every candidate character on its own line (a newline can never be
//! part of a `TSPhrases` key, so only the per-character dictionary applies, and OpenCC takes the
//! first candidate where a character has several). Only one-char → one-char results are kept: the
//! normaliser must never change how many characters a source character yields.

use std::collections::HashMap;
use std::sync::OnceLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

/// The code point ranges holding every key of OpenCC's `TSCharacters` (CJK Extension A and the
/// unified ideographs, and the supplementary ideographic plane). Checked by a test against known
/// characters of each block.
const CANDIDATE_RANGES: [(u32, u32); 2] = [(0x3400, 0x9FFF), (0x20000, 0x2EBEF)];

/// The simplified form of `c`, or `c` itself when OpenCC has no per-character conversion for it.
pub fn simplify(c: char) -> char {
    if (c as u32) < CANDIDATE_RANGES[0].0 {
        return c;
    }
    table().get(&c).copied().unwrap_or(c)
}

/// The per-character table, built on first use (see `build_table` for the cost).
pub fn table() -> &'static HashMap<char, char> {
    static TABLE: OnceLock<HashMap<char, char>> = OnceLock::new();
    TABLE.get_or_init(build_table)
}

/// Converts every candidate character through OpenCC's `t2s` chain in a single call.
/// If OpenCC cannot load its embedded data (it always can) the table is empty and text simply
/// is not simplified; a test guards against that silently happening.
fn build_table() -> HashMap<char, char> {
    let Ok(converter) = OpenCC::from_config(BuiltinConfig::T2s) else {
        return HashMap::new();
    };
    let candidates: Vec<char> = CANDIDATE_RANGES
        .iter()
        .flat_map(|&(first, last)| (first..=last).filter_map(char::from_u32))
        .collect();
    let mut lines = String::with_capacity(candidates.len() * 5);
    for &c in &candidates {
        lines.push(c);
        lines.push('\n');
    }
    let converted = converter.convert(&lines);
    let mut table = HashMap::with_capacity(4096);
    for (&traditional, line) in candidates.iter().zip(converted.split('\n')) {
        let mut chars = line.chars();
        if let (Some(simplified), None) = (chars.next(), chars.next())
            && simplified != traditional
        {
            table.insert(traditional, simplified);
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplifies_the_characters_the_standards_quote() {
        let pairs = [
            ('這', '这'),
            ('歸', '归'),
            ('責', '责'),
            ('決', '决'),
            ('說', '说'),
        ];
        for (traditional, simplified) in pairs {
            assert_eq!(simplify(traditional), simplified, "{traditional}");
        }
    }

    #[test]
    fn leaves_simplified_and_non_chinese_characters_alone() {
        for c in ['这', '归', '管', 'a', '1', '!', '。'] {
            assert_eq!(simplify(c), c);
        }
    }

    #[test]
    fn covers_extension_a_and_the_supplementary_plane() {
        // TSCharacters: 㑯 → 㑔 (Extension A) and 𠁞 → 𠀾 (Extension B).
        assert_eq!(simplify('㑯'), '㑔');
        assert_eq!(simplify('\u{2005E}'), '\u{2003E}');
    }

    #[test]
    fn table_has_the_size_of_opencc_character_dictionary() {
        // TSCharacters.txt holds 4,113 entries; a handful map a character to itself.
        let size = table().len();
        assert!((4000..=4113).contains(&size), "table size {size}");
    }
}

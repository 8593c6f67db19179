//! "Did you mean …?" for names the user mistyped: rule names, codes, formats.

/// The candidate closest to `wanted` by edit distance (in chars, ignoring ASCII case), when it is
/// close enough to be a likely typo: at most a third of the longer name's length, and at least 1.
/// Ties go to the earliest candidate, so the answer does not depend on hashing.
pub fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let wanted: Vec<char> = wanted.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let chars: Vec<char> = candidate.chars().map(|c| c.to_ascii_lowercase()).collect();
        let distance = edit_distance(&wanted, &chars);
        let allowed = (wanted.len().max(chars.len()) / 3).max(1);
        if distance <= allowed && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// Levenshtein distance: insertions, deletions and substitutions each cost 1.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_name_for_a_typo() {
        let rules = ["在线响应", "聊天问候", "聊天结束语"];
        assert_eq!(did_you_mean("聊天问好", rules), Some("聊天问候"));
        assert_eq!(did_you_mean("e0101", ["E0101", "E0102"]), Some("E0101"));
        assert_eq!(did_you_mean("E0111", ["E0101", "E0201"]), Some("E0101"));
    }

    #[test]
    fn suggests_nothing_for_a_name_unlike_any() {
        assert_eq!(did_you_mean("禁用忌语", ["在线响应", "聊天问候"]), None);
        assert_eq!(did_you_mean("zendesk", ["csv", "stc3"]), None);
    }

    #[test]
    fn edit_distance_counts_single_char_edits() {
        let d = |a: &str, b: &str| {
            edit_distance(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("问候语", "问候"), 1);
    }
}

//! Did-you-mean: the closest known name to a misspelt one (rules, phrase sets, fields, kinds,
//! codes, formats). Ties go to the alphabetically first candidate, so the answer never depends on
//! hashing order.

/// The candidate closest to `name` by edit distance (in chars), if it is close enough to be a
/// plausible typo: at most a third of the name's length, and at least one edit.
pub fn did_you_mean<'a, I>(name: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .filter(|c| *c != name)
        .map(|c| (edit_distance(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)))
        .map(|(_, c)| c.to_string())
}

/// `help:` text: "did you mean `X`?" or the fallback.
pub fn help_for<'a, I>(name: &str, candidates: I, fallback: &str) -> String
where
    I: IntoIterator<Item = &'a str>,
{
    match did_you_mean(name, candidates) {
        Some(s) => format!("did you mean `{s}`?"),
        None => fallback.to_string(),
    }
}

/// Edit distance over chars (ASCII case ignored) counting a swap of two neighbours as one edit (optimal string
/// alignment), so `agnet` is one edit from `agent`.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(edit_distance("问候语", "问候"), 1);
        assert_eq!(
            did_you_mean("问候", ["问候语", "告别语"]),
            Some("问候语".into())
        );
        assert_eq!(
            did_you_mean("mesage", ["message", "ring"]),
            Some("message".into())
        );
        assert_eq!(did_you_mean("xyz", ["message", "ring"]), None);
        assert_eq!(edit_distance("agnet", "agent"), 1);
        assert_eq!(
            did_you_mean("agnet", ["customer", "agent", "bot"]),
            Some("agent".into())
        );
    }
}

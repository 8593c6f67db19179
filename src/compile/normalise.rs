//! Text normalisation for phrase matching (stub: lands with the phrase-matching work).

/// Normalised text with, for every normalised char, the range of original chars it came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Normalised {
    /// The normalised text.
    pub text: String,
    /// For the i-th char of `text`: the original char range `start..end` (end exclusive).
    pub origin: Vec<(usize, usize)>,
}

/// Normalises text for matching: NFKC, case folding, traditional → simplified, and whitespace,
/// zero-width characters and punctuation dropped.
pub fn normalise(original: &str) -> Normalised {
    Normalised {
        text: original.to_string(),
        origin: Vec::new(),
    }
}

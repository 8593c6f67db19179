//! Phrase matching (stub: lands with the phrase-matching work).

use super::normalise::Normalised;

/// One pattern of a phrase set, as the policy writes it.
#[derive(Debug, Clone, PartialEq)]
pub enum PatternSpec {
    Literal(String),
    Regex(String),
}

/// A phrase set to compile: a user set or a built-in `pii.*` set.
#[derive(Debug, Clone, PartialEq)]
pub struct SetSpec {
    pub name: String,
    pub patterns: Vec<PatternSpec>,
    pub excepts: Vec<PatternSpec>,
}

/// A pattern that failed to compile: which set and pattern, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternError {
    pub set: usize,
    /// Index into the set's patterns, or into its excepts when `in_except`.
    pub pattern: usize,
    pub in_except: bool,
    pub message: String,
}

/// A match in the original text.
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseHit {
    /// Index of the set in the matcher's sets.
    pub set: usize,
    /// Index of the pattern in that set (`None` for built-in sets).
    pub pattern: Option<usize>,
    /// The original text matched; masked for `pii.*` sets.
    pub matched: String,
    /// Char offsets into the original text, end exclusive.
    pub start: usize,
    pub end: usize,
}

/// Several phrase sets compiled together (one automaton for their literals).
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    sets: Vec<SetSpec>,
}

impl PhraseMatcher {
    pub fn build(sets: Vec<SetSpec>) -> Result<PhraseMatcher, Vec<PatternError>> {
        Ok(PhraseMatcher { sets })
    }

    pub fn sets(&self) -> &[SetSpec] {
        &self.sets
    }

    /// Every match, except-filtered, in order of position.
    pub fn find_all(&self, _original: &str, _normalised: &Normalised) -> Vec<PhraseHit> {
        Vec::new()
    }
}

impl PhraseMatcher {
    /// Whether any phrase matches (after `except` filtering).
    pub fn is_match(&self, original: &str, normalised: &Normalised) -> bool {
        !self.find_all(original, normalised).is_empty()
    }
}

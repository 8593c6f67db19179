//! Phrase matching: every literal of every set in one aho-corasick automaton over normalised
//! text, regexes over the same text, `except` filtering, leftmost-longest selection per set, and
//! the built-in `pii.*` sets.

use aho_corasick::{AhoCorasick, MatchKind};
use regex::{Regex, RegexBuilder};

use super::normalise::{Normalised, normalise};
use super::pii::{self, PiiKind};

/// The names of the built-in sets, usable wherever a phrase set is named.
pub const BUILTIN_SETS: &[&str] = pii::BUILTIN_SETS;

/// One pattern of a phrase set, as the policy writes it.
#[derive(Debug, Clone, PartialEq)]
pub enum PatternSpec {
    Literal(String),
    Regex(String),
}

/// A phrase set to compile: a user set or a built-in `pii.*` set.
///
/// A set is built in when its name is one of [`BUILTIN_SETS`] (user set names cannot contain a
/// dot); it then has no patterns of its own. Make one with [`SetSpec::builtin`].
#[derive(Debug, Clone, PartialEq)]
pub struct SetSpec {
    pub name: String,
    pub patterns: Vec<PatternSpec>,
    pub excepts: Vec<PatternSpec>,
}

impl SetSpec {
    /// The built-in set called `name`, if there is one.
    pub fn builtin(name: &str) -> Option<SetSpec> {
        PiiKind::from_name(name)?;
        Some(SetSpec {
            name: name.to_string(),
            patterns: Vec::new(),
            excepts: Vec::new(),
        })
    }

    pub fn is_builtin(&self) -> bool {
        PiiKind::from_name(&self.name).is_some()
    }
}

/// The built-in set called `name`, if there is one (same as [`SetSpec::builtin`]).
pub fn builtin_set(name: &str) -> Option<SetSpec> {
    SetSpec::builtin(name)
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

/// Which pattern of which set a compiled literal or regex is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PatternRole {
    set: usize,
    pattern: usize,
    in_except: bool,
}

/// A match of one pattern, in normalised chars (end exclusive).
#[derive(Debug, Clone, Copy)]
struct Candidate {
    role: PatternRole,
    start: usize,
    end: usize,
}

/// Several phrase sets compiled together (one automaton for their literals).
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    sets: Vec<SetSpec>,
    /// For each set, its built-in kind, if it is one.
    builtins: Vec<Option<PiiKind>>,
    literals: Option<AhoCorasick>,
    /// For each automaton pattern id, whose literal it is.
    literal_roles: Vec<PatternRole>,
    regexes: Vec<(PatternRole, Regex)>,
}

impl PhraseMatcher {
    /// Compiles the sets; every pattern that cannot compile is reported, not just the first.
    pub fn build(sets: Vec<SetSpec>) -> Result<PhraseMatcher, Vec<PatternError>> {
        let mut errors = Vec::new();
        let mut literal_texts = Vec::new();
        let mut literal_roles = Vec::new();
        let mut regexes = Vec::new();
        let builtins: Vec<Option<PiiKind>> =
            sets.iter().map(|s| PiiKind::from_name(&s.name)).collect();
        for (set_index, set) in sets.iter().enumerate() {
            if builtins[set_index].is_some() {
                check_builtin_is_empty(set_index, set, &mut errors);
                continue;
            }
            let roles = roles_of(set_index, set);
            for (role, spec) in roles {
                match compile_pattern(spec) {
                    Ok(Compiled::Literal(text)) => {
                        literal_texts.push(text);
                        literal_roles.push(role);
                    }
                    Ok(Compiled::Regex(regex)) => regexes.push((role, regex)),
                    Err(message) => errors.push(error_at(role, message)),
                }
            }
        }
        let literals = build_automaton(&literal_texts, &literal_roles, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(PhraseMatcher {
            sets,
            builtins,
            literals,
            literal_roles,
            regexes,
        })
    }

    pub fn sets(&self) -> &[SetSpec] {
        &self.sets
    }

    /// Every match, except-filtered, leftmost-longest and non-overlapping within each set,
    /// sorted by (start, set). `normalised` must be `normalise(original)`.
    pub fn find_all(&self, original: &str, normalised: &Normalised) -> Vec<PhraseHit> {
        let mut hits = self.user_hits(original, normalised);
        hits.extend(self.builtin_hits(original));
        hits.sort_by_key(|hit| (hit.start, hit.set, hit.end, hit.pattern));
        hits
    }

    /// Whether any set matches (after `except` filtering): `text has SET`.
    pub fn is_match(&self, original: &str, normalised: &Normalised) -> bool {
        !self.find_all(original, normalised).is_empty()
    }

    fn user_hits(&self, original: &str, normalised: &Normalised) -> Vec<PhraseHit> {
        if self.literals.is_none() && self.regexes.is_empty() {
            return Vec::new();
        }
        let candidates = self.candidates(&normalised.text);
        if candidates.is_empty() {
            return Vec::new();
        }
        let original_bytes = char_byte_offsets(original);
        let mut hits = Vec::new();
        for set in 0..self.sets.len() {
            for chosen in select_for_set(set, &candidates) {
                if let Some(hit) = to_hit(chosen, original, &original_bytes, normalised) {
                    hits.push(hit);
                }
            }
        }
        hits
    }

    fn builtin_hits(&self, original: &str) -> Vec<PhraseHit> {
        let kinds: Vec<PiiKind> = self.builtins.iter().flatten().copied().collect();
        if kinds.is_empty() {
            return Vec::new();
        }
        let found = pii::find_pii(original, &kinds);
        let mut hits = Vec::new();
        for (set, kind) in self.builtins.iter().enumerate() {
            let Some(kind) = kind else { continue };
            hits.extend(found.iter().filter(|m| m.kind == *kind).map(|m| PhraseHit {
                set,
                pattern: None,
                matched: m.masked.clone(),
                start: m.start,
                end: m.end,
            }));
        }
        hits
    }

    /// All matches of all literals and regexes, overlapping, in normalised chars.
    fn candidates(&self, text: &str) -> Vec<Candidate> {
        let to_char = byte_to_char_index(text);
        let mut found = Vec::new();
        if let Some(automaton) = &self.literals {
            for m in automaton.find_overlapping_iter(text) {
                if let Some(&role) = self.literal_roles.get(m.pattern().as_usize()) {
                    found.push(Candidate {
                        role,
                        start: to_char[m.start()],
                        end: to_char[m.end()],
                    });
                }
            }
        }
        for (role, regex) in &self.regexes {
            for (start, end) in overlapping_regex_matches(regex, text) {
                found.push(Candidate {
                    role: *role,
                    start: to_char[start],
                    end: to_char[end],
                });
            }
        }
        found
    }
}

enum Compiled {
    Literal(String),
    Regex(Regex),
}

fn roles_of(set: usize, spec: &SetSpec) -> Vec<(PatternRole, &PatternSpec)> {
    let patterns = spec.patterns.iter().enumerate().map(|(i, p)| (false, i, p));
    let excepts = spec.excepts.iter().enumerate().map(|(i, p)| (true, i, p));
    patterns
        .chain(excepts)
        .map(|(in_except, pattern, p)| {
            (
                PatternRole {
                    set,
                    pattern,
                    in_except,
                },
                p,
            )
        })
        .collect()
}

fn compile_pattern(spec: &PatternSpec) -> Result<Compiled, String> {
    match spec {
        PatternSpec::Literal(literal) => {
            let text = normalise(literal).text;
            if text.is_empty() {
                return Err(format!(
                    "the literal {literal:?} is only spaces, punctuation or invisible characters, \
                     which matching ignores, so it would match everywhere"
                ));
            }
            Ok(Compiled::Literal(text))
        }
        // Normalised text is lower case, so a regex written with capitals must still match it.
        PatternSpec::Regex(source) => RegexBuilder::new(source)
            .case_insensitive(true)
            .build()
            .map(Compiled::Regex)
            .map_err(|e| e.to_string()),
    }
}

fn check_builtin_is_empty(set: usize, spec: &SetSpec, errors: &mut Vec<PatternError>) {
    let roles = roles_of(set, spec);
    if let Some((role, _)) = roles.first() {
        let message = format!(
            "the built-in set {} takes no patterns of its own",
            spec.name
        );
        errors.push(error_at(*role, message));
    }
}

fn error_at(role: PatternRole, message: String) -> PatternError {
    PatternError {
        set: role.set,
        pattern: role.pattern,
        in_except: role.in_except,
        message,
    }
}

fn build_automaton(
    texts: &[String],
    roles: &[PatternRole],
    errors: &mut Vec<PatternError>,
) -> Option<AhoCorasick> {
    if texts.is_empty() {
        return None;
    }
    // Standard semantics: the only kind that reports overlapping matches.
    match AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(texts)
    {
        Ok(automaton) => Some(automaton),
        Err(e) => {
            if let Some(&role) = roles.first() {
                errors.push(error_at(
                    role,
                    format!("the phrase literals cannot be compiled: {e}"),
                ));
            }
            None
        }
    }
}

/// Every non-empty match of `regex` in `text`, one per start position (the one the regex
/// prefers there), as byte ranges. `regex` finds only non-overlapping matches by itself.
fn overlapping_regex_matches(regex: &Regex, text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let Some(m) = regex.find_at(text, at) else {
            break;
        };
        if m.end() > m.start() {
            found.push((m.start(), m.end()));
        }
        let step = text[m.start()..].chars().next().map_or(1, char::len_utf8);
        at = m.start() + step;
    }
    found
}

/// The set's matches that survive its excepts, leftmost-longest and non-overlapping.
fn select_for_set(set: usize, candidates: &[Candidate]) -> Vec<Candidate> {
    let (excepts, mut matches): (Vec<&Candidate>, Vec<&Candidate>) = candidates
        .iter()
        .filter(|c| c.role.set == set)
        .partition(|c| c.role.in_except);
    matches.retain(|m| !excepts.iter().any(|e| e.start <= m.start && m.end <= e.end));
    matches.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end), m.role.pattern));
    let mut chosen: Vec<Candidate> = Vec::new();
    for m in matches {
        if chosen.last().is_none_or(|last| m.start >= last.end) {
            chosen.push(*m);
        }
    }
    chosen
}

fn to_hit(
    chosen: Candidate,
    original: &str,
    original_bytes: &[usize],
    normalised: &Normalised,
) -> Option<PhraseHit> {
    let (start, end) = normalised.original_range(chosen.start, chosen.end)?;
    let matched = original.get(*original_bytes.get(start)?..*original_bytes.get(end)?)?;
    Some(PhraseHit {
        set: chosen.role.set,
        pattern: Some(chosen.role.pattern),
        matched: matched.to_string(),
        start,
        end,
    })
}

/// The byte offset of every char of `text`, plus its length: char range → byte range.
pub(crate) fn char_byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(at, _)| at)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// For every byte offset of `text` that starts a char (and the end), the char index there.
fn byte_to_char_index(text: &str) -> Vec<usize> {
    let mut index = vec![0; text.len() + 1];
    let mut chars = 0;
    for (at, _) in text.char_indices() {
        index[at] = chars;
        chars += 1;
    }
    index[text.len()] = chars;
    index
}

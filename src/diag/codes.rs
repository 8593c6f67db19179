//! The table of every diagnostic code: one entry per code with its title and a longer explanation
//! (markdown, with an example where it helps). `norma explain CODE` prints an entry and
//! `docs/codes/` is generated from this table; a test fails when the two differ.
//!
//! The table is kept in one file per code family so each stage owns the codes it reports.

#[path = "codes/e00_syntax.rs"]
mod e00_syntax;
#[path = "codes/e01_names.rs"]
mod e01_names;
#[path = "codes/e02_types.rs"]
mod e02_types;
#[path = "codes/e04_time.rs"]
mod e04_time;
#[path = "codes/e07_records.rs"]
mod e07_records;

/// One code's documentation.
#[derive(Debug, Clone, Copy)]
pub struct CodeDoc {
    /// `E0101`, `W0701`, …
    pub code: &'static str,
    /// One line: what the code means.
    pub title: &'static str,
    /// Markdown: why it is a problem, how to fix it, an example.
    pub explanation: &'static str,
}

/// Every code, in family order.
pub fn all() -> impl Iterator<Item = &'static CodeDoc> {
    e00_syntax::CODES
        .iter()
        .chain(e01_names::CODES)
        .chain(e02_types::CODES)
        .chain(e04_time::CODES)
        .chain(e07_records::CODES)
}

/// The entry for a code, case-insensitive (`e0101` works too).
pub fn lookup(code: &str) -> Option<&'static CodeDoc> {
    all().find(|c| c.code.eq_ignore_ascii_case(code.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_well_formed_and_documented() {
        let mut seen = HashSet::new();
        for c in all() {
            assert!(seen.insert(c.code), "duplicate code {}", c.code);
            assert!(
                c.code.len() == 5
                    && (c.code.starts_with('E') || c.code.starts_with('W'))
                    && c.code[1..].chars().all(|d| d.is_ascii_digit()),
                "malformed code {}",
                c.code
            );
            assert!(
                !c.title.is_empty() && !c.explanation.trim().is_empty(),
                "{} undocumented",
                c.code
            );
        }
    }
}

//! Check fixtures: one per diagnostic code. Each fixture's `# expect:` line lists the codes it must
//! produce (exactly); a snapshot shows where each diagnostic points and what it says.

mod common;

use std::path::{Path, PathBuf};

use common::repo;
use norma::diag::{Diagnostic, SourceMap};

/// The entry of a fixture: a file, a directory, or a directory's `policy/` subdirectory.
/// Relative to the crate (the tests' working directory), so messages that echo the path are the
/// same on every checkout.
fn entry(path: &Path) -> PathBuf {
    let entry = if path.join("policy").is_dir() {
        path.join("policy")
    } else {
        path.to_path_buf()
    };
    entry
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .map(Path::to_path_buf)
        .unwrap_or(entry)
}

fn expected_codes(path: &Path) -> Vec<String> {
    let file = if path.is_dir() {
        path.join("expect")
    } else {
        path.to_path_buf()
    };
    let text = std::fs::read_to_string(&file).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("# expect:"))
        .expect("a `# expect:` line");
    let mut codes: Vec<String> = line["# expect:".len()..]
        .split_whitespace()
        .map(String::from)
        .collect();
    codes.sort();
    codes
}

/// A plain rendering of where each diagnostic points: stable across renderer changes.
fn plain(diags: &[Diagnostic], sources: &SourceMap) -> String {
    let place = |span: norma::diag::Span| {
        let file = sources
            .get(span.file)
            .map(|f| f.display.clone())
            .unwrap_or_default();
        let file = Path::new(&file)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (l1, c1) = sources.line_col(span.file, span.start);
        let (l2, c2) = sources.line_col(span.file, span.end);
        format!("{file}:{l1}:{c1}-{l2}:{c2} `{}`", sources.snippet(span))
    };
    let mut out = String::new();
    for d in diags {
        out.push_str(&format!("{}: {}\n", d.code, d.message));
        if let Some(p) = &d.primary {
            out.push_str(&format!("  --> {} {}\n", place(p.span), p.text));
        }
        for s in &d.secondary {
            out.push_str(&format!("  ... {} {}\n", place(s.span), s.text));
        }
        out.push_str(&format!("  help: {}\n", d.help));
    }
    out
}

#[test]
fn every_check_fixture_gives_exactly_its_codes() {
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(repo("tests/fixtures/check"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    fixtures.sort();
    let mut failures = Vec::new();
    for path in &fixtures {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let loaded = norma::load_policy(&[entry(path)], None);
        let mut codes: Vec<String> = loaded
            .diagnostics
            .iter()
            .map(|d| d.code.to_string())
            .collect();
        codes.sort();
        let expected = expected_codes(path);
        let rendered = plain(&loaded.diagnostics, &loaded.sources);
        if codes != expected {
            failures.push(format!(
                "{name}: expected {expected:?}, got {codes:?}\n{rendered}"
            ));
            continue;
        }
        assert!(loaded.policy.is_none() || loaded.diagnostics.iter().all(|d| !d.is_error()));
        for d in &loaded.diagnostics {
            // Only problems with the command line itself (no standard anywhere, no such path) have no span.
            assert!(
                d.primary.is_some() || ["E0108", "E0110"].contains(&d.code),
                "{name}: {} has no span",
                d.code
            );
            assert!(!d.help.is_empty(), "{name}: {} has no help", d.code);
        }
        insta::assert_snapshot!(name.clone(), rendered);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_error_code_the_checker_reports_has_a_fixture() {
    let fixtures: Vec<String> = std::fs::read_dir(repo("tests/fixtures/check"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    for code in norma::diag::codes::all() {
        let family = &code.code[1..3];
        if !["01", "02", "04"].contains(&family) {
            continue;
        }
        assert!(
            fixtures.iter().any(|f| f.starts_with(code.code)),
            "no fixture in tests/fixtures/check for {}",
            code.code
        );
    }
}

#[test]
fn a_typo_gets_a_did_you_mean() {
    let loaded = norma::load_policy(
        &[repo("tests/fixtures/check/E0101-unknown-set.norma")],
        None,
    );
    assert_eq!(loaded.diagnostics.len(), 1);
    assert_eq!(loaded.diagnostics[0].help, "did you mean `问候语`?");
}

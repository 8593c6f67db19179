//! No panic on any policy input: every prefix of every shipped policy and fixture, and some
//! hostile inputs, load and check without panicking (diagnostics are expected, panics are not).

mod common;

use std::path::PathBuf;

use common::repo;

fn norma_files(dir: &str) -> Vec<PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.filter_map(|e| e.ok()) {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "norma") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&repo(dir), &mut out);
    out.sort();
    out
}

fn check_text(dir: &std::path::Path, name: &str, text: &[u8]) {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let loaded = norma::load_policy(std::slice::from_ref(&path), None);
    // Rendering must not panic either, whatever the spans point at.
    let _ = norma::diag::render_human(&loaded.diagnostics, &loaded.sources, false);
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn every_prefix_of_every_policy_loads_without_panic() {
    let dir = std::env::temp_dir().join(format!("norma-prefixes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = norma_files("policies");
    files.extend(norma_files("tests/fixtures/eval"));
    for file in files {
        let text = std::fs::read(&file).unwrap();
        let step = (text.len() / 60).max(1);
        for end in (0..text.len()).step_by(step) {
            check_text(&dir, "prefix.norma", &text[..end]);
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn hostile_policies_load_without_panic() {
    let dir = std::env::temp_dir().join(format!("norma-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let deep = format!(
        "standard \"x\" {{ timezone \"UTC\" }}\nphrases p {{ \"a\" }}\nforbid r = p in each message by agent {{ when {}channel == \"a\"{} }}",
        "(".repeat(5000),
        ")".repeat(5000)
    );
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("not-utf8", vec![0xff, 0xfe, b's', b't', 0xc3]),
        ("only-braces", b"}}}{{{".to_vec()),
        ("unterminated-string", b"standard \"x { timezone \"UTC\" }".to_vec()),
        ("deep-nesting", deep.into_bytes()),
        ("nul-bytes", b"standard \"\0\" { timezone \"\0\" }\0".to_vec()),
        ("huge-number", b"standard \"x\" { timezone \"UTC\" }\ndeadline d { start opened stop first resolve within 99999999999999999999999s }".to_vec()),
    ];
    for (name, text) in cases {
        check_text(&dir, &format!("{name}.norma"), &text);
    }
    std::fs::remove_dir_all(&dir).ok();
}

//! docs/codes/ is generated from the code table (`norma::diag::codes::all()`): one page per code
//! and an index. This test regenerates them in memory and fails when the files differ; run
//! `UPDATE_DOCS=1 cargo test --test docs_codes` to rewrite them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use norma::diag::CodeDoc;
use norma::diag::codes;

fn docs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/codes")
}

fn code_page(doc: &CodeDoc) -> String {
    format!(
        "# {}: {}\n\n{}\n\n---\n\nGenerated from the code table; `norma explain {}` prints this page.\n",
        doc.code,
        doc.title,
        doc.explanation.trim(),
        doc.code
    )
}

fn index(docs: &[&CodeDoc]) -> String {
    let mut text = String::from(
        "# Diagnostic codes\n\n\
         Every diagnostic norma reports has a stable code: `E` for errors, `W` for warnings, with the\n\
         same digits per topic. `norma explain CODE` prints a code's page.\n\n\
         | family | covers |\n|---|---|\n\
         | E00xx | syntax, lexis, regexes |\n\
         | E01xx | names and loading |\n\
         | E02xx | types, fields, kinds, selectors, phrases |\n\
         | E03xx | teams and escalation |\n\
         | E04xx | time and calendars |\n\
         | E05xx | scorecards, audits, measures |\n\
         | E06xx | tests, waivers, configuration |\n\
         | E07xx | records (`record-invalid`); W07xx: `invalid-field` |\n\n",
    );
    if docs.is_empty() {
        text.push_str("No codes are defined yet.\n");
    } else {
        text.push_str("| code | title |\n|---|---|\n");
        for doc in docs {
            let title = doc.title.replace('|', "\\|");
            text.push_str(&format!("| [{0}]({0}.md) | {title} |\n", doc.code));
        }
    }
    text.push_str(
        "\nThese pages are generated from `src/diag/codes/`; do not edit them by hand. After changing\n\
         the table, run `UPDATE_DOCS=1 cargo test --test docs_codes`.\n",
    );
    text
}

/// File name → content of every generated page.
fn generated() -> BTreeMap<String, String> {
    let docs: Vec<&CodeDoc> = codes::all().collect();
    let mut pages: BTreeMap<String, String> = docs
        .iter()
        .map(|doc| (format!("{}.md", doc.code), code_page(doc)))
        .collect();
    pages.insert("README.md".to_string(), index(&docs));
    pages
}

/// File name → content of the markdown files now in docs/codes/.
fn on_disk(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let text = std::fs::read_to_string(e.path()).ok()?;
            Some((name, text))
        })
        .collect()
}

#[test]
fn docs_codes_match_the_code_table() {
    let dir = docs_dir();
    let wanted = generated();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(&dir).expect("create docs/codes");
        for stale in on_disk(&dir)
            .keys()
            .filter(|name| !wanted.contains_key(*name))
        {
            std::fs::remove_file(dir.join(stale)).expect("remove a stale page");
        }
        for (name, text) in &wanted {
            std::fs::write(dir.join(name), text).expect("write a page");
        }
    }
    let present = on_disk(&dir);
    let mut problems = Vec::new();
    for (name, text) in &wanted {
        match present.get(name) {
            None => problems.push(format!("missing: docs/codes/{name}")),
            Some(found) if found != text => problems.push(format!("outdated: docs/codes/{name}")),
            Some(_) => {}
        }
    }
    for name in present.keys().filter(|name| !wanted.contains_key(*name)) {
        problems.push(format!("no such code any more: docs/codes/{name}"));
    }
    assert!(
        problems.is_empty(),
        "docs/codes/ differs from the code table:\n  {}\nrun `UPDATE_DOCS=1 cargo test --test docs_codes` to regenerate it",
        problems.join("\n  ")
    );
}

#[test]
fn every_code_page_names_its_code_and_title() {
    for doc in codes::all() {
        let page = code_page(doc);
        assert!(page.starts_with(&format!("# {}: {}\n", doc.code, doc.title)));
    }
    assert!(index(&[]).contains("No codes are defined yet."));
    let example = CodeDoc {
        code: "E0101",
        title: "unknown name | typo",
        explanation: "A rule names a phrase set that does not exist.\n",
    };
    assert_eq!(
        code_page(&example),
        "# E0101: unknown name | typo\n\nA rule names a phrase set that does not exist.\n\n---\n\n\
         Generated from the code table; `norma explain E0101` prints this page.\n"
    );
    assert!(index(&[&example]).contains("| [E0101](E0101.md) | unknown name \\| typo |\n"));
}

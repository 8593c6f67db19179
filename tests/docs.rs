//! The examples in docs/*.md run: every ```norma block checks clean (fragments after a standard
//! line), and every ```norma error=CODE block produces that code.

mod common;

use common::repo;

const PRELUDE: &str = "standard \"docs\" { timezone \"Asia/Shanghai\" }\n";

struct Block {
    file: String,
    line: usize,
    error: Option<String>,
    text: String,
}

fn norma_blocks(markdown: &str, file: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    for (i, line) in markdown.lines().enumerate() {
        match (&mut current, line.trim_start().strip_prefix("```")) {
            (None, Some(info)) if info.starts_with("norma") => {
                let error = info
                    .split_whitespace()
                    .find_map(|w| w.strip_prefix("error="))
                    .map(String::from);
                current = Some(Block {
                    file: file.to_string(),
                    line: i + 1,
                    error,
                    text: String::new(),
                });
            }
            (Some(_), Some("")) => blocks.extend(current.take()),
            (Some(b), _) => {
                b.text.push_str(line);
                b.text.push('\n');
            }
            _ => {}
        }
    }
    blocks
}

#[test]
fn every_norma_example_in_the_docs_runs() {
    let dir = std::env::temp_dir().join(format!("norma-docs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut count = 0;
    let mut failures = Vec::new();
    let mut docs: Vec<_> = std::fs::read_dir(repo("docs"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    docs.sort();
    for doc in docs {
        let markdown = std::fs::read_to_string(&doc).unwrap();
        let name = doc.file_name().unwrap().to_string_lossy().into_owned();
        for block in norma_blocks(&markdown, &name) {
            count += 1;
            let text = if block.text.contains("standard \"") {
                block.text.clone()
            } else {
                format!("{PRELUDE}{}", block.text)
            };
            let path = dir.join("example.norma");
            std::fs::write(&path, &text).unwrap();
            let loaded = norma::load_policy(&[path], None);
            let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
            let ok = match &block.error {
                None => codes.is_empty(),
                Some(code) => codes == [code.as_str()],
            };
            if !ok {
                let rendered =
                    norma::diag::render_human(&loaded.diagnostics, &loaded.sources, false);
                failures.push(format!(
                    "{}:{}: expected {:?}, got {codes:?}\n{rendered}",
                    block.file, block.line, block.error
                ));
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(count > 0, "no examples found in docs/");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

use norma::diag::FileId;
use norma::syntax::parse;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/syntax/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn debug_dump() {
    let src = fixture("realistic.norma");
    let (file, diags) = parse(FileId(0), &src);
    for d in &diags { eprintln!("{d:?}"); }
    for it in &file.items { eprintln!("{:?}\n", it); }
    panic!();
}

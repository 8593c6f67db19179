use super::CodeDoc;

pub static CODES: &[CodeDoc] = &[];

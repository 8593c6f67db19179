//! FNV-1a 64: a fixed, documented hash for fingerprints and policy hashes. It never changes
//! between runs, versions or machines, which is what output consumers rely on.

#[derive(Debug, Clone, Copy)]
pub struct Fnv1a(u64);

impl Fnv1a {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    pub fn new() -> Self {
        Fnv1a(Self::OFFSET)
    }

    pub fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    pub fn finish(&self) -> u64 {
        self.0
    }
}

impl Default for Fnv1a {
    fn default() -> Self {
        Self::new()
    }
}

/// Separates parts so that ("ab", "c") and ("a", "bc") hash differently: the ASCII unit
/// separator, which identifiers and record ids do not contain.
pub const PART_SEPARATOR: u8 = 0x1f;

/// The 16-hex-digit FNV-1a hash of `parts`, each followed by [`PART_SEPARATOR`].
pub fn hex_of(parts: &[&str]) -> String {
    let mut h = Fnv1a::new();
    for p in parts {
        h.write(p.as_bytes());
        h.write(&[PART_SEPARATOR]);
    }
    format!("{:016x}", h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_published_fnv1a_test_vectors() {
        let of = |s: &str| {
            let mut h = Fnv1a::new();
            h.write(s.as_bytes());
            h.finish()
        };
        assert_eq!(of(""), 0xcbf29ce484222325);
        assert_eq!(of("a"), 0xaf63dc4c8601ec8c);
        assert_eq!(of("foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn parts_are_separated() {
        assert_ne!(hex_of(&["ab", "c"]), hex_of(&["a", "bc"]));
        assert_eq!(hex_of(&["x"]).len(), 16);
    }
}

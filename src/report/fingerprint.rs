//! Finding fingerprints: FNV-1a 64 over the finding's identifying parts, so the same problem in the
//! same record gets the same 16-hex-digit fingerprint on every run, machine and version. FNV-1a is
//! fixed and seedless, unlike std's `DefaultHasher`, whose output may change between releases.

/// The fingerprint of a finding identified by `parts`: FNV-1a 64 of the parts' UTF-8 bytes, each
/// followed by 0x1F, as 16 lowercase hex digits.
pub fn fingerprint(parts: &[&str]) -> String {
    crate::hash::hex_of(parts)
}

//! Durations: parsing the units of the language and printing them for people.

/// Formats seconds for a finding: `95s`, `4min 5s`, `2h 30min`, `1d 3h` (days of 24 h).
pub fn human(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    let (d, h, m, sec) = (s / 86_400, s / 3600 % 24, s / 60 % 60, s % 60);
    let parts: Vec<String> = [(d, "d"), (h, "h"), (m, "min"), (sec, "s")]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, u)| format!("{n}{u}"))
        .collect();
    if parts.is_empty() {
        "0s".to_string()
    } else {
        format!("{sign}{}", parts.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::human;

    #[test]
    fn human_durations_read_like_a_person_writes_them() {
        assert_eq!(human(0), "0s");
        assert_eq!(human(95), "1min 35s");
        assert_eq!(human(60), "1min");
        assert_eq!(human(7200), "2h");
        assert_eq!(human(90_061), "1d 1h 1min 1s");
        assert_eq!(human(-30), "-30s");
    }
}

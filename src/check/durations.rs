//! Durations as written: `30s`, `90min`, `2h`, `3 days`; `d` and `m` are refused.

use super::Checker;
use super::model::Length;
use crate::diag::Diagnostic;
use crate::suggest::help_for;
use crate::syntax::ast;

/// A duration literal's length; E04xx for units the language rejects.
pub fn duration(cx: &mut Checker, d: &ast::DurationLit) -> Option<Length> {
    let length = match d.unit.as_str() {
        "s" => seconds(d.amount, 1),
        "min" => seconds(d.amount, 60),
        "h" => seconds(d.amount, 3600),
        "day" | "days" => u32::try_from(d.amount)
            .ok()
            .filter(|n| u64::from(*n) <= MAX_DAYS)
            .map(Length::Days),
        "workday" | "workdays" => u32::try_from(d.amount)
            .ok()
            .filter(|n| u64::from(*n) <= MAX_DAYS)
            .map(Length::Workdays),
        unit => return bad_unit(cx, d, unit),
    };
    if length.is_none() {
        cx.report(
            Diagnostic::new("E0407", "this duration is longer than a limit can be")
                .at(d.span, "more than 100 years")
                .help("limits are at most 100 years (36500 days); did you mean a smaller number?"),
        );
    }
    length
}

/// The longest limit: 100 years, so every due instant stays a valid four-digit-year time.
const MAX_DAYS: u64 = 36_500;

fn seconds(amount: u64, per: u64) -> Option<Length> {
    let total = amount
        .checked_mul(per)
        .filter(|s| *s <= MAX_DAYS * 86_400)?;
    i64::try_from(total).ok().map(Length::Seconds)
}

fn bad_unit(cx: &mut Checker, d: &ast::DurationLit, unit: &str) -> Option<Length> {
    let (code, message, help) = match unit {
        "d" => (
            "E0401",
            "`d` is not a unit".to_string(),
            match d.amount.checked_mul(24) {
                Some(hours) => format!(
                    "write `{hours}h` for elapsed hours or `{} day` for a civil-code day",
                    d.amount
                ),
                None => "write hours (`h`) or civil-code days (`day`)".to_string(),
            },
        ),
        "m" => (
            "E0402",
            "`m` is not a unit".to_string(),
            format!("write `{}min` for minutes", d.amount),
        ),
        _ => (
            "E0403",
            format!("unknown unit `{unit}`"),
            help_for(
                unit,
                ["s", "min", "h", "day", "days", "workday", "workdays"],
                "units are s, min, h, day(s) and workday(s)",
            ),
        ),
    };
    cx.report(
        Diagnostic::new(code, message)
            .at(d.span, "in this duration")
            .help(help),
    );
    None
}

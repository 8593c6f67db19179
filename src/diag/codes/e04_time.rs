use super::CodeDoc;

pub static CODES: &[CodeDoc] = &[
    CodeDoc {
        code: "E0401",
        title: "`d` is not a unit",
        explanation: r#"`1d` is ambiguous: 24 elapsed hours, or a day as the civil code counts it
(start day not counted, due 24:00 of the Nth day)? Reported 11-03 22:00, `24h` is due 11-04 22:00
while `1 day` is due 11-04 24:00. Write the one you mean.

```norma
within 24h      # elapsed
within 1 day    # civil-code day
```"#,
    },
    CodeDoc {
        code: "E0402",
        title: "`m` is not a unit",
        explanation: r#"`5m` could be minutes or months. Write `5min`."#,
    },
    CodeDoc {
        code: "E0403",
        title: "unknown or unusable unit",
        explanation: r#"Durations are an integer, an optional space and a unit: `s`, `min`, `h`,
`day`/`days` (civil-code days), `workday`/`workdays` (working days on a calendar). Calendar days
are not a fixed length, so they cannot be compared in expressions: use hours there.

```norma
within 30s   within 90min   within 2h   within 3 days
```"#,
    },
    CodeDoc {
        code: "E0404",
        title: "unknown time zone",
        explanation: r#"Time zones are IANA names such as `Asia/Shanghai`, `Europe/London`,
`America/New_York` (not abbreviations like `CST`, which are ambiguous)."#,
    },
    CodeDoc {
        code: "E0405",
        title: "working days need a business calendar",
        explanation: r#"`N workdays` counts the working days of a business calendar
(`within 4 workdays using 营业时间`). This version of norma does not evaluate business calendars
yet; write the limit in hours or civil-code days until it does."#,
    },
    CodeDoc {
        code: "E0406",
        title: "warn share out of range",
        explanation: r#"`warn at N%` marks a running clock at-risk once N% of its limit is used; N
must be strictly between 0 and 100.

```norma
deadline 邮件回复 { … within 24h  warn at 80% }
```"#,
    },
    CodeDoc {
        code: "E0407",
        title: "duration too long",
        explanation: r#"A limit is longer than 100 years (36500 days). No service standard means that,
and instants that far out are no longer valid four-digit-year times, so norma refuses the number
rather than misbehave at run time.

```norma
deadline 回复 { start opened  stop first message by agent  within 99999999999h }   # E0407
```"#,
    },
];

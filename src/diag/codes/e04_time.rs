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
        explanation: r#"`N workdays` counts the working days of a business calendar: due at the last
close of the Nth working day after the start's local date. Name the calendar with `using`.

```norma
calendar 营业时间 { hours mon-fri 08:30-17:00 }
deadline 处理意见 { start opened  stop first resolve  within 4 workdays using 营业时间 }
```"#,
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
    CodeDoc {
        code: "E0408",
        title: "bad opening hours",
        explanation: r#"A span of opening hours ends before it starts, lasts more than a day, or a day
name is not one of `mon tue wed thu fri sat sun`. Spans are half-open `[open, close)` and belong to
the day they start on; a span across midnight is written with `+1`.

```norma
calendar 夜班 { hours mon-fri 22:00-06:00+1 }
```"#,
    },
    CodeDoc {
        code: "E0409",
        title: "overlapping opening hours",
        explanation: r#"Two spans of one day overlap (or a span across midnight overlaps the next
day's first span), so the open time would be counted twice. Split days are written as separate,
non-overlapping spans.

```norma
calendar 营业时间 { hours mon-fri 08:30-12:00, 13:30-17:00 }
```"#,
    },
    CodeDoc {
        code: "E0410",
        title: "a closed range that ends before it starts",
        explanation: r#"`closed FROM..TO` is an inclusive range of local dates; write the earlier date
first.

```norma
calendar 营业时间 { hours mon-fri 08:30-17:00  closed 2026-10-01..2026-10-07 "国庆节" }
```"#,
    },
    CodeDoc {
        code: "E0411",
        title: "a date both closed and open",
        explanation: r#"A calendar closes and opens the same date. Chinese make-up working days (调休)
fall outside the holiday range: close the holiday and open the make-up day.

```norma
calendar 营业时间 {
  hours  mon-fri 08:30-17:00
  closed 2026-10-01..2026-10-07 "国庆节"
  open   2026-10-11 08:30-17:00 "调休"
}
```"#,
    },
    CodeDoc {
        code: "E0412",
        title: "a calendar with no open time",
        explanation: r#"The calendar has no weekly hours and no open day (or an `open` day without
hours), so no deadline counted on it could ever be due.

```norma
calendar 营业时间 { hours mon-fri 08:30-17:00 }
```"#,
    },
    CodeDoc {
        code: "E0413",
        title: "a calendar that extends itself",
        explanation: r#"`calendar B extends A` copies A and changes it; a chain of `extends` that
returns to its start has no base to copy.

```norma
calendar 营业时间 { hours mon-fri 08:30-17:00 }
calendar 华南 extends 营业时间 { timezone "Asia/Shanghai" }
```"#,
    },
];

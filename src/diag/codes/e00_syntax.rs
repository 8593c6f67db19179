use super::CodeDoc;

pub static CODES: &[CodeDoc] = &[
    CodeDoc {
        code: "E0001",
        title: "unexpected input",
        explanation: r#"The parser met something it did not expect at this place. The message lists
what could stand there, in the language's own terms, and the label points at the exact spot.

Each top-level item (`deadline`, `forbid`, `phrases`, …) is read on its own, so an error here
only drops this item: the rest of the file is still checked.

```norma
deadline 在线响应 { start opened  stp first message by agent  within 60s }
#                                 ^^^ expected a clause (`when`, `start`, `stop`, …)
```

Fix the spelling (`stop`), or remove what does not belong. A keyword such as `when` or `in`
cannot be used as a name."#,
    },
    CodeDoc {
        code: "E0002",
        title: "unterminated string",
        explanation: r#"A string literal starts with `"` but the line ends before its closing `"`.
Strings cannot span lines; write `\n` for a line break inside one.

```norma
phrases 问候语 { "您好 }
#               ^^^^^^ never closed
```

Close the string: `phrases 问候语 { "您好" }`."#,
    },
    CodeDoc {
        code: "E0003",
        title: "unterminated regex",
        explanation: r#"A regex literal starts with `/` but the line ends before its closing `/`.
Every `/` outside strings and comments starts a regex; write `\/` for a slash inside one.

```norma
phrases 忌语 { /找.{0,4}领导 }
```

Close the regex: `/找.{0,4}领导/`."#,
    },
    CodeDoc {
        code: "E0004",
        title: "unknown escape in a string",
        explanation: r#"Strings take the escapes `\"`, `\\`, `\n`, `\t` and `\u{…}` (one to six
hexadecimal digits naming a Unicode scalar value). Anything else after a backslash is an error,
so a typo cannot silently change a phrase.

```norma
phrases 路径 { "C:\temp\q" }   # `\q` is no escape
```

Write `\\` for a backslash: `"C:\\temp\\q"`."#,
    },
    CodeDoc {
        code: "E0005",
        title: "malformed date, time or number",
        explanation: r#"A literal has the shape of a date, a time of day or a number but is not a valid
one: a month above 12, a day the month does not have, an hour above 24 or minutes above 59, or a
count too large to represent. `24:00` is allowed: it means the end of a day.

```norma
deadline 国庆 { when attrs.date == 2026-13-01  start opened  within 2h }
```

Write a real date (`2026-12-01`) or time (`08:30`)."#,
    },
    CodeDoc {
        code: "E0006",
        title: "unclosed bracket",
        explanation: r#"A `{`, `(` or `[` is never closed before the item ends. The item ends where
the next line starts with an item keyword (`deadline`, `forbid`, …), so a missing `}` costs only
the item it belongs to.

```norma
deadline 在线响应 { start each turn by customer  stop next message by agent
deadline 邮件回复 { start opened  stop first message by agent  within 24h }
```

Add the missing `}` at the end of the first deadline."#,
    },
    CodeDoc {
        code: "E0007",
        title: "nesting too deep",
        explanation: r#"Brackets nest more than 64 levels deep, or a condition chains more than 256
`and`/`or` terms or 64 `not`s. No real rule needs this; the limit keeps every stage of norma
safe from input crafted to exhaust it.

```norma
deadline 深 { when ((((((((((((((((…)))))))))))))))) start opened within 2h }
```

Split the condition into simpler rules, or name parts of it with phrase sets and fields."#,
    },
    CodeDoc {
        code: "E0050",
        title: "invalid regular expression",
        explanation: r#"A `/…/` regex does not compile. norma uses the `regex` crate, whose matching is
linear in the text's length: there is no look-around and no back-references. Regexes run on
normalised text (simplified Chinese, half-width, no whitespace or punctuation), so write them that
way.

```norma
phrases 服务忌语 { /找.{0,4}领导/ }   # fine
phrases 坏的 { /找(领导/ }            # E0050: unclosed group
```"#,
    },
    CodeDoc {
        code: "W0050",
        title: "regex characters normalised text never contains",
        explanation: r#"Phrase regexes run on normalised text: NFKC (full-width → half-width), lower
case, traditional → simplified Chinese, without whitespace or punctuation. A regex written with a
traditional, full-width or upper-case character can never match it as written.

```norma
phrases 忌语 { /不歸我管/ }   # W0050: write /不归我管/
```

Literal phrases are normalised for you, so `"不歸我管"` needs no change."#,
    },
];

use super::CodeDoc;

pub static CODES: &[CodeDoc] = &[
    CodeDoc {
        code: "E0101",
        title: "unknown name",
        explanation: r#"A rule refers to a phrase set, calendar or other item that the policy does not
declare. Names are global across all files of a policy (imports included) and live in separate
namespaces: rules, phrase sets, teams, calendars.

```norma
phrases 问候语 { "您好" }
require 聊天问候 = 问候 in first message by agent   # E0101: unknown phrase set `问候`
```

Fix the spelling (the `help:` line suggests the closest name) or declare the item. The built-in
calendar is `24x7`; the built-in phrase sets are `pii.mobile_cn`, `pii.id_card_cn`, `pii.bank_card`
and `pii.email`."#,
    },
    CodeDoc {
        code: "E0102",
        title: "duplicate name",
        explanation: r#"Two items of the same namespace have the same name (compared after Unicode NFC
normalisation), or a field is declared twice. The diagnostic shows both places.

```norma
phrases 告别语 { "再见" }
phrases 告别语 { "晚安" }   # E0102
```

Merge the two items or rename one. Rule names must be unique across the whole policy because
findings, tests and waivers name rules."#,
    },
    CodeDoc {
        code: "E0103",
        title: "a name of the wrong kind",
        explanation: r#"A rule's name was given where a phrase set is expected (or the other way
round). Rules and phrase sets have separate namespaces, so the name exists, but not as what this
place needs.

```norma
forbid 禁用忌语 = 服务忌语 in each message by agent
require 礼貌 = 禁用忌语 in any message by agent   # E0103: `禁用忌语` is a rule
```

Name the phrase set (`服务忌语`) instead."#,
    },
    CodeDoc {
        code: "E0104",
        title: "a second short-form rule on one phrase set",
        explanation: r#"The short form `forbid SET in SCOPE` names the rule after its set. A second
short-form rule on the same set would get the same name.

```norma
require 问候语 in first message by agent
require 问候语 in first message by staff   # E0104
```

Give the second rule a name of its own with the full form:
`require 机器人问候 = 问候语 in first message by staff`."#,
    },
    CodeDoc {
        code: "E0105",
        title: "import not found or unreadable",
        explanation: r#"An `import` names a file that does not exist, cannot be read, or is not UTF-8.
Imports are relative to the file that contains them.

```norma
import "common/phrase.norma"   # E0105 when the file is common/phrases.norma
```"#,
    },
    CodeDoc {
        code: "E0106",
        title: "import leaves the policy root",
        explanation: r#"Imports may not reach outside the policy root, so a policy directory is
self-contained and can be checked, versioned and reviewed as a unit. The root is the directory
given on the command line, else the entry file's directory (for several entries, the deepest
directory containing them all); `--root DIR` overrides it.

```norma
import "../../shared/phrases.norma"   # E0106 unless --root includes it
```"#,
    },
    CodeDoc {
        code: "E0107",
        title: "import cycle",
        explanation: r#"Files import each other in a cycle (`a.norma` imports `b.norma`, which imports
`a.norma`). Each file is loaded once, so a cycle is never needed: move what both files need into a
third file that both import."#,
    },
    CodeDoc {
        code: "E0108",
        title: "no standard block",
        explanation: r#"Every policy has exactly one `standard` block: the standard's name, version and
the time zone that times without an offset are read in.

```norma
standard "在线客服服务标准" { version "2026.11"  timezone "Asia/Shanghai" }
```"#,
    },
    CodeDoc {
        code: "E0109",
        title: "more than one standard block",
        explanation: r#"A policy (its entry files and everything they import, or every `*.norma` file
of a directory) has exactly one `standard` block. Keep it in the main file; other files hold
rules and phrase sets."#,
    },
    CodeDoc {
        code: "E0110",
        title: "policy path not found",
        explanation: r#"A policy path given on the command line does not exist, or a directory holds
no `*.norma` files.

```text
norma check policies/   # every *.norma below policies/ is one policy
```"#,
    },
    CodeDoc {
        code: "E0111",
        title: "bad standard block",
        explanation: r#"The `standard` block lacks its `timezone`, or has a property norma does not
know. A `standard` takes `version`, `timezone` (required, an IANA name) and `description`.

```norma
standard "热线客户服务标准" { version "2026.11"  timezone "Asia/Shanghai" }
```"#,
    },
    CodeDoc {
        code: "E0120",
        title: "not supported by this version",
        explanation: r#"The item or clause is part of the norma language but this version does not
evaluate it yet (business calendars, `pause`, teams and escalation, ownership, cases,
scorecards, audits, measures). norma parses it so the rest of the file can be checked, but
refuses to accept it: a policy that silently ignored a rule would look enforced where it is not.

Remove the item or comment it out until the capability is available."#,
    },
];

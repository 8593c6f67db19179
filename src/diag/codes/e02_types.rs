use super::CodeDoc;

pub static CODES: &[CodeDoc] = &[
    CodeDoc {
        code: "E0201",
        title: "unknown field",
        explanation: r#"An expression reads a field path the policy does not declare. Every path a
rule reads is declared in a `fields` block, so a typo cannot silently make a rule never apply.
Built-in record fields are `id channel category priority case customer.id`; an event's own fields
(`text agent team actor kind at score due from to end`) are read bare in `where` filters.

```norma
fields { attrs.fault_party: one of "company" "customer" "third_party" }
forbid 非责致歉 = 致歉语 in each message by agent {
  when attrs.fault_partty == "customer" }   # E0201, did you mean `attrs.fault_party`?
```"#,
    },
    CodeDoc {
        code: "E0202",
        title: "value outside the field's enumeration",
        explanation: r#"A field declared `one of …` is compared with a value that is not one of its
values, so the comparison could never be true.

```norma
fields { channel: one of "phone" "email" "chat" "visit" required }
deadline 在线响应 { when channel == "webchat" … }   # E0202
```

Use one of the declared values, or add the value to the declaration."#,
    },
    CodeDoc {
        code: "E0203",
        title: "type mismatch",
        explanation: r#"An expression combines values of different types: text compared with a
number, a bool ordered with `<`, a `when` that is not a condition, `has` applied to a number, a
`due` that is not a time.

```norma
fields { attrs.in_warranty: bool }
expect 保修 { when attrs.in_warranty == "yes" … }   # E0203: compare with true or false
```"#,
    },
    CodeDoc {
        code: "E0204",
        title: "unknown event kind",
        explanation: r#"A selector names a kind that is neither built in (`ring answer message hold
transfer escalate resolve reopen close hangup survey note promise set`) nor declared in a `kinds`
block. `event` selects any kind.

```norma
kinds { onsite visit notice }
deadline 抄表通知 { start first notise … }   # E0204, did you mean `notice`?
```"#,
    },
    CodeDoc {
        code: "E0205",
        title: "unknown actor",
        explanation: r#"`by ACTOR` takes `customer`, `agent` (a human agent), `bot`, `system` or
`staff` (agent or bot).

```norma
stop next message by agnet   # E0205, did you mean `agent`?
```"#,
    },
    CodeDoc {
        code: "E0206",
        title: "selector not allowed here",
        explanation: r#"A selector's quantifier or form does not fit where it is used:

- `next` only in `stop` and `cancel` (the first match after the clock's start);
- `each` only after `start` (an instance per match) and in phrase-rule scopes;
- `each turn by customer` only after `start`;
- `last` not in `stop`/`cancel`, which take the first match after the start;
- `opened` only as a `start` or an anchor;
- `message by system` never matches: message selectors skip system messages.

```norma
deadline 在线响应 { start first message by customer  stop each message by agent … }   # E0206
```"#,
    },
    CodeDoc {
        code: "E0207",
        title: "bad phrase-rule scope",
        explanation: r#"A `forbid`/`require` scope selects messages with a quantifier:
`each|any|first|last message by A` or `last N messages by A`. `forbid … in any message` is an
error because `forbid` judges every message: write `each`.

| scope | forbid | require |
|---|---|---|
| `each message by A` | each match violates | each message without one violates |
| `any message by A` | error: use `each` | one must match |
| `first`/`last message by A` | must not match | must match |
| `last N messages by A` | none may match | one must |"#,
    },
    CodeDoc {
        code: "E0208",
        title: "bad field declaration",
        explanation: r#"A `fields` declaration names a path that cannot be declared, an unknown type,
or marks an event field `required`. Custom fields live under `customer.*`, `attrs.*` (the record)
and `event.attrs.*` (each event); built-in fields may be narrowed (`channel: one of …`). Types are
`text number bool time duration` and `one of "a" "b"`. `required` rejects a record lacking the
field, which only makes sense for record fields.

```norma
fields { event.attrs.result: one of "absent" "read" required }   # E0208
```"#,
    },
    CodeDoc {
        code: "E0209",
        title: "missing or repeated clause",
        explanation: r#"A deadline needs a `start`, a `stop` and exactly one limit (`within`,
`at least` or `due`); an `expect` needs exactly one of `require`, `forbid` and `assert`; any clause
may appear at most once.

```norma
deadline 邮件回复 { when channel == "email"  start opened  within 24h }   # E0209: no `stop`
```"#,
    },
    CodeDoc {
        code: "E0210",
        title: "clause not allowed in this item",
        explanation: r#"The clause does not belong to this kind of rule. `forbid` and `require` take
`when` and `severity`; a `deadline` takes `when severity start stop cancel within at least due
warn at`; an `expect` takes `when`, `severity` and one of `require`, `forbid`, `assert`."#,
    },
    CodeDoc {
        code: "E0211",
        title: "target table without a final else",
        explanation: r#"A target table tries its arms in order (false and unknown arms are skipped)
and must end with `else`, so every record gets a limit; `else` anywhere but last would hide the
arms after it.

```norma
within { priority == "urgent" => 2h   customer.tier == "vip" => 4h   else => 24h }
```"#,
    },
    CodeDoc {
        code: "E0212",
        title: "event field outside an event",
        explanation: r#"An event's field (`text`, `agent`, `event.attrs.*`, …) is read where no event
is in context, such as a rule's `when`. Read it in a `where` filter, or from a selected event.

```norma
deadline 承诺时限 { … due (last promise).due }   # the event is `last promise`
```"#,
    },
    CodeDoc {
        code: "E0213",
        title: "unknown severity",
        explanation: r#"`severity` takes `error`, `warning` or `info` (default `error`). Severity
describes a finding; `--fail-on` decides which severities fail a run."#,
    },
    CodeDoc {
        code: "E0214",
        title: "empty phrase set",
        explanation: r#"A phrase set has no phrases, so any rule using it could never match.

```norma
phrases 告别语 { "再见" "晚安" "明天见" "一路平安" }
```"#,
    },
    CodeDoc {
        code: "E0215",
        title: "a phrase with nothing to match",
        explanation: r#"Phrases match on normalised text, with whitespace, punctuation and zero-width
characters ignored. A literal made only of those would match every message, so it is refused.

```norma
phrases 问候语 { "您好" "！！" }   # E0215: "！！" has nothing to match
```"#,
    },
    CodeDoc {
        code: "W0201",
        title: "a `when` that can never hold",
        explanation: r#"The conditions joined by `and` require one field to equal values that exclude
each other, so the rule is never applicable and silently checks nothing.

```norma
fields { channel: one of "chat" "email" }
phrases 问候语 { "您好" }
require 问候 = 问候语 in first message by agent {
  when channel == "chat" and channel == "email" }   # W0201: did you mean `or`?
```

Write `channel in ["chat", "email"]` or join the conditions with `or`."#,
    },
    CodeDoc {
        code: "W0202",
        title: "a phrase its own `except` always suppresses",
        explanation: r#"An `except` suppresses a match when its own match contains it. An except that
matches exactly the phrase's text (after normalisation) contains every match of the phrase, so the
phrase can never be found.

```norma
phrases 忌语 { "不知道"  except "不 知道" }   # W0202: both normalise to 不知道
phrases 忌语 { "不知道"  except "不知道您" }  # fine: only "不知道您…" is excused
```"#,
    },
];

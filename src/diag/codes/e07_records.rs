//! E07xx: why a record is rejected (`record-invalid` findings); W07xx: warnings about fields and
//! times of records that are still evaluated. See docs/records.md for the record format.

use super::CodeDoc;

pub static CODES: &[CodeDoc] = &[
    CodeDoc {
        code: "E0701",
        title: "record text is not valid UTF-8",
        explanation: "A line (or YAML document, or array element) of a records file holds bytes \
that are not UTF-8, so norma cannot read the record. The message gives the line and the byte \
column of the first bad byte.\n\nRecords files are UTF-8. Convert a file in another encoding first, \
for example `iconv -f GB18030 -t UTF-8 calls.jsonl > calls.utf8.jsonl`.\n\n```text\n\
records.jsonl:7: error[E0701]: line 7 is not valid UTF-8 (bad byte 0xC4 at byte column 31)\n```\n\
The run goes on with the next record.",
    },
    CodeDoc {
        code: "E0702",
        title: "record text is not valid JSON or YAML",
        explanation: "The record's text does not parse. For JSON Lines each line must be one \
complete JSON value; the message quotes the parser with the line and column. Nesting deeper than \
128 levels is rejected here too, and so is a JSON array whose `,` or closing `]` is missing.\n\n\
```json\n{\"id\": \"T-1\", \"events\": [{\"at\": \"2026-11-05T09:00:00\", }]}\n```\n\
fails with `trailing comma at line 1, column 48`. Remove the stray comma. A record that spans \
several lines must be in a JSON array, a `.json` file or YAML, not in JSON Lines.",
    },
    CodeDoc {
        code: "E0703",
        title: "record is not an object with an `id`",
        explanation: "Every record is a JSON object with a non-empty string `id`. A number as id \
is rejected: write `\"id\": \"42\"`, not `\"id\": 42`, so ids never lose digits or leading zeros.\n\n\
```json\n{\"id\": 42, \"events\": [...]}\n```\n\
gives `` `id` must be a non-empty string, found number 42 ``.",
    },
    CodeDoc {
        code: "E0704",
        title: "record has no events",
        explanation: "A record needs a non-empty `events` array: the rules judge what happened, \
and a record without events has nothing to judge.\n\n```json\n{\"id\": \"T-9\", \"channel\": \"phone\", \
\"events\": []}\n```\n\
gives `` `events` is empty ``. Drop the record, or add its events.",
    },
    CodeDoc {
        code: "E0705",
        title: "event lacks a valid actor or kind",
        explanation: "Each event is an object with `actor` (one of `customer`, `agent`, `bot`, \
`system`) and a non-empty string `kind`. The message names the event by its 0-based index.\n\n\
```json\n{\"at\": \"2026-11-05T09:00:00\", \"actor\": \"staff\", \"kind\": \"message\"}\n```\n\
gives `event 2: unknown actor \"staff\"`. Use `agent` for a person speaking for the company and \
`bot` for automated replies.",
    },
    CodeDoc {
        code: "E0706",
        title: "time cannot be read",
        explanation: "A time field (`at`, `due`, `end`, `opened_at`) is not a time. Times are \
RFC 3339 with an offset (`2026-11-05T09:00:00+08:00`), a local date-time read in the record's \
`timezone` (`2026-11-05T09:00:00`), or a date (`2026-11-05`: 00:00 of that day, or 24:00 for \
`due`).\n\n```json\n{\"at\": \"05/11/2026 9:00\", \"actor\": \"customer\", \"kind\": \"message\"}\n```\n\
gives `event 0: \\`at\\` \"05/11/2026 9:00\" is not an RFC 3339 time, a local date-time or a date`.",
    },
    CodeDoc {
        code: "E0707",
        title: "local time does not exist in the zone",
        explanation: "An offset-less time falls in a daylight-saving gap of its zone: the clocks \
jump over it, so no instant has that local time. norma never guesses what was meant.\n\n\
```json\n{\"id\": \"T-5\", \"timezone\": \"America/New_York\", \"events\": [\n  \
{\"at\": \"2026-03-08T02:30:00\", \"actor\": \"customer\", \"kind\": \"ring\"}]}\n```\n\
is rejected: on 2026-03-08 New York clocks go from 02:00 to 03:00. Write the time with its \
offset (`2026-03-08T03:30:00-04:00`) as the source system recorded it.",
    },
    CodeDoc {
        code: "E0708",
        title: "events out of time order",
        explanation: "Events must be in time order (equal times are fine and keep their input \
order): deadlines and selectors such as `next message after ...` depend on it. The message names \
both events by index with their times.\n\n```json\n\"events\": [\n  {\"at\": \"2026-11-05T10:00:00\", \
\"actor\": \"agent\", \"kind\": \"message\"},\n  {\"at\": \"2026-11-05T09:00:00\", \"actor\": \"customer\", \
\"kind\": \"message\"}]\n```\n\
gives `events out of order: event 1 at 2026-11-05T09:00:00+08:00 is earlier than event 0 \
before it, at 2026-11-05T10:00:00+08:00`. Sort the events by `at` when exporting.",
    },
    CodeDoc {
        code: "E0709",
        title: "`opened_at` is after the first event",
        explanation: "`opened_at` says when the interaction began, so it cannot be later than its \
first event.\n\n```json\n{\"id\": \"T-3\", \"opened_at\": \"2026-11-05T10:00:00\", \"events\": [\n  \
{\"at\": \"2026-11-05T09:00:00\", \"actor\": \"customer\", \"kind\": \"message\"}]}\n```\n\
is rejected. Leave `opened_at` out to open the record at its first event.",
    },
    CodeDoc {
        code: "E0710",
        title: "required field missing",
        explanation: "The policy declares a field `required` (in `fields { ... }`) and the record \
lacks it, or has it as `null`, even after its `set` events are applied. All missing fields are \
named.\n\n```norma\nfields { channel: one of \"phone\" \"email\" \"chat\" \"visit\" required }\n```\n\
rejects `{\"id\": \"T-1\", \"events\": [...]}` with ``required field missing: `channel` ``.",
    },
    CodeDoc {
        code: "E0711",
        title: "times on some events only",
        explanation: "Either every event has `at` or none has. Only imported dialogues without \
times (such as STC-3) leave `at` out, and then clocks are not applicable to them; norma never \
invents a missing time. A record with `opened_at` must have times on its events.\n\n\
```json\n\"events\": [\n  {\"at\": \"2026-11-05T09:00:00\", \"actor\": \"customer\", \"kind\": \"message\"},\n  \
{\"actor\": \"agent\", \"kind\": \"message\"}]\n```\n\
gives `event 0 has \\`at\\` but event 1 has none`.",
    },
    CodeDoc {
        code: "E0712",
        title: "unknown timezone",
        explanation: "The record's `timezone` is not an IANA zone name, so its offset-less times \
cannot be read.\n\n```json\n{\"id\": \"T-2\", \"timezone\": \"Beijing\", \"events\": [...]}\n```\n\
is rejected; write `\"timezone\": \"Asia/Shanghai\"`. Names are case-sensitive.",
    },
    CodeDoc {
        code: "E0713",
        title: "event field of the wrong type",
        explanation: "An optional event field has the wrong type: `agent`, `team`, `text`, \
`from`, `to` are strings, `score` a number or string, `attrs` an object; a `set` event needs a \
dotted `field` path (not `id` or `events`) and a `value`, and the path may only go through \
objects.\n\n```json\n{\"at\": \"2026-11-05T09:00:00\", \"actor\": \"agent\", \"kind\": \"message\", \
\"text\": 42}\n```\n\
gives `event 3: \\`text\\` must be a string, found number 42`.",
    },
    CodeDoc {
        code: "E0714",
        title: "input stopped being readable",
        explanation: "Reading the records input failed part-way (a disk or pipe error). The \
records before this point were read; the rest were not. Check the file or the command feeding \
standard input, and run again.\n\n```text\n-:1201: error[E0714]: the input could not be read \
further: Input/output error (os error 5)\n```",
    },
    CodeDoc {
        code: "W0701",
        title: "field value outside its declared type",
        explanation: "An `invalid-field` finding: a record's field has a value outside the \
enumeration the policy declares, or of the wrong type. The value counts as missing, so rules \
reading it become not applicable (`field missing: PATH`); with `--strict` the record is \
rejected instead.\n\n```norma\nfields { customer.tier: one of \"vip\" \"normal\" }\n```\n\
warns on `\"customer\": {\"tier\": \"gold\"}`. Fix the export or extend the enumeration.",
    },
    CodeDoc {
        code: "W0702",
        title: "ambiguous local time",
        explanation: "An offset-less time falls in the hour a daylight-saving change repeats, so \
it names two instants. norma takes the earlier one (the offset before the change) and warns. \
Write the offset to say which was meant.\n\n```json\n{\"id\": \"T-6\", \"timezone\": \"America/New_York\", \
\"events\": [\n  {\"at\": \"2026-11-01T01:30:00\", \"actor\": \"customer\", \"kind\": \"ring\"}]}\n```\n\
is read as `2026-11-01T01:30:00-04:00`; `2026-11-01T01:30:00-05:00` is the other reading.",
    },
];

//! `norma calendar POLICY CAL due|elapsed|open|show …`: ask a policy's calendar what the
//! evaluator would compute, so an author can check "when is this due?" before a record does.

use std::io;
use std::path::PathBuf;

use chrono::{DateTime, NaiveDateTime, TimeZone};
use serde_json::json;

use super::{Io, exit, load_for, usage_error};
use crate::records::Instant;
use crate::report::{Format, json};
use crate::time::calendar::Calendar;
use crate::time::duration::human;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The policy (a file or directory) that declares the calendar.
    #[arg(value_name = "POLICY")]
    pub policy: PathBuf,
    /// The calendar's name, or `24x7`.
    #[arg(value_name = "CAL")]
    pub calendar: String,
    #[command(subcommand)]
    pub query: Query,
    /// The directory imports may not leave.
    #[arg(long, value_name = "DIR", global = true)]
    pub root: Option<PathBuf>,
    /// `human` or `json` (one `calendar` line).
    #[arg(long, value_enum, default_value_t, global = true)]
    pub format: Format,
}

#[derive(Debug, clap::Subcommand)]
pub enum Query {
    /// When a limit that starts at START is due: `due 2026-10-30T16:50 2h` (also `90min`,
    /// `3 workdays`, `3 days`).
    Due {
        start: String,
        #[arg(num_args = 1..=2, value_name = "DURATION")]
        duration: Vec<String>,
    },
    /// Open time between two instants, in seconds.
    Elapsed { from: String, to: String },
    /// Whether the calendar is open at an instant, and when it next opens and closes.
    Open { at: String },
    /// The open periods between two instants.
    Show { from: String, to: String },
}

pub fn run(args: &Args, io: &mut Io) -> io::Result<i32> {
    let paths = std::slice::from_ref(&args.policy);
    let loaded = match load_for(paths, args.root.clone(), args.format, None, io)? {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let Some(policy) = &loaded.policy else {
        return Ok(exit::USAGE);
    };
    let Some(calendar) = policy.calendar(&args.calendar) else {
        let names: Vec<&str> = policy.calendar_names().collect();
        let help = match crate::suggest::did_you_mean(&args.calendar, names.iter().copied()) {
            Some(name) => format!("did you mean `{name}`? calendars: {}", names.join(", ")),
            None => format!("calendars: {}", names.join(", ")),
        };
        let message = format!("no calendar named `{}` in the policy", args.calendar);
        return usage_error(io, &message, Some(&help));
    };
    match answer(calendar, &args.query) {
        Ok(answer) => {
            write_answer(io, args, &answer)?;
            Ok(exit::SUCCESS)
        }
        Err(message) => usage_error(io, &message, None),
    }
}

/// What a query found: fields for JSON and a sentence for people.
struct Answer {
    fields: serde_json::Value,
    text: String,
}

fn answer(calendar: &Calendar, query: &Query) -> Result<Answer, String> {
    let at = |text: &str| instant(text, calendar);
    match query {
        Query::Due { start, duration } => {
            let start = at(start)?;
            let written = duration.join(" ");
            let due = due(calendar, start, &written)?;
            Ok(Answer {
                text: format!(
                    "{written} from {} is due {}",
                    start.to_rfc3339(),
                    due.to_rfc3339()
                ),
                fields: json!({ "query": "due", "start": start.to_rfc3339(), "duration": written, "due": due.to_rfc3339() }),
            })
        }
        Query::Elapsed { from, to } => {
            let (from, to) = (at(from)?, at(to)?);
            let seconds = calendar.elapsed(from, to);
            Ok(Answer {
                text: format!("{seconds} s ({}) of open time", human(seconds)),
                fields: json!({ "query": "elapsed", "from": from.to_rfc3339(), "to": to.to_rfc3339(), "business_s": seconds, "wall_s": (to - from).num_seconds() }),
            })
        }
        Query::Open { at: when } => {
            let when = at(when)?;
            let open = calendar.is_open(when);
            let next_open = calendar.next_open(when).map(|t| t.to_rfc3339());
            let next_close = calendar.next_close(when).map(|t| t.to_rfc3339());
            let state = if open { "open" } else { "closed" };
            Ok(Answer {
                text: format!(
                    "{state} at {}; next opening {}, next closing {}",
                    when.to_rfc3339(),
                    next_open.as_deref().unwrap_or("never"),
                    next_close.as_deref().unwrap_or("never")
                ),
                fields: json!({ "query": "open", "at": when.to_rfc3339(), "open": open, "next_open": next_open, "next_close": next_close }),
            })
        }
        Query::Show { from, to } => {
            let (from, to) = (at(from)?, at(to)?);
            let periods = calendar.periods(from, to);
            let lines: Vec<String> = periods
                .iter()
                .map(|(a, b)| format!("{} – {}", a.to_rfc3339(), b.to_rfc3339()))
                .collect();
            let list: Vec<serde_json::Value> = periods
                .iter()
                .map(|(a, b)| json!({ "open": a.to_rfc3339(), "close": b.to_rfc3339() }))
                .collect();
            Ok(Answer {
                text: if lines.is_empty() {
                    "no open period in that range".to_string()
                } else {
                    lines.join("\n")
                },
                fields: json!({ "query": "show", "from": from.to_rfc3339(), "to": to.to_rfc3339(), "periods": list }),
            })
        }
    }
}

fn due(calendar: &Calendar, start: Instant, written: &str) -> Result<Instant, String> {
    let digits: String = written.chars().take_while(char::is_ascii_digit).collect();
    let unit = written[digits.len()..].trim();
    let n: u64 = digits.parse().map_err(|_| {
        format!("`{written}` is not a duration such as `2h`, `90min`, `3 workdays` or `3 days`")
    })?;
    let n32 = u32::try_from(n).map_err(|_| format!("`{written}` is too long"))?;
    let due = match unit {
        "s" => calendar.due(start, n),
        "min" => calendar.due(start, n.saturating_mul(60)),
        "h" => calendar.due(start, n.saturating_mul(3600)),
        "day" | "days" => calendar.due_days(start, n32),
        "workday" | "workdays" => calendar.due_workdays(start, n32),
        _ => {
            return Err(format!(
                "`{unit}` is not a unit: use s, min, h, day(s) or workday(s)"
            ));
        }
    };
    due.ok_or_else(|| {
        format!(
            "the calendar never has {written} of open time after {}",
            start.to_rfc3339()
        )
    })
}

/// An RFC 3339 instant, or a local time without offset (`2026-10-30T16:50`) in the calendar's
/// zone.
fn instant(text: &str, calendar: &Calendar) -> Result<Instant, String> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t);
    }
    let local = ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .ok_or_else(|| {
            format!("`{text}` is not a time: write 2026-10-30T16:50 or an RFC 3339 instant")
        })?;
    calendar
        .timezone()
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.fixed_offset())
        .ok_or_else(|| {
            format!(
                "`{text}` does not exist in {} (a clock change skips it)",
                calendar.timezone()
            )
        })
}

fn write_answer(io: &mut Io, args: &Args, answer: &Answer) -> io::Result<()> {
    match args.format {
        Format::Human => {
            for line in answer.text.lines() {
                writeln!(io.out, "{}: {line}", args.calendar)?;
            }
            Ok(())
        }
        Format::Json => {
            let mut body = answer.fields.clone();
            if let Some(map) = body.as_object_mut() {
                map.insert("calendar".into(), json!(args.calendar));
            }
            json::write_line(io.out, "calendar", &body)
        }
    }
}

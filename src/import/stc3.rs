//! `norma import stc3 FILE…`: the NTCIR-14 STC-3 customer–helpdesk dialogues (Weibo) → records.
//!
//! Each file is one JSON array of dialogues `{id, turns: [{sender, utterances}], annotations?}`.
//! The array is read element by element (serde_json's `SeqAccess`), so a dialogue is written as
//! soon as it is parsed and the 18.7 MB training file is never held whole. Every utterance becomes
//! one `message` event without `at`: the data has no times and the importer invents none.
//!
//! Lines: serde_json reads its input one byte at a time through [`LineCounter`], which counts the
//! newlines consumed so far; a dialogue's line is the line of its `{`, and parse errors carry
//! serde_json's own line.

use std::cell::Cell;
use std::collections::HashSet;
use std::fmt;
use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value, json};

use super::{ImportError, ImportOptions, ImportSummary, write_record};

/// Written as every record's `attrs.source`.
const SOURCE: &str = "ntcir14-stc3";
/// Prefixed to the dataset's id (a Weibo post id) to make the record id.
const ID_PREFIX: &str = "stc3-";
/// Annotators score each dimension on -2..=2.
const SCORE_RANGE: std::ops::RangeInclusive<i64> = -2..=2;

pub fn import(
    inputs: &[PathBuf],
    _options: &ImportOptions,
    out: &mut dyn Write,
) -> Result<ImportSummary, ImportError> {
    let mut summary = ImportSummary::default();
    let mut seen_ids = HashSet::new();
    for input in inputs {
        import_file(input, &mut seen_ids, &mut summary, out)?;
    }
    Ok(summary)
}

#[derive(Deserialize)]
struct Dialogue {
    id: String,
    turns: Vec<Turn>,
    #[serde(default)]
    annotations: Vec<Annotation>,
}

#[derive(Deserialize)]
struct Turn {
    sender: Sender,
    utterances: Vec<String>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Sender {
    Customer,
    Helpdesk,
}

#[derive(Deserialize)]
struct Annotation {
    quality: Quality,
    nugget: Vec<String>,
}

#[derive(Deserialize)]
#[allow(non_snake_case)]
struct Quality {
    A: i64,
    S: i64,
    E: i64,
}

/// Counts the newlines read through it, shared with the visitors that need the current line.
struct LineCounter<R> {
    inner: R,
    newlines: Rc<Cell<usize>>,
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buffer)?;
        let newlines = buffer[..read].iter().filter(|&&b| b == b'\n').count();
        self.newlines.set(self.newlines.get() + newlines);
        Ok(read)
    }
}

fn import_file(
    path: &Path,
    seen_ids: &mut HashSet<String>,
    summary: &mut ImportSummary,
    out: &mut dyn Write,
) -> Result<(), ImportError> {
    let file =
        File::open(path).map_err(|e| ImportError::at(path, None, format!("cannot open: {e}")))?;
    let newlines = Rc::new(Cell::new(0));
    let reader = LineCounter {
        inner: BufReader::new(file),
        newlines: Rc::clone(&newlines),
    };
    let mut deserializer = serde_json::Deserializer::from_reader(reader);
    let mut visitor = DialoguesVisitor {
        sink: DialogueSink {
            path,
            seen_ids,
            summary,
            out,
            stopped: None,
        },
        newlines,
    };
    let parsed = (&mut deserializer)
        .deserialize_seq(&mut visitor)
        .and_then(|()| deserializer.end());
    if let Some(error) = visitor.sink.stopped.take() {
        return Err(error);
    }
    parsed.map_err(|e| json_error(path, &e))
}

/// A serde_json error as file, line and a message without serde_json's " at line L column C".
fn json_error(path: &Path, error: &serde_json::Error) -> ImportError {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let message = text.strip_suffix(&suffix).unwrap_or(&text);
    let line = (error.line() > 0).then_some(error.line());
    let what = if error.is_eof() {
        "the file ends before its JSON array of dialogues is closed (truncated?)".to_string()
    } else {
        format!("cannot read the STC-3 dialogues: {message}")
    };
    let column = if error.column() > 0 {
        format!(" (column {})", error.column())
    } else {
        String::new()
    };
    ImportError::at(path, line, format!("{what}{column}"))
}

/// Where dialogues go once parsed; `stopped` holds the error that ended the file early (the
/// serde error returned then only unwinds the parser).
struct DialogueSink<'a> {
    path: &'a Path,
    seen_ids: &'a mut HashSet<String>,
    summary: &'a mut ImportSummary,
    out: &'a mut dyn Write,
    stopped: Option<ImportError>,
}

impl DialogueSink<'_> {
    fn accept(&mut self, dialogue: Dialogue, line: usize) -> Result<(), ImportError> {
        self.summary.rows += 1;
        let at = |message: String| ImportError::at(self.path, Some(line), message);
        let id = check_dialogue(&dialogue).map_err(at)?;
        if !self.seen_ids.insert(id.clone()) {
            return Err(at(format!(
                "dialogue {:?} appears twice, and record ids must be unique (the English files reuse the Chinese files' ids: import each language on its own)",
                dialogue.id
            )));
        }
        let fields = record_fields(&dialogue.annotations);
        let events = events(&dialogue.turns);
        write_record(self.out, &id, &fields, &events).map_err(|mut e| {
            e.file = Some(self.path.display().to_string());
            e.line = Some(line);
            e
        })?;
        self.summary.records += 1;
        Ok(())
    }
}

struct DialoguesVisitor<'a> {
    sink: DialogueSink<'a>,
    newlines: Rc<Cell<usize>>,
}

impl<'de> Visitor<'de> for &mut DialoguesVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON array of dialogues")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let seed = DialogueSeed {
            newlines: Rc::clone(&self.newlines),
        };
        while let Some((dialogue, line)) = seq.next_element_seed(&seed)? {
            if let Err(error) = self.sink.accept(dialogue, line) {
                self.sink.stopped = Some(error);
                return Err(de::Error::custom("import stopped"));
            }
        }
        Ok(())
    }
}

/// Deserializes one dialogue and notes the line of its `{`.
struct DialogueSeed {
    newlines: Rc<Cell<usize>>,
}

impl<'de> DeserializeSeed<'de> for &DialogueSeed {
    type Value = (Dialogue, usize);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for &DialogueSeed {
    type Value = (Dialogue, usize);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a dialogue object {id, turns, annotations}")
    }

    fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
        // The `{` has just been consumed: the count is exact here, not after the dialogue.
        let line = self.newlines.get() + 1;
        let dialogue = Dialogue::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok((dialogue, line))
    }
}

/// The record id, or why the dialogue cannot become a record.
fn check_dialogue(dialogue: &Dialogue) -> Result<String, String> {
    let id = dialogue.id.trim();
    if id.is_empty() {
        return Err("a dialogue has an empty id".to_string());
    }
    if dialogue.turns.is_empty() {
        return Err(format!("dialogue {id:?} has no turns"));
    }
    if dialogue.turns.iter().all(|t| t.utterances.is_empty()) {
        return Err(format!("dialogue {id:?} has no utterances"));
    }
    for (index, annotation) in dialogue.annotations.iter().enumerate() {
        let quality = &annotation.quality;
        for (name, score) in [("A", quality.A), ("S", quality.S), ("E", quality.E)] {
            if !SCORE_RANGE.contains(&score) {
                return Err(format!(
                    "dialogue {id:?}, annotation {index}: quality {name} is {score}, outside -2..2"
                ));
            }
        }
    }
    Ok(format!("{ID_PREFIX}{id}"))
}

fn record_fields(annotations: &[Annotation]) -> Map<String, Value> {
    let mut attrs = Map::new();
    attrs.insert("source".into(), Value::String(SOURCE.into()));
    if !annotations.is_empty() {
        attrs.insert("stc3".into(), quality_attrs(annotations));
    }
    let mut fields = Map::new();
    fields.insert("attrs".into(), Value::Object(attrs));
    fields.insert("channel".into(), Value::String("chat".into()));
    fields
}

/// `{A: [...], E: [...], S: [...], mean: {A, E, S}, nuggets: [[...], ...]}`, annotators in file
/// order.
fn quality_attrs(annotations: &[Annotation]) -> Value {
    let scores = |pick: fn(&Quality) -> i64| -> Vec<i64> {
        annotations.iter().map(|a| pick(&a.quality)).collect()
    };
    let (a, s, e) = (scores(|q| q.A), scores(|q| q.S), scores(|q| q.E));
    let nuggets: Vec<&[String]> = annotations.iter().map(|a| a.nugget.as_slice()).collect();
    json!({
        "A": a,
        "E": e,
        "S": s,
        "mean": {"A": mean_4dp(&a), "E": mean_4dp(&e), "S": mean_4dp(&s)},
        "nuggets": nuggets,
    })
}

/// The mean rounded to 4 decimals, half away from zero, in integer arithmetic so the result is
/// exact (f64 division could land a hair off a tie); written as the shortest decimal that reads
/// back as that f64, so at most 4 decimals (`0.4737`, `-1.0`).
fn mean_4dp(values: &[i64]) -> Value {
    let count = values.len() as i128;
    if count == 0 {
        return Value::Null;
    }
    let scaled: i128 = values.iter().map(|&v| v as i128).sum::<i128>() * 10_000;
    let magnitude = (2 * scaled.abs() + count) / (2 * count);
    let ten_thousandths = if scaled < 0 { -magnitude } else { magnitude };
    json!(ten_thousandths as f64 / 10_000.0)
}

/// One `message` per utterance, turn by turn; an empty utterance (an image or emoji that was not
/// crawled) stays a message, without `text`.
fn events(turns: &[Turn]) -> Vec<Map<String, Value>> {
    let mut events = Vec::new();
    for (turn_index, turn) in turns.iter().enumerate() {
        let actor = match turn.sender {
            Sender::Customer => "customer",
            Sender::Helpdesk => "agent",
        };
        for utterance in &turn.utterances {
            let mut event = Map::new();
            event.insert("actor".into(), Value::String(actor.into()));
            event.insert("attrs".into(), json!({ "turn": turn_index }));
            event.insert("kind".into(), Value::String("message".into()));
            if !utterance.is_empty() {
                event.insert("text".into(), Value::String(utterance.clone()));
            }
            events.push(event);
        }
    }
    events
}

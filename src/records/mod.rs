//! Interaction records: the model (`model.rs`) and the streaming reader (`reader.rs`) that turns
//! JSON Lines, JSON arrays and YAML documents into validated records or `record-invalid` errors.
//! `source.rs`/`scan.rs` cut an input into documents, `validate.rs`/`event.rs` check them against
//! the record schema, `time.rs` resolves times in zones.

mod event;
pub mod model;
pub mod reader;
mod scan;
mod source;
mod time;
mod validate;

pub use model::{Actor, Event, Instant, Location, Record};
pub use reader::{Input, ReadOptions, RecordError, RecordReader, RecordWarning};

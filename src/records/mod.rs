//! Interaction records: the model (`model.rs`) and the streaming reader (`reader.rs`) that turns
//! JSON Lines, JSON arrays and YAML documents into validated records or `record-invalid` errors.

pub mod model;
pub mod reader;

pub use model::{Actor, Event, Instant, Location, Record};
pub use reader::{Input, ReadOptions, RecordError, RecordReader};

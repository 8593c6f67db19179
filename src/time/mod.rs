//! Time: durations as the language writes them, and (later) business calendars.

pub mod duration;

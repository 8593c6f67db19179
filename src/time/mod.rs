//! Time: durations as the language writes them, civil-code days, and (later) business calendars.

pub mod civil;
pub mod duration;

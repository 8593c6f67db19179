//! Time: durations as the language writes them, civil-code days, and business calendars.

pub mod calendar;
pub mod civil;
pub mod duration;

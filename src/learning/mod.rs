//! The learning model's rules, free of storage and HTTP: what counts as watched, and how
//! progress reads.

pub mod intervals;
pub mod progress;

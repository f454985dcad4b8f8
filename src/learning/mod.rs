//! The learning model's rules, free of storage and HTTP: what counts as watched, how progress
//! reads, and how a quiz answer is checked.

pub mod intervals;
pub mod progress;
pub mod quiz;

//! The learning model's rules, free of storage and HTTP: what counts as watched.

pub mod intervals;

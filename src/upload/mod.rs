//! Resumable uploads: a tus 1.0.0 server (core, creation, creation-with-upload, termination,
//! expiration) at `/api/v1/uploads`. State lives in the database, bytes in [`staging`]; a
//! finished upload becomes a queued video with its transcode job, in one transaction.

pub mod cleanup;
pub mod metadata;
pub mod sniff;
pub mod staging;
pub mod tus;

pub use tus::router;

//! Reelhouse: a self-hosted video-learning server.
//!
//! Crate map:
//! - [`config`]: every setting, from the environment and an optional TOML file;
//! - [`db`]: the SQLite/PostgreSQL pool, migrations and queries, one module per table group;
//! - [`storage`]: the [`storage::Store`] trait over local files and S3;
//! - [`auth`]: password hashing and secrets;
//! - [`http`]: the axum application, one module per resource;
//! - [`media`]: HLS delivery (proxied or presigned), posters, downloads, signed links;
//! - [`mail`]: invitation emails over SMTP;
//! - [`upload`]: the tus server for resumable uploads, and handout type recognition;
//! - [`learning`]: the learning model's rules (what counts as watched);
//! - [`jobs`]: the worker that runs queued jobs with leases, heartbeats and retries;
//! - [`transcode`]: probe, ladder, FFmpeg pipeline (ffmpeg-next) and HLS publishing;
//! - [`cli`]: the `reelhouse` command line, which `main.rs` only calls.

pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod http;
pub mod jobs;
pub mod learning;
pub mod mail;
pub mod media;
pub mod storage;
pub mod telemetry;
pub mod transcode;
pub mod upload;

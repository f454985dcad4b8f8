//! Reelhouse: a self-hosted video-learning server.
//!
//! Crate map, in layers: a module uses only those below it (docs/architecture.md draws it).
//! - [`cli`]: the `reelhouse` command line, which `main.rs` only calls;
//! - [`app`]: the wiring of `serve` and `worker`, each building only what it uses; beside it
//!   [`transfer`], which moves an installation to another database and store (`migrate-data`);
//! - [`http`]: the axum application: every route, extractor and HTTP error, one module per
//!   resource (tus uploads in `http::uploads`, HLS delivery in `http::playback`);
//! - the domain, which knows no HTTP: [`upload`] (staging of resumable uploads, file sniffing),
//!   [`transcode`] (probe, ladder, FFmpeg pipeline, HLS publishing, pictures), [`media`] (the
//!   store layout of a video, access grants, hot objects, playlists, signed links), [`jobs`]
//!   (leased jobs with retries), [`notify`] (emails of notifications and digests, reminders),
//!   [`learning`] (what counts as watched), [`auth`] (passwords, secrets, the sign-in limiter),
//!   [`mail`];
//! - [`db`]: the SQLite/PostgreSQL pool, migrations and queries, one module per table group;
//!   [`storage`]: the [`storage::Store`] trait over local files and S3;
//! - [`config`]: every setting, from the environment and an optional TOML file; [`telemetry`].

pub mod app;
pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod http;
pub mod jobs;
pub mod learning;
pub mod mail;
pub mod media;
pub mod notify;
pub mod storage;
pub mod telemetry;
pub mod transcode;
pub mod transfer;
pub mod upload;

//! A person's progress on one video as people see it.

use serde::Serialize;
use utoipa::ToSchema;

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ProgressView {
    /// Seconds of the video watched, each counted once.
    pub watched_s: f64,
    /// `watched_s` over the video's duration, 0 to 1.
    pub fraction: f64,
    pub completed: bool,
    /// Where to resume.
    pub position_s: f64,
}

impl ProgressView {
    /// From what is stored: milliseconds watched (each counted once) of a video of
    /// `duration_ms`, whether it counts as completed, and where playback was.
    pub fn new(watched_ms: i64, duration_ms: i64, completed: bool, position_ms: i64) -> Self {
        ProgressView {
            watched_s: watched_ms as f64 / 1000.0,
            fraction: if duration_ms > 0 {
                (watched_ms as f64 / duration_ms as f64).min(1.0)
            } else {
                0.0
            },
            completed,
            position_s: position_ms as f64 / 1000.0,
        }
    }
}

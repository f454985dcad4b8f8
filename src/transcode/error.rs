//! Why a transcode stopped, shared by the pipeline and the thumbnails it feeds.

use ffmpeg_next as ffmpeg;

/// Why a transcode stopped.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The source is damaged or not what it claims; the sentence is for people.
    #[error("{0}")]
    BadSource(String),
    #[error("cancelled")]
    Cancelled,
    #[error("FFmpeg failed while {0}: {1}")]
    Ffmpeg(&'static str, ffmpeg::Error),
    #[error("writing output failed: {0}")]
    Io(#[from] std::io::Error),
}

/// Names the step an FFmpeg call belonged to, for the error.
pub(crate) trait Context<T> {
    fn during(self, what: &'static str) -> Result<T, PipelineError>;
}

impl<T> Context<T> for Result<T, ffmpeg::Error> {
    fn during(self, what: &'static str) -> Result<T, PipelineError> {
        self.map_err(|e| PipelineError::Ffmpeg(what, e))
    }
}

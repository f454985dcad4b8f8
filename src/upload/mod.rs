//! Resumable uploads, below HTTP: their bytes in [`staging`] (local file or S3 multipart), what
//! their metadata says ([`metadata`]), what their first bytes are ([`sniff`]), the expiry sweep
//! ([`cleanup`]), and [`complete`], which turns a whole upload into a queued video. The tus
//! routes are in `http::uploads`.

pub mod cleanup;
pub mod metadata;
pub mod quota;
pub mod sniff;
pub mod staging;

use crate::db::uploads::{self, Upload};
use crate::db::{Db, jobs, library, practice, videos};
use staging::{Staging, StagingError};

/// Why an upload could not be taken further: the database, or the store holding its bytes.
#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    #[error("the upload's bytes could not be stored: {0}")]
    Store(#[from] crate::storage::StoreError),
    #[error("the upload could not be recorded: {0}")]
    Database(#[from] sqlx::Error),
}

impl From<StagingError> for UploadError {
    fn from(err: StagingError) -> UploadError {
        match err {
            StagingError::Store(err) => UploadError::Store(err),
            StagingError::Database(err) => UploadError::Database(err),
        }
    }
}

/// Makes the finished bytes of a whole upload the video's source, then creates the video and
/// its transcode job in one transaction. Returns the new video's id.
pub async fn complete(
    db: &Db,
    staging: &dyn Staging,
    upload: &Upload,
) -> Result<String, UploadError> {
    staging.finish(db, upload).await?;
    let mut tx = db.pool().begin().await?;
    let (org, owner) = (upload.org_id.as_str(), upload.owner_id.as_str());
    let (title, source) = (upload.title.as_str(), upload.staging_key.as_str());
    let video_id = if upload.is_private() {
        videos::create_queued_private(&mut *tx, org, owner, title, source).await?
    } else {
        videos::create_queued(&mut *tx, org, owner, title, source).await?
    };
    // An attempt's step may have been deleted meanwhile: the recording stays private, unattached.
    let attempt = match &upload.practice_step_id {
        Some(step_id) => {
            Some(practice::create_attempt(&mut *tx, org, step_id, owner, &video_id).await?)
        }
        None => None,
    };
    jobs::enqueue(&mut *tx, org, jobs::TRANSCODE, Some(&video_id)).await?;
    uploads::complete(&mut *tx, &upload.id, &video_id).await?;
    tx.commit().await?;
    if let Some(attempt) = attempt {
        // The reviewers hear of it; the upload is complete whether or not they can be told.
        if let Err(err) = crate::db::notifications::attempt_waiting(db, org, &attempt).await {
            tracing::warn!(error = %err, %attempt, "reviewers of an attempt were not notified");
        }
    }
    // A video held for review stays out of the index until approved.
    library::reindex(db, "video", &video_id).await?;
    tracing::info!(upload = %upload.id, video = %video_id, "upload complete; transcode queued");
    Ok(video_id)
}

//! The work queue's rows. Workers (src/jobs) claim them with a lease.

use sqlx::AnyExecutor;

use super::{new_id, now_ms};

/// The kind of job that turns a video's source into HLS.
pub const TRANSCODE: &str = "transcode";

/// Queues a job to run now; returns its id.
pub async fn enqueue<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    kind: &str,
    video_id: Option<&str>,
) -> sqlx::Result<String> {
    let id = new_id();
    let now = now_ms();
    sqlx::query(
        "insert into jobs (id, org_id, kind, video_id, status, run_at, created_at, updated_at) \
         values ($1, $2, $3, $4, 'queued', $5, $5, $5)",
    )
    .bind(&id)
    .bind(org_id)
    .bind(kind)
    .bind(video_id)
    .bind(now)
    .execute(db)
    .await?;
    Ok(id)
}

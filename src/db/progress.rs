//! What each person watched of each video: merged intervals, resume position, completion.

use sqlx::AnyPool;

use super::now_ms;
use crate::learning::intervals::Watched;

#[derive(Clone, Debug, Default)]
pub struct Progress {
    pub watched: Watched,
    pub position_ms: i64,
    pub completed_at: Option<i64>,
    pub updated_at: i64,
    /// For compare-and-set; 0 for a row not stored yet.
    pub version: i64,
}

pub async fn get(pool: &AnyPool, user_id: &str, video_id: &str) -> sqlx::Result<Option<Progress>> {
    use sqlx::Row;
    let row = sqlx::query(
        "select intervals, position_ms, completed_at, updated_at, version from progress \
         where user_id = $1 and video_id = $2",
    )
    .bind(user_id)
    .bind(video_id)
    .fetch_optional(pool)
    .await?;
    row.map(|row| {
        let intervals: String = row.try_get("intervals")?;
        Ok(Progress {
            watched: Watched::from_json(&intervals),
            position_ms: row.try_get("position_ms")?,
            completed_at: row.try_get("completed_at")?,
            updated_at: row.try_get("updated_at")?,
            version: row.try_get("version")?,
        })
    })
    .transpose()
}

/// Stores `next` if the row is still at `next.version - 1` (or absent, for version 1). False
/// when another report got there first: read again and merge again.
pub async fn save(
    pool: &AnyPool,
    org_id: &str,
    user_id: &str,
    video_id: &str,
    next: &Progress,
) -> sqlx::Result<bool> {
    let now = now_ms();
    let done = if next.version == 1 {
        sqlx::query(
            "insert into progress (org_id, user_id, video_id, intervals, watched_ms, position_ms, \
             completed_at, updated_at, version) values ($1, $2, $3, $4, $5, $6, $7, $8, 1) \
             on conflict (user_id, video_id) do nothing",
        )
        .bind(org_id)
        .bind(user_id)
        .bind(video_id)
        .bind(next.watched.to_json())
        .bind(next.watched.total_ms())
        .bind(next.position_ms)
        .bind(next.completed_at)
        .bind(now)
        .execute(pool)
        .await?
    } else {
        sqlx::query(
            "update progress set intervals = $1, watched_ms = $2, position_ms = $3, completed_at = $4, \
             updated_at = $5, version = $6 where user_id = $7 and video_id = $8 and version = $9",
        )
        .bind(next.watched.to_json())
        .bind(next.watched.total_ms())
        .bind(next.position_ms)
        .bind(next.completed_at)
        .bind(now)
        .bind(next.version)
        .bind(user_id)
        .bind(video_id)
        .bind(next.version - 1)
        .execute(pool)
        .await?
    };
    Ok(done.rows_affected() == 1)
}

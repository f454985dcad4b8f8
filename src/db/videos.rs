//! Videos: what an upload becomes, and its life through transcoding.

use sqlx::AnyExecutor;

use super::{flag, new_id, now_ms};

#[derive(Clone, Debug)]
pub struct Video {
    pub id: String,
    pub org_id: String,
    pub owner_id: String,
    pub title: String,
    pub tagline: String,
    pub description: String,
    /// uploading | queued | processing | ready | failed
    pub status: String,
    pub error: Option<String>,
    pub source_key: Option<String>,
    pub duration_ms: Option<i64>,
    pub width: Option<i64>,
    pub height: Option<i64>,
    pub progress_pct: i64,
    pub playable: bool,
    pub created_at: i64,
    pub updated_at: i64,
}

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Video {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<Video> {
        use sqlx::Row;
        Ok(Video {
            id: row.try_get("id")?,
            org_id: row.try_get("org_id")?,
            owner_id: row.try_get("owner_id")?,
            title: row.try_get("title")?,
            tagline: row.try_get("tagline")?,
            description: row.try_get("description")?,
            status: row.try_get("status")?,
            error: row.try_get("error")?,
            source_key: row.try_get("source_key")?,
            duration_ms: row.try_get("duration_ms")?,
            width: row.try_get("width")?,
            height: row.try_get("height")?,
            progress_pct: row.try_get("progress_pct")?,
            playable: row.try_get::<i64, _>("playable")? != 0,
            created_at: row.try_get("created_at")?,
            updated_at: row.try_get("updated_at")?,
        })
    }
}

const COLUMNS: &str = "id, org_id, owner_id, title, tagline, description, status, error, \
                       source_key, duration_ms, width, height, progress_pct, playable, \
                       created_at, updated_at";

/// Creates the video of a finished upload, queued for transcoding.
pub async fn create_queued<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    owner_id: &str,
    title: &str,
    source_key: &str,
) -> sqlx::Result<String> {
    let id = new_id();
    let now = now_ms();
    sqlx::query(
        "insert into videos (id, org_id, owner_id, title, status, source_key, playable, \
         created_at, updated_at) values ($1, $2, $3, $4, 'queued', $5, $6, $7, $7)",
    )
    .bind(&id)
    .bind(org_id)
    .bind(owner_id)
    .bind(title)
    .bind(source_key)
    .bind(flag(false))
    .bind(now)
    .execute(db)
    .await?;
    Ok(id)
}

/// A video of an organisation; `None` for another organisation's.
pub async fn in_org<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    id: &str,
) -> sqlx::Result<Option<Video>> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from videos where org_id = $1 and id = $2"
    ))
    .bind(org_id)
    .bind(id)
    .fetch_optional(db)
    .await
}

/// One rung of a video's ladder, as players need it.
#[derive(Clone, Debug, serde::Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Rendition {
    pub width: i64,
    pub height: i64,
    /// Peak bits per second.
    pub bandwidth: i64,
}

pub async fn renditions<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    video_id: &str,
) -> sqlx::Result<Vec<Rendition>> {
    sqlx::query_as(
        "select width, height, bandwidth from renditions \
         where org_id = $1 and video_id = $2 order by height",
    )
    .bind(org_id)
    .bind(video_id)
    .fetch_all(db)
    .await
}

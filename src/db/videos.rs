//! Videos: what an upload becomes, and its life through transcoding.

use sqlx::AnyExecutor;

use super::{flag, new_id, now_ms};

/// Where a video is in its life: `uploading` → `queued` → `processing` → `ready` or `failed`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum VideoStatus {
    Uploading,
    Queued,
    Processing,
    Ready,
    Failed,
}

impl VideoStatus {
    /// The word stored in the database and shown by the API.
    pub fn as_str(self) -> &'static str {
        match self {
            VideoStatus::Uploading => "uploading",
            VideoStatus::Queued => "queued",
            VideoStatus::Processing => "processing",
            VideoStatus::Ready => "ready",
            VideoStatus::Failed => "failed",
        }
    }
}

impl std::str::FromStr for VideoStatus {
    type Err = String;

    fn from_str(word: &str) -> Result<VideoStatus, String> {
        [
            VideoStatus::Uploading,
            VideoStatus::Queued,
            VideoStatus::Processing,
            VideoStatus::Ready,
            VideoStatus::Failed,
        ]
        .into_iter()
        .find(|status| status.as_str() == word)
        .ok_or_else(|| format!("no video status {word:?}"))
    }
}

#[derive(Clone, Debug)]
pub struct Video {
    pub id: String,
    pub org_id: String,
    pub owner_id: String,
    pub title: String,
    pub tagline: String,
    pub description: String,
    /// Space-separated, lower-case.
    pub tags: String,
    /// Waiting for a trainer's review before it appears in the library.
    pub held: bool,
    /// The recording of a practice attempt: seen only by its learner, the step's reviewers for
    /// that learner and trainers; never in the library, search or playlists.
    pub private: bool,
    pub status: VideoStatus,
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
            tags: row.try_get("tags")?,
            held: row.try_get::<i64, _>("held")? != 0,
            private: row.try_get::<i64, _>("private")? != 0,
            status: row
                .try_get::<String, _>("status")?
                .parse()
                .map_err(|e: String| sqlx::Error::Decode(e.into()))?,
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

pub(crate) const COLUMNS: &str = "id, org_id, owner_id, title, tagline, description, tags, held, private, status, error, \
                       source_key, duration_ms, width, height, progress_pct, playable, \
                       created_at, updated_at";

/// Creates the video of a finished upload, queued for transcoding. It is held for review when
/// the organisation reviews members' uploads and the owner is a member.
pub async fn create_queued<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    owner_id: &str,
    title: &str,
    source_key: &str,
) -> sqlx::Result<String> {
    insert_queued(db, org_id, owner_id, title, source_key, false).await
}

/// Creates the private video of a practice attempt's finished upload, queued for transcoding;
/// it never goes into the library, so it is never held for review.
pub async fn create_queued_private<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    owner_id: &str,
    title: &str,
    source_key: &str,
) -> sqlx::Result<String> {
    insert_queued(db, org_id, owner_id, title, source_key, true).await
}

async fn insert_queued<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    owner_id: &str,
    title: &str,
    source_key: &str,
    private: bool,
) -> sqlx::Result<String> {
    let id = new_id();
    let now = now_ms();
    sqlx::query(
        "insert into videos (id, org_id, owner_id, title, status, source_key, playable, held, \
         private, created_at, updated_at) values ($1, $2, $3, $4, 'queued', $5, $6, \
           (select case when o.review_uploads = 1 and u.role = 'member' and $8 = 0 then 1 \
                   else 0 end \
            from organisations o join users u on u.org_id = o.id where o.id = $2 and u.id = $3), \
           $8, $7, $7)",
    )
    .bind(&id)
    .bind(org_id)
    .bind(owner_id)
    .bind(title)
    .bind(source_key)
    .bind(flag(false))
    .bind(now)
    .bind(flag(private))
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

async fn update<'e>(
    db: impl AnyExecutor<'e>,
    sql: &str,
    id: &str,
    values: &[i64],
) -> sqlx::Result<()> {
    let mut query = sqlx::query(sql);
    for value in values {
        query = query.bind(*value);
    }
    query.bind(now_ms()).bind(id).execute(db).await?;
    Ok(())
}

/// Transcoding started (again): clears an earlier error and progress.
pub async fn set_processing<'e>(db: impl AnyExecutor<'e>, id: &str) -> sqlx::Result<()> {
    let sql = "update videos set status = 'processing', error = null, progress_pct = 0, updated_at = $1 where id = $2";
    update(db, sql, id, &[]).await
}

pub async fn set_progress<'e>(db: impl AnyExecutor<'e>, id: &str, pct: i64) -> sqlx::Result<()> {
    update(
        db,
        "update videos set progress_pct = $1, updated_at = $2 where id = $3",
        id,
        &[pct],
    )
    .await
}

/// The first segments of every rendition are in the store.
pub async fn set_playable<'e>(
    db: impl AnyExecutor<'e>,
    id: &str,
    width: i64,
    height: i64,
) -> sqlx::Result<()> {
    let sql =
        "update videos set playable = 1, width = $1, height = $2, updated_at = $3 where id = $4";
    update(db, sql, id, &[width, height]).await
}

pub async fn set_ready<'e>(
    db: impl AnyExecutor<'e>,
    id: &str,
    duration_ms: i64,
    width: i64,
    height: i64,
) -> sqlx::Result<()> {
    let sql = "update videos set status = 'ready', playable = 1, progress_pct = 100, duration_ms = $1, \
               width = $2, height = $3, updated_at = $4 where id = $5";
    update(db, sql, id, &[duration_ms, width, height]).await
}

/// Processing gave up; `error` is a sentence for people.
pub async fn set_failed<'e>(db: impl AnyExecutor<'e>, id: &str, error: &str) -> sqlx::Result<()> {
    sqlx::query("update videos set status = 'failed', playable = 0, error = $1, updated_at = $2 where id = $3")
        .bind(error)
        .bind(now_ms())
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// How many of a person's videos wait for a worker or are being processed.
pub async fn waiting_count<'e>(db: impl AnyExecutor<'e>, owner_id: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "select count(*) from videos where owner_id = $1 and status in ('queued', 'processing')",
    )
    .bind(owner_id)
    .fetch_one(db)
    .await
}

/// Any video by id, for workers (jobs carry their organisation already).
pub async fn by_id<'e>(db: impl AnyExecutor<'e>, id: &str) -> sqlx::Result<Option<Video>> {
    sqlx::query_as(&format!("select {COLUMNS} from videos where id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

/// A rendition row as the transcoder records it.
pub struct NewRendition<'a> {
    pub width: i64,
    pub height: i64,
    pub bandwidth: i64,
    pub average_bandwidth: i64,
    pub codecs: &'a str,
    pub frame_rate: f64,
}

/// Replaces a video's renditions (a re-run of a transcode replaces, never duplicates).
pub async fn replace_renditions(
    pool: &sqlx::AnyPool,
    org_id: &str,
    video_id: &str,
    rows: &[NewRendition<'_>],
) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query("delete from renditions where video_id = $1")
        .bind(video_id)
        .execute(&mut *tx)
        .await?;
    for row in rows {
        sqlx::query(
            "insert into renditions (id, org_id, video_id, width, height, bandwidth, \
             average_bandwidth, codecs, frame_rate) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(new_id())
        .bind(org_id)
        .bind(video_id)
        .bind(row.width)
        .bind(row.height)
        .bind(row.bandwidth)
        .bind(row.average_bandwidth)
        .bind(row.codecs)
        .bind(row.frame_rate)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

/// Deletes a video of an organisation (its jobs, renditions, handouts and progress go with it).
pub async fn delete<'e>(db: impl AnyExecutor<'e>, org_id: &str, id: &str) -> sqlx::Result<bool> {
    let done = sqlx::query("delete from videos where org_id = $1 and id = $2")
        .bind(org_id)
        .bind(id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Releases a video held for review into the library. False when it was not held.
pub async fn approve<'e>(db: impl AnyExecutor<'e>, org_id: &str, id: &str) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "update videos set held = 0, updated_at = $1 where org_id = $2 and id = $3 and held = 1",
    )
    .bind(now_ms())
    .bind(org_id)
    .bind(id)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// An organisation's videos waiting for review, oldest first.
pub async fn held_in_org<'e>(db: impl AnyExecutor<'e>, org_id: &str) -> sqlx::Result<Vec<Video>> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from videos where org_id = $1 and held = 1 order by created_at"
    ))
    .bind(org_id)
    .fetch_all(db)
    .await
}

/// An organisation's videos, newest first, without practice attempts' recordings: only
/// `owner_id`'s when given, only those in `status` when given; at most `limit`.
pub async fn list<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    owner_id: Option<&str>,
    status: Option<VideoStatus>,
    limit: i64,
) -> sqlx::Result<Vec<Video>> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from videos where org_id = $1 and private = 0 \
         and ($2 = '' or owner_id = $2) \
         and ($3 = '' or status = $3) order by created_at desc, id desc limit $4"
    ))
    .bind(org_id)
    .bind(owner_id.unwrap_or_default())
    .bind(status.map_or("", VideoStatus::as_str))
    .bind(limit)
    .fetch_all(db)
    .await
}

//! tus uploads in progress: their state (offset, length, owner, expiry, lock) and, in S3 mode,
//! the multipart parts already stored.

use sqlx::{AnyExecutor, AnyPool};

use super::{new_id, now_ms};

/// How long an unfinished upload is kept after its last activity.
pub const UPLOAD_TTL_MS: i64 = 24 * 3600 * 1000;
/// How long a PATCH may hold an upload's lock before another may take it over.
pub const LOCK_TTL_MS: i64 = 60 * 1000;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Upload {
    pub id: String,
    pub org_id: String,
    pub owner_id: String,
    pub length: i64,
    pub upload_offset: i64,
    pub filename: String,
    pub title: String,
    pub filetype: Option<String>,
    /// The store key the finished upload ends up under (the video's source).
    pub staging_key: String,
    pub multipart_id: Option<String>,
    pub expires_at: i64,
    pub completed_at: Option<i64>,
    pub video_id: Option<String>,
    /// The practice step this upload is an attempt at: its video is private to the learner, the
    /// step's reviewers and trainers.
    pub practice_step_id: Option<String>,
    /// 1 for an attempt's recording, even once its step is deleted: never a library video.
    pub private: i64,
}

impl Upload {
    pub fn is_complete(&self) -> bool {
        self.upload_offset == self.length
    }

    /// Whether its video is a practice attempt's recording (private), step deleted or not.
    pub fn is_private(&self) -> bool {
        self.private != 0 || self.practice_step_id.is_some()
    }
}

const COLUMNS: &str = "id, org_id, owner_id, length, upload_offset, filename, title, filetype, \
                       staging_key, multipart_id, expires_at, completed_at, video_id, practice_step_id, \
                       private";

/// What a new upload starts with.
pub struct NewUpload<'a> {
    pub org_id: &'a str,
    pub owner_id: &'a str,
    pub length: i64,
    pub filename: &'a str,
    pub title: &'a str,
    pub filetype: Option<&'a str>,
    pub practice_step_id: Option<&'a str>,
}

/// The id and final store key a new upload will have, decided before its staging is prepared.
pub fn allocate() -> (String, String) {
    let id = new_id();
    let key = format!("uploads/{id}/source");
    (id, key)
}

pub async fn create<'e>(
    db: impl AnyExecutor<'e>,
    id: &str,
    staging_key: &str,
    multipart_id: Option<&str>,
    new: &NewUpload<'_>,
) -> sqlx::Result<()> {
    let now = now_ms();
    sqlx::query(
        "insert into uploads (id, org_id, owner_id, length, upload_offset, filename, title, \
         filetype, staging_key, multipart_id, expires_at, created_at, practice_step_id, private) \
         values ($1, $2, $3, $4, 0, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(id)
    .bind(new.org_id)
    .bind(new.owner_id)
    .bind(new.length)
    .bind(new.filename)
    .bind(new.title)
    .bind(new.filetype)
    .bind(staging_key)
    .bind(multipart_id)
    .bind(now + UPLOAD_TTL_MS)
    .bind(now)
    .bind(new.practice_step_id)
    .bind(super::flag(new.practice_step_id.is_some()))
    .execute(db)
    .await?;
    Ok(())
}

/// An upload of its owner; `None` for anyone else's.
pub async fn for_owner<'e>(
    db: impl AnyExecutor<'e>,
    id: &str,
    owner_id: &str,
) -> sqlx::Result<Option<Upload>> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from uploads where id = $1 and owner_id = $2"
    ))
    .bind(id)
    .bind(owner_id)
    .fetch_optional(db)
    .await
}

/// How many unfinished, unexpired uploads a person has.
pub async fn unfinished_count<'e>(db: impl AnyExecutor<'e>, owner_id: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "select count(*) from uploads \
         where owner_id = $1 and completed_at is null and expires_at > $2",
    )
    .bind(owner_id)
    .bind(now_ms())
    .fetch_one(db)
    .await
}

/// Takes the upload's lock for one PATCH; false while another PATCH holds it.
pub async fn try_lock(pool: &AnyPool, id: &str, token: &str) -> sqlx::Result<bool> {
    let now = now_ms();
    let done = sqlx::query(
        "update uploads set lock_token = $1, locked_until = $2 \
         where id = $3 and (locked_until is null or locked_until < $4)",
    )
    .bind(token)
    .bind(now + LOCK_TTL_MS)
    .bind(id)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Extends a held lock (long PATCHes renew it as bytes arrive).
pub async fn renew_lock(pool: &AnyPool, id: &str, token: &str) -> sqlx::Result<bool> {
    let done =
        sqlx::query("update uploads set locked_until = $1 where id = $2 and lock_token = $3")
            .bind(now_ms() + LOCK_TTL_MS)
            .bind(id)
            .bind(token)
            .execute(pool)
            .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn unlock(pool: &AnyPool, id: &str, token: &str) -> sqlx::Result<()> {
    sqlx::query(
        "update uploads set lock_token = null, locked_until = null where id = $1 and lock_token = $2",
    )
    .bind(id)
    .bind(token)
    .execute(pool)
    .await?;
    Ok(())
}

/// Records bytes that are safely stored, and pushes the expiry back.
pub async fn set_offset<'e>(db: impl AnyExecutor<'e>, id: &str, offset: i64) -> sqlx::Result<()> {
    sqlx::query("update uploads set upload_offset = $1, expires_at = $2 where id = $3")
        .bind(offset)
        .bind(now_ms() + UPLOAD_TTL_MS)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// A stored part of an S3 multipart upload.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Part {
    pub part_number: i64,
    pub etag: String,
    pub size: i64,
}

pub async fn parts<'e>(db: impl AnyExecutor<'e>, upload_id: &str) -> sqlx::Result<Vec<Part>> {
    sqlx::query_as(
        "select part_number, etag, size from upload_parts where upload_id = $1 order by part_number",
    )
    .bind(upload_id)
    .fetch_all(db)
    .await
}

pub async fn add_part<'e>(
    db: impl AnyExecutor<'e>,
    upload_id: &str,
    part: &Part,
) -> sqlx::Result<()> {
    sqlx::query(
        "insert into upload_parts (upload_id, part_number, etag, size) values ($1, $2, $3, $4) \
         on conflict (upload_id, part_number) do update set etag = excluded.etag, size = excluded.size",
    )
    .bind(upload_id)
    .bind(part.part_number)
    .bind(&part.etag)
    .bind(part.size)
    .execute(db)
    .await?;
    Ok(())
}

/// Marks the upload finished and points it at its video.
pub async fn complete<'e>(db: impl AnyExecutor<'e>, id: &str, video_id: &str) -> sqlx::Result<()> {
    sqlx::query("update uploads set completed_at = $1, video_id = $2 where id = $3")
        .bind(now_ms())
        .bind(video_id)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// Unfinished uploads whose expiry has passed.
pub async fn expired<'e>(db: impl AnyExecutor<'e>) -> sqlx::Result<Vec<Upload>> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from uploads where completed_at is null and expires_at <= $1 limit 100"
    ))
    .bind(now_ms())
    .fetch_all(db)
    .await
}

pub async fn delete<'e>(db: impl AnyExecutor<'e>, id: &str) -> sqlx::Result<()> {
    sqlx::query("delete from uploads where id = $1")
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

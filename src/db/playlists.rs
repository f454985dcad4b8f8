//! Playlists: ordered videos, handouts and external resources, draft or published, optionally
//! sequential.

use serde::Serialize;
use sqlx::{AnyConnection, AnyExecutor, AnyPool};

use super::assignments::{DONE_AT, ITEM_PROGRESS, completion_joins};
pub use super::entries::EntryKind;
use super::{flag, new_id, now_ms};

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Playlist {
    pub id: String,
    pub title: String,
    pub description: String,
    /// Plain text shown before the first item; paragraphs separated by blank lines.
    pub intro: String,
    pub onboarding: bool,
    /// The next item unlocks when the previous one is complete.
    pub sequential: bool,
    pub published: bool,
    /// The cover image, once one is uploaded.
    #[schema(required = true)]
    pub cover_url: Option<String>,
    /// Unix milliseconds.
    pub updated_at: i64,
}

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Playlist {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<Playlist> {
        use sqlx::Row;
        let id: String = row.try_get("id")?;
        let cover_url = row
            .try_get::<Option<String>, _>("cover_key")?
            .map(|_| format!("/api/v1/playlists/{id}/cover"));
        Ok(Playlist {
            id,
            cover_url,
            title: row.try_get("title")?,
            description: row.try_get("description")?,
            intro: row.try_get("intro")?,
            onboarding: row.try_get::<i64, _>("onboarding")? != 0,
            sequential: row.try_get::<i64, _>("sequential")? != 0,
            published: row.try_get::<i64, _>("published")? != 0,
            updated_at: row.try_get("updated_at")?,
        })
    }
}

const COLUMNS: &str =
    "id, title, description, intro, onboarding, sequential, published, cover_key, updated_at";

pub async fn create<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    created_by: &str,
    p: &Playlist,
) -> sqlx::Result<()> {
    let now = now_ms();
    sqlx::query(
        "insert into playlists (id, org_id, title, description, intro, onboarding, sequential, published, \
         created_by, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
    )
    .bind(&p.id)
    .bind(org_id)
    .bind(&p.title)
    .bind(&p.description)
    .bind(&p.intro)
    .bind(flag(p.onboarding))
    .bind(flag(p.sequential))
    .bind(flag(p.published))
    .bind(created_by)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

pub fn new_playlist_id() -> String {
    new_id()
}

pub async fn update<'e>(db: impl AnyExecutor<'e>, org_id: &str, p: &Playlist) -> sqlx::Result<()> {
    sqlx::query(
        "update playlists set title = $1, description = $2, intro = $3, onboarding = $4, sequential = $5, \
         published = $6, updated_at = $7 where org_id = $8 and id = $9",
    )
    .bind(&p.title)
    .bind(&p.description)
    .bind(&p.intro)
    .bind(flag(p.onboarding))
    .bind(flag(p.sequential))
    .bind(flag(p.published))
    .bind(now_ms())
    .bind(org_id)
    .bind(&p.id)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn in_org<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    id: &str,
) -> sqlx::Result<Option<Playlist>> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from playlists where org_id = $1 and id = $2"
    ))
    .bind(org_id)
    .bind(id)
    .fetch_optional(db)
    .await
}

/// An organisation's playlists, newest first; only published ones unless `drafts`; only those
/// holding the video, handout or resource `containing` when given.
pub async fn list<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    drafts: bool,
    containing: Option<&str>,
) -> sqlx::Result<Vec<Playlist>> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from playlists p where org_id = $1 and (published = 1 or $2 = 1) \
         and ($3 = '' or exists (select 1 from playlist_items i \
                                 where i.playlist_id = p.id and i.item_id = $3)) \
         order by created_at desc"
    ))
    .bind(org_id)
    .bind(flag(drafts))
    .bind(containing.unwrap_or_default())
    .fetch_all(db)
    .await
}

pub async fn delete<'e>(db: impl AnyExecutor<'e>, org_id: &str, id: &str) -> sqlx::Result<()> {
    sqlx::query("delete from playlists where org_id = $1 and id = $2")
        .bind(org_id)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// One entry of a playlist as a person sees it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Item {
    pub id: String,
    /// video | handout | resource | practice | quiz | exercise
    pub kind: String,
    pub item_id: String,
    pub title: String,
    /// The link of an external resource (open it with `POST /api/v1/resources/{id}/open`).
    #[schema(required = true)]
    pub url: Option<String>,
    /// Whether the viewer completed it: a video watched far enough, a handout or resource
    /// opened.
    pub completed: bool,
    /// How far the viewer is with it, 0 to 1: a video by the share of it watched.
    pub progress: f64,
    /// In a sequential playlist, locked until the item before it is complete.
    pub locked: bool,
    /// Videos: the length in seconds, once known.
    #[schema(required = true)]
    pub duration_s: Option<f64>,
    /// Videos: the poster, once the video is ready.
    #[schema(required = true)]
    pub poster_url: Option<String>,
    /// Handouts: the document's type (PDFs and pictures open in the browser's viewer).
    #[schema(required = true)]
    pub content_type: Option<String>,
    /// Practice steps: the viewer's latest attempt's status (`done` once a reviewer found one
    /// meets the standard); null before the first attempt.
    #[schema(required = true)]
    pub practice_status: Option<super::practice::AttemptStatus>,
}

/// The items of a playlist in order, with `user_id`'s completion.
pub async fn items(pool: &AnyPool, playlist_id: &str, user_id: &str) -> sqlx::Result<Vec<Item>> {
    use sqlx::Row;
    let rows = sqlx::query(&format!(
        "select i.id, i.kind, i.item_id, \
               coalesce(gv.title, h.title, r.title, ps.title, qz.title, ex.title, '') as title, \
               r.url, h.content_type, case when {DONE_AT} is null then 0 else 1 end as completed, \
               {ITEM_PROGRESS} as progress, gv.duration_ms, \
               case when gv.status = 'ready' and coalesce(gv.width, 0) > 0 then 1 else 0 end \
                 as has_poster, \
               case when pd.done_at is not null then 'done' \
                    when i.kind = 'practice' then \
                      (select pa.status from practice_attempts pa \
                       where pa.step_id = i.item_id and pa.user_id = $2 \
                       order by pa.created_at desc, pa.id desc limit 1) end as practice_status \
             from playlist_items i \
             left join handouts h on i.kind = 'handout' and h.id = i.item_id \
             left join resources r on i.kind = 'resource' and r.id = i.item_id \
             left join practice_steps ps on i.kind = 'practice' and ps.id = i.item_id \
             left join quizzes qz on i.kind = 'quiz' and qz.id = i.item_id \
             left join exercises ex on i.kind = 'exercise' and ex.id = i.item_id \
             {joins} \
             where i.playlist_id = $1 order by i.position",
        joins = completion_joins("$2"),
    ))
    .bind(playlist_id)
    .bind(user_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            let item_id: String = row.try_get("item_id")?;
            let duration_ms: Option<i64> = row.try_get("duration_ms")?;
            let poster_url = (row.try_get::<i64, _>("has_poster")? == 1)
                .then(|| format!("/api/v1/videos/{item_id}/poster.jpg"));
            Ok(Item {
                id: row.try_get("id")?,
                kind: row.try_get("kind")?,
                item_id,
                title: row.try_get("title")?,
                url: row.try_get("url")?,
                completed: row.try_get::<i64, _>("completed")? != 0,
                progress: row.try_get("progress")?,
                locked: false,
                duration_s: duration_ms.map(|ms| ms as f64 / 1000.0),
                poster_url,
                content_type: row.try_get("content_type")?,
                practice_status: row
                    .try_get::<Option<String>, _>("practice_status")?
                    .map(|word| super::practice::AttemptStatus::parse(&word))
                    .transpose()?,
            })
        })
        .collect()
}

/// Marks a playlist changed, which also locks its row until the transaction ends, so two
/// trainers rearranging it at once take turns.
async fn touch(conn: &mut AnyConnection, playlist_id: &str) -> sqlx::Result<()> {
    sqlx::query("update playlists set updated_at = $1 where id = $2")
        .bind(now_ms())
        .bind(playlist_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The entry ids of a playlist, in order.
async fn entry_ids(conn: &mut AnyConnection, playlist_id: &str) -> sqlx::Result<Vec<String>> {
    use sqlx::Row;
    let rows =
        sqlx::query("select id from playlist_items where playlist_id = $1 order by position, id")
            .bind(playlist_id)
            .fetch_all(&mut *conn)
            .await?;
    rows.iter().map(|row| row.try_get("id")).collect()
}

/// Numbers the entries 0, 1, 2, ... in the given order.
async fn write_order(
    conn: &mut AnyConnection,
    playlist_id: &str,
    ids: &[String],
) -> sqlx::Result<()> {
    for (position, id) in ids.iter().enumerate() {
        sqlx::query("update playlist_items set position = $1 where playlist_id = $2 and id = $3")
            .bind(position as i64)
            .bind(playlist_id)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Inserts an item at index `at` (0 is first), or at the end; returns the new entry's id, or
/// `None` when the item is in the playlist already.
pub async fn add_item(
    conn: &mut AnyConnection,
    org_id: &str,
    playlist_id: &str,
    kind: &str,
    item_id: &str,
    at: Option<usize>,
) -> sqlx::Result<Option<String>> {
    touch(conn, playlist_id).await?;
    let present: i64 = sqlx::query_scalar(
        "select count(*) from playlist_items where playlist_id = $1 and item_id = $2",
    )
    .bind(playlist_id)
    .bind(item_id)
    .fetch_one(&mut *conn)
    .await?;
    if present > 0 {
        return Ok(None);
    }
    let mut ids = entry_ids(conn, playlist_id).await?;
    let id = new_id();
    sqlx::query(
        "insert into playlist_items (id, org_id, playlist_id, position, kind, item_id) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(org_id)
    .bind(playlist_id)
    .bind(ids.len() as i64)
    .bind(kind)
    .bind(item_id)
    .execute(&mut *conn)
    .await?;
    if let Some(at) = at.filter(|at| *at < ids.len()) {
        ids.insert(at, id.clone());
        write_order(conn, playlist_id, &ids).await?;
    }
    Ok(Some(id))
}

/// Whether the item a playlist entry names exists in the organisation.
pub async fn item_exists(
    conn: &mut AnyConnection,
    org_id: &str,
    kind: EntryKind,
    item_id: &str,
) -> sqlx::Result<bool> {
    let table = kind.table();
    let found: i64 = sqlx::query_scalar(&format!(
        "select count(*) from {table} where org_id = $1 and id = $2"
    ))
    .bind(org_id)
    .bind(item_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(found > 0)
}

/// Puts a playlist's entries in a new order. False (and nothing changed) unless `order` names
/// each entry exactly once.
pub async fn reorder(
    conn: &mut AnyConnection,
    playlist_id: &str,
    order: &[String],
) -> sqlx::Result<bool> {
    touch(conn, playlist_id).await?;
    let mut current = entry_ids(conn, playlist_id).await?;
    let mut wanted = order.to_vec();
    current.sort();
    wanted.sort();
    if current != wanted {
        return Ok(false);
    }
    write_order(conn, playlist_id, order).await?;
    Ok(true)
}

/// Removes every playlist entry of a video, handout or resource that is being deleted.
pub async fn forget_item<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    item_id: &str,
) -> sqlx::Result<()> {
    sqlx::query("delete from playlist_items where org_id = $1 and item_id = $2")
        .bind(org_id)
        .bind(item_id)
        .execute(db)
        .await?;
    Ok(())
}

/// Sets (or clears) the store key of a playlist's cover image.
pub async fn set_cover<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    id: &str,
    cover_key: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query(
        "update playlists set cover_key = $1, updated_at = $2 where org_id = $3 and id = $4",
    )
    .bind(cover_key)
    .bind(now_ms())
    .bind(org_id)
    .bind(id)
    .execute(db)
    .await?;
    Ok(())
}

/// The store key of a playlist's cover image, if it has one.
pub async fn cover_key<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    id: &str,
) -> sqlx::Result<Option<String>> {
    use sqlx::Row;
    let row = sqlx::query("select cover_key from playlists where org_id = $1 and id = $2")
        .bind(org_id)
        .bind(id)
        .fetch_optional(db)
        .await?;
    Ok(row.and_then(|row| row.try_get("cover_key").ok()).flatten())
}

pub async fn remove_item<'e>(
    db: impl AnyExecutor<'e>,
    playlist_id: &str,
    id: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query("delete from playlist_items where playlist_id = $1 and id = $2")
        .bind(playlist_id)
        .bind(id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

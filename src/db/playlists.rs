//! Playlists: ordered videos and handouts, draft or published, optionally sequential.

use serde::Serialize;
use sqlx::{AnyExecutor, AnyPool};

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
    /// Unix milliseconds.
    pub updated_at: i64,
}

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Playlist {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<Playlist> {
        use sqlx::Row;
        Ok(Playlist {
            id: row.try_get("id")?,
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
    "id, title, description, intro, onboarding, sequential, published, updated_at";

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

/// An organisation's playlists, newest first; only published ones unless `drafts`.
pub async fn list<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    drafts: bool,
) -> sqlx::Result<Vec<Playlist>> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from playlists where org_id = $1 and (published = 1 or $2 = 1) order by created_at desc"
    ))
    .bind(org_id)
    .bind(flag(drafts))
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
    /// video | handout
    pub kind: String,
    pub item_id: String,
    pub title: String,
    /// Whether the viewer completed it (videos: watched enough).
    pub completed: bool,
    /// In a sequential playlist, locked until the item before it is complete.
    pub locked: bool,
}

/// The items of a playlist in order, with `user_id`'s completion.
pub async fn items(pool: &AnyPool, playlist_id: &str, user_id: &str) -> sqlx::Result<Vec<Item>> {
    use sqlx::Row;
    let rows = sqlx::query(
        "select i.id, i.kind, i.item_id, coalesce(v.title, h.title, '') as title, \
           case when g.completed_at is null then 0 else 1 end as completed \
         from playlist_items i \
         left join videos v on i.kind = 'video' and v.id = i.item_id \
         left join handouts h on i.kind = 'handout' and h.id = i.item_id \
         left join progress g on i.kind = 'video' and g.video_id = i.item_id and g.user_id = $2 \
         where i.playlist_id = $1 order by i.position",
    )
    .bind(playlist_id)
    .bind(user_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Item {
                id: row.try_get("id")?,
                kind: row.try_get("kind")?,
                item_id: row.try_get("item_id")?,
                title: row.try_get("title")?,
                completed: row.try_get::<i64, _>("completed")? != 0,
                locked: false,
            })
        })
        .collect()
}

/// Appends an item at the end.
pub async fn add_item<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    playlist_id: &str,
    kind: &str,
    item_id: &str,
) -> sqlx::Result<String> {
    let id = new_id();
    sqlx::query(
        "insert into playlist_items (id, org_id, playlist_id, position, kind, item_id) \
         values ($1, $2, $3, (select coalesce(max(position) + 1, 0) from playlist_items where playlist_id = $3), $4, $5)",
    )
    .bind(&id)
    .bind(org_id)
    .bind(playlist_id)
    .bind(kind)
    .bind(item_id)
    .execute(db)
    .await?;
    Ok(id)
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

/// Assigns a playlist to a person (again: the due date is updated).
pub async fn assign<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    playlist_id: &str,
    user_id: &str,
    assigned_by: &str,
    due_at: Option<i64>,
) -> sqlx::Result<()> {
    sqlx::query(
        "insert into assignments (id, org_id, playlist_id, user_id, assigned_by, due_at, created_at) \
         values ($1, $2, $3, $4, $5, $6, $7) \
         on conflict (playlist_id, user_id) do update set due_at = excluded.due_at",
    )
    .bind(new_id())
    .bind(org_id)
    .bind(playlist_id)
    .bind(user_id)
    .bind(assigned_by)
    .bind(due_at)
    .bind(now_ms())
    .execute(db)
    .await?;
    Ok(())
}

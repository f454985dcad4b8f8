//! Handouts: documents attached to videos (in an order of their own), or in the library alone.

use serde::Serialize;
use sqlx::AnyExecutor;

use super::new_id;

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Handout {
    pub id: String,
    #[serde(skip)]
    pub org_id: String,
    #[schema(required = true)]
    pub video_id: Option<String>,
    #[serde(skip)]
    pub owner_id: String,
    pub title: String,
    pub tagline: String,
    pub description: String,
    #[serde(serialize_with = "super::library::tag_list")]
    #[schema(value_type = Vec<String>)]
    pub tags: String,
    /// The file name offered on download (made safe when stored).
    pub filename: String,
    /// Recognised from the content, not the name.
    pub content_type: String,
    /// Bytes.
    pub size: i64,
    #[serde(skip)]
    pub store_key: String,
    /// Unix milliseconds.
    pub created_at: i64,
    /// Unix milliseconds.
    pub updated_at: i64,
}

const COLUMNS: &str = "id, org_id, video_id, owner_id, title, tagline, description, tags, \
                       filename, content_type, size, store_key, created_at, updated_at";

/// The id and store key of a handout about to be stored.
pub fn allocate() -> (String, String) {
    let id = new_id();
    let key = format!("handouts/{id}");
    (id, key)
}

pub async fn create<'e>(db: impl AnyExecutor<'e>, handout: &Handout) -> sqlx::Result<()> {
    sqlx::query(
        "insert into handouts (id, org_id, video_id, owner_id, title, tagline, description, tags, \
         filename, content_type, size, store_key, created_at, updated_at, position) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, \
           (select coalesce(max(position), 0) + 1 from handouts where video_id = $3))",
    )
    .bind(&handout.id)
    .bind(&handout.org_id)
    .bind(&handout.video_id)
    .bind(&handout.owner_id)
    .bind(&handout.title)
    .bind(&handout.tagline)
    .bind(&handout.description)
    .bind(&handout.tags)
    .bind(&handout.filename)
    .bind(&handout.content_type)
    .bind(handout.size)
    .bind(&handout.store_key)
    .bind(handout.created_at)
    .bind(handout.updated_at)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn for_video<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    video_id: &str,
) -> sqlx::Result<Vec<Handout>> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from handouts where org_id = $1 and video_id = $2 \
         order by position, created_at, id"
    ))
    .bind(org_id)
    .bind(video_id)
    .fetch_all(db)
    .await
}

pub async fn in_org<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    id: &str,
) -> sqlx::Result<Option<Handout>> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from handouts where org_id = $1 and id = $2"
    ))
    .bind(org_id)
    .bind(id)
    .fetch_optional(db)
    .await
}

pub async fn delete<'e>(db: impl AnyExecutor<'e>, org_id: &str, id: &str) -> sqlx::Result<()> {
    sqlx::query("delete from handouts where org_id = $1 and id = $2")
        .bind(org_id)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// Puts a video's handouts in the order of `ids`, which must name each of them exactly once.
/// False (and nothing changed) when it does not.
pub async fn reorder(
    pool: &sqlx::AnyPool,
    org_id: &str,
    video_id: &str,
    ids: &[String],
) -> sqlx::Result<bool> {
    let mut tx = pool.begin().await?;
    // Takes the video's row lock first, so two reorders of one video take turns.
    sqlx::query("update videos set updated_at = updated_at where org_id = $1 and id = $2")
        .bind(org_id)
        .bind(video_id)
        .execute(&mut *tx)
        .await?;
    let mut current: Vec<String> = for_video(&mut *tx, org_id, video_id)
        .await?
        .into_iter()
        .map(|h| h.id)
        .collect();
    let mut wanted = ids.to_vec();
    current.sort();
    wanted.sort();
    if current != wanted {
        return Ok(false);
    }
    for (position, id) in ids.iter().enumerate() {
        sqlx::query("update handouts set position = $1 where org_id = $2 and id = $3")
            .bind(position as i64 + 1)
            .bind(org_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(true)
}

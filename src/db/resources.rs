//! External resources: links to a blog post, podcast, slide deck or public video, kept in the
//! library beside the organisation's own videos and handouts.

use serde::Serialize;
use sqlx::AnyExecutor;

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Resource {
    pub id: String,
    #[serde(skip)]
    pub org_id: String,
    pub owner_id: String,
    pub title: String,
    /// An http(s) link.
    pub url: String,
    pub tagline: String,
    pub description: String,
    #[serde(serialize_with = "super::library::tag_list")]
    #[schema(value_type = Vec<String>)]
    pub tags: String,
    /// Unix milliseconds.
    pub created_at: i64,
    /// Unix milliseconds.
    pub updated_at: i64,
}

const COLUMNS: &str =
    "id, org_id, owner_id, title, url, tagline, description, tags, created_at, updated_at";

pub async fn create<'e>(db: impl AnyExecutor<'e>, resource: &Resource) -> sqlx::Result<()> {
    sqlx::query(
        "insert into resources (id, org_id, owner_id, title, url, tagline, description, tags, \
         created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&resource.id)
    .bind(&resource.org_id)
    .bind(&resource.owner_id)
    .bind(&resource.title)
    .bind(&resource.url)
    .bind(&resource.tagline)
    .bind(&resource.description)
    .bind(&resource.tags)
    .bind(resource.created_at)
    .bind(resource.updated_at)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn in_org<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    id: &str,
) -> sqlx::Result<Option<Resource>> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from resources where org_id = $1 and id = $2"
    ))
    .bind(org_id)
    .bind(id)
    .fetch_optional(db)
    .await
}

pub async fn set_url<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    id: &str,
    url: &str,
) -> sqlx::Result<()> {
    sqlx::query("update resources set url = $1 where org_id = $2 and id = $3")
        .bind(url)
        .bind(org_id)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn delete<'e>(db: impl AnyExecutor<'e>, org_id: &str, id: &str) -> sqlx::Result<bool> {
    let done = sqlx::query("delete from resources where org_id = $1 and id = $2")
        .bind(org_id)
        .bind(id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

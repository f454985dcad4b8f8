//! The library's search index over videos, handouts and external resources: SQLite FTS5 or
//! PostgreSQL full text (weighted title > tags and tag-line > description), one function each
//! for writing and searching, so the dialects stay here.

use serde::Serialize;

use super::{Backend, Db};

/// What the index holds of one item.
pub struct Entry<'a> {
    pub item_id: &'a str,
    pub org_id: &'a str,
    /// video | handout | resource
    pub kind: &'a str,
    pub created_at: i64,
    pub title: &'a str,
    pub tagline: &'a str,
    pub description: &'a str,
    /// Space-separated, lower-case.
    pub tags: &'a str,
}

/// Adds or replaces an item in the index.
pub async fn index(db: &Db, entry: &Entry<'_>) -> sqlx::Result<()> {
    remove(db, entry.item_id).await?;
    let table = match db.backend() {
        Backend::Sqlite => "library_fts",
        Backend::Postgres => "library_index",
    };
    sqlx::query(&format!(
        "insert into {table} (item_id, org_id, kind, created_at, title, tagline, description, tags) \
         values ($1, $2, $3, $4, $5, $6, $7, $8)"
    ))
    .bind(entry.item_id)
    .bind(entry.org_id)
    .bind(entry.kind)
    .bind(entry.created_at)
    .bind(entry.title)
    .bind(entry.tagline)
    .bind(entry.description)
    .bind(entry.tags)
    .execute(db.pool())
    .await?;
    Ok(())
}

pub async fn remove(db: &Db, item_id: &str) -> sqlx::Result<()> {
    let table = match db.backend() {
        Backend::Sqlite => "library_fts",
        Backend::Postgres => "library_index",
    };
    sqlx::query(&format!("delete from {table} where item_id = $1"))
        .bind(item_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// One search result.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Hit {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub tagline: String,
    pub tags: Vec<String>,
}

/// Lower-case words of a query, letters and digits only: nothing of it reaches the query
/// language as syntax.
pub fn words(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(10)
        .map(str::to_lowercase)
        .collect()
}

/// Searches an organisation's library: best match first when `query` has words, newest first
/// otherwise; filtered by tag and kind; `offset`/`limit` page through.
pub async fn search(
    db: &Db,
    org_id: &str,
    query: &str,
    tag: Option<&str>,
    kind: Option<&str>,
    offset: i64,
    limit: i64,
) -> sqlx::Result<Vec<Hit>> {
    use sqlx::Row;
    let words = words(query);
    let tag_filter = tag.map(|t| format!("% {} %", t.trim().to_lowercase()));
    let (from, rank, matches) = match db.backend() {
        Backend::Sqlite => (
            "library_fts",
            // bm25 is lower for better matches; weights follow the columns.
            "bm25(library_fts, 0, 0, 0, 0, 10.0, 4.0, 1.0, 5.0)",
            "library_fts match $5",
        ),
        Backend::Postgres => (
            "library_index",
            "-ts_rank(document, to_tsquery('simple', $5))",
            "document @@ to_tsquery('simple', $5)",
        ),
    };
    let fts_query = match db.backend() {
        // Each word as a prefix, all required.
        Backend::Sqlite => words
            .iter()
            .map(|w| format!("\"{w}\"*"))
            .collect::<Vec<_>>()
            .join(" "),
        Backend::Postgres => words
            .iter()
            .map(|w| format!("{w}:*"))
            .collect::<Vec<_>>()
            .join(" & "),
    };
    let (order, condition) = if words.is_empty() {
        ("created_at desc".to_owned(), "$5 = $5".to_owned())
    } else {
        (format!("{rank}, created_at desc"), matches.to_owned())
    };
    let rows = sqlx::query(&format!(
        "select item_id, kind, title, tagline, tags from {from} \
         where org_id = $1 and ($2 = '' or ' ' || tags || ' ' like $2) and ($3 = '' or kind = $3) \
           and {condition} \
         order by {order} limit $4 offset $6"
    ))
    .bind(org_id)
    .bind(tag_filter.unwrap_or_default())
    .bind(kind.unwrap_or_default())
    .bind(limit)
    .bind(fts_query)
    .bind(offset)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let tags: String = row.try_get("tags")?;
            Ok(Hit {
                id: row.try_get("item_id")?,
                kind: row.try_get("kind")?,
                title: row.try_get("title")?,
                tagline: row.try_get("tagline")?,
                tags: tags.split_whitespace().map(str::to_owned).collect(),
            })
        })
        .collect()
}

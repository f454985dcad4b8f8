//! The library's search index over videos, handouts and external resources: SQLite FTS5 or
//! PostgreSQL full text (weighted title > tags and tag-line > description), one function each
//! for writing and searching, so the dialects stay here.

use serde::Serialize;

use super::{Backend, Db};

/// The kinds of library item.
pub const KINDS: [&str; 3] = ["video", "handout", "resource"];

/// Each kind's row as the index holds it; `$1` is the item's id. A video held for review is
/// left out until a trainer approves it. A handout's file name is searched with its description.
fn source(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "video" => {
            "select id, org_id, 'video', created_at, owner_id, updated_at, title, tagline, \
             description, tags from videos where id = $1 and held = 0"
        }
        "handout" => {
            "select id, org_id, 'handout', created_at, owner_id, updated_at, title, tagline, \
             description || ' ' || filename, tags from handouts where id = $1"
        }
        "resource" => {
            "select id, org_id, 'resource', created_at, owner_id, updated_at, title, tagline, \
             description, tags from resources where id = $1"
        }
        _ => return None,
    })
}

fn table(db: &Db) -> &'static str {
    match db.backend() {
        Backend::Sqlite => "library_fts",
        Backend::Postgres => "library_index",
    }
}

/// Brings an item's index entry up to date with the item (removes it when the item is gone or
/// held for review).
pub async fn reindex(db: &Db, kind: &str, item_id: &str) -> sqlx::Result<()> {
    let Some(source) = source(kind) else {
        return Err(sqlx::Error::Protocol(format!("no library kind {kind}")));
    };
    let mut tx = db.pool().begin().await?;
    sqlx::query(&format!("delete from {} where item_id = $1", table(db)))
        .bind(item_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(&format!(
        "insert into {} (item_id, org_id, kind, created_at, owner_id, updated_at, title, tagline, \
         description, tags) {source}",
        table(db)
    ))
    .bind(item_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

pub async fn remove(db: &Db, item_id: &str) -> sqlx::Result<()> {
    sqlx::query(&format!("delete from {} where item_id = $1", table(db)))
        .bind(item_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// The fields every library item has, as people edit them.
#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct Fields {
    pub title: String,
    pub tagline: String,
    pub description: String,
    pub tags: Vec<String>,
}

/// Tags as stored: lower-case words (spaces become dashes), each once, at most 20.
pub fn normalize_tags(tags: &[String]) -> String {
    let mut words: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag
            .trim()
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("-");
        if !tag.is_empty() && tag.len() <= 40 && !words.contains(&tag) {
            words.push(tag);
        }
    }
    words.truncate(20);
    words.join(" ")
}

/// Serializes stored tags ("a b c") as a JSON list.
pub fn tag_list<S: serde::Serializer>(tags: &str, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(tags.split_whitespace())
}

/// Writes the editable fields of a video, handout or resource of an organisation and refreshes
/// its index entry. False when there is no such item.
pub async fn update_fields(
    db: &Db,
    kind: &str,
    org_id: &str,
    item_id: &str,
    fields: &Fields,
) -> sqlx::Result<bool> {
    let table = match kind {
        "video" => "videos",
        "handout" => "handouts",
        "resource" => "resources",
        _ => return Ok(false),
    };
    let done = sqlx::query(&format!(
        "update {table} set title = $1, tagline = $2, description = $3, tags = $4, updated_at = $5 \
         where org_id = $6 and id = $7"
    ))
    .bind(&fields.title)
    .bind(&fields.tagline)
    .bind(&fields.description)
    .bind(normalize_tags(&fields.tags))
    .bind(super::now_ms())
    .bind(org_id)
    .bind(item_id)
    .execute(db.pool())
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    reindex(db, kind, item_id).await?;
    Ok(true)
}

/// One search result.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Hit {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub tagline: String,
    pub tags: Vec<String>,
    pub owner_id: String,
    /// Unix milliseconds.
    pub created_at: i64,
    /// Unix milliseconds.
    pub updated_at: i64,
}

/// The words the full-text index splits a stored tag into ("forklift-safety": forklift,
/// safety).
fn words_of_tag(tag: &str) -> Vec<String> {
    tag.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
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
/// otherwise; filtered by tag and kind; `offset`/`limit` page through. The full-text index
/// narrows by tag too; the exact tag is then checked on the few rows it finds.
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
    let tag = tag.map(|t| normalize_tags(&[t.to_owned()]));
    let tag_words = tag.as_deref().map(words_of_tag).unwrap_or_default();
    let (from, rank, matches, fts_query) = match db.backend() {
        Backend::Sqlite => {
            // Each word as a prefix, all required; the tag's words as a phrase in `tags`.
            let mut terms: Vec<String> = words.iter().map(|w| format!("\"{w}\"*")).collect();
            if !tag_words.is_empty() {
                terms.push(format!("tags : \"{}\"", tag_words.join(" ")));
            }
            (
                "library_fts",
                // bm25 is lower for better matches; weights follow the columns.
                "bm25(library_fts, 0, 0, 0, 0, 0, 0, 10.0, 4.0, 1.0, 5.0)",
                "library_fts match $5",
                terms.join(" "),
            )
        }
        Backend::Postgres => {
            let mut terms: Vec<String> = words.iter().map(|w| format!("{w}:*")).collect();
            terms.extend(tag_words.iter().map(|w| format!("{w}:B")));
            (
                "library_index",
                "-ts_rank(document, to_tsquery('simple', $5))",
                "document @@ to_tsquery('simple', $5)",
                terms.join(" & "),
            )
        }
    };
    let condition = if fts_query.is_empty() {
        "$5 = $5"
    } else {
        matches
    };
    let order = if words.is_empty() {
        "created_at desc, item_id".to_owned()
    } else {
        format!("{rank}, created_at desc, item_id")
    };
    let rows = sqlx::query(&format!(
        "select item_id, kind, title, tagline, tags, owner_id, created_at, updated_at from {from} \
         where org_id = $1 and ($2 = '' or ' ' || tags || ' ' like $2) and ($3 = '' or kind = $3) \
           and {condition} \
         order by {order} limit $4 offset $6"
    ))
    .bind(org_id)
    .bind(tag.map(|t| format!("% {t} %")).unwrap_or_default())
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
                owner_id: row.try_get("owner_id")?,
                created_at: row.try_get("created_at")?,
                updated_at: row.try_get("updated_at")?,
            })
        })
        .collect()
}

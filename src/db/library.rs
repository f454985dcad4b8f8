//! The library's search index over videos, handouts and external resources: SQLite FTS5 or
//! PostgreSQL full text (weighted title > tags and tag-line > description), one function each
//! for writing and searching, so the dialects stay here.

use serde::Serialize;

use super::{Backend, Db};

/// The kinds of library item.
pub const KINDS: [&str; 3] = ["video", "handout", "resource"];

/// The table that holds the items of a kind.
pub fn item_table(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "video" => "videos",
        "handout" => "handouts",
        "resource" => "resources",
        _ => return None,
    })
}

/// Stored tags ("a b c") as a list.
pub fn split_tags(tags: &str) -> Vec<String> {
    tags.split_whitespace().map(str::to_owned).collect()
}

/// Each kind's rows as the index holds them, and the condition every indexed row meets: a
/// video held for review, and the handouts attached to it, are left out until a trainer
/// approves it. A handout's file name is searched with its description.
fn source(kind: &str) -> Option<(&'static str, &'static str)> {
    Some(match kind {
        "video" => (
            "select id, org_id, 'video', created_at, owner_id, updated_at, title, tagline, \
             description, tags from videos",
            "held = 0",
        ),
        "handout" => (
            "select id, org_id, 'handout', created_at, owner_id, updated_at, title, tagline, \
             description || ' ' || filename, tags from handouts",
            "(video_id is null or video_id in (select id from videos where held = 0))",
        ),
        "resource" => (
            "select id, org_id, 'resource', created_at, owner_id, updated_at, title, tagline, \
             description, tags from resources",
            "1 = 1",
        ),
        _ => return None,
    })
}

/// The columns of an index row, in the order [`source`] selects them.
const INDEX_COLUMNS: &str =
    "item_id, org_id, kind, created_at, owner_id, updated_at, title, tagline, description, tags";

fn table(db: &Db) -> &'static str {
    match db.backend() {
        Backend::Sqlite => "library_entries",
        Backend::Postgres => "library_index",
    }
}

/// Brings an item's index entry up to date with the item (removes it when the item is gone or
/// held for review). The entry is updated in place, so two changes at once both land and the
/// entry keeps its place in the order items were added.
pub async fn reindex(db: &Db, kind: &str, item_id: &str) -> sqlx::Result<()> {
    let Some((select, indexed)) = source(kind) else {
        return Err(sqlx::Error::Protocol(format!("no library kind {kind}")));
    };
    let table = table(db);
    let updates = INDEX_COLUMNS
        .split(", ")
        .skip(1)
        .map(|c| format!("{c} = excluded.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let written = sqlx::query(&format!(
        "insert into {table} ({INDEX_COLUMNS}) {select} where id = $1 and {indexed} \
         on conflict (item_id) do update set {updates}"
    ))
    .bind(item_id)
    .execute(db.pool())
    .await?;
    if written.rows_affected() == 0 {
        remove(db, item_id).await?;
    }
    Ok(())
}

/// Rebuilds an organisation's whole index from its items (after a bulk import, or to repair it),
/// oldest first, as they would have been added.
pub async fn rebuild(db: &Db, org_id: &str) -> sqlx::Result<()> {
    let table = table(db);
    let sources: Vec<String> = KINDS
        .iter()
        .filter_map(|kind| source(kind))
        .map(|(select, indexed)| format!("{select} where org_id = $1 and {indexed}"))
        .collect();
    let mut tx = db.pool().begin().await?;
    sqlx::query(&format!("delete from {table} where org_id = $1"))
        .bind(org_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(&format!(
        "insert into {table} ({INDEX_COLUMNS}) {} order by 4",
        sources.join(" union all ")
    ))
    .bind(org_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    // Fresh statistics, so PostgreSQL's planner knows how common each word now is.
    if db.backend() == Backend::Postgres {
        sqlx::query("analyze library_index")
            .execute(db.pool())
            .await?;
    }
    Ok(())
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

/// Tags as stored: lower-case words (spaces become dashes) of at most 40 characters, each once,
/// at most 20.
pub fn normalize_tags(tags: &[String]) -> String {
    let mut words: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag
            .trim()
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("-");
        let tag: String = tag.chars().take(40).collect();
        if !tag.is_empty() && !words.contains(&tag) {
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
    let Some(table) = item_table(kind) else {
        return Ok(false);
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

/// `text` matched literally by `LIKE … ESCAPE '\'` (its `%` and `_` are not wildcards).
fn like_literal(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
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

/// Ranked searches consider the newest this many matches. A query so general that more items
/// match (a word found in nearly everything) is answered from the newest of them, so ranking
/// stays quick however large the library grows; more words or a tag narrow it.
pub const CANDIDATES: i64 = 2000;

/// Searches an organisation's library: best match first when `query` has words (among the
/// newest [`CANDIDATES`] matches), newest first otherwise; filtered by tag and kind;
/// `offset`/`limit` page through. The full-text index narrows by tag too; the exact tag is then
/// checked on the rows it finds.
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
    // $1 org, $2 exact tag pattern or '', $3 kind or '', $4 limit, $5 full-text query, $6 offset.
    let filters = "e.org_id = $1 and ($2 = '' or ' ' || e.tags || ' ' like $2 escape '\\') \
                   and ($3 = '' or e.kind = $3)";
    let columns =
        "e.item_id, e.kind, e.title, e.tagline, e.tags, e.owner_id, e.created_at, e.updated_at";
    let (sql, fts_query) = match db.backend() {
        Backend::Sqlite => {
            // Each word as a prefix, all required; the tag's words as a phrase in `tags`.
            let mut terms: Vec<String> = words.iter().map(|w| format!("\"{w}\"*")).collect();
            if !tag_words.is_empty() {
                terms.push(format!("tags : \"{}\"", tag_words.join(" ")));
            }
            let sql = if terms.is_empty() {
                format!(
                    "select {columns} from library_entries e where {filters} and $5 = $5 \
                     order by e.created_at desc, e.item_id limit $4 offset $6"
                )
            } else if words.is_empty() {
                format!(
                    "select {columns} from library_fts f join library_entries e on e.id = f.rowid \
                     where library_fts match $5 and {filters} \
                     order by e.created_at desc, e.item_id limit $4 offset $6"
                )
            } else {
                // Entries are numbered in the order items were added (edits keep the number), so
                // the candidates are the newest matches. bm25 is lower for better matches; its
                // weights follow the columns.
                format!(
                    "select {columns} from ( \
                       select e.id, bm25(library_fts, 10.0, 4.0, 1.0, 5.0) as score \
                       from library_fts f join library_entries e on e.id = f.rowid \
                       where library_fts match $5 and {filters} \
                       order by f.rowid desc limit {CANDIDATES} \
                     ) c join library_entries e on e.id = c.id \
                     order by c.score, e.created_at desc, e.item_id limit $4 offset $6"
                )
            };
            (sql, terms.join(" "))
        }
        Backend::Postgres => {
            let mut terms: Vec<String> = words.iter().map(|w| format!("{w}:*")).collect();
            terms.extend(tag_words.iter().map(|w| format!("{w}:B")));
            let matches = if terms.is_empty() {
                "$5 = $5"
            } else {
                "e.document @@ to_tsquery('simple', $5)"
            };
            let sql = if words.is_empty() {
                format!(
                    "select {columns} from library_index e where {filters} and {matches} \
                     order by e.created_at desc, e.item_id limit $4 offset $6"
                )
            } else {
                // Ranked outside the candidates' query, so only they are ranked.
                format!(
                    "select {columns} from ( \
                       select * from library_index e where {filters} and {matches} \
                       order by e.created_at desc limit {CANDIDATES} \
                     ) e \
                     order by ts_rank(e.document, to_tsquery('simple', $5)) desc, \
                       e.created_at desc, e.item_id limit $4 offset $6"
                )
            };
            (sql, terms.join(" & "))
        }
    };
    // Planned afresh for each query's own words: a plan cached for "any words" cannot tell a word
    // in every item (walk the newest) from a rare one (use the full-text index).
    let rows = sqlx::query(&sql)
        .persistent(false)
        .bind(org_id)
        .bind(
            tag.map(|t| format!("% {} %", like_literal(&t)))
                .unwrap_or_default(),
        )
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
                tags: split_tags(&tags),
                owner_id: row.try_get("owner_id")?,
                created_at: row.try_get("created_at")?,
                updated_at: row.try_get("updated_at")?,
            })
        })
        .collect()
}

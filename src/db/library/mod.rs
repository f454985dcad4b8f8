//! The library's search index over videos, handouts and external resources: SQLite FTS5 or
//! PostgreSQL full text (weighted title > tags and tag-line > description). Both index the same
//! words and word stems (see [`text`]), so both find the same items; each dialect's search is
//! one function in its own file.

mod postgres;
mod sqlite;
pub mod text;

use serde::Serialize;
use sqlx::AnyConnection;

use super::{Backend, Db, captions, marks, value_rows};

/// A kind of library item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    Video,
    Handout,
    Resource,
}

impl ItemKind {
    /// The word stored in the database and shown by the API.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Video => "video",
            ItemKind::Handout => "handout",
            ItemKind::Resource => "resource",
        }
    }
}

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
/// video held for review or whose processing failed, and the handouts attached to a held video,
/// are left out (a failed video is its uploader's and the trainers' to see, not the library's).
/// A handout's file name is searched with its description.
fn source(kind: &str) -> Option<(&'static str, &'static str)> {
    Some(match kind {
        "video" => (
            "select id, org_id, 'video' as kind, created_at, owner_id, updated_at, title, \
             tagline, description, tags from videos",
            "held = 0 and private = 0 and status <> 'failed'",
        ),
        "handout" => (
            "select id, org_id, 'handout' as kind, created_at, owner_id, updated_at, title, \
             tagline, description || ' ' || filename as description, tags from handouts",
            "(video_id is null or video_id in (select id from videos where held = 0 and private = 0))",
        ),
        "resource" => (
            "select id, org_id, 'resource' as kind, created_at, owner_id, updated_at, title, \
             tagline, description, tags from resources",
            "1 = 1",
        ),
        _ => return None,
    })
}

/// An item as the index holds it: what hits show, and the words search matches.
#[derive(sqlx::FromRow)]
struct Entry {
    id: String,
    org_id: String,
    kind: String,
    created_at: i64,
    owner_id: String,
    updated_at: i64,
    title: String,
    tagline: String,
    description: String,
    tags: String,
}

impl Entry {
    /// A video is found by what is said in its captions too, weighted as its description.
    fn add_transcript(&mut self, transcript: Option<String>) {
        if let Some(transcript) = transcript {
            self.description.push('\n');
            self.description.push_str(&transcript);
        }
    }
}

/// The columns of an index row; the last four are [`text::indexed`] forms of the four before.
const INDEX_COLUMNS: [&str; 14] = [
    "item_id",
    "org_id",
    "kind",
    "created_at",
    "owner_id",
    "updated_at",
    "title",
    "tagline",
    "description",
    "tags",
    "search_title",
    "search_tagline",
    "search_description",
    "search_tags",
];

fn table(db: &Db) -> &'static str {
    match db.backend() {
        Backend::Sqlite => "library_entries",
        Backend::Postgres => "library_index",
    }
}

/// Writes entries (new, or over the entry of the same item, which keeps its place in the order
/// items were added).
async fn upsert(conn: &mut AnyConnection, table: &str, entries: &[Entry]) -> sqlx::Result<()> {
    // A few hundred rows a statement keeps a bulk rebuild quick and within both databases'
    // limits on bound values.
    for chunk in entries.chunks(200) {
        let updates: Vec<String> = INDEX_COLUMNS[1..]
            .iter()
            .map(|c| format!("{c} = excluded.{c}"))
            .collect();
        let sql = format!(
            "insert into {table} ({}) values {} on conflict (item_id) do update set {}",
            INDEX_COLUMNS.join(", "),
            value_rows(chunk.len(), INDEX_COLUMNS.len()),
            updates.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for e in chunk {
            query = query
                .bind(&e.id)
                .bind(&e.org_id)
                .bind(&e.kind)
                .bind(e.created_at)
                .bind(&e.owner_id)
                .bind(e.updated_at)
                .bind(&e.title)
                .bind(&e.tagline)
                .bind(&e.description)
                .bind(&e.tags)
                .bind(text::indexed(&e.title))
                .bind(text::indexed(&e.tagline))
                .bind(text::indexed(&e.description))
                .bind(text::indexed(&e.tags));
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Brings an item's index entry up to date with the item (removes it when the item is gone,
/// held for review or failed). Updated in place, so two changes at once both land.
pub async fn reindex(db: &Db, kind: &str, item_id: &str) -> sqlx::Result<()> {
    let Some((select, indexed)) = source(kind) else {
        return Err(sqlx::Error::Protocol(format!("no library kind {kind}")));
    };
    let entry: Option<Entry> = sqlx::query_as(&format!("{select} where id = $1 and {indexed}"))
        .bind(item_id)
        .fetch_optional(db.pool())
        .await?;
    match entry {
        Some(mut entry) => {
            if kind == "video" {
                let mut transcripts =
                    captions::transcripts(db.pool(), &entry.org_id, Some(item_id)).await?;
                entry.add_transcript(transcripts.remove(item_id));
            }
            let mut conn = db.pool().acquire().await?;
            upsert(&mut conn, table(db), &[entry]).await
        }
        None => remove(db, item_id).await,
    }
}

/// Rebuilds an organisation's whole index from its items (after a bulk import, to repair it, or
/// when the way text is indexed changed), oldest first, as they would have been added.
pub async fn rebuild(db: &Db, org_id: &str) -> sqlx::Result<()> {
    let table = table(db);
    let sources: Vec<String> = KINDS
        .iter()
        .filter_map(|kind| source(kind))
        .map(|(select, indexed)| format!("{select} where org_id = $1 and {indexed}"))
        .collect();
    let entries: Vec<Entry> = sqlx::query_as(&format!(
        "{} order by created_at, id",
        sources.join(" union all ")
    ))
    .bind(org_id)
    .fetch_all(db.pool())
    .await?;
    let mut transcripts = captions::transcripts(db.pool(), org_id, None).await?;
    let entries: Vec<Entry> = entries
        .into_iter()
        .map(|mut entry| {
            if entry.kind == "video" {
                let transcript = transcripts.remove(&entry.id);
                entry.add_transcript(transcript);
            }
            entry
        })
        .collect();
    let mut tx = db.pool().begin().await?;
    sqlx::query(&format!("delete from {table} where org_id = $1"))
        .bind(org_id)
        .execute(&mut *tx)
        .await?;
    upsert(&mut tx, table, &entries).await?;
    tx.commit().await?;
    // Fresh statistics, so PostgreSQL's planner knows how common each word now is.
    if db.backend() == Backend::Postgres {
        sqlx::query("analyze library_index")
            .execute(db.pool())
            .await?;
    }
    Ok(())
}

/// Indexes anew the organisations whose entries lack their search text (entries written before
/// the index learnt word forms). Cheap when there are none; called after migrations.
pub async fn fill_search_text(db: &Db) -> sqlx::Result<()> {
    let orgs: Vec<(String,)> = sqlx::query_as(&format!(
        "select distinct org_id from {} where search_title is null",
        table(db)
    ))
    .fetch_all(db.pool())
    .await?;
    for (org_id,) in orgs {
        tracing::info!(org = %org_id, "indexing the library's word forms");
        rebuild(db, &org_id).await?;
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
    /// Videos: the poster, once the video is ready.
    #[schema(required = true)]
    pub poster_url: Option<String>,
    /// Videos: the length in seconds, once known.
    #[schema(required = true)]
    pub duration_s: Option<f64>,
    /// Handouts: the document's type (PDFs and pictures open in the browser's viewer).
    #[schema(required = true)]
    pub content_type: Option<String>,
    /// Videos found by what is said in their captions: where the first cue holding the words
    /// starts, in seconds (open the video there).
    #[schema(required = true)]
    pub at_s: Option<f64>,
}

/// What to look for in an organisation's library.
#[derive(Clone, Debug, Default)]
pub struct Search {
    pub org_id: String,
    /// The words typed, each matched as a prefix or by its stem; all are required.
    pub terms: Vec<text::Term>,
    /// Only items carrying exactly this tag (as [`normalize_tags`] stores it).
    pub tag: Option<String>,
    /// Only items of this kind.
    pub kind: Option<String>,
    pub offset: i64,
    pub limit: i64,
}

impl Search {
    /// The words of the tag, which the full-text index narrows by before the exact tag is
    /// checked on the rows it finds ("forklift-safety": forklift, safety).
    fn tag_words(&self) -> Vec<String> {
        self.tag
            .as_deref()
            .map(|t| text::words(t).collect())
            .unwrap_or_default()
    }

    /// `LIKE` pattern of the exact tag among an entry's space-separated tags, or ''.
    fn tag_pattern(&self) -> String {
        self.tag
            .as_deref()
            .map(|t| format!("% {} %", like_literal(t)))
            .unwrap_or_default()
    }
}

/// The filters both dialects apply, on the entries table aliased `e`: $1 org, $2 exact tag
/// pattern or '', $3 kind or ''.
const FILTERS: &str = "e.org_id = $1 and ($2 = '' or ' ' || e.tags || ' ' like $2 escape '\\') \
                       and ($3 = '' or e.kind = $3)";

/// What a hit shows, from the entries table aliased `e`.
const HIT_COLUMNS: &str =
    "e.item_id, e.kind, e.title, e.tagline, e.tags, e.owner_id, e.created_at, e.updated_at";

/// Ranked searches consider the newest this many matches. A query so general that more items
/// match (a word found in nearly everything) is answered from the newest of them, so ranking
/// stays quick however large the library grows; more words or a tag narrow it.
pub const CANDIDATES: i64 = 2000;

/// Searches an organisation's library: best match first when there are words (among the newest
/// [`CANDIDATES`] matches), newest first otherwise; filtered by tag and kind.
pub async fn search(db: &Db, search: &Search) -> sqlx::Result<Vec<Hit>> {
    use sqlx::Row;
    let (sql, fts_query) = match db.backend() {
        Backend::Sqlite => sqlite::search_sql(search),
        Backend::Postgres => postgres::search_sql(search),
    };
    // Planned afresh for each query's own words: a plan cached for "any words" cannot tell a word
    // in every item (walk the newest) from a rare one (use the full-text index).
    let rows = sqlx::query(&sql)
        .persistent(false)
        .bind(&search.org_id)
        .bind(search.tag_pattern())
        .bind(search.kind.as_deref().unwrap_or_default())
        .bind(search.limit)
        .bind(fts_query)
        .bind(search.offset)
        .fetch_all(db.pool())
        .await?;
    let mut hits = rows
        .iter()
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
                poster_url: None,
                duration_s: None,
                content_type: None,
                at_s: None,
            })
        })
        .collect::<sqlx::Result<Vec<Hit>>>()?;
    add_video_pictures(db, &search.org_id, &mut hits).await?;
    add_handout_types(db, &search.org_id, &mut hits).await?;
    add_caption_times(db, search, &mut hits).await?;
    Ok(hits)
}

/// Tells, for the videos among `hits` whose captions hold the words, where they are said.
async fn add_caption_times(db: &Db, search: &Search, hits: &mut [Hit]) -> sqlx::Result<()> {
    let ids: Vec<&str> = hits
        .iter()
        .filter(|h| h.kind == "video")
        .map(|h| h.id.as_str())
        .collect();
    let found = captions::first_cues(db.pool(), &search.org_id, &ids, &search.terms).await?;
    for hit in hits.iter_mut() {
        hit.at_s = found.get(&hit.id).map(|&ms| ms as f64 / 1000.0);
    }
    Ok(())
}

/// Fills in the poster and length of the videos among `hits`, in one query.
async fn add_video_pictures(db: &Db, org_id: &str, hits: &mut [Hit]) -> sqlx::Result<()> {
    let ids: Vec<&str> = hits
        .iter()
        .filter(|h| h.kind == "video")
        .map(|h| h.id.as_str())
        .collect();
    if ids.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "select id, duration_ms, case when status = 'ready' and coalesce(width, 0) > 0 \
         then 1 else 0 end as has_poster from videos where org_id = $1 and id in ({})",
        marks(2, ids.len())
    );
    let mut query = sqlx::query_as::<_, (String, Option<i64>, i64)>(&sql).bind(org_id);
    for id in &ids {
        query = query.bind(*id);
    }
    for (id, duration_ms, has_poster) in query.fetch_all(db.pool()).await? {
        for hit in hits.iter_mut().filter(|h| h.id == id) {
            hit.duration_s = duration_ms.map(|ms| ms as f64 / 1000.0);
            hit.poster_url = (has_poster == 1).then(|| format!("/api/v1/videos/{id}/poster.jpg"));
        }
    }
    Ok(())
}

/// Fills in the document type of the handouts among `hits`, in one query.
async fn add_handout_types(db: &Db, org_id: &str, hits: &mut [Hit]) -> sqlx::Result<()> {
    let ids: Vec<&str> = hits
        .iter()
        .filter(|h| h.kind == "handout")
        .map(|h| h.id.as_str())
        .collect();
    if ids.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "select id, content_type from handouts where org_id = $1 and id in ({})",
        marks(2, ids.len())
    );
    let mut query = sqlx::query_as::<_, (String, String)>(&sql).bind(org_id);
    for id in &ids {
        query = query.bind(*id);
    }
    for (id, content_type) in query.fetch_all(db.pool()).await? {
        for hit in hits.iter_mut().filter(|h| h.id == id) {
            hit.content_type = Some(content_type.clone());
        }
    }
    Ok(())
}

/// `text` matched literally by `LIKE … ESCAPE '\'` (its `%` and `_` are not wildcards).
fn like_literal(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

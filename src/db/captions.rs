//! Captions of videos, one per video and language, with their cues: the cues' text makes the
//! video findable by what is said in it, and tells where (`search` finds the first cue).

use std::collections::HashMap;

use sqlx::{AnyExecutor, AnyPool};

use super::library::text::{self, Term};
use super::{Db, marks, new_id, now_ms, value_rows};

/// One caption as stored (and as `media::captions` reads it from a file): shown from `start_ms`
/// until `end_ms`, plain text (lines joined by `\n`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    pub start_ms: i64,
    pub end_ms: i64,
    pub text: String,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Caption {
    pub id: String,
    pub org_id: String,
    pub video_id: String,
    /// A language tag (`en`, `pt-BR`).
    pub language: String,
    /// What players show in their captions menu.
    pub label: String,
    pub cue_count: i64,
    pub store_key: String,
    pub created_by: Option<String>,
    /// Unix milliseconds.
    pub created_at: i64,
}

const COLUMNS: &str =
    "id, org_id, video_id, language, label, cue_count, store_key, created_by, created_at";

impl Caption {
    pub fn new(
        org_id: &str,
        video_id: &str,
        language: &str,
        label: &str,
        cues: usize,
        store_key: String,
        created_by: &str,
    ) -> Caption {
        Caption {
            id: new_id(),
            org_id: org_id.to_owned(),
            video_id: video_id.to_owned(),
            language: language.to_owned(),
            label: label.to_owned(),
            cue_count: cues as i64,
            store_key,
            created_by: Some(created_by.to_owned()),
            created_at: now_ms(),
        }
    }
}

/// Stores a caption and its cues in place of the video's caption in the same language.
pub async fn replace(db: &Db, caption: &Caption, cues: &[Cue]) -> sqlx::Result<()> {
    let mut tx = db.pool().begin().await?;
    sqlx::query("delete from captions where video_id = $1 and language = $2")
        .bind(&caption.video_id)
        .bind(&caption.language)
        .execute(&mut *tx)
        .await?;
    sqlx::query(&format!(
        "insert into captions ({COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    ))
    .bind(&caption.id)
    .bind(&caption.org_id)
    .bind(&caption.video_id)
    .bind(&caption.language)
    .bind(&caption.label)
    .bind(caption.cue_count)
    .bind(&caption.store_key)
    .bind(&caption.created_by)
    .bind(caption.created_at)
    .execute(&mut *tx)
    .await?;
    const CUE_COLUMNS: usize = 8;
    for (chunk_index, chunk) in cues.chunks(200).enumerate() {
        let sql = format!(
            "insert into caption_cues (caption_id, seq, org_id, video_id, start_ms, end_ms, text, \
             search_text) values {}",
            value_rows(chunk.len(), CUE_COLUMNS)
        );
        let mut query = sqlx::query(&sql);
        for (offset, cue) in chunk.iter().enumerate() {
            query = query
                .bind(&caption.id)
                .bind((chunk_index * 200 + offset) as i64)
                .bind(&caption.org_id)
                .bind(&caption.video_id)
                .bind(cue.start_ms)
                .bind(cue.end_ms)
                .bind(&cue.text)
                .bind(text::indexed(&cue.text));
        }
        query.execute(&mut *tx).await?;
    }
    tx.commit().await
}

/// A video's captions, by language.
pub async fn for_video<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    video_id: &str,
) -> sqlx::Result<Vec<Caption>> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from captions where org_id = $1 and video_id = $2 order by language"
    ))
    .bind(org_id)
    .bind(video_id)
    .fetch_all(db)
    .await
}

pub async fn get<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    video_id: &str,
    language: &str,
) -> sqlx::Result<Option<Caption>> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from captions where org_id = $1 and video_id = $2 and language = $3"
    ))
    .bind(org_id)
    .bind(video_id)
    .bind(language)
    .fetch_optional(db)
    .await
}

/// Removes a caption (and its cues); false when there was none.
pub async fn delete<'e>(db: impl AnyExecutor<'e>, caption: &Caption) -> sqlx::Result<bool> {
    let done = sqlx::query("delete from captions where id = $1 and org_id = $2")
        .bind(&caption.id)
        .bind(&caption.org_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// When a caption's last cue ends, in milliseconds (0 without cues).
pub async fn last_cue_end<'e>(db: impl AnyExecutor<'e>, caption_id: &str) -> sqlx::Result<i64> {
    let end: Option<i64> =
        sqlx::query_scalar("select max(end_ms) from caption_cues where caption_id = $1")
            .bind(caption_id)
            .fetch_one(db)
            .await?;
    Ok(end.unwrap_or(0))
}

/// What is said in each video of an organisation (or in one video), all languages, in time
/// order: what the library indexes with the video's description.
pub async fn transcripts(
    pool: &AnyPool,
    org_id: &str,
    video_id: Option<&str>,
) -> sqlx::Result<HashMap<String, String>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "select video_id, text from caption_cues where org_id = $1 and ($2 = '' or video_id = $2) \
         order by video_id, caption_id, seq",
    )
    .bind(org_id)
    .bind(video_id.unwrap_or_default())
    .fetch_all(pool)
    .await?;
    let mut out: HashMap<String, String> = HashMap::new();
    for (video, line) in rows {
        let transcript = out.entry(video).or_default();
        transcript.push_str(&line);
        transcript.push('\n');
    }
    Ok(out)
}

/// For each of `video_ids`, the start of its first cue holding every term (as typed, a word's
/// beginning; or its stem), in milliseconds. Videos where no single cue holds them all are
/// left out.
pub async fn first_cues(
    pool: &AnyPool,
    org_id: &str,
    video_ids: &[&str],
    terms: &[Term],
) -> sqlx::Result<HashMap<String, i64>> {
    let Some(first) = terms.first() else {
        return Ok(HashMap::new());
    };
    if video_ids.is_empty() {
        return Ok(HashMap::new());
    }
    // The database narrows to cues with a word beginning like the first term (as typed or as
    // its stem: their common start); the rest is checked here on those few.
    let start: String = first
        .word
        .chars()
        .zip(first.stem.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a)
        .collect();
    let sql = format!(
        "select video_id, start_ms, search_text from caption_cues where org_id = $1 \
         and ' ' || search_text like $2 and video_id in ({}) order by video_id, start_ms",
        marks(3, video_ids.len())
    );
    let mut query = sqlx::query_as::<_, (String, i64, String)>(&sql)
        .bind(org_id)
        .bind(format!("% {start}%"));
    for id in video_ids {
        query = query.bind(*id);
    }
    let mut found = HashMap::new();
    for (video, start_ms, indexed) in query.fetch_all(pool).await? {
        if found.contains_key(&video) {
            continue;
        }
        let words: Vec<&str> = indexed.split(' ').collect();
        let holds = |term: &Term| {
            words
                .iter()
                .any(|w| w.starts_with(&term.word) || *w == term.stem)
        };
        if terms.iter().all(holds) {
            found.insert(video, start_ms);
        }
    }
    Ok(found)
}

//! `reelhouse migrate-data`: moves an installation to another database and store, typically
//! the one box's SQLite and local files to PostgreSQL and S3. Every row is copied table by
//! table (parents first), then every object; a row or object the target already has is left as
//! it is, so a move that was interrupted resumes where it stopped. The library's search index
//! differs between the databases and is rebuilt on the target from the items. Then the rows of
//! every table are counted on both sides and every object's SHA-256 compared. The source is
//! only read.

use std::collections::BTreeSet;

use anyhow::{Context, bail};
use futures_util::StreamExt;
use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::config::Config;
use crate::db::{self, Backend, Db};
use crate::storage::{self, ObjectKey, Store, StoreError};

/// The tables copied, each after the tables its rows refer to.
const TABLES: &[&str] = &[
    "organisations",
    "users",
    "api_tokens",
    "sessions",
    "videos",
    "practice_steps",
    "uploads",
    "upload_parts",
    "jobs",
    "renditions",
    "handouts",
    "playlists",
    "playlist_items",
    "assignments",
    "progress",
    "invitations",
    "resources",
    "invitation_playlists",
    "assignment_rules",
    "item_opens",
    "expertise",
    "login_attempts",
    "password_resets",
    "oidc_providers",
    "oidc_logins",
    "captions",
    "caption_cues",
    "video_moments",
    "practice_attempts",
    "practice_reviewers",
    "practice_reviews",
    "practice_done",
    // Replies refer to the comment they answer, so the table is read top-level comments first.
    "comments",
    "notifications",
    "notification_settings",
    "unsubscribe_links",
    "digests",
    "quizzes",
    "quiz_questions",
    "quiz_attempts",
    "quiz_answers",
    "quiz_passed",
    "exercises",
    "exercise_submissions",
    "exercise_done",
    "objectives",
    "objective_links",
    "development_reviews",
    "expert_endorsements",
    "expert_log",
    "expert_log_tags",
];

/// Columns that refer to rows of their own table in any order (a person's manager may come
/// after them, or manage them back): copied in a second pass, once every row is there.
const SECOND_PASS: &[(&str, &str)] = &[("users", "manager_id")];

/// Tables of the search index (each database's own shape), rebuilt instead of copied.
fn is_search_index(table: &str) -> bool {
    table.starts_with("library_")
}

/// What a move did.
#[derive(Debug, Default)]
pub struct Moved {
    /// Each table and its rows (the same on both sides afterwards).
    pub rows: Vec<(String, i64)>,
    pub objects_copied: u64,
    pub objects_present: u64,
    pub bytes_copied: u64,
}

/// Moves the installation `source` describes to `target`'s database and store.
pub async fn migrate_data(source: &Config, target: &Config) -> anyhow::Result<Moved> {
    let from = Db::connect(&source.database_url)
        .await
        .context("cannot open the source database")?;
    from.migrate()
        .await
        .context("cannot bring the source database up to date")?;
    let to = Db::connect(&target.database_url)
        .await
        .context("cannot open the target database")?;
    to.migrate()
        .await
        .context("cannot create the tables in the target database")?;
    check_tables_known(&from).await?;

    let mut moved = Moved::default();
    for table in TABLES {
        copy_table(&from, &to, table)
            .await
            .with_context(|| format!("copying the table {table}"))?;
    }
    let orgs: Vec<String> = sqlx::query_scalar("select id from organisations")
        .fetch_all(to.pool())
        .await?;
    for org in &orgs {
        db::library::rebuild(&to, org)
            .await
            .context("rebuilding the search index")?;
    }

    let source_store = storage::open(source)
        .await
        .context("cannot open the source store")?;
    let target_store = storage::open(target)
        .await
        .context("cannot open the target store")?;
    copy_objects(source_store.as_ref(), target_store.as_ref(), &mut moved).await?;

    // Verify: the same rows in every table, the same bytes in every object.
    for table in TABLES {
        let count = |db: &Db| {
            let sql = format!("select count(*) from {table}");
            let pool = db.pool().clone();
            async move { sqlx::query_scalar::<_, i64>(&sql).fetch_one(&pool).await }
        };
        let (here, there) = (count(&from).await?, count(&to).await?);
        if here != there {
            bail!("{table}: {here} rows in the source but {there} in the target");
        }
        moved.rows.push(((*table).to_owned(), here));
    }
    for object in source_store.list("").await? {
        let key = ObjectKey::new(object.key.clone())?;
        let (a, b) = (
            sha256(source_store.as_ref(), &key).await?,
            sha256(target_store.as_ref(), &key).await?,
        );
        if a != b {
            bail!("{}: the target's copy differs from the source", object.key);
        }
    }
    from.close().await;
    to.close().await;
    Ok(moved)
}

/// Refuses a source with tables this version does not know how to move.
async fn check_tables_known(from: &Db) -> anyhow::Result<()> {
    let sql = match from.backend() {
        Backend::Sqlite => "select name from sqlite_master where type = 'table'",
        Backend::Postgres => {
            "select cast(table_name as text) as name from information_schema.tables \
             where table_schema = current_schema()"
        }
    };
    let tables: Vec<String> = sqlx::query_scalar(sql).fetch_all(from.pool()).await?;
    let unknown: BTreeSet<&String> = tables
        .iter()
        .filter(|t| {
            !TABLES.contains(&t.as_str())
                && !is_search_index(t)
                && !t.starts_with("_sqlx")
                && !t.starts_with("sqlite_")
        })
        .collect();
    if !unknown.is_empty() {
        bail!("the source has tables this version does not move: {unknown:?}");
    }
    Ok(())
}

/// How a column's values are carried.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Integer,
    Real,
    Bytes,
}

/// The target's columns of a table (those it stores, not computes) and their kinds.
async fn columns(db: &Db, table: &str) -> anyhow::Result<Vec<(String, Kind)>> {
    let rows = match db.backend() {
        Backend::Postgres => {
            sqlx::query(
                "select cast(column_name as text) as name, cast(data_type as text) as kind \
                 from information_schema.columns \
                 where table_schema = current_schema() and table_name = $1 \
                 and is_generated = 'NEVER' order by ordinal_position",
            )
            .bind(table)
            .fetch_all(db.pool())
            .await?
        }
        Backend::Sqlite => {
            sqlx::query("select name, type as kind from pragma_table_info($1) order by cid")
                .bind(table)
                .fetch_all(db.pool())
                .await?
        }
    };
    rows.iter()
        .map(|row| {
            let name: String = row.try_get("name")?;
            let kind: String = row.try_get("kind")?;
            let kind = kind.to_lowercase();
            let kind = if kind.contains("int") {
                Kind::Integer
            } else if kind.contains("double") || kind.contains("real") || kind.contains("float") {
                Kind::Real
            } else if kind.contains("bytea") || kind.contains("blob") {
                Kind::Bytes
            } else {
                Kind::Text
            };
            Ok((name, kind))
        })
        .collect()
}

/// Copies the rows of `table` the target does not have yet, streaming them from the source.
async fn copy_table(from: &Db, to: &Db, table: &str) -> anyhow::Result<()> {
    let source_columns: BTreeSet<String> = columns(from, table)
        .await?
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    let later: Vec<&str> = SECOND_PASS
        .iter()
        .filter(|(t, _)| *t == table)
        .map(|(_, column)| *column)
        .collect();
    let wanted: Vec<(String, Kind)> = columns(to, table)
        .await?
        .into_iter()
        .filter(|(name, _)| source_columns.contains(name) && !later.contains(&name.as_str()))
        .collect();
    let names: Vec<&str> = wanted.iter().map(|(n, _)| n.as_str()).collect();
    let list = names.join(", ");
    let insert = format!(
        "insert into {table} ({list}) values ({}) on conflict do nothing",
        db::marks(1, names.len())
    );
    // Rows of a table that refers to itself come parents first.
    let order = match table {
        "comments" => " order by parent_id is not null",
        _ => "",
    };
    let select = format!("select {list} from {table}{order}");
    let mut rows = sqlx::query(&select).fetch(from.pool());
    let mut tx = to.pool().begin().await?;
    let mut in_tx = 0;
    while let Some(row) = rows.next().await {
        let row = row?;
        let mut query = sqlx::query(&insert);
        for (i, (_, kind)) in wanted.iter().enumerate() {
            query = match kind {
                Kind::Integer => query.bind(row.try_get::<Option<i64>, _>(i)?),
                Kind::Real => query.bind(row.try_get::<Option<f64>, _>(i)?),
                Kind::Bytes => query.bind(row.try_get::<Option<Vec<u8>>, _>(i)?),
                Kind::Text => query.bind(row.try_get::<Option<String>, _>(i)?),
            };
        }
        query.execute(&mut *tx).await?;
        in_tx += 1;
        if in_tx == 500 {
            tx.commit().await?;
            tx = to.pool().begin().await?;
            in_tx = 0;
        }
    }
    tx.commit().await?;
    for column in later.iter().filter(|c| source_columns.contains(**c)) {
        copy_column(from, to, table, column).await?;
    }
    Ok(())
}

/// Sets a text column of rows already copied (by `id`) to the source's values.
async fn copy_column(from: &Db, to: &Db, table: &str, column: &str) -> anyhow::Result<()> {
    let select = format!("select id, {column} from {table} where {column} is not null");
    let update = format!("update {table} set {column} = $1 where id = $2");
    let mut rows = sqlx::query(&select).fetch(from.pool());
    let mut tx = to.pool().begin().await?;
    while let Some(row) = rows.next().await {
        let row = row?;
        sqlx::query(&update)
            .bind(row.try_get::<String, _>(1)?)
            .bind(row.try_get::<String, _>(0)?)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Copies every object the target lacks (or holds at another size), streaming each.
async fn copy_objects(from: &dyn Store, to: &dyn Store, moved: &mut Moved) -> anyhow::Result<()> {
    for object in from.list("").await? {
        let key = ObjectKey::new(object.key.clone())?;
        match to.head(&key).await {
            Ok(meta) if meta.size == object.size => {
                moved.objects_present += 1;
                continue;
            }
            Ok(_) | Err(StoreError::NotFound(_)) => {}
            Err(err) => return Err(err.into()),
        }
        let body = from.get_range(&key, None).await?.body;
        moved.bytes_copied += to.put_stream(&key, body).await?;
        moved.objects_copied += 1;
    }
    Ok(())
}

/// The SHA-256 of an object, read as a stream.
async fn sha256(store: &dyn Store, key: &ObjectKey) -> anyhow::Result<[u8; 32]> {
    let mut body = store.get_range(key, None).await?.body;
    let mut hash = Sha256::new();
    while let Some(chunk) = body.next().await {
        hash.update(&chunk?);
    }
    Ok(hash.finalize().into())
}

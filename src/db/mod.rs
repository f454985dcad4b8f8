//! The database: one pool over SQLite or PostgreSQL, the migrations, and the queries.
//!
//! Queries are written once in portable SQL (sqlx `Any`, `$1` placeholders, TEXT UUIDv7 ids,
//! INTEGER/BIGINT unix-millisecond times) and live in one file per table group. The few places
//! that need a backend's own dialect ask [`Db::backend`].

pub mod assignments;
pub mod captions;
pub mod comments;
pub mod development;
pub mod entries;
pub mod exercises;
pub mod experts;
pub mod handouts;
pub mod invitations;
pub mod jobs;
pub mod library;
pub mod logins;
pub mod moments;
pub mod notifications;
pub mod oidc;
pub mod opens;
pub mod orgs;
pub mod playlists;
pub mod practice;
pub mod progress;
pub mod quizzes;
pub mod resets;
pub mod resources;
pub mod sessions;
pub mod tokens;
pub mod uploads;
pub mod usage;
pub mod users;
pub mod videos;

use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, ConnectOptions, Executor};

use crate::config::DatabaseUrl;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// Which database engine a [`Db`] talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A connection pool and the engine behind it. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
}

impl Db {
    /// Connects to the database (creating an SQLite file and its folder when missing).
    /// Migrations are not applied; call [`Db::migrate`].
    pub async fn connect(url: &DatabaseUrl) -> Result<Db, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let (backend, url, max_connections) = match url {
            DatabaseUrl::Sqlite(path) => {
                if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    std::fs::create_dir_all(parent)?;
                }
                (
                    Backend::Sqlite,
                    format!("sqlite://{}?mode=rwc", path.display()),
                    8,
                )
            }
            DatabaseUrl::Postgres(url) => (Backend::Postgres, url.to_string(), 16),
        };
        let options = AnyConnectOptions::from_str(&url)?
            .log_slow_statements(tracing::log::LevelFilter::Warn, Duration::from_millis(500));
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers run beside the one writer; foreign keys are off by
                        // default in SQLite; a busy writer is waited for rather than failed.
                        conn.execute(
                            "pragma journal_mode = wal; pragma synchronous = normal; \
                             pragma foreign_keys = on; pragma busy_timeout = 10000;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        Ok(Db { pool, backend })
    }

    /// Applies the migrations of this backend that have not run yet.
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await,
        }
    }

    /// The pool, for queries.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The engine behind the pool.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Answers when the database answers a trivial query.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("select 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
    }

    /// Closes every connection (used at shutdown so SQLite checkpoints its WAL).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// A new time-ordered id.
/// `count` numbered bind marks from `$first`, comma separated: `$2, $3, $4` (an `in (...)` list).
pub fn marks(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The `values` of a multi-row insert: `rows` tuples of `columns` bind marks numbered from `$1`,
/// row after row: `($1, $2), ($3, $4)`.
pub fn value_rows(rows: usize, columns: usize) -> String {
    (0..rows)
        .map(|row| format!("({})", marks(row * columns + 1, columns)))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// The current time in unix milliseconds, the unit of every time column.
pub fn now_ms() -> i64 {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    i64::try_from(since_epoch.as_millis()).unwrap_or(i64::MAX)
}

/// The stored form of a boolean: 0 or 1. sqlx's `Any` driver cannot carry SQLite booleans, so
/// both schemas keep flags as integers.
/// The one of `all` stored as `word` (enums are kept as words such as "needs_work").
pub(crate) fn from_word<T: Copy>(
    all: &[T],
    as_str: fn(T) -> &'static str,
    word: &str,
) -> sqlx::Result<T> {
    all.iter()
        .copied()
        .find(|value| as_str(*value) == word)
        .ok_or_else(|| {
            sqlx::Error::Decode(format!("{word:?} is not a {}", std::any::type_name::<T>()).into())
        })
}

pub fn flag(value: bool) -> i64 {
    i64::from(value)
}

/// Whether an error is a unique-constraint violation (a duplicate).
pub fn is_unique_violation(err: &sqlx::Error) -> bool {
    matches!(err, sqlx::Error::Database(db) if db.is_unique_violation())
}

#[cfg(test)]
mod marks_tests {
    use super::*;

    #[test]
    fn bind_marks_are_numbered_in_order() {
        assert_eq!(marks(3, 2), "$3, $4");
        assert_eq!(value_rows(2, 3), "($1, $2, $3), ($4, $5, $6)");
    }
}

//! Sign-in attempts, one row per attempt and limiter key (a hash, see `auth::ratelimit`), so
//! every replica counts the same attempts.

use super::{Db, new_id};

/// Records an attempt against `key` at `at` (unix ms); returns its id.
pub async fn record(db: &Db, key: &str, at: i64) -> sqlx::Result<String> {
    let id = new_id();
    sqlx::query("insert into login_attempts (id, key, at) values ($1, $2, $3)")
        .bind(&id)
        .bind(key)
        .bind(at)
        .execute(db.pool())
        .await?;
    Ok(id)
}

/// How many attempts `key` has had since `since`, and when the oldest of them was.
pub async fn since(db: &Db, key: &str, since: i64) -> sqlx::Result<(i64, Option<i64>)> {
    sqlx::query_as("select count(*), min(at) from login_attempts where key = $1 and at >= $2")
        .bind(key)
        .bind(since)
        .fetch_one(db.pool())
        .await
}

/// Forgets the given attempts (a sign-in that succeeded is no guess).
pub async fn forget(db: &Db, ids: &[String]) -> sqlx::Result<()> {
    for id in ids {
        sqlx::query("delete from login_attempts where id = $1")
            .bind(id)
            .execute(db.pool())
            .await?;
    }
    Ok(())
}

/// Forgets every attempt against `key` (an account after its owner signed in).
pub async fn clear(db: &Db, key: &str) -> sqlx::Result<()> {
    sqlx::query("delete from login_attempts where key = $1")
        .bind(key)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Deletes attempts older than `before`; returns how many.
pub async fn prune(db: &Db, before: i64) -> sqlx::Result<u64> {
    let done = sqlx::query("delete from login_attempts where at < $1")
        .bind(before)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected())
}

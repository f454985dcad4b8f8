//! Password reset links: only a hash of each token is stored; a link works once, for a short
//! while, and every link of a person ends when their password changes.

use sqlx::AnyExecutor;

use super::{new_id, now_ms};
use crate::auth::secret;

/// How long a reset link works.
pub const RESET_TTL_MS: i64 = 3600 * 1000;

/// Makes a reset link's token for a user; returns it in clear (only now) and when it expires.
pub async fn create<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    user_id: &str,
) -> sqlx::Result<(String, i64)> {
    let token = secret::random_token();
    let now = now_ms();
    sqlx::query(
        "insert into password_resets (id, org_id, user_id, token_hash, created_at, expires_at) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id())
    .bind(org_id)
    .bind(user_id)
    .bind(secret::hash_token(&token))
    .bind(now)
    .bind(now + RESET_TTL_MS)
    .execute(db)
    .await?;
    Ok((token, now + RESET_TTL_MS))
}

/// The user a reset token is for, while it is unused and unexpired (without using it).
pub async fn user_of<'e>(db: impl AnyExecutor<'e>, token: &str) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "select user_id from password_resets \
         where token_hash = $1 and used_at is null and expires_at > $2",
    )
    .bind(secret::hash_token(token))
    .bind(now_ms())
    .fetch_optional(db)
    .await
}

/// Uses a reset token: marks it used and returns its user's id, when it is unused and unexpired.
/// Of two requests with the same token, only one gets the user.
pub async fn consume<'e>(db: impl AnyExecutor<'e>, token: &str) -> sqlx::Result<Option<String>> {
    let now = now_ms();
    sqlx::query_scalar(
        "update password_resets set used_at = $1 \
         where token_hash = $2 and used_at is null and expires_at > $1 returning user_id",
    )
    .bind(now)
    .bind(secret::hash_token(token))
    .fetch_optional(db)
    .await
}

/// Ends every unused reset link of a user (their password changed).
pub async fn end_for_user<'e>(db: impl AnyExecutor<'e>, user_id: &str) -> sqlx::Result<()> {
    sqlx::query("update password_resets set used_at = $1 where user_id = $2 and used_at is null")
        .bind(now_ms())
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(())
}

/// Removes links that can no longer be used.
pub async fn delete_expired<'e>(db: impl AnyExecutor<'e>) -> sqlx::Result<u64> {
    let done = sqlx::query("delete from password_resets where expires_at <= $1")
        .bind(now_ms())
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

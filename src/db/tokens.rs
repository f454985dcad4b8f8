//! API tokens. Only a hash is stored; the token is shown once, when it is made.

use sqlx::AnyExecutor;

use super::{new_id, now_ms};
use crate::auth::secret;

/// Every token starts with this, so a leaked one is easy to recognise in logs and scanners.
pub const TOKEN_PREFIX: &str = "rh_";

/// Creates a token for a user and returns its id and the token in clear (the only time it
/// exists in clear). `expires_at` (Unix milliseconds): when it stops working; `None`: never.
pub async fn create<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    user_id: &str,
    name: &str,
    expires_at: Option<i64>,
) -> sqlx::Result<(String, String)> {
    let id = new_id();
    let token = format!("{TOKEN_PREFIX}{}", secret::random_token());
    sqlx::query(
        "insert into api_tokens (id, org_id, user_id, name, token_hash, created_at, expires_at) \
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(org_id)
    .bind(user_id)
    .bind(name)
    .bind(secret::hash_token(&token))
    .bind(now_ms())
    .bind(expires_at)
    .execute(db)
    .await?;
    Ok((id, token))
}

/// When a token made now for `days` days stops working.
pub fn expiry_in_days(days: Option<u32>) -> Option<i64> {
    days.map(|d| now_ms() + i64::from(d) * 24 * 3600 * 1000)
}

/// An API token as its owner sees it: never the token itself.
#[derive(Clone, Debug, serde::Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct TokenInfo {
    pub id: String,
    pub name: String,
    /// Unix milliseconds.
    pub created_at: i64,
    /// Unix milliseconds, to the minute; null when never used.
    #[schema(required = true)]
    pub last_used_at: Option<i64>,
    /// Unix milliseconds when the token stops working; null when it never expires.
    #[schema(required = true)]
    pub expires_at: Option<i64>,
}

/// The unrevoked tokens of a user, newest first.
pub async fn list_for_user<'e>(
    db: impl AnyExecutor<'e>,
    user_id: &str,
) -> sqlx::Result<Vec<TokenInfo>> {
    sqlx::query_as(
        "select id, name, created_at, last_used_at, expires_at from api_tokens \
         where user_id = $1 and revoked_at is null order by created_at desc",
    )
    .bind(user_id)
    .fetch_all(db)
    .await
}

/// Revokes one token of a user; false when the user has no such token.
pub async fn revoke<'e>(
    db: impl AnyExecutor<'e>,
    user_id: &str,
    token_id: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "update api_tokens set revoked_at = $1 \
         where id = $2 and user_id = $3 and revoked_at is null",
    )
    .bind(now_ms())
    .bind(token_id)
    .bind(user_id)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Revokes every token of a user (deactivation).
pub async fn revoke_all_for_user<'e>(db: impl AnyExecutor<'e>, user_id: &str) -> sqlx::Result<()> {
    sqlx::query("update api_tokens set revoked_at = $1 where user_id = $2 and revoked_at is null")
        .bind(now_ms())
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(())
}

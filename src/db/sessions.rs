//! Browser sessions and the look-up of who is calling (by session cookie or API token).

use sqlx::{AnyExecutor, AnyPool};

use super::orgs::Org;
use super::users::User;
use super::{new_id, now_ms};
use crate::auth::secret;

/// How long a session lasts after sign-in.
pub const SESSION_TTL_MS: i64 = 14 * 24 * 3600 * 1000;

/// A signed-in person and their organisation.
#[derive(Clone, Debug)]
pub struct Identity {
    pub user: User,
    pub org: Org,
}

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Identity {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<Identity> {
        use sqlx::Row;
        Ok(Identity {
            user: User::from_row(row)?,
            org: Org {
                id: row.try_get("org_id")?,
                slug: row.try_get("org_slug")?,
                name: row.try_get("org_name")?,
            },
        })
    }
}

fn identity_columns() -> String {
    format!(
        "{}, o.slug as org_slug, o.name as org_name",
        super::users::USER_COLUMNS
    )
}

/// Starts a session for a user and returns the cookie value (in clear, only now).
pub async fn create<'e>(db: impl AnyExecutor<'e>, user: &User) -> sqlx::Result<String> {
    let token = secret::random_token();
    let now = now_ms();
    sqlx::query(
        "insert into sessions (id, org_id, user_id, token_hash, created_at, expires_at) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id())
    .bind(&user.org_id)
    .bind(&user.id)
    .bind(secret::hash_token(&token))
    .bind(now)
    .bind(now + SESSION_TTL_MS)
    .execute(db)
    .await?;
    Ok(token)
}

/// The active user behind a session cookie that has not expired.
pub async fn identity_by_session(pool: &AnyPool, token: &str) -> sqlx::Result<Option<Identity>> {
    sqlx::query_as(&format!(
        "select {} from sessions s \
         join users u on u.id = s.user_id join organisations o on o.id = u.org_id \
         where s.token_hash = $1 and s.expires_at > $2 and u.active = 1",
        identity_columns()
    ))
    .bind(secret::hash_token(token))
    .bind(now_ms())
    .fetch_optional(pool)
    .await
}

/// The active user behind an API token that has not been revoked.
pub async fn identity_by_token(pool: &AnyPool, token: &str) -> sqlx::Result<Option<Identity>> {
    let hash = secret::hash_token(token);
    let identity = sqlx::query_as(&format!(
        "select {} from api_tokens t \
         join users u on u.id = t.user_id join organisations o on o.id = u.org_id \
         where t.token_hash = $1 and t.revoked_at is null and u.active = 1 \
         and (t.expires_at is null or t.expires_at > $2)",
        identity_columns()
    ))
    .bind(&hash)
    .bind(now_ms())
    .fetch_optional(pool)
    .await?;
    if identity.is_some() {
        // Recorded at most once a minute, so a busy token does not write on every request.
        let now = now_ms();
        sqlx::query(
            "update api_tokens set last_used_at = $1 \
             where token_hash = $2 and (last_used_at is null or last_used_at < $3)",
        )
        .bind(now)
        .bind(&hash)
        .bind(now - 60_000)
        .execute(pool)
        .await?;
    }
    Ok(identity)
}

/// Ends the session with this cookie value.
pub async fn delete_by_token<'e>(db: impl AnyExecutor<'e>, token: &str) -> sqlx::Result<()> {
    sqlx::query("delete from sessions where token_hash = $1")
        .bind(secret::hash_token(token))
        .execute(db)
        .await?;
    Ok(())
}

/// Ends every session of a user but the one with this cookie value (a password change).
pub async fn delete_others<'e>(
    db: impl AnyExecutor<'e>,
    user_id: &str,
    keep_token: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query("delete from sessions where user_id = $1 and token_hash <> $2")
        .bind(user_id)
        .bind(keep_token.map(secret::hash_token).unwrap_or_default())
        .execute(db)
        .await?;
    Ok(())
}

/// Ends every session of a user (deactivation, a password reset).
pub async fn delete_for_user<'e>(db: impl AnyExecutor<'e>, user_id: &str) -> sqlx::Result<()> {
    sqlx::query("delete from sessions where user_id = $1")
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(())
}

/// How many sessions have not expired.
pub async fn count_active<'e>(db: impl AnyExecutor<'e>) -> sqlx::Result<i64> {
    sqlx::query_scalar("select count(*) from sessions where expires_at > $1")
        .bind(now_ms())
        .fetch_one(db)
        .await
}

/// Removes expired sessions; returns how many.
pub async fn delete_expired<'e>(db: impl AnyExecutor<'e>) -> sqlx::Result<u64> {
    let done = sqlx::query("delete from sessions where expires_at <= $1")
        .bind(now_ms())
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

/// A credential a request carries.
#[derive(Clone, Copy, Debug)]
pub enum Credential<'a> {
    Session(&'a str),
    ApiToken(&'a str),
}

/// A video as seen by the holder of a credential, authenticated and looked up in one query
/// (media requests are the hot path). `None`: the credential is not valid; `Some(None)`: no
/// such video in the holder's organisation (or one held for review, or a practice attempt's
/// recording, that is neither theirs nor theirs to review).
pub async fn video_for(
    pool: &AnyPool,
    credential: Credential<'_>,
    video_id: &str,
) -> sqlx::Result<Option<Option<super::videos::Video>>> {
    use sqlx::{FromRow, Row};
    let video_columns: Vec<String> = super::videos::COLUMNS
        .split(',')
        .map(|c| format!("v.{0} as {0}", c.trim()))
        .collect();
    let (from, token) = match credential {
        Credential::Session(token) => (
            "sessions c join users u on u.id = c.user_id \
             where c.token_hash = $1 and c.expires_at > $3 and u.active = 1 \
             and u.must_change_password = 0",
            token,
        ),
        Credential::ApiToken(token) => (
            "api_tokens c join users u on u.id = c.user_id \
             where c.token_hash = $1 and c.revoked_at is null and u.active = 1 \
             and (c.expires_at is null or c.expires_at > $3) and u.must_change_password = 0",
            token,
        ),
    };
    let (from, condition) = from.split_once(" where ").expect("the clause has a where");
    let sql = format!(
        "select {} from {from} left join videos v on v.org_id = u.org_id and v.id = $2 \
         and (v.held = 0 or v.owner_id = u.id or u.role in ('trainer', 'admin')) \
         and (v.private = 0 or v.owner_id = u.id or u.role in ('trainer', 'admin') \
              or exists (select 1 from practice_attempts pa join practice_reviewers pr \
                           on pr.step_id = pa.step_id and pr.learner_id = pa.user_id \
                         where pa.video_id = v.id and pr.reviewer_id = u.id)) \
         where {condition}",
        video_columns.join(", ")
    );
    let row = sqlx::query(&sql)
        .bind(secret::hash_token(token))
        .bind(video_id)
        .bind(now_ms())
        .fetch_optional(pool)
        .await?;
    let Some(row) = row else { return Ok(None) };
    if row.try_get::<Option<String>, _>("id")?.is_none() {
        return Ok(Some(None));
    }
    Ok(Some(Some(super::videos::Video::from_row(&row)?)))
}

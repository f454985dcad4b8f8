//! Invitations: single-use, expiring links that let a new person join an organisation.

use sqlx::AnyExecutor;

use super::users::Role;
use super::{new_id, now_ms};
use crate::auth::secret;

/// How long an invitation link stays valid.
pub const INVITATION_TTL_MS: i64 = 7 * 24 * 3600 * 1000;

#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Invitation {
    pub id: String,
    #[serde(skip)]
    pub org_id: String,
    pub email: String,
    pub role: Role,
    /// The group the person joins (set on their account when they accept).
    #[schema(required = true)]
    pub cohort: Option<String>,
    /// Unix milliseconds.
    pub created_at: i64,
    /// Unix milliseconds.
    pub expires_at: i64,
    /// Unix milliseconds; null while unused.
    #[schema(required = true)]
    pub accepted_at: Option<i64>,
    /// Unix milliseconds; null unless revoked.
    #[schema(required = true)]
    pub revoked_at: Option<i64>,
}

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Invitation {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<Invitation> {
        use sqlx::Row;
        let role: String = row.try_get("role")?;
        Ok(Invitation {
            id: row.try_get("id")?,
            org_id: row.try_get("org_id")?,
            email: row.try_get("email")?,
            role: role
                .parse()
                .map_err(|e: String| sqlx::Error::Decode(e.into()))?,
            cohort: row.try_get("cohort")?,
            created_at: row.try_get("created_at")?,
            expires_at: row.try_get("expires_at")?,
            accepted_at: row.try_get("accepted_at")?,
            revoked_at: row.try_get("revoked_at")?,
        })
    }
}

const COLUMNS: &str =
    "id, org_id, email, role, cohort, created_at, expires_at, accepted_at, revoked_at";

/// Creates an invitation and returns it with its token (in clear, only now).
pub async fn create<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    email: &str,
    role: Role,
    cohort: Option<&str>,
    invited_by: &str,
) -> sqlx::Result<(Invitation, String)> {
    let token = secret::random_token();
    let now = now_ms();
    let invitation = Invitation {
        id: new_id(),
        org_id: org_id.to_owned(),
        email: super::users::normalize_email(email),
        role,
        cohort: cohort.map(str::to_owned),
        created_at: now,
        expires_at: now + INVITATION_TTL_MS,
        accepted_at: None,
        revoked_at: None,
    };
    sqlx::query(
        "insert into invitations \
         (id, org_id, email, role, cohort, token_hash, invited_by, created_at, expires_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&invitation.id)
    .bind(org_id)
    .bind(&invitation.email)
    .bind(role.as_str())
    .bind(cohort)
    .bind(secret::hash_token(&token))
    .bind(invited_by)
    .bind(now)
    .bind(invitation.expires_at)
    .execute(db)
    .await?;
    Ok((invitation, token))
}

pub async fn by_token<'e>(
    db: impl AnyExecutor<'e>,
    token: &str,
) -> sqlx::Result<Option<Invitation>> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from invitations where token_hash = $1"
    ))
    .bind(secret::hash_token(token))
    .fetch_optional(db)
    .await
}

/// The organisation's invitations that are neither used nor revoked, newest first.
pub async fn pending_in_org<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
) -> sqlx::Result<Vec<Invitation>> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from invitations \
         where org_id = $1 and accepted_at is null and revoked_at is null \
         order by created_at desc"
    ))
    .bind(org_id)
    .fetch_all(db)
    .await
}

/// Marks an invitation used. False when it was used (or revoked) meanwhile: single use holds
/// even when two people race with the same link.
pub async fn mark_accepted<'e>(db: impl AnyExecutor<'e>, id: &str) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "update invitations set accepted_at = $1 \
         where id = $2 and accepted_at is null and revoked_at is null",
    )
    .bind(now_ms())
    .bind(id)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The role an invitation of the organisation grants; `None` when there is no such invitation.
pub async fn role_of<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    id: &str,
) -> sqlx::Result<Option<Role>> {
    let role: Option<String> =
        sqlx::query_scalar("select role from invitations where org_id = $1 and id = $2")
            .bind(org_id)
            .bind(id)
            .fetch_optional(db)
            .await?;
    Ok(role.and_then(|r| r.parse().ok()))
}

/// Revokes a pending invitation of an organisation; false when there is none.
pub async fn revoke<'e>(db: impl AnyExecutor<'e>, org_id: &str, id: &str) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "update invitations set revoked_at = $1 \
         where org_id = $2 and id = $3 and accepted_at is null and revoked_at is null",
    )
    .bind(now_ms())
    .bind(org_id)
    .bind(id)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives a pending invitation a new link (the old one stops working) and a new expiry; `None`
/// when the organisation has no such invitation still open.
pub async fn renew<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    id: &str,
) -> sqlx::Result<Option<(Invitation, String)>> {
    let token = secret::random_token();
    let invitation: Option<Invitation> = sqlx::query_as(&format!(
        "update invitations set token_hash = $1, expires_at = $2 \
         where org_id = $3 and id = $4 and accepted_at is null and revoked_at is null \
         returning {COLUMNS}"
    ))
    .bind(secret::hash_token(&token))
    .bind(now_ms() + INVITATION_TTL_MS)
    .bind(org_id)
    .bind(id)
    .fetch_optional(db)
    .await?;
    Ok(invitation.map(|invitation| (invitation, token)))
}

/// The playlists an invitation carries.
pub async fn playlists_of<'e>(db: impl AnyExecutor<'e>, id: &str) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar(
        "select playlist_id from invitation_playlists where invitation_id = $1 order by playlist_id",
    )
    .bind(id)
    .fetch_all(db)
    .await
}

/// Makes an invitation carry a playlist, assigned when the person accepts (due `due_days`
/// after that, when given).
pub async fn carry_playlist<'e>(
    db: impl AnyExecutor<'e>,
    invitation_id: &str,
    playlist_id: &str,
    due_days: Option<i64>,
) -> sqlx::Result<()> {
    sqlx::query(
        "insert into invitation_playlists (invitation_id, playlist_id, due_days) values ($1, $2, $3) \
         on conflict (invitation_id, playlist_id) do update set due_days = excluded.due_days",
    )
    .bind(invitation_id)
    .bind(playlist_id)
    .bind(due_days)
    .execute(db)
    .await?;
    Ok(())
}

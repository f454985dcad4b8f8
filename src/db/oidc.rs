//! Sign-in with an organisation's OpenID Connect provider: each organisation's provider settings,
//! whether its people may still sign in with a password, and the sign-ins under way.

use sqlx::AnyExecutor;

use super::now_ms;
use super::users::Role;
use crate::auth::secret;

/// How long a person has to sign in at the provider once they were sent there.
pub const LOGIN_TTL_MS: i64 = 10 * 60 * 1000;

/// An organisation's OpenID provider, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provider {
    pub org_id: String,
    /// Shown on the sign-in button: "Sign in with <name>".
    pub name: String,
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    /// Lower-case email domains the provider signs in.
    pub domains: Vec<String>,
    /// Whether people the organisation does not know yet get an account at their first sign-in.
    pub create_users: bool,
    /// The role of such new accounts.
    pub default_role: Role,
}

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Provider {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<Provider> {
        use sqlx::Row;
        let domains: String = row.try_get("domains")?;
        let role: String = row.try_get("default_role")?;
        Ok(Provider {
            org_id: row.try_get("org_id")?,
            name: row.try_get("name")?,
            issuer: row.try_get("issuer")?,
            client_id: row.try_get("client_id")?,
            client_secret: row.try_get("client_secret")?,
            domains: domains.split_whitespace().map(str::to_owned).collect(),
            create_users: row.try_get::<i64, _>("create_users")? != 0,
            default_role: role
                .parse()
                .map_err(|e: String| sqlx::Error::Decode(e.into()))?,
        })
    }
}

const PROVIDER_COLUMNS: &str =
    "org_id, name, issuer, client_id, client_secret, domains, create_users, default_role";

/// An organisation's provider, if it has one.
pub async fn provider<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
) -> sqlx::Result<Option<Provider>> {
    sqlx::query_as(&format!(
        "select {PROVIDER_COLUMNS} from oidc_providers where org_id = $1"
    ))
    .bind(org_id)
    .fetch_optional(db)
    .await
}

/// Every organisation's provider (few: one per organisation using SSO).
pub async fn providers<'e>(db: impl AnyExecutor<'e>) -> sqlx::Result<Vec<Provider>> {
    sqlx::query_as(&format!("select {PROVIDER_COLUMNS} from oidc_providers"))
        .fetch_all(db)
        .await
}

/// The provider covering an email's domain.
pub async fn provider_for_email<'e>(
    db: impl AnyExecutor<'e>,
    email: &str,
) -> sqlx::Result<Option<Provider>> {
    let Some((_, domain)) = email.trim().rsplit_once('@') else {
        return Ok(None);
    };
    let domain = domain.to_lowercase();
    Ok(providers(db)
        .await?
        .into_iter()
        .find(|p| p.domains.contains(&domain)))
}

/// Whether people of another organisation than `org_id` have addresses at `domain` (lower-case
/// letters, digits, dots and dashes: nothing LIKE reads as a wildcard).
pub async fn domain_has_people_elsewhere<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    domain: &str,
) -> sqlx::Result<bool> {
    let count: i64 =
        sqlx::query_scalar("select count(*) from users where org_id <> $1 and email like $2")
            .bind(org_id)
            .bind(format!("%@{domain}"))
            .fetch_one(db)
            .await?;
    Ok(count > 0)
}

/// Creates or replaces an organisation's provider.
pub async fn save_provider<'e>(db: impl AnyExecutor<'e>, provider: &Provider) -> sqlx::Result<()> {
    sqlx::query(
        "insert into oidc_providers (org_id, name, issuer, client_id, client_secret, domains, \
           create_users, default_role, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         on conflict (org_id) do update set name = excluded.name, issuer = excluded.issuer, \
           client_id = excluded.client_id, client_secret = excluded.client_secret, \
           domains = excluded.domains, create_users = excluded.create_users, \
           default_role = excluded.default_role, updated_at = excluded.updated_at",
    )
    .bind(&provider.org_id)
    .bind(&provider.name)
    .bind(&provider.issuer)
    .bind(&provider.client_id)
    .bind(&provider.client_secret)
    .bind(provider.domains.join(" "))
    .bind(super::flag(provider.create_users))
    .bind(provider.default_role.as_str())
    .bind(now_ms())
    .execute(db)
    .await?;
    Ok(())
}

/// Removes an organisation's provider; false when it had none.
pub async fn delete_provider<'e>(db: impl AnyExecutor<'e>, org_id: &str) -> sqlx::Result<bool> {
    let done = sqlx::query("delete from oidc_providers where org_id = $1")
        .bind(org_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether an organisation's people may sign in with a password.
pub async fn password_sign_in<'e>(db: impl AnyExecutor<'e>, org_id: &str) -> sqlx::Result<bool> {
    let allowed: Option<i64> =
        sqlx::query_scalar("select password_sign_in from organisations where id = $1")
            .bind(org_id)
            .fetch_optional(db)
            .await?;
    Ok(allowed.is_none_or(|a| a != 0))
}

pub async fn set_password_sign_in<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    allowed: bool,
) -> sqlx::Result<()> {
    sqlx::query("update organisations set password_sign_in = $1 where id = $2")
        .bind(super::flag(allowed))
        .bind(org_id)
        .execute(db)
        .await?;
    Ok(())
}

/// A sign-in under way: what the provider's answer must match.
#[derive(Clone, Debug)]
pub struct Login {
    pub org_id: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// Records a sign-in sent to the provider with `state` (only its hash is kept).
pub async fn start_login<'e>(
    db: impl AnyExecutor<'e>,
    state: &str,
    login: &Login,
) -> sqlx::Result<()> {
    let now = now_ms();
    sqlx::query(
        "insert into oidc_logins (state_hash, org_id, nonce, pkce_verifier, created_at, expires_at) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(secret::hash_token(state))
    .bind(&login.org_id)
    .bind(&login.nonce)
    .bind(&login.pkce_verifier)
    .bind(now)
    .bind(now + LOGIN_TTL_MS)
    .execute(db)
    .await?;
    Ok(())
}

/// Takes the sign-in started with `state`: it can be finished once, before it expires.
pub async fn take_login<'e>(db: impl AnyExecutor<'e>, state: &str) -> sqlx::Result<Option<Login>> {
    use sqlx::Row;
    let row = sqlx::query(
        "delete from oidc_logins where state_hash = $1 and expires_at > $2 \
         returning org_id, nonce, pkce_verifier",
    )
    .bind(secret::hash_token(state))
    .bind(now_ms())
    .fetch_optional(db)
    .await?;
    row.map(|row| {
        Ok(Login {
            org_id: row.try_get("org_id")?,
            nonce: row.try_get("nonce")?,
            pkce_verifier: row.try_get("pkce_verifier")?,
        })
    })
    .transpose()
}

/// Removes sign-ins that were never finished.
pub async fn delete_expired_logins<'e>(db: impl AnyExecutor<'e>) -> sqlx::Result<u64> {
    let done = sqlx::query("delete from oidc_logins where expires_at <= $1")
        .bind(now_ms())
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

//! Organisations: the companies using Reelhouse, each a walled garden.

use serde::Serialize;
use sqlx::AnyExecutor;

use super::{new_id, now_ms};

/// The slug of the organisation created on first start.
pub const DEFAULT_SLUG: &str = "default";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Org {
    pub id: String,
    pub slug: String,
    pub name: String,
}

/// Whether a slug is usable in URLs and on the command line: lower-case letters, digits and
/// dashes, 2 to 63 characters, not starting or ending with a dash.
pub fn is_valid_slug(slug: &str) -> bool {
    (2..=63).contains(&slug.len())
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

pub async fn by_slug<'e>(db: impl AnyExecutor<'e>, slug: &str) -> sqlx::Result<Option<Org>> {
    sqlx::query_as("select id, slug, name from organisations where slug = $1")
        .bind(slug)
        .fetch_optional(db)
        .await
}

pub async fn by_id<'e>(db: impl AnyExecutor<'e>, id: &str) -> sqlx::Result<Option<Org>> {
    sqlx::query_as("select id, slug, name from organisations where id = $1")
        .bind(id)
        .fetch_optional(db)
        .await
}

/// Creates an organisation with a fresh signing key.
pub async fn create<'e>(db: impl AnyExecutor<'e>, slug: &str, name: &str) -> sqlx::Result<Org> {
    let org = Org {
        id: new_id(),
        slug: slug.to_owned(),
        name: name.to_owned(),
    };
    sqlx::query(
        "insert into organisations (id, slug, name, signing_key, created_at) \
         values ($1, $2, $3, $4, $5)",
    )
    .bind(&org.id)
    .bind(&org.slug)
    .bind(&org.name)
    .bind(crate::auth::secret::random_hex(32))
    .bind(now_ms())
    .execute(db)
    .await?;
    Ok(org)
}

/// The organisation with `slug`, created with `name` when it does not exist yet.
pub async fn get_or_create(pool: &sqlx::AnyPool, slug: &str, name: &str) -> sqlx::Result<Org> {
    if let Some(org) = by_slug(pool, slug).await? {
        return Ok(org);
    }
    match create(pool, slug, name).await {
        Ok(org) => Ok(org),
        // Another process created it between our look-up and insert.
        Err(err) if super::is_unique_violation(&err) => by_slug(pool, slug).await?.ok_or(err),
        Err(err) => Err(err),
    }
}

/// The default organisation, created on first start.
pub async fn ensure_default(pool: &sqlx::AnyPool) -> sqlx::Result<Org> {
    get_or_create(pool, DEFAULT_SLUG, "Reelhouse").await
}

/// An organisation's policies and its playback signing key.
#[derive(Clone, Debug)]
pub struct Policy {
    pub signing_key: String,
    pub allow_public_links: bool,
    pub allow_downloads: bool,
    pub review_uploads: bool,
    pub completion_threshold: f64,
}

pub async fn policy<'e>(db: impl AnyExecutor<'e>, org_id: &str) -> sqlx::Result<Option<Policy>> {
    use sqlx::Row;
    let row = sqlx::query(
        "select signing_key, allow_public_links, allow_downloads, review_uploads, completion_threshold \
         from organisations where id = $1",
    )
    .bind(org_id)
    .fetch_optional(db)
    .await?;
    row.map(|row| {
        Ok(Policy {
            signing_key: row.try_get("signing_key")?,
            allow_public_links: row.try_get::<i64, _>("allow_public_links")? != 0,
            allow_downloads: row.try_get::<i64, _>("allow_downloads")? != 0,
            review_uploads: row.try_get::<i64, _>("review_uploads")? != 0,
            completion_threshold: row.try_get("completion_threshold")?,
        })
    })
    .transpose()
}

/// Sets an organisation's policies (the signing key is left alone).
pub async fn set_policy<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    policy: &Policy,
) -> sqlx::Result<()> {
    sqlx::query(
        "update organisations set allow_public_links = $1, allow_downloads = $2, review_uploads = $3, \
         completion_threshold = $4 where id = $5",
    )
    .bind(super::flag(policy.allow_public_links))
    .bind(super::flag(policy.allow_downloads))
    .bind(super::flag(policy.review_uploads))
    .bind(policy.completion_threshold)
    .bind(org_id)
    .execute(db)
    .await?;
    Ok(())
}

/// Replaces the playback signing key: every signed link handed out stops working.
pub async fn rotate_signing_key<'e>(db: impl AnyExecutor<'e>, org_id: &str) -> sqlx::Result<()> {
    sqlx::query("update organisations set signing_key = $1 where id = $2")
        .bind(crate::auth::secret::random_hex(32))
        .bind(org_id)
        .execute(db)
        .await?;
    Ok(())
}

/// An organisation's look, as the sign-in page and the app wear it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Branding {
    pub name: String,
    /// The logo image, when one was uploaded.
    #[schema(required = true)]
    pub logo_url: Option<String>,
    /// `#rrggbb`; null for the default.
    #[schema(required = true)]
    pub primary_color: Option<String>,
    #[schema(required = true)]
    pub accent_color: Option<String>,
    #[schema(required = true)]
    pub welcome_message: Option<String>,
}

pub async fn branding<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
) -> sqlx::Result<Option<Branding>> {
    use sqlx::Row;
    let row = sqlx::query(
        "select slug, name, logo_key, primary_color, accent_color, welcome_message from organisations where id = $1",
    )
    .bind(org_id)
    .fetch_optional(db)
    .await?;
    row.map(|row| {
        let logo_key: Option<String> = row.try_get("logo_key")?;
        let slug: String = row.try_get("slug")?;
        Ok(Branding {
            name: row.try_get("name")?,
            // The key changes with each new logo, so the URL does too and caches stay right.
            logo_url: logo_key.map(|key| {
                let version = key.rsplit('/').next().unwrap_or_default().to_owned();
                format!("/api/v1/branding/logo?org={slug}&v={version}")
            }),
            primary_color: row.try_get("primary_color")?,
            accent_color: row.try_get("accent_color")?,
            welcome_message: row.try_get("welcome_message")?,
        })
    })
    .transpose()
}

pub async fn set_branding<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    branding: &Branding,
) -> sqlx::Result<()> {
    sqlx::query(
        "update organisations set name = $1, primary_color = $2, accent_color = $3, welcome_message = $4 \
         where id = $5",
    )
    .bind(&branding.name)
    .bind(&branding.primary_color)
    .bind(&branding.accent_color)
    .bind(&branding.welcome_message)
    .bind(org_id)
    .execute(db)
    .await?;
    Ok(())
}

/// The store key of an organisation's logo, if it has one.
pub async fn logo_key<'e>(db: impl AnyExecutor<'e>, org_id: &str) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("select logo_key from organisations where id = $1")
        .bind(org_id)
        .fetch_optional(db)
        .await
        .map(Option::flatten)
}

pub async fn set_logo<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    key: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query("update organisations set logo_key = $1 where id = $2")
        .bind(key)
        .bind(org_id)
        .execute(db)
        .await?;
    Ok(())
}

/// Locks an organisation's row until the transaction ends, so changes that must see each other
/// (a standing assignment being made, a person joining) take turns.
pub async fn lock(conn: &mut sqlx::AnyConnection, org_id: &str) -> sqlx::Result<()> {
    sqlx::query("update organisations set id = id where id = $1")
        .bind(org_id)
        .execute(conn)
        .await?;
    Ok(())
}

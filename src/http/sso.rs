//! An organisation's single sign-on settings, for its admins: the OpenID provider (issuer,
//! client, the email domains it covers, whether it creates accounts and with which role) and
//! whether passwords still work. The sign-in itself is in [`super::oidc`].

use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Admin, Caller};
use super::error::ErrorBody;
use super::oidc::redirect_uri;
use super::{ApiError, AppState, Json};
use crate::auth::oidc as protocol;
use crate::db::oidc::{self, Provider};
use crate::db::users::Role;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(
        get_sso_settings,
        put_sso_settings,
        delete_sso_settings
    ))
}

/// The organisation's single sign-on, as its admins see it (never the client secret).
#[derive(Serialize, ToSchema)]
pub struct SsoSettings {
    pub configured: bool,
    pub name: String,
    pub issuer: String,
    pub client_id: String,
    pub client_secret_set: bool,
    pub domains: Vec<String>,
    pub create_users: bool,
    pub default_role: Role,
    /// False: the organisation's people sign in through the provider only.
    pub password_sign_in: bool,
    /// The redirect URI to register at the provider.
    pub redirect_uri: String,
}

async fn settings_of(state: &AppState, org_id: &str) -> Result<SsoSettings, ApiError> {
    let pool = state.db.pool();
    let provider = oidc::provider(pool, org_id).await?;
    let password_sign_in = oidc::password_sign_in(pool, org_id).await?;
    let redirect_uri = redirect_uri(state);
    Ok(match provider {
        Some(p) => SsoSettings {
            configured: true,
            name: p.name,
            issuer: p.issuer,
            client_id: p.client_id,
            client_secret_set: !p.client_secret.is_empty(),
            domains: p.domains,
            create_users: p.create_users,
            default_role: p.default_role,
            password_sign_in,
            redirect_uri,
        },
        None => SsoSettings {
            configured: false,
            name: String::new(),
            issuer: String::new(),
            client_id: String::new(),
            client_secret_set: false,
            domains: Vec::new(),
            create_users: false,
            default_role: Role::Member,
            password_sign_in,
            redirect_uri,
        },
    })
}

/// The organisation's single sign-on settings. Admins.
#[utoipa::path(get, path = "/api/v1/org/sso", tag = "org",
    responses((status = 200, body = SsoSettings), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn get_sso_settings(
    State(state): State<AppState>,
    caller: Caller<Admin>,
) -> Result<Json<SsoSettings>, ApiError> {
    Ok(Json(settings_of(&state, &caller.org.id).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct SsoUpdate {
    /// Shown on the button: "Sign in with <name>".
    #[schema(min_length = 1, max_length = 60)]
    pub name: String,
    /// The provider's issuer URL (its discovery document is at
    /// `<issuer>/.well-known/openid-configuration`).
    #[schema(max_length = 500)]
    pub issuer: String,
    #[schema(min_length = 1, max_length = 500)]
    pub client_id: String,
    /// Left out: the stored secret is kept.
    #[schema(max_length = 500)]
    pub client_secret: Option<String>,
    /// The email domains the provider signs in (each in one organisation only).
    #[schema(min_items = 1, max_items = 50)]
    pub domains: Vec<String>,
    /// Whether people the organisation does not know yet get an account at their first sign-in.
    pub create_users: bool,
    /// The role of such new accounts.
    pub default_role: Role,
    /// False: passwords are turned off and everyone signs in through the provider.
    pub password_sign_in: bool,
}

/// An issuer URL an organisation may name: https (http only on this machine's loopback, for a
/// provider running beside the server), a host, no user, query or fragment.
fn acceptable_issuer(issuer: &str) -> bool {
    let Ok(url) = url::Url::parse(issuer) else {
        return false;
    };
    let loopback = match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(name)) => name == "localhost",
        None => return false,
    };
    let scheme_ok = url.scheme() == "https" || (url.scheme() == "http" && loopback);
    scheme_ok
        && url.username().is_empty()
        && url.password().is_none()
        && url.query().is_none()
        && url.fragment().is_none()
}

/// A domain as stored: lower-case letters, digits, dashes and dots, with at least one dot.
fn domain(raw: &str) -> Option<String> {
    let d = raw.trim().trim_start_matches('@').to_lowercase();
    let ok = (3..=253).contains(&d.len())
        && d.contains('.')
        && !d.starts_with(['.', '-'])
        && !d.ends_with(['.', '-'])
        && d.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
    ok.then_some(d)
}

/// Set up or change the organisation's single sign-on. The issuer's discovery document is read
/// first: an issuer that does not answer as an OpenID provider is refused (422). Admins.
#[utoipa::path(put, path = "/api/v1/org/sso", tag = "org", request_body = SsoUpdate,
    responses((status = 200, body = SsoSettings), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn put_sso_settings(
    State(state): State<AppState>,
    caller: Caller<Admin>,
    Json(update): Json<SsoUpdate>,
) -> Result<Json<SsoSettings>, ApiError> {
    let pool = state.db.pool();
    let name = update.name.trim();
    if name.is_empty() || name.chars().count() > 60 {
        return Err(ApiError::invalid(
            "give the provider a name of 1 to 60 characters, like Okta",
        ));
    }
    let issuer = update.issuer.trim();
    if issuer.len() > 500 || !acceptable_issuer(issuer) {
        return Err(ApiError::invalid(
            "the issuer is an https:// URL without query or fragment, like https://acme.okta.com",
        ));
    }
    let client_id = update.client_id.trim();
    if client_id.is_empty() || client_id.len() > 500 {
        return Err(ApiError::invalid("the client ID is required"));
    }
    let existing = oidc::provider(pool, &caller.org.id).await?;
    let client_secret = match update.client_secret.as_deref().map(str::trim) {
        Some(secret) if !secret.is_empty() && secret.len() <= 500 => secret.to_owned(),
        Some(secret) if secret.len() > 500 => {
            return Err(ApiError::invalid(
                "the client secret has at most 500 characters",
            ));
        }
        _ => match &existing {
            Some(p) if !p.client_secret.is_empty() => p.client_secret.clone(),
            _ => return Err(ApiError::invalid("the client secret is required")),
        },
    };
    let mut domains = Vec::new();
    for raw in &update.domains {
        let Some(d) = domain(raw) else {
            return Err(ApiError::invalid(format!(
                "{raw:?} is not an email domain like acme.com"
            )));
        };
        if !domains.contains(&d) {
            domains.push(d);
        }
    }
    if domains.is_empty() || domains.len() > 50 {
        return Err(ApiError::invalid(
            "name 1 to 50 email domains the provider signs in",
        ));
    }
    for other in oidc::providers(pool).await? {
        if other.org_id != caller.org.id
            && let Some(taken) = domains.iter().find(|d| other.domains.contains(d))
        {
            return Err(ApiError::Conflict(format!(
                "{taken} already signs in with another organisation's provider"
            )));
        }
    }
    for domain in &domains {
        if oidc::domain_has_people_elsewhere(pool, &caller.org.id, domain).await? {
            return Err(ApiError::Conflict(format!(
                "people of another organisation have {domain} addresses; it cannot sign in here"
            )));
        }
    }
    // What the issuer answered stays in the log: the admin hears only that it did not answer as
    // a provider (so the answer of an address inside the network is not read back through here).
    if let Err(err) = protocol::discover(issuer).await {
        tracing::info!(org = %caller.org.id, %issuer, error = %err, "SSO discovery failed");
        return Err(ApiError::invalid(format!(
            "{issuer} did not answer as an OpenID provider: its discovery document \
             (.well-known/openid-configuration) could not be read or does not name this issuer"
        )));
    }
    let provider = Provider {
        org_id: caller.org.id.clone(),
        name: name.to_owned(),
        issuer: issuer.to_owned(),
        client_id: client_id.to_owned(),
        client_secret,
        domains,
        create_users: update.create_users,
        default_role: update.default_role,
    };
    let mut tx = pool.begin().await?;
    oidc::save_provider(&mut *tx, &provider).await?;
    oidc::set_password_sign_in(&mut *tx, &caller.org.id, update.password_sign_in).await?;
    tx.commit().await?;
    tracing::info!(org = %caller.org.id, by = %caller.user.id, "SSO settings saved");
    Ok(Json(settings_of(&state, &caller.org.id).await?))
}

/// Remove the organisation's single sign-on; passwords work again. Admins.
#[utoipa::path(delete, path = "/api/v1/org/sso", tag = "org",
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete_sso_settings(
    State(state): State<AppState>,
    caller: Caller<Admin>,
) -> Result<StatusCode, ApiError> {
    let pool = state.db.pool();
    let mut tx = pool.begin().await?;
    let removed = oidc::delete_provider(&mut *tx, &caller.org.id).await?;
    oidc::set_password_sign_in(&mut *tx, &caller.org.id, true).await?;
    tx.commit().await?;
    if removed {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}

//! Sign-in with an organisation's OpenID Connect provider (Google Workspace, Microsoft Entra,
//! Okta, Keycloak...), and the admin's settings for it.
//!
//! The browser is sent to the provider by `start` with a fresh `state`, `nonce` and PKCE
//! challenge; the sign-in is remembered in the database (any replica can finish it) and bound to
//! the browser by a short-lived cookie holding the `state`. The `callback` takes it once, lets
//! the `openidconnect` crate check the provider's answer, and signs in the person whose verified
//! email is in one of the organisation's domains: an account of that organisation, or a new one
//! with the configured role when the organisation creates accounts. Refusals go back to the
//! sign-in page with a sentence.

use axum::extract::{Path, Query, State};
use axum::http::header::{COOKIE, LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{AppendHeaders, IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{self, Admin, Caller};
use super::error::ErrorBody;
use super::{ApiError, AppState, Json};
use crate::auth::oidc::{self as protocol, ClientSettings};
use crate::db::oidc::{self, Login, Provider};
use crate::db::users::{self, Role};
use crate::db::{orgs, sessions};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(sign_in_options))
        .routes(routes!(oidc_start))
        .routes(routes!(oidc_callback))
        .routes(routes!(
            get_sso_settings,
            put_sso_settings,
            delete_sso_settings
        ))
}

/// The cookie binding a sign-in under way to the browser that started it.
const LOGIN_COOKIE: &str = "reelhouse_oidc";

/// Where the provider sends the browser back.
fn redirect_uri(state: &AppState) -> String {
    format!(
        "{}/api/v1/auth/oidc/callback",
        state.config.public_url.as_str().trim_end_matches('/')
    )
}

fn client_settings<'a>(provider: &'a Provider, redirect_uri: &'a str) -> ClientSettings<'a> {
    ClientSettings {
        issuer: &provider.issuer,
        client_id: &provider.client_id,
        client_secret: &provider.client_secret,
        redirect_uri,
    }
}

#[derive(Deserialize, IntoParams)]
pub struct ProvidersQuery {
    /// The email the person typed on the sign-in page.
    email: String,
}

#[derive(Serialize, ToSchema)]
pub struct ProviderButton {
    pub org_slug: String,
    /// "Sign in with <name>".
    pub name: String,
    /// Where the browser goes to sign in (a navigation, not a fetch).
    pub start_url: String,
}

#[derive(Serialize, ToSchema)]
pub struct SignInOptions {
    /// The provider covering the email's domain, if any.
    pub providers: Vec<ProviderButton>,
    /// False when that organisation signs in through its provider only.
    pub password_sign_in: bool,
}

/// How someone with this email signs in: the provider covering its domain, and whether a
/// password is still accepted. Public.
#[utoipa::path(get, path = "/api/v1/auth/oidc/providers", tag = "auth", params(ProvidersQuery),
    responses((status = 200, body = SignInOptions)))]
async fn sign_in_options(
    State(state): State<AppState>,
    Query(query): Query<ProvidersQuery>,
) -> Result<Json<SignInOptions>, ApiError> {
    let pool = state.db.pool();
    let Some(provider) = oidc::provider_for_email(pool, &query.email).await? else {
        return Ok(Json(SignInOptions {
            providers: Vec::new(),
            password_sign_in: true,
        }));
    };
    let org = orgs::by_id(pool, &provider.org_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(SignInOptions {
        password_sign_in: oidc::password_sign_in(pool, &org.id).await?,
        providers: vec![ProviderButton {
            start_url: format!("/api/v1/auth/oidc/{}/start", org.slug),
            org_slug: org.slug,
            name: provider.name,
        }],
    }))
}

/// Back to the web app's sign-in page with a sentence saying why the sign-in did not happen.
fn refuse(state: &AppState, sentence: &str) -> Response {
    tracing::info!(reason = sentence, "SSO sign-in refused");
    let location = format!(
        "/signin?sso_error={}",
        url::form_urlencoded::byte_serialize(sentence.as_bytes()).collect::<String>()
    );
    (
        StatusCode::SEE_OTHER,
        [
            (
                LOCATION,
                HeaderValue::from_str(&location).expect("URL-encoded"),
            ),
            login_cookie(state, ""),
        ],
    )
        .into_response()
}

/// `Set-Cookie` for the sign-in binding (an empty value removes it).
fn login_cookie(state: &AppState, value: &str) -> (axum::http::HeaderName, HeaderValue) {
    let secure = if state.config.is_https() {
        "; Secure"
    } else {
        ""
    };
    let max_age = if value.is_empty() {
        0
    } else {
        oidc::LOGIN_TTL_MS / 1000
    };
    let cookie = format!(
        "{LOGIN_COOKIE}={value}; Path=/api/v1/auth/oidc; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    );
    (
        SET_COOKIE,
        HeaderValue::from_str(&cookie).expect("state is URL-safe"),
    )
}

fn login_cookie_value(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == LOGIN_COOKIE && !value.is_empty())
        .map(|(_, value)| value)
}

/// Start signing in at the organisation's provider: answers 303 to the provider's authorization
/// page (code flow with PKCE, `state` and `nonce`). Public; a browser navigation.
#[utoipa::path(get, path = "/api/v1/auth/oidc/{org_slug}/start", tag = "auth",
    params(("org_slug" = String, Path)),
    responses((status = 303, description = "to the provider, or back to the sign-in page with a reason"),
        (status = 404, body = ErrorBody)))]
async fn oidc_start(
    State(state): State<AppState>,
    Path(org_slug): Path<String>,
) -> Result<Response, ApiError> {
    let pool = state.db.pool();
    let org = orgs::by_slug(pool, &org_slug)
        .await?
        .ok_or(ApiError::NotFound)?;
    let provider = oidc::provider(pool, &org.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let redirect_uri = redirect_uri(&state);
    let request = match protocol::start(&client_settings(&provider, &redirect_uri)).await {
        Ok(request) => request,
        Err(err) => {
            tracing::warn!(org = %org.id, error = %err, "SSO provider unreachable");
            return Ok(refuse(
                &state,
                &format!(
                    "{} cannot be reached right now; try again shortly",
                    provider.name
                ),
            ));
        }
    };
    oidc::start_login(
        pool,
        &request.state,
        &Login {
            org_id: org.id,
            nonce: request.nonce,
            pkce_verifier: request.pkce_verifier,
        },
    )
    .await?;
    Ok((
        StatusCode::SEE_OTHER,
        [
            (
                LOCATION,
                HeaderValue::from_str(&request.url).map_err(|e| ApiError::Internal(e.into()))?,
            ),
            login_cookie(&state, &request.state),
        ],
    )
        .into_response())
}

#[derive(Deserialize, IntoParams)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    /// Set by a provider that refused (the person cancelled, the app is not assigned to them).
    error: Option<String>,
    error_description: Option<String>,
}

/// Where the provider sends the browser back: checks the answer and signs the person in (303 to
/// the web app), or says why not (303 to the sign-in page with `sso_error`). Public.
#[utoipa::path(get, path = "/api/v1/auth/oidc/callback", tag = "auth", params(CallbackQuery),
    responses((status = 303, description = "signed in (to /), or refused (to /signin?sso_error=...)")))]
async fn oidc_callback(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<CallbackQuery>,
) -> Result<Response, ApiError> {
    let pool = state.db.pool();
    let Some(returned_state) = query.state.as_deref().filter(|s| !s.is_empty()) else {
        return Ok(refuse(
            &state,
            "the identity provider's answer was incomplete; sign in again",
        ));
    };
    // The sign-in must have started in this browser: a link to someone else's sign-in (login
    // CSRF) finds no matching cookie.
    if login_cookie_value(&headers) != Some(returned_state) {
        return Ok(refuse(
            &state,
            "this sign-in did not start in this browser; sign in again",
        ));
    }
    let Some(login) = oidc::take_login(pool, returned_state).await? else {
        return Ok(refuse(
            &state,
            "this sign-in expired or was already used; sign in again",
        ));
    };
    let Some(provider) = oidc::provider(pool, &login.org_id).await? else {
        return Ok(refuse(
            &state,
            "single sign-on is no longer set up for your organisation",
        ));
    };
    if let Some(error) = &query.error {
        let reason = query.error_description.as_deref().unwrap_or(error);
        return Ok(refuse(
            &state,
            &format!("{} did not sign you in: {reason}", provider.name),
        ));
    }
    let Some(code) = &query.code else {
        return Ok(refuse(
            &state,
            "the identity provider's answer was incomplete; sign in again",
        ));
    };
    let redirect_uri = redirect_uri(&state);
    let settings = client_settings(&provider, &redirect_uri);
    let person = match protocol::finish(&settings, code, &login.pkce_verifier, &login.nonce).await {
        Ok(person) => person,
        Err(err) => {
            tracing::warn!(org = %login.org_id, error = %err, "SSO answer refused");
            return Ok(refuse(
                &state,
                &format!(
                    "the answer from {} could not be trusted; sign in again",
                    provider.name
                ),
            ));
        }
    };
    match account_for(&state, &provider, &person).await? {
        Ok(user) => {
            let token = sessions::create(pool, &user).await?;
            tracing::info!(user = %user.id, org = %user.org_id, "signed in with SSO");
            // Two cookies: appended, since a header array would keep only the last.
            Ok((
                StatusCode::SEE_OTHER,
                AppendHeaders([
                    (LOCATION, HeaderValue::from_static("/")),
                    auth::session_set_cookie(&state, &token),
                    login_cookie(&state, ""),
                ]),
            )
                .into_response())
        }
        Err(sentence) => Ok(refuse(&state, &sentence)),
    }
}

/// The account a person the provider vouched for signs in to, or why there is none.
async fn account_for(
    state: &AppState,
    provider: &Provider,
    person: &protocol::Person,
) -> Result<Result<users::User, String>, ApiError> {
    let pool = state.db.pool();
    let Some(email) = person.email.as_deref().map(users::normalize_email) else {
        return Ok(Err(format!(
            "{} did not tell us your email address",
            provider.name
        )));
    };
    if !person.email_verified {
        return Ok(Err(format!(
            "{} has not verified your email address {email}",
            provider.name
        )));
    }
    let domain = email.rsplit_once('@').map(|(_, d)| d).unwrap_or_default();
    if !provider.domains.iter().any(|d| d == domain) {
        return Ok(Err(format!(
            "{email} is not in a domain your organisation signs in with {}",
            provider.name
        )));
    }
    if let Some(user) = users::by_email(pool, &email).await? {
        return Ok(if user.org_id != provider.org_id {
            Err(format!(
                "{email} belongs to another organisation on this server"
            ))
        } else if !user.active {
            Err("your account is deactivated; ask an admin of your organisation".into())
        } else {
            Ok(user)
        });
    }
    if !provider.create_users {
        return Ok(Err(format!(
            "there is no account for {email} yet; ask an admin of your organisation for an invitation"
        )));
    }
    let name = person
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| email.split('@').next().unwrap_or_default().to_owned());
    let user = users::create(
        pool,
        &provider.org_id,
        &email,
        &name,
        provider.default_role,
        None,
    )
    .await?;
    tracing::info!(user = %user.id, org = %user.org_id, role = %user.role, "account created at first SSO sign-in");
    Ok(Ok(user))
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
    let issuer = update.issuer.trim().trim_end_matches('/');
    let issuer_ok = url::Url::parse(issuer)
        .is_ok_and(|u| matches!(u.scheme(), "https" | "http") && u.host().is_some());
    if !issuer_ok || issuer.len() > 500 {
        return Err(ApiError::invalid(
            "the issuer is an https:// URL, like https://acme.okta.com",
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
    if let Err(err) = protocol::discover(issuer).await {
        return Err(ApiError::invalid(err.to_string()));
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

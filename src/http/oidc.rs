//! Sign-in with an organisation's OpenID Connect provider (Google Workspace, Microsoft Entra,
//! Okta, Keycloak...), and the admin's settings for it.
//!
//! The browser is sent to the provider by `start` with a fresh `state`, `nonce` and PKCE
//! challenge; the sign-in is remembered in the database (any replica can finish it) and bound to
//! the browser by a short-lived cookie holding the `state`. The `callback` takes it once, lets
//! the `openidconnect` crate check the provider's answer, and signs in the person whose verified
//! email is in one of the organisation's domains: an account of that organisation, or a new one
//! with the configured role when the organisation creates accounts. Refusals go back to the
//! sign-in page with a sentence. The admins' settings are in [`super::sso`].

use axum::extract::{Path, State};
use axum::http::header::{COOKIE, LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{AppendHeaders, IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth;
use super::error::ErrorBody;
use super::{ApiError, AppState, Json, Query};
use crate::auth::oidc::{self as protocol, ClientSettings};
use crate::db::oidc::{self, Login, Provider};
use crate::db::users;
use crate::db::{orgs, sessions};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(sign_in_options))
        .routes(routes!(oidc_start))
        .routes(routes!(oidc_callback))
}

/// The cookie binding a sign-in under way to the browser that started it.
const LOGIN_COOKIE: &str = "reelhouse_oidc";

/// Where the provider sends the browser back.
pub(super) fn redirect_uri(state: &AppState) -> String {
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
    let name: String = person
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| email.split('@').next().unwrap_or_default())
        .chars()
        .take(100)
        .collect();
    let created = users::create(
        pool,
        &provider.org_id,
        &email,
        &name,
        provider.default_role,
        None,
    )
    .await;
    let user = match created {
        Ok(user) => user,
        // The same person's first sign-in in two tabs at once: the other one made the account.
        Err(err) if crate::db::is_unique_violation(&err) => users::by_email(pool, &email)
            .await?
            .filter(|u| u.org_id == provider.org_id && u.active)
            .ok_or(ApiError::Conflict(
                "this account was just created; sign in again".into(),
            ))?,
        Err(err) => return Err(err.into()),
    };
    tracing::info!(user = %user.id, org = %user.org_id, role = %user.role, "account created at first SSO sign-in");
    Ok(Ok(user))
}

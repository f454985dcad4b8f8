//! Signing in and out, who am I, and the signed-in person's API tokens.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{self, Caller, Member, Someone};
use super::error::ErrorBody;
use super::{ApiError, AppState, Json};
use crate::auth::password;
use crate::auth::ratelimit::{self, LimitKey};
use crate::db::orgs::Org;
use crate::db::tokens::TokenInfo;
use crate::db::users::{self, Role, User};
use crate::db::{self, logins, now_ms, sessions};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(login))
        .routes(routes!(logout))
        .routes(routes!(me))
        .routes(routes!(list_tokens, create_token))
        .routes(routes!(revoke_token))
}

#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    #[schema(max_length = 254)]
    pub email: String,
    #[schema(max_length = 1024)]
    pub password: String,
}

/// The longest email and password a sign-in looks at: anything longer is refused before any
/// other work.
const MAX_EMAIL: usize = 254;
pub(super) const MAX_PASSWORD: usize = 1024;

/// The signed-in person.
#[derive(Serialize, ToSchema)]
pub struct Me {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub org: Org,
    /// Someone else chose the password: until the person sets their own, only this, signing out
    /// and `POST /api/v1/auth/password` work.
    pub must_change_password: bool,
    /// Whether the person has a password here (not when they came through SSO).
    pub has_password: bool,
}

impl Me {
    pub fn new(user: User, org: Org) -> Me {
        Me {
            id: user.id,
            email: user.email,
            name: user.name,
            role: user.role,
            org,
            must_change_password: user.must_change_password,
            has_password: user.has_password,
        }
    }
}

/// Sign in with email and password; sets the session cookie. Public.
///
/// Ten attempts for one account (or fifty from one address, or IPv6 /64) within fifteen minutes,
/// counted by every replica together, are answered with 429 until the window passes; a
/// successful sign-in does not count. When too many passwords are being checked at once the
/// answer is 503 with `Retry-After`.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginRequest,
    responses((status = 200, body = Me), (status = 401, body = ErrorBody), (status = 429, body = ErrorBody),
        (status = 503, body = ErrorBody)))]
async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: axum::http::HeaderMap,
    Json(request): Json<LoginRequest>,
) -> Result<impl IntoResponse, ApiError> {
    if request.email.len() > MAX_EMAIL || request.password.len() > MAX_PASSWORD {
        return Err(ApiError::invalid(format!(
            "an email has at most {MAX_EMAIL} characters and a password at most {MAX_PASSWORD}"
        )));
    }
    let email = users::normalize_email(&request.email);
    let client = super::security::client_ip(&state.config, peer.ip(), &headers);
    let attempt = count_attempt(&state, &ratelimit::keys(&email, client)).await?;
    let user = match users::with_password_by_email(state.db.pool(), &email).await? {
        Some((user, Some(hash))) => {
            let matches = password::verify(request.password, hash)
                .await
                .map_err(password_error)?;
            (matches && user.active).then_some(user)
        }
        _ => {
            password::verify_nothing(request.password)
                .await
                .map_err(password_error)?;
            None
        }
    };
    let Some(user) = user else {
        return Err(ApiError::BadCredentials);
    };
    if !db::oidc::password_sign_in(state.db.pool(), &user.org_id).await? {
        let provider = db::oidc::provider(state.db.pool(), &user.org_id).await?;
        return Err(ApiError::Forbidden(format!(
            "your organisation signs in with {}, not with a password",
            provider.map_or_else(|| "its identity provider".to_owned(), |p| p.name)
        )));
    }
    // A sign-in that succeeded is no guess: it and the account's earlier failures are forgotten.
    logins::forget(&state.db, &attempt.ids).await?;
    logins::clear(&state.db, &attempt.account).await?;
    let org = db::orgs::by_id(state.db.pool(), &user.org_id)
        .await?
        .ok_or(ApiError::BadCredentials)?;
    let token = sessions::create(state.db.pool(), &user).await?;
    Ok((
        [auth::session_set_cookie(&state, &token)],
        Json(Me::new(user, org)),
    ))
}

/// A sign-in attempt as counted: its rows, and the account's key.
pub(super) struct Attempt {
    pub(super) ids: Vec<String>,
    account: String,
}

/// Counts an attempt against the client and the account before the password is looked at, so
/// a burst cannot slip past the limit while passwords are being checked: a key already at its
/// limit is refused without recording more, and of attempts recorded together only those within
/// the limit go on.
pub(super) async fn count_attempt(
    state: &AppState,
    keys: &[LimitKey],
) -> Result<Attempt, ApiError> {
    let now = now_ms();
    let since = now - ratelimit::WINDOW.as_millis() as i64;
    for key in keys {
        let (count, oldest) = logins::since(&state.db, &key.key, since).await?;
        if count >= key.limit {
            return Err(too_many(oldest, now));
        }
    }
    let mut ids = Vec::with_capacity(keys.len());
    for key in keys {
        ids.push(logins::record(&state.db, &key.key, now).await?);
    }
    for key in keys {
        let (count, oldest) = logins::since(&state.db, &key.key, since).await?;
        if count > key.limit {
            return Err(too_many(oldest, now));
        }
    }
    let account = keys
        .iter()
        .find(|k| k.account)
        .map(|k| k.key.clone())
        .unwrap_or_default();
    Ok(Attempt { ids, account })
}

fn too_many(oldest: Option<i64>, now: i64) -> ApiError {
    let retry_after_s = ratelimit::retry_after_s(oldest, now);
    ApiError::TooManyRequests {
        message: format!(
            "too many sign-in attempts; try again in {} minutes",
            retry_after_s.div_ceil(60)
        ),
        retry_after_s,
    }
}

/// A password check that could not run: busy is 503 with a short `Retry-After`.
pub(super) fn password_error(err: password::PasswordError) -> ApiError {
    match err {
        password::PasswordError::Busy => ApiError::Busy(err.to_string()),
        other => ApiError::Internal(other.into()),
    }
}

/// Sign out: ends this session and clears the cookie. Any signed-in person (also one who must
/// set a new password first).
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth",
    responses((status = 204), (status = 401, body = ErrorBody)))]
async fn logout(
    State(state): State<AppState>,
    _caller: Caller<Someone>,
    headers: axum::http::HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    if let Some(token) = auth::session_cookie(&headers) {
        sessions::delete_by_token(state.db.pool(), token).await?;
    }
    Ok((StatusCode::NO_CONTENT, [auth::session_clear_cookie(&state)]))
}

/// The signed-in person and their organisation. Any signed-in person (also one who must set a
/// new password first).
#[utoipa::path(get, path = "/api/v1/auth/me", tag = "auth",
    responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
async fn me(caller: Caller<Someone>) -> Json<Me> {
    Json(Me::new(caller.user, caller.org))
}

/// The caller's API tokens (never the tokens themselves). Any signed-in person.
#[utoipa::path(get, path = "/api/v1/auth/tokens", tag = "auth",
    responses((status = 200, body = [TokenInfo]), (status = 401, body = ErrorBody)))]
async fn list_tokens(
    State(state): State<AppState>,
    caller: Caller<Member>,
) -> Result<Json<Vec<TokenInfo>>, ApiError> {
    Ok(Json(
        db::tokens::list_for_user(state.db.pool(), &caller.user.id).await?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct NewToken {
    /// A label to recognise the token by.
    #[schema(min_length = 1, max_length = 100, pattern = r"\S")]
    pub name: String,
    /// Days until the token stops working (1 to 3650); left out, it never expires.
    #[schema(minimum = 1, maximum = 3650)]
    pub expires_in_days: Option<u32>,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedToken {
    pub id: String,
    pub name: String,
    /// The token, shown only in this response. Send it as `Authorization: Bearer TOKEN`.
    pub token: String,
    /// Unix milliseconds when it stops working; null when it never expires.
    #[schema(required = true)]
    pub expires_at: Option<i64>,
}

/// Create an API token for the caller, lasting `expires_in_days` or for good; the token is shown
/// once. Any signed-in person.
#[utoipa::path(post, path = "/api/v1/auth/tokens", tag = "auth", request_body = NewToken,
    responses((status = 201, body = CreatedToken), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_token(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Json(request): Json<NewToken>,
) -> Result<(StatusCode, Json<CreatedToken>), ApiError> {
    let name = request.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(ApiError::invalid(
            "give the token a name of 1 to 100 characters",
        ));
    }
    if request
        .expires_in_days
        .is_some_and(|d| !(1..=3650).contains(&d))
    {
        return Err(ApiError::invalid(
            "a token lasts 1 to 3650 days, or leave expires_in_days out for one that never expires",
        ));
    }
    let expires_at = db::tokens::expiry_in_days(request.expires_in_days);
    let (id, token) = db::tokens::create(
        state.db.pool(),
        &caller.org.id,
        &caller.user.id,
        name,
        expires_at,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedToken {
            id,
            name: name.to_owned(),
            token,
            expires_at,
        }),
    ))
}

/// Revoke one of the caller's API tokens; it stops working at once. Any signed-in person.
#[utoipa::path(delete, path = "/api/v1/auth/tokens/{token_id}", tag = "auth",
    params(("token_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn revoke_token(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(token_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    if db::tokens::revoke(state.db.pool(), &caller.user.id, &token_id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}

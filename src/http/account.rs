//! Signing in and out, who am I, and the signed-in person's API tokens.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{self, Caller, Member};
use super::error::ErrorBody;
use super::{ApiError, AppState, Json};
use crate::auth::password;
use crate::db::orgs::Org;
use crate::db::tokens::TokenInfo;
use crate::db::users::{self, Role, User};
use crate::db::{self, sessions};

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
    pub email: String,
    pub password: String,
}

/// The signed-in person.
#[derive(Serialize, ToSchema)]
pub struct Me {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub org: Org,
}

impl Me {
    pub fn new(user: User, org: Org) -> Me {
        Me {
            id: user.id,
            email: user.email,
            name: user.name,
            role: user.role,
            org,
        }
    }
}

/// Sign in with email and password; sets the session cookie. Public.
///
/// Ten failed attempts for one account (or fifty from one address) within fifteen minutes are
/// answered with 429 until the window passes.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginRequest,
    responses((status = 200, body = Me), (status = 401, body = ErrorBody), (status = 429, body = ErrorBody)))]
async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Json(request): Json<LoginRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let email = users::normalize_email(&request.email);
    if let Err(retry_after_s) = state.login_limiter.check(&email, peer.ip()) {
        return Err(ApiError::TooManyRequests {
            message: format!(
                "too many failed sign-ins; try again in {} minutes",
                retry_after_s.div_ceil(60)
            ),
            retry_after_s,
        });
    }
    let user = match users::with_password_by_email(state.db.pool(), &email).await? {
        Some((user, Some(hash))) => {
            let matches = password::verify(request.password, hash).await;
            (matches && user.active).then_some(user)
        }
        _ => {
            password::verify_nothing(request.password).await;
            None
        }
    };
    let Some(user) = user else {
        state.login_limiter.record_failure(&email, peer.ip());
        return Err(ApiError::BadCredentials);
    };
    state.login_limiter.record_success(&email);
    let org = db::orgs::by_id(state.db.pool(), &user.org_id)
        .await?
        .ok_or(ApiError::BadCredentials)?;
    let token = sessions::create(state.db.pool(), &user).await?;
    Ok((
        [auth::session_set_cookie(&state, &token)],
        Json(Me::new(user, org)),
    ))
}

/// Sign out: ends this session and clears the cookie. Any signed-in person.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth",
    responses((status = 204), (status = 401, body = ErrorBody)))]
async fn logout(
    State(state): State<AppState>,
    _caller: Caller<Member>,
    headers: axum::http::HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    if let Some(token) = auth::session_cookie(&headers) {
        sessions::delete_by_token(state.db.pool(), token).await?;
    }
    Ok((StatusCode::NO_CONTENT, [auth::session_clear_cookie(&state)]))
}

/// The signed-in person and their organisation. Any signed-in person.
#[utoipa::path(get, path = "/api/v1/auth/me", tag = "auth",
    responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
async fn me(caller: Caller<Member>) -> Json<Me> {
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
}

#[derive(Serialize, ToSchema)]
pub struct CreatedToken {
    pub id: String,
    pub name: String,
    /// The token, shown only in this response. Send it as `Authorization: Bearer TOKEN`.
    pub token: String,
}

/// Create an API token for the caller; the token is shown once. Any signed-in person.
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
    let (id, token) =
        db::tokens::create(state.db.pool(), &caller.org.id, &caller.user.id, name).await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedToken {
            id,
            name: name.to_owned(),
            token,
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

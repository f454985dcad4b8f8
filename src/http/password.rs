//! Passwords: changing one's own, forgotten-password emails, reset links (by email, or made by an
//! admin to hand over), and the reset itself. A changed password ends every other session of the
//! person and every reset link still open.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::account::{MAX_PASSWORD, Me, count_attempt, password_error};
use super::auth::{self, Admin, Caller, Someone};
use super::error::ErrorBody;
use super::{ApiError, AppState, Json};
use crate::auth::{password, ratelimit};
use crate::db::{self, resets, sessions, users};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(change_password))
        .routes(routes!(forgot_password))
        .routes(routes!(reset_password))
        .routes(routes!(create_reset_link))
}

#[derive(Deserialize, ToSchema)]
pub struct ChangePassword {
    #[schema(max_length = 1024)]
    pub current_password: String,
    #[schema(min_length = 10, max_length = 1024)]
    pub new_password: String,
}

/// Refuses when the organisation signs in through its identity provider only.
async fn passwords_allowed(state: &AppState, org_id: &str) -> Result<(), ApiError> {
    if crate::db::oidc::password_sign_in(state.db.pool(), org_id).await? {
        Ok(())
    } else {
        Err(ApiError::Forbidden(
            "your organisation signs in through its identity provider; passwords are turned off"
                .into(),
        ))
    }
}

/// Says why a new password cannot be one, before any costly work.
fn check_length(new_password: &str) -> Result<(), ApiError> {
    if new_password.len() > MAX_PASSWORD {
        return Err(ApiError::invalid(format!(
            "a password has at most {MAX_PASSWORD} characters"
        )));
    }
    if new_password.chars().count() < password::MIN_LENGTH {
        return Err(ApiError::invalid(
            password::PasswordError::TooShort.to_string(),
        ));
    }
    Ok(())
}

/// Hashes a new password that [`check_length`] accepted.
async fn new_hash(new_password: String) -> Result<String, ApiError> {
    password::hash(new_password).await.map_err(|err| match err {
        password::PasswordError::TooShort => ApiError::invalid(err.to_string()),
        other => password_error(other),
    })
}

/// Change your password: the current one is required (wrong guesses count against the sign-in
/// limits: 429). Every other session of yours and every reset link still open end; this session
/// stays. Any signed-in person, including one who must set a new password first.
#[utoipa::path(post, path = "/api/v1/auth/password", tag = "auth", request_body = ChangePassword,
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 429, body = ErrorBody), (status = 503, body = ErrorBody)))]
async fn change_password(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    caller: Caller<Someone>,
    headers: HeaderMap,
    Json(request): Json<ChangePassword>,
) -> Result<StatusCode, ApiError> {
    let pool = state.db.pool();
    passwords_allowed(&state, &caller.user.org_id).await?;
    check_length(&request.new_password)?;
    // Guesses of the current password count like sign-in attempts.
    let client = super::security::client_ip(&state.config, peer.ip(), &headers);
    let attempt = count_attempt(&state, &ratelimit::keys(&caller.user.email, client)).await?;
    let Some(hash) = users::password_hash(pool, &caller.user.id).await? else {
        return Err(ApiError::Forbidden(
            "your account signs in through your organisation's identity provider and has no \
             password here"
                .into(),
        ));
    };
    if request.current_password.len() > MAX_PASSWORD
        || !password::verify(request.current_password, hash)
            .await
            .map_err(password_error)?
    {
        return Err(ApiError::Forbidden("the current password is wrong".into()));
    }
    crate::db::logins::forget(&state.db, &attempt.ids).await?;
    let hash = new_hash(request.new_password).await?;
    let mut tx = pool.begin().await?;
    users::set_password(&mut *tx, &caller.user.id, &hash, false).await?;
    sessions::delete_others(&mut *tx, &caller.user.id, auth::session_cookie(&headers)).await?;
    resets::end_for_user(&mut *tx, &caller.user.id).await?;
    tx.commit().await?;
    tracing::info!(user = %caller.user.id, "password changed");
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct ForgotPassword {
    #[schema(max_length = 254)]
    pub email: String,
}

#[derive(Serialize, ToSchema)]
pub struct Message {
    pub message: String,
}

/// The one answer to a forgotten-password request, whether or not the email is known.
const FORGOT_ANSWER: &str = "If an account with that email exists, a link to choose a new \
     password is on its way; it works once, within an hour. No email? Ask an admin of your \
     organisation for a reset link.";

/// Ask for a reset link by email. The answer is the same whether or not the email belongs to
/// someone; the email goes out only when SMTP is configured. Counted against the sign-in limits.
/// Public.
#[utoipa::path(post, path = "/api/v1/auth/password/forgot", tag = "auth",
    request_body = ForgotPassword,
    responses((status = 202, body = Message), (status = 429, body = ErrorBody)))]
async fn forgot_password(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Json(request): Json<ForgotPassword>,
) -> Result<(StatusCode, Json<Message>), ApiError> {
    let email = users::normalize_email(&request.email);
    if email.len() <= 254 {
        let client = super::security::client_ip(&state.config, peer.ip(), &headers);
        super::account::count_attempt(&state, &crate::auth::ratelimit::keys(&email, client))
            .await?;
        // The email is sent in the background, so the answer takes as long whether or not the
        // account exists.
        let state = state.clone();
        tokio::spawn(async move {
            if let Err(err) = email_reset_link(&state, &email).await {
                tracing::warn!(error = %err, "reset link email not sent");
            }
        });
    }
    Ok((
        StatusCode::ACCEPTED,
        Json(Message {
            message: FORGOT_ANSWER.into(),
        }),
    ))
}

/// Emails a reset link to the active person with this email, if there is one and SMTP is set.
async fn email_reset_link(state: &AppState, email: &str) -> anyhow::Result<()> {
    let Some(mailer) = &state.mailer else {
        return Ok(());
    };
    let pool = state.db.pool();
    let Some(user) = users::by_email(pool, email).await? else {
        return Ok(());
    };
    if !user.active
        || users::password_hash(pool, &user.id).await?.is_none()
        || !crate::db::oidc::password_sign_in(pool, &user.org_id).await?
    {
        return Ok(());
    }
    let (token, _) = resets::create(pool, &user.org_id, &user.id).await?;
    let body = format!(
        "Hello {},\n\nSomeone (hopefully you) asked to choose a new Reelhouse password for this \
         email address. Open this link to do so:\n{}\n\nThe link works once, within an hour. If \
         you did not ask, ignore this email: your password stays as it is.\n",
        user.name,
        reset_url(state, &token)
    );
    mailer
        .send(&user.email, "Choose a new Reelhouse password", body)
        .await?;
    Ok(())
}

/// The web app's page for a reset token.
fn reset_url(state: &AppState, token: &str) -> String {
    format!(
        "{}/reset?token={token}",
        state.config.public_url.as_str().trim_end_matches('/')
    )
}

#[derive(Deserialize, ToSchema)]
pub struct ResetPassword {
    #[schema(max_length = 200)]
    pub token: String,
    #[schema(min_length = 10, max_length = 1024)]
    pub new_password: String,
}

/// Choose a new password with a reset link's token; signs you in. The link works once, within an
/// hour of being made; every session of the person ends. Public.
#[utoipa::path(post, path = "/api/v1/auth/password/reset", tag = "auth",
    request_body = ResetPassword,
    responses((status = 200, body = Me), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody), (status = 503, body = ErrorBody)))]
async fn reset_password(
    State(state): State<AppState>,
    Json(request): Json<ResetPassword>,
) -> Result<impl IntoResponse, ApiError> {
    let pool = state.db.pool();
    let not_valid =
        || ApiError::BadRequest("this reset link is not valid any more; ask for a new one".into());
    // Cheap checks first: a password is hashed only for a link that works.
    check_length(&request.new_password)?;
    let user_id = resets::user_of(pool, &request.token)
        .await?
        .ok_or_else(not_valid)?;
    let user = users::by_id(pool, &user_id).await?.ok_or_else(not_valid)?;
    passwords_allowed(&state, &user.org_id).await?;
    let hash = new_hash(request.new_password).await?;
    let mut tx = pool.begin().await?;
    let user_id = resets::consume(&mut *tx, &request.token)
        .await?
        .ok_or_else(not_valid)?;
    let user = users::by_id(&mut *tx, &user_id)
        .await?
        .filter(|u| u.active)
        .ok_or_else(not_valid)?;
    users::set_password(&mut *tx, &user.id, &hash, false).await?;
    sessions::delete_for_user(&mut *tx, &user.id).await?;
    resets::end_for_user(&mut *tx, &user.id).await?;
    let token = sessions::create(&mut *tx, &user).await?;
    tx.commit().await?;
    let org = db::orgs::by_id(pool, &user.org_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let user = users::by_id(pool, &user.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    tracing::info!(user = %user.id, "password reset");
    Ok((
        [auth::session_set_cookie(&state, &token)],
        Json(Me::new(user, org)),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct ResetLink {
    /// The link to hand to the person: it works once.
    pub url: String,
    /// Unix milliseconds.
    pub expires_at: i64,
}

/// Make a reset link for a person of your organisation, to hand over yourself (when no email is
/// sent). It works once, within an hour. Admins.
#[utoipa::path(post, path = "/api/v1/users/{user_id}/password-reset", tag = "people",
    params(("user_id" = String, Path)),
    responses((status = 201, body = ResetLink), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn create_reset_link(
    State(state): State<AppState>,
    caller: Caller<Admin>,
    Path(user_id): Path<String>,
) -> Result<(StatusCode, Json<ResetLink>), ApiError> {
    let pool = state.db.pool();
    let member = users::member_in_org(pool, &caller.org.id, &user_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    passwords_allowed(&state, &caller.org.id).await?;
    if !member.active {
        return Err(ApiError::Conflict(
            "this person is deactivated; reactivate them first".into(),
        ));
    }
    let (token, expires_at) = resets::create(pool, &caller.org.id, &member.id).await?;
    tracing::info!(user = %member.id, by = %caller.user.id, "reset link made");
    Ok((
        StatusCode::CREATED,
        Json(ResetLink {
            url: reset_url(&state, &token),
            expires_at,
        }),
    ))
}

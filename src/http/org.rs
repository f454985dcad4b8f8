//! The organisation's sharing settings, and rotating its playback signing key.

use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Admin, Caller};
use super::error::ErrorBody;
use super::{ApiError, AppState, Json};
use crate::db::orgs;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_settings, update_settings))
        .routes(routes!(rotate_signing_key))
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct Sharing {
    /// Trainers may make playback links that work without signing in.
    pub allow_public_links: bool,
    /// People may download videos for offline viewing.
    pub allow_downloads: bool,
}

/// The organisation's sharing settings. Admins.
#[utoipa::path(get, path = "/api/v1/org/settings", tag = "organisation",
    responses((status = 200, body = Sharing), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn get_settings(
    State(state): State<AppState>,
    caller: Caller<Admin>,
) -> Result<Json<Sharing>, ApiError> {
    let policy = orgs::policy(state.db.pool(), &caller.org.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(Sharing {
        allow_public_links: policy.allow_public_links,
        allow_downloads: policy.allow_downloads,
    }))
}

/// Change the organisation's sharing settings. Admins.
#[utoipa::path(put, path = "/api/v1/org/settings", tag = "organisation", request_body = Sharing,
    responses((status = 200, body = Sharing), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn update_settings(
    State(state): State<AppState>,
    caller: Caller<Admin>,
    Json(sharing): Json<Sharing>,
) -> Result<Json<Sharing>, ApiError> {
    orgs::set_sharing(
        state.db.pool(),
        &caller.org.id,
        sharing.allow_public_links,
        sharing.allow_downloads,
    )
    .await?;
    Ok(Json(sharing))
}

/// Replace the playback signing key: every playback link handed out stops working. Admins.
#[utoipa::path(post, path = "/api/v1/org/signing-key/rotate", tag = "organisation",
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn rotate_signing_key(
    State(state): State<AppState>,
    caller: Caller<Admin>,
) -> Result<StatusCode, ApiError> {
    orgs::rotate_signing_key(state.db.pool(), &caller.org.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

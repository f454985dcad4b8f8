//! The organisation's settings (sharing, review of members' uploads, what counts as watched),
//! what it stores against its quotas, and rotating its playback signing key.

use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Admin, Caller};
use super::error::ErrorBody;
use super::{ApiError, AppState, Json};
use crate::db::{orgs, usage};
use crate::upload::quota;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_settings, update_settings))
        .routes(routes!(rotate_signing_key))
        .routes(routes!(get_usage))
}

/// What the organisation stores (uploads and handouts), against its quotas.
#[derive(Serialize, ToSchema)]
pub struct Usage {
    pub used_bytes: i64,
    /// Null is unlimited.
    #[schema(required = true)]
    pub quota_bytes: Option<i64>,
    /// What each person may store; null is unlimited.
    #[schema(required = true)]
    pub person_quota_bytes: Option<i64>,
    /// Each person storing anything, most first.
    pub people: Vec<PersonUsage>,
}

#[derive(Serialize, ToSchema)]
pub struct PersonUsage {
    pub user_id: String,
    pub name: String,
    pub used_bytes: i64,
}

/// What the organisation and each of its people store, against the quotas. Admins.
#[utoipa::path(get, path = "/api/v1/org/usage", tag = "organisation",
    responses((status = 200, body = Usage), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn get_usage(
    State(state): State<AppState>,
    caller: Caller<Admin>,
) -> Result<Json<Usage>, ApiError> {
    let org_id = &caller.org.id;
    let quotas = quota::quotas(&state.db, &state.config, org_id).await?;
    let people = usage::by_person(&state.db, org_id)
        .await?
        .into_iter()
        .map(|(user_id, name, used_bytes)| PersonUsage {
            user_id,
            name,
            used_bytes,
        })
        .collect();
    Ok(Json(Usage {
        used_bytes: usage::stored_bytes(&state.db, org_id, None).await?,
        quota_bytes: quotas.org_bytes,
        person_quota_bytes: quotas.person_bytes,
        people,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct Settings {
    /// Trainers may make playback links that work without signing in.
    pub allow_public_links: bool,
    /// People may download videos for offline viewing.
    pub allow_downloads: bool,
    /// Members' uploads, and their comments in the library, wait for a trainer's review before
    /// others see them.
    pub review_uploads: bool,
    /// The share of a video's length a person must actually watch for it to count as complete
    /// (0.5 to 1).
    pub completion_threshold: f64,
}

/// A change to the settings; what is left out stays as it is.
#[derive(Deserialize, ToSchema)]
pub struct SettingsChange {
    pub allow_public_links: Option<bool>,
    pub allow_downloads: Option<bool>,
    pub review_uploads: Option<bool>,
    /// The share of a video's length a person must actually watch for it to count as complete.
    #[schema(minimum = 0.5, maximum = 1.0)]
    pub completion_threshold: Option<f64>,
}

fn settings(policy: &orgs::Policy) -> Settings {
    Settings {
        allow_public_links: policy.allow_public_links,
        allow_downloads: policy.allow_downloads,
        review_uploads: policy.review_uploads,
        completion_threshold: policy.completion_threshold,
    }
}

/// The organisation's settings. Admins.
#[utoipa::path(get, path = "/api/v1/org/settings", tag = "organisation",
    responses((status = 200, body = Settings), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn get_settings(
    State(state): State<AppState>,
    caller: Caller<Admin>,
) -> Result<Json<Settings>, ApiError> {
    let policy = orgs::policy(state.db.pool(), &caller.org.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(settings(&policy)))
}

/// Change the organisation's settings. Admins.
#[utoipa::path(put, path = "/api/v1/org/settings", tag = "organisation", request_body = SettingsChange,
    responses((status = 200, body = Settings), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn update_settings(
    State(state): State<AppState>,
    caller: Caller<Admin>,
    Json(change): Json<SettingsChange>,
) -> Result<Json<Settings>, ApiError> {
    let mut policy = orgs::policy(state.db.pool(), &caller.org.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if let Some(threshold) = change.completion_threshold {
        if !(0.5..=1.0).contains(&threshold) {
            return Err(ApiError::invalid(
                "completion_threshold must be between 0.5 and 1",
            ));
        }
        policy.completion_threshold = threshold;
    }
    policy.allow_public_links = change
        .allow_public_links
        .unwrap_or(policy.allow_public_links);
    policy.allow_downloads = change.allow_downloads.unwrap_or(policy.allow_downloads);
    policy.review_uploads = change.review_uploads.unwrap_or(policy.review_uploads);
    orgs::set_policy(state.db.pool(), &caller.org.id, &policy).await?;
    Ok(Json(settings(&policy)))
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

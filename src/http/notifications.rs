//! The inbox and notification settings of the signed-in person, and the unsubscribe link of
//! emails (which works without signing in).

use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Member};
use super::error::ErrorBody;
use super::{ApiError, AppState, Json};
use crate::db::notifications::{self, Channel, Kind, Notification};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(inbox))
        .routes(routes!(mark_read))
        .routes(routes!(
            get_notification_settings,
            set_notification_settings
        ))
        .routes(routes!(unsubscribe))
}

/// How many notifications the inbox shows.
const INBOX_SIZE: i64 = 100;

#[derive(Serialize, ToSchema)]
pub struct Inbox {
    /// How many are unread (the count in the app's header).
    pub unread: i64,
    /// Newest first, at most 100.
    pub items: Vec<Notification>,
}

/// The caller's notifications, newest first, and how many are unread. Any signed-in person.
#[utoipa::path(get, path = "/api/v1/me/notifications", tag = "notifications",
    responses((status = 200, body = Inbox), (status = 401, body = ErrorBody)))]
async fn inbox(
    State(state): State<AppState>,
    caller: Caller<Member>,
) -> Result<Json<Inbox>, ApiError> {
    let pool = state.db.pool();
    Ok(Json(Inbox {
        unread: notifications::unread_count(pool, &caller.user.id).await?,
        items: notifications::inbox(pool, &caller.user.id, INBOX_SIZE).await?,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct ReadRequest {
    /// One notification; every one when left out.
    pub id: Option<String>,
}

/// Mark one notification, or all of them, read. Any signed-in person (their own).
#[utoipa::path(post, path = "/api/v1/me/notifications/read", tag = "notifications", request_body = ReadRequest,
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn mark_read(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Json(request): Json<ReadRequest>,
) -> Result<StatusCode, ApiError> {
    let id = request.id.filter(|id| !id.is_empty());
    let changed = notifications::mark_read(state.db.pool(), &caller.user.id, id.as_deref()).await?;
    if let Some(id) = id.filter(|_| changed == 0) {
        // Not theirs, or read already: say which.
        if !notifications::is_theirs(state.db.pool(), &caller.user.id, &id).await? {
            return Err(ApiError::NotFound);
        }
    }
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Clone, Serialize, Deserialize, ToSchema)]
pub struct NotificationSetting {
    pub kind: Kind,
    pub channel: Channel,
}

#[derive(Serialize, ToSchema)]
pub struct NotificationSettings {
    /// Every kind, with how the caller wants it (`email` unless chosen otherwise).
    pub items: Vec<NotificationSetting>,
    /// Whether this server sends email at all (SMTP is set); without it `email` and `digest`
    /// reach the inbox only.
    pub email_available: bool,
}

#[derive(Deserialize, ToSchema)]
pub struct NotificationSettingsChange {
    /// The kinds to change; others stay as they are.
    #[schema(max_items = 20)]
    pub items: Vec<NotificationSetting>,
}

async fn settings_of(state: &AppState, user_id: &str) -> Result<NotificationSettings, ApiError> {
    let items = notifications::settings(state.db.pool(), user_id)
        .await?
        .into_iter()
        .map(|(kind, channel)| NotificationSetting { kind, channel })
        .collect();
    Ok(NotificationSettings {
        items,
        email_available: state.mailer.is_some(),
    })
}

/// How the caller wants each kind of notification: in the app, by email, in a daily digest, or
/// not at all. Any signed-in person.
#[utoipa::path(get, path = "/api/v1/me/notification-settings", tag = "notifications",
    responses((status = 200, body = NotificationSettings), (status = 401, body = ErrorBody)))]
async fn get_notification_settings(
    State(state): State<AppState>,
    caller: Caller<Member>,
) -> Result<Json<NotificationSettings>, ApiError> {
    Ok(Json(settings_of(&state, &caller.user.id).await?))
}

/// Choose how to get some kinds of notification. Any signed-in person (their own).
#[utoipa::path(put, path = "/api/v1/me/notification-settings", tag = "notifications", request_body = NotificationSettingsChange,
    responses((status = 200, body = NotificationSettings), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn set_notification_settings(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Json(change): Json<NotificationSettingsChange>,
) -> Result<Json<NotificationSettings>, ApiError> {
    if change.items.len() > 20 {
        return Err(ApiError::invalid("at most 20 settings at once"));
    }
    let mut tx = state.db.pool().begin().await?;
    for setting in &change.items {
        notifications::set_channel(&mut *tx, &caller.user.id, setting.kind, setting.channel)
            .await?;
    }
    tx.commit().await?;
    Ok(Json(settings_of(&state, &caller.user.id).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct UnsubscribeRequest {
    /// The token of an email's unsubscribe link.
    #[schema(max_length = 200)]
    pub token: String,
}

#[derive(Serialize, ToSchema)]
pub struct Unsubscribed {
    /// The kinds no longer emailed (they still reach the inbox).
    pub kinds: Vec<Kind>,
}

/// Follow an email's unsubscribe link: that kind of notification (every kind, for a digest) is
/// no longer emailed to its person; it still reaches their inbox. Public: the link's token is
/// the credential.
#[utoipa::path(post, path = "/api/v1/unsubscribe", tag = "notifications", request_body = UnsubscribeRequest,
    responses((status = 200, body = Unsubscribed), (status = 404, body = ErrorBody)))]
async fn unsubscribe(
    State(state): State<AppState>,
    Json(request): Json<UnsubscribeRequest>,
) -> Result<Json<Unsubscribed>, ApiError> {
    if request.token.len() > 200 {
        return Err(ApiError::NotFound);
    }
    let kinds = notifications::unsubscribe(&state.db, &request.token)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(Unsubscribed { kinds }))
}

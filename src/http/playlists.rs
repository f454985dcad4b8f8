//! Playlists (on-boarding and others): trainers build them from videos and handouts, publish
//! them and assign them to people; everyone sees the published ones, with their own progress and,
//! in sequential playlists, which items are still locked.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Member, Trainer};
use super::error::ErrorBody;
use super::{ApiError, AppState, Json};
use crate::db::playlists::{self, Item, Playlist};
use crate::db::{handouts, users, videos};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_playlists, create_playlist))
        .routes(routes!(get_playlist, update_playlist, delete_playlist))
        .routes(routes!(add_item))
        .routes(routes!(remove_item))
        .routes(routes!(assign))
}

#[derive(Deserialize, ToSchema)]
pub struct PlaylistFields {
    pub title: Option<String>,
    pub description: Option<String>,
    pub intro: Option<String>,
    pub onboarding: Option<bool>,
    pub sequential: Option<bool>,
    pub published: Option<bool>,
}

fn apply(mut playlist: Playlist, fields: PlaylistFields) -> Result<Playlist, ApiError> {
    if let Some(title) = fields.title {
        playlist.title = title.trim().to_owned();
    }
    if playlist.title.is_empty() || playlist.title.chars().count() > 200 {
        return Err(ApiError::invalid("the title must be 1 to 200 characters"));
    }
    playlist.description = fields.description.unwrap_or(playlist.description);
    playlist.intro = fields.intro.unwrap_or(playlist.intro);
    playlist.onboarding = fields.onboarding.unwrap_or(playlist.onboarding);
    playlist.sequential = fields.sequential.unwrap_or(playlist.sequential);
    playlist.published = fields.published.unwrap_or(playlist.published);
    Ok(playlist)
}

/// Create a playlist (a draft unless `published`). Trainers and admins.
#[utoipa::path(post, path = "/api/v1/playlists", tag = "playlists", request_body = PlaylistFields,
    responses((status = 201, body = Playlist), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_playlist(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Json(fields): Json<PlaylistFields>,
) -> Result<(StatusCode, Json<Playlist>), ApiError> {
    let blank = Playlist {
        id: playlists::new_playlist_id(),
        title: String::new(),
        description: String::new(),
        intro: String::new(),
        onboarding: false,
        sequential: false,
        published: false,
        updated_at: crate::db::now_ms(),
    };
    let playlist = apply(blank, fields)?;
    playlists::create(state.db.pool(), &caller.org.id, &caller.user.id, &playlist).await?;
    Ok((StatusCode::CREATED, Json(playlist)))
}

/// The organisation's playlists: published ones, and drafts for trainers. Any signed-in person.
#[utoipa::path(get, path = "/api/v1/playlists", tag = "playlists",
    responses((status = 200, body = [Playlist]), (status = 401, body = ErrorBody)))]
async fn list_playlists(
    State(state): State<AppState>,
    caller: Caller<Member>,
) -> Result<Json<Vec<Playlist>>, ApiError> {
    Ok(Json(
        playlists::list(state.db.pool(), &caller.org.id, caller.is_trainer()).await?,
    ))
}

#[derive(Serialize, ToSchema)]
pub struct PlaylistView {
    #[serde(flatten)]
    pub playlist: Playlist,
    pub items: Vec<Item>,
}

/// A playlist of the caller's organisation, with the caller's progress. Drafts only for
/// trainers. Any signed-in person.
#[utoipa::path(get, path = "/api/v1/playlists/{playlist_id}", tag = "playlists", params(("playlist_id" = String, Path)),
    responses((status = 200, body = PlaylistView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_playlist(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(playlist_id): Path<String>,
) -> Result<Json<PlaylistView>, ApiError> {
    let pool = state.db.pool();
    let playlist = playlists::in_org(pool, &caller.org.id, &playlist_id)
        .await?
        .filter(|p| p.published || caller.is_trainer())
        .ok_or(ApiError::NotFound)?;
    let mut items = playlists::items(pool, &playlist.id, &caller.user.id).await?;
    if playlist.sequential {
        let mut open = true;
        for item in &mut items {
            item.locked = !open;
            open = open && item.completed;
        }
    }
    Ok(Json(PlaylistView { playlist, items }))
}

/// Change a playlist's fields (title, texts, flags, publish). Trainers and admins.
#[utoipa::path(patch, path = "/api/v1/playlists/{playlist_id}", tag = "playlists", request_body = PlaylistFields,
    params(("playlist_id" = String, Path)),
    responses((status = 200, body = Playlist), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn update_playlist(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(playlist_id): Path<String>,
    Json(fields): Json<PlaylistFields>,
) -> Result<Json<Playlist>, ApiError> {
    let current = playlists::in_org(state.db.pool(), &caller.org.id, &playlist_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let playlist = apply(current, fields)?;
    playlists::update(state.db.pool(), &caller.org.id, &playlist).await?;
    Ok(Json(playlist))
}

/// Delete a playlist and its assignments. Trainers and admins.
#[utoipa::path(delete, path = "/api/v1/playlists/{playlist_id}", tag = "playlists", params(("playlist_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete_playlist(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(playlist_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let playlist = playlists::in_org(state.db.pool(), &caller.org.id, &playlist_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    playlists::delete(state.db.pool(), &caller.org.id, &playlist.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct NewItem {
    /// video | handout
    pub kind: String,
    pub item_id: String,
}

/// Append a video or handout of the organisation to a playlist. Trainers and admins.
#[utoipa::path(post, path = "/api/v1/playlists/{playlist_id}/items", tag = "playlists", request_body = NewItem,
    params(("playlist_id" = String, Path)),
    responses((status = 201, body = Item), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn add_item(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(playlist_id): Path<String>,
    Json(new): Json<NewItem>,
) -> Result<(StatusCode, Json<Item>), ApiError> {
    let pool = state.db.pool();
    let playlist = playlists::in_org(pool, &caller.org.id, &playlist_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let title = match new.kind.as_str() {
        "video" => videos::in_org(pool, &caller.org.id, &new.item_id)
            .await?
            .map(|v| v.title),
        "handout" => handouts::in_org(pool, &caller.org.id, &new.item_id)
            .await?
            .map(|h| h.title),
        _ => return Err(ApiError::invalid("kind must be video or handout")),
    }
    .ok_or_else(|| {
        ApiError::invalid(format!("no {} with that id in your organisation", new.kind))
    })?;
    let id =
        playlists::add_item(pool, &caller.org.id, &playlist.id, &new.kind, &new.item_id).await?;
    let item = Item {
        id,
        kind: new.kind,
        item_id: new.item_id,
        title,
        completed: false,
        locked: false,
    };
    Ok((StatusCode::CREATED, Json(item)))
}

/// Remove an item from a playlist. Trainers and admins.
#[utoipa::path(delete, path = "/api/v1/playlists/{playlist_id}/items/{entry_id}", tag = "playlists",
    params(("playlist_id" = String, Path), ("entry_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn remove_item(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path((playlist_id, entry_id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let playlist = playlists::in_org(state.db.pool(), &caller.org.id, &playlist_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if playlists::remove_item(state.db.pool(), &playlist.id, &entry_id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}

#[derive(Deserialize, ToSchema)]
pub struct NewAssignments {
    pub user_ids: Vec<String>,
    /// Unix milliseconds; optional.
    pub due_at: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct Assigned {
    pub assigned: usize,
}

/// Assign a playlist to people of the organisation, with an optional due date. Trainers and
/// admins.
#[utoipa::path(post, path = "/api/v1/playlists/{playlist_id}/assignments", tag = "playlists", request_body = NewAssignments,
    params(("playlist_id" = String, Path)),
    responses((status = 201, body = Assigned), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn assign(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(playlist_id): Path<String>,
    Json(request): Json<NewAssignments>,
) -> Result<(StatusCode, Json<Assigned>), ApiError> {
    let pool = state.db.pool();
    let playlist = playlists::in_org(pool, &caller.org.id, &playlist_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let mut tx = pool.begin().await?;
    for user_id in &request.user_ids {
        if users::member_in_org(&mut *tx, &caller.org.id, user_id)
            .await?
            .is_none()
        {
            return Err(ApiError::invalid(format!(
                "no person {user_id} in your organisation"
            )));
        }
        playlists::assign(
            &mut *tx,
            &caller.org.id,
            &playlist.id,
            user_id,
            &caller.user.id,
            request.due_at,
        )
        .await?;
    }
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(Assigned {
            assigned: request.user_ids.len(),
        }),
    ))
}

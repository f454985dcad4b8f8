//! Playlists (on-boarding and others): trainers build them from videos, handouts and external
//! resources, give them a cover and an introduction, publish them and assign them to people (or
//! to everyone of a role or cohort, in `http::assignments`); everyone sees the published ones, with their own progress
//! and, in sequential playlists, which items are still locked.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Member, Trainer};
use super::error::ErrorBody;
use super::pictures::{serve_picture, store_picture};
use super::{ApiError, AppState, Json, Query};
use crate::db::playlists::{self, EntryKind, Item, Playlist};
use crate::db::videos::VideoStatus;
use crate::db::{exercises, handouts, practice, quizzes, resources, videos};
use crate::storage::ObjectKey;
use crate::transcode::picture::{MAX_IMAGE_BYTES, Output};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_playlists, create_playlist))
        .routes(routes!(get_playlist, update_playlist, delete_playlist))
        .routes(routes!(add_item, reorder_items))
        .routes(routes!(remove_item))
}

/// Routes that take a request body larger than JSON's (the cover picture).
pub fn upload_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_cover, put_cover))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_IMAGE_BYTES + 1024))
}

#[derive(Deserialize, ToSchema)]
pub struct PlaylistFields {
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
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

/// A new playlist: its title, and optionally the other fields.
#[derive(Deserialize, ToSchema)]
pub struct NewPlaylist {
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub title: String,
    pub description: Option<String>,
    pub intro: Option<String>,
    pub onboarding: Option<bool>,
    pub sequential: Option<bool>,
    pub published: Option<bool>,
}

impl From<NewPlaylist> for PlaylistFields {
    fn from(new: NewPlaylist) -> PlaylistFields {
        PlaylistFields {
            title: Some(new.title),
            description: new.description,
            intro: new.intro,
            onboarding: new.onboarding,
            sequential: new.sequential,
            published: new.published,
        }
    }
}

/// Create a playlist (a draft unless `published`). Trainers and admins.
#[utoipa::path(post, path = "/api/v1/playlists", tag = "playlists", request_body = NewPlaylist,
    responses((status = 201, body = Playlist), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_playlist(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Json(new): Json<NewPlaylist>,
) -> Result<(StatusCode, Json<Playlist>), ApiError> {
    let blank = Playlist {
        id: playlists::new_playlist_id(),
        title: String::new(),
        description: String::new(),
        intro: String::new(),
        onboarding: false,
        sequential: false,
        published: false,
        cover_url: None,
        updated_at: crate::db::now_ms(),
    };
    let playlist = apply(blank, new.into())?;
    playlists::create(state.db.pool(), &caller.org.id, &caller.user.id, &playlist).await?;
    Ok((StatusCode::CREATED, Json(playlist)))
}

#[derive(Deserialize, IntoParams)]
pub struct PlaylistFilter {
    /// Only the playlists holding this video, handout or resource (to say what deleting it
    /// would change).
    pub contains: Option<String>,
}

/// The organisation's playlists: published ones, and drafts for trainers. Any signed-in person.
#[utoipa::path(get, path = "/api/v1/playlists", tag = "playlists", params(PlaylistFilter),
    responses((status = 200, body = [Playlist]), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
async fn list_playlists(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Query(filter): Query<PlaylistFilter>,
) -> Result<Json<Vec<Playlist>>, ApiError> {
    let containing = filter.contains.as_deref().filter(|c| !c.is_empty());
    Ok(Json(
        playlists::list(
            state.db.pool(),
            &caller.org.id,
            caller.is_trainer(),
            containing,
        )
        .await?,
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
    let playlist = visible_playlist(&state, &caller, &playlist_id).await?;
    Ok(Json(view(&state, &caller, playlist).await?))
}

/// A playlist of the caller's organisation, or 404; a draft only for trainers.
async fn visible_playlist<R: super::auth::RequiredRole>(
    state: &AppState,
    caller: &Caller<R>,
    playlist_id: &str,
) -> Result<Playlist, ApiError> {
    playlists::in_org(state.db.pool(), &caller.org.id, playlist_id)
        .await?
        .filter(|p| p.published || caller.is_trainer())
        .ok_or(ApiError::NotFound)
}

/// A playlist with the caller's progress; in a sequential one, every item after the first
/// incomplete one is locked.
async fn view<R: super::auth::RequiredRole>(
    state: &AppState,
    caller: &Caller<R>,
    playlist: Playlist,
) -> Result<PlaylistView, ApiError> {
    let mut items = playlists::items(state.db.pool(), &playlist.id, &caller.user.id).await?;
    if playlist.sequential {
        let mut open = true;
        for item in &mut items {
            item.locked = !open;
            open = open && item.completed;
        }
    }
    Ok(PlaylistView { playlist, items })
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
    let cover = playlists::cover_key(state.db.pool(), &caller.org.id, &playlist.id).await?;
    playlists::delete(state.db.pool(), &caller.org.id, &playlist.id).await?;
    if let Some(cover) = cover {
        state.store.delete(&ObjectKey::new(cover)?).await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct NewItem {
    pub kind: EntryKind,
    pub item_id: String,
    /// Where to insert it, counting from 0; at the end when left out.
    pub position: Option<usize>,
}

/// Add a video, handout, external resource, practice step, quiz or workbook exercise of the
/// organisation to a playlist, at the end or at `position`. Trainers and admins.
#[utoipa::path(post, path = "/api/v1/playlists/{playlist_id}/items", tag = "playlists", request_body = NewItem,
    params(("playlist_id" = String, Path)),
    responses((status = 201, body = Item), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
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
    let (title, url) = match new.kind {
        EntryKind::Video => match videos::in_org(pool, &caller.org.id, &new.item_id).await? {
            // A practice attempt is private to its learner and reviewers.
            Some(v) if v.private => None,
            Some(v) if v.held => {
                return Err(ApiError::invalid(
                    "this video is waiting for review; approve it first",
                ));
            }
            Some(v) if v.status == VideoStatus::Failed => {
                return Err(ApiError::invalid(
                    "this video could not be processed, so it cannot be watched",
                ));
            }
            other => other.map(|v| (v.title, None)),
        },
        EntryKind::Handout => handouts::in_org(pool, &caller.org.id, &new.item_id)
            .await?
            .map(|h| (h.title, None)),
        EntryKind::Resource => resources::in_org(pool, &caller.org.id, &new.item_id)
            .await?
            .map(|r| (r.title, Some(r.url))),
        EntryKind::Practice => practice::step_in_org(pool, &caller.org.id, &new.item_id)
            .await?
            .map(|step| (step.title, None)),
        // A video's quiz is asked by its video, not on its own.
        EntryKind::Quiz => quizzes::quiz_in_org(pool, &caller.org.id, &new.item_id)
            .await?
            .filter(|quiz| quiz.video_id.is_none())
            .map(|quiz| (quiz.title, None)),
        EntryKind::Exercise => exercises::exercise_in_org(pool, &caller.org.id, &new.item_id)
            .await?
            .map(|exercise| (exercise.title, None)),
    }
    .ok_or_else(|| {
        ApiError::invalid(format!(
            "no {} with that id in your organisation",
            new.kind.as_str()
        ))
    })?;
    let mut tx = pool.begin().await?;
    let Some(id) = playlists::add_item(
        &mut tx,
        &caller.org.id,
        &playlist.id,
        new.kind.as_str(),
        &new.item_id,
        new.position,
    )
    .await?
    else {
        return Err(ApiError::Conflict(format!(
            "“{title}” is already in this playlist"
        )));
    };
    // Deleted meanwhile: the entry would point at nothing.
    if !playlists::item_exists(&mut tx, &caller.org.id, new.kind, &new.item_id).await? {
        return Err(ApiError::invalid(format!(
            "no {} with that id in your organisation",
            new.kind.as_str()
        )));
    }
    tx.commit().await?;
    let item = Item {
        id,
        kind: new.kind.as_str().to_owned(),
        item_id: new.item_id,
        title,
        url,
        completed: false,
        progress: 0.0,
        locked: false,
        duration_s: None,
        poster_url: None,
        content_type: None,
        practice_status: None,
    };
    Ok((StatusCode::CREATED, Json(item)))
}

#[derive(Deserialize, ToSchema)]
pub struct NewOrder {
    /// Every entry id of the playlist (the `id` of its items), in the order wanted.
    pub order: Vec<String>,
}

/// Put a playlist's items in a new order. Trainers and admins.
#[utoipa::path(put, path = "/api/v1/playlists/{playlist_id}/items", tag = "playlists", request_body = NewOrder,
    params(("playlist_id" = String, Path)),
    responses((status = 200, body = PlaylistView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn reorder_items(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(playlist_id): Path<String>,
    Json(request): Json<NewOrder>,
) -> Result<Json<PlaylistView>, ApiError> {
    let pool = state.db.pool();
    let playlist = playlists::in_org(pool, &caller.org.id, &playlist_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let mut tx = pool.begin().await?;
    if !playlists::reorder(&mut tx, &playlist.id, &request.order).await? {
        return Err(ApiError::invalid(
            "the order must name every item of the playlist exactly once",
        ));
    }
    tx.commit().await?;
    Ok(Json(view(&state, &caller, playlist).await?))
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

/// A playlist's cover picture. Any signed-in person of the organisation (of a draft: trainers).
#[utoipa::path(get, path = "/api/v1/playlists/{playlist_id}/cover", tag = "playlists",
    params(("playlist_id" = String, Path)),
    responses((status = 200, description = "a JPEG picture", content_type = "image/jpeg"),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_cover(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(playlist_id): Path<String>,
) -> Result<Response, ApiError> {
    let playlist = visible_playlist(&state, &caller, &playlist_id).await?;
    let key = playlists::cover_key(state.db.pool(), &caller.org.id, &playlist.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    serve_picture(&state, &key, COVER.content_type(), "private, max-age=60").await
}

/// Upload a playlist's cover picture (PNG, JPEG, WebP or GIF as the request body, at most
/// 10 MiB); it is re-encoded as a JPEG of at most 1280×720. Trainers and admins.
#[utoipa::path(put, path = "/api/v1/playlists/{playlist_id}/cover", tag = "playlists",
    params(("playlist_id" = String, Path)),
    request_body(content = inline(super::openapi::Binary), content_type = "image/*", description = "A PNG, JPEG, WebP or GIF picture, up to 10 MiB"),
    responses((status = 200, body = Playlist), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 413, body = ErrorBody), (status = 415, body = ErrorBody)))]
async fn put_cover(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(playlist_id): Path<String>,
    body: Body,
) -> Result<Json<Playlist>, ApiError> {
    let pool = state.db.pool();
    let playlist = playlists::in_org(pool, &caller.org.id, &playlist_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    // A new key per picture, so caches never show the old one under the new name.
    let key = ObjectKey::new(format!(
        "playlists/{}/cover-{}.jpg",
        playlist.id,
        crate::db::new_id()
    ))?;
    store_picture(&state, body, &key, COVER).await?;
    let old = playlists::cover_key(pool, &caller.org.id, &playlist.id).await?;
    playlists::set_cover(pool, &caller.org.id, &playlist.id, Some(key.as_str())).await?;
    if let Some(old) = old {
        let _ = state.store.delete(&ObjectKey::new(old)?).await;
    }
    let playlist = playlists::in_org(pool, &caller.org.id, &playlist.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(playlist))
}

/// Covers are JPEG photos of at most 1280×720.
const COVER: Output = Output::Jpeg {
    max_width: 1280,
    max_height: 720,
};

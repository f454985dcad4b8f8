//! Videos as the API shows them.

use axum::extract::{Path, State};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use axum::http::StatusCode;

use super::auth::{Caller, Member};
use super::error::ErrorBody;
use super::{ApiError, AppState, Json};
use crate::db::handouts::{self, Handout};
use crate::db::videos::{self, Rendition};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_video, delete_video))
}

#[derive(Serialize, ToSchema)]
pub struct VideoView {
    pub id: String,
    pub title: String,
    pub tagline: String,
    pub description: String,
    /// uploading | queued | processing | ready | failed
    pub status: String,
    /// A sentence for people when `status` is failed.
    pub error: Option<String>,
    pub duration_s: Option<f64>,
    pub width: Option<i64>,
    pub height: Option<i64>,
    /// Transcoding progress, 0 to 100.
    pub progress_pct: i64,
    /// Whether it can be played already (while processing, the first segments are there).
    pub playable: bool,
    pub renditions: Vec<Rendition>,
    /// The HLS master playlist, once playable.
    pub hls_url: Option<String>,
    pub poster_url: Option<String>,
    /// WebVTT of scrub-preview thumbnails, once ready.
    pub storyboard_url: Option<String>,
    pub handouts: Vec<Handout>,
    pub owner_id: String,
    /// Unix milliseconds.
    pub created_at: i64,
}

/// A video of the caller's organisation. Any signed-in person of that organisation.
#[utoipa::path(get, path = "/api/v1/videos/{video_id}", tag = "videos",
    params(("video_id" = String, Path)),
    responses((status = 200, body = VideoView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_video(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(video_id): Path<String>,
) -> Result<Json<VideoView>, ApiError> {
    let pool = state.db.pool();
    let video = videos::in_org(pool, &caller.org.id, &video_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let renditions = videos::renditions(pool, &caller.org.id, &video.id).await?;
    let handouts = handouts::for_video(pool, &caller.org.id, &video.id).await?;
    let hls_url = video
        .playable
        .then(|| format!("/api/v1/videos/{}/hls/master.m3u8", video.id));
    let has_picture = video.status == "ready" && video.width.unwrap_or(0) > 0;
    let poster_url = has_picture.then(|| format!("/api/v1/videos/{}/poster.jpg", video.id));
    let storyboard_url =
        has_picture.then(|| format!("/api/v1/videos/{}/storyboard/storyboard.vtt", video.id));
    Ok(Json(VideoView {
        duration_s: video.duration_ms.map(|ms| ms as f64 / 1000.0),
        hls_url,
        poster_url,
        storyboard_url,
        renditions,
        handouts,
        id: video.id,
        title: video.title,
        tagline: video.tagline,
        description: video.description,
        status: video.status,
        error: video.error,
        width: video.width,
        height: video.height,
        progress_pct: video.progress_pct,
        playable: video.playable,
        owner_id: video.owner_id,
        created_at: video.created_at,
    }))
}

/// Delete a video with everything derived from it: renditions, poster, storyboard, handouts,
/// progress, and its transcode job (a worker on it stops). Trainers and the video's owner.
#[utoipa::path(delete, path = "/api/v1/videos/{video_id}", tag = "videos",
    params(("video_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete_video(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(video_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let pool = state.db.pool();
    let video = videos::in_org(pool, &caller.org.id, &video_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if !caller.is_trainer() && caller.user.id != video.owner_id {
        return Err(ApiError::Forbidden(
            "only trainers and the video's owner delete a video".into(),
        ));
    }
    let attached = handouts::for_video(pool, &caller.org.id, &video.id).await?;
    videos::delete(pool, &caller.org.id, &video.id).await?;
    crate::db::library::remove(&state.db, &video.id).await?;
    for handout in &attached {
        crate::db::library::remove(&state.db, &handout.id).await?;
    }
    let handout_keys: Vec<String> = attached.into_iter().map(|h| h.store_key).collect();
    // The rows are gone, so nothing points at the objects any more; remove them.
    let mut keys = handout_keys;
    keys.extend(video.source_key.clone());
    crate::transcode::publish::delete_video_objects(state.store.as_ref(), &video.id, &keys).await?;
    tracing::info!(video = %video.id, "video deleted");
    Ok(StatusCode::NO_CONTENT)
}

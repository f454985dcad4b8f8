//! Videos as the API shows them (with their captions and moments, whose routes are in
//! `http::captions` and `http::moments`), their editable fields, and the review of members' uploads.

use axum::extract::{Path, State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use axum::http::StatusCode;

use super::auth::{Caller, Member, Trainer};
use super::error::ErrorBody;
use super::library::{ItemChange, forget_item, may_edit};
use super::{ApiError, AppState, Json, Query};
use crate::db::captions::{self, Caption};
use crate::db::handouts::{self, Handout};
use crate::db::library::{self, Fields, split_tags};
use crate::db::moments::{self, Moment};
use crate::db::videos::{self, Rendition, Video, VideoStatus};
use crate::db::{practice, progress};
use crate::learning::progress::ProgressView;
use crate::media::layout::VideoObjects;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_video, update_video, delete_video))
        .routes(routes!(approve_video))
        .routes(routes!(review_queue))
        .routes(routes!(list_videos))
        .routes(routes!(my_videos))
}

/// A video's captions in one language.
#[derive(Serialize, ToSchema)]
pub struct CaptionView {
    pub id: String,
    pub video_id: String,
    /// A language tag: `en`, `pt-BR`.
    pub language: String,
    /// What players show in their captions menu.
    pub label: String,
    pub cue_count: i64,
    /// The WebVTT file (for a transcript).
    pub url: String,
    /// Unix milliseconds.
    pub created_at: i64,
}

impl From<Caption> for CaptionView {
    fn from(caption: Caption) -> CaptionView {
        CaptionView {
            url: caption_url(&caption.video_id, &caption.language),
            id: caption.id,
            video_id: caption.video_id,
            language: caption.language,
            label: caption.label,
            cue_count: caption.cue_count,
            created_at: caption.created_at,
        }
    }
}

fn caption_url(video_id: &str, language: &str) -> String {
    format!("/api/v1/videos/{video_id}/captions/{language}/captions.vtt")
}

/// What a moment is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum MomentKind {
    /// A chapter: a title at a time.
    Chapter,
    /// A handout to open at that time.
    Handout,
    /// An external resource to open at that time.
    Resource,
}

/// A moment of a video.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct MomentView {
    pub id: String,
    /// Seconds from the start.
    pub at_s: f64,
    pub title: String,
    pub kind: MomentKind,
    #[schema(required = true)]
    pub handout_id: Option<String>,
    #[schema(required = true)]
    pub resource_id: Option<String>,
}

impl From<Moment> for MomentView {
    fn from(moment: Moment) -> MomentView {
        let kind = match (&moment.handout_id, &moment.resource_id) {
            (Some(_), _) => MomentKind::Handout,
            (None, Some(_)) => MomentKind::Resource,
            (None, None) => MomentKind::Chapter,
        };
        MomentView {
            id: moment.id,
            at_s: moment.at_ms as f64 / 1000.0,
            title: moment.title,
            kind,
            handout_id: moment.handout_id,
            resource_id: moment.resource_id,
        }
    }
}

/// How many videos a list answers at most.
const LIST_LIMIT: i64 = 50;

#[derive(Serialize, ToSchema)]
pub struct VideoView {
    pub id: String,
    pub title: String,
    pub tagline: String,
    pub description: String,
    pub tags: Vec<String>,
    /// Waiting for a trainer's review: only its owner and trainers see it until approved.
    pub held: bool,
    /// uploading | queued | processing | ready | failed
    pub status: VideoStatus,
    /// A sentence for people when `status` is failed.
    #[schema(required = true)]
    pub error: Option<String>,
    #[schema(required = true)]
    pub duration_s: Option<f64>,
    #[schema(required = true)]
    pub width: Option<i64>,
    #[schema(required = true)]
    pub height: Option<i64>,
    /// Transcoding progress, 0 to 100.
    pub progress_pct: i64,
    /// Whether it can be played already (while processing, the first segments are there).
    pub playable: bool,
    pub renditions: Vec<Rendition>,
    /// The HLS master playlist, once playable.
    #[schema(required = true)]
    pub hls_url: Option<String>,
    #[schema(required = true)]
    pub poster_url: Option<String>,
    /// WebVTT of scrub-preview thumbnails, once ready.
    #[schema(required = true)]
    pub storyboard_url: Option<String>,
    pub handouts: Vec<Handout>,
    /// Captions by language, each a subtitle rendition of the HLS master playlist.
    pub captions: Vec<CaptionView>,
    /// Chapters, and handouts or resources to open at a time, in time order.
    pub moments: Vec<MomentView>,
    pub owner_id: String,
    /// Unix milliseconds.
    pub created_at: i64,
    /// The caller's own progress on it, to resume from on any device; null before they watched.
    #[schema(required = true)]
    pub my_progress: Option<ProgressView>,
}

/// A video of the caller's organisation, or 404; one held for review or whose processing failed
/// only for its owner and trainers; a practice attempt's recording only for its learner, their
/// reviewers and trainers.
pub(crate) async fn visible_video<R: super::auth::RequiredRole>(
    state: &AppState,
    caller: &Caller<R>,
    video_id: &str,
) -> Result<Video, ApiError> {
    let pool = state.db.pool();
    let video = videos::in_org(pool, &caller.org.id, video_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if may_edit(caller, &video.owner_id) {
        return Ok(video);
    }
    if video.held || video.status == VideoStatus::Failed {
        return Err(ApiError::NotFound);
    }
    if video.private {
        let attempt = practice::attempt_of_video(pool, &caller.org.id, &video.id)
            .await?
            .ok_or(ApiError::NotFound)?;
        if !practice::is_reviewer(pool, &attempt.step_id, &attempt.user_id, &caller.user.id).await?
        {
            return Err(ApiError::NotFound);
        }
    }
    Ok(video)
}

/// A video as the API shows it to `viewer`.
async fn view(state: &AppState, video: Video, viewer: &str) -> Result<VideoView, ApiError> {
    let pool = state.db.pool();
    let my_progress = progress::get(pool, viewer, &video.id).await?.map(|p| {
        ProgressView::new(
            p.watched.total_ms(),
            video.duration_ms.unwrap_or(0),
            p.completed_at.is_some(),
            p.position_ms,
        )
    });
    let renditions = videos::renditions(pool, &video.org_id, &video.id).await?;
    let handouts = handouts::for_video(pool, &video.org_id, &video.id).await?;
    let captions = captions::for_video(pool, &video.org_id, &video.id).await?;
    let moments = moments::for_video(pool, &video.org_id, &video.id).await?;
    let hls_url = video
        .playable
        .then(|| format!("/api/v1/videos/{}/hls/master.m3u8", video.id));
    let has_picture = video.status == VideoStatus::Ready && video.width.unwrap_or(0) > 0;
    let poster_url = has_picture.then(|| format!("/api/v1/videos/{}/poster.jpg", video.id));
    let storyboard_url =
        has_picture.then(|| format!("/api/v1/videos/{}/storyboard/storyboard.vtt", video.id));
    Ok(VideoView {
        duration_s: video.duration_ms.map(|ms| ms as f64 / 1000.0),
        hls_url,
        poster_url,
        storyboard_url,
        renditions,
        handouts,
        captions: captions.into_iter().map(CaptionView::from).collect(),
        moments: moments.into_iter().map(MomentView::from).collect(),
        tags: split_tags(&video.tags),
        held: video.held,
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
        my_progress,
    })
}

/// A video of the caller's organisation. Any signed-in person of that organisation (a video held
/// for review: its owner and trainers).
#[utoipa::path(get, path = "/api/v1/videos/{video_id}", tag = "videos",
    params(("video_id" = String, Path)),
    responses((status = 200, body = VideoView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_video(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(video_id): Path<String>,
) -> Result<Json<VideoView>, ApiError> {
    let video = visible_video(&state, &caller, &video_id).await?;
    Ok(Json(view(&state, video, &caller.user.id).await?))
}

/// Change a video's title, tag-line, description or tags. Trainers, and the video's owner.
#[utoipa::path(patch, path = "/api/v1/videos/{video_id}", tag = "videos", request_body = ItemChange,
    params(("video_id" = String, Path)),
    responses((status = 200, body = VideoView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_video(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(video_id): Path<String>,
    Json(change): Json<ItemChange>,
) -> Result<Json<VideoView>, ApiError> {
    let video = visible_video(&state, &caller, &video_id).await?;
    if !may_edit(&caller, &video.owner_id) {
        return Err(ApiError::Forbidden(
            "only trainers and the video's owner edit a video".into(),
        ));
    }
    let current = Fields {
        title: video.title.clone(),
        tagline: video.tagline.clone(),
        description: video.description.clone(),
        tags: split_tags(&video.tags),
    };
    let fields = change.apply(current)?;
    library::update_fields(&state.db, "video", &caller.org.id, &video.id, &fields).await?;
    let video = visible_video(&state, &caller, &video.id).await?;
    Ok(Json(view(&state, video, &caller.user.id).await?))
}

/// Release a video held for review into the library. Trainers and admins.
#[utoipa::path(post, path = "/api/v1/videos/{video_id}/approve", tag = "videos",
    params(("video_id" = String, Path)),
    responses((status = 200, body = VideoView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn approve_video(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(video_id): Path<String>,
) -> Result<Json<VideoView>, ApiError> {
    let video = visible_video(&state, &caller, &video_id).await?;
    if !videos::approve(state.db.pool(), &caller.org.id, &video.id).await? {
        return Err(ApiError::Conflict(
            "this video is not waiting for review".into(),
        ));
    }
    library::reindex(&state.db, "video", &video.id).await?;
    for handout in handouts::for_video(state.db.pool(), &caller.org.id, &video.id).await? {
        library::reindex(&state.db, "handout", &handout.id).await?;
    }
    tracing::info!(video = %video.id, by = %caller.user.id, "video approved");
    let video = visible_video(&state, &caller, &video.id).await?;
    Ok(Json(view(&state, video, &caller.user.id).await?))
}

#[derive(Serialize, ToSchema)]
pub struct ReviewQueue {
    pub items: Vec<VideoView>,
}

/// The organisation's videos waiting for review, oldest first. Trainers and admins.
#[utoipa::path(get, path = "/api/v1/reviews", tag = "videos",
    responses((status = 200, body = ReviewQueue), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn review_queue(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
) -> Result<Json<ReviewQueue>, ApiError> {
    let mut items = Vec::new();
    for video in videos::held_in_org(state.db.pool(), &caller.org.id).await? {
        items.push(view(&state, video, &caller.user.id).await?);
    }
    Ok(Json(ReviewQueue { items }))
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
    let video = visible_video(&state, &caller, &video_id).await?;
    if !may_edit(&caller, &video.owner_id) {
        return Err(ApiError::Forbidden(
            "only trainers and the video's owner delete a video".into(),
        ));
    }
    remove_video(&state, &caller.org.id, &video).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Deletes a video with its handouts, its entries in the index and playlists, its discussion
/// and its stored objects.
pub(crate) async fn remove_video(
    state: &AppState,
    org_id: &str,
    video: &Video,
) -> Result<(), ApiError> {
    let pool = state.db.pool();
    let attached = handouts::for_video(pool, org_id, &video.id).await?;
    videos::delete(pool, org_id, &video.id).await?;
    forget_item(state, org_id, &video.id).await?;
    for handout in &attached {
        forget_item(state, org_id, &handout.id).await?;
    }
    let handout_keys: Vec<String> = attached.into_iter().map(|h| h.store_key).collect();
    // The rows are gone, so nothing points at the objects any more; remove them.
    let mut keys = handout_keys;
    keys.extend(video.source_key.clone());
    VideoObjects::of(&video.id)
        .delete_all(state.store.as_ref(), &keys)
        .await?;
    tracing::info!(video = %video.id, "video deleted");
    Ok(())
}

#[derive(Serialize, ToSchema)]
pub struct VideoList {
    pub items: Vec<VideoView>,
}

#[derive(Deserialize, IntoParams)]
pub struct VideoFilter {
    /// Only videos in this state.
    pub status: Option<VideoStatus>,
}

/// The organisation's videos, newest first (at most 50), for example the failed ones to clear
/// up. Trainers and admins.
#[utoipa::path(get, path = "/api/v1/videos", tag = "videos", params(VideoFilter),
    responses((status = 200, body = VideoList), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
async fn list_videos(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Query(filter): Query<VideoFilter>,
) -> Result<Json<VideoList>, ApiError> {
    let found = videos::list(
        state.db.pool(),
        &caller.org.id,
        None,
        filter.status,
        LIST_LIMIT,
    )
    .await?;
    let mut items = Vec::with_capacity(found.len());
    for video in found {
        items.push(view(&state, video, &caller.user.id).await?);
    }
    Ok(Json(VideoList { items }))
}

/// The caller's own uploads, newest first (at most 50), in every state: the ones still
/// processing, ready, or failed with the sentence saying why. Any signed-in person.
#[utoipa::path(get, path = "/api/v1/me/videos", tag = "videos",
    responses((status = 200, body = VideoList), (status = 401, body = ErrorBody)))]
async fn my_videos(
    State(state): State<AppState>,
    caller: Caller<Member>,
) -> Result<Json<VideoList>, ApiError> {
    let found = videos::list(
        state.db.pool(),
        &caller.org.id,
        Some(&caller.user.id),
        None,
        LIST_LIMIT,
    )
    .await?;
    let mut items = Vec::with_capacity(found.len());
    for video in found {
        items.push(view(&state, video, &caller.user.id).await?);
    }
    Ok(Json(VideoList { items }))
}

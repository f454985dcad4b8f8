//! Playback delivery: the HLS master and media playlists, init segments and segments, the
//! poster and storyboard, downloads, and signed playback links.
//!
//! Every request is access-checked: a signed-in member of the video's organisation (cookie or
//! bearer token), or a signed playback token (`?token=`) for that one video when the
//! organisation allows links. In `presigned` delivery mode media playlists are rewritten per
//! request so segments come straight from the store; the filesystem store has no such URLs and
//! is proxied. Where the files are is [`crate::media::layout`]'s business.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{self, Caller, Trainer};
use super::error::ErrorBody;
use super::objects as serve;
use super::{ApiError, AppState, Json, Query};
use crate::auth::secret::hash_token;
use crate::config::MediaDelivery;
use crate::db::videos::{self, Video, VideoStatus};
use crate::db::{captions, now_ms, orgs, sessions};
use crate::media::captions::{SubtitleTrack, subtitle_playlist_uri, with_subtitles};
use crate::media::layout::{self, VideoObjects};
use crate::media::{access, playlist, token};
use crate::storage::{self, ObjectKey};

/// How long presigned segment URLs live: longer than anyone watches one playlist load.
const PRESIGN_TTL: Duration = Duration::from_secs(3600);
const PLAYLIST: &str = "application/vnd.apple.mpegurl";

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(master_playlist))
        .routes(routes!(rendition_file))
        .routes(routes!(poster))
        .routes(routes!(storyboard))
        .routes(routes!(download))
        .routes(routes!(create_playback_link))
}

#[derive(Deserialize, IntoParams)]
pub struct TokenQuery {
    /// A signed playback token, for viewers who are not signed in.
    pub token: Option<String>,
}

/// The video a request may see, and the playback token it came with (to pass on in playlists).
/// With `recent`, an access granted within [`access::ACCESS_TTL`] is believed without asking the
/// database (segments and media playlists: a player's every few seconds).
pub(super) async fn viewable(
    state: &AppState,
    headers: &HeaderMap,
    video_id: &str,
    token: Option<&str>,
    recent: bool,
) -> Result<(Arc<Video>, Option<String>), ApiError> {
    let credential = match (auth::bearer_token(headers), auth::session_cookie(headers)) {
        (Some(token), _) => Some(sessions::Credential::ApiToken(token)),
        (None, Some(token)) => Some(sessions::Credential::Session(token)),
        (None, None) => None,
    };
    if let Some(credential) = credential {
        let remembered = match credential {
            sessions::Credential::ApiToken(t) => access::Credential::ApiToken(hash_token(t)),
            sessions::Credential::Session(t) => access::Credential::Session(hash_token(t)),
        };
        if recent && let Some(video) = state.access.get(&remembered, video_id) {
            return Ok((video, None));
        }
        // When a grant expires under load, one request asks and the others wait for it.
        let _asking = state.access.asking(&remembered, video_id).await;
        if recent && let Some(video) = state.access.get(&remembered, video_id) {
            return Ok((video, None));
        }
        // One query authenticates and finds the video: this is the hot path of playback.
        match sessions::video_for(state.db.pool(), credential, video_id).await? {
            Some(Some(video)) => {
                let video = Arc::new(video);
                state.access.grant(remembered, video.clone());
                return Ok((video, None));
            }
            Some(None) => return Err(ApiError::NotFound),
            // An expired session does not stop a signed link from working.
            None => {}
        }
    }
    let token = token.ok_or(ApiError::Unauthorized)?;
    let link = access::Credential::Link(token.to_owned());
    if recent && let Some(video) = state.access.get(&link, video_id) {
        return Ok((video, Some(token.to_owned())));
    }
    let _asking = state.access.asking(&link, video_id).await;
    if recent && let Some(video) = state.access.get(&link, video_id) {
        return Ok((video, Some(token.to_owned())));
    }
    let video = videos::by_id(state.db.pool(), video_id)
        .await?
        .ok_or(ApiError::Unauthorized)?;
    let policy = orgs::policy(state.db.pool(), &video.org_id)
        .await?
        .ok_or(ApiError::Unauthorized)?;
    if !policy.allow_public_links || !token::verify(&policy.signing_key, &video.id, token, now_ms())
    {
        return Err(ApiError::Unauthorized);
    }
    let video = Arc::new(video);
    state.access.grant(link, video.clone());
    Ok((video, Some(token.to_owned())))
}

pub(super) fn playlist_response(body: String, processing: bool) -> Response {
    // An EVENT playlist grows while the video processes: players must look again soon.
    let cache = if processing {
        "private, max-age=2"
    } else {
        "private, max-age=60"
    };
    metrics::counter!("media_playlist_requests_total").increment(1);
    metrics::counter!("media_bytes_served_total", "route" => "playlist")
        .increment(body.len() as u64);
    (
        [
            (header::CONTENT_TYPE, PLAYLIST),
            (header::CACHE_CONTROL, cache),
        ],
        body,
    )
        .into_response()
}

async fn read_playlist(state: &AppState, key: &ObjectKey) -> Result<String, ApiError> {
    let bytes = storage::read_small(state.store.as_ref(), key, 1 << 20).await?;
    String::from_utf8(bytes).map_err(|e| ApiError::Internal(e.into()))
}

/// The HLS master playlist, with the video's captions as subtitle renditions. Members of the
/// video's organisation, or a playback token.
#[utoipa::path(get, path = "/api/v1/videos/{video_id}/hls/master.m3u8", tag = "playback",
    params(("video_id" = String, Path), TokenQuery),
    responses((status = 200, content_type = "application/vnd.apple.mpegurl"), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn master_playlist(
    State(state): State<AppState>,
    Path(video_id): Path<String>,
    Query(query): Query<TokenQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (video, token) =
        viewable(&state, &headers, &video_id, query.token.as_deref(), false).await?;
    if !video.playable {
        return Err(ApiError::NotFound);
    }
    let text = read_playlist(&state, &VideoObjects::of(&video.id).master()?).await?;
    let captions = captions::for_video(state.db.pool(), &video.org_id, &video.id).await?;
    let tracks: Vec<SubtitleTrack> = captions
        .iter()
        .map(|c| SubtitleTrack {
            language: &c.language,
            label: &c.label,
            uri: subtitle_playlist_uri(&c.language),
        })
        .collect();
    let text = with_subtitles(&text, &tracks);
    let text = match &token {
        Some(token) => playlist::rewrite_uris(&text, |uri| playlist::with_token(uri, token)),
        None => text,
    };
    Ok(playlist_response(text, video.status != VideoStatus::Ready))
}

/// What a rendition file is, by name; `None` for anything else.
fn media_kind(file: &str) -> Option<&'static str> {
    if file == "index.m3u8" {
        Some(PLAYLIST)
    } else if file == "init.mp4" {
        Some("video/mp4")
    } else if file
        .strip_prefix("seg_")
        .and_then(|s| s.strip_suffix(".m4s"))
        .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
    {
        Some("video/iso.segment")
    } else {
        None
    }
}

/// A media playlist, init segment or segment of one rendition. Members of the video's
/// organisation, or a playback token.
#[utoipa::path(get, path = "/api/v1/videos/{video_id}/hls/{rendition}/{file}", tag = "playback",
    params(("video_id" = String, Path), ("rendition" = String, Path), ("file" = String, Path), TokenQuery),
    responses((status = 200), (status = 206), (status = 304), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn rendition_file(
    State(state): State<AppState>,
    Path((video_id, rendition, file)): Path<(String, String, String)>,
    Query(query): Query<TokenQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let started = Instant::now();
    let (video, token) =
        viewable(&state, &headers, &video_id, query.token.as_deref(), true).await?;
    let content_type = media_kind(&file)
        .filter(|_| layout::is_rendition_name(&rendition))
        .ok_or(ApiError::NotFound)?;
    if !video.playable {
        return Err(ApiError::NotFound);
    }
    let objects = VideoObjects::of(&video.id);
    let key = objects.rendition(&rendition, &file)?;
    if content_type == PLAYLIST {
        let text = read_playlist(&state, &key).await?;
        let presigned = state.config.media_delivery == MediaDelivery::Presigned;
        let mut rewritten = text.clone();
        if presigned {
            // Each media URI becomes a short-lived store URL (None for local files: proxied).
            let mut urls = Vec::new();
            for uri in playlist::uris(&text) {
                let key = objects.rendition(&rendition, &uri)?;
                urls.push((uri, state.store.presign_get(&key, PRESIGN_TTL).await?));
            }
            rewritten =
                playlist::rewrite_uris(&text, |uri| match urls.iter().find(|(u, _)| u == uri) {
                    Some((_, Some(url))) => url.clone(),
                    _ => token
                        .as_deref()
                        .map_or_else(|| uri.to_owned(), |t| playlist::with_token(uri, t)),
                });
        } else if let Some(token) = &token {
            rewritten = playlist::rewrite_uris(&text, |uri| playlist::with_token(uri, token));
        }
        return Ok(playlist_response(
            rewritten,
            !text.contains("#EXT-X-ENDLIST"),
        ));
    }
    let response = serve::object_hot(
        state.store.as_ref(),
        &state.hot,
        &key,
        &headers,
        content_type,
        serve::IMMUTABLE,
        "segment",
    )
    .await?;
    metrics::histogram!("media_segment_latency_seconds").record(started.elapsed().as_secs_f64());
    Ok(response)
}

/// The poster: a representative frame as JPEG. Members, or a playback token.
#[utoipa::path(get, path = "/api/v1/videos/{video_id}/poster.jpg", tag = "playback",
    params(("video_id" = String, Path), TokenQuery),
    responses((status = 200, content_type = "image/jpeg"), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn poster(
    State(state): State<AppState>,
    Path(video_id): Path<String>,
    Query(query): Query<TokenQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (video, _) = viewable(&state, &headers, &video_id, query.token.as_deref(), false).await?;
    let key = VideoObjects::of(&video.id).poster()?;
    serve::object(
        state.store.as_ref(),
        &key,
        &headers,
        "image/jpeg",
        "private, max-age=3600",
        "poster",
    )
    .await
}

/// Scrub previews: `storyboard.vtt` and the sprite sheets it names. Members, or a token.
#[utoipa::path(get, path = "/api/v1/videos/{video_id}/storyboard/{file}", tag = "playback",
    params(("video_id" = String, Path), ("file" = String, Path), TokenQuery),
    responses((status = 200), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn storyboard(
    State(state): State<AppState>,
    Path((video_id, file)): Path<(String, String)>,
    Query(query): Query<TokenQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (video, _) = viewable(&state, &headers, &video_id, query.token.as_deref(), false).await?;
    let content_type = if file == "storyboard.vtt" {
        "text/vtt; charset=utf-8"
    } else if file
        .strip_prefix("sheet_")
        .and_then(|s| s.strip_suffix(".jpg"))
        .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
    {
        "image/jpeg"
    } else {
        return Err(ApiError::NotFound);
    };
    let key = VideoObjects::of(&video.id).storyboard(&file)?;
    serve::object(
        state.store.as_ref(),
        &key,
        &headers,
        content_type,
        "private, max-age=3600",
        "storyboard",
    )
    .await
}

/// A stored rendition's name in the layout.
fn rendition_name(rendition: &videos::Rendition) -> String {
    let side = |n: i64| u32::try_from(n).unwrap_or(0);
    layout::rendition_name(side(rendition.width), side(rendition.height))
}

#[derive(Deserialize, IntoParams)]
pub struct DownloadQuery {
    /// `original`, or a rendition such as `720p` (default: the highest).
    pub rendition: Option<String>,
    pub token: Option<String>,
}

/// Download the original or one rendition as a single MP4, for offline viewing, when the
/// organisation allows downloads. Members, or a playback token (renditions only).
#[utoipa::path(get, path = "/api/v1/videos/{video_id}/download", tag = "playback",
    params(("video_id" = String, Path), DownloadQuery),
    responses((status = 200, content_type = "video/mp4"), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "the video is still being processed")))]
async fn download(
    State(state): State<AppState>,
    Path(video_id): Path<String>,
    Query(query): Query<DownloadQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (video, link) =
        viewable(&state, &headers, &video_id, query.token.as_deref(), false).await?;
    let policy = orgs::policy(state.db.pool(), &video.org_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if !policy.allow_downloads {
        return Err(ApiError::Forbidden(
            "your organisation does not allow downloads".into(),
        ));
    }
    let name = crate::upload::metadata::safe_filename(&video.title, "video");
    let disposition =
        |suffix: &str| super::handouts::content_disposition(&format!("{name}{suffix}"));
    if query.rendition.as_deref() == Some("original") {
        // The upload as it came, with the location and device details transcoding removes:
        // for signed-in members only, never through a playback link.
        if link.is_some() {
            return Err(ApiError::Forbidden(
                "a playback link does not give the original file; sign in to download it".into(),
            ));
        }
        let key = video.source_key.clone().ok_or(ApiError::NotFound)?;
        let mut response = serve::object(
            state.store.as_ref(),
            &ObjectKey::new(key)?,
            &headers,
            "application/octet-stream",
            "private, max-age=0",
            "download",
        )
        .await?;
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, disposition(""));
        return Ok(response);
    }
    if video.status != VideoStatus::Ready {
        return Err(ApiError::Conflict(
            "the video is still being processed".into(),
        ));
    }
    let renditions = videos::renditions(state.db.pool(), &video.org_id, &video.id).await?;
    let chosen = match query.rendition.as_deref() {
        Some(name) => renditions
            .iter()
            .find(|r| rendition_name(r) == name)
            .ok_or(ApiError::NotFound)?,
        None => renditions.last().ok_or(ApiError::NotFound)?,
    };
    let folder = rendition_name(chosen);
    // A fragmented MP4: the init segment followed by every media segment, streamed in order.
    let objects = VideoObjects::of(&video.id);
    let text = read_playlist(&state, &objects.rendition(&folder, layout::MEDIA_PLAYLIST)?).await?;
    let keys: Vec<ObjectKey> = playlist::uris(&text)
        .into_iter()
        .map(|u| objects.rendition(&folder, &u))
        .collect::<Result<_, _>>()?;
    let store = state.store.clone();
    let body = futures_util::stream::iter(keys)
        .then(move |key| {
            let store = store.clone();
            async move {
                store
                    .get_range(&key, None)
                    .await
                    .map(|o| o.body)
                    .map_err(std::io::Error::other)
            }
        })
        .map(|body| match body {
            Ok(body) => body,
            Err(err) => Box::pin(futures_util::stream::once(async move { Err(err) })),
        })
        .flatten();
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("video/mp4")),
            (
                header::CONTENT_DISPOSITION,
                disposition(&format!(" {folder}.mp4")),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, max-age=0"),
            ),
        ],
        Body::from_stream(body),
    )
        .into_response())
}

#[derive(Deserialize, ToSchema)]
pub struct NewPlaybackLink {
    /// How long the link works, in hours (1 to 720; default 72).
    #[schema(minimum = 1, maximum = 720)]
    pub hours: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct PlaybackLink {
    /// The master playlist URL with its token: plays without signing in.
    pub url: String,
    pub token: String,
    /// Unix milliseconds.
    pub expires_at: i64,
}

/// Make a link that plays this video without signing in, until it expires (or the
/// organisation's signing key is rotated). Trainers and admins, when the organisation allows it.
#[utoipa::path(post, path = "/api/v1/videos/{video_id}/playback-links", tag = "playback", request_body = NewPlaybackLink,
    params(("video_id" = String, Path)),
    responses((status = 201, body = PlaybackLink), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn create_playback_link(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(video_id): Path<String>,
    Json(request): Json<NewPlaybackLink>,
) -> Result<(StatusCode, Json<PlaybackLink>), ApiError> {
    let video = super::videos::visible_video(&state, &caller, &video_id).await?;
    let policy = orgs::policy(state.db.pool(), &caller.org.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if !policy.allow_public_links {
        return Err(ApiError::Forbidden(
            "your organisation does not allow playback links; an admin can turn them on".into(),
        ));
    }
    let hours = request.hours.unwrap_or(72);
    if !(1..=720).contains(&hours) {
        return Err(ApiError::invalid("a link lasts 1 to 720 hours"));
    }
    let expires_at = now_ms() + hours * 3600 * 1000;
    let token = token::sign(&policy.signing_key, &video.id, expires_at);
    let mut url = state.config.public_url.clone();
    url.set_path(&format!("/api/v1/videos/{}/hls/master.m3u8", video.id));
    url.set_query(Some(&format!("token={token}")));
    Ok((
        StatusCode::CREATED,
        Json(PlaybackLink {
            url: url.to_string(),
            token,
            expires_at,
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_media_names_are_served() {
        assert_eq!(media_kind("seg_00012.m4s"), Some("video/iso.segment"));
        assert_eq!(media_kind("init.mp4"), Some("video/mp4"));
        assert_eq!(media_kind("index.m3u8"), Some(PLAYLIST));
        assert_eq!(media_kind("../source"), None);
        assert_eq!(media_kind("seg_1.m4s.exe"), None);
    }
}

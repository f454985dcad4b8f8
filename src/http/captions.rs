//! Captions: trainers and a video's owner send WebVTT or SRT per language; it is checked and
//! kept as one WebVTT file, served to players as an HLS subtitle rendition (the master playlist
//! names it, see `http::playback`) and as a file for the web app's transcript. What is said in
//! it becomes searchable in the library.

use axum::extract::multipart::{Field, MultipartRejection};
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use bytes::Bytes;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Member};
use super::error::ErrorBody;
use super::handouts::read_field;
use super::library::may_edit;
use super::playback::{TokenQuery, playlist_response, viewable};
use super::videos::{CaptionView, visible_video};
use super::{ApiError, AppState, Json, Query};
use crate::db::captions::{self, Caption};
use crate::db::library;
use crate::media::captions::{self as parse, MAX_CAPTION_BYTES};
use crate::media::layout::VideoObjects;
use crate::storage;

/// The upload (its own body limit).
pub fn upload_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_captions, add_captions))
        .layer(DefaultBodyLimit::max(MAX_CAPTION_BYTES + 64 * 1024))
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(delete_captions))
        .routes(routes!(caption_file))
        .routes(routes!(subtitle_playlist))
}

#[derive(Serialize, ToSchema)]
pub struct CaptionList {
    pub items: Vec<CaptionView>,
}

/// A caption upload, as the document describes it.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct CaptionForm {
    /// WebVTT (.vtt) or SubRip (.srt) text: UTF-8, UTF-16 or Latin-1; 2 MiB at most.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
    /// A language tag: `en`, `de`, `pt-BR`.
    #[schema(pattern = r"^\s*[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,3}\s*$")]
    language: String,
    /// What players show in their captions menu (up to 60 characters); the language's name
    /// when left out.
    #[schema(max_length = 60)]
    label: Option<String>,
}

/// The video's captions, by language. Any signed-in person of the organisation who may see the
/// video.
#[utoipa::path(get, path = "/api/v1/videos/{video_id}/captions", tag = "captions",
    params(("video_id" = String, Path)),
    responses((status = 200, body = CaptionList), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn list_captions(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(video_id): Path<String>,
) -> Result<Json<CaptionList>, ApiError> {
    let video = visible_video(&state, &caller, &video_id).await?;
    let items = captions::for_video(state.db.pool(), &caller.org.id, &video.id).await?;
    Ok(Json(CaptionList {
        items: items.into_iter().map(CaptionView::from).collect(),
    }))
}

/// Add captions to a video (multipart: `file`, `language`, optional `label`), or replace those
/// in that language. WebVTT or SRT; kept as WebVTT and offered to every player as a subtitle
/// rendition of the HLS master playlist; their words become searchable. Trainers and the
/// video's owner.
#[utoipa::path(post, path = "/api/v1/videos/{video_id}/captions", tag = "captions",
    params(("video_id" = String, Path)),
    request_body(content = CaptionForm, content_type = "multipart/form-data"),
    responses((status = 201, body = CaptionView), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 413, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn add_captions(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(video_id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<CaptionView>), ApiError> {
    let mut multipart = multipart.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let video = visible_video(&state, &caller, &video_id).await?;
    if !may_edit(&caller, &video.owner_id) {
        return Err(ApiError::Forbidden(
            "only trainers and the video's owner add captions".into(),
        ));
    }
    let (mut file, mut language, mut label) = (None, None, None);
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| ApiError::bad_request(e.body_text()))?
    {
        match field.name() {
            Some("file") => file = Some(read_small(field, MAX_CAPTION_BYTES, "file").await?),
            Some("language") => language = Some(read_small(field, 64, "language").await?),
            Some("label") => label = Some(read_small(field, 1024, "label").await?),
            _ => {}
        }
    }
    let file =
        file.ok_or_else(|| ApiError::bad_request("send the captions in a field named `file`"))?;
    let language = language
        .map(|l| String::from_utf8_lossy(&l).into_owned())
        .ok_or_else(|| {
            ApiError::bad_request("say the captions' language in a field named `language`")
        })?;
    let language = parse::language_tag(&language).ok_or_else(|| {
        ApiError::invalid(format!(
            "“{}” is not a language tag such as en, de or pt-BR",
            language.trim()
        ))
    })?;
    let label = label
        .map(|l| String::from_utf8_lossy(&l).trim().to_owned())
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| language_name(&language).to_owned());
    if label.chars().count() > 60 {
        return Err(ApiError::invalid("the label must be at most 60 characters"));
    }
    let cues = parse::parse(&file).map_err(ApiError::invalid)?;
    drop(file);

    let key = VideoObjects::of(&video.id).captions(&language)?;
    storage::put_bytes(
        state.store.as_ref(),
        &key,
        Bytes::from(parse::to_webvtt(&cues)),
    )
    .await?;
    let caption = Caption::new(
        &caller.org.id,
        &video.id,
        &language,
        &label,
        cues.len(),
        key.as_str().to_owned(),
        &caller.user.id,
    );
    captions::replace(&state.db, &caption, &cues).await?;
    library::reindex(&state.db, "video", &video.id).await?;
    Ok((StatusCode::CREATED, Json(caption.into())))
}

/// A form field read whole, refused (413) beyond `limit` bytes as it arrives.
async fn read_small(field: Field<'_>, limit: usize, what: &str) -> Result<Vec<u8>, ApiError> {
    read_field(field, limit)
        .await?
        .ok_or_else(|| ApiError::TooLarge(format!("the {what} is larger than {limit} bytes")))
}

/// The name of a common language in itself; the tag for the others.
fn language_name(tag: &str) -> &str {
    let primary = tag.split('-').next().unwrap_or(tag);
    match primary {
        "en" => "English",
        "de" => "Deutsch",
        "fr" => "Français",
        "es" => "Español",
        "it" => "Italiano",
        "nl" => "Nederlands",
        "pt" => "Português",
        "pl" => "Polski",
        "sv" => "Svenska",
        "da" => "Dansk",
        "fi" => "Suomi",
        "no" | "nb" => "Norsk",
        "tr" => "Türkçe",
        "uk" => "Українська",
        "ru" => "Русский",
        "ar" => "العربية",
        "zh" => "中文",
        "ja" => "日本語",
        _ => tag,
    }
}

/// Remove a video's captions in one language. Trainers and the video's owner.
#[utoipa::path(delete, path = "/api/v1/videos/{video_id}/captions/{language}", tag = "captions",
    params(("video_id" = String, Path), ("language" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete_captions(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path((video_id, language)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let video = visible_video(&state, &caller, &video_id).await?;
    if !may_edit(&caller, &video.owner_id) {
        return Err(ApiError::Forbidden(
            "only trainers and the video's owner remove captions".into(),
        ));
    }
    let language = parse::language_tag(&language).ok_or(ApiError::NotFound)?;
    let caption = captions::get(state.db.pool(), &caller.org.id, &video.id, &language)
        .await?
        .ok_or(ApiError::NotFound)?;
    captions::delete(state.db.pool(), &caption).await?;
    library::reindex(&state.db, "video", &video.id).await?;
    // Another upload in the same language may have replaced the file meanwhile: it stays.
    if captions::get(state.db.pool(), &caller.org.id, &video.id, &language)
        .await?
        .is_none()
    {
        state
            .store
            .delete(&crate::storage::ObjectKey::new(caption.store_key)?)
            .await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// The captions in one language as WebVTT. Members of the video's organisation, or a playback
/// token.
#[utoipa::path(get, path = "/api/v1/videos/{video_id}/captions/{language}/captions.vtt", tag = "captions",
    params(("video_id" = String, Path), ("language" = String, Path), TokenQuery),
    responses((status = 200, content_type = "text/vtt"), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn caption_file(
    State(state): State<AppState>,
    Path((video_id, language)): Path<(String, String)>,
    Query(query): Query<TokenQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (video, _) = viewable(&state, &headers, &video_id, query.token.as_deref(), true).await?;
    let language = parse::language_tag(&language).ok_or(ApiError::NotFound)?;
    let caption = captions::get(state.db.pool(), &video.org_id, &video.id, &language)
        .await?
        .ok_or(ApiError::NotFound)?;
    super::objects::object(
        state.store.as_ref(),
        &crate::storage::ObjectKey::new(caption.store_key)?,
        &headers,
        "text/vtt; charset=utf-8",
        "private, max-age=60",
        "captions",
    )
    .await
}

/// The HLS subtitle playlist of the captions in one language: one WebVTT segment spanning the
/// video. Members of the video's organisation, or a playback token.
#[utoipa::path(get, path = "/api/v1/videos/{video_id}/captions/{language}/index.m3u8", tag = "captions",
    params(("video_id" = String, Path), ("language" = String, Path), TokenQuery),
    responses((status = 200, content_type = "application/vnd.apple.mpegurl"), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn subtitle_playlist(
    State(state): State<AppState>,
    Path((video_id, language)): Path<(String, String)>,
    Query(query): Query<TokenQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (video, token) =
        viewable(&state, &headers, &video_id, query.token.as_deref(), true).await?;
    let language = parse::language_tag(&language).ok_or(ApiError::NotFound)?;
    let Some(caption) = captions::get(state.db.pool(), &video.org_id, &video.id, &language).await?
    else {
        return Err(ApiError::NotFound);
    };
    let last_cue_ms = captions::last_cue_end(state.db.pool(), &caption.id).await?;
    let duration_ms = video.duration_ms.unwrap_or(0).max(last_cue_ms);
    let file = match &token {
        Some(token) => crate::media::playlist::with_token("captions.vtt", token),
        None => "captions.vtt".to_owned(),
    };
    Ok(playlist_response(
        parse::subtitle_playlist(duration_ms, &file),
        false,
    ))
}

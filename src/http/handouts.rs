//! Handouts: documents (PDF, slides, images, text) attached to a video. Streamed to the store as
//! they arrive; the type is recognised from the content; downloads are attachments with a safe
//! name.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::body::Body;
use axum::extract::multipart::Field;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::{Bytes, BytesMut};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Member, RequiredRole, Trainer};
use super::error::ErrorBody;
use super::library::{ItemChange, forget_item, may_edit};
use super::{ApiError, AppState, Json, Query};
use crate::db::handouts::{self, Handout};
use crate::db::library::{self, Fields, split_tags};
use crate::db::now_ms;
use crate::storage::{ObjectKey, StoreError};
use crate::upload::metadata::safe_filename;
use crate::upload::{quota, sniff};

/// The largest handout accepted.
pub const MAX_HANDOUT_BYTES: u64 = 200 * 1024 * 1024;

/// Routes that stream request bodies (no short timeout, their own size limit).
pub fn upload_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_handouts, create_handout, order_handouts))
        .routes(routes!(create_library_handout))
        .layer(DefaultBodyLimit::max(
            MAX_HANDOUT_BYTES as usize + 1024 * 1024,
        ))
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_handout, update_handout, delete_handout))
        .routes(routes!(download_handout))
}

/// Attach a handout to a video (multipart: `file`, optional `title`). Trainers and the video's
/// owner. PDF, Word, PowerPoint, OpenDocument, images and plain text; 200 MiB at most.
#[utoipa::path(post, path = "/api/v1/videos/{video_id}/handouts", tag = "handouts",
    params(("video_id" = String, Path)),
    request_body(content = HandoutForm, content_type = "multipart/form-data"),
    responses((status = 201, body = Handout), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 413, body = ErrorBody),
        (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_handout(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(video_id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<Handout>), ApiError> {
    let multipart = multipart.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let video = super::videos::visible_video(&state, &caller, &video_id).await?;
    if !may_edit(&caller, &video.owner_id) {
        return Err(ApiError::Forbidden(
            "only trainers and the video's owner attach handouts".into(),
        ));
    }
    let handout = receive(&state, &caller, Some(video.id), multipart).await?;
    Ok((StatusCode::CREATED, Json(handout)))
}

/// Add a handout to the library on its own, not attached to a video (multipart: `file`,
/// optional `title`). Trainers and admins. The same kinds and limit as attached handouts.
#[utoipa::path(post, path = "/api/v1/handouts", tag = "handouts",
    request_body(content = HandoutForm, content_type = "multipart/form-data"),
    responses((status = 201, body = Handout), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 413, body = ErrorBody), (status = 415, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn create_library_handout(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<Handout>), ApiError> {
    let multipart = multipart.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let handout = receive(&state, &caller, None, multipart).await?;
    Ok((StatusCode::CREATED, Json(handout)))
}

/// A handout's form, as the document describes it.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct HandoutForm {
    /// The document: PDF, slides, a spreadsheet, a text document or a picture.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
    /// Its title (the file's name when left out); longer titles are cut to 200 characters.
    title: Option<String>,
}

/// The longest handout title kept, in characters.
const MAX_TITLE_CHARS: usize = 200;

/// Reads a handout's multipart form (`file`, optional `title`), stores the file, records the
/// handout (attached to `video_id` when given, last in its order) and indexes it.
async fn receive<R: RequiredRole>(
    state: &AppState,
    caller: &Caller<R>,
    video_id: Option<String>,
    mut multipart: Multipart,
) -> Result<Handout, ApiError> {
    // Someone already at their quota is told before the file is read.
    quota::check(&state.db, &state.config, &caller.org.id, &caller.user.id, 1).await?;
    let mut title = None;
    let mut stored = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| ApiError::bad_request(e.body_text()))?
    {
        match field.name() {
            Some("title") => title = Some(short_text(field, MAX_TITLE_CHARS).await?),
            Some("file") if stored.is_none() => stored = Some(store_field(state, field).await?),
            _ => {}
        }
    }
    let (id, key, filename, kind, size) =
        stored.ok_or_else(|| ApiError::bad_request("send the document in a field named `file`"))?;
    let org_id = &caller.org.id;
    if let Err(err) = quota::check(
        &state.db,
        &state.config,
        org_id,
        &caller.user.id,
        size as i64,
    )
    .await
    {
        let _ = state.store.delete(&key).await;
        return Err(err.into());
    }
    let title = title
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| crate::upload::metadata::title_from_filename(&filename));
    let handout = Handout {
        id,
        org_id: caller.org.id.clone(),
        video_id,
        owner_id: caller.user.id.clone(),
        title,
        filename,
        content_type: kind.content_type.to_owned(),
        size: size as i64,
        store_key: key.as_str().to_owned(),
        tagline: String::new(),
        description: String::new(),
        tags: String::new(),
        created_at: now_ms(),
        updated_at: now_ms(),
    };
    if let Err(err) = handouts::create(state.db.pool(), &handout).await {
        let _ = state.store.delete(&key).await;
        return Err(err.into());
    }
    library::reindex(&state.db, "handout", &handout.id).await?;
    Ok(handout)
}

/// A short text field of a form, cut to `max_chars` as it arrives: a field far longer than any
/// title is refused, never read whole into memory.
async fn short_text(field: Field<'_>, max_chars: usize) -> Result<String, ApiError> {
    // Four bytes a character at most, and some room for spaces that trimming removes.
    let bytes = read_field(field, max_chars * 4 + 1024)
        .await?
        .ok_or_else(|| {
            ApiError::invalid(format!("the title must be at most {max_chars} characters"))
        })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| ApiError::bad_request("the title is not UTF-8 text"))?;
    Ok(text.trim().chars().take(max_chars).collect())
}

/// A small form field read whole; `None` as soon as it passes `limit` bytes (the rest is never
/// read into memory).
pub(super) async fn read_field(
    mut field: Field<'_>,
    limit: usize,
) -> Result<Option<Vec<u8>>, ApiError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field
        .chunk()
        .await
        .map_err(|e| ApiError::bad_request(e.body_text()))?
    {
        if bytes.len() + chunk.len() > limit {
            return Ok(None);
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(Some(bytes))
}

/// Streams one multipart field into the store after recognising its type from the first bytes.
async fn store_field(
    state: &AppState,
    mut field: Field<'_>,
) -> Result<(String, ObjectKey, String, sniff::Kind, u64), ApiError> {
    let read_error =
        |e: axum::extract::multipart::MultipartError| ApiError::bad_request(e.body_text());
    let name = safe_filename(field.file_name().unwrap_or(""), "handout");
    let mut head = BytesMut::new();
    while head.len() < sniff::SNIFF_LEN {
        match field.chunk().await.map_err(read_error)? {
            Some(chunk) => head.extend_from_slice(&chunk),
            None => break,
        }
    }
    let kind = sniff::recognise(&head).map_err(ApiError::UnsupportedMediaType)?;
    let filename = sniff::with_fitting_extension(&name, kind);
    let (id, key) = handouts::allocate();
    let key = ObjectKey::new(key)?;

    // The field borrows the request, so it is read here and handed to the store through a
    // small channel: at most a few chunks are in memory.
    let (tx, rx) = tokio::sync::mpsc::channel::<std::io::Result<Bytes>>(4);
    let too_large = Arc::new(AtomicBool::new(false));
    let feed = {
        let too_large = too_large.clone();
        async move {
            let mut total = head.len() as u64;
            let mut next = Some(Ok(head.freeze()));
            while let Some(item) = next.take() {
                if tx.send(item).await.is_err() {
                    return;
                }
                next = match field.chunk().await {
                    Ok(Some(chunk)) => {
                        total += chunk.len() as u64;
                        if total > MAX_HANDOUT_BYTES {
                            too_large.store(true, Ordering::Relaxed);
                            Some(Err(std::io::Error::other("handout too large")))
                        } else {
                            Some(Ok(chunk))
                        }
                    }
                    Ok(None) => None,
                    Err(err) => Some(Err(std::io::Error::other(err.to_string()))),
                };
            }
        }
    };
    let body = Box::pin(tokio_stream_from(rx));
    let (stored, ()) = tokio::join!(state.store.put_stream(&key, body), feed);
    match stored {
        Ok(size) => Ok((id, key, filename, kind, size)),
        Err(_) if too_large.load(Ordering::Relaxed) => Err(ApiError::TooLarge(format!(
            "handouts can be {} MiB at most",
            MAX_HANDOUT_BYTES / (1024 * 1024)
        ))),
        Err(StoreError::Io(err)) => Err(ApiError::bad_request(format!(
            "the upload broke off: {err}"
        ))),
        Err(err) => Err(err.into()),
    }
}

fn tokio_stream_from(
    mut rx: tokio::sync::mpsc::Receiver<std::io::Result<Bytes>>,
) -> impl futures_util::Stream<Item = std::io::Result<Bytes>> + Send {
    futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx))
}

/// The handouts of a video. Any signed-in person of the organisation.
#[utoipa::path(get, path = "/api/v1/videos/{video_id}/handouts", tag = "handouts",
    params(("video_id" = String, Path)),
    responses((status = 200, body = [Handout]), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn list_handouts(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(video_id): Path<String>,
) -> Result<Json<Vec<Handout>>, ApiError> {
    let pool = state.db.pool();
    let video = super::videos::visible_video(&state, &caller, &video_id).await?;
    Ok(Json(
        handouts::for_video(pool, &caller.org.id, &video.id).await?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct HandoutOrder {
    /// Every handout id of the video, each once, in the new order.
    pub order: Vec<String>,
}

/// Put a video's handouts in a new order. Trainers and the video's owner.
#[utoipa::path(put, path = "/api/v1/videos/{video_id}/handouts", tag = "handouts", request_body = HandoutOrder,
    params(("video_id" = String, Path)),
    responses((status = 200, body = [Handout]), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn order_handouts(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(video_id): Path<String>,
    Json(order): Json<HandoutOrder>,
) -> Result<Json<Vec<Handout>>, ApiError> {
    let video = super::videos::visible_video(&state, &caller, &video_id).await?;
    if !may_edit(&caller, &video.owner_id) {
        return Err(ApiError::Forbidden(
            "only trainers and the video's owner order its handouts".into(),
        ));
    }
    let pool = state.db.pool();
    if !handouts::reorder(pool, &caller.org.id, &video.id, &order.order).await? {
        return Err(ApiError::invalid(
            "the order must name every handout of the video exactly once",
        ));
    }
    Ok(Json(
        handouts::for_video(pool, &caller.org.id, &video.id).await?,
    ))
}

/// A handout: its title, description, tags and type (download it with `…/download`). Any
/// signed-in person of the organisation (one attached to a video as hidden as the video).
#[utoipa::path(get, path = "/api/v1/handouts/{handout_id}", tag = "handouts",
    params(("handout_id" = String, Path)),
    responses((status = 200, body = Handout), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_handout(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(handout_id): Path<String>,
) -> Result<Json<Handout>, ApiError> {
    let handout = handouts::in_org(state.db.pool(), &caller.org.id, &handout_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if let Some(video_id) = &handout.video_id {
        super::videos::visible_video(&state, &caller, video_id).await?;
    }
    Ok(Json(handout))
}

/// Change a handout's title, tag-line, description or tags. Trainers and the person who
/// attached it.
#[utoipa::path(patch, path = "/api/v1/handouts/{handout_id}", tag = "handouts", request_body = ItemChange,
    params(("handout_id" = String, Path)),
    responses((status = 200, body = Handout), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_handout(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(handout_id): Path<String>,
    Json(change): Json<ItemChange>,
) -> Result<Json<Handout>, ApiError> {
    let pool = state.db.pool();
    let handout = handouts::in_org(pool, &caller.org.id, &handout_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if !may_edit(&caller, &handout.owner_id) {
        return Err(ApiError::Forbidden(
            "only trainers and the person who attached it edit a handout".into(),
        ));
    }
    let current = Fields {
        title: handout.title,
        tagline: handout.tagline,
        description: handout.description,
        tags: split_tags(&handout.tags),
    };
    let fields = change.apply(current)?;
    library::update_fields(&state.db, "handout", &caller.org.id, &handout.id, &fields).await?;
    let handout = handouts::in_org(pool, &caller.org.id, &handout.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(handout))
}

/// Delete a handout and its file. Trainers and the person who attached it.
#[utoipa::path(delete, path = "/api/v1/handouts/{handout_id}", tag = "handouts",
    params(("handout_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete_handout(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(handout_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let pool = state.db.pool();
    let handout = handouts::in_org(pool, &caller.org.id, &handout_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if !may_edit(&caller, &handout.owner_id) {
        return Err(ApiError::Forbidden(
            "only trainers and the person who attached it delete a handout".into(),
        ));
    }
    handouts::delete(pool, &caller.org.id, &handout.id).await?;
    forget_item(&state, &caller.org.id, &handout.id).await?;
    state
        .store
        .delete(&ObjectKey::new(handout.store_key)?)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, IntoParams)]
pub struct DownloadQuery {
    /// Open PDFs, pictures and text in the browser's (or phone's) own viewer instead of saving
    /// them; other documents are saved either way.
    #[serde(default)]
    pub inline: bool,
}

/// The types a browser shows itself and that cannot run as a page of this site.
const VIEWABLE: [&str; 6] = [
    "application/pdf",
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "text/plain; charset=utf-8",
];

/// Download a handout (or open it, with `inline=true`); this counts as opening it, which
/// completes it in the caller's playlists. Any signed-in person of the organisation.
#[utoipa::path(get, path = "/api/v1/handouts/{handout_id}/download", tag = "handouts",
    params(("handout_id" = String, Path), DownloadQuery),
    responses((status = 200, description = "the document"), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn download_handout(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(handout_id): Path<String>,
    Query(query): Query<DownloadQuery>,
) -> Result<Response, ApiError> {
    let handout = handouts::in_org(state.db.pool(), &caller.org.id, &handout_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if let Some(video_id) = &handout.video_id {
        // The handout of a video held for review is as hidden as the video.
        super::videos::visible_video(&state, &caller, video_id).await?;
    }
    let object = state
        .store
        .get_range(&ObjectKey::new(handout.store_key)?, None)
        .await?;
    crate::db::opens::record(
        state.db.pool(),
        &caller.org.id,
        &caller.user.id,
        "handout",
        &handout.id,
    )
    .await?;
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_str(&handout.content_type).map_err(anyhow::Error::from)?,
        ),
        (
            header::CONTENT_LENGTH,
            HeaderValue::from(object.content_length()),
        ),
        (
            header::CONTENT_DISPOSITION,
            if query.inline && VIEWABLE.contains(&handout.content_type.as_str()) {
                disposition("inline", &handout.filename)
            } else {
                content_disposition(&handout.filename)
            },
        ),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, max-age=0"),
        ),
    ];
    Ok((headers, Body::from_stream(object.body)).into_response())
}

/// `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 5987).
pub fn content_disposition(filename: &str) -> HeaderValue {
    disposition("attachment", filename)
}

/// `inline` or `attachment` with an ASCII fallback name and the exact UTF-8 name.
fn disposition(how: &'static str, filename: &str) -> HeaderValue {
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = filename
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    HeaderValue::from_str(&format!(
        "{how}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static(how))
}

//! Resumable uploads: a tus 1.0.0 server (core, creation, creation-with-upload, termination,
//! expiration) at `/api/v1/uploads`, see <https://tus.io/protocols/resumable-upload>. State lives
//! in the database, bytes in `upload::staging`; a whole upload becomes a queued video with its
//! transcode job through `upload::complete`.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::TryStreamExt;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Member};
use super::error::ErrorBody;
use super::{ApiError, AppState, Json};
use crate::auth::secret;
use crate::db::now_ms;
use crate::db::uploads::{self, NewUpload, Upload};
use crate::db::{practice, videos};
use crate::upload::staging::Body as StagingBody;
use crate::upload::{metadata, quota};

pub const TUS_VERSION: &str = "1.0.0";
const TUS_EXTENSIONS: &str = "creation,creation-with-upload,termination,expiration";
const OFFSET_OCTET_STREAM: &str = "application/offset+octet-stream";
/// Unfinished uploads one person may have at once.
pub const MAX_UNFINISHED_PER_USER: i64 = 20;
/// Videos one person may have waiting for (or in) processing at once: more uploads wait until
/// some are ready, so one person cannot fill the queue (a whole course at once still fits).
pub const MAX_WAITING_PER_USER: i64 = 100;

const TUS_RESUMABLE: HeaderName = HeaderName::from_static("tus-resumable");
const UPLOAD_OFFSET: HeaderName = HeaderName::from_static("upload-offset");
const UPLOAD_LENGTH: HeaderName = HeaderName::from_static("upload-length");
const UPLOAD_EXPIRES: HeaderName = HeaderName::from_static("upload-expires");

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(options_uploads, create_upload))
        .routes(routes!(
            head_upload,
            patch_upload,
            delete_upload,
            get_upload
        ))
        .layer(axum::middleware::map_response(tus_response_headers))
}

/// Every tus response says which protocol version it speaks; a version refusal lists ours.
async fn tus_response_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(TUS_RESUMABLE, HeaderValue::from_static(TUS_VERSION));
    if response.status() == StatusCode::PRECONDITION_FAILED {
        response
            .headers_mut()
            .insert("tus-version", HeaderValue::from_static(TUS_VERSION));
    }
    response
}

fn require_version(headers: &HeaderMap) -> Result<(), ApiError> {
    match headers.get(&TUS_RESUMABLE) {
        Some(v) if v == TUS_VERSION => Ok(()),
        _ => Err(ApiError::PreconditionFailed(format!(
            "this server speaks tus {TUS_VERSION}; send Tus-Resumable: {TUS_VERSION}"
        ))),
    }
}

fn header_number(headers: &HeaderMap, name: &HeaderName) -> Result<Option<i64>, ApiError> {
    let Some(value) = headers.get(name) else {
        return Ok(None);
    };
    value
        .to_str()
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|n| *n >= 0)
        .map(Some)
        .ok_or_else(|| ApiError::bad_request(format!("{name} must be a non-negative integer")))
}

fn http_date(unix_ms: i64) -> HeaderValue {
    let time = std::time::UNIX_EPOCH + std::time::Duration::from_millis(unix_ms.max(0) as u64);
    HeaderValue::from_str(&httpdate::fmt_http_date(time)).expect("HTTP dates are ASCII")
}

fn stream_of(body: Body) -> StagingBody {
    Box::pin(body.into_data_stream().map_err(std::io::Error::other))
}

fn is_offset_stream(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(';').next().unwrap_or("").trim() == OFFSET_OCTET_STREAM)
}

/// The tus version every request but OPTIONS sends as `Tus-Resumable`.
#[derive(Serialize, ToSchema)]
pub enum TusResumable {
    #[serde(rename = "1.0.0")]
    V1,
}

/// What the server supports. Public.
#[utoipa::path(options, path = "/api/v1/uploads", tag = "uploads", responses((status = 204)))]
async fn options_uploads(State(state): State<AppState>) -> impl IntoResponse {
    (
        StatusCode::NO_CONTENT,
        [
            ("tus-version", TUS_VERSION.to_owned()),
            ("tus-extension", TUS_EXTENSIONS.to_owned()),
            ("tus-max-size", state.config.max_upload_bytes.to_string()),
        ],
    )
}

/// Start an upload (tus creation, and creation-with-upload when a body is sent). Members and
/// above.
///
/// Headers: `Upload-Length`, `Upload-Metadata` (`filename`, optional `title`, and
/// `practice_step` for an attempt at a practice step), `Tus-Resumable`.
#[utoipa::path(post, path = "/api/v1/uploads", tag = "uploads",
    params(("Tus-Resumable" = inline(TusResumable), Header),
        ("Upload-Length" = i64, Header, minimum = 1, description = "The size of the whole file in bytes (at most the server's REELHOUSE_MAX_UPLOAD_BYTES)"),
        ("Upload-Metadata" = Option<String>, Header, description = "Comma-separated `key base64(value)` pairs: `filename`, optional `title`, optional `practice_step` (the id of the practice step this recording is an attempt at)")),
    request_body(content = inline(Option<super::openapi::Binary>), content_type = "application/offset+octet-stream", description = "The first bytes of the file (tus creation-with-upload); optional"),
    responses((status = 201, description = "created; Location names the upload"),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 412, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 429, body = ErrorBody)))]
async fn create_upload(
    State(state): State<AppState>,
    caller: Caller<Member>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    require_version(&headers)?;
    let length = match header_number(&headers, &UPLOAD_LENGTH)? {
        Some(length) => length,
        None if headers.contains_key("upload-defer-length") => {
            return Err(ApiError::bad_request(
                "Upload-Defer-Length is not supported; send Upload-Length",
            ));
        }
        None => return Err(ApiError::bad_request("Upload-Length is required")),
    };
    if length == 0 {
        return Err(ApiError::bad_request("the file is empty"));
    }
    if length as u64 > state.config.max_upload_bytes {
        return Err(ApiError::TooLarge(format!(
            "the file is larger than this server accepts ({} bytes at most)",
            state.config.max_upload_bytes
        )));
    }
    // A person over quota is told now, before sending the bytes.
    quota::check(
        &state.db,
        &state.config,
        &caller.org.id,
        &caller.user.id,
        length,
    )
    .await?;
    let meta_header = headers
        .get("upload-metadata")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let meta = metadata::parse(meta_header).map_err(ApiError::BadRequest)?;
    let filename =
        metadata::safe_filename(meta.get("filename").map_or("", String::as_str), "video");
    let title = match meta
        .get("title")
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
    {
        Some(title) => title.chars().take(200).collect(),
        None => metadata::title_from_filename(&filename),
    };
    // An attempt at a practice step: its video will be private to the learner and reviewers.
    let practice_step_id = match meta.get("practice_step").filter(|id| !id.is_empty()) {
        Some(step_id) => Some(
            practice::step_in_org(state.db.pool(), &caller.org.id, step_id)
                .await?
                .ok_or_else(|| {
                    ApiError::bad_request("no practice step with that id in your organisation")
                })?
                .id,
        ),
        None => None,
    };
    if uploads::unfinished_count(state.db.pool(), &caller.user.id).await? >= MAX_UNFINISHED_PER_USER
    {
        return Err(ApiError::TooManyRequests {
            message: format!(
                "you have {MAX_UNFINISHED_PER_USER} unfinished uploads; finish or cancel one first"
            ),
            retry_after_s: 60,
        });
    }

    if videos::waiting_count(state.db.pool(), &caller.user.id).await? >= MAX_WAITING_PER_USER {
        return Err(ApiError::TooManyRequests {
            message: format!(
                "you have {MAX_WAITING_PER_USER} videos waiting to be processed; upload more when \
                 some are ready"
            ),
            retry_after_s: 60,
        });
    }

    let (id, key) = uploads::allocate();
    let object_key = crate::storage::ObjectKey::new(key.clone())?;
    let multipart_id = state.staging.begin(&id, &object_key).await?;
    let new = NewUpload {
        org_id: &caller.org.id,
        owner_id: &caller.user.id,
        length,
        filename: &filename,
        title: &title,
        filetype: meta.get("filetype").map(String::as_str),
        practice_step_id: practice_step_id.as_deref(),
    };
    uploads::create(state.db.pool(), &id, &key, multipart_id.as_deref(), &new).await?;
    tracing::info!(upload = %id, length, "upload created");

    let mut upload = uploads::for_owner(state.db.pool(), &id, &caller.user.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if is_offset_stream(&headers) {
        upload = write_bytes(&state, upload, body).await?;
    }
    let location = format!("/api/v1/uploads/{id}");
    Ok((
        StatusCode::CREATED,
        [
            (
                header::LOCATION,
                HeaderValue::from_str(&location).expect("ids are ASCII"),
            ),
            (UPLOAD_OFFSET, HeaderValue::from(upload.upload_offset)),
            (UPLOAD_EXPIRES, http_date(upload.expires_at)),
        ],
    )
        .into_response())
}

/// The owner's upload, refusing expired unfinished ones.
async fn owned_upload(
    state: &AppState,
    caller: &Caller<Member>,
    id: &str,
) -> Result<Upload, ApiError> {
    let upload = uploads::for_owner(state.db.pool(), id, &caller.user.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if upload.completed_at.is_none() && upload.expires_at <= now_ms() {
        return Err(ApiError::Gone("this upload expired; start it again".into()));
    }
    Ok(upload)
}

/// How far an upload got (tus HEAD). The upload's owner.
#[utoipa::path(head, path = "/api/v1/uploads/{upload_id}", tag = "uploads",
    params(("upload_id" = String, Path), ("Tus-Resumable" = inline(TusResumable), Header)),
    responses((status = 200, description = "Upload-Offset and Upload-Length headers"),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 410, body = ErrorBody),
        (status = 412, description = "no or another Tus-Resumable")))]
async fn head_upload(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(upload_id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    require_version(&headers)?;
    let upload = owned_upload(&state, &caller, &upload_id).await?;
    let mut response = (
        StatusCode::OK,
        [
            (UPLOAD_OFFSET, HeaderValue::from(upload.upload_offset)),
            (UPLOAD_LENGTH, HeaderValue::from(upload.length)),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
    )
        .into_response();
    if upload.completed_at.is_none() {
        response
            .headers_mut()
            .insert(UPLOAD_EXPIRES, http_date(upload.expires_at));
    }
    Ok(response)
}

/// Append bytes at `Upload-Offset` (tus PATCH, `Content-Type: application/offset+octet-stream`).
/// The upload's owner. When the last byte arrives the upload becomes a queued video.
#[utoipa::path(patch, path = "/api/v1/uploads/{upload_id}", tag = "uploads",
    params(("upload_id" = String, Path), ("Tus-Resumable" = inline(TusResumable), Header),
        ("Upload-Offset" = i64, Header, minimum = 0, description = "Where these bytes go: the upload's offset as HEAD gives it")),
    request_body(content = inline(super::openapi::Binary), content_type = "application/offset+octet-stream", description = "Bytes of the file from the upload's offset on"),
    responses((status = 204, description = "stored; Upload-Offset is the new offset"),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 410, body = ErrorBody), (status = 412, body = ErrorBody),
        (status = 415, body = ErrorBody), (status = 423, body = ErrorBody)))]
async fn patch_upload(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(upload_id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    require_version(&headers)?;
    if !is_offset_stream(&headers) {
        return Err(ApiError::UnsupportedMediaType(format!(
            "send Content-Type: {OFFSET_OCTET_STREAM}"
        )));
    }
    let offset = header_number(&headers, &UPLOAD_OFFSET)?
        .ok_or_else(|| ApiError::bad_request("Upload-Offset is required"))?;
    let upload = owned_upload(&state, &caller, &upload_id).await?;
    if offset != upload.upload_offset {
        return Err(ApiError::Conflict(format!(
            "Upload-Offset is {offset} but the upload is at {}",
            upload.upload_offset
        )));
    }
    let announced = header_number(&headers, &HeaderName::from_static("content-length"))?;
    if announced.is_some_and(|n| n > upload.length - upload.upload_offset) {
        return Err(ApiError::TooLarge(format!(
            "the body holds more bytes than the {} left to Upload-Length",
            upload.length - upload.upload_offset
        )));
    }
    let upload = write_bytes(&state, upload, body).await?;
    Ok((
        StatusCode::NO_CONTENT,
        [
            (UPLOAD_OFFSET, HeaderValue::from(upload.upload_offset)),
            (UPLOAD_EXPIRES, http_date(upload.expires_at)),
        ],
    )
        .into_response())
}

/// Appends `body` under the upload's lock, then completes the upload if it is whole. Returns the
/// upload as it now stands.
async fn write_bytes(state: &AppState, upload: Upload, body: Body) -> Result<Upload, ApiError> {
    let pool = state.db.pool();
    let lock = secret::random_token();
    if !uploads::try_lock(pool, &upload.id, &lock).await? {
        return Err(ApiError::Locked(
            "another request is writing to this upload; retry shortly".into(),
        ));
    }
    // Keep the lock while a long PATCH streams; stop renewing when this function returns.
    let renewer = {
        let (pool, id, lock) = (pool.clone(), upload.id.clone(), lock.clone());
        tokio::spawn(async move {
            let period = std::time::Duration::from_millis(uploads::LOCK_TTL_MS as u64 / 3);
            loop {
                tokio::time::sleep(period).await;
                if !matches!(uploads::renew_lock(&pool, &id, &lock).await, Ok(true)) {
                    break;
                }
            }
        })
    };
    let result = write_locked(state, &upload, body).await;
    renewer.abort();
    uploads::unlock(pool, &upload.id, &lock).await?;
    result
}

async fn write_locked(state: &AppState, upload: &Upload, body: Body) -> Result<Upload, ApiError> {
    // Read again under the lock: a PATCH that just finished may have moved the offset.
    let fresh = uploads::for_owner(state.db.pool(), &upload.id, &upload.owner_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if fresh.upload_offset != upload.upload_offset {
        return Err(ApiError::Conflict(format!(
            "the upload is now at {}",
            fresh.upload_offset
        )));
    }
    let mut upload = fresh;
    if !upload.is_complete() {
        let appended = state
            .staging
            .append(&state.db, &upload, stream_of(body))
            .await?;
        let received = appended.offset.saturating_sub(upload.upload_offset);
        metrics::counter!("reelhouse_upload_bytes_total").increment(received.max(0) as u64);
        upload.upload_offset = appended.offset;
        if let Some(reason) = appended.cut_off {
            tracing::info!(upload = %upload.id, offset = appended.offset, %reason, "PATCH ended early");
            if !upload.is_complete() {
                return Err(ApiError::bad_request(format!(
                    "the upload stopped at {}: {reason}",
                    appended.offset
                )));
            }
        }
    }
    if upload.is_complete() && upload.video_id.is_none() {
        let video_id = crate::upload::complete(&state.db, state.staging.as_ref(), &upload).await?;
        upload.video_id = Some(video_id);
    }
    Ok(
        uploads::for_owner(state.db.pool(), &upload.id, &upload.owner_id)
            .await?
            .unwrap_or(upload),
    )
}

/// Cancel an unfinished upload and free its bytes (tus termination). The upload's owner.
#[utoipa::path(delete, path = "/api/v1/uploads/{upload_id}", tag = "uploads",
    params(("upload_id" = String, Path), ("Tus-Resumable" = inline(TusResumable), Header)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 412, body = ErrorBody), (status = 423, body = ErrorBody)))]
async fn delete_upload(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(upload_id): Path<String>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    require_version(&headers)?;
    let upload = uploads::for_owner(state.db.pool(), &upload_id, &caller.user.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if upload.completed_at.is_some() {
        return Err(ApiError::Conflict(
            "this upload is finished; delete its video instead".into(),
        ));
    }
    let lock = secret::random_token();
    if !uploads::try_lock(state.db.pool(), &upload.id, &lock).await? {
        return Err(ApiError::Locked(
            "the upload is being written; retry shortly".into(),
        ));
    }
    state.staging.discard(&upload).await?;
    uploads::delete(state.db.pool(), &upload.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct UploadStatus {
    pub upload_id: String,
    pub offset: i64,
    pub length: i64,
    /// Set once the upload is complete.
    #[schema(required = true)]
    pub video_id: Option<String>,
}

/// An upload's progress as JSON, with its video once complete. The upload's owner.
#[utoipa::path(get, path = "/api/v1/uploads/{upload_id}", tag = "uploads",
    params(("upload_id" = String, Path)),
    responses((status = 200, body = UploadStatus), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_upload(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(upload_id): Path<String>,
) -> Result<Json<UploadStatus>, ApiError> {
    let upload = uploads::for_owner(state.db.pool(), &upload_id, &caller.user.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(UploadStatus {
        upload_id: upload.id,
        offset: upload.upload_offset,
        length: upload.length,
        video_id: upload.video_id,
    }))
}

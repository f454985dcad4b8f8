//! Workbook exercises: trainers write instructions (maybe with a handout to fill in) and put the
//! exercise in playlists as an item of kind `exercise`; a learner hands in a text, a file or both
//! (a filled-in handout, a plan); a trainer marks it with comments, and an accepted submission
//! completes the exercise. Submissions are private: the learner, trainers and admins see one;
//! anyone else gets 404.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Member, Trainer};
use super::error::{ErrorBody, text_field};
use super::handouts::{MAX_HANDOUT_BYTES, content_disposition};
use super::{ApiError, AppState, Json, Query};
use crate::db::exercises::{self, Exercise, Submission, SubmissionFile, SubmissionStatus};
use crate::db::handouts;
use crate::db::notifications::{self, Kind, Notice};
use crate::storage::{ByteStream, ObjectKey, StoreError};
use crate::upload::metadata::safe_filename;
use crate::upload::quota;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_exercises, create_exercise))
        .routes(routes!(get_exercise, update_exercise, remove_exercise))
        .routes(routes!(submit_exercise))
        .routes(routes!(exercise_marking_queue))
        .routes(routes!(get_submission))
        .routes(routes!(mark_submission))
}

/// Routes that stream a file in or out (no short timeout; files as large as handouts).
pub fn upload_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_submission_file, put_submission_file))
        .layer(DefaultBodyLimit::max(
            MAX_HANDOUT_BYTES as usize + 1024 * 1024,
        ))
}

const MAX_TITLE_CHARS: usize = 200;
const MAX_INSTRUCTIONS_CHARS: usize = 10_000;
const MAX_BODY_CHARS: usize = 20_000;
const MAX_FEEDBACK_CHARS: usize = 5_000;
/// The longest content type kept for a file handed in.
const MAX_CONTENT_TYPE_LEN: usize = 200;
const OCTET_STREAM: &str = "application/octet-stream";

#[derive(Deserialize, ToSchema)]
pub struct ExerciseFields {
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub title: String,
    /// What to do and what to hand in; plain text.
    #[serde(default)]
    #[schema(max_length = 10000)]
    pub instructions: String,
    /// A handout of the organisation to fill in and hand back.
    pub handout_id: Option<String>,
}

/// An exercise as it will be stored, checked.
async fn checked_exercise(
    state: &AppState,
    org_id: &str,
    id: String,
    fields: ExerciseFields,
) -> Result<Exercise, ApiError> {
    let title = text_field(&fields.title, "an exercise's title", MAX_TITLE_CHARS, true)?;
    let instructions = text_field(
        &fields.instructions,
        "the instructions",
        MAX_INSTRUCTIONS_CHARS,
        false,
    )?;
    let handout_id = fields.handout_id.filter(|id| !id.is_empty());
    if let Some(handout_id) = &handout_id
        && handouts::in_org(state.db.pool(), org_id, handout_id)
            .await?
            .is_none()
    {
        return Err(ApiError::invalid(
            "the handout is not one of the organisation's",
        ));
    }
    Ok(Exercise {
        id,
        title,
        instructions,
        handout_id,
        updated_at: crate::db::now_ms(),
    })
}

#[derive(Serialize, ToSchema)]
pub struct ExerciseList {
    pub items: Vec<Exercise>,
}

/// The organisation's workbook exercises, newest first. Trainers and admins.
#[utoipa::path(get, path = "/api/v1/exercises", tag = "exercises",
    responses((status = 200, body = ExerciseList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn list_exercises(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
) -> Result<Json<ExerciseList>, ApiError> {
    let items = exercises::exercises(state.db.pool(), &caller.org.id).await?;
    Ok(Json(ExerciseList { items }))
}

/// Write a workbook exercise: instructions and an optional handout to fill in. Put it in a
/// playlist as an item of kind `exercise`. Trainers and admins.
#[utoipa::path(post, path = "/api/v1/exercises", tag = "exercises", request_body = ExerciseFields,
    responses((status = 201, body = Exercise), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn create_exercise(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Json(fields): Json<ExerciseFields>,
) -> Result<(StatusCode, Json<Exercise>), ApiError> {
    let exercise = checked_exercise(&state, &caller.org.id, crate::db::new_id(), fields).await?;
    exercises::save_exercise(state.db.pool(), &caller.org.id, &caller.user.id, &exercise).await?;
    Ok((StatusCode::CREATED, Json(exercise)))
}

/// An exercise with the caller's own submissions.
#[derive(Serialize, ToSchema)]
pub struct ExerciseView {
    #[serde(flatten)]
    pub exercise: Exercise,
    /// What the caller handed in, oldest first.
    pub my_submissions: Vec<Submission>,
    /// Where the caller stands: `accepted` once done, else the status of their latest
    /// submission; null before the first.
    #[schema(required = true)]
    pub my_status: Option<SubmissionStatus>,
}

/// A workbook exercise, with what the caller handed in and how it was marked. Any signed-in
/// person of the organisation.
#[utoipa::path(get, path = "/api/v1/exercises/{exercise_id}", tag = "exercises",
    params(("exercise_id" = String, Path)),
    responses((status = 200, body = ExerciseView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_exercise(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(exercise_id): Path<String>,
) -> Result<Json<ExerciseView>, ApiError> {
    let pool = state.db.pool();
    let exercise = exercises::exercise_in_org(pool, &caller.org.id, &exercise_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let submissions =
        exercises::submissions_of(pool, &caller.org.id, &exercise.id, &caller.user.id).await?;
    let done = exercises::done_at(pool, &exercise.id, &caller.user.id)
        .await?
        .is_some();
    let my_status = if done {
        Some(SubmissionStatus::Accepted)
    } else {
        submissions.last().map(|s| s.status)
    };
    Ok(Json(ExerciseView {
        exercise,
        my_submissions: submissions,
        my_status,
    }))
}

/// Change a workbook exercise (the whole of it). Trainers and admins.
#[utoipa::path(put, path = "/api/v1/exercises/{exercise_id}", tag = "exercises", request_body = ExerciseFields,
    params(("exercise_id" = String, Path)),
    responses((status = 200, body = Exercise), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_exercise(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(exercise_id): Path<String>,
    Json(fields): Json<ExerciseFields>,
) -> Result<Json<Exercise>, ApiError> {
    let current = exercises::exercise_in_org(state.db.pool(), &caller.org.id, &exercise_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let exercise = checked_exercise(&state, &caller.org.id, current.id, fields).await?;
    exercises::save_exercise(state.db.pool(), &caller.org.id, &caller.user.id, &exercise).await?;
    Ok(Json(exercise))
}

/// Delete a workbook exercise with everything handed in for it (files too); it leaves every
/// playlist. Trainers and admins.
#[utoipa::path(delete, path = "/api/v1/exercises/{exercise_id}", tag = "exercises",
    params(("exercise_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn remove_exercise(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(exercise_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let exercise = exercises::exercise_in_org(state.db.pool(), &caller.org.id, &exercise_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let keys = exercises::delete_exercise(&state.db, &caller.org.id, &exercise.id).await?;
    for key in keys {
        let Ok(key) = ObjectKey::new(key) else {
            continue;
        };
        if let Err(err) = state.store.delete(&key).await {
            tracing::warn!(key = %key, error = %err, "a submitted file could not be deleted");
        }
    }
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct NewSubmission {
    /// What the learner hands in as text (may be empty when a file follows); plain text.
    #[serde(default)]
    #[schema(max_length = 20000)]
    pub body: String,
}

/// Hand in work for an exercise: a text now, and a file with `PUT
/// /api/v1/exercise-submissions/{submission_id}/file` while it waits for a trainer. 409 while an
/// earlier submission waits, or once the exercise was accepted. Any signed-in person of the
/// organisation (their own work).
#[utoipa::path(post, path = "/api/v1/exercises/{exercise_id}/submissions", tag = "exercises",
    request_body = NewSubmission,
    params(("exercise_id" = String, Path)),
    responses((status = 201, body = Submission), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn submit_exercise(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(exercise_id): Path<String>,
    Json(request): Json<NewSubmission>,
) -> Result<(StatusCode, Json<Submission>), ApiError> {
    let pool = state.db.pool();
    let exercise = exercises::exercise_in_org(pool, &caller.org.id, &exercise_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let body = text_field(&request.body, "the text handed in", MAX_BODY_CHARS, false)?;
    if exercises::done_at(pool, &exercise.id, &caller.user.id)
        .await?
        .is_some()
    {
        return Err(ApiError::Conflict(
            "your work on this exercise was accepted already".into(),
        ));
    }
    let id = exercises::submit(pool, &caller.org.id, &exercise.id, &caller.user.id, &body)
        .await?
        .ok_or_else(|| {
            ApiError::Conflict(
                "your earlier submission still waits for a trainer; add a file to it, or wait \
                 for the marking"
                    .into(),
            )
        })?;
    let submission = exercises::submission_in_org(pool, &caller.org.id, &id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok((StatusCode::CREATED, Json(submission)))
}

#[derive(Deserialize, IntoParams)]
pub struct SubmissionFileQuery {
    /// The file's name, offered again on download (made safe, at most 200 characters).
    pub name: Option<String>,
}

/// The content type a file was sent with, when it looks like one; else
/// `application/octet-stream`.
fn declared_content_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|t| {
            !t.is_empty()
                && t.len() <= MAX_CONTENT_TYPE_LEN
                && t.contains('/')
                && t.bytes().all(|b| b.is_ascii_graphic() || b == b' ')
        })
        .unwrap_or(OCTET_STREAM)
        .to_owned()
}

fn file_too_large() -> ApiError {
    ApiError::TooLarge(format!(
        "a file handed in can be {} MiB at most",
        MAX_HANDOUT_BYTES / (1024 * 1024)
    ))
}

/// Attach a file to a submission (a filled-in handout, a plan) as the raw request body, its
/// `Content-Type` kept; it replaces a file sent before. Only while the submission waits for a
/// trainer (409 after). 200 MiB at most. The submission's learner; anyone else gets 404.
#[utoipa::path(put, path = "/api/v1/exercise-submissions/{submission_id}/file", tag = "exercises",
    params(("submission_id" = String, Path), SubmissionFileQuery),
    request_body(content = inline(super::openapi::Binary), content_type = "application/octet-stream",
        description = "The file, of any type, up to 200 MiB; its Content-Type is kept"),
    responses((status = 200, body = Submission), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 413, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn put_submission_file(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(submission_id): Path<String>,
    Query(query): Query<SubmissionFileQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<Submission>, ApiError> {
    let pool = state.db.pool();
    let submission = exercises::submission_in_org(pool, &caller.org.id, &submission_id)
        .await?
        .filter(|s| s.user_id == caller.user.id)
        .ok_or(ApiError::NotFound)?;
    if submission.status != SubmissionStatus::Waiting {
        return Err(ApiError::Conflict(
            "this submission was marked; hand in a new one instead".into(),
        ));
    }
    let declared_length = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared_length.is_some_and(|length| length > MAX_HANDOUT_BYTES) {
        return Err(file_too_large());
    }
    // Someone already at their quota is told before the file is read.
    quota::check(&state.db, &state.config, &caller.org.id, &caller.user.id, 1).await?;
    let name = safe_filename(query.name.as_deref().unwrap_or(""), "submission");
    let content_type = declared_content_type(&headers);
    let key = ObjectKey::new(format!(
        "exercise-submissions/{}/{}",
        submission.id,
        crate::db::new_id()
    ))?;

    // Streamed to the store as it arrives: at most a chunk or two in memory.
    let too_large = Arc::new(AtomicBool::new(false));
    let flag = too_large.clone();
    let mut total: u64 = 0;
    let stream: ByteStream = Box::pin(body.into_data_stream().map(
        move |chunk| -> std::io::Result<Bytes> {
            let chunk = chunk.map_err(std::io::Error::other)?;
            total += chunk.len() as u64;
            if total > MAX_HANDOUT_BYTES {
                flag.store(true, Ordering::Relaxed);
                return Err(std::io::Error::other("file too large"));
            }
            Ok(chunk)
        },
    ));
    let size = match state.store.put_stream(&key, stream).await {
        Ok(size) => size,
        Err(_) if too_large.load(Ordering::Relaxed) => return Err(file_too_large()),
        Err(StoreError::Io(err)) => {
            return Err(ApiError::bad_request(format!(
                "the upload broke off: {err}"
            )));
        }
        Err(err) => return Err(err.into()),
    };
    if size == 0 {
        let _ = state.store.delete(&key).await;
        return Err(ApiError::invalid("the file is empty"));
    }
    if let Err(err) = quota::check(
        &state.db,
        &state.config,
        &caller.org.id,
        &caller.user.id,
        size as i64,
    )
    .await
    {
        let _ = state.store.delete(&key).await;
        return Err(err.into());
    }
    let file = SubmissionFile {
        key: key.as_str(),
        name: &name,
        content_type: &content_type,
        size_bytes: size as i64,
    };
    let replaced =
        match exercises::set_file(&state.db, &submission.id, &caller.user.id, &file).await {
            Ok(replaced) => replaced,
            Err(err) => {
                let _ = state.store.delete(&key).await;
                return Err(err.into());
            }
        };
    let Some(old) = replaced else {
        // Marked while the file was on its way.
        let _ = state.store.delete(&key).await;
        return Err(ApiError::Conflict(
            "this submission was marked; hand in a new one instead".into(),
        ));
    };
    if let Some(old) = old.and_then(|old| ObjectKey::new(old).ok())
        && let Err(err) = state.store.delete(&old).await
    {
        tracing::warn!(key = %old, error = %err, "a replaced file could not be deleted");
    }
    let submission = exercises::submission_in_org(pool, &caller.org.id, &submission.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(submission))
}

/// A submission the caller may see: their own, or (for trainers and admins) any in the
/// organisation. Anyone else gets 404, as if it did not exist.
async fn visible_submission(
    state: &AppState,
    caller: &Caller<Member>,
    submission_id: &str,
) -> Result<Submission, ApiError> {
    exercises::submission_in_org(state.db.pool(), &caller.org.id, submission_id)
        .await?
        .filter(|s| s.user_id == caller.user.id || caller.is_trainer())
        .ok_or(ApiError::NotFound)
}

/// A submission: what was handed in and how it was marked. Its learner, trainers and admins;
/// anyone else gets 404.
#[utoipa::path(get, path = "/api/v1/exercise-submissions/{submission_id}", tag = "exercises",
    params(("submission_id" = String, Path)),
    responses((status = 200, body = Submission), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_submission(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(submission_id): Path<String>,
) -> Result<Json<Submission>, ApiError> {
    Ok(Json(
        visible_submission(&state, &caller, &submission_id).await?,
    ))
}

/// Download the file handed in with a submission (always as an attachment). 404 when it has
/// none. Its learner, trainers and admins; anyone else gets 404.
#[utoipa::path(get, path = "/api/v1/exercise-submissions/{submission_id}/file", tag = "exercises",
    params(("submission_id" = String, Path)),
    responses((status = 200, description = "the file"), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_submission_file(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(submission_id): Path<String>,
) -> Result<Response, ApiError> {
    let submission = visible_submission(&state, &caller, &submission_id).await?;
    let Some(key) = submission.file_key.clone() else {
        return Err(ApiError::NotFound);
    };
    let object = state.store.get_range(&ObjectKey::new(key)?, None).await?;
    let filename = submission.file_name.as_deref().unwrap_or("submission");
    let content_type = submission
        .content_type
        .as_deref()
        .and_then(|t| HeaderValue::from_str(t).ok())
        .unwrap_or_else(|| HeaderValue::from_static(OCTET_STREAM));
    let headers = [
        (header::CONTENT_TYPE, content_type),
        (
            header::CONTENT_LENGTH,
            HeaderValue::from(object.content_length()),
        ),
        (header::CONTENT_DISPOSITION, content_disposition(filename)),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, max-age=0"),
        ),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
    ];
    Ok((headers, Body::from_stream(object.body)).into_response())
}

#[derive(Deserialize, IntoParams)]
pub struct SubmissionQueueQuery {
    /// Which submissions: `waiting` (the default) for the marking queue.
    pub status: Option<SubmissionStatus>,
}

#[derive(Serialize, ToSchema)]
pub struct SubmissionList {
    /// Oldest first, at most 200.
    pub items: Vec<Submission>,
}

/// The organisation's exercise submissions with a status, oldest first: by default those
/// waiting for a trainer (the marking queue). Trainers and admins.
#[utoipa::path(get, path = "/api/v1/exercise-submissions", tag = "exercises",
    params(SubmissionQueueQuery),
    responses((status = 200, body = SubmissionList), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
async fn exercise_marking_queue(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Query(query): Query<SubmissionQueueQuery>,
) -> Result<Json<SubmissionList>, ApiError> {
    let status = query.status.unwrap_or(SubmissionStatus::Waiting);
    let items = exercises::queue(state.db.pool(), &caller.org.id, status).await?;
    Ok(Json(SubmissionList { items }))
}

/// A trainer's verdict on a submission.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MarkVerdict {
    /// Good: the exercise is done.
    Accepted,
    /// Another go is asked for.
    NeedsWork,
}

#[derive(Deserialize, ToSchema)]
pub struct SubmissionMark {
    pub verdict: MarkVerdict,
    /// Comments for the learner; plain text.
    #[serde(default)]
    #[schema(max_length = 5000)]
    pub feedback: String,
}

/// Mark a submission waiting for a trainer: `accepted` completes the exercise for the learner
/// (in their playlists and reports), `needs_work` asks for another go. The learner is told. 409
/// when it no longer waits. Trainers and admins; never on their own work.
#[utoipa::path(post, path = "/api/v1/exercise-submissions/{submission_id}/mark", tag = "exercises",
    request_body = SubmissionMark,
    params(("submission_id" = String, Path)),
    responses((status = 200, body = Submission), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn mark_submission(
    State(state): State<AppState>,
    caller: Caller<Trainer>,
    Path(submission_id): Path<String>,
    Json(mark): Json<SubmissionMark>,
) -> Result<Json<Submission>, ApiError> {
    let pool = state.db.pool();
    let submission = exercises::submission_in_org(pool, &caller.org.id, &submission_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if submission.user_id == caller.user.id {
        return Err(ApiError::Forbidden(
            "another trainer marks your own work".into(),
        ));
    }
    let feedback = text_field(&mark.feedback, "the feedback", MAX_FEEDBACK_CHARS, false)?;
    let status = match mark.verdict {
        MarkVerdict::Accepted => SubmissionStatus::Accepted,
        MarkVerdict::NeedsWork => SubmissionStatus::NeedsWork,
    };
    let marked = submission.status == SubmissionStatus::Waiting
        && exercises::mark(
            &state.db,
            &caller.org.id,
            &submission,
            status,
            &feedback,
            &caller.user.id,
        )
        .await?;
    if !marked {
        return Err(ApiError::Conflict(
            "this submission was marked already".into(),
        ));
    }
    let title = match mark.verdict {
        MarkVerdict::Accepted => format!(
            "{} accepted your work on “{}”",
            caller.user.name, submission.exercise_title
        ),
        MarkVerdict::NeedsWork => format!(
            "{} asks for another go at “{}”",
            caller.user.name, submission.exercise_title
        ),
    };
    let body = if feedback.is_empty() {
        match mark.verdict {
            MarkVerdict::Accepted => "The exercise is done.".to_owned(),
            MarkVerdict::NeedsWork => {
                "Read the instructions again and hand in a new version.".to_owned()
            }
        }
    } else {
        feedback
    };
    let notice = Notice {
        kind: Kind::ExerciseMarked,
        title,
        body,
        link: format!("/exercises/{}", submission.exercise_id),
    };
    notifications::notify(&state.db, &caller.org.id, &submission.user_id, &notice).await?;
    let submission = exercises::submission_in_org(pool, &caller.org.id, &submission.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(submission))
}

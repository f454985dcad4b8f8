//! Watching progress: the player reports the intervals it actually played; the server merges
//! them per person and video. A video is complete when enough of it (the organisation's
//! threshold, 90% by default) was really watched, not when the end was reached by seeking.

use axum::extract::{Path, State};
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Caller, Member};
use super::error::ErrorBody;
use super::{ApiError, AppState, Json};
use crate::db::progress::{self, Progress};
use crate::db::videos::VideoStatus;
use crate::db::{now_ms, orgs};
pub use crate::learning::progress::ProgressView;

/// At most this many intervals per report.
const MAX_INTERVALS: usize = 200;
/// A report may add at most this much watching beyond twice the time since the last report
/// (players may run at 2x): a client cannot claim an hour watched in one go.
const SLACK_MS: i64 = 15_000;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_progress, report_progress))
}

#[derive(Deserialize, ToSchema)]
pub struct ProgressReport {
    /// Played `[start_s, end_s]` intervals since the last report (at most 200), with
    /// 0 <= start_s <= end_s.
    #[schema(schema_with = interval_list)]
    pub intervals: Vec<[f64; 2]>,
    /// Where playback is now, to resume from.
    #[schema(minimum = 0.0, exclusive_maximum = 1.0e9)]
    pub position_s: f64,
}

/// The document's schema of `intervals`: at most 200 pairs of seconds.
fn interval_list() -> utoipa::openapi::Array {
    use utoipa::openapi::schema::{ArrayBuilder, ArrayItems, ObjectBuilder, Type};
    let seconds = ObjectBuilder::new()
        .schema_type(Type::Number)
        .minimum(Some(0.0))
        .exclusive_maximum(Some(1.0e9));
    let pair = ArrayBuilder::new()
        .items(ArrayItems::RefOrSchema(Box::new(seconds.into())))
        .min_items(Some(2))
        .max_items(Some(2));
    ArrayBuilder::new()
        .items(ArrayItems::RefOrSchema(Box::new(pair.into())))
        .max_items(Some(MAX_INTERVALS))
        .build()
}

fn view(progress: &Progress, duration_ms: i64) -> ProgressView {
    ProgressView::new(
        progress.watched.total_ms(),
        duration_ms,
        progress.completed_at.is_some(),
        progress.position_ms,
    )
}

fn seconds_to_ms(s: f64) -> Option<i64> {
    (0.0..1e9).contains(&s).then(|| (s * 1000.0).round() as i64)
}

/// The caller's progress on a video. Any signed-in person of the organisation.
#[utoipa::path(get, path = "/api/v1/videos/{video_id}/progress", tag = "progress",
    params(("video_id" = String, Path)),
    responses((status = 200, body = ProgressView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_progress(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(video_id): Path<String>,
) -> Result<Json<ProgressView>, ApiError> {
    let video = super::videos::visible_video(&state, &caller, &video_id).await?;
    let current = progress::get(state.db.pool(), &caller.user.id, &video.id)
        .await?
        .unwrap_or_default();
    Ok(Json(view(&current, video.duration_ms.unwrap_or(0))))
}

/// Report watched intervals and the position (every few seconds while playing, and on pause).
/// Any signed-in person of the organisation, for themselves.
#[utoipa::path(post, path = "/api/v1/videos/{video_id}/progress", tag = "progress", request_body = ProgressReport,
    params(("video_id" = String, Path)),
    responses((status = 200, body = ProgressView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn report_progress(
    State(state): State<AppState>,
    caller: Caller<Member>,
    Path(video_id): Path<String>,
    Json(report): Json<ProgressReport>,
) -> Result<Json<ProgressView>, ApiError> {
    let pool = state.db.pool();
    let video = super::videos::visible_video(&state, &caller, &video_id).await?;
    let duration_ms = video
        .duration_ms
        .filter(|d| *d > 0 && video.status == VideoStatus::Ready)
        .ok_or_else(|| ApiError::Conflict("the video is not ready to watch yet".into()))?;
    if report.intervals.len() > MAX_INTERVALS {
        return Err(ApiError::invalid(format!(
            "report at most {MAX_INTERVALS} intervals at a time"
        )));
    }
    let mut intervals = Vec::with_capacity(report.intervals.len());
    for [start, end] in &report.intervals {
        match (seconds_to_ms(*start), seconds_to_ms(*end)) {
            (Some(s), Some(e)) if s <= e => intervals.push((s, e)),
            _ => {
                return Err(ApiError::invalid(
                    "each interval is [start_s, end_s] with 0 <= start <= end",
                ));
            }
        }
    }
    let position_ms = seconds_to_ms(report.position_s)
        .ok_or_else(|| ApiError::invalid("position_s must be a number of seconds"))?
        .min(duration_ms);
    let threshold = orgs::policy(pool, &caller.org.id)
        .await?
        .map_or(0.9, |p| p.completion_threshold);

    // Compare-and-set: a concurrent report is merged after this one, never lost.
    for _ in 0..10 {
        let current = progress::get(pool, &caller.user.id, &video.id).await?;
        let now = now_ms();
        let before = current.clone().unwrap_or_default();
        let watched = before.watched.add(&intervals, duration_ms);
        let gained = watched.total_ms() - before.watched.total_ms();
        let since_last = current.as_ref().map_or(0, |c| (now - c.updated_at).max(0));
        if gained > SLACK_MS + 2 * since_last {
            return Err(ApiError::invalid(
                "this report claims more watching than time has passed since the last one",
            ));
        }
        let complete = watched.total_ms() as f64 >= threshold * duration_ms as f64;
        let next = Progress {
            completed_at: before.completed_at.or(complete.then_some(now)),
            watched,
            position_ms,
            updated_at: now,
            version: before.version + 1,
        };
        if progress::save(pool, &caller.org.id, &caller.user.id, &video.id, &next).await? {
            return Ok(Json(view(&next, duration_ms)));
        }
    }
    Err(ApiError::Conflict(
        "too many reports at once; send it again".into(),
    ))
}

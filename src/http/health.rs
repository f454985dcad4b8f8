//! Liveness, readiness and metrics: the routes an orchestrator and Prometheus poll.

use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::AppState;

/// How long a readiness check waits for each dependency.
const READY_TIMEOUT: Duration = Duration::from_secs(5);

/// 200 whenever the process is up.
pub async fn healthz() -> impl IntoResponse {
    axum::Json(json!({ "status": "ok" }))
}

/// 200 only when the database and the store answer; 503 naming what does not.
pub async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    // Each says ok, failing or timed out; what failed goes to the log, not to whoever asks.
    let database = match tokio::time::timeout(READY_TIMEOUT, state.db.ping()).await {
        Ok(Ok(())) => "ok",
        Ok(Err(err)) => {
            tracing::warn!(error = %err, "readiness: the database does not answer");
            "failing"
        }
        Err(_) => "timed out",
    };
    let store = match tokio::time::timeout(READY_TIMEOUT, state.store.ping()).await {
        Ok(Ok(())) => "ok",
        Ok(Err(err)) => {
            tracing::warn!(error = %err, "readiness: the store does not answer");
            "failing"
        }
        Err(_) => "timed out",
    };
    let ready = database == "ok" && store == "ok";
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        axum::Json(json!({ "ready": ready, "database": database, "store": store })),
    )
}

/// Prometheus text exposition of every metric the process records; with
/// `REELHOUSE_METRICS_TOKEN` set, only for requests bearing that token.
pub async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(expected) = &state.config.metrics_token {
        let given = super::auth::bearer_token(&headers).unwrap_or("");
        let same = given.len() == expected.len()
            && given
                .bytes()
                .zip(expected.bytes())
                .fold(0u8, |diff, (a, b)| diff | (a ^ b))
                == 0;
        if !same {
            return super::ApiError::Unauthorized.into_response();
        }
    }
    if let Err(err) = record_queue(&state).await {
        tracing::warn!(error = %err, "metrics: the queue could not be read");
    }
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics.render(),
    )
        .into_response()
}

/// The states a job can be in, each reported (0 when none is).
const JOB_STATES: [&str; 5] = ["queued", "running", "done", "dead", "cancelled"];

/// Sets the gauges read from the database at each scrape, the same from every replica: jobs by
/// state (`reelhouse_jobs`), the longest wait (`reelhouse_oldest_queued_job_age_seconds`),
/// worker time per second of video made (`reelhouse_transcode_seconds_per_video_second`, from
/// `reelhouse_transcode_busy_seconds` and `reelhouse_transcoded_video_seconds`), and
/// `reelhouse_active_sessions`. (`reelhouse_upload_bytes_total` is counted by each replica.)
async fn record_queue(state: &AppState) -> sqlx::Result<()> {
    let stats = crate::db::jobs::queue_stats(&state.db).await?;
    for job_state in JOB_STATES {
        let count = stats
            .by_status
            .iter()
            .find(|(s, _)| s == job_state)
            .map_or(0, |(_, n)| *n);
        metrics::gauge!("reelhouse_jobs", "state" => job_state).set(count as f64);
    }
    let age_s = stats
        .oldest_queued_at
        .map_or(0.0, |at| (crate::db::now_ms() - at).max(0) as f64 / 1000.0);
    metrics::gauge!("reelhouse_oldest_queued_job_age_seconds").set(age_s);
    let busy_s = stats.done_run_ms as f64 / 1000.0;
    let video_s = stats.done_video_ms as f64 / 1000.0;
    metrics::gauge!("reelhouse_transcode_busy_seconds").set(busy_s);
    metrics::gauge!("reelhouse_transcoded_video_seconds").set(video_s);
    if video_s > 0.0 {
        metrics::gauge!("reelhouse_transcode_seconds_per_video_second").set(busy_s / video_s);
    }
    let sessions = crate::db::sessions::count_active(state.db.pool()).await?;
    metrics::gauge!("reelhouse_active_sessions").set(sessions as f64);
    // Shown from the first scrape, before any upload counts bytes.
    metrics::counter!("reelhouse_upload_bytes_total").increment(0);
    Ok(())
}

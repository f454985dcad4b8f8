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
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics.render(),
    )
        .into_response()
}

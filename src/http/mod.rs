//! The HTTP API: one module per resource, each with a `router()`, merged here into [`app`].
//!
//! Every `/api/v1` route is declared with `utoipa` so the OpenAPI document at
//! `/api/v1/openapi.json` is generated from the handlers themselves.

pub mod account;
pub mod auth;
pub mod branding;
pub mod error;
pub mod experts;
pub mod handouts;
pub mod health;
pub mod invitations;
pub mod library;
pub mod me;
pub mod openapi;
pub mod org;
pub mod pictures;
pub mod playlists;
pub mod progress;
pub mod reports;
pub mod security;
pub mod users;
pub mod videos;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request};
use axum::http::{HeaderName, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{any, get};
use metrics_exporter_prometheus::PrometheusHandle;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{NotForContentType, Predicate, SizeAbove};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::sensitive_headers::SetSensitiveRequestHeadersLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa_axum::router::OpenApiRouter;

use crate::auth::ratelimit::LoginLimiter;
use crate::config::Config;
use crate::db::Db;
use crate::mail::{MailError, Mailer};
use crate::storage::Store;
use crate::upload::staging::Staging;

pub use error::{ApiError, Json};

/// The name of the session cookie.
pub const SESSION_COOKIE: &str = "reelhouse_session";

/// The largest JSON body accepted by API routes (uploads have their own limits).
const JSON_BODY_LIMIT: usize = 1024 * 1024;
/// How long an ordinary API request may take before it is answered with 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// What every handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub db: Db,
    pub store: Arc<dyn Store>,
    pub metrics: PrometheusHandle,
    pub login_limiter: Arc<LoginLimiter>,
    /// Sends invitation emails when SMTP is configured.
    pub mailer: Option<Mailer>,
    /// Where unfinished uploads keep their bytes.
    pub staging: Arc<dyn Staging>,
}

impl AppState {
    pub fn new(
        config: Config,
        db: Db,
        store: Arc<dyn Store>,
        staging: Arc<dyn Staging>,
    ) -> Result<AppState, MailError> {
        let mailer = match &config.smtp {
            Some(smtp) => Some(Mailer::new(&smtp.url, &smtp.from)?),
            None => None,
        };
        Ok(AppState {
            config: Arc::new(config),
            db,
            store,
            metrics: crate::telemetry::metrics_handle(),
            login_limiter: Arc::default(),
            mailer,
            staging,
        })
    }
}

/// The whole application: API, health routes and the web app.
pub fn app(state: AppState) -> Router {
    let (api, openapi) = api_routes().split_for_parts();
    let openapi = Arc::new(openapi);
    let api = api
        .route(
            "/api/v1/openapi.json",
            get(move || async move { axum::Json(openapi.as_ref().clone()) }),
        )
        .route("/api/{*rest}", any(error::not_found))
        .layer(CompressionLayer::new().compress_when(compressible()))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::reject_cross_site,
        ));

    let web_dir = &state.config.web_dir;
    let web = ServeDir::new(web_dir).fallback(ServeFile::new(web_dir.join("index.html")));

    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics))
        .merge(api)
        .fallback_service(web)
        .method_not_allowed_fallback(error::method_not_allowed)
        .layer(middleware::from_fn(record_metrics))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::security_headers,
        ))
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &Request| {
                let route = request
                    .extensions()
                    .get::<MatchedPath>()
                    .map(MatchedPath::as_str);
                let request_id = request
                    .headers()
                    .get(REQUEST_ID)
                    .and_then(|v| v.to_str().ok());
                tracing::info_span!(
                    "http",
                    method = %request.method(),
                    route = route.unwrap_or("-"),
                    request_id = request_id.unwrap_or("-"),
                )
            }),
        )
        .layer(SetSensitiveRequestHeadersLayer::new([
            header::AUTHORIZATION,
            header::COOKIE,
        ]))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .with_state(state)
}

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Every documented API route, from each resource's router. Ordinary requests get a deadline
/// and a small body limit; routes that stream bodies (uploads) set their own limits and have no
/// deadline, since a phone on a slow network may take minutes for one chunk.
fn api_routes() -> OpenApiRouter<AppState> {
    let bounded = OpenApiRouter::new()
        .merge(account::router())
        .merge(invitations::router())
        .merge(users::router())
        .merge(videos::router())
        .merge(handouts::router())
        .merge(org::router())
        .merge(progress::router())
        .merge(branding::router())
        .merge(me::router())
        .merge(playlists::router())
        .merge(reports::router())
        .merge(library::router())
        .merge(experts::router())
        .merge(crate::media::router())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT));
    let streaming = OpenApiRouter::new()
        .merge(crate::upload::router().layer(DefaultBodyLimit::disable()))
        .merge(handouts::upload_router())
        .merge(branding::upload_router())
        .merge(playlists::upload_router());
    OpenApiRouter::with_openapi(openapi::base())
        .merge(bounded)
        .merge(streaming)
}

/// Compress JSON, CSV and text (never media: it is compressed already).
fn compressible() -> impl Predicate {
    SizeAbove::new(1024)
        .and(NotForContentType::const_new("video/"))
        .and(NotForContentType::const_new("audio/"))
        .and(NotForContentType::const_new("image/"))
        .and(NotForContentType::const_new(
            "application/vnd.apple.mpegurl",
        ))
        .and(NotForContentType::const_new("application/octet-stream"))
        .and(NotForContentType::const_new("application/pdf"))
}

/// Counts requests and times them, labelled by matched route (never the raw path, whose ids
/// would make a series per video).
async fn record_metrics(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let method = request.method().to_string();
    let started = Instant::now();
    let response = next.run(request).await;
    let labels = [
        ("method", method),
        ("route", route),
        ("status", response.status().as_u16().to_string()),
    ];
    metrics::counter!("http_requests_total", &labels).increment(1);
    metrics::histogram!("http_request_duration_seconds", &labels)
        .record(started.elapsed().as_secs_f64());
    response
}

/// Serves `app` on `listener` until `shutdown` resolves, then finishes the requests in flight.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

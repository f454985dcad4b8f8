//! The HTTP API: one module per resource, each with a `router()`, merged here into [`app`].
//!
//! Every `/api/v1` route is declared with `utoipa` so the OpenAPI document at
//! `/api/v1/openapi.json` is generated from the handlers themselves.

pub mod account;
pub mod assignments;
pub mod auth;
pub mod branding;
pub mod captions;
pub mod comments;
pub mod development;
pub mod error;
pub mod exercises;
pub mod experts;
pub mod handouts;
pub mod health;
pub mod invitations;
pub mod library;
pub mod me;
pub mod moments;
pub mod notifications;
pub mod objects;
pub mod oidc;
pub mod openapi;
pub mod org;
pub mod password;
pub mod pictures;
pub mod playback;
pub mod playlists;
pub mod practice;
pub mod progress;
pub mod quiz_reports;
pub mod quizzes;
pub mod reports;
pub mod security;
pub mod sso;
pub mod thread;
pub mod uploads;
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

use crate::config::Config;
use crate::db::Db;
use crate::mail::Mailer;
use crate::storage::Store;
use crate::upload::staging::Staging;

pub use error::{ApiError, Json, Query};

/// The name of the session cookie.
pub const SESSION_COOKIE: &str = "reelhouse_session";
/// Its name over HTTPS: the browser keeps a `__Host-` cookie only when it is Secure, for the
/// whole site (`Path=/`) and for this host alone (no `Domain`), so no sibling subdomain can
/// set or shadow it.
pub const HOST_SESSION_COOKIE: &str = "__Host-reelhouse_session";

/// The largest JSON body accepted by API routes (uploads have their own limits).
const JSON_BODY_LIMIT: usize = 1024 * 1024;
/// How long an ordinary API request may take before it is answered with 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// What every handler can reach: one pointer, so each request's clones cost one count.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// The parts of [`AppState`].
pub struct Shared {
    pub config: Arc<Config>,
    pub db: Db,
    pub store: Arc<dyn Store>,
    pub metrics: PrometheusHandle,
    /// Sends invitation emails when SMTP is configured.
    pub mailer: Option<Mailer>,
    /// Where unfinished uploads keep their bytes.
    pub staging: Arc<dyn Staging>,
    /// Recently granted accesses to media (segments are checked without the database for a
    /// few seconds).
    pub access: crate::media::access::AccessCache,
    /// The small media objects being fetched right now, kept in memory for a few seconds.
    pub hot: crate::media::hot::HotObjects,
    /// The Content-Security-Policy of every response, worked out once.
    pub content_security_policy: axum::http::HeaderValue,
}

impl AppState {
    pub fn new(
        config: Config,
        db: Db,
        store: Arc<dyn Store>,
        staging: Arc<dyn Staging>,
        mailer: Option<Mailer>,
    ) -> AppState {
        let content_security_policy = security::content_security_policy(&config);
        let hot_bytes = usize::try_from(config.media_cache_mib.saturating_mul(1024 * 1024))
            .unwrap_or(usize::MAX);
        AppState(Arc::new(Shared {
            config: Arc::new(config),
            db,
            store,
            metrics: crate::telemetry::metrics_handle(),
            mailer,
            staging,
            access: Default::default(),
            hot: crate::media::hot::HotObjects::new(hot_bytes, crate::media::hot::HOT_TTL),
            content_security_policy,
        }))
    }
}

/// The OpenAPI document of every `/api/v1` route, as served at `/api/v1/openapi.json`.
pub fn openapi_json() -> serde_json::Result<String> {
    let (_, openapi) = api_routes().split_for_parts();
    openapi::complete(openapi).to_pretty_json()
}

/// The whole application: API, health routes and the web app.
pub fn app(state: AppState) -> Router {
    let (api, openapi) = api_routes().split_for_parts();
    let openapi = Arc::new(openapi::complete(openapi));
    let api = api
        .route(
            "/api/v1/openapi.json",
            get(move || async move { axum::Json(openapi.as_ref().clone()) }),
        )
        .route("/api/{*rest}", any(error::not_found))
        .layer(CompressionLayer::new().compress_when(compressible()))
        // Deadlines and body limits are set per group of routes (see api_routes): an upload
        // chunk from a phone may take minutes.
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
        .merge(password::router())
        .merge(oidc::router())
        .merge(sso::router())
        .merge(invitations::router())
        .merge(users::router())
        .merge(videos::router())
        .merge(handouts::router())
        .merge(org::router())
        .merge(progress::router())
        .merge(branding::router())
        .merge(me::router())
        .merge(playlists::router())
        .merge(assignments::router())
        .merge(reports::router())
        .merge(library::router())
        .merge(experts::router())
        .merge(playback::router())
        .merge(captions::router())
        .merge(moments::router())
        .merge(practice::router())
        .merge(exercises::router())
        .merge(quizzes::router())
        .merge(quiz_reports::router())
        .merge(development::router())
        .merge(comments::router())
        .merge(notifications::router())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT));
    let streaming = OpenApiRouter::new()
        .merge(uploads::router().layer(DefaultBodyLimit::disable()))
        .merge(handouts::upload_router())
        .merge(exercises::upload_router())
        .merge(captions::upload_router())
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
        .map_or("unmatched", |p| interned(p.as_str()));
    let method = method_label(request.method());
    let started = Instant::now();
    let response = next.run(request).await;
    let labels = [
        ("method", method),
        ("route", route),
        ("status", interned(response.status().as_str())),
    ];
    metrics::counter!("http_requests_total", &labels).increment(1);
    metrics::histogram!("http_request_duration_seconds", &labels)
        .record(started.elapsed().as_secs_f64());
    response
}

/// The one `'static` copy of a label value: routes and statuses are few, so each is allocated
/// once in the process's life rather than once per request.
fn interned(value: &str) -> &'static str {
    use std::collections::HashSet;
    use std::sync::{LazyLock, RwLock};
    static SEEN: LazyLock<RwLock<HashSet<&'static str>>> = LazyLock::new(RwLock::default);
    if let Some(known) = SEEN.read().unwrap_or_else(|e| e.into_inner()).get(value) {
        return known;
    }
    let mut seen = SEEN.write().unwrap_or_else(|e| e.into_inner());
    if let Some(known) = seen.get(value) {
        return known;
    }
    let leaked: &'static str = Box::leak(value.to_owned().into_boxed_str());
    seen.insert(leaked);
    leaked
}

/// A method as a metric label: the standard ones by name, any other as `OTHER` (a client may
/// send any word as a method; labels must stay few).
fn method_label(method: &axum::http::Method) -> &'static str {
    use axum::http::Method;
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "OTHER",
    }
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

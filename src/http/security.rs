//! Protections applied to every request: security headers on responses, and a cross-site
//! request check (Origin) on unsafe methods, which is the CSRF defence for cookie sessions.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::{ApiError, AppState};
use crate::config::{Config, StorageUrl};

/// Refuses unsafe requests (POST, PUT, PATCH, DELETE) that a browser sent from another site.
/// Browsers always send `Origin` on such requests; tools like curl send none and are let through
/// (they carry no ambient cookies a third-party page could abuse).
pub async fn reject_cross_site(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe && is_cross_site(&state.config, request.headers()) {
        return ApiError::Forbidden("cross-site request refused".into()).into_response();
    }
    next.run(request).await
}

fn is_cross_site(config: &Config, headers: &HeaderMap) -> bool {
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or("");
        let public = config.public_url.origin().ascii_serialization();
        let host = headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("");
        let same_host = origin
            .split_once("://")
            .is_some_and(|(scheme, rest)| matches!(scheme, "http" | "https") && rest == host);
        return origin != public && !same_host;
    }
    headers
        .get("sec-fetch-site")
        .is_some_and(|v| v == "cross-site")
}

/// Adds the security headers to every response that does not set its own.
pub async fn security_headers(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let mut set = |name: header::HeaderName, value: HeaderValue| {
        headers.entry(name).or_insert(value);
    };
    set(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    set(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    set(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    set(
        header::HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(self), microphone=(self), geolocation=()"),
    );
    set(
        header::CONTENT_SECURITY_POLICY,
        state.content_security_policy.clone(),
    );
    if state.config.is_https() {
        set(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

/// The web app loads only its own code; media and playlists may also come from the S3 endpoint
/// (presigned delivery); no page may frame it.
pub fn content_security_policy(config: &Config) -> HeaderValue {
    let media_origin = match (&config.storage, &config.s3.endpoint_url) {
        (StorageUrl::S3 { .. }, Some(endpoint)) => endpoint.origin().ascii_serialization(),
        (StorageUrl::S3 { .. }, None) => "https:".to_owned(),
        (StorageUrl::File(_), _) => String::new(),
    };
    let policy = format!(
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: blob: {media_origin}; media-src 'self' blob: {media_origin}; \
         connect-src 'self' {media_origin}; worker-src 'self' blob:; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    );
    // An origin is plain ASCII; should it ever not be, the strictest policy stands.
    HeaderValue::from_str(&policy)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"))
}

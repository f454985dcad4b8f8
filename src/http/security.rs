//! Protections applied to every request: security headers on responses, and a cross-site
//! request check (Origin) on unsafe methods, which is the CSRF defence for cookie sessions.

use std::net::IpAddr;

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

/// The address a request comes from: the peer's, or, when the peer is a trusted proxy
/// (`REELHOUSE_TRUSTED_PROXIES`), the nearest address named in `Forwarded` (or else
/// `X-Forwarded-For`) that is not itself a trusted proxy. Addresses a client wrote further left
/// are never believed.
pub fn client_ip(config: &Config, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
    let trusted = |ip: &IpAddr| config.trusted_proxies.iter().any(|net| net.contains(ip));
    if !trusted(&peer) {
        return peer;
    }
    let mut client = peer;
    for hop in forwarded_for(headers).into_iter().rev() {
        client = hop;
        if !trusted(&hop) {
            break;
        }
    }
    client
}

/// The addresses a request passed through, first (the original client) to last.
fn forwarded_for(headers: &HeaderMap) -> Vec<IpAddr> {
    let values = |name: header::HeaderName| -> Vec<String> {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|v| v.trim().to_owned())
            .collect()
    };
    let forwarded = values(header::FORWARDED);
    if !forwarded.is_empty() {
        return forwarded
            .iter()
            .filter_map(|element| {
                element.split(';').find_map(|pair| {
                    let (name, value) = pair.trim().split_once('=')?;
                    name.eq_ignore_ascii_case("for")
                        .then(|| node_address(value))?
                })
            })
            .collect();
    }
    values(header::HeaderName::from_static("x-forwarded-for"))
        .iter()
        .filter_map(|value| node_address(value))
        .collect()
}

/// An address as proxies write it: `192.0.2.1`, `192.0.2.1:80`, `"[2001:db8::1]:443"`.
fn node_address(value: &str) -> Option<IpAddr> {
    let value = value.trim().trim_matches('"');
    if let Ok(ip) = value.parse() {
        return Some(ip);
    }
    if let Some(rest) = value.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    value.rsplit_once(':')?.0.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(proxies: &str) -> Config {
        let mut vars = std::collections::HashMap::new();
        vars.insert("REELHOUSE_TRUSTED_PROXIES".to_owned(), proxies.to_owned());
        Config::from_sources(None, &vars).unwrap()
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn only_a_trusted_proxy_names_the_client() {
        let peer: IpAddr = "10.0.0.5".parse().unwrap();
        let xff = headers(&[("x-forwarded-for", "6.6.6.6, 203.0.113.7")]);
        // Not trusted: the peer is the client, whatever it claims.
        assert_eq!(client_ip(&config(""), peer, &xff), peer);
        // Trusted: the nearest untrusted hop, not what the client wrote further left.
        let trusted = config("10.0.0.0/8");
        assert_eq!(
            client_ip(&trusted, peer, &xff),
            "203.0.113.7".parse::<IpAddr>().unwrap()
        );
        let chained = headers(&[("x-forwarded-for", "6.6.6.6, 203.0.113.7, 10.1.2.3")]);
        assert_eq!(
            client_ip(&trusted, peer, &chained),
            "203.0.113.7".parse::<IpAddr>().unwrap()
        );
        let forwarded = headers(&[(
            "forwarded",
            "for=6.6.6.6, for=\"[2001:db8::1]:443\";proto=https",
        )]);
        assert_eq!(
            client_ip(&trusted, peer, &forwarded),
            "2001:db8::1".parse::<IpAddr>().unwrap()
        );
        // A trusted proxy that names no one is the client.
        assert_eq!(client_ip(&trusted, peer, &HeaderMap::new()), peer);
    }
}

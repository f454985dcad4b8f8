//! Streaming one stored object as an HTTP response: `Range` (206 and `Content-Range`),
//! `ETag`/`If-None-Match` (304), `Last-Modified`, content type and cache policy. Bytes are
//! counted for the delivery metrics as they go out.

use std::time::{Duration, UNIX_EPOCH};

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;

use super::ApiError;
use crate::storage::{ByteRange, ObjectKey, ObjectMeta, Store, StoreError};

/// Cache policy of segments and other content-addressed media: they never change.
pub const IMMUTABLE: &str = "private, max-age=31536000, immutable";

/// A `Range` header that is not a byte range we can read.
#[derive(Debug, PartialEq, Eq)]
pub struct BadRange;

/// Parses a single `bytes=` range; `None` for no header. Several ranges are not supported and
/// answer the whole object, as RFC 9110 allows.
pub fn parse_range(headers: &HeaderMap) -> Result<Option<ByteRange>, BadRange> {
    let Some(value) = headers.get(header::RANGE) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| BadRange)?;
    let Some(spec) = value.trim().strip_prefix("bytes=") else {
        return Err(BadRange);
    };
    if spec.contains(',') {
        return Ok(None);
    }
    let (first, last) = spec.split_once('-').ok_or(BadRange)?;
    let number = |s: &str| s.trim().parse::<u64>().map_err(|_| BadRange);
    Ok(Some(
        match (first.trim().is_empty(), last.trim().is_empty()) {
            (true, false) => ByteRange::Suffix(number(last)?),
            (false, true) => ByteRange::From(number(first)?),
            (false, false) => ByteRange::Inclusive(number(first)?, number(last)?),
            (true, true) => return Err(BadRange),
        },
    ))
}

fn http_date(unix_ms: i64) -> Option<HeaderValue> {
    let time = UNIX_EPOCH + Duration::from_millis(u64::try_from(unix_ms).ok()?);
    HeaderValue::from_str(&httpdate::fmt_http_date(time)).ok()
}

fn not_satisfiable(size: Option<u64>) -> Response {
    let mut response = StatusCode::RANGE_NOT_SATISFIABLE.into_response();
    if let Some(size) = size.and_then(|s| HeaderValue::from_str(&format!("bytes */{s}")).ok()) {
        response.headers_mut().insert(header::CONTENT_RANGE, size);
    }
    response
}

/// Answers with the object at `key`.
pub async fn object(
    store: &dyn Store,
    key: &ObjectKey,
    request: &HeaderMap,
    content_type: &'static str,
    cache_control: &'static str,
    route: &'static str,
) -> Result<Response, ApiError> {
    if let Some(tags) = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
    {
        let meta = store.head(key).await?;
        if tags
            .split(',')
            .any(|t| t.trim() == meta.etag || t.trim() == "*")
        {
            return Ok(not_modified(&meta.etag, cache_control));
        }
    }
    let Ok(range) = parse_range(request) else {
        return Ok(not_satisfiable(None));
    };
    let object = match store.get_range(key, range).await {
        Ok(object) => object,
        Err(StoreError::InvalidRange) => {
            let size = store.head(key).await.ok().map(|m| m.size);
            return Ok(not_satisfiable(size));
        }
        Err(err) => return Err(err.into()),
    };
    streamed(object, content_type, cache_control, route)
}

/// 304 with the validator and cache policy.
fn not_modified(etag: &str, cache_control: &'static str) -> Response {
    let mut response = StatusCode::NOT_MODIFIED.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control),
    );
    if let Ok(etag) = HeaderValue::from_str(etag) {
        headers.insert(header::ETAG, etag);
    }
    response
}

/// The status and headers of an answer with `length` bytes of the object (`range`, or all).
fn headers_for(
    meta: &ObjectMeta,
    range: Option<(u64, u64)>,
    length: u64,
    content_type: &'static str,
    cache_control: &'static str,
) -> axum::http::response::Builder {
    let status = if range.is_some() {
        StatusCode::PARTIAL_CONTENT
    } else {
        StatusCode::OK
    };
    let mut response = Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, content_type)
        .header(header::CONTENT_LENGTH, length)
        .header(header::ACCEPT_RANGES, "bytes")
        .header(header::CACHE_CONTROL, cache_control);
    if let Some((first, last)) = range {
        response = response.header(
            header::CONTENT_RANGE,
            format!("bytes {first}-{last}/{}", meta.size),
        );
    }
    if !meta.etag.is_empty() {
        response = response.header(header::ETAG, &meta.etag);
    }
    if let Some(date) = http_date(meta.last_modified_ms) {
        response = response.header(header::LAST_MODIFIED, date);
    }
    response
}

/// Streams an object being read from the store, counting its bytes as they go out.
fn streamed(
    object: crate::storage::GetObject,
    content_type: &'static str,
    cache_control: &'static str,
    route: &'static str,
) -> Result<Response, ApiError> {
    let length = object.content_length();
    let response = headers_for(
        &object.meta,
        object.range,
        length,
        content_type,
        cache_control,
    );
    let counted = object.body.inspect(move |chunk| {
        if let Ok(bytes) = chunk {
            metrics::counter!("media_bytes_served_total", "route" => route)
                .increment(bytes.len() as u64);
        }
    });
    response
        .body(Body::from_stream(counted))
        .map_err(|e| ApiError::Internal(e.into()))
}

/// Answers with the object at `key` like [`object`], serving small objects from (and keeping
/// them in) `hot`: what many players fetch at once is read from the store once every few
/// seconds.
pub async fn object_hot(
    store: &dyn Store,
    hot: &crate::media::hot::HotObjects,
    key: &ObjectKey,
    request: &HeaderMap,
    content_type: &'static str,
    cache_control: &'static str,
    route: &'static str,
) -> Result<Response, ApiError> {
    if let Some((meta, body)) = hot.get(key.as_str()) {
        return Ok(from_memory(
            meta,
            body,
            request,
            content_type,
            cache_control,
            route,
        ));
    }
    if !hot.enabled()
        || request.contains_key(header::RANGE)
        || request.contains_key(header::IF_NONE_MATCH)
    {
        return object(store, key, request, content_type, cache_control, route).await;
    }
    // When a hot object expires under load, one request reads it and the others wait for it.
    let _reading = hot.reading(key.as_str()).await;
    if let Some((meta, body)) = hot.get(key.as_str()) {
        return Ok(from_memory(
            meta,
            body,
            request,
            content_type,
            cache_control,
            route,
        ));
    }
    let object = store.get_range(key, None).await?;
    if !hot.keeps(object.meta.size) {
        return streamed(object, content_type, cache_control, route);
    }
    // Small enough to keep: read whole (at most MAX_OBJECT bytes), keep, answer from memory.
    let Some(mut pages) = crate::media::hot::OwnPages::with_capacity(object.meta.size as usize)
    else {
        return streamed(object, content_type, cache_control, route);
    };
    let mut chunks = object.body;
    while let Some(chunk) = chunks.next().await {
        if !pages.extend(&chunk.map_err(StoreError::Io)?) {
            return Err(ApiError::Internal(anyhow::anyhow!(
                "{key} grew while it was read"
            )));
        }
    }
    let body = bytes::Bytes::from_owner(pages);
    hot.put(key.as_str(), object.meta.clone(), body.clone());
    Ok(from_memory(
        object.meta,
        body,
        request,
        content_type,
        cache_control,
        route,
    ))
}

/// A response from an object held in memory, honouring `If-None-Match` and `Range`.
fn from_memory(
    meta: ObjectMeta,
    body: bytes::Bytes,
    request: &HeaderMap,
    content_type: &'static str,
    cache_control: &'static str,
    route: &'static str,
) -> Response {
    if let Some(tags) = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        && tags
            .split(',')
            .any(|t| t.trim() == meta.etag || t.trim() == "*")
    {
        return not_modified(&meta.etag, cache_control);
    }
    let range = match parse_range(request) {
        Ok(Some(range)) => match range.resolve(meta.size) {
            Some(found) => Some(found),
            None => return not_satisfiable(Some(meta.size)),
        },
        Ok(None) => None,
        Err(BadRange) => return not_satisfiable(None),
    };
    let body = match range {
        Some((first, last)) => body.slice(first as usize..=last as usize),
        None => body,
    };
    metrics::counter!("media_bytes_served_total", "route" => route).increment(body.len() as u64);
    let response = headers_for(&meta, range, body.len() as u64, content_type, cache_control);
    response
        .body(Body::from(body))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(value: &str) -> Result<Option<ByteRange>, BadRange> {
        let mut headers = HeaderMap::new();
        headers.insert(header::RANGE, HeaderValue::from_str(value).unwrap());
        parse_range(&headers)
    }

    #[test]
    fn ranges_parse() {
        assert_eq!(range("bytes=0-99"), Ok(Some(ByteRange::Inclusive(0, 99))));
        assert_eq!(range("bytes=100-"), Ok(Some(ByteRange::From(100))));
        assert_eq!(range("bytes=-500"), Ok(Some(ByteRange::Suffix(500))));
        assert_eq!(range("bytes=0-1,5-6"), Ok(None));
        assert!(
            range("items=0-1").is_err() && range("bytes=-").is_err() && range("bytes=a-b").is_err()
        );
    }
}

//! Receiving and serving the pictures people upload (logos, playlist covers): the request body
//! goes to a scratch file under a size limit, FFmpeg re-encodes it (see `transcode::picture`), and only
//! the new picture is stored.

use axum::body::Body;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use tokio::io::AsyncWriteExt;

use super::{ApiError, AppState};
use crate::storage::ObjectKey;
use crate::transcode::picture::{self, MAX_IMAGE_BYTES, Output};

/// Streams `body` to a scratch file, re-encodes it as `output` and stores the result at `key`.
pub async fn store_picture(
    state: &AppState,
    body: Body,
    key: &ObjectKey,
    output: Output,
) -> Result<(), ApiError> {
    let dir = state.config.data_dir.join("scratch").join("pictures");
    tokio::fs::create_dir_all(&dir)
        .await
        .map_err(anyhow::Error::from)?;
    let scratch = Scratch(dir.join(crate::db::new_id()));
    let bytes = receive_and_encode(&scratch.0, body, output).await?;
    drop(scratch);
    crate::storage::put_bytes(state.store.as_ref(), key, bytes.into()).await?;
    Ok(())
}

/// A scratch file, removed however the request ends (also when it is cut off or times out).
struct Scratch(std::path::PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Decoding pictures takes memory and CPU: a few at a time, the others wait.
static DECODING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

async fn receive_and_encode(
    path: &std::path::Path,
    body: Body,
    output: Output,
) -> Result<Vec<u8>, ApiError> {
    let mut file = tokio::fs::File::create(path)
        .await
        .map_err(anyhow::Error::from)?;
    let mut stream = body.into_data_stream();
    let mut received = 0usize;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| ApiError::bad_request("the picture did not arrive whole"))?;
        received += chunk.len();
        if received > MAX_IMAGE_BYTES {
            return Err(ApiError::TooLarge(format!(
                "the picture is larger than {} MiB",
                MAX_IMAGE_BYTES / (1024 * 1024)
            )));
        }
        file.write_all(&chunk).await.map_err(anyhow::Error::from)?;
    }
    file.flush().await.map_err(anyhow::Error::from)?;
    drop(file);
    if received == 0 {
        return Err(ApiError::bad_request(
            "send the picture as the request body",
        ));
    }
    let path = path.to_owned();
    let _permit = DECODING.acquire().await.map_err(anyhow::Error::from)?;
    let encoded = tokio::task::spawn_blocking(move || picture::reencode(&path, output))
        .await
        .map_err(anyhow::Error::from)?;
    let (bytes, _, _) = encoded.map_err(|e| ApiError::UnsupportedMediaType(e.0))?;
    Ok(bytes)
}

/// Serves a stored picture with the given caching.
pub async fn serve_picture(
    state: &AppState,
    key: &str,
    content_type: &'static str,
    cache_control: &'static str,
) -> Result<Response, ApiError> {
    let object = state.store.get_range(&ObjectKey::new(key)?, None).await?;
    let headers = [
        (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
        (
            header::CONTENT_LENGTH,
            HeaderValue::from(object.content_length()),
        ),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static(cache_control),
        ),
    ];
    Ok((headers, Body::from_stream(object.body)).into_response())
}

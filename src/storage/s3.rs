//! Objects in an S3 bucket (AWS, MinIO, Garage, Ceph, s3s), through aws-sdk-s3.
//!
//! Large puts go up as multipart uploads, one part buffered at a time, so memory stays at one
//! part per upload whatever the object's size. Objects become visible only when the upload
//! completes, so readers never see a partial object.

use std::time::Duration;

use async_trait::async_trait;
use aws_sdk_s3::Client;
use aws_sdk_s3::config::http::HttpResponse;
use aws_sdk_s3::config::{
    BehaviorVersion, Credentials, Region, RequestChecksumCalculation, ResponseChecksumValidation,
};
use aws_sdk_s3::error::{DisplayErrorContext, SdkError};
use aws_sdk_s3::presigning::PresigningConfig;
use aws_sdk_s3::primitives::{ByteStream as SdkBody, DateTime};
use aws_sdk_s3::types::{CompletedMultipartUpload, CompletedPart};
use aws_smithy_http_client::tls;
use bytes::{Bytes, BytesMut};
use futures_util::StreamExt;
use tokio_util::io::ReaderStream;

use super::{ByteRange, ByteStream, GetObject, ObjectKey, ObjectMeta, Store, StoreError};
use crate::config::S3Settings;

/// The size of each part of a multipart upload (S3 needs at least 5 MiB for all but the last).
pub const PART_SIZE: usize = 8 * 1024 * 1024;

#[derive(Debug)]
pub struct S3Store {
    client: Client,
    bucket: String,
    /// Prepended to every key, without slashes at either end; may be empty.
    prefix: String,
}

impl S3Store {
    pub async fn new(settings: &S3Settings, bucket: String, prefix: String) -> S3Store {
        let https = aws_smithy_http_client::Builder::new()
            .tls_provider(tls::Provider::Rustls(
                tls::rustls_provider::CryptoMode::Ring,
            ))
            .build_https();
        let mut loader = aws_config::defaults(BehaviorVersion::latest())
            .http_client(https)
            .timeout_config(
                aws_config::timeout::TimeoutConfig::builder()
                    .connect_timeout(Duration::from_secs(5))
                    .build(),
            );
        if let Some(region) = &settings.region {
            loader = loader.region(Region::new(region.clone()));
        }
        if let Some(endpoint) = &settings.endpoint_url {
            loader = loader.endpoint_url(endpoint.as_str().trim_end_matches('/'));
        }
        if let (Some(id), Some(secret)) = (&settings.access_key_id, &settings.secret_access_key) {
            loader =
                loader.credentials_provider(Credentials::new(id, secret, None, None, "config"));
        }
        let shared = loader.load().await;
        let mut config = aws_sdk_s3::config::Builder::from(&shared)
            .force_path_style(settings.path_style)
            // Not every S3-compatible server understands the newer default checksums.
            .request_checksum_calculation(RequestChecksumCalculation::WhenRequired)
            .response_checksum_validation(ResponseChecksumValidation::WhenRequired);
        if shared.region().is_none() {
            config = config.region(Region::new("us-east-1"));
        }
        S3Store {
            client: Client::from_conf(config.build()),
            bucket,
            prefix,
        }
    }

    fn full_key(&self, key: &str) -> String {
        if self.prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{}/{key}", self.prefix)
        }
    }

    fn strip_prefix<'k>(&self, full: &'k str) -> &'k str {
        if self.prefix.is_empty() {
            full
        } else {
            full.strip_prefix(&self.prefix)
                .map_or(full, |k| k.trim_start_matches('/'))
        }
    }

    /// Starts a multipart upload at `key` and returns its id (tus staging in S3 mode).
    pub async fn create_multipart(&self, key: &ObjectKey) -> Result<String, StoreError> {
        let full = self.full_key(key.as_str());
        let created = self
            .client
            .create_multipart_upload()
            .bucket(&self.bucket)
            .key(&full)
            .send()
            .await
            .map_err(|e| map_err(key.as_str(), e))?;
        created
            .upload_id()
            .map(str::to_owned)
            .ok_or_else(|| StoreError::Refused("no upload id in CreateMultipartUpload".into()))
    }

    /// Stores one part of a multipart upload; returns its ETag.
    pub async fn upload_part(
        &self,
        key: &ObjectKey,
        upload_id: &str,
        number: i32,
        bytes: Bytes,
    ) -> Result<String, StoreError> {
        let uploaded = self
            .client
            .upload_part()
            .bucket(&self.bucket)
            .key(self.full_key(key.as_str()))
            .upload_id(upload_id)
            .part_number(number)
            .body(SdkBody::from(bytes))
            .send()
            .await
            .map_err(|e| map_err(key.as_str(), e))?;
        Ok(uploaded.e_tag().unwrap_or_default().to_owned())
    }

    /// Joins the parts, given as `(number, etag)` in order, into the object at `key`.
    pub async fn complete_multipart(
        &self,
        key: &ObjectKey,
        upload_id: &str,
        parts: &[(i32, String)],
    ) -> Result<(), StoreError> {
        let parts = parts
            .iter()
            .map(|(number, etag)| {
                CompletedPart::builder()
                    .part_number(*number)
                    .e_tag(etag)
                    .build()
            })
            .collect();
        self.client
            .complete_multipart_upload()
            .bucket(&self.bucket)
            .key(self.full_key(key.as_str()))
            .upload_id(upload_id)
            .multipart_upload(
                CompletedMultipartUpload::builder()
                    .set_parts(Some(parts))
                    .build(),
            )
            .send()
            .await
            .map_err(|e| map_err(key.as_str(), e))?;
        Ok(())
    }

    /// Abandons a multipart upload and frees its parts; a missing upload is not an error.
    pub async fn abort_multipart(
        &self,
        key: &ObjectKey,
        upload_id: &str,
    ) -> Result<(), StoreError> {
        let result = self
            .client
            .abort_multipart_upload()
            .bucket(&self.bucket)
            .key(self.full_key(key.as_str()))
            .upload_id(upload_id)
            .send()
            .await;
        match result.map_err(|e| map_err(key.as_str(), e)) {
            Ok(_) | Err(StoreError::NotFound(_)) => Ok(()),
            Err(err) => Err(err),
        }
    }

    async fn put_small(&self, key: &str, bytes: Bytes) -> Result<(), StoreError> {
        self.client
            .put_object()
            .bucket(&self.bucket)
            .key(key)
            .body(SdkBody::from(bytes))
            .send()
            .await
            .map_err(|e| map_err(key, e))?;
        Ok(())
    }

    /// Uploads `first` and the rest of `body` as a multipart upload; aborts it on failure so no
    /// parts are left behind.
    async fn put_multipart(
        &self,
        key: &ObjectKey,
        first: Bytes,
        body: ByteStream,
    ) -> Result<u64, StoreError> {
        let upload_id = self.create_multipart(key).await?;
        let result = self.upload_all_parts(key, &upload_id, first, body).await;
        if result.is_err()
            && let Err(err) = self.abort_multipart(key, &upload_id).await
        {
            tracing::warn!(%key, error = %err, "abort of multipart upload failed");
        }
        result
    }

    async fn upload_all_parts(
        &self,
        key: &ObjectKey,
        upload_id: &str,
        first: Bytes,
        mut body: ByteStream,
    ) -> Result<u64, StoreError> {
        let mut parts = Vec::new();
        let mut total = 0u64;
        let mut next = Some(first);
        while let Some(part) = next.take() {
            total += part.len() as u64;
            let number = i32::try_from(parts.len() + 1)
                .map_err(|_| StoreError::Refused("too many parts".into()))?;
            let etag = self.upload_part(key, upload_id, number, part).await?;
            parts.push((number, etag));
            let (chunk, _) = fill_part(&mut body).await?;
            if !chunk.is_empty() {
                next = Some(chunk);
            }
        }
        self.complete_multipart(key, upload_id, &parts).await?;
        Ok(total)
    }
}

/// Reads up to [`PART_SIZE`] bytes from `body`; the flag tells whether the stream has ended.
async fn fill_part(body: &mut ByteStream) -> Result<(Bytes, bool), StoreError> {
    let mut part = BytesMut::new();
    while part.len() < PART_SIZE {
        match body.next().await {
            Some(chunk) => part.extend_from_slice(&chunk?),
            None => return Ok((part.freeze(), true)),
        }
    }
    Ok((part.freeze(), false))
}

fn millis(time: Option<&DateTime>) -> i64 {
    time.and_then(|t| t.to_millis().ok()).unwrap_or(0)
}

/// Parses the total size out of `Content-Range: bytes FIRST-LAST/TOTAL`.
fn total_from_content_range(value: &str) -> Option<(u64, u64, u64)> {
    let (span, total) = value.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    Some((first.parse().ok()?, last.parse().ok()?, total.parse().ok()?))
}

/// Sorts an SDK failure into the store's errors: missing objects, bad ranges, an unreachable or
/// overloaded service (worth a retry), and refusals.
fn map_err<E>(key: &str, err: SdkError<E, HttpResponse>) -> StoreError
where
    E: std::error::Error + Send + Sync + 'static,
{
    let status = err.raw_response().map(|r| r.status().as_u16());
    match (&err, status) {
        (_, Some(404)) => StoreError::NotFound(key.to_owned()),
        (_, Some(416)) => StoreError::InvalidRange,
        (SdkError::DispatchFailure(_) | SdkError::TimeoutError(_), _)
        | (_, Some(429 | 500..=599)) => StoreError::Unavailable {
            message: DisplayErrorContext(&err).to_string(),
            source: Some(Box::new(err)),
        },
        _ => StoreError::Refused(DisplayErrorContext(&err).to_string()),
    }
}

#[async_trait]
impl Store for S3Store {
    async fn put_stream(&self, key: &ObjectKey, mut body: ByteStream) -> Result<u64, StoreError> {
        let (first, ended) = fill_part(&mut body).await?;
        if ended {
            let size = first.len() as u64;
            self.put_small(&self.full_key(key.as_str()), first).await?;
            return Ok(size);
        }
        self.put_multipart(key, first, body).await
    }

    async fn get_range(
        &self,
        key: &ObjectKey,
        range: Option<ByteRange>,
    ) -> Result<GetObject, StoreError> {
        let full = self.full_key(key.as_str());
        let out = self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(&full)
            .set_range(range.map(ByteRange::header_value))
            .send()
            .await
            .map_err(|e| map_err(key.as_str(), e))?;
        let length = out
            .content_length()
            .and_then(|l| u64::try_from(l).ok())
            .unwrap_or(0);
        let served = range
            .and(out.content_range())
            .and_then(total_from_content_range);
        let (size, range) = match served {
            Some((first, last, total)) => (total, Some((first, last))),
            None if range.is_some() => return Err(StoreError::InvalidRange),
            None => (length, None),
        };
        let meta = ObjectMeta {
            key: key.as_str().to_owned(),
            size,
            etag: out.e_tag().unwrap_or_default().to_owned(),
            last_modified_ms: millis(out.last_modified()),
        };
        let body = ReaderStream::with_capacity(out.body.into_async_read(), 256 * 1024);
        Ok(GetObject {
            meta,
            range,
            body: Box::pin(body),
        })
    }

    async fn head(&self, key: &ObjectKey) -> Result<ObjectMeta, StoreError> {
        let out = self
            .client
            .head_object()
            .bucket(&self.bucket)
            .key(self.full_key(key.as_str()))
            .send()
            .await
            .map_err(|e| map_err(key.as_str(), e))?;
        Ok(ObjectMeta {
            key: key.as_str().to_owned(),
            size: out
                .content_length()
                .and_then(|l| u64::try_from(l).ok())
                .unwrap_or(0),
            etag: out.e_tag().unwrap_or_default().to_owned(),
            last_modified_ms: millis(out.last_modified()),
        })
    }

    async fn delete(&self, key: &ObjectKey) -> Result<(), StoreError> {
        let result = self
            .client
            .delete_object()
            .bucket(&self.bucket)
            .key(self.full_key(key.as_str()))
            .send()
            .await;
        match result.map_err(|e| map_err(key.as_str(), e)) {
            Ok(_) | Err(StoreError::NotFound(_)) => Ok(()),
            Err(err) => Err(err),
        }
    }

    async fn list(&self, prefix: &str) -> Result<Vec<ObjectMeta>, StoreError> {
        let mut pages = self
            .client
            .list_objects_v2()
            .bucket(&self.bucket)
            .prefix(self.full_key(prefix))
            .into_paginator()
            .send();
        let mut found = Vec::new();
        while let Some(page) = pages.next().await {
            let page = page.map_err(|e| map_err(prefix, e))?;
            for object in page.contents() {
                let Some(full) = object.key() else { continue };
                found.push(ObjectMeta {
                    key: self.strip_prefix(full).to_owned(),
                    size: object
                        .size()
                        .and_then(|s| u64::try_from(s).ok())
                        .unwrap_or(0),
                    etag: object.e_tag().unwrap_or_default().to_owned(),
                    last_modified_ms: millis(object.last_modified()),
                });
            }
        }
        found.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(found)
    }

    async fn presign_get(
        &self,
        key: &ObjectKey,
        ttl: Duration,
    ) -> Result<Option<String>, StoreError> {
        let presigning =
            PresigningConfig::expires_in(ttl).map_err(|e| StoreError::Refused(e.to_string()))?;
        let request = self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(self.full_key(key.as_str()))
            .presigned(presigning)
            .await
            .map_err(|e| map_err(key.as_str(), e))?;
        Ok(Some(request.uri().to_owned()))
    }

    fn as_dyn(&self) -> &dyn Store {
        self
    }

    async fn ping(&self) -> Result<(), StoreError> {
        self.client
            .head_bucket()
            .bucket(&self.bucket)
            .send()
            .await
            .map_err(|e| map_err(&self.bucket, e))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::total_from_content_range;

    #[test]
    fn content_range_parses() {
        assert_eq!(total_from_content_range("bytes 0-9/100"), Some((0, 9, 100)));
        assert_eq!(total_from_content_range("bytes */100"), None);
    }
}

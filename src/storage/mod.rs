//! Object storage: the [`Store`] trait and its two implementations, local files ([`fs`]) and S3
//! ([`s3`]).
//!
//! Bodies stream in and out as [`ByteStream`]s; no implementation holds a whole object in memory.
//! Keys are [`ObjectKey`]s, checked once when made, so no store ever sees `..` or an absolute path.

pub mod fs;
pub mod s3;

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use bytes::Bytes;
use futures_util::{Stream, StreamExt};

use crate::config::{Config, StorageUrl};

/// A stream of object bytes.
pub type ByteStream = Pin<Box<dyn Stream<Item = io::Result<Bytes>> + Send>>;

/// A validated object key: `/`-separated segments of letters, digits, `-`, `_` and `.`, none empty
/// and none starting with a dot (so no `..`, and no clash with a store's hidden temp files).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ObjectKey(String);

impl ObjectKey {
    pub const MAX_LEN: usize = 1024;

    pub fn new(key: impl Into<String>) -> Result<ObjectKey, StoreError> {
        let key = key.into();
        let segment_ok = |s: &str| {
            !s.is_empty()
                && !s.starts_with('.')
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        };
        if key.len() > Self::MAX_LEN || !key.split('/').all(segment_ok) {
            return Err(StoreError::InvalidKey(key));
        }
        Ok(ObjectKey(key))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ObjectKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A byte range of an object, as HTTP `Range` spells them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ByteRange {
    /// `bytes=START-END`, both inclusive.
    Inclusive(u64, u64),
    /// `bytes=START-`
    From(u64),
    /// `bytes=-LEN`: the last LEN bytes.
    Suffix(u64),
}

impl ByteRange {
    /// The inclusive `(first, last)` byte positions this range selects in an object of `size`
    /// bytes, or `None` when it selects nothing (HTTP 416).
    pub fn resolve(self, size: u64) -> Option<(u64, u64)> {
        let (first, last) = match self {
            ByteRange::Inclusive(first, last) if first <= last => {
                (first, last.min(size.checked_sub(1)?))
            }
            ByteRange::Inclusive(..) => return None,
            ByteRange::From(first) => (first, size.checked_sub(1)?),
            ByteRange::Suffix(0) => return None,
            ByteRange::Suffix(len) => (size.saturating_sub(len), size.checked_sub(1)?),
        };
        (first <= last).then_some((first, last))
    }

    /// The HTTP header value for this range.
    pub fn header_value(self) -> String {
        match self {
            ByteRange::Inclusive(first, last) => format!("bytes={first}-{last}"),
            ByteRange::From(first) => format!("bytes={first}-"),
            ByteRange::Suffix(len) => format!("bytes=-{len}"),
        }
    }
}

/// What a store knows of an object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectMeta {
    pub key: String,
    /// The whole object's size in bytes.
    pub size: u64,
    /// A strong validator, quoted as in HTTP.
    pub etag: String,
    /// Unix milliseconds.
    pub last_modified_ms: i64,
}

/// An object being read: its metadata, the byte positions served, and the bytes.
pub struct GetObject {
    pub meta: ObjectMeta,
    /// The inclusive `(first, last)` positions of the body when a range was asked for.
    pub range: Option<(u64, u64)>,
    pub body: ByteStream,
}

impl GetObject {
    /// How many bytes the body holds.
    pub fn content_length(&self) -> u64 {
        self.range
            .map_or(self.meta.size, |(first, last)| last - first + 1)
    }
}

/// Why a store operation failed, and whose fault it was.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("invalid object key {0:?}")]
    InvalidKey(String),
    #[error("object {0} not found")]
    NotFound(String),
    #[error("the requested range is not satisfiable")]
    InvalidRange,
    #[error("the store is unavailable: {message}")]
    Unavailable {
        message: String,
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
    #[error("store I/O failed: {0}")]
    Io(#[from] io::Error),
    #[error("the store refused the request: {0}")]
    Refused(String),
}

impl StoreError {
    /// Whether trying again later may succeed (an unreachable S3 endpoint, a full disk being
    /// cleaned), as opposed to a request that can never work.
    pub fn is_transient(&self) -> bool {
        matches!(self, StoreError::Unavailable { .. } | StoreError::Io(_))
    }

    /// Whether the caller asked for something wrong (bad key, missing object, bad range).
    pub fn is_client_error(&self) -> bool {
        matches!(
            self,
            StoreError::InvalidKey(_) | StoreError::NotFound(_) | StoreError::InvalidRange
        )
    }
}

/// Object storage. Implementations stream; none buffers a whole object.
#[async_trait]
pub trait Store: Send + Sync + fmt::Debug {
    /// Stores `body` under `key`, replacing any object there, and returns its size. Readers see
    /// the old object or the whole new one, never a part.
    async fn put_stream(&self, key: &ObjectKey, body: ByteStream) -> Result<u64, StoreError>;

    /// Reads an object, or a range of it.
    async fn get_range(
        &self,
        key: &ObjectKey,
        range: Option<ByteRange>,
    ) -> Result<GetObject, StoreError>;

    /// The metadata of an object.
    async fn head(&self, key: &ObjectKey) -> Result<ObjectMeta, StoreError>;

    /// Deletes an object; deleting a missing object succeeds.
    async fn delete(&self, key: &ObjectKey) -> Result<(), StoreError>;

    /// Every object whose key starts with `prefix`, in key order.
    async fn list(&self, prefix: &str) -> Result<Vec<ObjectMeta>, StoreError>;

    /// A URL that fetches the object without credentials until `ttl` passes, or `None` when the
    /// store cannot make one (local files: the server proxies them instead).
    async fn presign_get(
        &self,
        key: &ObjectKey,
        ttl: Duration,
    ) -> Result<Option<String>, StoreError>;

    /// Answers when the store is reachable and writable.
    async fn ping(&self) -> Result<(), StoreError>;

    /// Moves a finished local file into the store under `key`; the file is gone afterwards.
    /// The filesystem store renames it (no copy); others stream it up and delete it.
    async fn put_local_file(&self, key: &ObjectKey, path: &Path) -> Result<u64, StoreError> {
        let size = put_file(self.as_dyn(), key, path).await?;
        tokio::fs::remove_file(path).await?;
        Ok(size)
    }

    /// The object as a file on this machine, when the store keeps it so (the filesystem store):
    /// readers that need a local file, such as FFmpeg, use it in place instead of copying.
    fn local_path(&self, _key: &ObjectKey) -> Option<PathBuf> {
        None
    }

    /// This store as a trait object (for default methods that call free functions).
    fn as_dyn(&self) -> &dyn Store;
}

/// Opens the store named by the configuration.
pub async fn open(config: &Config) -> Result<Arc<dyn Store>, StoreError> {
    Ok(open_with_s3(config).await?.0)
}

/// Opens the store, and returns it also as an [`s3::S3Store`] when it is one (upload staging
/// uses S3's multipart API directly).
pub async fn open_with_s3(
    config: &Config,
) -> Result<(Arc<dyn Store>, Option<Arc<s3::S3Store>>), StoreError> {
    Ok(match &config.storage {
        StorageUrl::File(root) => (Arc::new(fs::FsStore::new(root.clone())?), None),
        StorageUrl::S3 { bucket, prefix } => {
            let s3 = Arc::new(s3::S3Store::new(&config.s3, bucket.clone(), prefix.clone()).await);
            (s3.clone(), Some(s3))
        }
    })
}

/// Stores a small in-memory value (a playlist, a poster) under `key`.
pub async fn put_bytes(
    store: &dyn Store,
    key: &ObjectKey,
    bytes: Bytes,
) -> Result<u64, StoreError> {
    store
        .put_stream(
            key,
            Box::pin(futures_util::stream::once(async { Ok(bytes) })),
        )
        .await
}

/// Streams a local file into the store under `key`.
pub async fn put_file(store: &dyn Store, key: &ObjectKey, path: &Path) -> Result<u64, StoreError> {
    let file = tokio::fs::File::open(path).await?;
    let stream = tokio_util::io::ReaderStream::with_capacity(file, 256 * 1024);
    store.put_stream(key, Box::pin(stream)).await
}

/// Reads a whole object into memory. Only for small objects (playlists, test fixtures): media
/// must be streamed.
pub async fn read_small(
    store: &dyn Store,
    key: &ObjectKey,
    limit: u64,
) -> Result<Vec<u8>, StoreError> {
    let object = store.get_range(key, None).await?;
    if object.meta.size > limit {
        return Err(StoreError::Refused(format!(
            "{key} is larger than {limit} bytes"
        )));
    }
    let mut body = object.body;
    let mut bytes = Vec::with_capacity(object.meta.size as usize);
    while let Some(chunk) = body.next().await {
        bytes.extend_from_slice(&chunk?);
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_escape_are_refused() {
        for bad in [
            "", "/abs", "a//b", "../x", "a/../b", "a/./b", ".hidden", "a/.tmp", "a\\b", "a b", "é",
        ] {
            assert!(ObjectKey::new(bad).is_err(), "{bad:?} was accepted");
        }
        for good in ["a", "videos/0190-ab/hls/720p/seg_00001.m4s", "x.y_z-1"] {
            assert!(ObjectKey::new(good).is_ok(), "{good:?} was refused");
        }
    }

    #[test]
    fn ranges_resolve_like_http() {
        assert_eq!(ByteRange::Inclusive(0, 9).resolve(100), Some((0, 9)));
        assert_eq!(ByteRange::Inclusive(90, 200).resolve(100), Some((90, 99)));
        assert_eq!(ByteRange::Inclusive(100, 200).resolve(100), None);
        assert_eq!(ByteRange::From(95).resolve(100), Some((95, 99)));
        assert_eq!(ByteRange::Suffix(10).resolve(100), Some((90, 99)));
        assert_eq!(ByteRange::Suffix(1000).resolve(100), Some((0, 99)));
        assert_eq!(ByteRange::Suffix(0).resolve(100), None);
        assert_eq!(ByteRange::From(0).resolve(0), None);
    }
}

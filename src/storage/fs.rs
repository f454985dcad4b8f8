//! Objects as files under a root folder.
//!
//! A put writes to a hidden temp file beside the final one (`.NAME.UUID.partial`), syncs it and
//! renames it into place, so a crash never leaves a half-written object under its final key.
//! Keys are validated by [`ObjectKey`], so no path ever leaves the root.

use std::io::{self, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use async_trait::async_trait;
use futures_util::StreamExt;
use tokio::fs;
use tokio::io::AsyncWriteExt;
use tokio_util::io::ReaderStream;

use super::{ByteRange, ByteStream, GetObject, ObjectKey, ObjectMeta, Store, StoreError};

/// How much of a file is read per chunk when streaming it out: large enough that a segment
/// takes few reads, small enough that many concurrent viewers stay cheap in memory.
const READ_CHUNK: usize = 512 * 1024;

#[derive(Debug)]
pub struct FsStore {
    root: PathBuf,
}

impl FsStore {
    /// A store rooted at `root`, which is created when missing.
    pub fn new(root: PathBuf) -> Result<FsStore, StoreError> {
        std::fs::create_dir_all(&root)?;
        Ok(FsStore { root })
    }

    fn path(&self, key: &ObjectKey) -> PathBuf {
        self.root.join(key.as_str())
    }

    async fn meta(&self, key: &str, path: &Path) -> Result<ObjectMeta, StoreError> {
        let metadata = fs::metadata(path)
            .await
            .map_err(|e| not_found_or_io(key, e))?;
        if !metadata.is_file() {
            return Err(StoreError::NotFound(key.to_owned()));
        }
        meta_of(key, &metadata)
    }

    /// Removes the now-empty folders between `path` and the root, so deleted videos leave no
    /// trees of empty folders behind. Best effort: a folder still in use is left alone.
    async fn prune_empty_parents(&self, path: &Path) {
        let mut dir = path.parent();
        while let Some(d) = dir {
            if d == self.root || !d.starts_with(&self.root) || fs::remove_dir(d).await.is_err() {
                break;
            }
            dir = d.parent();
        }
    }
}

/// A file opened for reading: its metadata, the range served, the first bytes, and the file
/// positioned after them with how many bytes remain to send.
struct Opened {
    meta: ObjectMeta,
    range: Option<(u64, u64)>,
    head: bytes::Bytes,
    rest: Option<(std::fs::File, u64)>,
}

/// Opens `path` (the object `key`), reads its metadata, seeks to the range and reads up to
/// [`READ_CHUNK`] bytes: blocking, called on the blocking pool.
fn open_and_read_head(
    key: &str,
    path: &Path,
    range: Option<ByteRange>,
) -> Result<Opened, StoreError> {
    use std::io::{Read, Seek};
    let mut file = std::fs::File::open(path).map_err(|e| not_found_or_io(key, e))?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(StoreError::NotFound(key.to_owned()));
    }
    let meta = meta_of(key, &metadata)?;
    let (first, last, served) = match range {
        None => (0, meta.size.saturating_sub(1), None),
        Some(range) => {
            let (first, last) = range.resolve(meta.size).ok_or(StoreError::InvalidRange)?;
            (first, last, Some((first, last)))
        }
    };
    let length = if meta.size == 0 { 0 } else { last - first + 1 };
    if first > 0 {
        file.seek(SeekFrom::Start(first))?;
    }
    let head_len = length.min(READ_CHUNK as u64) as usize;
    let mut head = ReadBuffer::take();
    file.read_exact(&mut head.bytes[..head_len])?;
    head.len = head_len;
    Ok(Opened {
        meta,
        range: served,
        head: bytes::Bytes::from_owner(head),
        rest: Some((file, length - head_len as u64)),
    })
}

/// The next `remaining` bytes of `file`, read on the blocking pool straight into pooled buffers
/// of [`READ_CHUNK`] (no second copy through an async file's own buffer).
fn chunks(
    file: std::fs::File,
    remaining: u64,
) -> impl futures_util::Stream<Item = io::Result<bytes::Bytes>> {
    futures_util::stream::unfold((Some(file), remaining), |(file, remaining)| async move {
        let mut file = file.filter(|_| remaining > 0)?;
        let wanted = remaining.min(READ_CHUNK as u64) as usize;
        let read = tokio::task::spawn_blocking(move || {
            use std::io::Read;
            let mut buffer = ReadBuffer::take();
            file.read_exact(&mut buffer.bytes[..wanted])?;
            buffer.len = wanted;
            Ok::<_, io::Error>((file, buffer))
        })
        .await
        .unwrap_or_else(|e| Err(io::Error::other(e)));
        Some(match read {
            Ok((file, buffer)) => (
                Ok(bytes::Bytes::from_owner(buffer)),
                (Some(file), remaining - wanted as u64),
            ),
            Err(err) => (Err(err), (None, 0)),
        })
    })
}

/// A [`READ_CHUNK`] buffer that goes back to a small pool when the response is done with it: a
/// fresh allocation of that size per request is new memory the kernel must zero page by page,
/// which costs more than reading the segment.
struct ReadBuffer {
    bytes: Vec<u8>,
    len: usize,
}

/// Buffers kept for reuse; more in flight at once are allocated and freed.
const POOLED_BUFFERS: usize = 64;
static POOL: std::sync::Mutex<Vec<Vec<u8>>> = std::sync::Mutex::new(Vec::new());

impl ReadBuffer {
    fn take() -> ReadBuffer {
        let pooled = POOL.lock().unwrap_or_else(|e| e.into_inner()).pop();
        ReadBuffer {
            bytes: pooled.unwrap_or_else(|| vec![0; READ_CHUNK]),
            len: 0,
        }
    }
}

impl AsRef<[u8]> for ReadBuffer {
    fn as_ref(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl Drop for ReadBuffer {
    fn drop(&mut self) {
        let mut pool = POOL.lock().unwrap_or_else(|e| e.into_inner());
        if pool.len() < POOLED_BUFFERS {
            pool.push(std::mem::take(&mut self.bytes));
        }
    }
}

/// What the store tells of a file: size, a validator from size and modification time.
fn meta_of(key: &str, metadata: &std::fs::Metadata) -> Result<ObjectMeta, StoreError> {
    let modified = metadata
        .modified()?
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Ok(ObjectMeta {
        key: key.to_owned(),
        size: metadata.len(),
        etag: format!("\"{:x}-{:x}\"", metadata.len(), modified.as_nanos()),
        last_modified_ms: i64::try_from(modified.as_millis()).unwrap_or(i64::MAX),
    })
}

fn not_found_or_io(key: &str, err: io::Error) -> StoreError {
    if err.kind() == io::ErrorKind::NotFound {
        StoreError::NotFound(key.to_owned())
    } else {
        StoreError::Io(err)
    }
}

/// Writes `body` into a new file at `temp` and syncs it to disk.
async fn write_temp(temp: &Path, mut body: ByteStream) -> Result<u64, StoreError> {
    let mut file = fs::File::create(temp).await?;
    let mut written = 0u64;
    while let Some(chunk) = body.next().await {
        let chunk = chunk?;
        file.write_all(&chunk).await?;
        written += chunk.len() as u64;
    }
    file.sync_all().await?;
    Ok(written)
}

#[async_trait]
impl Store for FsStore {
    async fn put_stream(&self, key: &ObjectKey, body: ByteStream) -> Result<u64, StoreError> {
        let path = self.path(key);
        let parent = path.parent().unwrap_or(&self.root);
        fs::create_dir_all(parent).await?;
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("object");
        let temp = parent.join(format!(".{name}.{}.partial", uuid::Uuid::new_v4()));
        match write_temp(&temp, body).await {
            Ok(written) => {
                fs::rename(&temp, &path).await?;
                Ok(written)
            }
            Err(err) => {
                let _ = fs::remove_file(&temp).await;
                Err(err)
            }
        }
    }

    async fn get_range(
        &self,
        key: &ObjectKey,
        range: Option<ByteRange>,
    ) -> Result<GetObject, StoreError> {
        // One trip to the blocking pool opens the file, reads its metadata and its first bytes:
        // a small segment (most of what phones fetch) is answered from that trip alone.
        let path = self.path(key);
        let name = key.as_str().to_owned();
        let opened = tokio::task::spawn_blocking(move || open_and_read_head(&name, &path, range))
            .await
            .map_err(io::Error::other)??;
        let Opened {
            meta,
            range,
            head,
            rest,
        } = opened;
        let head = futures_util::stream::once(async move { Ok(head) });
        let body: ByteStream = match rest {
            Some((file, remaining)) if remaining > 0 => {
                Box::pin(head.chain(chunks(file, remaining)))
            }
            _ => Box::pin(head),
        };
        Ok(GetObject { meta, range, body })
    }

    async fn head(&self, key: &ObjectKey) -> Result<ObjectMeta, StoreError> {
        self.meta(key.as_str(), &self.path(key)).await
    }

    async fn delete(&self, key: &ObjectKey) -> Result<(), StoreError> {
        let path = self.path(key);
        match fs::remove_file(&path).await {
            Ok(()) => {
                self.prune_empty_parents(&path).await;
                Ok(())
            }
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(err) => Err(err.into()),
        }
    }

    async fn list(&self, prefix: &str) -> Result<Vec<ObjectMeta>, StoreError> {
        // Walk only the deepest folder the prefix names; a prefix may end mid-name.
        let start = match prefix.rfind('/') {
            Some(i) => self.root.join(&prefix[..i]),
            None => self.root.clone(),
        };
        let mut found = Vec::new();
        let mut folders = vec![start];
        while let Some(folder) = folders.pop() {
            let mut entries = match fs::read_dir(&folder).await {
                Ok(entries) => entries,
                Err(err) if err.kind() == io::ErrorKind::NotFound => continue,
                Err(err) => return Err(err.into()),
            };
            while let Some(entry) = entries.next_entry().await? {
                let path = entry.path();
                let Some(key) = path.strip_prefix(&self.root).ok().and_then(Path::to_str) else {
                    continue;
                };
                let hidden = entry.file_name().to_string_lossy().starts_with('.');
                if hidden {
                    continue;
                }
                if entry.file_type().await?.is_dir() {
                    folders.push(path);
                } else if key.starts_with(prefix) {
                    // An object deleted while the folder is read is simply not listed.
                    match self.meta(key, &path).await {
                        Ok(meta) => found.push(meta),
                        Err(StoreError::NotFound(_)) => {}
                        Err(err) => return Err(err),
                    }
                }
            }
        }
        found.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(found)
    }

    async fn presign_get(
        &self,
        _key: &ObjectKey,
        _ttl: Duration,
    ) -> Result<Option<String>, StoreError> {
        Ok(None)
    }

    fn as_dyn(&self) -> &dyn Store {
        self
    }

    fn local_path(&self, key: &ObjectKey) -> Option<PathBuf> {
        let path = self.path(key);
        path.is_file().then_some(path)
    }

    async fn put_local_file(&self, key: &ObjectKey, path: &Path) -> Result<u64, StoreError> {
        let target = self.path(key);
        let parent = target.parent().unwrap_or(&self.root);
        fs::create_dir_all(parent).await?;
        let size = fs::metadata(path).await?.len();
        match fs::rename(path, &target).await {
            Ok(()) => Ok(size),
            // Another filesystem: copy through a temp file, then remove the original.
            Err(err) if err.raw_os_error() == Some(18) => {
                let file = fs::File::open(path).await?;
                let size = self
                    .put_stream(key, Box::pin(ReaderStream::with_capacity(file, READ_CHUNK)))
                    .await?;
                fs::remove_file(path).await?;
                Ok(size)
            }
            Err(err) => Err(err.into()),
        }
    }

    async fn ping(&self) -> Result<(), StoreError> {
        fs::create_dir_all(&self.root).await?;
        let probe = self.root.join(format!(".ping.{}", uuid::Uuid::new_v4()));
        fs::write(&probe, b"ok").await?;
        fs::remove_file(&probe).await?;
        Ok(())
    }
}

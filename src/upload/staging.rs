//! Where the bytes of an unfinished upload wait: an append-only file on local disk (file mode)
//! or the parts of an S3 multipart upload (S3 mode).
//!
//! The database's `upload_offset` is the truth: it only moves once the bytes below it are
//! durably stored, so a PATCH cut off mid-body (or a crashed process) keeps exactly what was
//! recorded, and a resume may land on any replica.
//!
//! In S3 mode a PATCH buffers at most one part (8 MiB) in memory. Bytes that do not fill a whole
//! part when the PATCH ends are saved as a small "tail" object, read back by the next PATCH.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use async_trait::async_trait;
use bytes::{Bytes, BytesMut};
use futures_util::{Stream, StreamExt};
use tokio::io::{AsyncSeekExt, AsyncWriteExt, BufWriter};

use crate::db::Db;
use crate::db::uploads::{self, Part, Upload};
use crate::storage::s3::{PART_SIZE, S3Store};
use crate::storage::{self, ObjectKey, Store, StoreError};

/// A request body: chunks of bytes, or the error that cut it off.
pub type Body = std::pin::Pin<Box<dyn Stream<Item = Result<Bytes, std::io::Error>> + Send>>;

/// Why staging failed: the store holding the bytes, or the database recording how far they got.
#[derive(Debug, thiserror::Error)]
pub enum StagingError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("recording the upload's progress failed: {0}")]
    Database(#[from] sqlx::Error),
}

impl From<std::io::Error> for StagingError {
    fn from(err: std::io::Error) -> StagingError {
        StagingError::Store(err.into())
    }
}

/// How an append ended.
pub struct Appended {
    /// The upload's offset after the bytes that were stored.
    pub offset: i64,
    /// Why the body stopped early (client gone, too many bytes), if it did.
    pub cut_off: Option<String>,
}

#[async_trait]
pub trait Staging: Send + Sync {
    /// Prepares room for a new upload whose finished bytes will live at `key`; returns the S3
    /// multipart upload id when there is one.
    async fn begin(&self, id: &str, key: &ObjectKey) -> Result<Option<String>, StoreError>;

    /// Appends `body` at the upload's recorded offset, never past its length, and records the
    /// new offset in the database.
    async fn append(&self, db: &Db, upload: &Upload, body: Body) -> Result<Appended, StagingError>;

    /// Turns the staged bytes of a complete upload into the object at its key. Safe to call
    /// again after a failure: an object already in place counts as done.
    async fn finish(&self, db: &Db, upload: &Upload) -> Result<(), StagingError>;

    /// Throws the staged bytes away (termination, expiry).
    async fn discard(&self, upload: &Upload) -> Result<(), StoreError>;
}

/// The staging that goes with the configured store.
pub fn for_store(
    store: Arc<dyn Store>,
    s3: Option<Arc<S3Store>>,
    data_dir: &Path,
) -> Arc<dyn Staging> {
    match s3 {
        Some(s3) => Arc::new(S3Staging { s3 }),
        None => Arc::new(FileStaging {
            dir: data_dir.join("uploads"),
            store,
        }),
    }
}

fn key_of(upload: &Upload) -> Result<ObjectKey, StoreError> {
    ObjectKey::new(upload.staging_key.clone())
}

fn too_many_bytes() -> String {
    "the body holds more bytes than Upload-Length".to_owned()
}

/// How often a long PATCH asks the kernel to start writing its bytes to disk, so the final sync
/// has little left to wait for.
const WRITEBACK_STEP: u64 = 32 * 1024 * 1024;

/// Starts (does not wait for) writeback of a written range of the file.
fn start_writeback(file: &tokio::fs::File, offset: u64, len: u64) {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: a valid descriptor and range; SYNC_FILE_RANGE_WRITE only queues I/O. A failure
        // is harmless: the sync at the end of the PATCH still makes the bytes durable.
        unsafe {
            libc::sync_file_range(
                file.as_raw_fd(),
                offset as i64,
                len as i64,
                libc::SYNC_FILE_RANGE_WRITE,
            );
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (file, offset, len);
}

/// File mode: one append-only file per upload under `DATA_DIR/uploads`, renamed into the store
/// when complete.
pub struct FileStaging {
    dir: PathBuf,
    store: Arc<dyn Store>,
}

impl FileStaging {
    fn path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.part"))
    }
}

#[async_trait]
impl Staging for FileStaging {
    async fn begin(&self, id: &str, _key: &ObjectKey) -> Result<Option<String>, StoreError> {
        tokio::fs::create_dir_all(&self.dir).await?;
        tokio::fs::File::create(self.path(id)).await?;
        Ok(None)
    }

    async fn append(
        &self,
        db: &Db,
        upload: &Upload,
        mut body: Body,
    ) -> Result<Appended, StagingError> {
        let mut file = tokio::fs::OpenOptions::new()
            .write(true)
            .open(self.path(&upload.id))
            .await?;
        // Bytes past the recorded offset were never acknowledged: drop them.
        let start = upload.upload_offset as u64;
        file.set_len(start).await?;
        file.seek(std::io::SeekFrom::Start(start)).await?;
        let mut writer = BufWriter::with_capacity(1024 * 1024, file);
        let room = (upload.length - upload.upload_offset) as u64;
        let mut written = 0u64;
        let mut flushed_to = 0u64;
        let mut cut_off = None;
        while let Some(chunk) = body.next().await {
            let chunk = match chunk {
                Ok(chunk) => chunk,
                Err(err) => {
                    cut_off = Some(err.to_string());
                    break;
                }
            };
            let fits = chunk.len().min((room - written) as usize);
            writer.write_all(&chunk[..fits]).await?;
            written += fits as u64;
            if written - flushed_to >= WRITEBACK_STEP {
                start_writeback(writer.get_ref(), start + flushed_to, written - flushed_to);
                flushed_to = written;
            }
            if fits < chunk.len() {
                cut_off = Some(too_many_bytes());
                break;
            }
        }
        writer.flush().await?;
        writer.get_ref().sync_data().await?;
        let offset = upload.upload_offset + written as i64;
        uploads::set_offset(db.pool(), &upload.id, offset).await?;
        Ok(Appended { offset, cut_off })
    }

    async fn finish(&self, _db: &Db, upload: &Upload) -> Result<(), StagingError> {
        let key = key_of(upload)?;
        let path = self.path(&upload.id);
        if !tokio::fs::try_exists(&path).await? && self.store.head(&key).await.is_ok() {
            return Ok(());
        }
        self.store.put_local_file(&key, &path).await?;
        Ok(())
    }

    async fn discard(&self, upload: &Upload) -> Result<(), StoreError> {
        match tokio::fs::remove_file(self.path(&upload.id)).await {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(err.into()),
            _ => Ok(()),
        }
    }
}

/// S3 mode: a multipart upload at the final key; parts of [`PART_SIZE`] go up as they fill.
pub struct S3Staging {
    s3: Arc<S3Store>,
}

fn tail_key(upload: &Upload) -> Result<ObjectKey, StoreError> {
    ObjectKey::new(format!("uploads/{}/tail", upload.id))
}

impl S3Staging {
    fn multipart_id(upload: &Upload) -> Result<&str, StoreError> {
        upload
            .multipart_id
            .as_deref()
            .ok_or_else(|| StoreError::Refused(format!("upload {} has no multipart id", upload.id)))
    }

    /// Uploads one full part and records it, with the offset it makes safe, in one transaction.
    async fn store_part(
        &self,
        db: &Db,
        upload: &Upload,
        number: i64,
        bytes: Bytes,
        offset_after: i64,
    ) -> Result<(), StagingError> {
        let size = bytes.len() as i64;
        let etag = self
            .s3
            .upload_part(
                &key_of(upload)?,
                Self::multipart_id(upload)?,
                number as i32,
                bytes,
            )
            .await?;
        let mut tx = db.pool().begin().await?;
        uploads::add_part(
            &mut *tx,
            &upload.id,
            &Part {
                part_number: number,
                etag,
                size,
            },
        )
        .await?;
        uploads::set_offset(&mut *tx, &upload.id, offset_after).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The bytes after the last part that an earlier PATCH saved as the tail object.
    async fn read_tail(&self, upload: &Upload, len: u64) -> Result<BytesMut, StoreError> {
        let mut buffer = BytesMut::with_capacity(PART_SIZE);
        if len == 0 {
            return Ok(buffer);
        }
        let range = storage::ByteRange::Inclusive(0, len - 1);
        let mut body = self
            .s3
            .get_range(&tail_key(upload)?, Some(range))
            .await?
            .body;
        while let Some(chunk) = body.next().await {
            buffer.extend_from_slice(&chunk?);
        }
        if buffer.len() as u64 != len {
            return Err(StoreError::Refused(format!(
                "upload {} lost its tail bytes",
                upload.id
            )));
        }
        Ok(buffer)
    }
}

#[async_trait]
impl Staging for S3Staging {
    async fn begin(&self, _id: &str, key: &ObjectKey) -> Result<Option<String>, StoreError> {
        Ok(Some(self.s3.create_multipart(key).await?))
    }

    async fn append(
        &self,
        db: &Db,
        upload: &Upload,
        mut body: Body,
    ) -> Result<Appended, StagingError> {
        let parts = uploads::parts(db.pool(), &upload.id).await?;
        let in_parts: i64 = parts.iter().map(|p| p.size).sum();
        let mut next_part = parts.last().map_or(1, |p| p.part_number + 1);
        let mut buffer = self
            .read_tail(upload, (upload.upload_offset - in_parts) as u64)
            .await?;
        let mut stored = in_parts; // bytes safely in parts
        let mut cut_off = None;
        while let Some(chunk) = body.next().await {
            let chunk = match chunk {
                Ok(chunk) => chunk,
                Err(err) => {
                    cut_off = Some(err.to_string());
                    break;
                }
            };
            let room = (upload.length - stored) as usize - buffer.len();
            let fits = chunk.len().min(room);
            buffer.extend_from_slice(&chunk[..fits]);
            while buffer.len() >= PART_SIZE {
                let part = buffer.split_to(PART_SIZE).freeze();
                stored += part.len() as i64;
                self.store_part(db, upload, next_part, part, stored).await?;
                next_part += 1;
            }
            if fits < chunk.len() {
                cut_off = Some(too_many_bytes());
                break;
            }
        }
        let offset = stored + buffer.len() as i64;
        if offset == upload.length && !buffer.is_empty() {
            // The last part may be short.
            let part = buffer.split().freeze();
            self.store_part(db, upload, next_part, part, offset).await?;
        } else if !buffer.is_empty() {
            storage::put_bytes(self.s3.as_ref(), &tail_key(upload)?, buffer.freeze()).await?;
            uploads::set_offset(db.pool(), &upload.id, offset).await?;
        }
        Ok(Appended { offset, cut_off })
    }

    async fn finish(&self, db: &Db, upload: &Upload) -> Result<(), StagingError> {
        let key = key_of(upload)?;
        let parts = uploads::parts(db.pool(), &upload.id).await?;
        let numbered: Vec<(i32, String)> = parts
            .iter()
            .map(|p| (p.part_number as i32, p.etag.clone()))
            .collect();
        if let Err(err) = self
            .s3
            .complete_multipart(&key, Self::multipart_id(upload)?, &numbered)
            .await
        {
            // Completed by an earlier attempt whose answer was lost.
            let in_place = self.s3.head(&key).await;
            if !matches!(in_place, Ok(meta) if meta.size as i64 == upload.length) {
                return Err(err.into());
            }
        }
        Ok(self.s3.delete(&tail_key(upload)?).await?)
    }

    async fn discard(&self, upload: &Upload) -> Result<(), StoreError> {
        if let Some(id) = &upload.multipart_id {
            self.s3.abort_multipart(&key_of(upload)?, id).await?;
        }
        self.s3.delete(&tail_key(upload)?).await
    }
}

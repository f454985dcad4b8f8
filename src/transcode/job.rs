//! The transcode job: fetch the source into a scratch folder, probe, plan, run the pipeline on a
//! blocking thread while publishing segments as they appear, then record the result.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use async_trait::async_trait;
use futures_util::StreamExt;
use tokio::io::AsyncWriteExt;
use tokio_util::sync::CancellationToken;

use super::error::PipelineError;
use super::memory::{self, Budget};
use super::pipeline::{self, Control, Limits, Produced};
use super::plan::{self, Plan};
use super::probe::{self, Probe};
use super::publish::Publisher;
use crate::db::jobs::Job;
use crate::db::{Db, videos};
use crate::jobs::{Handler, JobError};
use crate::media::layout::{self, VideoObjects};
use crate::storage::{ObjectKey, Store, StoreError};

/// How often segments are published while the pipeline runs.
const PUBLISH_EVERY: Duration = Duration::from_millis(500);

/// Turns a queued video into HLS.
pub struct TranscodeHandler {
    pub db: Db,
    pub store: Arc<dyn Store>,
    /// Where each job gets a scratch folder of its own.
    pub scratch_dir: PathBuf,
    /// The highest rung to make (REELHOUSE_MAX_RUNG).
    pub max_rung: u32,
    /// The memory this process's transcodes share.
    pub memory: Arc<Budget>,
}

/// Stops a running pipeline when dropped.
struct StopOnDrop(Arc<Control>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.stop.store(true, Ordering::Relaxed);
    }
}

fn transient(err: impl Into<anyhow::Error>) -> JobError {
    JobError::Transient(err.into())
}

fn store_error(err: StoreError) -> JobError {
    if err.is_client_error() && matches!(err, StoreError::NotFound(_)) {
        JobError::Permanent("The uploaded file is missing; upload it again.".into())
    } else {
        transient(err)
    }
}

impl TranscodeHandler {
    fn scratch(&self, job: &Job) -> PathBuf {
        self.scratch_dir.join(&job.id)
    }

    /// Streams the source from the store into a local file: FFmpeg reads only local files.
    async fn fetch_source(&self, key: &str, path: &Path) -> Result<(), JobError> {
        let key = ObjectKey::new(key).map_err(store_error)?;
        let object = self
            .store
            .get_range(&key, None)
            .await
            .map_err(store_error)?;
        let mut file = tokio::fs::File::create(path).await.map_err(transient)?;
        let mut body = object.body;
        while let Some(chunk) = body.next().await {
            file.write_all(&chunk.map_err(transient)?)
                .await
                .map_err(transient)?;
        }
        file.flush().await.map_err(transient)?;
        Ok(())
    }

    async fn transcode(
        &self,
        job: &Job,
        video_id: &str,
        scratch: &Path,
        cancel: CancellationToken,
    ) -> Result<(), JobError> {
        let db = self.db.pool();
        let Some(video) = videos::by_id(db, video_id).await.map_err(transient)? else {
            return Ok(()); // deleted meanwhile: nothing to do
        };
        if video.status == videos::VideoStatus::Ready {
            // A worker died after finishing but before recording the job: the work is done.
            return Ok(());
        }
        let source_key = video
            .source_key
            .clone()
            .ok_or_else(|| JobError::Permanent("The video has no uploaded file.".into()))?;
        // A worker that died on this job may have left its scratch folder: start clean.
        let _ = tokio::fs::remove_dir_all(scratch).await;
        tokio::fs::create_dir_all(scratch)
            .await
            .map_err(transient)?;
        // A source the store keeps as a local file is read in place; others are fetched first.
        let key = ObjectKey::new(source_key.as_str()).map_err(store_error)?;
        let source = match self.store.local_path(&key) {
            Some(path) => path,
            None => {
                let source = scratch.join("source");
                self.fetch_source(&source_key, &source).await?;
                source
            }
        };

        let probed = tokio::task::spawn_blocking(move || {
            let probed = probe::probe(&source);
            // Reading the header of a long MP4 takes several MB of sample tables that are freed
            // once its index is built, in this thread's arena, where the transcode's threads
            // would not reuse them.
            memory::give_back();
            probed
        })
        .await
        .map_err(transient)?;
        // The demuxer stays open from the probe to the transcode: opening the file again would
        // build its sample index (about 10 MB for an hour of MP4) a second time.
        let probe::Probed { probe, demuxer } =
            probed.map_err(|e| JobError::Permanent(e.to_string()))?;
        let plan = plan::plan(&probe, self.max_rung);
        // Decoding starts only when the job fits in memory beside the others; until then the
        // video stays queued.
        let needed = memory::estimate_mib(&probe, &plan);
        let _reserved = tokio::select! {
            reserved = self.memory.reserve(needed) => reserved,
            () = cancel.cancelled() => return Err(JobError::Cancelled),
        };
        videos::set_processing(db, video_id)
            .await
            .map_err(transient)?;
        tracing::info!(video = video_id, container = %probe.container, duration_s = probe.duration_s,
            rungs = plan.rungs.len(), memory_mib = needed, "transcoding");

        let out = scratch.join("out");
        let started = std::time::Instant::now();
        // The pipeline stops however this function returns.
        let control = StopOnDrop(Arc::new(Control::default()));
        let progress = Arc::new(AtomicU32::new(0));
        let mut pipeline = {
            let (probe, plan, out) = (probe.clone(), plan.clone(), out.clone());
            let (control, progress) = (control.0.clone(), progress.clone());
            tokio::task::spawn_blocking(move || {
                let limits = Limits::for_duration(probe.duration_s);
                let mut report = |fraction: f64| {
                    progress.store((fraction.clamp(0.0, 1.0) * 100.0) as u32, Ordering::Relaxed)
                };
                let result =
                    pipeline::run(demuxer, &probe, &plan, &out, &limits, &control, &mut report);
                // Every FFmpeg context of the job is closed by now: hand its memory back.
                memory::give_back();
                result
            })
        };

        let names: Vec<String> = if plan.rungs.is_empty() {
            vec![layout::AUDIO.into()]
        } else {
            plan.rungs.iter().map(|r| r.name()).collect()
        };
        let mut publisher = Publisher::new(self.store.as_ref(), &out, video_id);
        let mut playable = false;
        let mut last_pct = -1i64;
        let produced = loop {
            tokio::select! {
                result = &mut pipeline => break result,
                () = cancel.cancelled() => {
                    control.0.stop.store(true, Ordering::Relaxed);
                    let _ = (&mut pipeline).await;
                    return Err(JobError::Cancelled);
                }
                () = tokio::time::sleep(PUBLISH_EVERY) => {
                    let started = publisher.sync(&names).await.map_err(store_error)?;
                    let published_ms = (publisher.published_seconds(&names) * 1000.0) as u64;
                    control.0.published_ms.store(published_ms, Ordering::Relaxed);
                    if started && !playable {
                        publisher.write_master(&plan, &names, false).await.map_err(store_error)?;
                        let (w, h) = shown_size(&probe, &plan);
                        videos::set_playable(db, video_id, w, h).await.map_err(transient)?;
                        playable = true;
                        tracing::info!(video = video_id, "playable");
                    }
                    let pct = i64::from(progress.load(Ordering::Relaxed).min(99));
                    if pct != last_pct {
                        videos::set_progress(db, video_id, pct).await.map_err(transient)?;
                        last_pct = pct;
                    }
                }
            }
        };
        tracing::info!(
            video = video_id,
            seconds = started.elapsed().as_secs_f64(),
            "encoded"
        );
        let produced = match produced.map_err(transient)? {
            Ok(produced) => produced,
            Err(PipelineError::Cancelled) => return Err(JobError::Cancelled),
            Err(PipelineError::BadSource(sentence)) => return Err(JobError::Permanent(sentence)),
            Err(PipelineError::Io(err)) => return Err(transient(err)),
            Err(err @ PipelineError::Ffmpeg(..)) => {
                tracing::warn!(video = video_id, error = %err, "FFmpeg failed");
                return Err(JobError::Permanent(
                    "This video could not be converted; the file may be damaged. Try exporting it again from the phone or camera.".into(),
                ));
            }
        };
        self.finish(job, video_id, &probe, &plan, &names, publisher, &produced)
            .await
    }

    #[allow(clippy::too_many_arguments)]
    async fn finish(
        &self,
        job: &Job,
        video_id: &str,
        probe: &Probe,
        plan: &Plan,
        names: &[String],
        mut publisher: Publisher<'_>,
        produced: &Produced,
    ) -> Result<(), JobError> {
        let db = self.db.pool();
        publisher.sync(names).await.map_err(store_error)?;
        if !publisher.all_ended(names) {
            return Err(JobError::Permanent(
                "The video has no pictures or sound we could convert.".into(),
            ));
        }
        publisher
            .write_master(plan, names, true)
            .await
            .map_err(store_error)?;
        if let Some(poster) = &produced.poster {
            publisher
                .put_extra(layout::POSTER, poster)
                .await
                .map_err(store_error)?;
        }
        if let Some(dir) = &produced.storyboard {
            let mut entries = tokio::fs::read_dir(dir).await.map_err(transient)?;
            while let Some(entry) = entries.next_entry().await.map_err(transient)? {
                let name = entry.file_name().to_string_lossy().into_owned();
                publisher
                    .put_extra(&layout::storyboard_file(&name), &entry.path())
                    .await
                    .map_err(store_error)?;
            }
        }
        let removed = publisher.remove_strays().await.map_err(store_error)?;
        if removed > 0 {
            tracing::info!(
                video = video_id,
                removed,
                "removed objects of an earlier, interrupted run"
            );
        }
        let codecs: Vec<String> = plan.rungs.iter().map(plan::Rung::codecs).collect();
        let renditions: Vec<_> = plan
            .rungs
            .iter()
            .zip(&codecs)
            .map(|(rung, codecs)| videos::NewRendition {
                width: i64::from(rung.width),
                height: i64::from(rung.height),
                bandwidth: (rung.maxrate + plan::AUDIO_BITRATE) as i64,
                average_bandwidth: (rung.bitrate + plan::AUDIO_BITRATE) as i64,
                codecs,
                frame_rate: f64::from(plan.fps),
            })
            .collect();
        videos::replace_renditions(db, &job.org_id, video_id, &renditions)
            .await
            .map_err(transient)?;
        let (w, h) = shown_size(probe, plan);
        videos::set_ready(db, video_id, (probe.duration_s * 1000.0) as i64, w, h)
            .await
            .map_err(transient)?;
        tracing::info!(video = video_id, "ready");
        Ok(())
    }
}

/// The size of the top rendition (0×0 for audio only).
fn shown_size(probe: &Probe, plan: &Plan) -> (i64, i64) {
    match (plan.rungs.last(), &probe.video) {
        (Some(top), Some(_)) => (i64::from(top.width), i64::from(top.height)),
        _ => (0, 0),
    }
}

#[async_trait]
impl Handler for TranscodeHandler {
    async fn run(&self, job: &Job, cancel: CancellationToken) -> Result<(), JobError> {
        let Some(video_id) = job.video_id.clone() else {
            return Err(JobError::Permanent(
                "a transcode job without a video".into(),
            ));
        };
        let scratch = self.scratch(job);
        let result = self.transcode(job, &video_id, &scratch, cancel).await;
        if let Err(err) = tokio::fs::remove_dir_all(&scratch).await
            && err.kind() != std::io::ErrorKind::NotFound
        {
            tracing::warn!(path = %scratch.display(), error = %err, "scratch folder not removed");
        }
        // Deleted while we worked: remove what we published after the deletion swept.
        if let Ok(None) = videos::by_id(self.db.pool(), &video_id).await {
            if let Err(err) = VideoObjects::of(&video_id)
                .delete_all(self.store.as_ref(), &[])
                .await
            {
                tracing::warn!(video = %video_id, error = %err, "objects of a deleted video not removed");
            }
            return Err(JobError::Cancelled);
        }
        result
    }

    async fn gave_up(&self, job: &Job, reason: &str) {
        let Some(video_id) = &job.video_id else {
            return;
        };
        if let Err(err) = videos::set_failed(self.db.pool(), video_id, reason).await {
            tracing::error!(video = %video_id, error = %err, "cannot mark the video failed");
        }
        // A failed video leaves the library; its uploader and trainers still see it.
        if let Err(err) = crate::db::library::reindex(&self.db, "video", video_id).await {
            tracing::error!(video = %video_id, error = %err, "cannot take the failed video out of the library");
        }
    }
}

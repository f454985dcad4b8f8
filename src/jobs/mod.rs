//! The worker: claims jobs from the database with a lease, runs each in its own task (a panic
//! boundary), keeps the lease alive with heartbeats, and decides from the error's kind whether to
//! retry with backoff or to give up (a dead letter).
//!
//! A worker that dies simply stops heartbeating; once its lease expires another worker claims
//! the job. A graceful stop cancels the job in hand and hands it back without counting the try.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use crate::db::jobs::{self, Job, JobEnd};
use crate::db::{Db, now_ms};

/// How often an idle worker looks for work (a cheap indexed query): a new upload waits at most
/// this long for its transcode to start.
const POLL: Duration = Duration::from_millis(250);

/// Why a job failed, which decides what happens next.
#[derive(Debug, thiserror::Error)]
pub enum JobError {
    /// Worth another try later: the store or database was unreachable, the machine was busy.
    #[error("transient failure: {0:#}")]
    Transient(anyhow::Error),
    /// Will never work (the upload is not a video): the sentence is for people.
    #[error("{0}")]
    Permanent(String),
    /// The job was cancelled (lease lost, video deleted, worker stopping).
    #[error("cancelled")]
    Cancelled,
}

/// Runs one kind of job.
#[async_trait]
pub trait Handler: Send + Sync + 'static {
    /// Does the work. Should return [`JobError::Cancelled`] soon after `cancel` fires.
    async fn run(&self, job: &Job, cancel: CancellationToken) -> Result<(), JobError>;

    /// Called once when the job will not be tried again, with the reason for people.
    async fn gave_up(&self, job: &Job, reason: &str);
}

/// A set of handlers and the database they take work from.
pub struct Worker {
    db: Db,
    handlers: HashMap<&'static str, Arc<dyn Handler>>,
    /// The kinds of `handlers`: the only jobs this worker claims.
    kinds: Vec<&'static str>,
    /// This process's name on the leases it takes.
    owner: String,
    /// How long a claim lasts without a heartbeat.
    lease: Duration,
}

/// The wait before retry `attempt` (1-based): 10 s, 20 s, 40 s, … at most 10 minutes.
pub fn backoff(attempt: i64) -> Duration {
    let seconds = 10u64.saturating_mul(1 << attempt.clamp(1, 10).saturating_sub(1));
    Duration::from_secs(seconds.min(600))
}

impl Worker {
    pub fn new(db: Db, lease: Duration) -> Worker {
        let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "worker".into());
        let owner = format!(
            "{host}-{}-{}",
            std::process::id(),
            &uuid::Uuid::new_v4().simple().to_string()[..8]
        );
        Worker {
            db,
            handlers: HashMap::new(),
            kinds: Vec::new(),
            owner,
            lease,
        }
    }

    pub fn handle(mut self, kind: &'static str, handler: Arc<dyn Handler>) -> Worker {
        self.handlers.insert(kind, handler);
        self.kinds = self.handlers.keys().copied().collect();
        self
    }

    /// Runs `concurrency` job loops until `stop` turns true.
    pub async fn run(self: Arc<Self>, concurrency: usize, stop: watch::Receiver<bool>) {
        let loops: Vec<_> = (0..concurrency.max(1))
            .map(|_| tokio::spawn(self.clone().job_loop(stop.clone())))
            .collect();
        for handle in loops {
            let _ = handle.await;
        }
    }

    async fn job_loop(self: Arc<Self>, mut stop: watch::Receiver<bool>) {
        while !*stop.borrow() {
            let lease_ms = self.lease.as_millis() as i64;
            match jobs::claim(&self.db, &self.owner, lease_ms, &self.kinds).await {
                Ok(Some(job)) => {
                    self.work(job, stop.clone()).await;
                    // There may be more waiting: look again at once.
                    continue;
                }
                Ok(None) => {}
                Err(err) => tracing::warn!(error = %err, "cannot claim jobs; will retry"),
            }
            tokio::select! {
                () = tokio::time::sleep(POLL) => {}
                _ = stop.changed() => {}
            }
        }
    }

    #[tracing::instrument(skip_all, fields(job = %job.id, kind = %job.kind, attempt = job.attempts))]
    async fn work(&self, job: Job, mut stop: watch::Receiver<bool>) {
        let Some(handler) = self.handlers.get(job.kind.as_str()).cloned() else {
            self.end(
                &job,
                Err(JobError::Permanent(format!(
                    "no worker knows job kind {}",
                    job.kind
                ))),
            )
            .await;
            return;
        };
        let cancel = CancellationToken::new();
        let task = {
            let (job, cancel) = (job.clone(), cancel.clone());
            tokio::spawn(async move { handler.run(&job, cancel).await })
        };
        let heartbeat = {
            let (db, id, owner, cancel) = (
                self.db.clone(),
                job.id.clone(),
                self.owner.clone(),
                cancel.clone(),
            );
            let lease = self.lease;
            tokio::spawn(async move {
                loop {
                    tokio::time::sleep(lease / 3).await;
                    match jobs::heartbeat(&db, &id, &owner, lease.as_millis() as i64).await {
                        Ok(true) => {}
                        Ok(false) => {
                            tracing::warn!(job = %id, "lease lost; cancelling");
                            cancel.cancel();
                            return;
                        }
                        Err(err) => tracing::warn!(job = %id, error = %err, "heartbeat failed"),
                    }
                }
            })
        };
        let stopping = {
            let cancel = cancel.clone();
            tokio::spawn(async move {
                let _ = stop.wait_for(|stopped| *stopped).await;
                cancel.cancel();
            })
        };
        let outcome = match task.await {
            Ok(result) => result,
            Err(err) if err.is_panic() => {
                tracing::error!("the job panicked");
                Err(JobError::Transient(anyhow::anyhow!("the worker panicked")))
            }
            Err(_) => Err(JobError::Cancelled),
        };
        heartbeat.abort();
        stopping.abort();
        self.end(&job, outcome).await;
    }

    /// Records how a job ended, and tells the handler when it is given up.
    async fn end(&self, job: &Job, outcome: Result<(), JobError>) {
        let result = match &outcome {
            Ok(()) => {
                jobs::finish(&self.db, &job.id, &self.owner, JobEnd::Done, now_ms(), None).await
            }
            Err(JobError::Cancelled) => jobs::release(&self.db, &job.id, &self.owner)
                .await
                .map(|()| true),
            Err(JobError::Transient(err)) if job.attempts < job.max_attempts => {
                let wait = backoff(job.attempts);
                tracing::warn!(error = %format!("{err:#}"), retry_in_s = wait.as_secs(), "job failed; will retry");
                let run_at = now_ms() + wait.as_millis() as i64;
                jobs::finish(
                    &self.db,
                    &job.id,
                    &self.owner,
                    JobEnd::Queued,
                    run_at,
                    Some(&format!("{err:#}")),
                )
                .await
            }
            Err(err) => {
                let reason = match err {
                    JobError::Permanent(sentence) => sentence.clone(),
                    _ => "processing failed repeatedly; try uploading the file again".to_owned(),
                };
                tracing::warn!(error = %err, "job given up");
                let handler = self.handlers.get(job.kind.as_str());
                if let Some(handler) = handler {
                    handler.gave_up(job, &reason).await;
                }
                jobs::finish(
                    &self.db,
                    &job.id,
                    &self.owner,
                    JobEnd::Dead,
                    now_ms(),
                    Some(&err.to_string()),
                )
                .await
            }
        };
        match result {
            Ok(true) => {}
            Ok(false) => {
                tracing::warn!(job = %job.id, "the job was taken over before it ended here")
            }
            Err(err) => {
                tracing::error!(job = %job.id, error = %err, "cannot record how the job ended")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::backoff;
    use std::time::Duration;

    #[test]
    fn backoff_doubles_up_to_ten_minutes() {
        assert_eq!(backoff(1), Duration::from_secs(10));
        assert_eq!(backoff(2), Duration::from_secs(20));
        assert_eq!(backoff(4), Duration::from_secs(80));
        assert_eq!(backoff(9), Duration::from_secs(600));
        assert_eq!(backoff(50), Duration::from_secs(600));
    }
}

//! The work queue's rows. Workers (src/jobs) claim them with a lease.

use sqlx::AnyExecutor;

use super::{new_id, now_ms};

/// The kind of job that turns a video's source into HLS.
pub const TRANSCODE: &str = "transcode";

/// How a job ends a run (see [`finish`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobEnd {
    /// Finished.
    Done,
    /// Back in the queue for a retry.
    Queued,
    /// Given up: no more tries.
    Dead,
}

impl JobEnd {
    /// The job status stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            JobEnd::Done => "done",
            JobEnd::Queued => "queued",
            JobEnd::Dead => "dead",
        }
    }
}

/// Queues a job to run now; returns its id.
pub async fn enqueue<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    kind: &str,
    video_id: Option<&str>,
) -> sqlx::Result<String> {
    let id = new_id();
    let now = now_ms();
    sqlx::query(
        "insert into jobs (id, org_id, kind, video_id, status, run_at, created_at, updated_at) \
         values ($1, $2, $3, $4, 'queued', $5, $5, $5)",
    )
    .bind(&id)
    .bind(org_id)
    .bind(kind)
    .bind(video_id)
    .bind(now)
    .execute(db)
    .await?;
    Ok(id)
}

/// Queues a job about something other than a video (the notification to email), to run now, with
/// more tries than a transcode: a mail server may be down for a while. Returns its id.
pub async fn enqueue_about<'e>(
    db: impl AnyExecutor<'e>,
    org_id: &str,
    kind: &str,
    subject_id: &str,
) -> sqlx::Result<String> {
    let id = new_id();
    let now = now_ms();
    sqlx::query(
        "insert into jobs (id, org_id, kind, subject_id, status, max_attempts, run_at, created_at, \
         updated_at) values ($1, $2, $3, $4, 'queued', $5, $6, $6, $6)",
    )
    .bind(&id)
    .bind(org_id)
    .bind(kind)
    .bind(subject_id)
    .bind(LONG_MAX_ATTEMPTS)
    .bind(now)
    .execute(db)
    .await?;
    Ok(id)
}

/// Tries of a job about something else than a video: with the backoff of `jobs::backoff` the
/// last comes about two hours after the first.
const LONG_MAX_ATTEMPTS: i64 = 16;

/// A job a worker holds the lease of.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Job {
    pub id: String,
    pub org_id: String,
    pub kind: String,
    pub video_id: Option<String>,
    /// What a job not about a video is about (the notification to email).
    pub subject_id: Option<String>,
    /// Including this one.
    pub attempts: i64,
    pub max_attempts: i64,
}

/// Claims a runnable job: queued and due, or running with an expired lease (its worker died).
/// Organisations take turns: the job is from the organisation whose jobs a worker took up least
/// recently, within it from the person served least recently, then the oldest; so one
/// organisation's fifty uploads do not hold back another's one, nor one colleague's another's. PostgreSQL skips rows other workers are claiming; SQLite has one writer at a
/// time, so the single update is already exclusive.
pub async fn claim(
    db: &super::Db,
    owner: &str,
    lease_ms: i64,
    kinds: &[&str],
) -> sqlx::Result<Option<Job>> {
    let skip_locked = match db.backend() {
        super::Backend::Postgres => "for update skip locked",
        super::Backend::Sqlite => "",
    };
    let now = now_ms();
    let sql = format!(
        "update jobs set status = 'running', lease_owner = $1, lease_expires_at = $2, \
         attempts = attempts + 1, updated_at = $3, started_at = $3 \
         where id = (select j.id from jobs j \
                     where ((j.status = 'queued' and j.run_at <= $3) \
                            or (j.status = 'running' and j.lease_expires_at < $3)) \
                       and j.kind in ({kinds}) \
                     order by coalesce((select max(r.updated_at) from jobs r \
                                        where r.org_id = j.org_id and r.status <> 'queued'), 0), \
                              coalesce((select max(r.updated_at) from jobs r \
                                        join videos rv on rv.id = r.video_id \
                                        join videos jv on jv.id = j.video_id \
                                        where rv.owner_id = jv.owner_id and r.status <> 'queued'), 0), \
                              j.run_at \
                     limit 1 {skip_locked}) \
         returning id, org_id, kind, video_id, subject_id, attempts, max_attempts",
        kinds = super::marks(4, kinds.len()),
    );
    let mut query = sqlx::query_as(&sql)
        .bind(owner)
        .bind(now + lease_ms)
        .bind(now);
    for kind in kinds {
        query = query.bind(*kind);
    }
    query.fetch_optional(db.pool()).await
}

/// Extends a held lease; false when the lease was lost (taken over, or the job deleted).
pub async fn heartbeat(db: &super::Db, id: &str, owner: &str, lease_ms: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "update jobs set lease_expires_at = $1 where id = $2 and lease_owner = $3 and status = 'running'",
    )
    .bind(now_ms() + lease_ms)
    .bind(id)
    .bind(owner)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends a job's run: done, dead (no more tries) or back in the queue at `run_at` for a retry.
pub async fn finish(
    db: &super::Db,
    id: &str,
    owner: &str,
    end: JobEnd,
    run_at: i64,
    error: Option<&str>,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "update jobs set status = $1, run_at = $2, last_error = $3, lease_owner = null, \
         lease_expires_at = null, updated_at = $4, \
         run_ms = run_ms + coalesce($4 - started_at, 0), started_at = null \
         where id = $5 and lease_owner = $6",
    )
    .bind(end.as_str())
    .bind(run_at)
    .bind(error)
    .bind(now_ms())
    .bind(id)
    .bind(owner)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives a job back without counting the attempt (graceful stop).
pub async fn release(db: &super::Db, id: &str, owner: &str) -> sqlx::Result<()> {
    sqlx::query(
        "update jobs set status = 'queued', attempts = attempts - 1, lease_owner = null, \
         lease_expires_at = null, updated_at = $1 where id = $2 and lease_owner = $3",
    )
    .bind(now_ms())
    .bind(id)
    .bind(owner)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// The queue as an operator (or an autoscaler) watches it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QueueStats {
    /// Jobs in each state: queued, running, done, dead, cancelled.
    pub by_status: Vec<(String, i64)>,
    /// When the longest-waiting queued job was queued (Unix milliseconds).
    pub oldest_queued_at: Option<i64>,
    /// Milliseconds workers spent on the jobs that are done.
    pub done_run_ms: i64,
    /// Milliseconds of video those jobs made.
    pub done_video_ms: i64,
}

pub async fn queue_stats(db: &super::Db) -> sqlx::Result<QueueStats> {
    use sqlx::Row;
    let pool = db.pool();
    let by_status = sqlx::query("select status, count(*) as n from jobs group by status")
        .fetch_all(pool)
        .await?
        .iter()
        .map(|row| Ok((row.try_get("status")?, row.try_get("n")?)))
        .collect::<sqlx::Result<_>>()?;
    let oldest_queued_at =
        sqlx::query_scalar("select min(created_at) from jobs where status = 'queued'")
            .fetch_one(pool)
            .await?;
    let row = sqlx::query(
        "select cast(coalesce(sum(j.run_ms), 0) as bigint) as run_ms, \
         cast(coalesce(sum(v.duration_ms), 0) as bigint) as video_ms \
         from jobs j left join videos v on v.id = j.video_id where j.status = 'done'",
    )
    .fetch_one(pool)
    .await?;
    Ok(QueueStats {
        by_status,
        oldest_queued_at,
        done_run_ms: row.try_get("run_ms")?,
        done_video_ms: row.try_get("video_ms")?,
    })
}

//! The job queue on the database `make test` selects: no job is run twice by competing workers,
//! a panic does not take a worker down, transient failures are retried later, permanent ones
//! become dead letters at once, and a graceful stop hands the job back.

mod common;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use reelhouse::db::jobs::{self, Job};
use reelhouse::jobs::{Handler, JobError, Worker};
use tokio_util::sync::CancellationToken;

/// What a test handler does with a job, by the job's kind.
#[derive(Default)]
struct Recorder {
    ran: Mutex<Vec<String>>,
    gave_up: Mutex<Vec<(String, String)>>,
}

#[async_trait]
impl Handler for Recorder {
    async fn run(&self, job: &Job, cancel: CancellationToken) -> Result<(), JobError> {
        self.ran.lock().unwrap().push(job.id.clone());
        match job.kind.as_str() {
            "ok" => {
                tokio::time::sleep(Duration::from_millis(20)).await;
                Ok(())
            }
            "panic" => panic!("a bug in a handler"),
            "flaky" => Err(JobError::Transient(anyhow::anyhow!(
                "the store is unreachable"
            ))),
            "bad" => Err(JobError::Permanent("This file is not a video.".into())),
            "slow" => {
                cancel.cancelled().await;
                Err(JobError::Cancelled)
            }
            other => unreachable!("{other}"),
        }
    }

    async fn gave_up(&self, job: &Job, reason: &str) {
        self.gave_up
            .lock()
            .unwrap()
            .push((job.id.clone(), reason.to_owned()));
    }
}

async fn fresh() -> (common::TestEnv, reelhouse::db::Db, String) {
    let env = common::TestEnv::new().await;
    let db = reelhouse::app::open_db(&env.config()).await.unwrap();
    let org = reelhouse::db::orgs::ensure_default(db.pool())
        .await
        .unwrap();
    (env, db, org.id)
}

fn worker(db: &reelhouse::db::Db, recorder: &Arc<Recorder>) -> Arc<Worker> {
    let mut w = Worker::new(db.clone(), Duration::from_secs(5));
    for kind in ["ok", "panic", "flaky", "bad", "slow"] {
        w = w.handle(kind, recorder.clone());
    }
    Arc::new(w)
}

async fn status_of(db: &reelhouse::db::Db, id: &str) -> (String, i64, i64) {
    sqlx::query_as("select status, attempts, run_at from jobs where id = $1")
        .bind(id)
        .fetch_one(db.pool())
        .await
        .unwrap()
}

async fn wait_until(what: &str, mut done: impl AsyncFnMut() -> bool) {
    let started = Instant::now();
    while !done().await {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn competing_workers_run_each_job_exactly_once() {
    let (_env, db, org) = fresh().await;
    let mut ids = Vec::new();
    for _ in 0..30 {
        ids.push(jobs::enqueue(db.pool(), &org, "ok", None).await.unwrap());
    }
    let recorder = Arc::new(Recorder::default());
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let a = tokio::spawn(worker(&db, &recorder).run(4, stopped.clone()));
    let b = tokio::spawn(worker(&db, &recorder).run(4, stopped));
    wait_until("all jobs done", async || {
        let done: i64 = sqlx::query_scalar("select count(*) from jobs where status = 'done'")
            .fetch_one(db.pool())
            .await
            .unwrap();
        done == 30
    })
    .await;
    stop.send(true).unwrap();
    a.await.unwrap();
    b.await.unwrap();
    let mut ran = recorder.ran.lock().unwrap().clone();
    ran.sort();
    ids.sort();
    assert_eq!(ran, ids, "a job ran twice or not at all");
}

#[tokio::test]
async fn panics_retries_and_dead_letters() {
    let (_env, db, org) = fresh().await;
    let panicking = jobs::enqueue(db.pool(), &org, "panic", None).await.unwrap();
    sqlx::query("update jobs set max_attempts = 1 where id = $1")
        .bind(&panicking)
        .execute(db.pool())
        .await
        .unwrap();
    let flaky = jobs::enqueue(db.pool(), &org, "flaky", None).await.unwrap();
    let bad = jobs::enqueue(db.pool(), &org, "bad", None).await.unwrap();
    let fine = jobs::enqueue(db.pool(), &org, "ok", None).await.unwrap();

    let recorder = Arc::new(Recorder::default());
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let running = tokio::spawn(worker(&db, &recorder).run(1, stopped));
    wait_until("every job handled once", async || {
        recorder.ran.lock().unwrap().len() >= 4
    })
    .await;
    wait_until("the last job recorded", async || {
        status_of(&db, &fine).await.0 == "done"
    })
    .await;
    stop.send(true).unwrap();
    running.await.unwrap();

    // The panic was contained: the worker went on to the other jobs; out of tries, it is dead.
    assert_eq!(status_of(&db, &panicking).await.0, "dead");
    // A transient failure is queued again, later, with the attempt counted.
    let (status, attempts, run_at) = status_of(&db, &flaky).await;
    assert_eq!((status.as_str(), attempts), ("queued", 1));
    assert!(
        run_at > reelhouse::db::now_ms() + 5_000,
        "no backoff before the retry"
    );
    // A permanent failure is dead at once, and the handler heard why.
    assert_eq!(status_of(&db, &bad).await.0, "dead");
    let gave_up = recorder.gave_up.lock().unwrap().clone();
    assert!(
        gave_up.contains(&(bad.clone(), "This file is not a video.".to_owned())),
        "{gave_up:?}"
    );
    assert!(gave_up.iter().any(|(id, _)| *id == panicking));
}

#[tokio::test]
async fn a_graceful_stop_hands_the_job_back() {
    let (_env, db, org) = fresh().await;
    let slow = jobs::enqueue(db.pool(), &org, "slow", None).await.unwrap();
    let recorder = Arc::new(Recorder::default());
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let running = tokio::spawn(worker(&db, &recorder).run(1, stopped));
    wait_until("the job started", async || {
        status_of(&db, &slow).await.0 == "running"
    })
    .await;
    stop.send(true).unwrap();
    tokio::time::timeout(Duration::from_secs(10), running)
        .await
        .expect("the worker stopped")
        .unwrap();
    let (status, attempts, _) = status_of(&db, &slow).await;
    assert_eq!(
        (status.as_str(), attempts),
        ("queued", 0),
        "the job was not handed back intact"
    );
}

#[tokio::test]
async fn organisations_take_turns_for_workers() {
    let (_env, db, busy_org) = fresh().await;
    let other_org = reelhouse::db::orgs::get_or_create(db.pool(), "other", "Other")
        .await
        .unwrap()
        .id;
    let mut busy = Vec::new();
    for _ in 0..20 {
        busy.push(
            jobs::enqueue(db.pool(), &busy_org, "ok", None)
                .await
                .unwrap(),
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let single = jobs::enqueue(db.pool(), &other_org, "ok", None)
        .await
        .unwrap();
    // One worker, taking jobs one at a time, as a small box does.
    let mut order = Vec::new();
    while let Some(job) = jobs::claim(&db, "worker-1", 30_000, &["ok"]).await.unwrap() {
        order.push(job.id.clone());
        jobs::finish(&db, &job.id, "worker-1", jobs::JobEnd::Done, 0, None)
            .await
            .unwrap();
    }
    assert_eq!(order.len(), 21);
    // A worker takes only the kinds it knows.
    jobs::enqueue(db.pool(), &other_org, "other", None)
        .await
        .unwrap();
    let claimed = jobs::claim(&db, "worker-1", 30_000, &["ok"]).await.unwrap();
    assert!(claimed.is_none(), "claimed a job of a kind it does not run");
    let turn = order.iter().position(|id| *id == single).unwrap();
    assert!(
        turn <= 1,
        "the other organisation's only job ran {}th, after {turn} of the busy one's",
        turn + 1
    );
    assert_eq!(order.iter().filter(|id| busy.contains(id)).count(), 20);
}

#[tokio::test]
async fn people_of_one_organisation_take_turns_too() {
    use reelhouse::db::users::{self, Role};
    use reelhouse::db::videos;
    let (_env, db, org) = fresh().await;
    let pool = db.pool();
    let busy = users::create(pool, &org, "busy@acme.test", "Busy", Role::Member, None)
        .await
        .unwrap()
        .id;
    let other = users::create(pool, &org, "other@acme.test", "Other", Role::Member, None)
        .await
        .unwrap()
        .id;
    for n in 0..10 {
        let video = videos::create_queued(pool, &org, &busy, &format!("v{n}"), "k")
            .await
            .unwrap();
        jobs::enqueue(pool, &org, "ok", Some(&video)).await.unwrap();
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let video = videos::create_queued(pool, &org, &other, "mine", "k")
        .await
        .unwrap();
    let single = jobs::enqueue(pool, &org, "ok", Some(&video)).await.unwrap();
    let mut order = Vec::new();
    while let Some(job) = jobs::claim(&db, "worker-1", 30_000, &["ok"]).await.unwrap() {
        order.push(job.id.clone());
        jobs::finish(&db, &job.id, "worker-1", jobs::JobEnd::Done, 0, None)
            .await
            .unwrap();
    }
    let turn = order.iter().position(|id| *id == single).unwrap();
    assert!(
        turn <= 1,
        "a colleague's only video waited for {turn} others"
    );
}

/// An autoscaler and an operator read the queue from `/metrics`: jobs by state and how long the
/// oldest has waited, the same figures from any replica (they come from the database).
#[tokio::test]
async fn metrics_show_the_queue_depth_and_the_oldest_waiting_job() {
    use reelhouse::db;
    use reelhouse::db::users::Role;
    let app = common::TestApp::spawn().await;
    let pool = app.state.db.pool();
    let org = db::orgs::get_or_create(pool, "acme", "Acme").await.unwrap();
    for _ in 0..3 {
        db::jobs::enqueue(pool, &org.id, db::jobs::TRANSCODE, None)
            .await
            .unwrap();
    }
    let claimed = db::jobs::claim(&app.state.db, "worker-1", 60_000, &[db::jobs::TRANSCODE])
        .await
        .unwrap();
    assert!(claimed.is_some());
    // A finished job that took 5 s of a worker for 20 s of video.
    let owner = app.person("acme", "tess@acme.test", Role::Trainer).await;
    let video = db::videos::create_queued(pool, &org.id, &owner.user.id, "Done", "k/source")
        .await
        .unwrap();
    sqlx::query("update videos set duration_ms = 20000, status = 'ready' where id = $1")
        .bind(&video)
        .execute(pool)
        .await
        .unwrap();
    sqlx::query(
        "insert into jobs (id, org_id, kind, video_id, status, run_at, created_at, updated_at, \
         run_ms) values ('done-job', $1, 'transcode', $2, 'done', 0, 0, 0, 5000)",
    )
    .bind(&org.id)
    .bind(&video)
    .execute(pool)
    .await
    .unwrap();
    // One of the two still queued has waited a minute and a half.
    sqlx::query(
        "update jobs set created_at = $1 \
         where id = (select min(id) from jobs where status = 'queued')",
    )
    .bind(db::now_ms() - 90_000)
    .execute(pool)
    .await
    .unwrap();

    let text = app
        .client
        .get(app.at("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let value = |name: &str| -> f64 {
        text.lines()
            .find_map(|line| line.strip_prefix(name)?.trim().parse().ok())
            .unwrap_or_else(|| panic!("no {name} in:\n{text}"))
    };
    assert_eq!(value(r#"reelhouse_jobs{state="queued"}"#), 2.0);
    assert_eq!(value(r#"reelhouse_jobs{state="running"}"#), 1.0);
    assert_eq!(value(r#"reelhouse_jobs{state="dead"}"#), 0.0);
    assert_eq!(value(r#"reelhouse_jobs{state="done"}"#), 1.0);
    assert_eq!(value("reelhouse_transcode_seconds_per_video_second"), 0.25);
    let age = value("reelhouse_oldest_queued_job_age_seconds");
    assert!(
        (89.0..150.0).contains(&age),
        "the oldest queued job: {age} s"
    );
    assert!(value("reelhouse_active_sessions") >= 0.0);

    // Every Reelhouse metric the shipped alerts and dashboard use is one the server exposes.
    let monitoring = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/monitoring");
    for file in ["alerts.yaml", "grafana-dashboard.json"] {
        let rules = std::fs::read_to_string(monitoring.join(file)).unwrap();
        for (at, _) in rules.match_indices("reelhouse_") {
            let name: String = rules[at..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            assert!(
                text.lines()
                    .any(|line| line.starts_with(&format!("{name}{{"))
                        || line.starts_with(&format!("{name} "))),
                "{file} uses {name}, which /metrics does not show:\n{text}"
            );
        }
    }
}

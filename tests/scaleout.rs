//! Scale-out on one machine, as a cluster runs it: two `serve` processes (no embedded workers)
//! and three `reelhouse worker` processes on one PostgreSQL and one S3-compatible server. Twenty
//! clips go up through tus-js-client, each started on one `serve` and resumed on another; a
//! third `serve` joins during the run; one worker is killed (SIGKILL) in the middle of a
//! transcode and another stopped (SIGTERM) while it holds one. Every video ends `ready` with one
//! finished job, the bucket holds exactly what twenty clean runs make (nothing orphaned), and
//! every source is byte-identical to the file sent.
//!
//! It always runs on PostgreSQL and S3 (`make test` starts both for either half of the suite).

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::TestEnv;
use reelhouse::db::{self, Db};
use reelhouse::storage::{ObjectKey, Store};

const CLIPS: usize = 20;

/// A process of the installation, killed when dropped.
struct Process {
    child: Child,
    /// Where it keeps its scratch files (each process its own, as on separate machines).
    _data: tempfile::TempDir,
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The settings every process shares: the database, the bucket prefix, short job leases.
async fn shared_settings() -> HashMap<String, String> {
    let mut vars = HashMap::new();
    common::use_postgres_and_s3(&mut vars).await;
    vars.insert("REELHOUSE_WORKERS".into(), "0".into());
    // A killed worker's job goes to another after 3 s.
    vars.insert("REELHOUSE_JOB_LEASE_SECONDS".into(), "3".into());
    vars.insert("RUST_LOG".into(), "warn".into());
    vars
}

fn start(vars: &HashMap<String, String>, args: &[&str]) -> Process {
    let data = tempfile::tempdir().unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_reelhouse"))
        .envs(vars)
        .env("REELHOUSE_DATA_DIR", data.path())
        .env("REELHOUSE_WEB_DIR", data.path().join("web"))
        .args(args)
        .stdout(Stdio::null())
        .spawn()
        .expect("start reelhouse");
    Process { child, _data: data }
}

/// Starts `serve` on a free port and waits for it to answer; returns it and its origin.
async fn start_serve(vars: &HashMap<String, String>) -> (Process, String) {
    let addr = format!("127.0.0.1:{}", common::free_port());
    let process = start(vars, &["serve", "--bind", &addr, "--workers", "0"]);
    let origin = format!("http://{addr}");
    for _ in 0..300 {
        if reqwest::get(format!("{origin}/healthz"))
            .await
            .is_ok_and(|r| r.status() == 200)
        {
            return (process, origin);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("serve did not start on {addr}");
}

/// A short clip of its own (its tone differs from every other's, so its bytes do too).
fn clip(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join(format!("clip-{n:02}.mp4"));
    let tone = format!("sine=frequency={}:duration=12", 200 + 25 * n);
    common::ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=320x180:rate=25:duration=12",
            "-f",
            "lavfi",
            "-i",
            &tone,
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            "-shortest",
        ],
        &path,
    );
    path
}

/// Sends `file` with tus-js-client: the first half to `first`, the rest to `then`.
async fn upload_across(first: &str, then: &str, token: &str, file: &Path) -> String {
    let size = std::fs::metadata(file).unwrap().len();
    let chunk = (size / 2 + 1).to_string();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/node/tus-resume.mjs");
    let output = tokio::process::Command::new("node")
        .arg(script)
        .arg(format!("{first}/api/v1/uploads"))
        .arg(then)
        .arg(token)
        .arg(file)
        .arg(&chunk)
        .output()
        .await
        .unwrap();
    assert!(
        output.status.success(),
        "{} {}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let answer: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let url = answer["url"].as_str().unwrap().to_owned();
    assert!(url.starts_with(then), "resumed on the other server: {url}");
    url
}

/// The video an upload became, asked of `origin`.
async fn video_of(origin: &str, upload_url: &str, token: &str) -> String {
    let path = reqwest::Url::parse(upload_url).unwrap().path().to_owned();
    let status: serde_json::Value = reqwest::Client::new()
        .get(format!("{origin}{path}"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    status["video_id"]
        .as_str()
        .unwrap_or_else(|| panic!("a finished upload has a video: {status}"))
        .to_owned()
}

/// Waits until a job is running under the worker process `pid`; false if none did in time.
async fn holds_a_job(db: &Db, pid: u32, within: Duration) -> bool {
    let pattern = format!("%-{pid}-%");
    let started = Instant::now();
    while started.elapsed() < within {
        let held: i64 = sqlx::query_scalar(
            "select count(*) from jobs where status = 'running' and lease_owner like $1",
        )
        .bind(&pattern)
        .fetch_one(db.pool())
        .await
        .unwrap();
        if held > 0 {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    false
}

fn signal(process: &Process, name: &str) {
    let status = Command::new("kill")
        .args([&format!("-{name}"), &process.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

#[tokio::test]
async fn replicas_share_uploads_and_transcodes_and_survive_a_killed_worker() {
    let vars = shared_settings().await;
    let env = TestEnv {
        dir: tempfile::tempdir().unwrap(),
        vars: vars.clone(),
    };
    let config = env.config();
    let migrated = Command::new(env!("CARGO_BIN_EXE_reelhouse"))
        .envs(&vars)
        .arg("migrate")
        .status()
        .unwrap();
    assert!(migrated.success());
    let db = reelhouse::app::open_db(&config).await.unwrap();
    let store = reelhouse::storage::open(&config).await.unwrap();
    let org = db::orgs::get_or_create(db.pool(), "acme", "Acme")
        .await
        .unwrap();
    let owner = db::users::create(
        db.pool(),
        &org.id,
        "tess@acme.test",
        "Tess",
        db::users::Role::Trainer,
        None,
    )
    .await
    .unwrap();
    let (_, token) = db::tokens::create(db.pool(), &org.id, &owner.id, "phone", None)
        .await
        .unwrap();

    let clips_dir = tempfile::tempdir().unwrap();
    let clips: Vec<PathBuf> = (0..CLIPS).map(|n| clip(clips_dir.path(), n)).collect();

    let (_serve_a, a) = start_serve(&vars).await;
    let (_serve_b, b) = start_serve(&vars).await;
    let worker = || start(&vars, &["worker", "--concurrency", "1"]);
    let (killed, stopped, _survivor) = (worker(), worker(), worker());

    // The first half: started on A, resumed on B.
    let mut videos = BTreeMap::new();
    let mut first_half = Vec::new();
    for (n, file) in clips.iter().enumerate().take(CLIPS / 2) {
        let (a, b, token, file) = (a.clone(), b.clone(), token.clone(), file.clone());
        first_half.push(tokio::spawn(async move {
            (n, upload_across(&a, &b, &token, &file).await)
        }));
    }
    for task in first_half {
        let (n, url) = task.await.unwrap();
        videos.insert(n, video_of(&a, &url, &token).await);
    }

    // A worker dies in the middle of a transcode: frozen (SIGSTOP) while it holds a job, so it
    // cannot finish between the look and the kill, then killed.
    let killed_job = loop {
        assert!(
            holds_a_job(&db, killed.child.id(), Duration::from_secs(60)).await,
            "the first worker never took a job"
        );
        signal(&killed, "STOP");
        let pattern = format!("%-{}-%", killed.child.id());
        let job: Option<String> = sqlx::query_scalar(
            "select id from jobs where status = 'running' and lease_owner like $1",
        )
        .bind(&pattern)
        .fetch_optional(db.pool())
        .await
        .unwrap();
        match job {
            Some(job) => break job,
            None => signal(&killed, "CONT"),
        }
    };
    signal(&killed, "KILL");
    let stopped_while_working = holds_a_job(&db, stopped.child.id(), Duration::from_secs(30)).await;
    signal(&stopped, "TERM");

    // A third serve joins; the second half: started on B, resumed on C.
    let (_serve_c, c) = start_serve(&vars).await;
    let mut second_half = Vec::new();
    for (n, file) in clips.iter().enumerate().skip(CLIPS / 2) {
        let (b, c, token, file) = (b.clone(), c.clone(), token.clone(), file.clone());
        second_half.push(tokio::spawn(async move {
            (n, upload_across(&b, &c, &token, &file).await)
        }));
    }
    for task in second_half {
        let (n, url) = task.await.unwrap();
        videos.insert(n, video_of(&c, &url, &token).await);
    }
    assert_eq!(videos.len(), CLIPS);

    // Every video ends ready (asked of any replica).
    let client = reqwest::Client::new();
    let started = Instant::now();
    for (n, video) in &videos {
        loop {
            let view: serde_json::Value = client
                .get(format!("{a}/api/v1/videos/{video}"))
                .bearer_auth(&token)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            match view["status"].as_str() {
                Some("ready") => break,
                Some("failed") => panic!("clip {n} failed: {view}"),
                _ if started.elapsed() < Duration::from_secs(240) => {
                    tokio::time::sleep(Duration::from_millis(200)).await
                }
                _ => panic!("clip {n} is not ready after 4 minutes: {view}"),
            }
        }
    }
    let stopped_status = {
        let mut stopped = stopped;
        stopped.child.wait().unwrap()
    };
    assert!(stopped_status.success(), "the stopped worker exits cleanly");

    // One finished job per video, none dead or waiting, none finished twice.
    let jobs: Vec<(String, String, i64)> =
        sqlx::query_as("select video_id, status, attempts from jobs order by video_id")
            .fetch_all(db.pool())
            .await
            .unwrap();
    assert_eq!(jobs.len(), CLIPS, "{jobs:?}");
    assert!(
        jobs.iter().all(|(_, status, _)| status == "done"),
        "{jobs:?}"
    );
    let (killed_video_id, attempts): (String, i64) =
        sqlx::query_as("select video_id, attempts from jobs where id = $1")
            .bind(&killed_job)
            .fetch_one(db.pool())
            .await
            .unwrap();
    let killed_video = |video: &str| video == killed_video_id;
    assert_eq!(attempts, 2, "the killed worker's job ran again, once");
    let twice: Vec<_> = jobs
        .iter()
        .filter(|(video, _, attempts)| *attempts != 1 && !killed_video(video))
        .collect();
    assert!(twice.is_empty(), "jobs that ran more than once: {twice:?}");
    let renditions: Vec<(String, i64)> = sqlx::query_as(
        "select video_id, count(*) from renditions group by video_id order by video_id",
    )
    .fetch_all(db.pool())
    .await
    .unwrap();
    assert_eq!(renditions.len(), CLIPS);
    assert!(
        renditions
            .iter()
            .all(|(_, count)| *count == renditions[0].1),
        "each video has its ladder once: {renditions:?}"
    );

    // The bucket holds exactly twenty clean runs: the same files under every video, each
    // source byte-identical to what was sent, and nothing else.
    let mut objects: BTreeSet<String> = store
        .list("")
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.key)
        .collect();
    let mut per_video: Vec<BTreeSet<String>> = Vec::new();
    for (n, video) in &videos {
        let prefix = format!("videos/{video}/");
        let files: BTreeSet<String> = objects
            .iter()
            .filter_map(|k| k.strip_prefix(&prefix).map(str::to_owned))
            .collect();
        assert!(files.contains("hls/master.m3u8"), "clip {n}: {files:?}");
        objects.retain(|k| !k.starts_with(&prefix));
        per_video.push(files);
        let source_key: String = sqlx::query_scalar("select source_key from videos where id = $1")
            .bind(video)
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert!(objects.remove(&source_key), "clip {n}'s source is stored");
        let stored = reelhouse::storage::read_small(
            store.as_ref() as &dyn Store,
            &ObjectKey::new(source_key).unwrap(),
            64 << 20,
        )
        .await
        .unwrap();
        assert!(
            stored == std::fs::read(&clips[*n]).unwrap(),
            "clip {n}'s source is byte-identical"
        );
    }
    assert!(
        per_video.iter().all(|files| files == &per_video[0]),
        "every video has the same files (a killed run left none behind)"
    );
    assert!(objects.is_empty(), "orphaned objects: {objects:?}");
    // Whether the stopped worker held a job at SIGTERM depends on timing; both ways end above.
    eprintln!("the SIGTERM reached a worker holding a job: {stopped_while_working}");
}

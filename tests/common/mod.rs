//! The test harness: a fresh database and store per test, on the backends `make test` selects,
//! and an app served on a free port.
//!
//! `REELHOUSE_TEST_DATABASE` is `sqlite` (default) or `postgres` (then `REELHOUSE_TEST_POSTGRES`
//! is an admin URL of a throwaway server, where each test gets a new database).
//! `REELHOUSE_TEST_STORAGE` is `file` (default) or `s3` (then `REELHOUSE_TEST_S3_BUCKET` and the
//! `AWS_*` settings name a running S3-compatible server, where each test gets a new prefix).
//! A backend that is selected but unreachable fails the test: nothing is skipped.
#![allow(dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;

use reelhouse::config::Config;
use reelhouse::http::{self, AppState};
use sqlx::Connection;
use tempfile::TempDir;

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

pub fn testing_postgres() -> bool {
    env("REELHOUSE_TEST_DATABASE").as_deref() == Some("postgres")
}

pub fn testing_s3() -> bool {
    env("REELHOUSE_TEST_STORAGE").as_deref() == Some("s3")
}

/// A free loopback port, for a server a test starts itself.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The settings that reach the S3-compatible test server, copied from this process's
/// environment into `vars`.
pub fn add_s3_settings(vars: &mut HashMap<String, String>) {
    for name in [
        "AWS_ENDPOINT_URL",
        "AWS_REGION",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "REELHOUSE_S3_PATH_STYLE",
    ] {
        if let Some(value) = env(name) {
            vars.insert(name.into(), value);
        }
    }
}

/// Points `vars` at a new PostgreSQL database and a new prefix of the S3 test server, whatever
/// the suite's backends (for tests of moving between them, or of several processes).
pub async fn use_postgres_and_s3(vars: &mut HashMap<String, String>) {
    vars.insert(
        "REELHOUSE_DATABASE_URL".into(),
        fresh_postgres_database().await,
    );
    let bucket = env("REELHOUSE_TEST_S3_BUCKET")
        .expect("REELHOUSE_TEST_S3_BUCKET and AWS_* name the S3 test server (run `make test`)");
    vars.insert(
        "REELHOUSE_STORAGE".into(),
        format!("s3://{bucket}/{}", unique_name()),
    );
    add_s3_settings(vars);
}

/// A real SMTP server (aiosmtpd) delivering into a maildir, until dropped.
pub struct SmtpSink {
    pub port: u16,
    maildir: std::path::PathBuf,
    child: std::process::Child,
}

impl SmtpSink {
    pub async fn start(maildir: &std::path::Path) -> SmtpSink {
        SmtpSink::start_on(maildir, free_port()).await
    }

    /// A sink on a given port (a server that was down coming back).
    pub async fn start_on(maildir: &std::path::Path, port: u16) -> SmtpSink {
        let child = std::process::Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox", maildir.to_str().unwrap()])
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("python3 -m aiosmtpd (installed by make test)");
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        SmtpSink {
            port,
            maildir: maildir.to_owned(),
            child,
        }
    }

    /// Sets the server's SMTP settings in `vars`, sending as `from`.
    pub fn configure(&self, vars: &mut HashMap<String, String>, from: &str) {
        configure_smtp(vars, self.port, from);
    }

    /// The messages delivered so far, as text.
    pub fn messages(&self) -> Vec<String> {
        std::fs::read_dir(self.maildir.join("new"))
            .map(|dir| {
                dir.map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Sets the server's SMTP settings in `vars`: a server on `port` of loopback, sending as `from`.
pub fn configure_smtp(vars: &mut HashMap<String, String>, port: u16, from: &str) {
    vars.insert(
        "REELHOUSE_SMTP_URL".into(),
        format!("smtp://127.0.0.1:{port}"),
    );
    vars.insert("REELHOUSE_SMTP_FROM".into(), from.into());
}

/// An email body as written, without quoted-printable's soft line breaks and `=3D`, so a link
/// in it can be found whole.
pub fn unfold_quoted_printable(message: &str) -> String {
    message
        .replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=")
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A unique, lower-case name for this test's database or prefix.
pub fn unique_name() -> String {
    format!("t{}", uuid::Uuid::now_v7().simple())
}

/// The settings of a fresh server: a temporary data dir, a new database and a new store prefix.
pub struct TestEnv {
    pub dir: TempDir,
    pub vars: HashMap<String, String>,
}

impl TestEnv {
    pub async fn new() -> TestEnv {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut vars = HashMap::new();
        vars.insert(
            "REELHOUSE_DATA_DIR".into(),
            dir.path().display().to_string(),
        );
        vars.insert(
            "REELHOUSE_WEB_DIR".into(),
            dir.path().join("web").display().to_string(),
        );
        vars.insert("REELHOUSE_WORKERS".into(), "0".into());
        if testing_postgres() {
            vars.insert(
                "REELHOUSE_DATABASE_URL".into(),
                fresh_postgres_database().await,
            );
        }
        if testing_s3() {
            let bucket = env("REELHOUSE_TEST_S3_BUCKET").expect(
                "REELHOUSE_TEST_STORAGE=s3 needs REELHOUSE_TEST_S3_BUCKET (run `make test`)",
            );
            vars.insert(
                "REELHOUSE_STORAGE".into(),
                format!("s3://{bucket}/{}", unique_name()),
            );
            add_s3_settings(&mut vars);
        }
        TestEnv { dir, vars }
    }

    pub fn config(&self) -> Config {
        Config::from_sources(None, &self.vars).expect("test config")
    }
}

/// Creates an empty database on the throwaway PostgreSQL server and returns its URL.
pub async fn fresh_postgres_database() -> String {
    let admin = env("REELHOUSE_TEST_POSTGRES")
        .expect("REELHOUSE_TEST_DATABASE=postgres needs REELHOUSE_TEST_POSTGRES (run `make test`)");
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(&admin)
        .await
        .expect("connect to test PostgreSQL");
    let name = unique_name();
    sqlx::query(&format!("create database {name}"))
        .execute(&mut conn)
        .await
        .expect("create test database");
    conn.close().await.ok();
    let mut url = url::Url::parse(&admin).expect("admin URL");
    url.set_path(&name);
    url.to_string()
}

/// A running app on a free port, with its state for direct database and store access.
pub struct TestApp {
    pub url: String,
    pub addr: SocketAddr,
    pub state: AppState,
    pub client: reqwest::Client,
    pub env: TestEnv,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with(TestEnv::new().await).await
    }

    pub async fn spawn_with(env: TestEnv) -> TestApp {
        // Logs of the app under test, shown for failing tests (`RUST_LOG` to see more).
        let filter = tracing_subscriber::EnvFilter::try_from_default_env()
            .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
        let _ = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_test_writer()
            .try_init();
        let state = reelhouse::app::http_state(env.config())
            .await
            .expect("app state");
        // A free port, or REELHOUSE_BIND when the test needs the address before the start (to
        // name it in REELHOUSE_PUBLIC_URL).
        let bind = env
            .vars
            .get("REELHOUSE_BIND")
            .cloned()
            .unwrap_or_else(|| "127.0.0.1:0".into());
        let listener = tokio::net::TcpListener::bind(bind).await.expect("bind");
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let app = http::app(state.clone());
        tokio::spawn(http::serve(listener, app, async move {
            let _ = rx.await;
        }));
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .unwrap();
        TestApp {
            url: format!("http://{addr}"),
            addr,
            state,
            client,
            env,
            shutdown: Some(tx),
        }
    }

    pub fn at(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// A person made directly in the database, with their password and an API token.
pub struct Person {
    pub user: reelhouse::db::users::User,
    pub password: String,
    pub token: String,
}

impl TestApp {
    /// Creates a user with a known password and an API token, in the organisation with `org_slug`
    /// (created when missing).
    pub async fn person(
        &self,
        org_slug: &str,
        email: &str,
        role: reelhouse::db::users::Role,
    ) -> Person {
        use reelhouse::db;
        let pool = self.state.db.pool();
        let org = db::orgs::get_or_create(pool, org_slug, org_slug)
            .await
            .unwrap();
        let password = format!("pw-{}", unique_name());
        let hash = reelhouse::auth::password::hash(password.clone())
            .await
            .unwrap();
        let user = db::users::create(pool, &org.id, email, email, role, Some(&hash))
            .await
            .unwrap();
        let (_, token) = db::tokens::create(pool, &org.id, &user.id, "test", None)
            .await
            .unwrap();
        Person {
            user,
            password,
            token,
        }
    }

    /// A client with its own cookie jar, signed in as `email` through the API.
    pub async fn signed_in(&self, email: &str, password: &str) -> reqwest::Client {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .unwrap();
        let response = client
            .post(self.at("/api/v1/auth/login"))
            .json(&serde_json::json!({ "email": email, "password": password }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "sign-in of {email} failed");
        client
    }
}

/// Every text value stored in the database, for tests that look for secrets in clear.
pub async fn all_stored_text(db: &reelhouse::db::Db) -> Vec<String> {
    use sqlx::{Column, Row};
    let tables = [
        "organisations",
        "users",
        "api_tokens",
        "sessions",
        "password_resets",
        "oidc_logins",
        "invitations",
        "videos",
        "uploads",
        "jobs",
        "handouts",
        "playlists",
        "progress",
    ];
    let mut found = Vec::new();
    for table in tables {
        let rows = sqlx::query(&format!("select * from {table}"))
            .fetch_all(db.pool())
            .await
            .unwrap();
        for row in rows {
            for column in row.columns() {
                if let Ok(Some(text)) = row.try_get::<Option<String>, _>(column.ordinal()) {
                    found.push(text);
                }
            }
        }
    }
    found
}

/// The real `reelhouse serve` binary in its own process, sharing a test's database and store.
pub struct ServerProcess {
    pub addr: String,
    child: std::process::Child,
}

impl ServerProcess {
    pub async fn start(env: &TestEnv) -> ServerProcess {
        let addr = format!("127.0.0.1:{}", free_port());
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_reelhouse"))
            .envs(&env.vars)
            .env("REELHOUSE_BIND", &addr)
            .env("RUST_LOG", "warn")
            .arg("serve")
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("start reelhouse serve");
        let health = format!("http://{addr}/healthz");
        for _ in 0..300 {
            if reqwest::get(&health).await.is_ok_and(|r| r.status() == 200) {
                return ServerProcess { addr, child };
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("reelhouse serve did not start on {addr}");
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl TestApp {
    /// Runs the reminder clock and the email worker, as `serve` does, for the rest of the test.
    pub fn start_notifications(&self) {
        let (stop, stopped) = tokio::sync::watch::channel(false);
        reelhouse::app::spawn_notifications(&self.state, stopped);
        std::mem::forget(stop);
    }

    /// Runs `n` embedded transcode workers until the app is dropped.
    pub fn start_workers(&self, n: usize) {
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let workers = reelhouse::app::transcode_workers(
            &self.state.config,
            self.state.db.clone(),
            self.state.store.clone(),
        );
        tokio::spawn(workers.run(n, stopped));
        // The sender lives as long as the runtime of this test.
        std::mem::forget(stop);
    }
}

impl TestApp {
    /// Waits until the video `id` is ready and returns its view; fails when it failed, or is
    /// not ready `within`.
    pub async fn wait_ready(
        &self,
        person: &Person,
        id: &str,
        within: std::time::Duration,
    ) -> serde_json::Value {
        let started = std::time::Instant::now();
        loop {
            let (_, video) = self
                .call(
                    person,
                    reqwest::Method::GET,
                    &format!("/api/v1/videos/{id}"),
                    None,
                )
                .await;
            match video["status"].as_str() {
                Some("ready") => return video,
                Some("failed") => panic!("the clip failed: {video}"),
                _ => {}
            }
            assert!(started.elapsed() < within, "not ready: {video}");
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
    }

    /// Uploads a file in one tus request (creation-with-upload) and returns its video's id.
    pub async fn upload_video(&self, person: &Person, path: &std::path::Path) -> String {
        let bytes = std::fs::read(path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        let encoded = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, name);
        let response = self
            .client
            .post(self.at("/api/v1/uploads"))
            .bearer_auth(&person.token)
            .header("tus-resumable", "1.0.0")
            .header("upload-length", bytes.len().to_string())
            .header("upload-metadata", format!("filename {encoded}"))
            .header("content-type", "application/offset+octet-stream")
            .body(bytes)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201);
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        let status: serde_json::Value = self
            .client
            .get(self.at(&location))
            .bearer_auth(&person.token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        status["video_id"]
            .as_str()
            .expect("a complete upload has a video")
            .to_owned()
    }
}

/// A form of one file in the field `file`, as the handout and caption uploads take it.
pub fn file_form(file_name: &str, bytes: Vec<u8>) -> reqwest::multipart::Form {
    reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_owned()),
    )
}

/// A clip as a phone would send it: `seconds` of test pattern at `size` (such as "320x180"),
/// 25 fps, with a 440 Hz tone; H.264 and AAC in MP4.
pub fn phone_clip(out: &std::path::Path, size: &str, seconds: u32) {
    let picture = format!("testsrc2=size={size}:rate=25:duration={seconds}");
    let tone = format!("sine=frequency=440:duration={seconds}");
    ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            &picture,
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
        out,
    );
}

/// Generates a file with the FFmpeg command line (the `-f lavfi` sources make test patterns).
pub fn ffmpeg(args: &[&str], out: &std::path::Path) {
    let status = std::process::Command::new("ffmpeg")
        .args(["-hide_banner", "-loglevel", "error", "-y"])
        .args(args)
        .arg(out)
        .status()
        .expect("ffmpeg is installed by make test");
    assert!(status.success(), "generating {} failed", out.display());
}

impl TestApp {
    /// A multipart form POSTed as `person` (by their token): the status and the JSON body (null
    /// if none).
    pub async fn post_form(
        &self,
        person: &Person,
        path: &str,
        form: reqwest::multipart::Form,
    ) -> (u16, serde_json::Value) {
        let response = self
            .client
            .post(self.at(path))
            .bearer_auth(&person.token)
            .multipart(form)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (
            status,
            response.json().await.unwrap_or(serde_json::Value::Null),
        )
    }

    /// One JSON API call as `person` (by their token): the status and the body (null if none).
    pub async fn call(
        &self,
        person: &Person,
        method: reqwest::Method,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> (u16, serde_json::Value) {
        let mut request = self
            .client
            .request(method, self.at(path))
            .bearer_auth(&person.token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        (
            status,
            response.json().await.unwrap_or(serde_json::Value::Null),
        )
    }
}

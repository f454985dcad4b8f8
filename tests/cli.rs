//! The `reelhouse` binary as an operator uses it: admin commands, `check`, `migrate`, and
//! `serve` from a fresh data dir to a served `/healthz`, a printed login and a clean SIGTERM.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::TestEnv;

fn reelhouse(env: &TestEnv) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_reelhouse"));
    command.envs(&env.vars).env("RUST_LOG", "warn");
    command
}

fn run(env: &TestEnv, args: &[&str]) -> Output {
    reelhouse(env).args(args).output().expect("run reelhouse")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[tokio::test]
async fn create_user_then_token_prints_the_token_alone() {
    let env = TestEnv::new().await;
    let mut child = reelhouse(&env)
        .args([
            "admin",
            "create-user",
            "--email",
            "Trainer@Acme.test",
            "--name",
            "Tess",
        ])
        .args(["--role", "trainer", "--password-stdin", "--org", "acme"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"correct horse battery\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "create-user failed: {}",
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("trainer@acme.test"));
    assert!(
        !text(&out.stdout).contains("correct horse"),
        "the password was echoed"
    );

    let out = run(
        &env,
        &[
            "admin",
            "create-token",
            "--email",
            "trainer@acme.test",
            "--name",
            "ci",
        ],
    );
    assert!(
        out.status.success(),
        "create-token failed: {}",
        text(&out.stderr)
    );
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "stdout must hold the token alone: {stdout:?}"
    );
    assert!(
        lines[0].starts_with("rh_") && lines[0].len() > 40,
        "{stdout:?}"
    );

    // The organisation was created, the user is in it, and the token works as a credential:
    // it is stored only as its hash.
    let db = reelhouse::app::open_db(&env.config()).await.unwrap();
    let org = reelhouse::db::orgs::by_slug(db.pool(), "acme")
        .await
        .unwrap()
        .expect("org acme");
    let user = reelhouse::db::users::by_email(db.pool(), "trainer@acme.test")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.org_id, org.id);
    let hashes: Vec<String> = sqlx::query_scalar("select token_hash from api_tokens")
        .fetch_all(db.pool())
        .await
        .unwrap();
    assert_eq!(hashes, [reelhouse::auth::secret::hash_token(lines[0])]);

    // Errors are sentences, with exit code 1.
    let out = run(
        &env,
        &["admin", "create-token", "--email", "nobody@acme.test"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no user with the email nobody@acme.test"));
    let out = run(
        &env,
        &[
            "admin",
            "create-user",
            "--email",
            "x@y.z",
            "--name",
            "X",
            "--role",
            "boss",
        ],
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("unknown role"),
        "{}",
        text(&out.stderr)
    );
}

#[tokio::test]
async fn check_passes_when_all_is_well() {
    let env = TestEnv::new().await;
    let out = run(&env, &["check"]);
    let stdout = text(&out.stdout);
    assert!(
        out.status.success(),
        "check failed:\n{stdout}\n{}",
        text(&out.stderr)
    );
    assert!(stdout.contains("libavcodec"), "{stdout}");
    assert!(
        stdout.contains("database ok") && stdout.contains("store    ok"),
        "{stdout}"
    );
}

#[tokio::test]
async fn check_fails_with_a_reason_when_s3_is_down() {
    let mut env = TestEnv::new().await;
    // A loopback port nobody listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    env.vars
        .insert("REELHOUSE_STORAGE".into(), "s3://reelhouse".into());
    env.vars
        .insert("AWS_ENDPOINT_URL".into(), format!("http://{closed}"));
    env.vars.insert("AWS_REGION".into(), "us-east-1".into());
    env.vars.insert("AWS_ACCESS_KEY_ID".into(), "k".into());
    env.vars.insert("AWS_SECRET_ACCESS_KEY".into(), "s".into());
    env.vars
        .insert("REELHOUSE_S3_PATH_STYLE".into(), "true".into());
    let out = run(&env, &["check"]);
    let stderr = text(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "check passed with S3 down:\n{}",
        text(&out.stdout)
    );
    assert!(stderr.contains("check failed: store"), "{stderr}");
    assert!(stderr.contains("unavailable"), "{stderr}");
}

#[tokio::test]
async fn a_bad_setting_stops_start_up_naming_it() {
    let mut env = TestEnv::new().await;
    env.vars
        .insert("REELHOUSE_MEDIA_DELIVERY".into(), "carrier-pigeon".into());
    let out = run(&env, &["migrate"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("REELHOUSE_MEDIA_DELIVERY"),
        "{}",
        text(&out.stderr)
    );
}

/// Reads a child's output until `until` appears in it (or the output ends).
fn read_until(output: impl std::io::Read, until: &str) -> String {
    let mut lines = BufReader::new(output);
    let mut printed = String::new();
    while !printed.contains(until) {
        let mut line = String::new();
        if lines.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        printed.push_str(&line);
    }
    printed
}

/// Waits until the server on `port` answers `/healthz`.
async fn wait_healthy(port: u16) {
    let health = format!("http://127.0.0.1:{port}/healthz");
    let started = Instant::now();
    loop {
        match reqwest::get(&health).await {
            Ok(response) if response.status() == 200 => return,
            _ if started.elapsed() < Duration::from_secs(20) => {
                tokio::time::sleep(Duration::from_millis(100)).await
            }
            other => panic!("the server did not answer: {other:?}"),
        }
    }
}

/// Sends SIGTERM to the process `pid` (`child` itself, or the server `child` runs) and checks
/// that `child` exits cleanly.
fn terminate(child: &mut std::process::Child, pid: u32) {
    let pid = pid.to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "serve ignored SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "serve exited with {status}");
}

#[tokio::test]
async fn serve_without_a_terminal_prints_no_password_and_stops_on_sigterm() {
    let mut env = TestEnv::new().await;
    let port = common::free_port();
    env.vars
        .insert("REELHOUSE_BIND".into(), format!("127.0.0.1:{port}"));
    // As in a container: output to a pipe, no terminal.
    let mut child = reelhouse(&env)
        .arg("serve")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let printed = read_until(child.stdout.take().unwrap(), "--role admin");
    wait_healthy(port).await;
    assert!(
        printed.contains("No accounts yet") && printed.contains("reelhouse admin create-user"),
        "{printed}"
    );
    let pid = child.id();
    terminate(&mut child, pid);
    let mut logs = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut logs).unwrap();
    for output in [&printed, &logs] {
        assert!(!output.to_lowercase().contains("password "), "{output}");
    }
    let db = reelhouse::app::open_db(&env.config()).await.unwrap();
    let users: i64 = sqlx::query_scalar("select count(*) from users")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(users, 0, "nobody is created without a terminal");
}

#[tokio::test]
async fn serve_at_a_terminal_makes_a_first_admin_who_must_choose_a_password() {
    let mut env = TestEnv::new().await;
    let port = common::free_port();
    env.vars
        .insert("REELHOUSE_BIND".into(), format!("127.0.0.1:{port}"));
    // A pseudo-terminal, as when someone runs `reelhouse serve` (or `make run`) by hand.
    let command = format!("exec {} serve", env!("CARGO_BIN_EXE_reelhouse"));
    let mut child = Command::new("script")
        .args(["--quiet", "--return", "--command", &command, "/dev/null"])
        .envs(&env.vars)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let printed = read_until(child.stdout.take().unwrap(), "one-time password ");
    assert!(printed.contains("admin@reelhouse.local"), "{printed}");
    let password = printed
        .split("one-time password ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no password in {printed:?}"))
        .to_owned();
    wait_healthy(port).await;

    let url = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let me: serde_json::Value = client
        .post(format!("{url}/api/v1/auth/login"))
        .json(&serde_json::json!({"email": "admin@reelhouse.local", "password": password}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["must_change_password"], true, "{me}");
    // Nothing else works until the admin chooses a password.
    let videos = client
        .get(format!("{url}/api/v1/videos"))
        .send()
        .await
        .unwrap();
    assert_eq!(videos.status(), 403);
    let changed = client
        .post(format!("{url}/api/v1/auth/password"))
        .json(&serde_json::json!({"current_password": password, "new_password": "my own long password"}))
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), 204);
    let videos = client
        .get(format!("{url}/api/v1/videos"))
        .send()
        .await
        .unwrap();
    assert_eq!(videos.status(), 200);
    let me: serde_json::Value = client
        .get(format!("{url}/api/v1/auth/me"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["must_change_password"], false, "{me}");
    // The one-time password is gone.
    let again = reqwest::Client::new()
        .post(format!("{url}/api/v1/auth/login"))
        .json(&serde_json::json!({"email": "admin@reelhouse.local", "password": password}))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 401);

    // The server is the child of `script`, which reports its exit status.
    let server = Command::new("pgrep")
        .args(["-P", &child.id().to_string()])
        .output()
        .unwrap();
    let server: u32 = text(&server.stdout)
        .trim()
        .parse()
        .expect("the server's pid");
    terminate(&mut child, server);
    // A second start does not make another admin.
    let db = reelhouse::app::open_db(&env.config()).await.unwrap();
    let users: i64 = sqlx::query_scalar("select count(*) from users")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(users, 1);
}

#[tokio::test]
async fn an_operator_sets_an_organisations_own_quotas() {
    let env = TestEnv::new().await;
    let created = run(
        &env,
        &[
            "admin",
            "create-user",
            "--email",
            "a@acme.test",
            "--name",
            "A",
            "--role",
            "admin",
            "--org",
            "acme",
        ],
    );
    assert!(created.status.success(), "{}", text(&created.stderr));
    let set = run(
        &env,
        &[
            "admin",
            "set-quota",
            "--org",
            "acme",
            "--bytes",
            "0",
            "--person-bytes",
            "5000000",
        ],
    );
    assert!(set.status.success(), "{}", text(&set.stderr));
    assert!(
        text(&set.stdout).contains("organisation unlimited, each person 5000000 bytes"),
        "{}",
        text(&set.stdout)
    );
    let db = reelhouse::app::open_db(&env.config()).await.unwrap();
    let org = reelhouse::db::orgs::get_or_create(db.pool(), "acme", "acme")
        .await
        .unwrap();
    assert_eq!(
        reelhouse::db::usage::own_quotas(db.pool(), &org.id)
            .await
            .unwrap(),
        (Some(0), Some(5_000_000))
    );
    let unknown = run(
        &env,
        &["admin", "set-quota", "--org", "nope", "--bytes", "1"],
    );
    assert!(!unknown.status.success());
    assert!(text(&unknown.stderr).contains("no organisation nope"));
}

#[tokio::test]
async fn a_generated_password_is_one_time_and_set_password_replaces_it() {
    let env = TestEnv::new().await;
    let created = run(
        &env,
        &[
            "admin",
            "create-user",
            "--email",
            "ops@acme.test",
            "--name",
            "Ops",
            "--role",
            "admin",
        ],
    );
    assert!(created.status.success(), "{}", text(&created.stderr));
    let printed = text(&created.stdout);
    let one_time = printed
        .split("first sign-in): ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no one-time password in {printed:?}"))
        .to_owned();
    let db = reelhouse::app::open_db(&env.config()).await.unwrap();
    let user = reelhouse::db::users::by_email(db.pool(), "ops@acme.test")
        .await
        .unwrap()
        .unwrap();
    assert!(
        user.must_change_password,
        "a generated password must be replaced"
    );
    let session = reelhouse::db::sessions::create(db.pool(), &user)
        .await
        .unwrap();

    let mut child = reelhouse(&env)
        .args([
            "admin",
            "set-password",
            "--email",
            "ops@acme.test",
            "--password-stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"chosen by the operator\n")
        .unwrap();
    assert!(child.wait().unwrap().success());
    let user = reelhouse::db::users::by_email(db.pool(), "ops@acme.test")
        .await
        .unwrap()
        .unwrap();
    assert!(!user.must_change_password);
    let hash = reelhouse::db::users::password_hash(db.pool(), &user.id)
        .await
        .unwrap()
        .unwrap();
    let verify =
        |password: &str| reelhouse::auth::password::verify(password.to_owned(), hash.clone());
    assert!(verify("chosen by the operator").await.unwrap());
    assert!(!verify(&one_time).await.unwrap());
    let still = reelhouse::db::sessions::identity_by_session(db.pool(), &session)
        .await
        .unwrap();
    assert!(still.is_none(), "the person's sessions end");
}

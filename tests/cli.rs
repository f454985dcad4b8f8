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

#[tokio::test]
async fn serve_from_scratch_prints_a_login_and_stops_on_sigterm() {
    let mut env = TestEnv::new().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    env.vars
        .insert("REELHOUSE_BIND".into(), format!("127.0.0.1:{port}"));
    let mut child = reelhouse(&env)
        .arg("serve")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut printed = String::new();
    while !printed.contains("password") {
        let mut line = String::new();
        if stdout.read_line(&mut line).unwrap() == 0 {
            break;
        }
        printed.push_str(&line);
    }
    assert!(
        printed.contains("sign in at") && printed.contains("admin@reelhouse.local"),
        "{printed}"
    );
    let password = printed
        .split("with password ")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap();

    let health = format!("http://127.0.0.1:{port}/healthz");
    let started = Instant::now();
    let response = loop {
        match reqwest::get(&health).await {
            Ok(response) => break response,
            Err(_) if started.elapsed() < Duration::from_secs(20) => {
                tokio::time::sleep(Duration::from_millis(100)).await
            }
            Err(err) => panic!("the server did not answer: {err}"),
        }
    };
    assert_eq!(response.status(), 200);

    // The printed password is the admin's.
    let db = reelhouse::app::open_db(&env.config()).await.unwrap();
    let hash: String = sqlx::query_scalar("select password_hash from users where email = $1")
        .bind("admin@reelhouse.local")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert!(
        reelhouse::auth::password::verify(password.to_owned(), hash)
            .await
            .unwrap()
    );

    // SIGTERM: the server finishes and exits cleanly.
    let pid = child.id().to_string();
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

    // A second start does not make another admin.
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

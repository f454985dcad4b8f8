//! Moving from one box to the cluster: an installation on SQLite and local files, filled through
//! the API (a transcoded video, a handout, an external resource, a playlist, progress, branding
//! with a logo), is moved with `reelhouse migrate-data` to PostgreSQL and S3; `serve` on the
//! target finds everything present, searchable and playable; the source is untouched; a second
//! run copies nothing and verifies again.
//!
//! It always moves to PostgreSQL and S3 (`make test` starts both for either half of the suite).

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use common::{ServerProcess, TestApp, TestEnv};
use reelhouse::db::users::Role;
use reqwest::Method;
use serde_json::{Value, json};

/// Every table's rows and every object's size in a SQLite + files installation.
async fn snapshot(app: &TestApp) -> (BTreeMap<String, i64>, BTreeMap<String, u64>) {
    let pool = app.state.db.pool();
    let tables: Vec<String> = sqlx::query_scalar(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut rows = BTreeMap::new();
    for table in tables {
        let count: i64 = sqlx::query_scalar(&format!("select count(*) from \"{table}\""))
            .fetch_one(pool)
            .await
            .unwrap();
        rows.insert(table, count);
    }
    let objects = app
        .state
        .store
        .list("")
        .await
        .unwrap()
        .into_iter()
        .map(|o| (o.key, o.size))
        .collect();
    (rows, objects)
}

async fn bytes(client: &reqwest::Client, url: &str, token: &str) -> Vec<u8> {
    let response = client.get(url).bearer_auth(token).send().await.unwrap();
    assert_eq!(response.status(), 200, "{url}");
    response.bytes().await.unwrap().to_vec()
}

#[tokio::test]
async fn an_installation_moves_from_sqlite_and_files_to_postgresql_and_s3() {
    // The one box: SQLite and local files, whatever the suite's half.
    let mut source_env = TestEnv::new().await;
    source_env.vars.remove("REELHOUSE_DATABASE_URL");
    source_env.vars.remove("REELHOUSE_STORAGE");
    let source_vars = source_env.vars.clone();
    let app = TestApp::spawn_with(source_env).await;
    app.start_workers(1);
    let admin = app.person("acme", "boss@acme.test", Role::Admin).await;
    let trainer = app.person("acme", "tess@acme.test", Role::Trainer).await;

    let clip = app.env.dir.path().join("forklift.mp4");
    common::ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=320x180:rate=25:duration=3",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=330:duration=3",
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
        &clip,
    );
    let video = app.upload_video(&trainer, &clip).await;
    app.wait_ready(&trainer, &video, Duration::from_secs(60))
        .await;
    let handout_text = b"Check the forks, the mast and the horn before every shift.\n".to_vec();
    let (_, handout) = app
        .post_form(
            &trainer,
            &format!("/api/v1/videos/{video}/handouts"),
            common::file_form("checklist.txt", handout_text.clone()),
        )
        .await;
    let captions = common::file_form(
        "en.vtt",
        b"00:00:01.000 --> 00:00:02.000\nMind the pallet jack\n".to_vec(),
    )
    .text("language", "en");
    let (status, _) = app
        .post_form(
            &trainer,
            &format!("/api/v1/videos/{video}/captions"),
            captions,
        )
        .await;
    assert_eq!(status, 201);
    let (status, resource) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/resources",
            Some(
                json!({"title": "Warehouse map", "url": "https://example.com/map",
                "description": "Where the loading bays are", "tags": ["orientation"]}),
            ),
        )
        .await;
    assert_eq!(status, 201, "{resource}");
    let (_, playlist) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/playlists",
            Some(json!({"title": "Week one"})),
        )
        .await;
    let playlist_id = playlist["id"].as_str().unwrap().to_owned();
    for (kind, id) in [
        ("video", video.as_str()),
        ("resource", resource["id"].as_str().unwrap()),
    ] {
        let (status, body) = app
            .call(
                &trainer,
                Method::POST,
                &format!("/api/v1/playlists/{playlist_id}/items"),
                Some(json!({"kind": kind, "item_id": id})),
            )
            .await;
        assert!(status < 300, "{body}");
    }
    let (status, body) = app
        .call(
            &trainer,
            Method::POST,
            &format!("/api/v1/videos/{video}/progress"),
            Some(json!({"intervals": [[0.0, 1.5]], "position_s": 1.5})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    // A discussion: a comment and a reply to it (a row referring to another of its table).
    let resource_id = resource["id"].as_str().unwrap().to_owned();
    let mut parent = Value::Null;
    for body in ["Bay 4 moved", "Thanks, updated"] {
        let (status, comment) = app
            .call(
                &trainer,
                Method::POST,
                "/api/v1/comments",
                Some(
                    json!({"target": "resource", "target_id": resource_id, "body": body,
                            "parent_id": parent}),
                ),
            )
            .await;
        assert_eq!(status, 201, "{comment}");
        parent = comment["id"].clone();
    }
    let logo =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pixel.png"))
            .unwrap();
    let response = app
        .client
        .put(app.at("/api/v1/branding/logo"))
        .bearer_auth(&admin.token)
        .header("content-type", "image/png")
        .body(logo)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let (status, _) = app
        .call(
            &admin,
            Method::PUT,
            "/api/v1/branding",
            Some(json!({"name": "Acme Logistics"})),
        )
        .await;
    assert_eq!(status, 200);
    // Managers that refer to each other (rows of one table in both directions), and a quiz
    // passed on an attempt (rows that refer to rows of several new tables).
    for (person, manager) in [(&admin, &trainer), (&trainer, &admin)] {
        let (status, _) = app
            .call(
                &admin,
                Method::PATCH,
                &format!("/api/v1/users/{}", person.user.id),
                Some(json!({"manager_id": manager.user.id})),
            )
            .await;
        assert_eq!(status, 200);
    }
    let (status, quiz) = app
        .call(&trainer, Method::POST, "/api/v1/quizzes", Some(json!({
            "title": "Forks", "pass_percent": 100,
            "questions": [{"kind": "true_false", "prompt": "Check the forks?", "key": {"truth": true}}],
        })))
        .await;
    assert_eq!(status, 201, "{quiz}");
    let quiz_id = quiz["id"].as_str().unwrap().to_owned();
    let (_, attempt) = app
        .call(
            &trainer,
            Method::POST,
            &format!("/api/v1/quizzes/{quiz_id}/attempts"),
            None,
        )
        .await;
    let attempt_id = attempt["id"].as_str().unwrap();
    let question_id = quiz["questions"][0]["id"].as_str().unwrap();
    app.call(
        &trainer,
        Method::PUT,
        &format!("/api/v1/quiz-attempts/{attempt_id}/answers/{question_id}"),
        Some(json!({"truth": true})),
    )
    .await;
    let (_, submitted) = app
        .call(
            &trainer,
            Method::POST,
            &format!("/api/v1/quiz-attempts/{attempt_id}/submit"),
            None,
        )
        .await;
    assert_eq!(submitted["status"], "passed");
    let before = snapshot(&app).await;

    // The move.
    let mut target_env = TestEnv::new().await;
    common::use_postgres_and_s3(&mut target_env.vars).await;
    let target_db = target_env.vars["REELHOUSE_DATABASE_URL"].clone();
    let target_store = target_env.vars["REELHOUSE_STORAGE"].clone();
    let migrate = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_reelhouse"))
            .envs(&source_vars)
            .env("RUST_LOG", "warn")
            .args([
                "migrate-data",
                "--to-database",
                &target_db,
                "--to-storage",
                &target_store,
            ])
            .output()
            .unwrap()
    };
    let moved = migrate();
    let said = String::from_utf8_lossy(&moved.stdout).into_owned();
    assert!(
        moved.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&moved.stderr)
    );
    assert!(said.contains("the target matches"), "{said}");
    assert_eq!(snapshot(&app).await, before, "the source is untouched");
    // Again: nothing left to copy, and the target still matches.
    let again = migrate();
    let said_again = String::from_utf8_lossy(&again.stdout).into_owned();
    assert!(again.status.success(), "{said_again}");
    assert!(said_again.contains("objects: 0 copied"), "{said_again}");

    // serve on the target: everything is there, searchable and playable.
    let server = ServerProcess::start(&target_env).await;
    let origin = format!("http://{}", server.addr);
    let client = reqwest::Client::new();
    let get = |path: String| {
        let (client, token) = (client.clone(), trainer.token.clone());
        let url = format!("{origin}{path}");
        async move {
            let response = client.get(&url).bearer_auth(token).send().await.unwrap();
            assert_eq!(response.status(), 200, "{url}");
            response.json::<Value>().await.unwrap()
        }
    };
    let view = get(format!("/api/v1/videos/{video}")).await;
    assert_eq!(view["status"], "ready", "{view}");
    // The master playlist, a media playlist and its first segment, byte for byte as before.
    let master_url = format!("{origin}{}", view["hls_url"].as_str().unwrap());
    let master = String::from_utf8(bytes(&client, &master_url, &trainer.token).await).unwrap();
    let media = master
        .lines()
        .find(|l| !l.starts_with('#') && !l.is_empty())
        .unwrap();
    let media_url = master_url.replace("master.m3u8", media);
    let playlist_text =
        String::from_utf8(bytes(&client, &media_url, &trainer.token).await).unwrap();
    let segment = playlist_text
        .lines()
        .find(|l| l.ends_with(".m4s"))
        .expect("a segment");
    let segment_url = media_url.replace("index.m3u8", segment);
    let moved_segment = bytes(&client, &segment_url, &trainer.token).await;
    let original_segment = bytes(
        &client,
        &app.at(&segment_url.replace(&origin, "")),
        &trainer.token,
    )
    .await;
    assert!(
        moved_segment == original_segment,
        "the segment moved intact"
    );
    let handout_id = handout["id"].as_str().unwrap();
    let downloaded = bytes(
        &client,
        &format!("{origin}/api/v1/handouts/{handout_id}/download"),
        &trainer.token,
    )
    .await;
    assert_eq!(downloaded, handout_text);
    let found = get("/api/v1/library?q=loading".into()).await;
    assert!(
        found["items"].to_string().contains("Warehouse map"),
        "the library is searchable: {found}"
    );
    // Captions moved with their cues: searched, and named in the master playlist.
    let found = get("/api/v1/library?q=pallet".into()).await;
    assert_eq!(found["items"][0]["at_s"], 1.0, "{found}");
    assert!(master.contains("TYPE=SUBTITLES"), "{master}");
    let moved_playlist = get(format!("/api/v1/playlists/{playlist_id}")).await;
    assert_eq!(
        moved_playlist["items"].as_array().unwrap().len(),
        2,
        "{moved_playlist}"
    );
    let progress = get(format!("/api/v1/videos/{video}/progress")).await;
    assert_eq!(progress["position_s"], 1.5, "{progress}");
    let thread = get(format!(
        "/api/v1/comments?target=resource&target_id={resource_id}"
    ))
    .await;
    assert_eq!(
        thread["items"][1]["parent_id"], thread["items"][0]["id"],
        "{thread}"
    );
    assert_eq!(thread["items"][1]["body"], "Thanks, updated");
    let branding = get("/api/v1/branding".into()).await;
    assert_eq!(branding["name"], "Acme Logistics");
    let quiz = get(format!("/api/v1/quizzes/{quiz_id}")).await;
    assert!(!quiz["passed_at"].is_null(), "{quiz}");
    let people = get("/api/v1/users".into()).await;
    let managers: Vec<(&str, &str)> = people
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["email"].as_str().unwrap(),
                p["manager_id"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        managers,
        [
            ("boss@acme.test", trainer.user.id.as_str()),
            ("tess@acme.test", admin.user.id.as_str())
        ]
    );
    let logo_url = format!("{origin}{}", branding["logo_url"].as_str().unwrap());
    assert!(!bytes(&client, &logo_url, &trainer.token).await.is_empty());
    // A password still signs in.
    let login = client
        .post(format!("{origin}/api/v1/auth/login"))
        .json(&json!({"email": "tess@acme.test", "password": trainer.password}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
}

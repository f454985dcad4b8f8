//! The web app in a real browser (Debian's Chromium) at a phone's size, against the real server:
//! the sign-in page wears the organisation's branding and lands on the home page; a new hire
//! follows a branded playlist whose items unlock as they are done; a trainer builds a playlist;
//! an admin sets the organisation's look and settings.
//! The scripts are in tests/node. Needs web/dist (built by `make test` before the Rust tests).

mod common;

use std::path::Path;

use common::TestApp;
use reelhouse::db::users::Role;
use serde_json::{Value, json};

/// The app serving the built web app (web/dist, which `make test` builds first).
async fn web_app() -> TestApp {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("web/dist");
    assert!(
        dist.join("index.html").exists(),
        "build the web app first (make test does): {}",
        dist.display()
    );
    let mut env = common::TestEnv::new().await;
    env.vars
        .insert("REELHOUSE_WEB_DIR".into(), dist.display().to_string());
    TestApp::spawn_with(env).await
}

/// Runs a browser script of tests/node with the app's URL, `args` and a screenshot folder, and
/// returns the JSON line it prints; fails with its output when it fails.
async fn browse(app: &TestApp, script: &str, args: &[&str]) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/node")
        .join(script);
    let output = tokio::process::Command::new("node")
        .arg(script)
        .arg(&app.url)
        .args(args)
        .arg(app.env.dir.path())
        .output()
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_str(stdout.trim()).unwrap()
}

#[tokio::test]
async fn a_new_hire_signs_in_on_a_phone() {
    let app = web_app().await;
    // The default organisation's look, as the sign-in page shows it before anyone signs in.
    let admin = app.person("default", "admin@acme.test", Role::Admin).await;
    let response = app
        .client
        .put(app.at("/api/v1/branding"))
        .bearer_auth(&admin.token)
        .json(&json!({ "name": "Acme Training", "primary_color": "#1a4d8f", "welcome_message": "Welcome aboard, new colleague!" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let hire = app.person("default", "nia@acme.test", Role::Member).await;

    let seen = browse(&app, "web-signin.mjs", &["nia@acme.test", &hire.password]).await;
    assert_eq!(seen["primary"], "#1a4d8f", "{seen}");
    assert!(
        seen["welcome"]
            .as_str()
            .unwrap()
            .contains("Welcome aboard, new colleague!"),
        "{seen}"
    );
    assert!(
        seen["heading"].as_str().unwrap().starts_with("Hi, "),
        "{seen}"
    );
    assert!(
        seen["onboarding"]
            .as_str()
            .unwrap()
            .contains("Nothing is assigned to you"),
        "{seen}"
    );
    assert!(app.env.dir.path().join("home.png").exists());
    // To look at what the phone showed: REELHOUSE_TEST_SHOTS=/some/dir cargo test --test web
    if let Ok(keep) = std::env::var("REELHOUSE_TEST_SHOTS") {
        for shot in ["signin.png", "home.png"] {
            std::fs::copy(app.env.dir.path().join(shot), Path::new(&keep).join(shot)).unwrap();
        }
    }
}

#[tokio::test]
async fn a_new_hire_follows_a_branded_playlist_on_a_phone() {
    let app = web_app().await;
    let admin = app.person("acme", "admin@acme.test", Role::Admin).await;
    let trainer = app.person("acme", "trainer@acme.test", Role::Trainer).await;
    let hire = app.person("acme", "nia@acme.test", Role::Member).await;
    let put_picture = |path: &'static str, token: String, bytes: &'static [u8]| {
        let request = app
            .client
            .put(app.at(path))
            .bearer_auth(token)
            .header("content-type", "image/png")
            .body(bytes);
        async move { request.send().await.unwrap().status() }
    };
    let logo = include_bytes!("fixtures/pixel.png");
    assert_eq!(
        put_picture("/api/v1/branding/logo", admin.token.clone(), logo).await,
        200
    );

    // A sequential playlist: an external guide first, then a (ready) video.
    let call = |method: reqwest::Method, path: String, body: Value| {
        let request = app
            .client
            .request(method, app.at(&path))
            .bearer_auth(&trainer.token)
            .json(&body);
        async move {
            let response = request.send().await.unwrap();
            assert!(
                response.status().is_success(),
                "{path}: {}",
                response.status()
            );
            response.json::<Value>().await.unwrap()
        }
    };
    let resource = call(
        reqwest::Method::POST,
        "/api/v1/resources".into(),
        json!({ "title": "The picking guide", "url": "https://example.com/guide" }),
    )
    .await;
    let pool = app.state.db.pool();
    let video = reelhouse::db::videos::create_queued(
        pool,
        &trainer.user.org_id,
        &trainer.user.id,
        "Picking",
        "uploads/x/source",
    )
    .await
    .unwrap();
    reelhouse::db::videos::set_ready(pool, &video, 60_000, 320, 180)
        .await
        .unwrap();
    let playlist = call(reqwest::Method::POST, "/api/v1/playlists".into(),
        json!({ "title": "Your first day", "intro": "Welcome!\n\nStart with the guide.", "sequential": true, "published": true })).await;
    let id = playlist["id"].as_str().unwrap().to_owned();
    for (kind, item) in [
        ("resource", resource["id"].as_str().unwrap()),
        ("video", video.as_str()),
    ] {
        call(
            reqwest::Method::POST,
            format!("/api/v1/playlists/{id}/items"),
            json!({ "kind": kind, "item_id": item }),
        )
        .await;
    }
    let cover = app
        .client
        .put(app.at(&format!("/api/v1/playlists/{id}/cover")))
        .bearer_auth(&trainer.token)
        .header("content-type", "image/png")
        .body(logo.as_slice())
        .send()
        .await
        .unwrap();
    assert_eq!(cover.status(), 200);
    call(
        reqwest::Method::POST,
        format!("/api/v1/playlists/{id}/assignments"),
        json!({ "user_ids": [hire.user.id] }),
    )
    .await;

    let seen = browse(
        &app,
        "web-playlist.mjs",
        &["nia@acme.test", &hire.password, &id],
    )
    .await;
    assert_eq!(seen["logo"], true, "{seen}");
    assert_eq!(seen["cover"], true, "{seen}");
    assert_eq!(seen["intro"], json!(["Welcome!", "Start with the guide."]));
    assert_eq!(seen["before"], json!(["todo", "locked"]));
    assert_eq!(seen["after"], json!(["done", "todo"]));
    assert_eq!(seen["opened"], "https://example.com/guide");
    // The server agrees: the guide counts as done for the hire.
    let mine = reelhouse::db::assignments::for_user(pool, &hire.user.org_id, &hire.user.id)
        .await
        .unwrap();
    assert_eq!((mine[0].items_completed, mine[0].items_total), (1, 2));
    if let Ok(keep) = std::env::var("REELHOUSE_TEST_SHOTS") {
        for shot in ["playlist.png", "playlist-after.png"] {
            std::fs::copy(app.env.dir.path().join(shot), Path::new(&keep).join(shot)).unwrap();
        }
    }
}

#[tokio::test]
async fn a_trainer_builds_a_playlist_on_a_phone() {
    let app = web_app().await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    for title in ["Alpha guide", "Beta guide"] {
        let (status, _) = app
            .call(
                &trainer,
                reqwest::Method::POST,
                "/api/v1/resources",
                Some(json!({ "title": title, "url": "https://example.com/guide" })),
            )
            .await;
        assert_eq!(status, 201);
    }
    let seen = browse(&app, "web-trainer.mjs", &["t@acme.test", &trainer.password]).await;
    assert_eq!(
        seen["titles"],
        json!(["Alpha guide", "Beta guide"]),
        "{seen}"
    );
    assert_eq!(seen["published"], true);
    // What the browser built is what the server holds.
    let id = seen["playlist_id"].as_str().unwrap();
    let (_, view) = app
        .call(
            &trainer,
            reqwest::Method::GET,
            &format!("/api/v1/playlists/{id}"),
            None,
        )
        .await;
    assert_eq!(view["title"], "Week one");
    assert_eq!(view["published"], true);
    let titles: Vec<&str> = view["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Alpha guide", "Beta guide"]);
}

#[tokio::test]
async fn an_admin_brands_the_organisation_on_a_phone() {
    let app = web_app().await;
    let admin = app.person("acme", "a@acme.test", Role::Admin).await;
    let logo = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pixel.png");
    let seen = browse(
        &app,
        "web-admin.mjs",
        &["a@acme.test", &admin.password, logo.to_str().unwrap()],
    )
    .await;
    assert!(
        seen["too_light_message"]
            .as_str()
            .unwrap()
            .contains("too light"),
        "the server's reason is on the page: {seen}"
    );
    assert_eq!(seen["css_primary"], "#1a4d8f", "{seen}");
    assert_eq!(seen["logo_loaded"], true);
    // What the browser set is what the server holds.
    let (_, branding) = app
        .call(&admin, reqwest::Method::GET, "/api/v1/branding", None)
        .await;
    assert_eq!(branding["name"], "Acme Logistics");
    assert_eq!(branding["primary_color"], "#1a4d8f");
    assert_eq!(branding["welcome_message"], "Welcome to Acme");
    assert!(branding["logo_url"].is_string());
    let (_, settings) = app
        .call(&admin, reqwest::Method::GET, "/api/v1/org/settings", None)
        .await;
    assert_eq!(settings["review_uploads"], true);
}

#[tokio::test]
async fn everyday_flows_from_upload_to_a_partly_watched_playlist_on_a_phone() {
    let mut env = common::TestEnv::new().await;
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("web/dist");
    env.vars
        .insert("REELHOUSE_WEB_DIR".into(), dist.display().to_string());
    env.vars.insert("REELHOUSE_WORKERS".into(), "1".into());
    let app = TestApp::spawn_with(env).await;
    app.start_workers(1);
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let hire = app.person("acme", "nia@acme.test", Role::Member).await;
    let colleague = app.person("acme", "col@acme.test", Role::Member).await;
    // The trainer knows about forklift safety: a search for forklifts should offer them.
    let (status, _) = app
        .call(
            &trainer,
            reqwest::Method::PUT,
            "/api/v1/me/expertise",
            Some(json!({ "tags": ["forklift safety"] })),
        )
        .await;
    assert_eq!(status, 200);

    let dir = app.env.dir.path();
    let clip = dir.join("walkthrough.mp4");
    common::ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=320x180:rate=30:duration=10",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:duration=10",
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            "-shortest",
        ],
        &clip,
    );
    let pdf = dir.join("checklist.pdf");
    std::fs::write(
        &pdf,
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n",
    )
    .unwrap();
    let mistake = dir.join("shift-notes.mp4");
    std::fs::write(&mistake, "Notes from the shift, not a video.\n".repeat(40)).unwrap();

    let seen = browse(
        &app,
        "web-everyday.mjs",
        &[
            "t@acme.test",
            &trainer.password,
            "nia@acme.test",
            &hire.password,
            clip.to_str().unwrap(),
            pdf.to_str().unwrap(),
            mistake.to_str().unwrap(),
        ],
    )
    .await;
    // a) The video became ready with its poster on the Upload page; the playlist holds three.
    assert_eq!(seen["poster_shown"], true, "{seen}");
    assert_eq!(seen["items"].as_array().unwrap().len(), 3, "{seen}");
    assert_eq!(seen["handout_inline"], true, "{seen}");
    let video_id = seen["video_id"].as_str().unwrap();
    let playlist_id = seen["playlist_id"].as_str().unwrap();
    let (_, playlist) = app
        .call(
            &trainer,
            reqwest::Method::GET,
            &format!("/api/v1/playlists/{playlist_id}"),
            None,
        )
        .await;
    let kinds: Vec<&str> = playlist["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["video", "handout", "resource"], "{playlist}");
    assert_eq!(playlist["published"], true);

    // b) The other device started near the saved position, which is about 40% of 10 s.
    let saved = seen["saved_position"].as_f64().unwrap();
    let resumed = seen["resume_at"].as_f64().unwrap();
    assert!((3.0..=6.0).contains(&saved), "{seen}");
    assert!((resumed - saved).abs() <= 2.0, "{seen}");
    // Home and the report show partial progress, and the server holds it.
    assert!(
        seen["home_progress"].as_str().unwrap().contains('%'),
        "{seen}"
    );
    assert!(
        seen["report_item"]
            .as_str()
            .unwrap()
            .starts_with("Watched "),
        "{seen}"
    );
    let (_, report) = app
        .call(
            &trainer,
            reqwest::Method::GET,
            &format!("/api/v1/playlists/{playlist_id}/report"),
            None,
        )
        .await;
    let line = &report[0];
    assert_eq!(line["email"], "nia@acme.test");
    assert_eq!(line["items"][0]["item_id"], video_id);
    let watched = line["items"][0]["progress"].as_f64().unwrap();
    assert!((0.25..0.9).contains(&watched), "{report}");
    assert_eq!(line["items"][0]["completed"], false);
    // A plural finds the video, and the expert on forklift safety is offered.
    assert!(
        seen["search_titles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "Forklift walkthrough"),
        "{seen}"
    );
    assert!(
        seen["search_experts"].to_string().contains("t@acme.test"),
        "{seen}"
    );

    // c) The file uploaded by mistake failed with a sentence, was never in anyone's library,
    // and is gone.
    let sentence = seen["failed_sentence"].as_str().unwrap();
    assert!(sentence.ends_with('.') && sentence.len() > 30, "{seen}");
    assert_eq!(seen["failed_in_trainer_search"], false);
    assert_eq!(seen["deleted"], true);
    let failed_id = seen["failed_video_id"].as_str().unwrap();
    let (_, page) = app
        .call(
            &colleague,
            reqwest::Method::GET,
            "/api/v1/library?q=shift",
            None,
        )
        .await;
    assert!(!page.to_string().contains(failed_id), "{page}");
    assert!(dir.join("everyday-upload-failed.png").exists());
}

#[tokio::test]
async fn a_person_changes_their_password_and_tokens_and_uses_a_reset_link_on_a_phone() {
    let app = web_app().await;
    let admin = app.person("acme", "boss@acme.test", Role::Admin).await;
    let dana = app.person("acme", "dana@acme.test", Role::Member).await;
    let elsewhere = app.signed_in("dana@acme.test", &dana.password).await;

    let seen = browse(
        &app,
        "web-account.mjs",
        &[
            "account",
            "dana@acme.test",
            &dana.password,
            "changed in the browser",
        ],
    )
    .await;
    assert!(
        seen["wrong_current"]
            .as_str()
            .unwrap()
            .contains("current password is wrong"),
        "the server's reason is on the page: {seen}"
    );
    assert!(
        seen["changed"]
            .as_str()
            .unwrap()
            .contains("Password changed"),
        "{seen}"
    );
    assert!(
        seen["token_item"].as_str().unwrap().contains("expires"),
        "{seen}"
    );
    assert_eq!(seen["laptop_gone"], true, "{seen}");
    assert_eq!(seen["problems"], json!([]), "{seen}");
    // The server agrees: the new password works, the old one and the other session do not, and
    // the token made and revoked in the browser is refused.
    let login = |password: String| {
        let client = reqwest::Client::new();
        let url = app.at("/api/v1/auth/login");
        async move {
            client
                .post(url)
                .json(&json!({ "email": "dana@acme.test", "password": password }))
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(login("changed in the browser".into()).await, 200);
    assert_eq!(login(dana.password.clone()).await, 401);
    let me = elsewhere
        .get(app.at("/api/v1/auth/me"))
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 401, "other sessions end");
    let token = seen["token"].as_str().unwrap();
    assert!(token.starts_with("rh_"), "{seen}");
    let with_token = app
        .client
        .get(app.at("/api/v1/auth/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(with_token.status(), 401, "the revoked token is refused");

    // An admin's reset link, opened on the phone: it signs in once.
    let (status, link) = app
        .call(
            &admin,
            reqwest::Method::POST,
            &format!("/api/v1/users/{}/password-reset", dana.user.id),
            None,
        )
        .await;
    assert_eq!(status, 201, "{link}");
    let reset_token = link["url"]
        .as_str()
        .unwrap()
        .split("token=")
        .nth(1)
        .unwrap();
    let url = app.at(&format!("/reset?token={reset_token}"));
    let seen = browse(
        &app,
        "web-account.mjs",
        &["reset", &url, "reset on the phone"],
    )
    .await;
    assert!(
        seen["heading"].as_str().unwrap().starts_with("Hi"),
        "{seen}"
    );
    assert!(
        seen["second_use"]
            .as_str()
            .unwrap()
            .contains("not valid any more"),
        "{seen}"
    );
    assert_eq!(login("reset on the phone".into()).await, 200);
    assert_eq!(login("changed in the browser".into()).await, 401);
}

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

/// The app serving the built web app (web/dist, which `make test` builds first), with
/// `workers` embedded transcode workers.
async fn web_app_with(workers: usize) -> TestApp {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("web/dist");
    assert!(
        dist.join("index.html").exists(),
        "build the web app first (make test does): {}",
        dist.display()
    );
    let mut env = common::TestEnv::new().await;
    env.vars
        .insert("REELHOUSE_WEB_DIR".into(), dist.display().to_string());
    env.vars
        .insert("REELHOUSE_WORKERS".into(), workers.to_string());
    let app = TestApp::spawn_with(env).await;
    if workers > 0 {
        app.start_workers(workers);
    }
    app
}

/// The app serving the built web app, without transcode workers.
async fn web_app() -> TestApp {
    web_app_with(0).await
}

/// Runs a browser script of tests/node with the app's URL, `args` and a screenshot folder, and
/// returns the JSON line it prints; fails with its output when it fails.
async fn browse(app: &TestApp, script: &str, args: &[&str]) -> Value {
    browse_keeping_shots(app, script, args, app.env.dir.path()).await
}

/// Like `browse`, with the screenshots going to `shots` (see `screenshot_dir`).
async fn browse_keeping_shots(app: &TestApp, script: &str, args: &[&str], shots: &Path) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/node")
        .join(script);
    let output = tokio::process::Command::new("node")
        .arg(script)
        .arg(&app.url)
        .args(args)
        .arg(shots)
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
    // A colour too light for white text is not refused: the preview puts black text on it.
    assert!(
        seen["light_preview"]
            .as_str()
            .unwrap()
            .contains("text on it is black"),
        "the preview says how the light colour is made readable: {seen}"
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
    let app = web_app_with(1).await;
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

/// Where a test keeps its screenshots after the run: `REELHOUSE_TEST_SHOTS` when set, else
/// target/screenshots/<test> in the repository (ignored by git).
fn screenshot_dir(test: &str) -> std::path::PathBuf {
    let dir = match std::env::var_os("REELHOUSE_TEST_SHOTS").filter(|d| !d.is_empty()) {
        Some(dir) => std::path::PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("target/screenshots")
            .join(test),
    };
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Issue 16: every screen, on a phone and on a laptop, passes axe-core's WCAG 2 A/AA rules (no
/// serious or critical violation), shows where the keyboard focus is and keeps it clear of the
/// app bars, fits a 320 px wide phone without sideways scrolling, and is photographed at both
/// sizes (into `screenshot_dir`).
#[tokio::test]
async fn every_screen_passes_axe_and_fits_a_320_px_phone() {
    let app = web_app_with(1).await;
    let admin = app.person("acme", "boss@acme.test", Role::Admin).await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let member = app.person("acme", "nia@acme.test", Role::Member).await;
    let clip = app.env.dir.path().join("walkthrough.mp4");
    common::ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=320x180:rate=30:duration=8",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:duration=8",
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
    let shots = screenshot_dir("every_screen_passes_axe_and_fits_a_320_px_phone");

    let seen = browse_keeping_shots(
        &app,
        "web-a11y.mjs",
        &[
            "boss@acme.test",
            &admin.password,
            "t@acme.test",
            &trainer.password,
            "nia@acme.test",
            &member.password,
            clip.to_str().unwrap(),
        ],
        &shots,
    )
    .await;
    assert_eq!(seen["violations"], json!([]), "{seen}");
    assert_eq!(seen["overflow"], json!([]), "{seen}");
    assert_eq!(seen["focus"], json!([]), "{seen}");
    assert_eq!(seen["problems"], json!([]), "{seen}");
    // Every screen's API calls worked, and every screen the script knows exists in this build.
    assert_eq!(seen["http_errors"], json!([]), "{seen}");
    assert_eq!(seen["skipped"], json!([]), "{seen}");
    assert_eq!(seen["setup_skipped"], json!([]), "{seen}");
    let pages: Vec<&str> = seen["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for screen in [
        "signin",
        "home",
        "library-search",
        "video",
        "upload",
        "playlist",
        "playlist-editor",
        "playlist-report",
        "people",
        "person-report",
        "invitations",
        "reviews",
        "organisation",
        "practice",
        "attempt",
        "attempt-reviewer",
        "inbox",
        "notification-settings",
        "handout-page",
        "resource-page",
        "unsubscribe",
    ] {
        assert!(pages.contains(&screen), "{screen} was not checked: {seen}");
        for size in ["phone", "desktop"] {
            let shot = shots.join(format!("{screen}-{size}.png"));
            assert!(shot.exists(), "no screenshot {}", shot.display());
        }
    }
}

/// Issue 16: an upload of several chunks survives a network cut (the page says it retries, not
/// that it failed) and a reload (choosing the same file again continues where the server
/// stopped, not from the start), and the original comes back byte for byte.
#[tokio::test]
async fn an_upload_resumes_after_a_network_cut_and_a_reload_on_a_phone() {
    let app = web_app().await;
    let admin = app.person("acme", "boss@acme.test", Role::Admin).await;
    let member = app.person("acme", "nia@acme.test", Role::Member).await;
    // Three of the uploader's 8 MiB chunks (web/src/uploader.ts): about 23 MB of constant bitrate.
    let file = app.env.dir.path().join("long-walkthrough.mp4");
    common::ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=640x360:rate=30:duration=8",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:duration=8",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-b:v",
            "24M",
            "-minrate",
            "24M",
            "-maxrate",
            "24M",
            "-bufsize",
            "24M",
            "-x264-params",
            "nal-hrd=cbr",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            "-shortest",
        ],
        &file,
    );
    let size = std::fs::metadata(&file).unwrap().len();
    const CHUNK: u64 = 8 * 1024 * 1024;
    assert!(size > 2 * CHUNK, "the file spans three chunks: {size}");
    let shots = screenshot_dir("an_upload_resumes_after_a_network_cut_and_a_reload_on_a_phone");

    let seen = browse_keeping_shots(
        &app,
        "web-upload-resume.mjs",
        &[
            "nia@acme.test",
            &member.password,
            "boss@acme.test",
            &admin.password,
            file.to_str().unwrap(),
        ],
        &shots,
    )
    .await;
    // While the network was gone the page said it was retrying, without an error.
    assert!(
        seen["retry_text"].as_str().unwrap().contains("Retrying"),
        "{seen}"
    );
    assert_eq!(seen["error_box"], false, "{seen}");
    // After the reload it went on from where the server stopped (two chunks in), not from 0,
    // with the same upload.
    let cut_at = seen["cut_at"].as_u64().unwrap();
    let reload_at = seen["reload_at"].as_u64().unwrap();
    let resumed_from = seen["resumed_from"].as_u64().unwrap();
    assert_eq!(cut_at, CHUNK, "{seen}");
    assert_eq!(reload_at, 2 * CHUNK, "{seen}");
    assert_eq!(resumed_from, reload_at, "{seen}");
    assert_eq!(
        seen["sent_after_reload"].as_u64().unwrap(),
        size - reload_at
    );
    assert_eq!(seen["creations"], 1, "{seen}");
    assert_eq!(seen["resumed_note"], true, "{seen}");
    assert_eq!(seen["violations"], json!([]), "{seen}");
    // The original the server keeps is the file, byte for byte.
    assert_eq!(seen["same"], true, "{seen}");
    assert_eq!(seen["sha256_download"], seen["sha256_file"]);
    let video_id = seen["video_id"].as_str().unwrap();
    let (status, video) = app
        .call(
            &member,
            reqwest::Method::GET,
            &format!("/api/v1/videos/{video_id}"),
            None,
        )
        .await;
    assert_eq!(status, 200, "{video}");
    assert_eq!(video["owner_id"], member.user.id.as_str(), "{video}");
    assert!(shots.join("upload-retrying.png").exists());
}

/// Issue 16: the manage screens, the upload queue and brand colours, on a phone (the key screens
/// also on a laptop and at 320 px): an admin picks yellow and the preview and the app are
/// readable (WCAG AA, computed from the page's styles); withdraws and resends invitations;
/// changes a person's role and deactivates them; a member uploads a clip and a text file at once
/// and sees "Transcoding n%" then ready, and the other failed with the server's sentence; a
/// trainer approves the held clip, changes a due date, removes an assignment and opens a
/// person's report; the admin rotates the signing key and an older playback link stops working.
#[tokio::test]
async fn trainers_and_admins_manage_people_invitations_reviews_uploads_and_colours_on_a_phone() {
    let app = web_app_with(1).await;
    let admin = app.person("acme", "boss@acme.test", Role::Admin).await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let member = app.person("acme", "nia@acme.test", Role::Member).await;
    // 30 s at 640x360: its transcoding takes a few seconds, long enough to see the percentage.
    let clip = app.env.dir.path().join("dock-tour.mp4");
    common::ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=640x360:rate=30:duration=30",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:duration=30",
            "-c:v",
            "libx264",
            "-preset",
            "veryfast",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            "-shortest",
        ],
        &clip,
    );
    let mistake = app.env.dir.path().join("shift-notes.mp4");
    std::fs::write(&mistake, "Notes from the shift, not a video.\n".repeat(40)).unwrap();
    let shots = screenshot_dir(
        "trainers_and_admins_manage_people_invitations_reviews_uploads_and_colours_on_a_phone",
    );

    let seen = browse_keeping_shots(
        &app,
        "web-manage.mjs",
        &[
            "boss@acme.test",
            &admin.password,
            "t@acme.test",
            &trainer.password,
            "nia@acme.test",
            &member.password,
            clip.to_str().unwrap(),
            mistake.to_str().unwrap(),
        ],
        &shots,
    )
    .await;
    assert_eq!(seen["problems"], json!([]), "{seen}");

    // Yellow is taken; the preview and the running app derive readable colours from it.
    let contrast = |group: &str, key: &str| seen[group][key].as_f64().unwrap_or(0.0);
    for (key, min) in [
        ("bar_text", 4.5),
        ("button_text", 4.5),
        ("link", 4.5),
        ("button_edge", 3.0),
        ("bar_fill", 3.0),
    ] {
        assert!(contrast("preview", key) >= min, "preview {key}: {seen}");
    }
    for (key, min) in [
        ("bar_text", 4.5),
        ("button_text", 4.5),
        ("link", 4.5),
        ("current_nav", 4.5),
        ("focus_ring", 3.0),
    ] {
        assert!(contrast("app", key) >= min, "app {key}: {seen}");
    }
    let (_, branding) = app
        .call(&admin, reqwest::Method::GET, "/api/v1/branding", None)
        .await;
    assert_eq!(branding["primary_color"], "#ffff00", "{branding}");

    // Invitations: one withdrawn, the other resent with a new link that works.
    let (_, open) = app
        .call(&admin, reqwest::Method::GET, "/api/v1/invitations", None)
        .await;
    let emails: Vec<&str> = open
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["email"].as_str().unwrap())
        .collect();
    assert!(
        !emails.contains(&seen["withdraw_email"].as_str().unwrap()),
        "{open}"
    );
    assert!(
        emails.contains(&seen["resend_email"].as_str().unwrap()),
        "{open}"
    );
    assert_eq!(seen["new_link_state"], "open", "{seen}");
    assert_ne!(seen["old_link_state"], "open", "{seen}");

    // The person whose role was changed and who was deactivated.
    let (_, people) = app
        .call(&admin, reqwest::Method::GET, "/api/v1/users", None)
        .await;
    let pat = people
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == seen["pat_id"])
        .unwrap();
    assert_eq!(pat["role"], "trainer", "{pat}");
    assert_eq!(pat["active"], false, "{pat}");

    // The upload queue: the clip showed its transcoding percentage and became ready (and was
    // approved from the review queue); the text file failed with the server's sentence.
    let clip_bar = seen["upload_texts"][seen["clip_title"].as_str().unwrap()]["bar"]
        .as_array()
        .unwrap();
    assert!(
        clip_bar.iter().any(|t| {
            let t = t.as_str().unwrap();
            t.starts_with("Transcoding ") && t.ends_with('%')
        }),
        "{seen}"
    );
    assert!(
        !seen["upload_texts"].to_string().contains("Uploading 100%"),
        "{seen}"
    );
    assert_eq!(seen["poster_shown"], true, "{seen}");
    let sentence = seen["failed_sentence"].as_str().unwrap();
    assert!(sentence.ends_with('.') && sentence.len() > 30, "{seen}");
    let video_id = seen["clip_video_id"].as_str().unwrap();
    let (status, video) = app
        .call(
            &trainer,
            reqwest::Method::GET,
            &format!("/api/v1/videos/{video_id}"),
            None,
        )
        .await;
    assert_eq!(status, 200, "{video}");
    assert_eq!(video["status"], "ready", "{video}");
    assert_eq!(
        video["held"], false,
        "approved from the review queue: {video}"
    );
    assert_eq!(video["owner_id"], member.user.id.as_str(), "{video}");

    // Assignments: the member's due date moved to 20 Feb 2031 (the end of that day, in the
    // browser's time zone), the other assignee is gone; the person's report and its CSV.
    let playlist_id = seen["playlist_id"].as_str().unwrap();
    let (_, report) = app
        .call(
            &trainer,
            reqwest::Method::GET,
            &format!("/api/v1/playlists/{playlist_id}/report"),
            None,
        )
        .await;
    let lines = report.as_array().unwrap();
    assert_eq!(lines.len(), 1, "{report}");
    assert_eq!(lines[0]["email"], "nia@acme.test");
    assert_eq!(seen["due_after"], "2031-2-20", "{seen}");
    let due = lines[0]["due_at"].as_i64().unwrap();
    let feb_20_2031_utc = 1_929_312_000_000_i64; // 2031-02-20T00:00:00Z
    assert!(
        (feb_20_2031_utc - 14 * 3_600_000..feb_20_2031_utc + 38 * 3_600_000).contains(&due),
        "{report}"
    );
    assert!(
        seen["person_card"].as_str().unwrap().contains("Week one"),
        "{seen}"
    );
    assert!(seen["person_csv"]["lines"].as_u64().unwrap() >= 2, "{seen}");

    // The signing key was rotated: a playback link made before no longer plays, a new one does.
    assert_eq!(seen["old_link_status"], 401, "{seen}");
    assert_eq!(seen["new_link_status"], 200, "{seen}");
    assert!(
        seen["rotate_question"]
            .as_str()
            .unwrap()
            .contains("stops working"),
        "{seen}"
    );
    assert_eq!(seen["sideways"], json!([]), "{seen}");
    for shot in [
        "manage-branding-preview.png",
        "manage-invitations-resent.png",
        "manage-people-deactivate.png",
        "manage-upload-done.png",
        "manage-reviews.png",
        "manage-report-changed.png",
        "manage-person-report.png",
        "manage-rotate-question.png",
        "manage-organisation-laptop.png",
        "manage-people-320.png",
    ] {
        assert!(shots.join(shot).exists(), "no screenshot {shot}");
    }
}

/// Issue 16, the player page, on a phone (390×844, touch) and on a laptop (1280×800): a trainer
/// adds captions through the video page (a file that is not captions gets the server's sentence;
/// the second time the same language replaces them) and a chapter and a link moment through its
/// moments editor; a member picks a quality rung and the playing rendition changes to it, sees a
/// storyboard thumbnail over the time bar, turns English captions on and sees the cue at its
/// time, clicks a transcript line and playback moves there, sees the link's card only once
/// playback reaches its moment, opens the keyboard shortcuts with "?" and plays and pauses with
/// "k" (laptop); a library search for a word said only in the captions says where and opens the
/// video at that cue. Screenshots of the player at both sizes go to `screenshot_dir`.
#[tokio::test]
async fn the_player_switches_quality_and_shows_captions_transcript_and_moments() {
    let app = web_app_with(1).await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let member = app.person("acme", "nia@acme.test", Role::Member).await;

    // 640×360 so that the ladder has two rungs (240p and 360p) to choose between.
    let dir = app.env.dir.path();
    let clip = dir.join("dock.mp4");
    common::ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=640x360:rate=30:duration=24",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:duration=24",
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
    // "periwinkle" is said at 0:14.5 and written nowhere else.
    let captions = dir.join("dock.en.vtt");
    std::fs::write(
        &captions,
        "WEBVTT\n\n\
         00:00:01.000 --> 00:00:04.000\nWelcome to the loading dock.\n\n\
         00:00:05.000 --> 00:00:08.500\n<v Trainer>Always check the brakes first.\n\n\
         00:00:09.000 --> 00:00:12.000\nThen walk around the forklift.\n\n\
         00:00:14.500 --> 00:00:17.500\nThe periwinkle drill starts at the red line.\n\n\
         00:00:18.000 --> 00:00:22.000\nThank you for watching.\n",
    )
    .unwrap();
    let shots =
        screenshot_dir("the_player_switches_quality_and_shows_captions_transcript_and_moments");

    let seen = browse_keeping_shots(
        &app,
        "web-player.mjs",
        &[
            "t@acme.test",
            &trainer.password,
            "nia@acme.test",
            &member.password,
            clip.to_str().unwrap(),
            captions.to_str().unwrap(),
        ],
        &shots,
    )
    .await;
    assert_eq!(seen["problems"], json!([]), "{seen}");
    for size in ["phone", "laptop"] {
        let at = &seen[size];
        // The trainer's page showed the server's sentence for a file that is not captions.
        assert!(
            at["refused"].as_str().unwrap().contains("captions"),
            "{size}: {seen}"
        );
        // Quality: both rungs offered; the picked one is what plays afterwards.
        let quality = &at["quality"];
        assert_eq!(quality["rungs"], json!(["360p", "240p"]), "{size}: {seen}");
        assert_ne!(quality["before"], quality["after"], "{size}: {seen}");
        assert_eq!(
            format!("{}p", quality["after"]),
            quality["picked"].as_str().unwrap(),
            "{size}: {seen}"
        );
        // A storyboard sprite was shown over the time bar.
        assert!(
            at["thumbnail"]["src"]
                .as_str()
                .unwrap()
                .starts_with("storyboard/sheet_"),
            "{size}: {seen}"
        );
        // The caption at 0:14.5 was the active cue, and the transcript marked it too.
        assert_eq!(at["caption"]["language"], "en", "{size}: {seen}");
        assert!(
            at["caption"]["cue"]
                .as_str()
                .unwrap()
                .contains("periwinkle"),
            "{size}: {seen}"
        );
        assert!(
            at["transcript_current"]
                .as_str()
                .unwrap()
                .contains("periwinkle"),
            "{size}: {seen}"
        );
        // A click on the line at 0:09 moved playback there.
        let moved = at["transcript_seek"]["at"].as_f64().unwrap();
        assert!((moved - 9.0).abs() < 0.6, "{size}: {seen}");
        // The link's card came at its moment (13 s), not before.
        let card = &at["card"];
        assert!(
            card["shown_at"].as_f64().unwrap() >= card["at"].as_f64().unwrap() - 0.5,
            "{size}: {seen}"
        );
        assert!(
            card["text"]
                .as_str()
                .unwrap()
                .contains("Read the dock guide"),
            "{size}: {seen}"
        );
        let chapters = at["chapters"].as_array().unwrap();
        assert_eq!(chapters.len(), 2, "{size}: {seen}");
        assert!(
            chapters[0].as_str().unwrap().contains("Brakes"),
            "{size}: {seen}"
        );
        // The search hit said where the word is said and opened the video there.
        let search = &seen["search"][size];
        assert_eq!(search["where"], "at 0:14 in the captions", "{size}: {seen}");
        assert!(
            search["href"].as_str().unwrap().ends_with("?t=14.5"),
            "{size}: {seen}"
        );
        let started = search["started_at"].as_f64().unwrap();
        assert!((started - 14.5).abs() < 0.5, "{size}: {seen}");
        for shot in [
            format!("player-{size}.png"),
            format!("player-{size}-thumbnail.png"),
            format!("player-{size}-captions.png"),
        ] {
            assert!(shots.join(&shot).exists(), "no screenshot {shot}");
        }
    }
    assert!(
        seen["phone"]["added"]
            .as_str()
            .unwrap()
            .starts_with("Added the English captions"),
        "{seen}"
    );
    assert!(
        seen["laptop"]["added"]
            .as_str()
            .unwrap()
            .starts_with("Replaced the English captions"),
        "{seen}"
    );
    assert_eq!(seen["laptop"]["shortcuts"], true, "{seen}");
    assert_eq!(seen["laptop"]["keys"], true, "{seen}");

    // The server kept one English caption (replaced, not added twice) and the two moments.
    let video_id = seen["video_id"].as_str().unwrap();
    let (status, video) = app
        .call(
            &member,
            reqwest::Method::GET,
            &format!("/api/v1/videos/{video_id}"),
            None,
        )
        .await;
    assert_eq!(status, 200, "{video}");
    let kept: Vec<&str> = video["captions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["language"].as_str().unwrap())
        .collect();
    assert_eq!(kept, ["en"], "{video}");
    assert_eq!(video["captions"][0]["label"], "English", "{video}");
    assert_eq!(video["captions"][0]["cue_count"], 5, "{video}");
    let kinds: Vec<&str> = video["moments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["chapter", "resource"], "{video}");
    assert_eq!(video["moments"][1]["at_s"], 13.0, "{video}");
}

/// Issue 17 on a phone: a trainer adds a practice step with a three-criterion rubric to a
/// sequential playlist; the new hire records an attempt (file input) and asks a peer; the peer
/// and the trainer comment at moments of the recording and score the rubric; the hire sees the
/// comments as marks at those moments of the time bar, replies, sends a second attempt, which
/// the trainer marks done, and the next item unlocks; discussion at a moment of a video, the
/// inbox's unread count, notification settings, and an unsubscribe link that is not valid.
#[tokio::test]
async fn a_new_hire_practises_and_is_reviewed_on_a_phone() {
    let app = web_app_with(1).await;
    let trainer = app.person("acme", "tess@acme.test", Role::Trainer).await;
    let hire = app.person("acme", "hana@acme.test", Role::Member).await;
    let peer = app.person("acme", "pete@acme.test", Role::Member).await;
    let clip = app.env.dir.path().join("greeting.mp4");
    common::phone_clip(&clip, "320x180", 6);
    let shots = screenshot_dir("a_new_hire_practises_and_is_reviewed_on_a_phone");
    let seen = browse_keeping_shots(
        &app,
        "web-practice.mjs",
        &[
            &trainer.user.email,
            &trainer.password,
            &hire.user.email,
            &hire.password,
            &peer.user.email,
            &peer.password,
            clip.to_str().unwrap(),
        ],
        &shots,
    )
    .await;
    // What the browser saw is also what the server holds.
    let (_, queue) = app
        .call(&trainer, reqwest::Method::GET, "/api/v1/attempts", None)
        .await;
    assert_eq!(
        queue["items"],
        json!([]),
        "both attempts were answered: {seen}"
    );
    let (_, inbox) = app
        .call(
            &hire,
            reqwest::Method::GET,
            "/api/v1/me/notifications",
            None,
        )
        .await;
    let feedback = inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "feedback")
        .count();
    assert_eq!(feedback, 3, "{inbox}");
}

/// Issue 18 on a phone: an admin sets a member's manager; the manager sets an objective linked
/// to a playlist and records a review from the team page; the member sees both on their
/// development page and meets the objective by completing the playlist; a peer cannot open it;
/// an outside expert logged by the admin shows in the library and on the topic page, where a
/// colleague is endorsed.
#[tokio::test]
async fn a_manager_sets_objectives_and_reviews_and_the_expert_log_answers_on_a_phone() {
    let app = web_app().await;
    let admin = app.person("acme", "ada@acme.test", Role::Admin).await;
    let manager = app.person("acme", "max@acme.test", Role::Member).await;
    let member = app.person("acme", "hana@acme.test", Role::Member).await;
    let peer = app.person("acme", "pete@acme.test", Role::Member).await;
    let seen = browse_keeping_shots(
        &app,
        "web-development.mjs",
        &[
            &admin.user.email,
            &admin.password,
            &manager.user.email,
            &manager.password,
            &member.user.email,
            &member.password,
            &peer.user.email,
            &peer.password,
        ],
        &screenshot_dir("a_manager_sets_objectives_and_reviews_on_a_phone"),
    )
    .await;
    // What the browser did is what the server holds.
    let (_, page) = app
        .call(
            &member,
            reqwest::Method::GET,
            &format!("/api/v1/people/{}/development", member.user.id),
            None,
        )
        .await;
    assert_eq!(
        page["person"]["manager_id"],
        json!(manager.user.id),
        "{seen}"
    );
    assert_eq!(page["objectives"][0]["status"], "met", "{page}");
    assert_eq!(page["reviews"][0]["rating"], 4, "{page}");
    let (_, log) = app
        .call(&admin, reqwest::Method::GET, "/api/v1/expert-log", None)
        .await;
    assert!(
        log["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["name"] == "Dana Field" && e["tags"] == json!(["forklifts"])),
        "{log}"
    );
}

/// Issue 18's trainer side on a phone: a quiz (free text and single choice) and an exercise
/// written in the playlist editor; the member's free-text answer (sent through the API) marked
/// right from the marking page, their exercise (a text and a file, handed in on the exercise
/// page) downloaded and accepted; the quiz report's scores and question statistics.
#[tokio::test]
async fn a_trainer_writes_a_quiz_and_an_exercise_and_marks_them_on_a_phone() {
    let app = web_app().await;
    let trainer = app.person("acme", "tess@acme.test", Role::Trainer).await;
    let member = app.person("acme", "hana@acme.test", Role::Member).await;
    let seen = browse_keeping_shots(
        &app,
        "web-assess-trainer.mjs",
        &[
            &trainer.user.email,
            &trainer.password,
            &member.user.email,
            &member.password,
        ],
        &screenshot_dir("a_trainer_writes_a_quiz_and_an_exercise_on_a_phone"),
    )
    .await;
    // The server holds what the browser showed: nothing left to mark, the quiz passed.
    let (_, queue) = app
        .call(&trainer, reqwest::Method::GET, "/api/v1/quiz-marking", None)
        .await;
    assert_eq!(queue["items"], json!([]), "{seen}");
    let (_, quizzes) = app
        .call(&trainer, reqwest::Method::GET, "/api/v1/quizzes", None)
        .await;
    let quiz_id = quizzes["items"][0]["id"].as_str().unwrap();
    let (_, scores) = app
        .call(
            &trainer,
            reqwest::Method::GET,
            &format!("/api/v1/quizzes/{quiz_id}/scores"),
            None,
        )
        .await;
    assert_eq!(scores["people"][0]["best_score"], 1, "{scores}");
    assert!(!scores["people"][0]["passed_at"].is_null(), "{scores}");
}

/// Issue 18's learner side on a phone: a quiz in a sequential playlist blocks the next step
/// until passed (a wrong answer's feedback shows, the right answers once submitted), no
/// response reaching the page before submission carries the answers, and a question pinned to
/// 2 s of a video pauses the player there; its answer is recorded.
#[tokio::test]
async fn a_new_hire_takes_a_quiz_and_answers_in_a_video_on_a_phone() {
    let app = web_app_with(1).await;
    let trainer = app.person("acme", "tess@acme.test", Role::Trainer).await;
    let hire = app.person("acme", "hana@acme.test", Role::Member).await;
    let clip = app.env.dir.path().join("forklift.mp4");
    common::phone_clip(&clip, "320x180", 6);
    let seen = browse_keeping_shots(
        &app,
        "web-quiz.mjs",
        &[
            &trainer.user.email,
            &trainer.password,
            &hire.user.email,
            &hire.password,
            clip.to_str().unwrap(),
        ],
        &screenshot_dir("a_new_hire_takes_a_quiz_and_answers_in_a_video_on_a_phone"),
    )
    .await;
    // The server recorded what the browser did: the playlist quiz passed on the second
    // attempt, the video's question answered and its attempt scored.
    let (_, quizzes) = app
        .call(&trainer, reqwest::Method::GET, "/api/v1/quizzes", None)
        .await;
    let mut seen_kinds = Vec::new();
    for quiz in quizzes["items"].as_array().unwrap() {
        let (_, view) = app
            .call(
                &hire,
                reqwest::Method::GET,
                &format!("/api/v1/quizzes/{}", quiz["id"].as_str().unwrap()),
                None,
            )
            .await;
        assert!(!view["passed_at"].is_null(), "{view} {seen}");
        let attempts = view["my_attempts"].as_array().unwrap().len();
        seen_kinds.push((quiz["video_id"].is_null(), attempts));
    }
    seen_kinds.sort();
    assert_eq!(seen_kinds, [(false, 1), (true, 2)], "{seen}");
}

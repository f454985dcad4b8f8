//! Playback delivery with real clients: FFmpeg reading the HLS over HTTP and hls.js in headless
//! Chromium, in proxy and presigned mode; access checks, signed links, ranges and caching.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{Person, TestApp};
use reelhouse::db::users::Role;
use serde_json::{Value, json};

fn ffmpeg(args: &[&str], out: &Path) {
    let status = Command::new("ffmpeg")
        .args(["-hide_banner", "-loglevel", "error", "-y"])
        .args(args)
        .arg(out)
        .status()
        .unwrap();
    assert!(status.success());
}

/// A ready video of two renditions (240p and 360p) with sound, made through the real upload and
/// worker, in the app's delivery mode.
async fn ready_video(delivery: &str) -> (TestApp, Person, String) {
    let mut env = common::TestEnv::new().await;
    env.vars
        .insert("REELHOUSE_MEDIA_DELIVERY".into(), delivery.into());
    let app = TestApp::spawn_with(env).await;
    app.start_workers(1);
    let person = app.person("acme", "m@acme.test", Role::Member).await;
    let clip = app.env.dir.path().join("lesson.mp4");
    ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=640x360:rate=30:duration=9",
            "-f",
            "lavfi",
            "-i",
            "sine=duration=9",
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
        ],
        &clip,
    );
    let id = app.upload_video(&person, &clip).await;
    let started = Instant::now();
    loop {
        let v: Value = app
            .client
            .get(app.at(&format!("/api/v1/videos/{id}")))
            .bearer_auth(&person.token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if v["status"] == "ready" {
            assert_eq!(v["renditions"].as_array().unwrap().len(), 2, "{v}");
            break;
        }
        assert!(
            v["status"] != "failed" && started.elapsed() < Duration::from_secs(120),
            "{v}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    (app, person, id)
}

/// FFmpeg reads the master over HTTP and decodes every stream of every rendition.
async fn ffmpeg_decodes(master: &str, bearer: Option<&str>) -> String {
    let mut command = tokio::process::Command::new("ffmpeg");
    command.args(["-v", "error", "-xerror"]);
    if let Some(token) = bearer {
        command.args(["-headers", &format!("Authorization: Bearer {token}\r\n")]);
    }
    let output = command
        .args([
            "-i", master, "-map", "0:v", "-map", "0:a", "-f", "null", "-",
        ])
        .output()
        .await
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        output.status.success(),
        "FFmpeg could not play {master}: {stderr}"
    );
    stderr
}

async fn ffprobe_programs(master: &str, bearer: Option<&str>) -> usize {
    let mut command = tokio::process::Command::new("ffprobe");
    command.args(["-v", "error"]);
    if let Some(token) = bearer {
        command.args(["-headers", &format!("Authorization: Bearer {token}\r\n")]);
    }
    let output = command
        .args(["-show_programs", "-of", "json", master])
        .output()
        .await
        .unwrap();
    let json: Value = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    json["programs"].as_array().map_or(0, Vec::len)
}

async fn hls_js_plays(origin: &str, master: &str, bearer: Option<&str>) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/node/hls-play.mjs");
    let mut command = tokio::process::Command::new("node");
    command.arg(script).args([origin, master]);
    if let Some(token) = bearer {
        command.arg(token);
    }
    let output = command.output().await.unwrap();
    assert!(
        output.status.success(),
        "hls.js did not play {master}: {} {}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

async fn allow_links(app: &TestApp, org_id: &str) {
    let pool = app.state.db.pool();
    let mut policy = reelhouse::db::orgs::policy(pool, org_id)
        .await
        .unwrap()
        .unwrap();
    policy.allow_public_links = true;
    policy.allow_downloads = true;
    reelhouse::db::orgs::set_policy(pool, org_id, &policy)
        .await
        .unwrap();
}

async fn playback_link(app: &TestApp, trainer: &Person, id: &str) -> Value {
    let response = app
        .client
        .post(app.at(&format!("/api/v1/videos/{id}/playback-links")))
        .bearer_auth(&trainer.token)
        .json(&json!({ "hours": 1 }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    response.json().await.unwrap()
}

#[tokio::test]
async fn real_players_play_in_proxy_mode() {
    let (app, person, id) = ready_video("proxy").await;
    let master = app.at(&format!("/api/v1/videos/{id}/hls/master.m3u8"));
    ffmpeg_decodes(&master, Some(&person.token)).await;
    assert_eq!(
        ffprobe_programs(&master, Some(&person.token)).await,
        2,
        "every rendition is reachable"
    );
    hls_js_plays(&app.url, &master, Some(&person.token)).await;

    // Someone without an account plays it from a signed link.
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    allow_links(&app, &trainer.user.org_id).await;
    let link = playback_link(&app, &trainer, &id).await;
    let local = app.at(&format!(
        "/api/v1/videos/{id}/hls/master.m3u8?token={}",
        link["token"].as_str().unwrap()
    ));
    ffmpeg_decodes(&local, None).await;
    hls_js_plays(&app.url, &local, None).await;
}

#[tokio::test]
async fn real_players_play_in_presigned_mode() {
    let (app, person, id) = ready_video("presigned").await;
    let master = app.at(&format!("/api/v1/videos/{id}/hls/master.m3u8"));
    let media: String = app
        .client
        .get(app.at(&format!("/api/v1/videos/{id}/hls/240p/index.m3u8")))
        .bearer_auth(&person.token)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    if common::testing_s3() {
        // Segment bytes never pass through the server: the playlist names the store.
        let endpoint = std::env::var("AWS_ENDPOINT_URL").unwrap();
        assert!(
            media
                .lines()
                .filter(|l| l.ends_with(".m4s") || l.contains(".m4s?"))
                .all(|l| l.starts_with(&endpoint)),
            "{media}"
        );
        assert!(media.contains("X-Amz-Signature"), "{media}");
    } else {
        // Local files have no URLs of their own: proxied, as in proxy mode.
        assert!(media.contains("\nseg_00000.m4s\n"), "{media}");
    }
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    allow_links(&app, &trainer.user.org_id).await;
    let link = playback_link(&app, &trainer, &id).await;
    let with_token = app.at(&format!(
        "/api/v1/videos/{id}/hls/master.m3u8?token={}",
        link["token"].as_str().unwrap()
    ));
    ffmpeg_decodes(&with_token, None).await;
    hls_js_plays(&app.url, &master, Some(&person.token)).await;
}

#[tokio::test]
async fn nobody_without_access_gets_a_byte() {
    let (app, person, id) = ready_video("proxy").await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let stranger = app.person("globex", "x@globex.test", Role::Admin).await;
    let paths = [
        format!("/api/v1/videos/{id}/hls/master.m3u8"),
        format!("/api/v1/videos/{id}/hls/240p/index.m3u8"),
        format!("/api/v1/videos/{id}/hls/240p/seg_00000.m4s"),
    ];
    let status = |path: &str, bearer: Option<&str>| {
        let mut request = reqwest::Client::new().get(app.at(path));
        if let Some(token) = bearer {
            request = request.bearer_auth(token);
        }
        async move { request.send().await.unwrap().status().as_u16() }
    };
    // Links are off by default: even a well-signed token does not work.
    for path in &paths {
        assert_eq!(status(path, Some(&person.token)).await, 200, "{path}");
        assert_eq!(status(path, None).await, 401, "{path} anonymous");
        assert_eq!(
            status(path, Some(&stranger.token)).await,
            404,
            "{path} other organisation"
        );
    }
    allow_links(&app, &trainer.user.org_id).await;
    let link = playback_link(&app, &trainer, &id).await;
    let token = link["token"].as_str().unwrap().to_owned();
    let (expires, signature) = token.split_once('.').unwrap();
    let expired = reelhouse::media::token::sign("wrong", &id, 1);
    let tampered = format!("{}.{signature}", expires.parse::<i64>().unwrap() + 1000);
    for path in &paths {
        assert_eq!(
            status(&format!("{path}?token={token}"), None).await,
            200,
            "{path} with a valid token"
        );
        assert_eq!(
            status(&format!("{path}?token={tampered}"), None).await,
            401,
            "{path} tampered"
        );
        assert_eq!(
            status(&format!("{path}?token={expired}"), None).await,
            401,
            "{path} expired"
        );
    }
    // A token carries on through the playlists it unlocks.
    let master = reqwest::get(app.at(&format!("{}?token={token}", paths[0])))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        master.contains(&format!("240p/index.m3u8?token={token}")),
        "{master}"
    );
    // Rotating the organisation's key revokes every link.
    let admin = app.person("acme", "a@acme.test", Role::Admin).await;
    let response = app
        .client
        .post(app.at("/api/v1/org/signing-key/rotate"))
        .bearer_auth(&admin.token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    assert_eq!(
        status(&format!("{}?token={token}", paths[0]), None).await,
        401
    );
}

#[tokio::test]
async fn ranges_etags_types_and_cache_headers() {
    let (app, person, id) = ready_video("proxy").await;
    let url = app.at(&format!("/api/v1/videos/{id}/hls/360p/seg_00000.m4s"));
    let get = |range: Option<&str>, etag: Option<&str>| {
        let mut request = app.client.get(&url).bearer_auth(&person.token);
        if let Some(range) = range {
            request = request.header("range", range);
        }
        if let Some(etag) = etag {
            request = request.header("if-none-match", etag);
        }
        request.send()
    };
    let whole = get(None, None).await.unwrap();
    assert_eq!(whole.status(), 200);
    assert_eq!(whole.headers()["content-type"], "video/iso.segment");
    assert_eq!(
        whole.headers()["cache-control"],
        "private, max-age=31536000, immutable"
    );
    assert_eq!(whole.headers()["accept-ranges"], "bytes");
    assert!(whole.headers().contains_key("last-modified"));
    let etag = whole.headers()["etag"].to_str().unwrap().to_owned();
    let bytes = whole.bytes().await.unwrap();

    let part = get(Some("bytes=100-1099"), None).await.unwrap();
    assert_eq!(part.status(), 206);
    assert_eq!(
        part.headers()["content-range"],
        format!("bytes 100-1099/{}", bytes.len())
    );
    assert_eq!(part.bytes().await.unwrap(), bytes.slice(100..1100));
    let tail = get(Some("bytes=-10"), None).await.unwrap();
    assert_eq!(tail.status(), 206);
    assert_eq!(tail.bytes().await.unwrap(), bytes.slice(bytes.len() - 10..));
    let beyond = get(Some(&format!("bytes={}-", bytes.len() + 5)), None)
        .await
        .unwrap();
    assert_eq!(beyond.status(), 416);

    let cached = get(None, Some(&etag)).await.unwrap();
    assert_eq!(cached.status(), 304);
    assert!(cached.bytes().await.unwrap().is_empty());

    let playlist = app
        .client
        .get(app.at(&format!("/api/v1/videos/{id}/hls/360p/index.m3u8")))
        .bearer_auth(&person.token)
        .send()
        .await
        .unwrap();
    assert_eq!(
        playlist.headers()["content-type"],
        "application/vnd.apple.mpegurl"
    );
    assert!(
        playlist.headers()["cache-control"]
            .to_str()
            .unwrap()
            .starts_with("private")
    );
    let init = app
        .client
        .get(app.at(&format!("/api/v1/videos/{id}/hls/360p/init.mp4")))
        .bearer_auth(&person.token)
        .send()
        .await
        .unwrap();
    assert_eq!(init.headers()["content-type"], "video/mp4");
    for bad in ["360p/../../source", "360p/source.mp4", "..%2F/index.m3u8"] {
        let response = app
            .client
            .get(app.at(&format!("/api/v1/videos/{id}/hls/{bad}")))
            .bearer_auth(&person.token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 404, "{bad}");
    }

    // Poster and storyboard.
    let v: Value = app
        .client
        .get(app.at(&format!("/api/v1/videos/{id}")))
        .bearer_auth(&person.token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let poster = app
        .client
        .get(app.at(v["poster_url"].as_str().unwrap()))
        .bearer_auth(&person.token)
        .send()
        .await
        .unwrap();
    assert_eq!(poster.headers()["content-type"], "image/jpeg");
    let vtt = app
        .client
        .get(app.at(v["storyboard_url"].as_str().unwrap()))
        .bearer_auth(&person.token)
        .send()
        .await
        .unwrap();
    assert!(vtt.text().await.unwrap().starts_with("WEBVTT"));

    // The delivery metrics count what was served.
    let metrics = app
        .client
        .get(app.at("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains("media_bytes_served_total{route=\"segment\"}"),
        "{metrics}"
    );
    assert!(
        metrics.contains("media_segment_latency_seconds_bucket"),
        "{metrics}"
    );
    assert!(
        metrics.contains("media_playlist_requests_total"),
        "{metrics}"
    );
}

#[tokio::test]
async fn downloads_only_when_the_organisation_allows() {
    let (app, person, id) = ready_video("proxy").await;
    let url = app.at(&format!("/api/v1/videos/{id}/download?rendition=360p"));
    assert_eq!(
        app.client
            .get(&url)
            .bearer_auth(&person.token)
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
    allow_links(&app, &person.user.org_id).await;
    let response = app
        .client
        .get(&url)
        .bearer_auth(&person.token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let file = app.env.dir.path().join("offline.mp4");
    std::fs::write(&file, response.bytes().await.unwrap()).unwrap();
    let output = Command::new("ffmpeg")
        .args(["-v", "error", "-xerror", "-i"])
        .arg(&file)
        .args(["-f", "null", "-"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the download does not play: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let original = app
        .client
        .get(app.at(&format!("/api/v1/videos/{id}/download?rendition=original")))
        .bearer_auth(&person.token)
        .send()
        .await
        .unwrap();
    assert_eq!(
        original.bytes().await.unwrap().as_ref(),
        std::fs::read(app.env.dir.path().join("lesson.mp4")).unwrap()
    );

    // Through a playback link a rendition downloads, but never the original, which carries
    // the phone's location and device details that transcoding removes.
    let admin = app.person("acme", "links@acme.test", Role::Admin).await;
    let link = playback_link(&app, &admin, &id).await["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let by_link = |rendition: &str| {
        app.client
            .get(app.at(&format!(
                "/api/v1/videos/{id}/download?rendition={rendition}&token={link}"
            )))
            .send()
    };
    assert_eq!(by_link("360p").await.unwrap().status(), 200);
    assert_eq!(by_link("original").await.unwrap().status(), 403);
}

#[tokio::test]
async fn revoked_access_stops_fetching_segments_within_the_stated_bound() {
    use reelhouse::media::access::ACCESS_TTL;
    let (app, person, id) = ready_video("proxy").await;
    let admin = app.person("acme", "a@acme.test", Role::Admin).await;
    let leaver = app.person("acme", "leaver@acme.test", Role::Member).await;
    let segment = app.at(&format!("/api/v1/videos/{id}/hls/240p/seg_00000.m4s"));
    let browser = app.signed_in(&person.user.email, &person.password).await;
    allow_links(&app, &admin.user.org_id).await;
    let link = playback_link(&app, &admin, &id).await["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let linked = format!("{segment}?token={link}");
    // Every credential fetches a segment: its access is now remembered.
    let by_cookie = || browser.get(&segment).send();
    let by_token = |token: &str| {
        reqwest::Client::new()
            .get(&segment)
            .bearer_auth(token)
            .send()
    };
    assert_eq!(by_cookie().await.unwrap().status(), 200);
    assert_eq!(by_token(&person.token).await.unwrap().status(), 200);
    assert_eq!(by_token(&leaver.token).await.unwrap().status(), 200);
    assert_eq!(reqwest::get(&linked).await.unwrap().status(), 200);

    // Sign out, revoke the API token, deactivate the leaver, rotate the signing key.
    assert_eq!(
        browser
            .post(app.at("/api/v1/auth/logout"))
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    let (_, tokens) = app
        .call(&person, reqwest::Method::GET, "/api/v1/auth/tokens", None)
        .await;
    let token_id = tokens
        .as_array()
        .map_or(&tokens["items"], |_| &tokens)
        .as_array()
        .unwrap()[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, _) = app
        .call(
            &person,
            reqwest::Method::DELETE,
            &format!("/api/v1/auth/tokens/{token_id}"),
            None,
        )
        .await;
    assert_eq!(status, 204);
    let (status, _) = app
        .call(
            &admin,
            reqwest::Method::PATCH,
            &format!("/api/v1/users/{}", leaver.user.id),
            Some(json!({ "active": false })),
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = app
        .call(
            &admin,
            reqwest::Method::POST,
            "/api/v1/org/signing-key/rotate",
            None,
        )
        .await;
    assert_eq!(status, 204);
    let revoked = Instant::now();

    // Each stops within the bound the README states (plus a second for this test's own pace).
    let bound = ACCESS_TTL + Duration::from_secs(1);
    let mut stopped = [None; 4];
    while stopped.iter().any(Option::is_none) {
        let statuses = [
            by_cookie().await.unwrap().status().as_u16(),
            by_token(&person.token).await.unwrap().status().as_u16(),
            by_token(&leaver.token).await.unwrap().status().as_u16(),
            reqwest::get(&linked).await.unwrap().status().as_u16(),
        ];
        for (when, status) in stopped.iter_mut().zip(statuses) {
            if when.is_none() && status != 200 {
                assert!(matches!(status, 401 | 404), "{status}");
                *when = Some(revoked.elapsed());
            }
        }
        assert!(
            revoked.elapsed() < bound,
            "still fetching after {:?}: {statuses:?}",
            revoked.elapsed()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // A deleted video's segments stop within the same bound for someone who was watching.
    assert_eq!(by_token(&admin.token).await.unwrap().status(), 200);
    let (status, _) = app
        .call(
            &admin,
            reqwest::Method::DELETE,
            &format!("/api/v1/videos/{id}"),
            None,
        )
        .await;
    assert_eq!(status, 204);
    let deleted = Instant::now();
    while by_token(&admin.token).await.unwrap().status() == 200 {
        assert!(deleted.elapsed() < bound, "a deleted video still plays");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

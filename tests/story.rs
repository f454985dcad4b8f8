//! The story Reelhouse exists for, end to end through the API with real uploads and a real
//! transcode worker: an admin brands the organisation; a trainer builds a sequential on-boarding
//! playlist of three videos, a handout and an external resource, and invites a new hire with it;
//! the hire accepts, sees the playlist in the company's look, watches with progress reports
//! and opens the handout and the link; the trainer's report and CSV show exactly that.

mod common;

use std::path::Path;
use std::time::Duration;

use common::{Person, TestApp, ffmpeg};
use reelhouse::db::users::Role;
use reqwest::Method;
use serde_json::{Value, json};

/// Six seconds of test picture and tone, as a phone would send it (small, for speed).
fn clip(out: &Path, hue: u32) {
    let picture = format!("testsrc2=size=320x180:rate=30:duration=6,hue=h={hue}");
    let sound = "sine=frequency=440:duration=6";
    let codecs = [
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-c:a",
        "aac",
        "-shortest",
    ];
    let inputs = ["-f", "lavfi", "-i", &picture, "-f", "lavfi", "-i", sound];
    ffmpeg(&[inputs.as_slice(), &codecs].concat(), out);
}

/// A picture for the logo: wider than the 512-pixel box, with a comment that must not survive.
fn logo(out: &Path) {
    let picture =
        "color=c=0x1a4d8f:size=800x400,drawbox=x=100:y=100:w=200:h=200:color=white:t=fill";
    let comment = ["-metadata", "comment=secret-camera-serial"];
    ffmpeg(
        &[
            &["-f", "lavfi", "-i", picture, "-frames:v", "1"],
            comment.as_slice(),
        ]
        .concat(),
        out,
    );
}

/// Width and height from a PNG's header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

/// One API call with a client (session cookie) or a person's token.
async fn call(
    client: &reqwest::Client,
    url: String,
    token: Option<&str>,
    method: Method,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = client.request(method, url);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn ready(app: &TestApp, person: &Person, id: &str) -> Value {
    app.wait_ready(person, id, Duration::from_secs(180)).await
}

/// `YYYY-MM-DDTHH:MM:SSZ`, as the CSV writes times.
fn iso(ms: i64) -> String {
    reelhouse::http::reports::iso8601(ms)
}

#[tokio::test]
async fn a_new_hire_is_onboarded_and_the_trainer_sees_exactly_what_they_did() {
    let mut env = common::TestEnv::new().await;
    env.vars.insert("REELHOUSE_WORKERS".into(), "1".into());
    let app = TestApp::spawn_with(env).await;
    app.start_workers(1);
    let dir = tempfile::tempdir().unwrap();
    let admin = app.person("acme", "admin@acme.test", Role::Admin).await;
    let trainer = app.person("acme", "trainer@acme.test", Role::Trainer).await;

    // The admin brands the organisation: name, colours, welcome, and a logo re-encoded.
    let (status, branding) = app.call(&admin,
        Method::PUT,
        "/api/v1/branding",
        Some(
            json!({ "name": "Acme Logistics", "primary_color": "#1a4d8f", "accent_color": "#b3261e",
                     "welcome_message": "Welcome to Acme. Start with your first-week playlist." }),
        ),
    )
    .await;
    assert_eq!(status, 200, "{branding}");
    let logo_path = dir.path().join("logo.png");
    logo(&logo_path);
    let response = app
        .client
        .put(app.at("/api/v1/branding/logo"))
        .bearer_auth(&admin.token)
        .header("content-type", "image/png")
        .body(std::fs::read(&logo_path).unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);

    // The trainer uploads three clips; each is transcoded by the worker.
    let mut videos = Vec::new();
    for (n, title) in ["Walk the floor", "Lift safely", "Scan a parcel"]
        .iter()
        .enumerate()
    {
        let path = dir.path().join(format!("clip{n}.mp4"));
        clip(&path, n as u32 * 90);
        let id = app.upload_video(&trainer, &path).await;
        let (status, _) = app
            .call(
                &trainer,
                Method::PATCH,
                &format!("/api/v1/videos/{id}"),
                Some(json!({ "title": title, "tags": ["onboarding"] })),
            )
            .await;
        assert_eq!(status, 200);
        videos.push(id);
    }
    let mut durations = Vec::new();
    for id in &videos {
        let video = ready(&app, &trainer, id).await;
        durations.push(video["duration_s"].as_f64().unwrap());
    }

    // A handout on the first video, and an external resource.
    let (_, handout) = app
        .post_form(
            &trainer,
            &format!("/api/v1/videos/{}/handouts", videos[0]),
            common::file_form(
                "floor-plan.pdf",
                b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".to_vec(),
            ),
        )
        .await;
    let handout_id = handout["id"].as_str().unwrap().to_owned();
    let (status, resource) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/resources",
            Some(
                json!({ "title": "Warehouse safety basics", "url": "https://example.com/safety",
                     "tagline": "A five-minute read", "tags": ["safety"] }),
            ),
        )
        .await;
    assert_eq!(status, 201, "{resource}");
    let resource_id = resource["id"].as_str().unwrap().to_owned();

    // The playlist: video, handout, video, resource, video — the resource inserted in place.
    let (status, playlist) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/playlists",
            Some(
                json!({ "title": "Your first week", "description": "Everything for day one",
                     "intro": "Welcome!\n\nWork through these in order.",
                     "onboarding": true, "sequential": true }),
            ),
        )
        .await;
    assert_eq!(status, 201);
    let playlist_id = playlist["id"].as_str().unwrap().to_owned();
    let items = format!("/api/v1/playlists/{playlist_id}/items");
    for (kind, id, position) in [
        ("video", &videos[0], None),
        ("handout", &handout_id, None),
        ("video", &videos[1], None),
        ("video", &videos[2], None),
        ("resource", &resource_id, Some(3)),
    ] {
        let (status, item) = app
            .call(
                &trainer,
                Method::POST,
                &items,
                Some(json!({ "kind": kind, "item_id": id, "position": position })),
            )
            .await;
        assert_eq!(status, 201, "{item}");
    }
    let cover = dir.path().join("cover.jpg");
    ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=1920x1080",
            "-frames:v",
            "1",
        ],
        &cover,
    );
    let response = app
        .client
        .put(app.at(&format!("/api/v1/playlists/{playlist_id}/cover")))
        .bearer_auth(&trainer.token)
        .header("content-type", "image/jpeg")
        .body(std::fs::read(&cover).unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let (status, _) = app
        .call(
            &trainer,
            Method::PATCH,
            &format!("/api/v1/playlists/{playlist_id}"),
            Some(json!({ "published": true })),
        )
        .await;
    assert_eq!(status, 200);

    // The trainer invites the new hire with the playlist, due a week after they join.
    let (status, invitation) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/invitations",
            Some(
                json!({ "email": "nia@acme.test", "role": "member", "cohort": "2026-12 warehouse",
                     "playlist_ids": [playlist_id], "due_in_days": 7 }),
            ),
        )
        .await;
    assert_eq!(status, 201, "{invitation}");

    // The hire accepts in their own browser session.
    let hire = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let (status, me) = call(&hire, app.at("/api/v1/invitations/accept"), None, Method::POST,
        Some(json!({ "token": invitation["token"], "name": "Nia Hire", "password": "a long new password" }))).await;
    assert_eq!(status, 200, "{me}");
    let joined = reelhouse::db::now_ms();
    let hire_id = me["id"].as_str().unwrap().to_owned();

    // They see the company's look, logo included (re-encoded to fit 512 pixels, nothing kept).
    let (_, seen) = call(&hire, app.at("/api/v1/branding"), None, Method::GET, None).await;
    assert_eq!(seen["name"], "Acme Logistics");
    assert_eq!(seen["primary_color"], "#1a4d8f");
    assert_eq!(seen["accent_color"], "#b3261e");
    assert!(
        seen["welcome_message"]
            .as_str()
            .unwrap()
            .starts_with("Welcome to Acme")
    );
    let logo = hire
        .get(app.at(seen["logo_url"].as_str().unwrap()))
        .send()
        .await
        .unwrap();
    assert_eq!(logo.headers()["content-type"], "image/png");
    let logo = logo.bytes().await.unwrap();
    assert_eq!(png_size(&logo), (512, 256));
    assert!(!logo.windows(6).any(|w| w == b"secret"));

    // Their assignment, due in seven days, nothing done yet.
    let (_, mine) = call(
        &hire,
        app.at("/api/v1/me/assignments"),
        None,
        Method::GET,
        None,
    )
    .await;
    let assignment = &mine["items"][0];
    assert_eq!(mine["items"].as_array().unwrap().len(), 1, "{mine}");
    assert_eq!(assignment["title"], "Your first week");
    assert_eq!(
        (
            assignment["items_total"].as_i64(),
            assignment["items_completed"].as_i64()
        ),
        (Some(5), Some(0))
    );
    let due_at = assignment["due_at"].as_i64().unwrap();
    assert!(
        (due_at - (joined + 7 * 24 * 3600 * 1000)).abs() < 60_000,
        "{assignment}"
    );
    let cover = hire
        .get(app.at(assignment["cover_url"].as_str().unwrap()))
        .send()
        .await
        .unwrap();
    assert_eq!(cover.headers()["content-type"], "image/jpeg");
    assert_eq!(&cover.bytes().await.unwrap()[..2], b"\xff\xd8");

    let playlist_url = app.at(&format!("/api/v1/playlists/{playlist_id}"));
    let locks = |view: &Value| -> Vec<(String, bool, bool)> {
        view["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["kind"].as_str().unwrap().to_owned(),
                    i["completed"].as_bool().unwrap(),
                    i["locked"].as_bool().unwrap(),
                )
            })
            .collect()
    };
    let (_, view) = call(&hire, playlist_url.clone(), None, Method::GET, None).await;
    assert_eq!(view["intro"], "Welcome!\n\nWork through these in order.");
    let kinds: Vec<String> = locks(&view).into_iter().map(|(k, _, _)| k).collect();
    assert_eq!(kinds, ["video", "handout", "video", "resource", "video"]);
    assert_eq!(
        locks(&view).iter().map(|(_, _, l)| *l).collect::<Vec<_>>(),
        [false, true, true, true, true]
    );

    // Watching: the player reports what was watched, a few seconds at a time.
    let watch = |video: String, duration: f64| {
        let hire = hire.clone();
        let url = app.at(&format!("/api/v1/videos/{video}/progress"));
        async move {
            let mut at = 0.0;
            let mut last = Value::Null;
            while at < duration {
                let end = (at + 2.0f64).min(duration);
                let (status, body) = call(
                    &hire,
                    url.clone(),
                    None,
                    Method::POST,
                    Some(json!({ "intervals": [[at, end]], "position_s": end })),
                )
                .await;
                assert_eq!(status, 200, "{body}");
                last = body;
                at = end;
            }
            last
        }
    };
    let watched = watch(videos[0].clone(), durations[0]).await;
    assert_eq!(watched["completed"], true, "{watched}");

    // One video in, the trainer sees 1 of 5.
    let report_url = format!("/api/v1/playlists/{playlist_id}/report");
    let (_, report) = app.call(&trainer, Method::GET, &report_url, None).await;
    assert_eq!(
        (
            report[0]["items_completed"].as_i64(),
            report[0]["fraction"].as_f64()
        ),
        (Some(1), Some(0.2))
    );
    assert_eq!(report[0]["completed"], false);

    let (_, view) = call(&hire, playlist_url.clone(), None, Method::GET, None).await;
    assert_eq!(
        locks(&view)
            .iter()
            .map(|(_, c, l)| (*c, *l))
            .collect::<Vec<_>>(),
        [
            (true, false),
            (false, false),
            (false, true),
            (false, true),
            (false, true)
        ]
    );
    // The handout, opened by downloading it.
    let download = hire
        .get(app.at(&format!("/api/v1/handouts/{handout_id}/download")))
        .send()
        .await
        .unwrap();
    assert_eq!(download.status(), 200);
    watch(videos[1].clone(), durations[1]).await;
    // The link, opened through Reelhouse so it counts.
    let (status, opened) = call(
        &hire,
        app.at(&format!("/api/v1/resources/{resource_id}/open")),
        None,
        Method::POST,
        None,
    )
    .await;
    assert_eq!(
        (status, opened["url"].as_str()),
        (200, Some("https://example.com/safety"))
    );
    watch(videos[2].clone(), durations[2]).await;

    let (_, view) = call(&hire, playlist_url, None, Method::GET, None).await;
    assert!(locks(&view).iter().all(|(_, c, l)| *c && !*l), "{view}");
    let (_, mine) = call(
        &hire,
        app.at("/api/v1/me/assignments"),
        None,
        Method::GET,
        None,
    )
    .await;
    assert_eq!(mine["items"][0]["completed"], true);
    assert_eq!(mine["items"][0]["fraction"], 1.0);

    // The trainer's report: exactly five of five, completed when the last item was.
    let (_, report) = app.call(&trainer, Method::GET, &report_url, None).await;
    assert_eq!(report.as_array().unwrap().len(), 1, "{report}");
    let line = &report[0];
    assert_eq!(line["user_id"], hire_id.as_str());
    assert_eq!(line["name"], "Nia Hire");
    assert_eq!(
        (
            line["items_completed"].as_i64(),
            line["items_total"].as_i64()
        ),
        (Some(5), Some(5))
    );
    assert_eq!(
        (line["completed"].as_bool(), line["overdue"].as_bool()),
        (Some(true), Some(false))
    );
    let completed_at = line["completed_at"].as_i64().unwrap();
    let last_video = reelhouse::db::progress::get(app.state.db.pool(), &hire_id, &videos[2])
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        Some(completed_at),
        last_video.completed_at,
        "completed when the last video was"
    );
    assert_eq!(line["due_at"].as_i64(), Some(due_at));

    let csv = app
        .client
        .get(app.at(&report_url))
        .bearer_auth(&trainer.token)
        .header("accept", "text/csv")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let last_activity = line["last_activity"].as_i64().unwrap();
    assert_eq!(
        csv,
        format!(
            "playlist,name,email,items_completed,items_total,percent,completed,completed_at,last_activity,due_at,overdue,practice,quizzes\r\n\
             Your first week,Nia Hire,nia@acme.test,5,5,100,true,{},{},{},false,,\r\n",
            iso(completed_at),
            iso(last_activity),
            iso(due_at)
        )
    );
    // The same in the hire's own report.
    let (status, person) = app
        .call(
            &trainer,
            Method::GET,
            &format!("/api/v1/users/{hire_id}/report"),
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(person[0]["playlist_title"], "Your first week");
    assert_eq!(person[0]["completed_at"].as_i64(), Some(completed_at));
}

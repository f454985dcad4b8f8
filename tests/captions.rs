//! Captions and moments: trainers send WebVTT or SRT per language; players get them as HLS
//! subtitle renditions (FFmpeg reads them over HTTP here), the library finds a video by what is
//! said in it and where; chapters, handouts and resources are anchored to moments of a video.

mod common;

use std::time::Duration;

use common::{Person, TestApp};
use reelhouse::db::users::Role;
use reqwest::Method;
use serde_json::{Value, json};

async fn send_captions(
    app: &TestApp,
    person: &Person,
    video: &str,
    language: &str,
    file: &[u8],
) -> (u16, Value) {
    let form =
        common::file_form("captions.srt", file.to_vec()).text("language", language.to_owned());
    app.post_form(person, &format!("/api/v1/videos/{video}/captions"), form)
        .await
}

async fn text(app: &TestApp, url: &str, token: Option<&str>) -> (u16, String) {
    let mut request = app.client.get(app.at(url));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// The `at_s` of each hit of a library search, by title.
async fn search(app: &TestApp, person: &Person, words: &str) -> Vec<(String, Value)> {
    let (status, found) = app
        .call(
            person,
            Method::GET,
            &format!("/api/v1/library?q={words}"),
            None,
        )
        .await;
    assert_eq!(status, 200, "{found}");
    found["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| {
            (
                hit["title"].as_str().unwrap().to_owned(),
                hit["at_s"].clone(),
            )
        })
        .collect()
}

const SRT: &[u8] = b"1\r\n00:00:00,500 --> 00:00:01,500\r\n<i>Check the forks</i>\r\n\r\n\
                     2\r\n00:00:02,250 --> 00:00:03,500\r\nThen the hydraulic mast\r\n";

#[tokio::test]
async fn captions_are_checked_played_as_hls_subtitles_and_searched() {
    let mut env = common::TestEnv::new().await;
    env.vars.insert("REELHOUSE_WORKERS".into(), "1".into());
    let app = TestApp::spawn_with(env).await;
    app.start_workers(1);
    let trainer = app.person("acme", "tess@acme.test", Role::Trainer).await;
    let member = app.person("acme", "mo@acme.test", Role::Member).await;
    let admin = app.person("acme", "ada@acme.test", Role::Admin).await;
    let stranger = app.person("globex", "gus@globex.test", Role::Admin).await;
    let clip = app.env.dir.path().join("forklift.mp4");
    common::ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=320x180:rate=30",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440",
            "-t",
            "4",
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
    let video = app.upload_video(&trainer, &clip).await;
    // Captions sent while the video transcodes outlive the transcode.
    let (status, early) = send_captions(
        &app,
        &trainer,
        &video,
        "de",
        b"00:00:01.000 --> 00:00:02.000\nGabelstapler\n",
    )
    .await;
    assert_eq!(status, 201, "{early}");
    app.wait_ready(&trainer, &video, Duration::from_secs(120))
        .await;
    let (status, _) = text(&app, early["url"].as_str().unwrap(), Some(&member.token)).await;
    assert_eq!(status, 200, "captions sent while transcoding were lost");

    // Files that are not captions are refused with a sentence; others may not add any.
    let (status, body) = send_captions(
        &app,
        &trainer,
        &video,
        "en",
        &std::fs::read(&clip).unwrap()[..4096],
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not a caption file"),
        "{body}"
    );
    let (status, body) =
        send_captions(&app, &trainer, &video, "en", b"WEBVTT\n\n1:2 --> 3:4\nHi\n").await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("line 3:"),
        "{body}"
    );
    let (status, body) = send_captions(&app, &trainer, &video, "english please", SRT).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(send_captions(&app, &member, &video, "en", SRT).await.0, 403);
    assert_eq!(
        send_captions(&app, &stranger, &video, "en", SRT).await.0,
        404
    );

    // SRT in, WebVTT out, named in the master playlist.
    let (status, caption) = send_captions(&app, &trainer, &video, "EN", SRT).await;
    assert_eq!(status, 201, "{caption}");
    assert_eq!(caption["language"], "en");
    assert_eq!(caption["label"], "English");
    assert_eq!(caption["cue_count"], 2);
    let (status, vtt) = text(&app, caption["url"].as_str().unwrap(), Some(&member.token)).await;
    assert_eq!(status, 200);
    assert_eq!(
        vtt,
        "WEBVTT\n\n00:00:00.500 --> 00:00:01.500\nCheck the forks\n\n\
         00:00:02.250 --> 00:00:03.500\nThen the hydraulic mast\n\n"
    );
    let master_url = format!("/api/v1/videos/{video}/hls/master.m3u8");
    let (_, master) = text(&app, &master_url, Some(&member.token)).await;
    assert!(
        master.contains(
            "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English\",LANGUAGE=\"en\""
        ),
        "{master}"
    );
    let variants = master.matches("#EXT-X-STREAM-INF").count();
    assert!(variants > 0);
    assert_eq!(
        master.matches("SUBTITLES=\"subs\"").count(),
        variants,
        "{master}"
    );

    // FFmpeg, a real HLS client, reads the subtitle rendition over HTTP (not blocking the
    // server, which runs on this test's thread).
    let out = app.env.dir.path().join("read.vtt");
    let status = tokio::process::Command::new("ffmpeg")
        .args([
            "-hide_banner",
            "-loglevel",
            "error",
            "-y",
            "-strict",
            "experimental",
        ])
        .args([
            "-headers",
            &format!("Authorization: Bearer {}\r\n", member.token),
        ])
        .args([
            "-i",
            &app.at(&master_url),
            "-map",
            "0:s:m:language:en",
            "-f",
            "webvtt",
        ])
        .arg(&out)
        .status()
        .await
        .unwrap();
    assert!(status.success());
    let read = std::fs::read_to_string(&out).unwrap();
    assert!(read.contains("Then the hydraulic mast"), "{read}");

    // Found by what is said, and where; by its title, without a time.
    let hits = search(&app, &member, "hydraulic").await;
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].1, json!(2.25), "{hits:?}");
    assert_eq!(search(&app, &member, "forks+check").await[0].1, json!(0.5));
    assert_eq!(search(&app, &stranger, "hydraulic").await.len(), 0);

    // The same language again replaces the captions, and what search finds.
    let (status, _) = send_captions(
        &app,
        &trainer,
        &video,
        "en",
        b"00:00:01.000 --> 00:00:02.000\nPallet jack\n",
    )
    .await;
    assert_eq!(status, 201);
    assert!(search(&app, &member, "hydraulic").await.is_empty());
    assert_eq!(search(&app, &member, "pallet").await[0].1, json!(1.0));
    let (status, _) = send_captions(
        &app,
        &trainer,
        &video,
        "de",
        b"00:00:01.000 --> 00:00:02.000\nGabelstapler\n",
    )
    .await;
    assert_eq!(status, 201);
    let (_, master) = text(&app, &master_url, Some(&member.token)).await;
    assert_eq!(master.matches("TYPE=SUBTITLES").count(), 2, "{master}");
    assert!(
        master.contains("NAME=\"Deutsch\",LANGUAGE=\"de\""),
        "{master}"
    );

    // A playback link carries its token to the subtitle playlist and the captions.
    let (status, _) = app
        .call(
            &admin,
            Method::PUT,
            "/api/v1/org/settings",
            Some(json!({ "allow_public_links": true })),
        )
        .await;
    assert_eq!(status, 200);
    let (status, link) = app
        .call(
            &trainer,
            Method::POST,
            &format!("/api/v1/videos/{video}/playback-links"),
            Some(json!({ "hours": 1 })),
        )
        .await;
    assert_eq!(status, 201, "{link}");
    let anonymous = reqwest::Client::new();
    // The link names the public URL; this server listens elsewhere.
    let link_url = reqwest::Url::parse(link["url"].as_str().unwrap()).unwrap();
    let link_url = app.at(&format!(
        "{}?{}",
        link_url.path(),
        link_url.query().unwrap()
    ));
    let master = anonymous
        .get(&link_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let subtitles_uri = master
        .lines()
        .find(|l| l.contains("LANGUAGE=\"en\""))
        .and_then(|l| l.split("URI=\"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    assert!(subtitles_uri.contains("token="), "{master}");
    let base = reqwest::Url::parse(&link_url).unwrap();
    let playlist_url = base.join(&subtitles_uri).unwrap();
    let playlist = anonymous
        .get(playlist_url.clone())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let file = playlist
        .lines()
        .find(|l| l.starts_with("captions.vtt"))
        .unwrap();
    assert!(file.contains("token="), "{playlist}");
    let captions = anonymous
        .get(playlist_url.join(file).unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(captions.status(), 200);
    assert!(captions.text().await.unwrap().contains("Pallet jack"));

    // Removed: gone from the master playlist and from search.
    assert_eq!(
        app.call(
            &member,
            Method::DELETE,
            &format!("/api/v1/videos/{video}/captions/en"),
            None
        )
        .await
        .0,
        403
    );
    for language in ["en", "de"] {
        let (status, _) = app
            .call(
                &trainer,
                Method::DELETE,
                &format!("/api/v1/videos/{video}/captions/{language}"),
                None,
            )
            .await;
        assert_eq!(status, 204);
    }
    let (_, master) = text(&app, &master_url, Some(&member.token)).await;
    assert!(!master.contains("SUBTITLES"), "{master}");
    assert!(search(&app, &member, "pallet").await.is_empty());
    let (status, _) = text(&app, caption["url"].as_str().unwrap(), Some(&member.token)).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn moments_anchor_chapters_handouts_and_resources_to_times() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "tess@acme.test", Role::Trainer).await;
    let member = app.person("acme", "mo@acme.test", Role::Member).await;
    let stranger = app.person("globex", "gus@globex.test", Role::Admin).await;
    let pool = app.state.db.pool();
    let video = reelhouse::db::videos::create_queued(
        pool,
        &trainer.user.org_id,
        &trainer.user.id,
        "Forklift",
        "uploads/x/source",
    )
    .await
    .unwrap();
    sqlx::query("update videos set status = 'ready', duration_ms = 180000 where id = $1")
        .bind(&video)
        .execute(pool)
        .await
        .unwrap();
    let (status, handout) = app
        .post_form(
            &trainer,
            &format!("/api/v1/videos/{video}/handouts"),
            common::file_form("checklist.txt", b"1. Forks\n2. Mast\n".to_vec()),
        )
        .await;
    assert_eq!(status, 201, "{handout}");
    let handout_id = handout["id"].as_str().unwrap().to_owned();
    let (status, resource) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/resources",
            Some(json!({ "title": "Maker's guide", "url": "https://example.com/guide" })),
        )
        .await;
    assert_eq!(status, 201, "{resource}");
    let resource_id = resource["id"].as_str().unwrap().to_owned();
    let (_, theirs) = app
        .call(
            &stranger,
            Method::POST,
            "/api/v1/resources",
            Some(json!({ "title": "Theirs", "url": "https://example.com/theirs" })),
        )
        .await;
    let path = format!("/api/v1/videos/{video}/moments");

    let moments = json!({ "moments": [
        { "at_s": 130, "title": "Open the checklist", "handout_id": handout_id },
        { "at_s": 0, "title": "Introduction" },
        { "at_s": 95.5, "title": "The maker's guide", "resource_id": resource_id },
    ]});
    let (status, set) = app
        .call(&trainer, Method::PUT, &path, Some(moments.clone()))
        .await;
    assert_eq!(status, 200, "{set}");
    let kinds: Vec<(f64, &str, &str)> = set["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["at_s"].as_f64().unwrap(),
                m["kind"].as_str().unwrap(),
                m["title"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            (0.0, "chapter", "Introduction"),
            (95.5, "resource", "The maker's guide"),
            (130.0, "handout", "Open the checklist"),
        ]
    );
    let (_, seen) = app
        .call(
            &member,
            Method::GET,
            &format!("/api/v1/videos/{video}"),
            None,
        )
        .await;
    assert_eq!(seen["moments"], set["items"], "{seen}");
    assert_eq!(seen["moments"][2]["handout_id"], json!(handout_id));

    // What cannot be: refused with a reason; the moments stay as they were.
    for (wrong, says) in [
        (
            json!({ "at_s": 181, "title": "After the end" }),
            "outside the video",
        ),
        (
            json!({ "at_s": -1, "title": "Before the start" }),
            "outside the video",
        ),
        (json!({ "at_s": 5, "title": "  " }), "title"),
        (
            json!({ "at_s": 5, "title": "Both", "handout_id": handout_id, "resource_id": resource_id }),
            "both",
        ),
        (
            json!({ "at_s": 5, "title": "Theirs", "resource_id": theirs["id"] }),
            "does not exist",
        ),
    ] {
        let (status, body) = app
            .call(
                &trainer,
                Method::PUT,
                &path,
                Some(json!({ "moments": [wrong] })),
            )
            .await;
        assert_eq!(status, 422, "{body}");
        assert!(
            body["error"]["message"].as_str().unwrap().contains(says),
            "{body}"
        );
    }
    assert_eq!(
        app.call(&member, Method::PUT, &path, Some(moments)).await.0,
        403
    );
    assert_eq!(
        app.call(
            &stranger,
            Method::PUT,
            &path,
            Some(json!({ "moments": [] }))
        )
        .await
        .0,
        404
    );
    let (_, seen) = app
        .call(
            &member,
            Method::GET,
            &format!("/api/v1/videos/{video}"),
            None,
        )
        .await;
    assert_eq!(seen["moments"].as_array().unwrap().len(), 3);

    // A handout or resource removed takes its moment with it.
    let (status, _) = app
        .call(
            &trainer,
            Method::DELETE,
            &format!("/api/v1/handouts/{handout_id}"),
            None,
        )
        .await;
    assert_eq!(status, 204);
    let (status, _) = app
        .call(
            &trainer,
            Method::DELETE,
            &format!("/api/v1/resources/{resource_id}"),
            None,
        )
        .await;
    assert_eq!(status, 204);
    let (_, seen) = app
        .call(
            &member,
            Method::GET,
            &format!("/api/v1/videos/{video}"),
            None,
        )
        .await;
    assert_eq!(seen["moments"].as_array().unwrap().len(), 1, "{seen}");
    assert_eq!(seen["moments"][0]["kind"], "chapter");
}

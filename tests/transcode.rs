//! Transcoding, on clips FFmpeg generates here: phone clips (rotated, HEVC 10-bit HLG, variable
//! frame rate, odd sizes, no sound, browser WebM, flip-cam AVI), an audio-only file, and hostile
//! files posing as videos. Each upload goes through the API and a real worker.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{Person, TestApp, ffmpeg};
use reelhouse::db::users::Role;
use reelhouse::storage::ObjectKey;
use serde_json::Value;

const PICTURE: &str = "testsrc2=size=320x180:rate=30:duration=5";
const SOUND: &str = "sine=frequency=440:sample_rate=44100:duration=5";

async fn upload(app: &TestApp, person: &Person, path: &Path) -> String {
    app.upload_video(person, path).await
}

async fn video(app: &TestApp, person: &Person, id: &str) -> Value {
    app.client
        .get(app.at(&format!("/api/v1/videos/{id}")))
        .bearer_auth(&person.token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// Waits until the video is ready or failed.
async fn settled(app: &TestApp, person: &Person, id: &str) -> Value {
    let started = Instant::now();
    loop {
        let v = video(app, person, id).await;
        if v["status"] == "ready" || v["status"] == "failed" {
            return v;
        }
        assert!(
            started.elapsed() < Duration::from_secs(180),
            "still {} after 3 minutes",
            v["status"]
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// An app with one embedded worker.
async fn app_with_worker() -> (TestApp, Person) {
    let mut env = common::TestEnv::new().await;
    env.vars.insert("REELHOUSE_WORKERS".into(), "1".into());
    let app = TestApp::spawn_with(env).await;
    app.start_workers(1);
    let person = app.person("acme", "m@acme.test", Role::Member).await;
    (app, person)
}

/// Copies a video's stored HLS tree into a folder, so FFmpeg reads it as local files.
async fn download_hls(app: &TestApp, video_id: &str, into: &Path) -> PathBuf {
    let prefix = format!("videos/{video_id}/hls/");
    for object in app.state.store.list(&prefix).await.unwrap() {
        let relative = object.key.strip_prefix(&prefix).unwrap().to_owned();
        let bytes = reelhouse::storage::read_small(
            app.state.store.as_ref(),
            &ObjectKey::new(object.key).unwrap(),
            1 << 30,
        )
        .await
        .unwrap();
        let path = into.join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    into.join("master.m3u8")
}

/// ffprobe's view of one rendition playlist: (width, height) of the video, if any.
fn probe_size(playlist: &Path) -> Option<(u64, u64)> {
    let output = Command::new("ffprobe")
        .args([
            "-v",
            "error",
            "-select_streams",
            "v:0",
            "-show_entries",
            "stream=width,height",
            "-of",
            "json",
        ])
        .arg(playlist)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&output.stdout).ok()?;
    let stream = json["streams"].get(0)?;
    Some((stream["width"].as_u64()?, stream["height"].as_u64()?))
}

/// How many audio packets a playlist holds; `None` when it has no audio stream.
fn audio_packets(playlist: &Path) -> Option<u64> {
    let output = Command::new("ffprobe")
        .args([
            "-v",
            "error",
            "-select_streams",
            "a:0",
            "-count_packets",
            "-show_entries",
            "stream=nb_read_packets",
            "-of",
            "csv=p=0",
        ])
        .arg(playlist)
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).trim().parse().ok()
}

/// Decodes a playlist fully with FFmpeg; panics on any decoding error.
fn decode_all(playlist: &Path) {
    let output = Command::new("ffmpeg")
        .args(["-v", "error", "-xerror", "-allowed_extensions", "ALL", "-i"])
        .arg(playlist)
        .args(["-f", "null", "-"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{} does not decode: {}",
        playlist.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Checks every rendition: it decodes, has the expected orientation, and its segments last
/// 4 s (±0.5) except the last.
fn check_renditions(master: &Path, portrait: Option<bool>) -> Vec<(u64, u64)> {
    let text = std::fs::read_to_string(master).unwrap();
    assert!(text.contains("#EXT-X-STREAM-INF"), "{text}");
    let playlists: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    let mut sizes = Vec::new();
    for relative in playlists {
        let playlist = master.parent().unwrap().join(relative);
        let media = std::fs::read_to_string(&playlist).unwrap();
        assert!(media.contains("#EXT-X-ENDLIST"), "{relative} is not final");
        let durations: Vec<f64> = media
            .lines()
            .filter_map(|l| l.strip_prefix("#EXTINF:"))
            .map(|d| {
                d.trim_end_matches(',')
                    .split(',')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap()
            })
            .collect();
        assert!(!durations.is_empty());
        for d in &durations[..durations.len() - 1] {
            assert!(
                (d - 4.0).abs() <= 0.5,
                "{relative}: a segment lasts {d} s: {durations:?}"
            );
        }
        decode_all(&playlist);
        assert_ne!(
            audio_packets(&playlist),
            Some(0),
            "{relative} has an empty audio track"
        );
        if let Some(portrait) = portrait {
            let (w, h) = probe_size(&playlist).expect("a video stream");
            assert_eq!(h > w, portrait, "{relative} is {w}x{h}");
            assert!(w % 2 == 0 && h % 2 == 0);
            sizes.push((w, h));
        }
    }
    sizes
}

async fn transcode_ok(
    app: &TestApp,
    person: &Person,
    file: &Path,
    portrait: Option<bool>,
) -> (Value, Vec<(u64, u64)>) {
    let id = upload(app, person, file).await;
    let v = settled(app, person, &id).await;
    assert_eq!(v["status"], "ready", "{}: {v}", file.display());
    assert_eq!(v["playable"], true);
    assert_eq!(v["hls_url"], format!("/api/v1/videos/{id}/hls/master.m3u8"));
    let dir = app.env.dir.path().join(format!("check-{id}"));
    let master = download_hls(app, &id, &dir).await;
    let sizes = check_renditions(&master, portrait);
    (v, sizes)
}

#[tokio::test]
async fn phone_clips_end_ready_upright_and_segmented() {
    let (app, person) = app_with_worker().await;
    let dir = app.env.dir.path().to_owned();

    // Stored landscape, shown portrait: a display matrix of 90 degrees.
    // (FFmpeg 5 writes the display matrix when the rotate tag is set on a stream copy.)
    let stored = dir.join("stored.mp4");
    ffmpeg(
        &[
            "-f", "lavfi", "-i", PICTURE, "-f", "lavfi", "-i", SOUND, "-c:v", "libx264",
            "-pix_fmt", "yuv420p", "-c:a", "aac",
        ],
        &stored,
    );
    let rotated = dir.join("rotated.mp4");
    ffmpeg(
        &[
            "-i",
            stored.to_str().unwrap(),
            "-c",
            "copy",
            "-metadata:s:v:0",
            "rotate=90",
        ],
        &rotated,
    );
    let (v, sizes) = transcode_ok(&app, &person, &rotated, Some(true)).await;
    assert_eq!(sizes.last(), Some(&(180, 320)), "{v}");
    assert_eq!(
        (v["width"].as_i64(), v["height"].as_i64()),
        (Some(180), Some(320))
    );
    assert!(v["duration_s"].as_f64().unwrap() > 4.5);

    // An odd size, as some phones record.
    let odd = dir.join("odd.mp4");
    ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=1079x1919:rate=30:duration=2",
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv444p",
            "-preset",
            "ultrafast",
        ],
        &odd,
    );
    let (_, sizes) = transcode_ok(&app, &person, &odd, Some(true)).await;
    assert_eq!(sizes.last(), Some(&(1078, 1918)));
    assert!(sizes.len() >= 4, "{sizes:?}");

    // Variable frame rate: frames dropped irregularly, timestamps kept.
    let vfr = dir.join("vfr.mp4");
    ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=320x180:rate=30:duration=9",
            "-vf",
            "select='lt(mod(n\\,7)\\,3)+gt(n\\,200)'",
            "-vsync",
            "vfr",
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
        ],
        &vfr,
    );
    transcode_ok(&app, &person, &vfr, Some(false)).await;

    // No sound at all.
    let silent = dir.join("silent.mov");
    ffmpeg(
        &[
            "-f", "lavfi", "-i", PICTURE, "-c:v", "libx264", "-pix_fmt", "yuv420p",
        ],
        &silent,
    );
    transcode_ok(&app, &person, &silent, Some(false)).await;
}

#[tokio::test]
async fn hdr_webm_avi_and_audio_only_end_ready() {
    let (app, person) = app_with_worker().await;
    let dir = app.env.dir.path().to_owned();

    // iPhone-style HEVC 10-bit HLG.
    let hlg = dir.join("hlg.mov");
    ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=320x180:rate=30:duration=3",
            "-f",
            "lavfi",
            "-i",
            "sine=duration=3",
            "-c:v",
            "libx265",
            "-pix_fmt",
            "yuv420p10le",
            "-tag:v",
            "hvc1",
            "-x265-params",
            "log-level=error",
            "-color_primaries",
            "bt2020",
            "-color_trc",
            "arib-std-b67",
            "-colorspace",
            "bt2020nc",
            "-c:a",
            "aac",
        ],
        &hlg,
    );
    transcode_ok(&app, &person, &hlg, Some(false)).await;

    // A browser's MediaRecorder: VP8 and Opus in WebM.
    let webm = dir.join("recorded.webm");
    ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            PICTURE,
            "-f",
            "lavfi",
            "-i",
            SOUND,
            "-c:v",
            "libvpx",
            "-deadline",
            "realtime",
            "-c:a",
            "libopus",
        ],
        &webm,
    );
    transcode_ok(&app, &person, &webm, Some(false)).await;

    // An old flip camera: MPEG-4 part 2 and PCM in AVI.
    let avi = dir.join("flipcam.avi");
    ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            PICTURE,
            "-f",
            "lavfi",
            "-i",
            SOUND,
            "-c:v",
            "mpeg4",
            "-c:a",
            "pcm_s16le",
        ],
        &avi,
    );
    transcode_ok(&app, &person, &avi, Some(false)).await;

    // Sound only: an audio rendition.
    let audio = dir.join("podcast.m4a");
    ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=300:duration=9",
            "-c:a",
            "aac",
        ],
        &audio,
    );
    let (v, _) = transcode_ok(&app, &person, &audio, None).await;
    assert_eq!(v["renditions"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn hostile_files_fail_with_a_sentence_and_reach_nothing_outside() {
    let (app, person) = app_with_worker().await;
    let dir = app.env.dir.path().to_owned();
    // A listener standing in for any network address a playlist might name.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let bait = listener.local_addr().unwrap();
    let secret = dir.join("secret.ts");
    std::fs::write(&secret, b"not for you").unwrap();

    let text = dir.join("notes.mp4");
    std::fs::write(
        &text,
        "These are my meeting notes, not a video.\n".repeat(50),
    )
    .unwrap();
    let good = dir.join("good.mp4");
    ffmpeg(
        &[
            "-f", "lavfi", "-i", PICTURE, "-c:v", "libx264", "-pix_fmt", "yuv420p",
        ],
        &good,
    );
    let whole = std::fs::read(&good).unwrap();
    let truncated = dir.join("truncated.mp4");
    std::fs::write(&truncated, &whole[..whole.len() / 2]).unwrap();
    let local_playlist = dir.join("local.m3u8");
    std::fs::write(
        &local_playlist,
        format!(
            "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4,\n{}\n#EXT-X-ENDLIST\n",
            secret.display()
        ),
    )
    .unwrap();
    let remote_playlist = dir.join("remote.mp4");
    std::fs::write(&remote_playlist, format!("#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4,\nhttp://{bait}/segment.ts\n#EXT-X-ENDLIST\n")).unwrap();
    let concat = dir.join("list.mp4");
    std::fs::write(
        &concat,
        format!("ffconcat version 1.0\nfile '{}'\n", secret.display()),
    )
    .unwrap();

    for file in [
        &text,
        &truncated,
        &local_playlist,
        &remote_playlist,
        &concat,
    ] {
        let id = upload(&app, &person, file).await;
        let v = settled(&app, &person, &id).await;
        assert_eq!(v["status"], "failed", "{}: {v}", file.display());
        let error = v["error"].as_str().unwrap();
        assert!(
            error.ends_with('.') && error.len() > 30 && !error.contains("FFmpeg"),
            "not a sentence for people: {error}"
        );
        assert_eq!(v["playable"], false);
    }
    // Nobody knocked on the bait address.
    assert!(
        listener.accept().is_err(),
        "a playlist made the server connect out"
    );
    // Failed jobs are not retried: they are dead letters (recorded just after the video fails).
    let started = Instant::now();
    loop {
        let dead: i64 = sqlx::query_scalar("select count(*) from jobs where status = 'dead'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
        if dead == 5 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{dead} dead jobs, expected 5"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let queued: i64 = sqlx::query_scalar("select count(*) from jobs where status <> 'dead'")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(queued, 0, "a failed job is waiting for a retry");
}

async fn stored_keys(app: &TestApp, prefix: &str) -> std::collections::BTreeSet<String> {
    app.state
        .store
        .list(prefix)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.key)
        .collect()
}

async fn stored_bytes(app: &TestApp, key: &str) -> Vec<u8> {
    reelhouse::storage::read_small(
        app.state.store.as_ref(),
        &ObjectKey::new(key).unwrap(),
        1 << 30,
    )
    .await
    .unwrap()
}

/// The objects a finished video must have: the master, each playlist and what it names, the
/// poster, and the storyboard index with the sheets it names. Nothing else.
async fn expected_keys(app: &TestApp, video_id: &str) -> std::collections::BTreeSet<String> {
    let base = format!("videos/{video_id}/");
    let mut keys = std::collections::BTreeSet::new();
    let master =
        String::from_utf8(stored_bytes(app, &format!("{base}hls/master.m3u8")).await).unwrap();
    keys.insert(format!("{base}hls/master.m3u8"));
    for playlist in master
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let dir = playlist.rsplit_once('/').unwrap().0;
        keys.insert(format!("{base}hls/{playlist}"));
        let media =
            String::from_utf8(stored_bytes(app, &format!("{base}hls/{playlist}")).await).unwrap();
        for line in media.lines() {
            if let Some(uri) = line.strip_prefix("#EXT-X-MAP:URI=\"") {
                keys.insert(format!("{base}hls/{dir}/{}", uri.trim_end_matches('"')));
            } else if !line.starts_with('#') && !line.is_empty() {
                keys.insert(format!("{base}hls/{dir}/{line}"));
            }
        }
    }
    keys.insert(format!("{base}poster.jpg"));
    keys.insert(format!("{base}storyboard/storyboard.vtt"));
    let vtt =
        String::from_utf8(stored_bytes(app, &format!("{base}storyboard/storyboard.vtt")).await)
            .unwrap();
    for sheet in vtt
        .lines()
        .filter_map(|l| l.split_once("#xywh=").map(|(s, _)| s))
    {
        keys.insert(format!("{base}storyboard/{sheet}"));
    }
    keys
}

/// Brightness spread of a JPEG, decoded by FFmpeg to grey pixels.
fn jpeg_detail(bytes: &[u8], dir: &Path) -> f64 {
    let path = dir.join("poster-check.jpg");
    std::fs::write(&path, bytes).unwrap();
    let output = Command::new("ffmpeg")
        .args(["-v", "error", "-i"])
        .arg(&path)
        .args(["-vf", "format=gray", "-f", "rawvideo", "-"])
        .output()
        .unwrap();
    let pixels = output.stdout;
    assert!(!pixels.is_empty());
    let mean = pixels.iter().map(|p| f64::from(*p)).sum::<f64>() / pixels.len() as f64;
    (pixels
        .iter()
        .map(|p| (f64::from(*p) - mean).powi(2))
        .sum::<f64>()
        / pixels.len() as f64)
        .sqrt()
}

#[tokio::test]
async fn poster_storyboard_and_no_location_metadata() {
    let (app, person) = app_with_worker().await;
    let dir = app.env.dir.path().to_owned();
    // Two black seconds (a phone's first frames often are), then picture; GPS in the metadata.
    let clip = dir.join("with-gps.mp4");
    ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            "color=c=black:s=320x180:r=30:d=2",
            "-f",
            "lavfi",
            "-i",
            "testsrc2=s=320x180:r=30:d=6",
            "-filter_complex",
            "[0:v][1:v]concat=n=2:v=1:a=0[v]",
            "-map",
            "[v]",
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
            "-metadata",
            "location=+48.8584+002.2945/",
            "-metadata",
            "make=SecretPhoneMaker",
            "-movflags",
            "use_metadata_tags",
        ],
        &clip,
    );
    assert!(
        String::from_utf8_lossy(&std::fs::read(&clip).unwrap()).contains("48.8584"),
        "the test clip carries no location"
    );

    let id = upload(&app, &person, &clip).await;
    let v = settled(&app, &person, &id).await;
    assert_eq!(v["status"], "ready", "{v}");
    assert_eq!(v["progress_pct"], 100);

    let poster = stored_bytes(&app, &format!("videos/{id}/poster.jpg")).await;
    assert!(
        poster.starts_with(&[0xFF, 0xD8]),
        "the poster is not a JPEG"
    );
    assert!(
        jpeg_detail(&poster, &dir) > 20.0,
        "the poster is a flat (black) frame"
    );
    let vtt = String::from_utf8(
        stored_bytes(&app, &format!("videos/{id}/storyboard/storyboard.vtt")).await,
    )
    .unwrap();
    assert!(
        vtt.starts_with("WEBVTT") && vtt.contains("sheet_0.jpg#xywh=0,0,160,90"),
        "{vtt}"
    );
    assert_eq!(
        stored_keys(&app, &format!("videos/{id}/")).await,
        expected_keys(&app, &id).await
    );

    for key in stored_keys(&app, &format!("videos/{id}/hls/")).await {
        let bytes = stored_bytes(&app, &key).await;
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("48.8584") && !text.contains("SecretPhoneMaker"),
            "{key} carries the source's metadata"
        );
    }
}

#[tokio::test]
async fn a_killed_worker_is_taken_over_after_its_lease() {
    let mut env = common::TestEnv::new().await;
    env.vars
        .insert("REELHOUSE_JOB_LEASE_SECONDS".into(), "2".into());
    let app = TestApp::spawn_with(env).await;
    let person = app.person("acme", "m@acme.test", Role::Member).await;
    let clip = app.env.dir.path().join("long.mp4");
    ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=320x180:rate=30:duration=90",
            "-f",
            "lavfi",
            "-i",
            "sine=duration=90",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
        ],
        &clip,
    );
    let id = upload(&app, &person, &clip).await;

    let start_worker = || {
        Command::new(env!("CARGO_BIN_EXE_reelhouse"))
            .envs(&app.env.vars)
            .env("RUST_LOG", "warn")
            .args(["worker", "--concurrency", "1"])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut first = start_worker();
    let started = Instant::now();
    loop {
        let v = video(&app, &person, &id).await;
        if v["status"] == "processing" && v["progress_pct"].as_i64().unwrap_or(0) > 0 {
            break;
        }
        assert!(v["status"] != "ready", "finished before it could be killed");
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "never started: {v}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    first.kill().unwrap(); // SIGKILL: no goodbye, no release
    first.wait().unwrap();
    let status: String = sqlx::query_scalar("select status from jobs where video_id = $1")
        .bind(&id)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(
        status, "running",
        "the killed worker's job should still look taken"
    );

    let mut second = start_worker();
    let v = settled(&app, &person, &id).await;
    assert_eq!(v["status"], "ready", "{v}");
    // The worker records the job done just after the video is ready.
    let started = Instant::now();
    loop {
        let status: String = sqlx::query_scalar("select status from jobs where video_id = $1")
            .bind(&id)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
        if status == "done" || started.elapsed() > Duration::from_secs(20) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    second.kill().ok();
    second.wait().ok();
    let (status, attempts): (String, i64) =
        sqlx::query_as("select status, attempts from jobs where video_id = $1")
            .bind(&id)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!((status.as_str(), attempts), ("done", 2));
    // Exactly the objects of one clean run: nothing duplicated, nothing orphaned.
    assert_eq!(
        stored_keys(&app, &format!("videos/{id}/")).await,
        expected_keys(&app, &id).await
    );
    let renditions: i64 = sqlx::query_scalar("select count(*) from renditions where video_id = $1")
        .bind(&id)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(renditions, 1);
    let dir = app.env.dir.path().join("check");
    check_renditions(&download_hls(&app, &id, &dir).await, Some(false));
    // The killed worker's scratch folder was cleared by the one that took over.
    assert!(
        !app.env
            .dir
            .path()
            .join("scratch")
            .read_dir()
            .is_ok_and(|mut d| d.next().is_some())
    );
}

#[tokio::test]
async fn deleting_a_video_mid_transcode_stops_the_job_and_removes_everything() {
    let (app, person) = app_with_worker().await;
    let clip = app.env.dir.path().join("long.mp4");
    ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=320x180:rate=30:duration=90",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-pix_fmt",
            "yuv420p",
        ],
        &clip,
    );
    let id = upload(&app, &person, &clip).await;
    let started = Instant::now();
    while video(&app, &person, &id).await["playable"] != true {
        assert!(started.elapsed() < Duration::from_secs(60));
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let response = app
        .client
        .delete(app.at(&format!("/api/v1/videos/{id}")))
        .bearer_auth(&person.token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    assert_eq!(
        app.client
            .get(app.at(&format!("/api/v1/videos/{id}")))
            .bearer_auth(&person.token)
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    let jobs: i64 = sqlx::query_scalar("select count(*) from jobs")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(jobs, 0);
    // The worker notices within a heartbeat and cleans up after itself.
    let started = Instant::now();
    loop {
        let left = stored_keys(&app, &format!("videos/{id}/")).await;
        let scratch_busy = app
            .env
            .dir
            .path()
            .join("scratch")
            .read_dir()
            .is_ok_and(|mut d| d.next().is_some());
        if left.is_empty() && !scratch_busy {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "left behind: {left:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(
        stored_keys(&app, "uploads/").await.is_empty(),
        "the source outlived its video"
    );
}

#[tokio::test]
async fn jobs_that_would_not_fit_in_memory_wait_their_turn() {
    // Room for one small transcode at a time (each needs a little over 200 MiB), two workers.
    let mut env = common::TestEnv::new().await;
    env.vars
        .insert("REELHOUSE_TRANSCODE_MEMORY_MIB".into(), "300".into());
    let app = TestApp::spawn_with(env).await;
    let person = app.person("acme", "m@acme.test", Role::Member).await;
    let dir = app.env.dir.path().to_owned();
    let clip = dir.join("ten-seconds.mp4");
    ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=320x180:rate=30:duration=10",
            "-f",
            "lavfi",
            "-i",
            "sine=duration=10",
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
        ],
        &clip,
    );
    let ids = [
        upload(&app, &person, &clip).await,
        upload(&app, &person, &clip).await,
    ];
    // Both wait before the workers start, so each worker claims one at once.
    app.start_workers(2);
    // Both are claimed by a worker at once, but only one decodes at a time: the other stays
    // queued until the first is done.
    let started = Instant::now();
    let mut both_processing = 0;
    let mut seen_processing = [false, false];
    loop {
        // Both statuses from one query (the person's uploads), so the two are seen at the same
        // moment: asked one after the other, the first could still read "processing" while the
        // second has begun after the first finished.
        let (status, mine) = app
            .call(&person, reqwest::Method::GET, "/api/v1/me/videos", None)
            .await;
        assert_eq!(status, 200, "{mine}");
        let statuses: Vec<Value> = ids
            .iter()
            .map(|id| {
                mine["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|v| v["id"] == id.as_str())
                    .map(|v| v["status"].clone())
                    .unwrap_or_default()
            })
            .collect();
        for (seen, status) in seen_processing.iter_mut().zip(&statuses) {
            *seen |= status == "processing";
        }
        if statuses.iter().all(|s| s == "processing") {
            both_processing += 1;
        }
        if statuses.iter().all(|s| s == "ready") {
            break;
        }
        assert!(
            statuses.iter().all(|s| s != "failed"),
            "a transcode failed: {statuses:?}"
        );
        assert!(started.elapsed() < Duration::from_secs(180), "{statuses:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(seen_processing, [true, true]);
    assert_eq!(
        both_processing, 0,
        "two transcodes ran beyond the memory budget"
    );
}

//! Transcoding, on clips FFmpeg generates here: phone clips (rotated, HEVC 10-bit HLG, variable
//! frame rate, odd sizes, no sound, browser WebM, flip-cam AVI), an audio-only file, and hostile
//! files posing as videos. Each upload goes through the API and a real worker.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{Person, TestApp};
use reelhouse::db::users::Role;
use reelhouse::storage::ObjectKey;
use serde_json::Value;

/// Generates a clip with the FFmpeg command line (the `-f lavfi` sources make test patterns).
fn ffmpeg(args: &[&str], out: &Path) {
    let status = Command::new("ffmpeg")
        .args(["-hide_banner", "-loglevel", "error", "-y"])
        .args(args)
        .arg(out)
        .status()
        .expect("ffmpeg is installed by make test");
    assert!(status.success(), "generating {} failed", out.display());
}

const PICTURE: &str = "testsrc2=size=320x180:rate=30:duration=5";
const SOUND: &str = "sine=frequency=440:sample_rate=44100:duration=5";

/// Uploads a file with tus (one PATCH) and returns the video id.
async fn upload(app: &TestApp, person: &Person, path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let name = path.file_name().unwrap().to_str().unwrap();
    let encoded = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, name);
    let response = app
        .client
        .post(app.at("/api/v1/uploads"))
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
    let id = response.headers()["location"]
        .to_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let status: Value = app
        .client
        .get(app.at(&format!("/api/v1/uploads/{id}")))
        .bearer_auth(&person.token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    status["video_id"]
        .as_str()
        .expect("complete upload has a video")
        .to_owned()
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
    // Failed jobs are not retried: they are dead letters.
    let dead: i64 = sqlx::query_scalar("select count(*) from jobs where status = 'dead'")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(dead, 5);
}

//! Resumable uploads as phones make them: the real tus-js-client, connections cut mid-PATCH and
//! resumed (also on a second server process), protocol errors, ownership, quotas and expiry.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{Person, TestApp};
use futures_util::StreamExt;
use reelhouse::db::users::Role;
use reelhouse::storage::ObjectKey;
use serde_json::Value;
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Writes `len` deterministic pseudo-random bytes to a file and returns their SHA-256.
fn write_file(path: &Path, len: usize, seed: u64) -> Vec<u8> {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut hasher = Sha256::new();
    let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
    let mut block = vec![0u8; 1024 * 1024];
    let mut left = len;
    while left > 0 {
        let n = left.min(block.len());
        for byte in &mut block[..n] {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            *byte = (state >> 56) as u8;
        }
        file.write_all(&block[..n]).unwrap();
        hasher.update(&block[..n]);
        left -= n;
    }
    file.flush().unwrap();
    hasher.finalize().to_vec()
}

async fn stored_sha256(app: &TestApp, key: &str) -> (u64, Vec<u8>) {
    let object = app
        .state
        .store
        .get_range(&ObjectKey::new(key).unwrap(), None)
        .await
        .unwrap();
    let mut body = object.body;
    let mut hasher = Sha256::new();
    let mut len = 0;
    while let Some(chunk) = body.next().await {
        let chunk = chunk.unwrap();
        len += chunk.len() as u64;
        hasher.update(&chunk);
    }
    (len, hasher.finalize().to_vec())
}

fn tus(request: reqwest::RequestBuilder, person: &Person) -> reqwest::RequestBuilder {
    request
        .bearer_auth(&person.token)
        .header("tus-resumable", "1.0.0")
}

async fn create(app: &TestApp, person: &Person, length: u64) -> String {
    let response = tus(app.client.post(app.at("/api/v1/uploads")), person)
        .header("upload-length", length.to_string())
        .header("upload-metadata", "filename Y2xpcC5tcDQ=")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    location.rsplit('/').next().unwrap().to_owned()
}

async fn head_offset(base: &str, person: &Person, id: &str) -> u64 {
    let response = reqwest::Client::new()
        .head(format!("{base}/api/v1/uploads/{id}"))
        .bearer_auth(&person.token)
        .header("tus-resumable", "1.0.0")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    response.headers()["upload-offset"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap()
}

async fn upload_status(app: &TestApp, person: &Person, id: &str) -> Value {
    let response = app
        .client
        .get(app.at(&format!("/api/v1/uploads/{id}")))
        .bearer_auth(&person.token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

fn node_client() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/node")
}

#[tokio::test]
async fn tus_js_client_uploads_50_mib_byte_for_byte() {
    let app = TestApp::spawn().await;
    let member = app.person("acme", "m@acme.test", Role::Member).await;
    let file = app.env.dir.path().join("phone-clip.mp4");
    let expected = write_file(&file, 50 * 1024 * 1024, 1);

    let output = tokio::process::Command::new("node")
        .arg(node_client().join("tus-upload.mjs"))
        .args([
            &app.at("/api/v1/uploads"),
            &member.token,
            file.to_str().unwrap(),
            &(8 * 1024 * 1024).to_string(),
        ])
        .output()
        .await
        .expect("node runs (make test installs it)");
    assert!(
        output.status.success(),
        "tus-js-client failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed: Value = serde_json::from_slice(&output.stdout).unwrap();
    let id = printed["url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();

    let status = upload_status(&app, &member, &id).await;
    assert_eq!(status["offset"], 50 * 1024 * 1024);
    let video_id = status["video_id"]
        .as_str()
        .expect("the finished upload names its video")
        .to_owned();
    let (len, actual) = stored_sha256(&app, &format!("uploads/{id}/source")).await;
    assert_eq!(len, 50 * 1024 * 1024);
    assert_eq!(actual, expected, "the stored source differs from the file");

    // The video is queued with its transcode job, in the uploader's organisation.
    let video: Value = app
        .client
        .get(app.at(&format!("/api/v1/videos/{video_id}")))
        .bearer_auth(&member.token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(video["status"], "queued");
    assert_eq!(video["title"], "Uploaded by tus-js-client");
    let jobs: i64 = sqlx::query_scalar("select count(*) from jobs where video_id = $1 and kind = 'transcode' and status = 'queued'")
        .bind(&video_id)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(jobs, 1);
}

/// Sends a PATCH announcing all the remaining bytes but writes only up to `cut`, then drops
/// the connection, as a phone losing signal does.
async fn patch_cut_off(
    addr: &str,
    person: &Person,
    id: &str,
    data: &[u8],
    from: usize,
    cut: usize,
) {
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "PATCH /api/v1/uploads/{id} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {}\r\n\
         Tus-Resumable: 1.0.0\r\nContent-Type: application/offset+octet-stream\r\n\
         Upload-Offset: {from}\r\nContent-Length: {}\r\n\r\n",
        person.token,
        data.len() - from
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    for piece in data[from..cut].chunks(256 * 1024) {
        stream.write_all(piece).await.unwrap();
    }
    stream.flush().await.unwrap();
    // Half-close and drain: the server sees the body end early.
    stream.shutdown().await.unwrap();
    let mut sink = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut sink)).await;
}

/// Waits until the server has recorded the bytes of a cut-off PATCH (its lock is released).
async fn settled_offset(base: &str, person: &Person, id: &str, expected: u64) -> u64 {
    let started = Instant::now();
    loop {
        let offset = head_offset(base, person, id).await;
        if offset == expected || started.elapsed() > Duration::from_secs(15) {
            return offset;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn cut_connections_resume_with_head_and_patch_also_on_a_second_server() {
    let app = TestApp::spawn().await;
    let member = app.person("acme", "m@acme.test", Role::Member).await;
    let second = common::ServerProcess::start(&app.env).await;

    let len = 24 * 1024 * 1024 + 12_345; // three S3 parts and a short last one
    let file = app.env.dir.path().join("session.mov");
    let expected = write_file(&file, len, 2);
    let data = std::fs::read(&file).unwrap();
    let id = create(&app, &member, len as u64).await;

    // Twenty cut points, deterministic but irregular, in increasing order.
    let mut state = 0x5eed_u64;
    let mut cuts: Vec<usize> = (0..20)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize % len
        })
        .collect();
    cuts.sort_unstable();
    cuts.dedup();

    let servers = [app.addr.to_string(), second.addr.clone()];
    let mut offset = 0usize;
    for (round, cut) in cuts.iter().copied().enumerate() {
        if cut <= offset {
            continue;
        }
        let server = &servers[round % 2];
        let base = format!("http://{server}");
        assert_eq!(
            head_offset(&base, &member, &id).await as usize,
            offset,
            "round {round}"
        );
        patch_cut_off(server, &member, &id, &data, offset, cut).await;
        let recorded = settled_offset(&base, &member, &id, cut as u64).await as usize;
        assert_eq!(recorded, cut, "round {round}: bytes that arrived were lost");
        offset = recorded;
    }

    // Finish on the second process with an ordinary PATCH.
    let base = format!("http://{}", second.addr);
    let resume_at = head_offset(&base, &member, &id).await;
    let response = reqwest::Client::new()
        .patch(format!("{base}/api/v1/uploads/{id}"))
        .bearer_auth(&member.token)
        .header("tus-resumable", "1.0.0")
        .header("content-type", "application/offset+octet-stream")
        .header("upload-offset", resume_at.to_string())
        .body(data[resume_at as usize..].to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204, "{}", response.text().await.unwrap());
    let status = upload_status(&app, &member, &id).await;
    assert!(status["video_id"].is_string());
    let (stored_len, actual) = stored_sha256(&app, &format!("uploads/{id}/source")).await;
    assert_eq!(stored_len as usize, len);
    assert_eq!(actual, expected, "the resumed upload differs from the file");
}

#[tokio::test]
async fn protocol_errors_answer_with_their_statuses() {
    let mut env = common::TestEnv::new().await;
    env.vars.insert(
        "REELHOUSE_MAX_UPLOAD_BYTES".into(),
        (100 * 1024 * 1024).to_string(),
    );
    let app = TestApp::spawn_with(env).await;
    let member = app.person("acme", "m@acme.test", Role::Member).await;
    let client = &app.client;

    let options = client
        .request(reqwest::Method::OPTIONS, app.at("/api/v1/uploads"))
        .send()
        .await
        .unwrap();
    assert_eq!(options.status(), 204);
    assert_eq!(options.headers()["tus-version"], "1.0.0");
    let extensions = options.headers()["tus-extension"].to_str().unwrap();
    for extension in [
        "creation",
        "creation-with-upload",
        "termination",
        "expiration",
    ] {
        assert!(
            extensions.split(',').any(|e| e == extension),
            "{extensions}"
        );
    }

    // 412: no or another protocol version.
    let response = client
        .post(app.at("/api/v1/uploads"))
        .bearer_auth(&member.token)
        .header("upload-length", "10")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 412);
    assert_eq!(response.headers()["tus-version"], "1.0.0");
    // 413 at creation, before any byte is sent.
    let response = tus(client.post(app.at("/api/v1/uploads")), &member)
        .header("upload-length", (200u64 * 1024 * 1024).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    // 400: no length.
    let response = tus(client.post(app.at("/api/v1/uploads")), &member)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    // 401: no credentials.
    let response = client
        .post(app.at("/api/v1/uploads"))
        .header("tus-resumable", "1.0.0")
        .header("upload-length", "10")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);

    // creation-with-upload: the first bytes ride on the POST.
    let response = tus(client.post(app.at("/api/v1/uploads")), &member)
        .header("upload-length", "10")
        .header("content-type", "application/offset+octet-stream")
        .body("01234")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    assert_eq!(response.headers()["upload-offset"], "5");
    assert!(response.headers().contains_key("upload-expires"));
    assert_eq!(response.headers()["tus-resumable"], "1.0.0");
    let id = response.headers()["location"]
        .to_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let url = app.at(&format!("/api/v1/uploads/{id}"));

    // 415: wrong content type; 409: wrong offset.
    let response = tus(client.patch(&url), &member)
        .header("upload-offset", "5")
        .header("content-type", "application/json")
        .body("56789")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 415);
    let response = tus(client.patch(&url), &member)
        .header("upload-offset", "3")
        .header("content-type", "application/offset+octet-stream")
        .body("3456789")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 409);
    // More bytes than Upload-Length leaves room for are refused before any is written.
    let response = tus(client.patch(&url), &member)
        .header("upload-offset", "5")
        .header("content-type", "application/offset+octet-stream")
        .body("56789-and-more")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    assert_eq!(head_offset(&app.url, &member, &id).await, 5);

    // Someone else's upload does not exist for them.
    let other = app.person("acme", "other@acme.test", Role::Trainer).await;
    let mine = create(&app, &member, 100).await;
    let mine_url = app.at(&format!("/api/v1/uploads/{mine}"));
    for request in [
        tus(client.head(&mine_url), &other),
        tus(client.patch(&mine_url), &other)
            .header("upload-offset", "0")
            .header("content-type", "application/offset+octet-stream")
            .body("x"),
        tus(client.delete(&mine_url), &other),
        tus(client.get(&mine_url), &other),
    ] {
        assert_eq!(request.send().await.unwrap().status(), 404);
    }
    // The owner may terminate it; then it is gone.
    assert_eq!(
        tus(client.delete(&mine_url), &member)
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    assert_eq!(
        tus(client.head(&mine_url), &member)
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
}

#[tokio::test]
async fn unfinished_uploads_are_limited_per_person_and_expire() {
    let app = TestApp::spawn().await;
    let member = app.person("acme", "m@acme.test", Role::Member).await;
    let mut ids = Vec::new();
    for _ in 0..reelhouse::http::uploads::MAX_UNFINISHED_PER_USER {
        ids.push(create(&app, &member, 10 * 1024 * 1024).await);
    }
    let response = tus(app.client.post(app.at("/api/v1/uploads")), &member)
        .header("upload-length", "100")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 429);

    // Some bytes in the first upload, then it expires.
    let id = ids[0].clone();
    let response = tus(
        app.client.patch(app.at(&format!("/api/v1/uploads/{id}"))),
        &member,
    )
    .header("upload-offset", "0")
    .header("content-type", "application/offset+octet-stream")
    .body(vec![7u8; 9 * 1024 * 1024])
    .send()
    .await
    .unwrap();
    assert_eq!(response.status(), 204);
    sqlx::query("update uploads set expires_at = 0 where id = $1")
        .bind(&id)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let response = tus(
        app.client.head(app.at(&format!("/api/v1/uploads/{id}"))),
        &member,
    )
    .send()
    .await
    .unwrap();
    assert_eq!(response.status(), 410);

    let removed =
        reelhouse::upload::cleanup::sweep_uploads(&app.state.db, app.state.staging.as_ref())
            .await
            .unwrap();
    assert_eq!(removed, 1);
    let left: i64 = sqlx::query_scalar("select count(*) from uploads where id = $1")
        .bind(&id)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(left, 0);
    // Its staged bytes are gone too: the staging file, or the S3 tail object and parts.
    let staged_file = app
        .env
        .dir
        .path()
        .join("uploads")
        .join(format!("{id}.part"));
    assert!(!staged_file.exists());
    let listed = app
        .state
        .store
        .list(&format!("uploads/{id}/"))
        .await
        .unwrap();
    assert!(listed.is_empty(), "left behind: {listed:?}");
    // And a new upload is allowed again.
    create(&app, &member, 100).await;
}

#[tokio::test]
async fn one_person_cannot_fill_the_queue() {
    let app = TestApp::spawn().await;
    let member = app.person("acme", "m@acme.test", Role::Member).await;
    let pool = app.state.db.pool();
    for n in 0..reelhouse::http::uploads::MAX_WAITING_PER_USER {
        reelhouse::db::videos::create_queued(
            pool,
            &member.user.org_id,
            &member.user.id,
            &format!("v{n}"),
            "k",
        )
        .await
        .unwrap();
    }
    let response = tus(app.client.post(app.at("/api/v1/uploads")), &member)
        .header("upload-length", "100")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 429);
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("waiting"),
        "{body}"
    );
    let colleague = app.person("acme", "c@acme.test", Role::Member).await;
    let response = tus(app.client.post(app.at("/api/v1/uploads")), &colleague)
        .header("upload-length", "100")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
}

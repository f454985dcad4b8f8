//! Handouts: documents attached to a video, recognised by content, downloaded safely.

mod common;

use common::{Person, TestApp};
use reelhouse::db::users::Role;
use serde_json::Value;

async fn a_video(app: &TestApp, owner: &Person) -> String {
    let pool = app.state.db.pool();
    reelhouse::db::videos::create_queued(
        pool,
        &owner.user.org_id,
        &owner.user.id,
        "Safety",
        "uploads/x/source",
    )
    .await
    .unwrap()
}

async fn attach(
    app: &TestApp,
    person: &Person,
    video: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    // Raw UTF-8 names, as browsers send them.
    let form = reqwest::multipart::Form::new()
        .percent_encode_noop()
        .text("title", "Checklist")
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
        );
    app.client
        .post(app.at(&format!("/api/v1/videos/{video}/handouts")))
        .bearer_auth(&person.token)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// A small but real PDF followed by a megabyte of binary stream data.
fn pdf() -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nstream\n".to_vec();
    bytes.extend((0..1024 * 1024).map(|i: u32| (i.wrapping_mul(2654435761) >> 24) as u8));
    bytes.extend_from_slice(b"\nendstream\n%%EOF\n");
    bytes
}

#[tokio::test]
async fn a_pdf_round_trips_byte_identical() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let member = app.person("acme", "m@acme.test", Role::Member).await;
    let video = a_video(&app, &trainer).await;
    let original = pdf();
    let response = attach(
        &app,
        &trainer,
        &video,
        "Welding checklist.pdf",
        original.clone(),
    )
    .await;
    assert_eq!(response.status(), 201);
    let handout: Value = response.json().await.unwrap();
    assert_eq!(handout["content_type"], "application/pdf");
    assert_eq!(handout["title"], "Checklist");
    assert_eq!(handout["size"], original.len());

    // Any member of the organisation downloads it, as an attachment, byte for byte.
    let id = handout["id"].as_str().unwrap();
    let response = app
        .client
        .get(app.at(&format!("/api/v1/handouts/{id}/download")))
        .bearer_auth(&member.token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.starts_with("attachment; filename=\"Welding checklist.pdf\""),
        "{disposition}"
    );
    assert_eq!(
        response.bytes().await.unwrap().as_ref(),
        original.as_slice()
    );

    // It is listed on the video.
    let video_view: Value = app
        .client
        .get(app.at(&format!("/api/v1/videos/{video}")))
        .bearer_auth(&member.token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(video_view["handouts"][0]["id"], handout["id"]);
}

#[tokio::test]
async fn programs_and_unknown_files_are_refused_whatever_their_name() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let video = a_video(&app, &trainer).await;
    let mut exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff".to_vec();
    exe.extend(vec![0u8; 4096]);
    let response = attach(&app, &trainer, &video, "handbook.pdf", exe).await;
    assert_eq!(response.status(), 415);
    let body: Value = response.json().await.unwrap();
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("programs"),
        "{body}"
    );

    let response = attach(
        &app,
        &trainer,
        &video,
        "data.pdf",
        vec![0, 159, 146, 150, 0, 1, 2],
    )
    .await;
    assert_eq!(response.status(), 415);
    // Nothing was stored.
    assert!(app.state.store.list("handouts/").await.unwrap().is_empty());
}

#[tokio::test]
async fn hostile_names_are_stored_and_served_safely() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let video = a_video(&app, &trainer).await;
    let response = attach(&app, &trainer, &video, "../../x.pdf", pdf()).await;
    assert_eq!(response.status(), 201);
    let handout: Value = response.json().await.unwrap();
    assert_eq!(handout["filename"], "x.pdf");
    // Stored under its id, inside the store; nothing appeared outside it.
    let listed: Vec<String> = app
        .state
        .store
        .list("")
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.key)
        .collect();
    assert_eq!(
        listed,
        [format!("handouts/{}", handout["id"].as_str().unwrap())]
    );
    assert!(!app.env.dir.path().join("x.pdf").exists());
    assert!(!app.env.dir.path().parent().unwrap().join("x.pdf").exists());

    // A name with quotes, a header-like part and non-ASCII letters becomes a safe header.
    let response = attach(
        &app,
        &trainer,
        &video,
        "Sécurité 'final'; X-Evil: 1.txt",
        b"plain text\n".to_vec(),
    )
    .await;
    assert_eq!(response.status(), 201);
    let handout: Value = response.json().await.unwrap();
    let response = app
        .client
        .get(app.at(&format!(
            "/api/v1/handouts/{}/download",
            handout["id"].as_str().unwrap()
        )))
        .bearer_auth(&trainer.token)
        .send()
        .await
        .unwrap();
    assert!(response.headers().get("x-evil").is_none());
    let disposition = response.headers()["content-disposition"].to_str().unwrap();
    assert!(
        disposition.contains("filename*=UTF-8''S%C3%A9curit%C3%A9"),
        "{disposition}"
    );
    assert_eq!(
        response.headers()["content-type"],
        "text/plain; charset=utf-8"
    );
}

#[tokio::test]
async fn who_may_attach_rename_and_delete() {
    let app = TestApp::spawn().await;
    let owner = app.person("acme", "owner@acme.test", Role::Member).await;
    let colleague = app
        .person("acme", "colleague@acme.test", Role::Member)
        .await;
    let stranger = app.person("globex", "x@globex.test", Role::Admin).await;
    let video = a_video(&app, &owner).await;

    assert_eq!(
        attach(&app, &colleague, &video, "a.pdf", pdf())
            .await
            .status(),
        403
    );
    assert_eq!(
        attach(&app, &stranger, &video, "a.pdf", pdf())
            .await
            .status(),
        404
    );
    let response = attach(&app, &owner, &video, "a.pdf", pdf()).await;
    assert_eq!(response.status(), 201);
    let id = response.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let url = app.at(&format!("/api/v1/handouts/{id}"));

    let rename = |person: &Person, title: &str| {
        app.client
            .patch(&url)
            .bearer_auth(&person.token)
            .json(&serde_json::json!({ "title": title }))
            .send()
    };
    assert_eq!(rename(&colleague, "Mine now").await.unwrap().status(), 403);
    assert_eq!(rename(&stranger, "Mine now").await.unwrap().status(), 404);
    let renamed: Value = rename(&owner, "Final checklist")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(renamed["title"], "Final checklist");

    assert_eq!(
        app.client
            .delete(&url)
            .bearer_auth(&colleague.token)
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
    assert_eq!(
        app.client
            .delete(&url)
            .bearer_auth(&owner.token)
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    assert!(
        app.state.store.list("handouts/").await.unwrap().is_empty(),
        "the file outlived its handout"
    );
    let download = app.at(&format!("/api/v1/handouts/{id}/download"));
    assert_eq!(
        app.client
            .get(&download)
            .bearer_auth(&owner.token)
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
}

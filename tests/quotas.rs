//! Storage quotas: a person or organisation over its quota is told before sending the bytes,
//! unfinished uploads count for what they claim, handouts count too, the operator's own quota
//! for an organisation wins over the server's default, and admins see the usage.

mod common;

use common::{Person, TestApp, TestEnv};
use reelhouse::db::users::Role;
use reqwest::Method;

/// Starts a tus upload of `length` bytes without sending any: the status and the error message.
async fn start_upload(app: &TestApp, person: &Person, length: u64) -> (u16, String) {
    let response = app
        .client
        .post(app.at("/api/v1/uploads"))
        .bearer_auth(&person.token)
        .header("tus-resumable", "1.0.0")
        .header("upload-length", length.to_string())
        .header("upload-metadata", "filename Y2xpcC5tcDQ=")
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body: serde_json::Value = response.json().await.unwrap_or_default();
    (
        status,
        body["error"]["message"].as_str().unwrap_or("").to_owned(),
    )
}

/// A handout of `size` bytes (a PDF) into the library: its status.
async fn add_handout(app: &TestApp, person: &Person, size: usize) -> u16 {
    let mut bytes = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nstream\n".to_vec();
    bytes.resize(size, b'x');
    app.post_form(
        person,
        "/api/v1/handouts",
        common::file_form("notes.pdf", bytes),
    )
    .await
    .0
}

#[tokio::test]
async fn a_person_over_quota_is_told_before_sending_the_bytes() {
    let mut env = TestEnv::new().await;
    env.vars
        .insert("REELHOUSE_PERSON_QUOTA_BYTES".into(), "1000000".into());
    let app = TestApp::spawn_with(env).await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;

    let (status, message) = start_upload(&app, &trainer, 2_000_000).await;
    assert_eq!(status, 413);
    assert!(
        message.contains("quota") && message.contains("2.0 MB") && message.contains("1.0 MB"),
        "{message}"
    );
    // An unfinished upload counts for the bytes it claims.
    assert_eq!(start_upload(&app, &trainer, 600_000).await.0, 201);
    let (status, message) = start_upload(&app, &trainer, 600_000).await;
    assert_eq!(status, 413, "{message}");
    // Handouts count too: 400 kB are left, so 500 kB do not fit and nothing is kept.
    assert_eq!(add_handout(&app, &trainer, 500_000).await, 413);
    assert_eq!(add_handout(&app, &trainer, 300_000).await, 201);
    // Another person has their own quota.
    let colleague = app.person("acme", "c@acme.test", Role::Trainer).await;
    assert_eq!(start_upload(&app, &colleague, 900_000).await.0, 201);
}

#[tokio::test]
async fn an_organisations_own_quota_wins_and_admins_see_the_usage() {
    let mut env = TestEnv::new().await;
    env.vars
        .insert("REELHOUSE_ORG_QUOTA_BYTES".into(), "1000000".into());
    let app = TestApp::spawn_with(env).await;
    let admin = app.person("acme", "a@acme.test", Role::Admin).await;
    let member = app.person("acme", "m@acme.test", Role::Member).await;

    assert_eq!(start_upload(&app, &member, 700_000).await.0, 201);
    let (status, message) = start_upload(&app, &member, 700_000).await;
    assert_eq!(status, 413);
    assert!(message.contains("organisation"), "{message}");

    let (status, usage) = app
        .call(&admin, Method::GET, "/api/v1/org/usage", None)
        .await;
    assert_eq!(status, 200);
    assert_eq!(usage["used_bytes"], 700_000);
    assert_eq!(usage["quota_bytes"], 1_000_000);
    assert!(usage["person_quota_bytes"].is_null());
    assert_eq!(usage["people"][0]["user_id"], member.user.id.as_str());
    assert_eq!(usage["people"][0]["used_bytes"], 700_000);
    assert_eq!(
        app.call(&member, Method::GET, "/api/v1/org/usage", None)
            .await
            .0,
        403
    );

    // The operator lifts this organisation's quota (0 = unlimited), then sets a person's.
    let pool = app.state.db.pool();
    assert!(
        reelhouse::db::usage::set_quotas(pool, "acme", Some(0), None)
            .await
            .unwrap()
    );
    assert_eq!(start_upload(&app, &member, 5_000_000).await.0, 201);
    reelhouse::db::usage::set_quotas(pool, "acme", None, Some(6_000_000))
        .await
        .unwrap();
    // The default organisation quota is back (1 MB, and 5.7 MB are claimed).
    assert_eq!(start_upload(&app, &member, 1).await.0, 413);
}

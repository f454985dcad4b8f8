//! Branding: an admin sets the company's look; the sign-in page reads it without signing in.

mod common;

use common::TestApp;
use reelhouse::db::users::Role;
use serde_json::{Value, json};

#[tokio::test]
async fn admins_brand_their_organisation_and_anyone_reads_it() {
    let app = TestApp::spawn().await;
    let admin = app.person("acme", "a@acme.test", Role::Admin).await;
    let member = app.person("acme", "m@acme.test", Role::Member).await;
    let put = |token: &str, body: Value| {
        app.client
            .put(app.at("/api/v1/branding"))
            .bearer_auth(token)
            .json(&body)
            .send()
    };

    let brand = json!({ "name": "Acme Training", "primary_color": "#1A4D8F", "accent_color": "#B3261E",
        "welcome_message": "Welcome to the team!" });
    let response = put(&admin.token, brand.clone()).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(put(&member.token, brand).await.unwrap().status(), 403);

    // The sign-in page, not signed in, asks by slug.
    let public: Value = reqwest::get(app.at("/api/v1/branding?org=acme"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(public["name"], "Acme Training");
    assert_eq!(public["primary_color"], "#1a4d8f");
    assert_eq!(public["welcome_message"], "Welcome to the team!");
    // Signed in, people see their own organisation's.
    let mine: Value = app
        .client
        .get(app.at("/api/v1/branding"))
        .bearer_auth(&member.token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(mine["name"], "Acme Training");
    // Another organisation's look is untouched.
    let other = app.person("globex", "g@globex.test", Role::Admin).await;
    let theirs: Value = app
        .client
        .get(app.at("/api/v1/branding"))
        .bearer_auth(&other.token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(theirs["name"], "globex");

    // Any colour is kept as given, light ones too (the web app derives readable text from it);
    // only what is not `#rrggbb` is refused.
    let response = put(
        &admin.token,
        json!({ "name": "Acme", "primary_color": "#FFEB3B", "accent_color": "#ff9900" }),
    )
    .await
    .unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["primary_color"], "#ffeb3b", "{body}");
    assert_eq!(body["accent_color"], "#ff9900", "{body}");
    let response = put(
        &admin.token,
        json!({ "name": "Acme", "accent_color": "red" }),
    )
    .await
    .unwrap();
    assert_eq!(response.status(), 422);
    assert_eq!(
        reqwest::get(app.at("/api/v1/branding?org=nope"))
            .await
            .unwrap()
            .status(),
        404
    );
}

//! The web app in a real browser at a phone's size: the sign-in page wears the organisation's
//! branding, signing in lands on the home page with the person's on-boarding. Needs web/dist
//! (built by `make test` before the Rust tests).

mod common;

use std::path::Path;

use common::TestApp;
use reelhouse::db::users::Role;
use serde_json::{Value, json};

#[tokio::test]
async fn a_new_hire_signs_in_on_a_phone() {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("web/dist");
    assert!(
        dist.join("index.html").exists(),
        "build the web app first (make test does): {}",
        dist.display()
    );
    let mut env = common::TestEnv::new().await;
    env.vars
        .insert("REELHOUSE_WEB_DIR".into(), dist.display().to_string());
    let app = TestApp::spawn_with(env).await;
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

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/node/web-signin.mjs");
    let output = tokio::process::Command::new("node")
        .arg(script)
        .args([
            &app.url,
            "nia@acme.test",
            &hire.password,
            app.env.dir.path().to_str().unwrap(),
        ])
        .output()
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let seen: Value = serde_json::from_str(stdout.trim()).unwrap();
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

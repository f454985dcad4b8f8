//! Sign-in with the organisation's OpenID provider, in Chromium against a real provider on
//! loopback (the certified `oidc-provider` package, tests/node/oidc-provider.mjs): a new person
//! arrives signed in with the default role in the right organisation; a wrong `state` or
//! `nonce`, an unverified email and an email outside the organisation's domains are refused; the
//! provider's key rotation is followed; passwords can be turned off. Needs web/dist (built by
//! `make test` before the Rust tests).

mod common;

use std::path::Path;
use std::process::Stdio;

use common::TestApp;
use reelhouse::db::users::Role;
use reqwest::Method;
use serde_json::{Value, json};
use tokio::io::AsyncBufReadExt;

const CLIENT_ID: &str = "reelhouse";
const CLIENT_SECRET: &str = "a-client-secret-for-tests";

fn node_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/node")
}

/// The OpenID provider, running until dropped; returns it and its issuer URL.
async fn provider(redirect_uri: &str) -> (tokio::process::Child, String) {
    let accounts = json!([
        {"id": "alice", "email": "alice@acme.test", "email_verified": true, "name": "Alice Able"},
        {"id": "bob", "email": "bob@acme.test", "email_verified": false, "name": "Bob Unverified"},
        {"id": "carol", "email": "carol@other.test", "email_verified": true, "name": "Carol Other"},
    ]);
    let mut child = tokio::process::Command::new("node")
        .arg(node_dir().join("oidc-provider.mjs"))
        .env("OIDC_PORT", "0")
        .env("OIDC_CLIENT_ID", CLIENT_ID)
        .env("OIDC_CLIENT_SECRET", CLIENT_SECRET)
        .env("OIDC_REDIRECT_URI", redirect_uri)
        .env("OIDC_ACCOUNTS", accounts.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("node tests/node/oidc-provider.mjs (npm packages installed by make test)");
    let mut lines = tokio::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let ready = lines
        .next_line()
        .await
        .unwrap()
        .expect("the provider's ready line");
    let ready: Value = serde_json::from_str(&ready).unwrap();
    (child, ready["issuer"].as_str().unwrap().to_owned())
}

/// Runs tests/node/web-sso.mjs: typing `email` on the sign-in page, signing in at the provider
/// as `login`, in `scenario`; returns its JSON line.
async fn sso_in_browser(app: &TestApp, email: &str, login: &str, scenario: &str) -> Value {
    let output = tokio::process::Command::new("node")
        .arg(node_dir().join("web-sso.mjs"))
        .args([&app.url, email, login, scenario])
        .arg(app.env.dir.path())
        .output()
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_str(stdout.trim()).unwrap()
}

async fn user_count(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar("select count(*) from users where email = $1")
        .bind(email)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn people_sign_in_with_their_organisations_provider_in_a_browser() {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("web/dist");
    assert!(
        dist.join("index.html").exists(),
        "build the web app first (make test does)"
    );
    let port = common::free_port();
    let origin = format!("http://127.0.0.1:{port}");
    let redirect_uri = format!("{origin}/api/v1/auth/oidc/callback");
    let (mut idp, issuer) = provider(&redirect_uri).await;
    let mut env = common::TestEnv::new().await;
    env.vars
        .insert("REELHOUSE_WEB_DIR".into(), dist.display().to_string());
    env.vars
        .insert("REELHOUSE_BIND".into(), format!("127.0.0.1:{port}"));
    env.vars
        .insert("REELHOUSE_PUBLIC_URL".into(), origin.clone());
    let app = TestApp::spawn_with(env).await;
    let admin = app.person("acme", "boss@acme.test", Role::Admin).await;
    let other = app.person("globex", "root@globex.test", Role::Admin).await;

    let settings = |password_sign_in: bool| {
        json!({
            "name": "Acme ID", "issuer": issuer, "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET, "domains": ["Acme.test"], "create_users": true,
            "default_role": "member", "password_sign_in": password_sign_in,
        })
    };
    // Only https (or http on loopback) issuers, without query or fragment: the server fetches
    // what an admin names, so it cannot be pointed at just any address.
    for bad in [
        "http://example.com".to_owned(),
        format!("{issuer}?x=1"),
        format!("{issuer}#frag"),
        "ftp://127.0.0.1/".to_owned(),
    ] {
        let mut body = settings(true);
        body["issuer"] = json!(bad);
        let (status, body) = app
            .call(&admin, Method::PUT, "/api/v1/org/sso", Some(body))
            .await;
        assert_eq!(status, 422, "{bad}: {body}");
    }
    let mut unreachable = settings(true);
    unreachable["issuer"] = json!("http://127.0.0.1:9");
    let (status, body) = app
        .call(&admin, Method::PUT, "/api/v1/org/sso", Some(unreachable))
        .await;
    assert_eq!(
        status, 422,
        "an issuer that does not answer is refused: {body}"
    );
    let (status, saved) = app
        .call(&admin, Method::PUT, "/api/v1/org/sso", Some(settings(true)))
        .await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["domains"], json!(["acme.test"]));
    assert_eq!(saved["redirect_uri"], redirect_uri);
    assert_eq!(saved["client_secret_set"], true);
    assert!(
        !saved.to_string().contains(CLIENT_SECRET),
        "the secret is never shown"
    );
    let (status, body) = app
        .call(&other, Method::PUT, "/api/v1/org/sso", Some(settings(true)))
        .await;
    assert_eq!(
        status, 409,
        "a domain signs in with one organisation: {body}"
    );

    // A new person arrives signed in, with the default role, in the organisation of the domain.
    let signed_in = sso_in_browser(&app, "alice@acme.test", "alice", "ok").await;
    assert_eq!(signed_in["outcome"], "signed-in", "{signed_in}");
    let me = &signed_in["me"];
    assert_eq!(me["email"], "alice@acme.test");
    assert_eq!(me["name"], "Alice Able");
    assert_eq!(me["role"], "member");
    assert_eq!(me["org"]["slug"], "acme");
    assert_eq!(me["has_password"], false);

    // Refusals: a tampered state, a tampered nonce, an unverified email, a foreign domain.
    for (email, login, scenario, who, why) in [
        (
            "alice@acme.test",
            "alice",
            "wrong-state",
            "alice@acme.test",
            "did not start in this browser",
        ),
        (
            "alice@acme.test",
            "alice",
            "wrong-nonce",
            "alice@acme.test",
            "could not be trusted",
        ),
        (
            "bob@acme.test",
            "bob",
            "refused",
            "bob@acme.test",
            "has not verified",
        ),
        (
            "alice@acme.test",
            "carol",
            "refused",
            "carol@other.test",
            "not in a domain",
        ),
    ] {
        let before = user_count(&app, who).await;
        let result = sso_in_browser(&app, email, login, scenario).await;
        assert_eq!(
            result["outcome"], "refused",
            "{scenario} as {login}: {result}"
        );
        let sentence = result["sso_error"].as_str().unwrap_or_default();
        assert!(sentence.contains(why), "{scenario} as {login}: {result}");
        assert_eq!(user_count(&app, who).await, before, "no account for {who}");
    }

    // The provider rotates its signing key: the next sign-in uses the new one.
    let rotated = reqwest::Client::new()
        .post(format!("{issuer}/__rotate"))
        .send()
        .await
        .unwrap();
    assert_eq!(rotated.status(), 204);
    let again = sso_in_browser(&app, "alice@acme.test", "alice", "ok").await;
    assert_eq!(again["outcome"], "signed-in", "{again}");
    assert_eq!(user_count(&app, "alice@acme.test").await, 1);

    // Passwords turned off: the sign-in page hears so, and a password no longer signs in.
    let (status, _) = app
        .call(
            &admin,
            Method::PUT,
            "/api/v1/org/sso",
            Some(settings(false)),
        )
        .await;
    assert_eq!(status, 200);
    let options: Value = app
        .client
        .get(app.at("/api/v1/auth/oidc/providers?email=someone@acme.test"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(options["password_sign_in"], false, "{options}");
    assert_eq!(options["providers"][0]["name"], "Acme ID");
    let login = reqwest::Client::new()
        .post(app.at("/api/v1/auth/login"))
        .json(&json!({"email": "boss@acme.test", "password": admin.password}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 403);
    // Nor does a reset link give a password back.
    let (status, body) = app
        .call(
            &admin,
            Method::POST,
            &format!("/api/v1/users/{}/password-reset", admin.user.id),
            None,
        )
        .await;
    assert_eq!(status, 403, "{body}");
    let (status, _) = app
        .call(&admin, Method::DELETE, "/api/v1/org/sso", None)
        .await;
    assert_eq!(status, 204);
    let login = reqwest::Client::new()
        .post(app.at("/api/v1/auth/login"))
        .json(&json!({"email": "boss@acme.test", "password": admin.password}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        login.status(),
        200,
        "passwords are back once SSO is removed"
    );
    idp.kill().await.ok();
}

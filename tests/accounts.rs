//! Accounts as companies expect them: changing a password (other sessions and open reset links
//! end), reset links handed over by an admin or emailed (once, within the hour, the same answer
//! for unknown emails), and API tokens that expire.

mod common;

use std::time::Duration;

use common::TestApp;
use reelhouse::db::users::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

async fn post(client: &reqwest::Client, url: String, body: Value) -> (StatusCode, Value) {
    let response = client.post(url).json(&body).send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn me_status(app: &TestApp, client: &reqwest::Client) -> StatusCode {
    client
        .get(app.at("/api/v1/auth/me"))
        .send()
        .await
        .unwrap()
        .status()
}

async fn login_status(app: &TestApp, email: &str, password: &str) -> StatusCode {
    reqwest::Client::new()
        .post(app.at("/api/v1/auth/login"))
        .json(&json!({ "email": email, "password": password }))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn a_changed_password_ends_the_old_one_other_sessions_and_open_reset_links() {
    let app = TestApp::spawn().await;
    let admin = app.person("acme", "boss@acme.test", Role::Admin).await;
    let dana = app.person("acme", "dana@acme.test", Role::Member).await;
    let here = app.signed_in("dana@acme.test", &dana.password).await;
    let elsewhere = app.signed_in("dana@acme.test", &dana.password).await;
    let (status, link) = app
        .call(
            &admin,
            Method::POST,
            &format!("/api/v1/users/{}/password-reset", dana.user.id),
            None,
        )
        .await;
    assert_eq!(status, 201, "{link}");
    let token = link["url"]
        .as_str()
        .unwrap()
        .split("token=")
        .nth(1)
        .unwrap()
        .to_owned();

    let change = |current: &str, new: &str| {
        post(
            &here,
            app.at("/api/v1/auth/password"),
            json!({ "current_password": current, "new_password": new }),
        )
    };
    let (status, body) = change("not my password", "a brand new password").await;
    assert_eq!(status, 403, "{body}");
    let (status, body) = change(&dana.password, "short").await;
    assert_eq!(status, 422, "{body}");
    let (status, body) = change(&dana.password, "a brand new password").await;
    assert_eq!(status, 204, "{body}");

    assert_eq!(me_status(&app, &here).await, 200, "this session stays");
    assert_eq!(me_status(&app, &elsewhere).await, 401, "other sessions end");
    assert_eq!(
        login_status(&app, "dana@acme.test", &dana.password).await,
        401
    );
    assert_eq!(
        login_status(&app, "dana@acme.test", "a brand new password").await,
        200
    );
    let (status, body) = post(
        &reqwest::Client::new(),
        app.at("/api/v1/auth/password/reset"),
        json!({ "token": token, "new_password": "someone else's choice" }),
    )
    .await;
    assert_eq!(
        status, 400,
        "a reset link made before the change is over: {body}"
    );
}

#[tokio::test]
async fn an_admins_reset_link_works_once_within_the_hour_and_signs_in() {
    let app = TestApp::spawn().await;
    let admin = app.person("acme", "boss@acme.test", Role::Admin).await;
    let trainer = app.person("acme", "coach@acme.test", Role::Trainer).await;
    let dana = app.person("acme", "dana@acme.test", Role::Member).await;
    let outsider = app.person("globex", "root@globex.test", Role::Admin).await;
    let path = format!("/api/v1/users/{}/password-reset", dana.user.id);
    let (status, _) = app.call(&trainer, Method::POST, &path, None).await;
    assert_eq!(status, 403, "trainers do not make reset links");
    let (status, _) = app.call(&outsider, Method::POST, &path, None).await;
    assert_eq!(status, 404, "nor admins of another organisation");
    let old_session = app.signed_in("dana@acme.test", &dana.password).await;

    let (status, link) = app.call(&admin, Method::POST, &path, None).await;
    assert_eq!(status, 201, "{link}");
    let url = link["url"].as_str().unwrap();
    assert!(
        url.starts_with("http") && url.contains("/reset?token="),
        "{url}"
    );
    let in_an_hour = reelhouse::db::now_ms() + 3600 * 1000;
    let expires_at = link["expires_at"].as_i64().unwrap();
    assert!((in_an_hour - 5000..=in_an_hour + 5000).contains(&expires_at));
    let token = url.split("token=").nth(1).unwrap();

    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let reset = |password: &'static str| {
        post(
            &browser,
            app.at("/api/v1/auth/password/reset"),
            json!({ "token": token, "new_password": password }),
        )
    };
    let (status, body) = reset("short").await;
    assert_eq!(
        status, 422,
        "a short password leaves the link usable: {body}"
    );
    let (status, me) = reset("chosen by dana herself").await;
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["email"], "dana@acme.test");
    assert_eq!(me_status(&app, &browser).await, 200, "the reset signs in");
    assert_eq!(
        me_status(&app, &old_session).await,
        401,
        "older sessions end"
    );
    assert_eq!(
        login_status(&app, "dana@acme.test", "chosen by dana herself").await,
        200
    );
    let (status, body) = reset("a second use of the link").await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("not valid any more"), "{body}");

    // A link past its hour does not work.
    let (_, link) = app.call(&admin, Method::POST, &path, None).await;
    let token = link["url"]
        .as_str()
        .unwrap()
        .split("token=")
        .nth(1)
        .unwrap()
        .to_owned();
    sqlx::query("update password_resets set expires_at = $1 where used_at is null")
        .bind(reelhouse::db::now_ms() - 1)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let (status, _) = post(
        &reqwest::Client::new(),
        app.at("/api/v1/auth/password/reset"),
        json!({ "token": token, "new_password": "too late for this one" }),
    )
    .await;
    assert_eq!(status, 400);
    // Only hashes of reset tokens are stored.
    let stored = common::all_stored_text(&app.state.db).await;
    assert!(!stored.iter().any(|text| text.contains(&token)));
}

#[tokio::test]
async fn a_forgotten_password_is_emailed_and_unknown_emails_get_the_same_answer() {
    let mut env = common::TestEnv::new().await;
    let smtp = common::SmtpSink::start(&env.dir.path().join("maildir")).await;
    smtp.configure(&mut env.vars, "Reelhouse <rh@acme.test>");
    let app = TestApp::spawn_with(env).await;
    app.person("acme", "dana@acme.test", Role::Member).await;

    let anyone = reqwest::Client::new();
    let forgot = |email: &'static str| {
        post(
            &anyone,
            app.at("/api/v1/auth/password/forgot"),
            json!({ "email": email }),
        )
    };
    let (known_status, known) = forgot("Dana@Acme.test").await;
    let (unknown_status, unknown) = forgot("nobody@acme.test").await;
    assert_eq!(
        (known_status, unknown_status),
        (StatusCode::ACCEPTED, StatusCode::ACCEPTED)
    );
    assert_eq!(
        known, unknown,
        "the same answer whether or not the email is known"
    );

    // The email goes out in the background: wait for it, then a little longer for any other.
    for _ in 0..100 {
        if !smtp.messages().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mail = smtp.messages();
    drop(smtp);
    assert_eq!(mail.len(), 1, "one email, to the known address only");
    let message = &mail[0];
    assert!(message.contains("To: dana@acme.test"), "{message}");
    let unfolded = common::unfold_quoted_printable(message);
    let token = unfolded
        .split("/reset?token=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no link in the email:\n{message}"))
        .to_owned();
    let (status, me) = post(
        &reqwest::Client::new(),
        app.at("/api/v1/auth/password/reset"),
        json!({ "token": token, "new_password": "from the emailed link" }),
    )
    .await;
    assert_eq!(status, 200, "{me}");
    assert_eq!(
        login_status(&app, "dana@acme.test", "from the emailed link").await,
        200
    );
}

#[tokio::test]
async fn api_tokens_expire_and_say_when() {
    let app = TestApp::spawn().await;
    let dana = app.person("acme", "dana@acme.test", Role::Member).await;
    let (status, body) = app
        .call(
            &dana,
            Method::POST,
            "/api/v1/auth/tokens",
            Some(json!({ "name": "too long", "expires_in_days": 5000 })),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    let (status, created) = app
        .call(
            &dana,
            Method::POST,
            "/api/v1/auth/tokens",
            Some(json!({ "name": "laptop", "expires_in_days": 30 })),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let in_30_days = reelhouse::db::now_ms() + 30 * 24 * 3600 * 1000;
    let expires_at = created["expires_at"].as_i64().unwrap();
    assert!((in_30_days - 5000..=in_30_days + 5000).contains(&expires_at));
    let token = created["token"].as_str().unwrap().to_owned();
    let with_token = |token: String| {
        let client = app.client.clone();
        let url = app.at("/api/v1/auth/me");
        async move {
            client
                .get(url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(with_token(token.clone()).await, 200);

    let (_, listed) = app
        .call(&dana, Method::GET, "/api/v1/auth/tokens", None)
        .await;
    let laptop = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "laptop")
        .unwrap();
    assert_eq!(laptop["expires_at"], expires_at);
    let fixture = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "test")
        .unwrap();
    assert_eq!(
        fixture["expires_at"],
        Value::Null,
        "a token without expiry says so"
    );

    sqlx::query("update api_tokens set expires_at = $1 where id = $2")
        .bind(reelhouse::db::now_ms() - 1)
        .bind(created["id"].as_str().unwrap())
        .execute(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(
        with_token(token).await,
        401,
        "an expired token stops working"
    );
}

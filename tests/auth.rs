//! Identity stories: a new hire arrives by invitation, signs in and out; wrong passwords are
//! rate-limited; deactivation takes effect at once; secrets never rest in clear; cross-site
//! requests are refused; every response carries the security headers.

mod common;

use std::time::Duration;

use common::TestApp;
use reelhouse::db::users::Role;
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test]
async fn invite_accept_sign_in_sign_out() {
    let app = TestApp::spawn().await;
    let admin = app.person("acme", "boss@acme.test", Role::Admin).await;
    let boss = app.signed_in("boss@acme.test", &admin.password).await;

    let response = boss
        .post(app.at("/api/v1/invitations"))
        .json(&json!({ "email": "New.Hire@Acme.test", "role": "member" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let invitation: Value = response.json().await.unwrap();
    assert_eq!(invitation["email"], "new.hire@acme.test");
    assert_eq!(invitation["role"], "member");
    let token = invitation["token"].as_str().unwrap().to_owned();
    assert!(
        invitation["accept_url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/invite/{token}"))
    );
    assert!(invitation["expires_at"].as_i64().unwrap() > reelhouse::db::now_ms());

    // The new hire opens the link, sets a name and password, and is signed in.
    let hire = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let accept = json!({ "token": token, "name": "Nia", "password": "a long enough secret" });
    let response = hire
        .post(app.at("/api/v1/invitations/accept"))
        .json(&accept)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Secure"),
        "Secure cookie on plain HTTP: {cookie}"
    );
    let me: Value = hire
        .get(app.at("/api/v1/auth/me"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["name"], "Nia");
    assert_eq!(me["role"], "member");
    assert_eq!(me["org"]["slug"], "acme");

    // Sign out ends the session.
    let response = hire
        .post(app.at("/api/v1/auth/logout"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    assert_eq!(
        hire.get(app.at("/api/v1/auth/me"))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );

    // Sign in with the password chosen on acceptance.
    let again = app
        .signed_in("new.hire@acme.test", "a long enough secret")
        .await;
    assert_eq!(
        again
            .get(app.at("/api/v1/auth/me"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );

    // The link works once.
    let response = hire
        .post(app.at("/api/v1/invitations/accept"))
        .json(&accept)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 410);
    let body: Value = response.json().await.unwrap();
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("already used"),
        "{body}"
    );

    // Inviting someone already in the organisation says so.
    let response = boss
        .post(app.at("/api/v1/invitations"))
        .json(&json!({ "email": "new.hire@acme.test", "role": "member" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 409);
}

#[tokio::test]
async fn expired_revoked_and_bogus_invitations_are_refused_clearly() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "tess@acme.test", Role::Trainer).await;
    let invite = |email: &str| {
        let body = json!({ "email": email, "role": "member" });
        let request = reqwest::Client::new()
            .post(app.at("/api/v1/invitations"))
            .bearer_auth(&trainer.token)
            .json(&body);
        async move { request.send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let accept = |token: String| {
        let body = json!({ "token": token, "name": "X", "password": "long enough password" });
        let request = reqwest::Client::new()
            .post(app.at("/api/v1/invitations/accept"))
            .json(&body);
        async move {
            let response = request.send().await.unwrap();
            (
                response.status().as_u16(),
                response.json::<Value>().await.unwrap(),
            )
        }
    };

    let expired = invite("late@acme.test").await;
    sqlx::query("update invitations set expires_at = $1 where id = $2")
        .bind(reelhouse::db::now_ms() - 1)
        .bind(expired["id"].as_str().unwrap())
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let (status, body) = accept(expired["token"].as_str().unwrap().to_owned()).await;
    assert_eq!(status, 410);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("expired"),
        "{body}"
    );

    let revoked = invite("withdrawn@acme.test").await;
    let response = reqwest::Client::new()
        .delete(app.at(&format!(
            "/api/v1/invitations/{}",
            revoked["id"].as_str().unwrap()
        )))
        .bearer_auth(&trainer.token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    let (status, body) = accept(revoked["token"].as_str().unwrap().to_owned()).await;
    assert_eq!(status, 410);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("withdrawn"),
        "{body}"
    );

    let (status, body) = accept("not-a-real-token".into()).await;
    assert_eq!(status, 400);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not valid"),
        "{body}"
    );

    // A short password is refused and leaves the invitation usable.
    let fresh = invite("fresh@acme.test").await;
    let body = json!({ "token": fresh["token"], "name": "F", "password": "short" });
    let response = reqwest::Client::new()
        .post(app.at("/api/v1/invitations/accept"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let (status, _) = accept(fresh["token"].as_str().unwrap().to_owned()).await;
    assert_eq!(status, 200);

    // Trainers invite members, not admins.
    let response = reqwest::Client::new()
        .post(app.at("/api/v1/invitations"))
        .bearer_auth(&trainer.token)
        .json(&json!({ "email": "wannabe@acme.test", "role": "admin" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
}

async fn login(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    reqwest::Client::new()
        .post(app.at("/api/v1/auth/login"))
        .json(&json!({ "email": email, "password": password }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_eleventh_wrong_password_is_rate_limited() {
    let app = TestApp::spawn().await;
    let member = app.person("acme", "m@acme.test", Role::Member).await;
    for attempt in 1..=10 {
        let response = login(&app, "m@acme.test", "wrong password!").await;
        assert_eq!(response.status(), 401, "attempt {attempt}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "invalid_credentials");
    }
    let response = login(&app, "m@acme.test", "wrong password!").await;
    assert_eq!(response.status(), 429);
    assert!(response.headers().contains_key("retry-after"));
    // While limited, even the right password waits: guessing gains nothing.
    assert_eq!(
        login(&app, "m@acme.test", &member.password).await.status(),
        429
    );

    // An unknown account answers exactly like a wrong password: no enumeration.
    let response = login(&app, "nobody@acme.test", "whatever it is").await;
    assert_eq!(response.status(), 401);
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        body["error"]["message"],
        "the email or password is not right"
    );
}

#[tokio::test]
async fn deactivation_stops_sessions_tokens_and_sign_in_at_once() {
    let app = TestApp::spawn().await;
    let admin = app.person("acme", "a@acme.test", Role::Admin).await;
    let member = app.person("acme", "leaver@acme.test", Role::Member).await;
    let session = app.signed_in("leaver@acme.test", &member.password).await;
    assert_eq!(
        session
            .get(app.at("/api/v1/auth/me"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );

    let response = reqwest::Client::new()
        .patch(app.at(&format!("/api/v1/users/{}", member.user.id)))
        .bearer_auth(&admin.token)
        .json(&json!({ "active": false }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.json::<Value>().await.unwrap()["active"], false);

    assert_eq!(
        session
            .get(app.at("/api/v1/auth/me"))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    let with_token = reqwest::Client::new()
        .get(app.at("/api/v1/auth/me"))
        .bearer_auth(&member.token)
        .send()
        .await
        .unwrap();
    assert_eq!(with_token.status(), 401);
    assert_eq!(
        login(&app, "leaver@acme.test", &member.password)
            .await
            .status(),
        401
    );

    // The last admin cannot remove themselves.
    let response = reqwest::Client::new()
        .patch(app.at(&format!("/api/v1/users/{}", admin.user.id)))
        .bearer_auth(&admin.token)
        .json(&json!({ "role": "member" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 409);
}

#[tokio::test]
async fn api_tokens_are_shown_once_listed_and_revocable() {
    let app = TestApp::spawn().await;
    let member = app.person("acme", "m@acme.test", Role::Member).await;
    let session = app.signed_in("m@acme.test", &member.password).await;
    let created: Value = session
        .post(app.at("/api/v1/auth/tokens"))
        .json(&json!({ "name": "my script" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = created["token"].as_str().unwrap();
    let me = reqwest::Client::new()
        .get(app.at("/api/v1/auth/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 200);
    let listed = session
        .get(app.at("/api/v1/auth/tokens"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        listed.contains("my script") && !listed.contains(token),
        "{listed}"
    );

    let id = created["id"].as_str().unwrap();
    let response = session
        .delete(app.at(&format!("/api/v1/auth/tokens/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    let me = reqwest::Client::new()
        .get(app.at("/api/v1/auth/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 401);
}

#[tokio::test]
async fn cross_site_requests_are_refused_and_headers_are_set() {
    let app = TestApp::spawn().await;
    let member = app.person("acme", "m@acme.test", Role::Member).await;
    let session = app.signed_in("m@acme.test", &member.password).await;
    let response = session
        .post(app.at("/api/v1/auth/logout"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert_eq!(
        session
            .get(app.at("/api/v1/auth/me"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let response = session
        .post(app.at("/api/v1/auth/logout"))
        .header("origin", &app.url)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);

    for path in ["/healthz", "/api/v1/auth/me", "/"] {
        let response = reqwest::get(app.at(path)).await.unwrap();
        let headers = response.headers();
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'self'"),
            "{csp}"
        );
    }
}

/// Passwords, API tokens and session cookies are never stored or logged in clear. Runs the real
/// binary with verbose logs and searches its output and the database.
#[tokio::test]
async fn secrets_never_rest_in_clear() {
    use std::io::Write;
    use std::process::{Command, Stdio};

    let mut env = common::TestEnv::new().await;
    let port = common::free_port();
    env.vars
        .insert("REELHOUSE_BIND".into(), format!("127.0.0.1:{port}"));
    let binary = env!("CARGO_BIN_EXE_reelhouse");
    let password = "Sup3r-secret-pa55word";
    let mut create = Command::new(binary)
        .envs(&env.vars)
        .args([
            "admin",
            "create-user",
            "--email",
            "a@acme.test",
            "--name",
            "A",
            "--role",
            "admin",
            "--password-stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    create
        .stdin
        .take()
        .unwrap()
        .write_all(password.as_bytes())
        .unwrap();
    assert!(create.wait().unwrap().success());

    let log_path = env.dir.path().join("serve.log");
    let mut server = Command::new(binary)
        .envs(&env.vars)
        .env("RUST_LOG", "debug,tower_http=trace")
        .arg("serve")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log_path).unwrap())
        .spawn()
        .unwrap();
    let url = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let mut login = None;
    for _ in 0..200 {
        let attempt = client
            .post(format!("{url}/api/v1/auth/login"))
            .json(&json!({ "email": "a@acme.test", "password": password }))
            .send()
            .await;
        if let Ok(response) = attempt {
            login = Some(response);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let login = login.expect("the server answered");
    assert_eq!(login.status(), 200);
    let cookie = login.headers()["set-cookie"].to_str().unwrap().to_owned();
    let session = cookie
        .split(';')
        .next()
        .unwrap()
        .split('=')
        .nth(1)
        .unwrap()
        .to_owned();
    let created: Value = client
        .post(format!("{url}/api/v1/auth/tokens"))
        .json(&json!({ "name": "t" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = created["token"].as_str().unwrap().to_owned();
    let me = reqwest::Client::new()
        .get(format!("{url}/api/v1/auth/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 200);
    let invited: Value = client
        .post(format!("{url}/api/v1/invitations"))
        .json(&json!({ "email": "n@acme.test", "role": "member" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let invitation = invited["token"].as_str().unwrap().to_owned();

    Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    server.wait().unwrap();

    let logs = std::fs::read_to_string(&log_path).unwrap();
    assert!(
        logs.contains("/api/v1/auth/login"),
        "the log captured no requests: {logs}"
    );
    let db = reelhouse::app::open_db(&env.config()).await.unwrap();
    let stored = common::all_stored_text(&db).await;
    assert!(
        stored.iter().any(|s| s.starts_with("$argon2id$")),
        "no password hash stored"
    );
    for (what, secret) in [
        ("password", password),
        ("API token", &token),
        ("session", &session),
        ("invitation", &invitation),
    ] {
        assert!(!logs.contains(secret), "the {what} is in the logs");
        assert!(
            !stored.iter().any(|s| s.contains(secret)),
            "the {what} is stored in clear"
        );
    }
    if !common::testing_postgres() {
        // The SQLite file and its write-ahead log, byte for byte.
        for name in ["reelhouse.db", "reelhouse.db-wal"] {
            let bytes = std::fs::read(env.dir.path().join(name)).unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                !text.contains(password) && !text.contains(&token),
                "a secret is in {name}"
            );
        }
    }
}

/// With SMTP settings, the invitation link is also emailed (to a real SMTP server, aiosmtpd,
/// delivering into a maildir), and the emailed link is the one that works.
#[tokio::test]
async fn invitations_are_emailed_when_smtp_is_configured() {
    let mut env = common::TestEnv::new().await;
    let smtp = common::SmtpSink::start(&env.dir.path().join("maildir")).await;
    smtp.configure(&mut env.vars, "Acme Training <training@acme.test>");
    let app = TestApp::spawn_with(env).await;
    let trainer = app.person("acme", "tess@acme.test", Role::Trainer).await;
    let response = reqwest::Client::new()
        .post(app.at("/api/v1/invitations"))
        .bearer_auth(&trainer.token)
        .json(&json!({ "email": "new@acme.test", "role": "member" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let invitation: Value = response.json().await.unwrap();
    assert_eq!(invitation["emailed"], true);

    let new_mail = smtp.messages();
    drop(smtp);
    assert_eq!(new_mail.len(), 1, "expected one email");
    let message = &new_mail[0];
    assert!(message.contains("To: new@acme.test"), "{message}");
    assert!(message.contains("training@acme.test"), "{message}");
    // The body may be quoted-printable; undo soft line breaks before looking for the link.
    let unfolded = common::unfold_quoted_printable(message);
    let url = invitation["accept_url"].as_str().unwrap();
    assert!(
        unfolded.contains(url),
        "the link is not in the email:\n{message}"
    );
}

#[tokio::test]
async fn trainers_withdraw_only_invitations_of_members() {
    let app = TestApp::spawn().await;
    let admin = app.person("acme", "boss@acme.test", Role::Admin).await;
    let trainer = app.person("acme", "coach@acme.test", Role::Trainer).await;
    let invite = |role: &'static str, email: &'static str| {
        app.call(
            &admin,
            Method::POST,
            "/api/v1/invitations",
            Some(json!({ "email": email, "role": role })),
        )
    };
    let (status, of_trainer) = invite("trainer", "next-coach@acme.test").await;
    assert_eq!(status, 201, "{of_trainer}");
    let (_, of_member) = invite("member", "hire@acme.test").await;
    let id = |v: &Value| v["id"].as_str().unwrap().to_owned();
    for (invitation, expected) in [(&of_trainer, 403), (&of_member, 204)] {
        let path = format!("/api/v1/invitations/{}", id(invitation));
        let (status, body) = app.call(&trainer, Method::DELETE, &path, None).await;
        assert_eq!(status, expected, "{body}");
    }
    let (status, _) = app
        .call(
            &admin,
            Method::DELETE,
            &format!("/api/v1/invitations/{}", id(&of_trainer)),
            None,
        )
        .await;
    assert_eq!(status, 204);
}

#[tokio::test]
async fn over_https_the_session_cookie_is_host_only_and_secure() {
    let mut env = common::TestEnv::new().await;
    env.vars.insert(
        "REELHOUSE_PUBLIC_URL".into(),
        "https://learn.acme.test".into(),
    );
    let app = TestApp::spawn_with(env).await;
    let member = app.person("acme", "m@acme.test", Role::Member).await;
    let response = login(&app, "m@acme.test", &member.password).await;
    assert_eq!(response.status(), 200);
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.starts_with("__Host-reelhouse_session=")
            && cookie.contains("; Secure")
            && cookie.contains("Path=/")
            && !cookie.contains("Domain"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().unwrap().to_owned();
    let me = reqwest::Client::new()
        .get(app.at("/api/v1/auth/me"))
        .header("cookie", pair)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 200);
}

#[tokio::test]
async fn a_resent_invitation_has_a_new_link_and_the_old_one_stops_working() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "coach@acme.test", Role::Trainer).await;
    let (status, first) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/invitations",
            Some(json!({ "email": "hire@acme.test", "role": "member" })),
        )
        .await;
    assert_eq!(status, 201, "{first}");
    let resend = format!(
        "/api/v1/invitations/{}/resend",
        first["id"].as_str().unwrap()
    );
    let (status, second) = app.call(&trainer, Method::POST, &resend, None).await;
    assert_eq!(status, 200, "{second}");
    assert_eq!(second["id"], first["id"]);
    assert_ne!(second["token"], first["token"]);
    assert!(second["expires_at"].as_i64() >= first["expires_at"].as_i64());
    let lookup = |token: &Value| {
        app.client
            .post(app.at("/api/v1/invitations/lookup"))
            .json(&json!({ "token": token }))
            .send()
    };
    let old = lookup(&first["token"]).await.unwrap();
    assert_eq!(old.status(), 404, "the old link stops working");
    let accepted = app
        .client
        .post(app.at("/api/v1/invitations/accept"))
        .json(&json!({ "token": second["token"], "name": "Hire", "password": "a long enough password" }))
        .send()
        .await
        .unwrap();
    assert_eq!(accepted.status(), 200);
    // Used: nothing left to resend.
    assert_eq!(app.call(&trainer, Method::POST, &resend, None).await.0, 404);
}

//! Active learning: a practice step in an on-boarding playlist, attempts recorded by the new
//! hire, reviews with comments at moments of the recording and a rubric, the step done and the
//! next one unlocked, reports and CSV, discussion, notifications in the app and by email (to a
//! real SMTP server on loopback) with working unsubscribe links, and a mail server that is down.

mod common;

use std::time::{Duration, Instant};

use common::{Person, SmtpSink, TestApp};
use reelhouse::db::users::Role;
use reqwest::Method;
use serde_json::{Value, json};

/// A four-second clip with sound, as a phone would send.
fn clip(app: &TestApp, name: &str) -> std::path::PathBuf {
    let path = app.env.dir.path().join(name);
    common::phone_clip(&path, "320x180", 4);
    path
}

/// Starts a tus upload of `length` bytes as an attempt at `step`, sending `body` with it
/// (creation-with-upload) when given; returns the response.
async fn create_attempt_upload(
    app: &TestApp,
    person: &Person,
    step: &str,
    length: usize,
    body: Option<Vec<u8>>,
) -> reqwest::Response {
    let b64 = |s: &str| base64::Engine::encode(&base64::engine::general_purpose::STANDARD, s);
    let mut request = app
        .client
        .post(app.at("/api/v1/uploads"))
        .bearer_auth(&person.token)
        .header("tus-resumable", "1.0.0")
        .header("upload-length", length.to_string())
        .header(
            "upload-metadata",
            format!(
                "filename {},practice_step {}",
                b64("attempt.mp4"),
                b64(step)
            ),
        );
    if let Some(body) = body {
        request = request
            .header("content-type", "application/offset+octet-stream")
            .body(body);
    }
    request.send().await.unwrap()
}

/// Sends a recording as an attempt at `step` (tus, naming the step in the metadata); returns the
/// attempt's id once its upload is complete.
async fn send_attempt(
    app: &TestApp,
    person: &Person,
    step: &str,
    path: &std::path::Path,
) -> String {
    let bytes = std::fs::read(path).unwrap();
    let response = create_attempt_upload(app, person, step, bytes.len(), Some(bytes)).await;
    assert_eq!(response.status(), 201);
    let (status, view) = app
        .call(
            person,
            Method::GET,
            &format!("/api/v1/practice-steps/{step}"),
            None,
        )
        .await;
    assert_eq!(status, 200, "{view}");
    view["my_attempts"].as_array().unwrap().last().unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn wait_for_mail(smtp: &SmtpSink, count: usize, within: Duration) -> Vec<String> {
    let started = Instant::now();
    loop {
        let mail: Vec<String> = smtp
            .messages()
            .iter()
            .map(|m| common::unfold_quoted_printable(m))
            .collect();
        if mail.len() >= count {
            return mail;
        }
        assert!(
            started.elapsed() < within,
            "{} of {count} emails after {within:?}: {mail:#?}",
            mail.len()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The mails to `address`, each as (subject, whole text).
fn mails_to<'a>(mail: &'a [String], address: &str) -> Vec<&'a String> {
    mail.iter()
        .filter(|m| {
            m.lines()
                .any(|l| l.starts_with("To:") && l.contains(address))
        })
        .collect()
}

fn playlist_item<'a>(playlist: &'a Value, kind: &str) -> &'a Value {
    playlist["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {playlist}"))
}

#[tokio::test]
async fn a_practice_step_is_recorded_reviewed_at_moments_and_done_with_emails() {
    let mut env = common::TestEnv::new().await;
    let smtp = SmtpSink::start(&env.dir.path().join("maildir")).await;
    smtp.configure(&mut env.vars, "Reelhouse <rh@acme.test>");
    env.vars.insert("REELHOUSE_WORKERS".into(), "1".into());
    env.vars.insert(
        "REELHOUSE_PUBLIC_URL".into(),
        "http://reelhouse.acme.test".into(),
    );
    let app = TestApp::spawn_with(env).await;
    app.start_workers(1);
    app.start_notifications();
    let trainer = app.person("acme", "tess@acme.test", Role::Trainer).await;
    let hire = app.person("acme", "hana@acme.test", Role::Member).await;
    let peer = app.person("acme", "pete@acme.test", Role::Member).await;
    let bystander = app.person("acme", "bo@acme.test", Role::Member).await;
    let stranger = app.person("globex", "gus@globex.test", Role::Admin).await;

    // The trainer writes a step with a three-criterion rubric and puts it in a sequential
    // on-boarding playlist, before a checklist to read.
    let levels = json!([{"name": "Not yet"}, {"name": "Nearly"}, {"name": "Meets the standard"}]);
    let (status, step) = app
        .call(&trainer, Method::POST, "/api/v1/practice-steps", Some(json!({
            "title": "Greeting a customer",
            "instructions": "Record yourself greeting a customer at the counter.",
            "rubric": [
                {"name": "Eye contact", "levels": levels},
                {"name": "Tone", "levels": levels},
                {"name": "Offer of help", "description": "Ask how you can help", "levels": levels},
            ],
        })))
        .await;
    assert_eq!(status, 201, "{step}");
    let step_id = step["id"].as_str().unwrap().to_owned();
    let criteria: Vec<String> = step["rubric"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(criteria.len(), 3);
    let (_, playlist) = app
        .call(&trainer, Method::POST, "/api/v1/playlists", Some(json!({
            "title": "Your first week", "onboarding": true, "sequential": true, "published": true,
        })))
        .await;
    let playlist_id = playlist["id"].as_str().unwrap().to_owned();
    let (_, resource) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/resources",
            Some(json!({
                "title": "Counter checklist", "url": "https://example.com/checklist",
            })),
        )
        .await;
    for (kind, id) in [
        ("practice", step_id.as_str()),
        ("resource", resource["id"].as_str().unwrap()),
    ] {
        let (status, item) = app
            .call(
                &trainer,
                Method::POST,
                &format!("/api/v1/playlists/{playlist_id}/items"),
                Some(json!({"kind": kind, "item_id": id})),
            )
            .await;
        assert_eq!(status, 201, "{item}");
    }
    let (status, _) = app
        .call(
            &trainer,
            Method::POST,
            &format!("/api/v1/playlists/{playlist_id}/assignments"),
            Some(json!({"user_ids": [hire.user.id]})),
        )
        .await;
    assert_eq!(status, 201);

    // The new hire records an attempt from the step and asks a peer to review it.
    let first = send_attempt(&app, &hire, &step_id, &clip(&app, "first.mp4")).await;
    let (status, reviewers) = app
        .call(
            &hire,
            Method::POST,
            &format!("/api/v1/practice-steps/{step_id}/reviewers"),
            Some(json!({"user_id": peer.user.id})),
        )
        .await;
    assert_eq!(status, 200, "{reviewers}");
    let (_, attempt) = app
        .call(
            &hire,
            Method::GET,
            &format!("/api/v1/attempts/{first}"),
            None,
        )
        .await;
    assert_eq!(attempt["status"], "waiting");
    assert_eq!(
        attempt["may_review"], false,
        "a learner does not review their own attempt"
    );
    let recording = attempt["video_id"].as_str().unwrap().to_owned();
    app.wait_ready(&hire, &recording, Duration::from_secs(120))
        .await;

    // The peer and the trainer find it in their queues, oldest first.
    for reviewer in [&peer, &trainer] {
        let (_, queue) = app
            .call(reviewer, Method::GET, "/api/v1/attempts", None)
            .await;
        assert_eq!(queue["items"][0]["id"], first.as_str(), "{queue}");
    }
    let (_, queue) = app
        .call(&bystander, Method::GET, "/api/v1/attempts", None)
        .await;
    assert_eq!(queue["items"], json!([]), "not asked, not theirs to review");

    // Access: only the hire, the peer and trainers see the attempt, its feedback and its media.
    let media = [
        format!("/api/v1/attempts/{first}"),
        format!("/api/v1/comments?target=attempt&target_id={first}"),
        format!("/api/v1/videos/{recording}"),
        format!("/api/v1/videos/{recording}/hls/master.m3u8"),
        format!("/api/v1/videos/{recording}/poster.jpg"),
    ];
    for url in &media {
        for (who, person) in [("hire", &hire), ("peer", &peer), ("trainer", &trainer)] {
            let response = app
                .client
                .get(app.at(url))
                .bearer_auth(&person.token)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200, "{who} on {url}");
        }
        for (who, person) in [
            ("another member", &bystander),
            ("another organisation", &stranger),
        ] {
            let response = app
                .client
                .get(app.at(url))
                .bearer_auth(&person.token)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 404, "{who} on {url}");
        }
        let response = app.client.get(app.at(url)).send().await.unwrap();
        assert_eq!(response.status(), 401, "anonymous on {url}");
    }
    // Never in the library: not by its title, not in the list of videos, not addable to playlists.
    let (_, found) = app
        .call(&trainer, Method::GET, "/api/v1/library?q=greeting", None)
        .await;
    assert_eq!(found["items"], json!([]), "{found}");
    let (_, listed) = app
        .call(&trainer, Method::GET, "/api/v1/videos", None)
        .await;
    assert!(!listed.to_string().contains(&recording), "{listed}");
    let (status, _) = app
        .call(
            &trainer,
            Method::POST,
            &format!("/api/v1/playlists/{playlist_id}/items"),
            Some(json!({"kind": "video", "item_id": recording})),
        )
        .await;
    assert_eq!(status, 422);

    // Reviews: the peer comments at 1.0 s, the trainer at 2.5 s and asks for another attempt.
    let (status, reviewed) = app
        .call(
            &peer,
            Method::POST,
            &format!("/api/v1/attempts/{first}/reviews"),
            Some(json!({
                "summary": "Friendly start.",
                "scores": {criteria[0].clone(): 2, criteria[1].clone(): 1, criteria[2].clone(): 1},
                "verdict": "comment",
                "comments": [{"at_s": 1.0, "body": "Great smile here"}],
            })),
        )
        .await;
    assert_eq!(status, 201, "{reviewed}");
    assert_eq!(
        reviewed["status"], "waiting",
        "a peer's comment leaves it waiting"
    );
    let (status, reviewed) = app
        .call(
            &trainer,
            Method::POST,
            &format!("/api/v1/attempts/{first}/reviews"),
            Some(json!({
                "summary": "Offer help sooner.",
                "scores": {criteria[0].clone(): 2, criteria[1].clone(): 2, criteria[2].clone(): 0},
                "verdict": "needs_work",
                "comments": [{"at_s": 2.5, "body": "Ask how you can help here"}],
            })),
        )
        .await;
    assert_eq!(status, 201, "{reviewed}");
    let (status, refused) = app
        .call(
            &hire,
            Method::POST,
            &format!("/api/v1/attempts/{first}/reviews"),
            Some(json!({"verdict": "done"})),
        )
        .await;
    assert_eq!(status, 403, "{refused}");
    let (status, _) = app
        .call(
            &peer,
            Method::POST,
            &format!("/api/v1/attempts/{first}/reviews"),
            Some(json!({"verdict": "comment", "scores": {"no-such-criterion": 1}})),
        )
        .await;
    assert_eq!(status, 422);

    // The hire sees the feedback at those moments, and replies to the trainer.
    let (_, attempt) = app
        .call(
            &hire,
            Method::GET,
            &format!("/api/v1/attempts/{first}"),
            None,
        )
        .await;
    assert_eq!(attempt["status"], "needs_work");
    let moments: Vec<(f64, String)> = attempt["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["at_s"].as_f64().unwrap(),
                c["body"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        moments,
        [
            (1.0, "Great smile here".to_owned()),
            (2.5, "Ask how you can help here".to_owned())
        ]
    );
    assert_eq!(attempt["reviews"].as_array().unwrap().len(), 2);
    let trainer_comment = attempt["comments"][1]["id"].as_str().unwrap().to_owned();
    let (status, reply) = app
        .call(
            &hire,
            Method::POST,
            "/api/v1/comments",
            Some(json!({
                "target": "attempt", "target_id": first, "parent_id": trainer_comment,
                "body": "Thanks, trying again now",
            })),
        )
        .await;
    assert_eq!(status, 201, "{reply}");

    // The next item stays locked until the step is done.
    let (_, view) = app
        .call(
            &hire,
            Method::GET,
            &format!("/api/v1/playlists/{playlist_id}"),
            None,
        )
        .await;
    assert_eq!(
        playlist_item(&view, "practice")["practice_status"],
        "needs_work"
    );
    assert_eq!(playlist_item(&view, "practice")["completed"], false);
    assert_eq!(playlist_item(&view, "resource")["locked"], true, "{view}");

    // A second attempt, which the trainer marks done.
    let second = send_attempt(&app, &hire, &step_id, &clip(&app, "second.mp4")).await;
    assert_ne!(second, first);
    let (status, reviewed) = app
        .call(
            &trainer,
            Method::POST,
            &format!("/api/v1/attempts/{second}/reviews"),
            Some(json!({
                "summary": "That is it.",
                "scores": {criteria[0].clone(): 2, criteria[1].clone(): 2, criteria[2].clone(): 2},
                "verdict": "done",
            })),
        )
        .await;
    assert_eq!(status, 201, "{reviewed}");
    let (_, view) = app
        .call(
            &hire,
            Method::GET,
            &format!("/api/v1/playlists/{playlist_id}"),
            None,
        )
        .await;
    assert_eq!(
        playlist_item(&view, "practice")["completed"],
        true,
        "{view}"
    );
    assert_eq!(playlist_item(&view, "practice")["practice_status"], "done");
    assert_eq!(
        playlist_item(&view, "resource")["locked"],
        false,
        "the next step unlocks"
    );

    // The report and its CSV show the practice status and the scores.
    let (_, report) = app
        .call(
            &trainer,
            Method::GET,
            &format!("/api/v1/playlists/{playlist_id}/report"),
            None,
        )
        .await;
    let practice = &playlist_item(&report[0], "practice")["practice"];
    assert_eq!(practice["status"], "done", "{report}");
    assert_eq!(practice["attempts"], 2);
    assert_eq!(
        practice["scores"][2],
        json!({"criterion": "Offer of help", "level": "Meets the standard", "points": 3, "out_of": 3})
    );
    assert_eq!(report[0]["items_completed"], 1);
    let csv = app
        .client
        .get(app.at(&format!("/api/v1/playlists/{playlist_id}/report")))
        .bearer_auth(&trainer.token)
        .header("accept", "text/csv")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut lines = csv.lines();
    assert!(
        lines.next().unwrap().ends_with(",overdue,practice,quizzes"),
        "{csv}"
    );
    assert!(
        lines.next().unwrap().ends_with(
            "\"Greeting a customer: done, 2 attempts (Eye contact 3/3; Tone 3/3; Offer of help 3/3)\","
        ),
        "{csv}"
    );

    // The inbox: the hire's unread count, read all.
    let (_, inbox) = app
        .call(&hire, Method::GET, "/api/v1/me/notifications", None)
        .await;
    let kinds: Vec<&str> = inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["feedback", "feedback", "feedback", "assigned"],
        "{inbox}"
    );
    assert_eq!(inbox["unread"], 4);
    let (status, _) = app
        .call(
            &hire,
            Method::POST,
            "/api/v1/me/notifications/read",
            Some(json!({})),
        )
        .await;
    assert_eq!(status, 204);
    let (_, inbox) = app
        .call(&hire, Method::GET, "/api/v1/me/notifications", None)
        .await;
    assert_eq!(inbox["unread"], 0);

    // The emails arrived: the hire's four; the peer's two attempts to review (the first when
    // asked, the second when sent); the trainer's two and the reply.
    let mail = wait_for_mail(&smtp, 9, Duration::from_secs(30)).await;
    assert_eq!(mails_to(&mail, "hana@acme.test").len(), 4, "{mail:#?}");
    assert_eq!(mails_to(&mail, "pete@acme.test").len(), 2, "{mail:#?}");
    let to_trainer = mails_to(&mail, "tess@acme.test");
    assert_eq!(to_trainer.len(), 3, "{mail:#?}");
    let reply_mail = to_trainer
        .iter()
        .find(|m| m.contains("replied to you"))
        .expect("the trainer hears of the reply");
    assert!(
        reply_mail.contains("Thanks, trying again now"),
        "{reply_mail}"
    );
    let attempt_mail = mails_to(&mail, "pete@acme.test")
        .into_iter()
        .find(|m| {
            m.contains(&format!(
                "http://reelhouse.acme.test/practice/attempts/{first}"
            ))
        })
        .expect("the peer is sent the link to the first attempt");

    // Every email's unsubscribe link works without signing in: the peer stops review emails.
    let token = attempt_mail
        .split("/unsubscribe?token=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("an unsubscribe link")
        .to_owned();
    let response = app
        .client
        .post(app.at("/api/v1/unsubscribe"))
        .json(&json!({ "token": token }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let (_, settings) = app
        .call(&peer, Method::GET, "/api/v1/me/notification-settings", None)
        .await;
    let review_setting = settings["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "review_requested")
        .unwrap();
    assert_eq!(review_setting["channel"], "app", "{settings}");
    let response = app
        .client
        .post(app.at("/api/v1/unsubscribe"))
        .json(&json!({ "token": "not-a-token" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
}

/// How many times the email jobs were tried, and how many are done.
async fn email_jobs(app: &TestApp) -> (i64, i64) {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("select attempts, status from jobs where kind = 'email'")
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
    (
        rows.iter().map(|(tries, _)| tries).sum(),
        rows.iter().filter(|(_, status)| status == "done").count() as i64,
    )
}

#[tokio::test]
async fn a_mail_server_that_is_down_delays_mail_only() {
    let mut env = common::TestEnv::new().await;
    let port = common::free_port();
    common::configure_smtp(&mut env.vars, port, "Reelhouse <rh@acme.test>");
    let maildir = env.dir.path().join("maildir");
    let app = TestApp::spawn_with(env).await;
    app.start_notifications();
    let trainer = app.person("acme", "tess@acme.test", Role::Trainer).await;
    let member = app.person("acme", "mo@acme.test", Role::Member).await;
    let (_, playlist) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/playlists",
            Some(json!({"title": "Safety", "published": true})),
        )
        .await;
    let playlist_id = playlist["id"].as_str().unwrap();

    // Nothing listens for SMTP: the assignment answers as usual and is in the member's inbox.
    let (status, _) = app
        .call(
            &trainer,
            Method::POST,
            &format!("/api/v1/playlists/{playlist_id}/assignments"),
            Some(json!({"user_ids": [member.user.id]})),
        )
        .await;
    assert_eq!(status, 201);
    let (_, inbox) = app
        .call(&member, Method::GET, "/api/v1/me/notifications", None)
        .await;
    assert_eq!(inbox["items"][0]["kind"], "assigned", "{inbox}");
    // The email's job tries, fails and waits for its retry.
    let started = Instant::now();
    while email_jobs(&app).await.0 == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the email was never tried"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        email_jobs(&app).await.1,
        0,
        "sent with no server listening?"
    );

    // The server comes back: the mail goes out at the retry.
    let smtp = SmtpSink::start_on(&maildir, port).await;
    let mail = wait_for_mail(&smtp, 1, Duration::from_secs(60)).await;
    assert!(
        mail[0].contains("Subject: tess@acme.test gave you"),
        "{}",
        mail[0]
    );
    assert!(mail[0].contains("Safety"), "{}", mail[0]);
    let (tries, done) = email_jobs(&app).await;
    assert_eq!(done, 1);
    assert!(tries >= 2, "sent at the first try?");
}

#[tokio::test]
async fn discussion_has_replies_mentions_moderation_and_edits() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "tess@acme.test", Role::Trainer).await;
    let asker = app.person("acme", "ann@acme.test", Role::Member).await;
    let expert = app.person("acme", "eve@acme.test", Role::Member).await;
    let other = app.person("acme", "oz@acme.test", Role::Member).await;
    let stranger = app.person("globex", "gus@globex.test", Role::Admin).await;
    let (status, _) = app
        .call(
            &expert,
            Method::PUT,
            "/api/v1/me/expertise",
            Some(json!({"tags": ["forklift"]})),
        )
        .await;
    assert_eq!(status, 200);
    let (_, resource) = app
        .call(&trainer, Method::POST, "/api/v1/resources", Some(json!({
            "title": "Forklift manual", "url": "https://example.com/manual", "tags": ["forklift"],
        })))
        .await;
    let resource_id = resource["id"].as_str().unwrap();
    let thread = format!("/api/v1/comments?target=resource&target_id={resource_id}");
    // Anyone finds a colleague to mention by the start of a name, only in their organisation.
    let (status, found) = app
        .call(&asker, Method::GET, "/api/v1/people?q=EV", None)
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        found["items"],
        json!([{"user_id": expert.user.id, "name": "eve@acme.test"}])
    );
    let (_, found) = app
        .call(&stranger, Method::GET, "/api/v1/people?q=ev", None)
        .await;
    assert_eq!(found["items"], json!([]), "{found}");
    let (_, found) = app
        .call(&asker, Method::GET, "/api/v1/people?q=%25", None)
        .await;
    assert_eq!(
        found["items"],
        app.call(&asker, Method::GET, "/api/v1/people", None)
            .await
            .1["items"],
        "a % is not a wildcard"
    );

    // A trainer's comment is visible at once; the asker replies and mentions the tag's experts.
    let (status, first) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/comments",
            Some(json!({
                "target": "resource", "target_id": resource_id, "body": "Read chapter 2 first",
            })),
        )
        .await;
    assert_eq!(status, 201, "{first}");
    let (status, refused) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/comments",
            Some(json!({
                "target": "resource", "target_id": resource_id, "body": "x", "at_s": 3.0,
            })),
        )
        .await;
    assert_eq!(status, 422, "a resource has no moments: {refused}");
    // The organisation reviews members' posts: the reply waits for a trainer.
    let (status, _) = app
        .call(
            &trainer,
            Method::PUT,
            "/api/v1/org/settings",
            Some(json!({"review_uploads": true})),
        )
        .await;
    assert_eq!(status, 403, "only admins change settings");
    let admin = app.person("acme", "ada@acme.test", Role::Admin).await;
    let (status, _) = app
        .call(
            &admin,
            Method::PUT,
            "/api/v1/org/settings",
            Some(json!({"review_uploads": true})),
        )
        .await;
    assert_eq!(status, 200);
    let (status, reply) = app
        .call(
            &asker,
            Method::POST,
            "/api/v1/comments",
            Some(json!({
                "target": "resource", "target_id": resource_id, "parent_id": first["id"],
                "body": "Which page covers the mast?", "mention_experts": true,
            })),
        )
        .await;
    assert_eq!(status, 201, "{reply}");
    assert_eq!(reply["status"], "held");
    let (_, seen) = app.call(&other, Method::GET, &thread, None).await;
    assert_eq!(
        seen["items"].as_array().unwrap().len(),
        1,
        "held comments are not shown: {seen}"
    );
    let (_, seen) = app.call(&asker, Method::GET, &thread, None).await;
    assert_eq!(
        seen["items"].as_array().unwrap().len(),
        2,
        "the author sees their own: {seen}"
    );
    let (_, inbox) = app
        .call(&expert, Method::GET, "/api/v1/me/notifications", None)
        .await;
    assert_eq!(
        inbox["items"],
        json!([]),
        "nobody is told of a held comment"
    );
    let (_, held) = app
        .call(&trainer, Method::GET, "/api/v1/comments/held", None)
        .await;
    assert_eq!(held["items"][0]["id"], reply["id"], "{held}");
    let reply_id = reply["id"].as_str().unwrap();
    let (status, _) = app
        .call(
            &trainer,
            Method::PUT,
            &format!("/api/v1/comments/{reply_id}/status"),
            Some(json!({"status": "visible"})),
        )
        .await;
    assert_eq!(status, 200);
    // Let through, the reply reaches the trainer it answers and the expert it mentions.
    let (_, inbox) = app
        .call(&expert, Method::GET, "/api/v1/me/notifications", None)
        .await;
    assert_eq!(inbox["items"][0]["kind"], "mention", "{inbox}");
    assert_eq!(
        inbox["items"][0]["link"],
        format!("/resources/{resource_id}")
    );
    let (_, inbox) = app
        .call(&trainer, Method::GET, "/api/v1/me/notifications", None)
        .await;
    assert_eq!(inbox["items"][0]["kind"], "reply", "{inbox}");
    let (_, seen) = app.call(&other, Method::GET, &thread, None).await;
    assert_eq!(seen["items"][1]["parent_id"], first["id"]);

    // The author edits and deletes; nobody else does.
    let (status, _) = app
        .call(
            &other,
            Method::PATCH,
            &format!("/api/v1/comments/{reply_id}"),
            Some(json!({"body": "mine now"})),
        )
        .await;
    assert_eq!(status, 403);
    let (status, edited) = app
        .call(
            &asker,
            Method::PATCH,
            &format!("/api/v1/comments/{reply_id}"),
            Some(json!({"body": "Which page covers the mast chains?"})),
        )
        .await;
    assert_eq!(status, 200);
    assert!(edited["edited_at"].is_i64(), "{edited}");
    // A trainer hides the first comment: gone for others, still there for its author.
    let first_id = first["id"].as_str().unwrap();
    let (status, _) = app
        .call(
            &trainer,
            Method::PUT,
            &format!("/api/v1/comments/{first_id}/status"),
            Some(json!({"status": "hidden"})),
        )
        .await;
    assert_eq!(status, 200);
    let (_, seen) = app.call(&other, Method::GET, &thread, None).await;
    assert!(!seen.to_string().contains("chapter 2"), "{seen}");
    let (status, _) = app
        .call(
            &asker,
            Method::DELETE,
            &format!("/api/v1/comments/{reply_id}"),
            None,
        )
        .await;
    assert_eq!(status, 204);
    let (_, seen) = app.call(&other, Method::GET, &thread, None).await;
    assert_eq!(seen["items"], json!([]));
    // Another organisation sees nothing of it.
    let (status, _) = app.call(&stranger, Method::GET, &thread, None).await;
    assert_eq!(status, 404);
    let (status, _) = app
        .call(
            &stranger,
            Method::PUT,
            &format!("/api/v1/comments/{first_id}/status"),
            Some(json!({"status": "visible"})),
        )
        .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn reminders_go_out_once_and_digests_gather_a_day() {
    let mut env = common::TestEnv::new().await;
    let smtp = SmtpSink::start(&env.dir.path().join("maildir")).await;
    smtp.configure(&mut env.vars, "Reelhouse <rh@acme.test>");
    let app = TestApp::spawn_with(env).await;
    app.start_notifications();
    let db = &app.state.db;
    let trainer = app.person("acme", "tess@acme.test", Role::Trainer).await;
    let member = app.person("acme", "mo@acme.test", Role::Member).await;
    // The member wants assignments and reminders in a daily digest.
    let (status, settings) = app
        .call(
            &member,
            Method::PUT,
            "/api/v1/me/notification-settings",
            Some(json!({"items": [
                {"kind": "assigned", "channel": "digest"},
                {"kind": "due_soon", "channel": "digest"},
                {"kind": "overdue", "channel": "off"},
            ]})),
        )
        .await;
    assert_eq!(status, 200, "{settings}");
    let hour = 3600 * 1000;
    let now = reelhouse::db::now_ms();
    for (title, due) in [
        ("Due tomorrow", now + 24 * hour),
        ("Was due yesterday", now - 24 * hour),
    ] {
        let (_, playlist) = app
            .call(
                &trainer,
                Method::POST,
                "/api/v1/playlists",
                Some(json!({"title": title, "published": true})),
            )
            .await;
        let (status, _) = app
            .call(
                &trainer,
                Method::POST,
                &format!(
                    "/api/v1/playlists/{}/assignments",
                    playlist["id"].as_str().unwrap()
                ),
                Some(json!({"user_ids": [member.user.id], "due_at": due})),
            )
            .await;
        assert_eq!(status, 201);
    }
    // Whoever runs the clock, and however often, a reminder goes out once.
    for _ in 0..3 {
        reelhouse::notify::tick(db).await.unwrap();
    }
    let (_, inbox) = app
        .call(&member, Method::GET, "/api/v1/me/notifications", None)
        .await;
    let kinds: Vec<(&str, &str)> = inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["kind"].as_str().unwrap(), n["title"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("due_soon", "“Due tomorrow” is due soon"),
            ("assigned", "tess@acme.test gave you “Was due yesterday”"),
            ("assigned", "tess@acme.test gave you “Due tomorrow”"),
        ],
        "overdue is off for this member; nothing twice"
    );
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(
        smtp.messages().is_empty(),
        "digests wait for the day to pass"
    );

    // A day later, one digest carries all three, with a link that stops every kind's email.
    sqlx::query("update notifications set created_at = created_at - $1")
        .bind(25 * hour)
        .execute(db.pool())
        .await
        .unwrap();
    reelhouse::notify::tick(db).await.unwrap();
    reelhouse::notify::tick(db).await.unwrap();
    let mail = wait_for_mail(&smtp, 1, Duration::from_secs(20)).await;
    assert_eq!(mail.len(), 1, "{mail:#?}");
    assert!(
        mail[0].contains("Your Reelhouse digest: 3 things"),
        "{}",
        mail[0]
    );
    assert!(
        mail[0].contains("is due soon") && mail[0].contains("Was due yesterday"),
        "{}",
        mail[0]
    );
    let token = mail[0]
        .split("/unsubscribe?token=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("an unsubscribe link")
        .to_owned();
    let response = app
        .client
        .post(app.at("/api/v1/unsubscribe"))
        .json(&json!({ "token": token }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let (_, settings) = app
        .call(
            &member,
            Method::GET,
            "/api/v1/me/notification-settings",
            None,
        )
        .await;
    let channels: Vec<&str> = settings["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["channel"].as_str().unwrap())
        .collect();
    assert_eq!(
        channels,
        [
            "app", "app", "off", "app", "app", "app", "app", "app", "app"
        ],
        "{settings}"
    );

    // A year on, read notifications and old unsubscribe links are forgotten; unread ones stay.
    let (status, _) = app
        .call(
            &member,
            Method::POST,
            "/api/v1/me/notifications/read",
            Some(json!({"id": inbox["items"][0]["id"]})),
        )
        .await;
    assert_eq!(status, 204);
    let later = reelhouse::db::now_ms() + reelhouse::db::notifications::KEEP_MS;
    let gone = reelhouse::db::notifications::prune(db, later)
        .await
        .unwrap();
    assert_eq!(
        gone, 2,
        "one read notification and the digest's unsubscribe link"
    );
    let (_, inbox) = app
        .call(&member, Method::GET, "/api/v1/me/notifications", None)
        .await;
    assert_eq!(inbox["items"].as_array().unwrap().len(), 2, "{inbox}");
    let response = app
        .client
        .post(app.at("/api/v1/unsubscribe"))
        .json(&json!({ "token": token }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404, "a year-old link is forgotten");
}

#[tokio::test]
async fn a_recording_whose_step_is_deleted_mid_upload_stays_private() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "tess@acme.test", Role::Trainer).await;
    let hire = app.person("acme", "hana@acme.test", Role::Member).await;
    let bystander = app.person("acme", "bo@acme.test", Role::Member).await;
    let (_, step) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/practice-steps",
            Some(json!({
                "title": "Forklift check", "instructions": "",
                "rubric": [{"name": "Forks", "levels": [{"name": "No"}, {"name": "Yes"}]}],
            })),
        )
        .await;
    let step_id = step["id"].as_str().unwrap();
    let bytes = std::fs::read(clip(&app, "check.mp4")).unwrap();
    let created = create_attempt_upload(&app, &hire, step_id, bytes.len(), None).await;
    assert_eq!(created.status(), 201);
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let (status, _) = app
        .call(
            &trainer,
            Method::DELETE,
            &format!("/api/v1/practice-steps/{step_id}"),
            None,
        )
        .await;
    assert_eq!(status, 204);
    let sent = app
        .client
        .patch(app.at(&location))
        .bearer_auth(&hire.token)
        .header("tus-resumable", "1.0.0")
        .header("upload-offset", "0")
        .header("content-type", "application/offset+octet-stream")
        .body(bytes)
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), 204);
    let (_, upload) = app.call(&hire, Method::GET, &location, None).await;
    let video = upload["video_id"].as_str().expect("the upload completed");
    let (status, _) = app
        .call(&hire, Method::GET, &format!("/api/v1/videos/{video}"), None)
        .await;
    assert_eq!(status, 200, "its owner still has it");
    let (status, _) = app
        .call(
            &bystander,
            Method::GET,
            &format!("/api/v1/videos/{video}"),
            None,
        )
        .await;
    assert_eq!(status, 404, "never a library video");
    let (_, listed) = app
        .call(&trainer, Method::GET, "/api/v1/videos", None)
        .await;
    assert!(!listed.to_string().contains(video), "{listed}");
}

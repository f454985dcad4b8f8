//! The server side of everyday flows: search that knows word forms and offers the experts for
//! what was typed, failed uploads that stay with their uploader and trainers, progress that
//! follows a person to any device and into reports, handouts on their own and in an order,
//! playlists that hold an item once, and invitation links that say whom they are for.

mod common;

use std::time::{Duration, Instant};

use common::{Person, TestApp};
use reelhouse::db::users::Role;
use reqwest::Method;
use serde_json::{Value, json};

fn titles(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap_or_else(|| panic!("no items in {page}"))
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_owned())
        .collect()
}

fn expert_emails(page: &Value) -> Vec<String> {
    page["experts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["email"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn word_forms_find_items_and_the_experts_to_ask() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let expert = app.person("acme", "ex@acme.test", Role::Member).await;
    let other = app.person("acme", "other@acme.test", Role::Member).await;
    for (title, tags) in [
        ("Forklift walkthrough", vec!["forklift"]),
        ("Welding the frame", vec!["metal"]),
        ("Greeting customers", vec!["service"]),
    ] {
        let (status, _) = app
            .call(
                &trainer,
                Method::POST,
                "/api/v1/resources",
                Some(json!({ "title": title, "url": "https://example.com/", "tags": tags })),
            )
            .await;
        assert_eq!(status, 201);
    }
    let (status, _) = app
        .call(
            &expert,
            Method::PUT,
            "/api/v1/me/expertise",
            Some(json!({ "tags": ["forklift safety"] })),
        )
        .await;
    assert_eq!(status, 200);
    let (_, _) = app
        .call(
            &other,
            Method::PUT,
            "/api/v1/me/expertise",
            Some(json!({ "tags": ["customer service"] })),
        )
        .await;

    let search = |q: &str| {
        let path = format!("/api/v1/library?{q}");
        let app = &app;
        let other = &other;
        async move {
            let (status, page) = app.call(other, Method::GET, &path, None).await;
            assert_eq!(status, 200, "{path}: {page}");
            page
        }
    };
    // Plurals and word forms, on either database.
    assert_eq!(
        titles(&search("q=forklifts").await),
        ["Forklift walkthrough"]
    );
    assert_eq!(
        titles(&search("q=FORKLIFT").await),
        ["Forklift walkthrough"]
    );
    assert_eq!(titles(&search("q=welded").await), ["Welding the frame"]);
    assert_eq!(titles(&search("q=greet").await), ["Greeting customers"]);
    // Typing a word's beginning still finds it.
    assert_eq!(titles(&search("q=walkthr").await), ["Forklift walkthrough"]);
    assert!(titles(&search("q=forklifts+welding").await).is_empty());

    // The expert on "forklift safety" is offered for a typed search and for the tag.
    let page = search("q=forklift").await;
    assert_eq!(expert_emails(&page), ["ex@acme.test"], "{page}");
    assert_eq!(page["experts"][0]["tag"], "forklift-safety");
    assert_eq!(
        expert_emails(&search("tag=forklift").await),
        ["ex@acme.test"]
    );
    assert_eq!(
        expert_emails(&search("q=forklifts").await),
        ["ex@acme.test"]
    );
    assert_eq!(
        expert_emails(&search("q=customers").await),
        ["other@acme.test"]
    );
    assert!(expert_emails(&search("q=welding").await).is_empty());
    assert!(expert_emails(&search("").await).is_empty());
}

/// An app with one embedded transcode worker.
async fn app_with_worker() -> TestApp {
    let mut env = common::TestEnv::new().await;
    env.vars.insert("REELHOUSE_WORKERS".into(), "1".into());
    let app = TestApp::spawn_with(env).await;
    app.start_workers(1);
    app
}

/// Waits until the video is ready or failed, as `person` sees it.
async fn settled(app: &TestApp, person: &Person, id: &str) -> Value {
    let started = Instant::now();
    loop {
        let (status, v) = app
            .call(person, Method::GET, &format!("/api/v1/videos/{id}"), None)
            .await;
        assert_eq!(status, 200, "{v}");
        if v["status"] == "ready" || v["status"] == "failed" {
            return v;
        }
        assert!(started.elapsed() < Duration::from_secs(120), "still {v}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn a_failed_upload_stays_with_its_uploader_and_trainers() {
    let app = app_with_worker().await;
    let uploader = app.person("acme", "up@acme.test", Role::Member).await;
    let colleague = app.person("acme", "col@acme.test", Role::Member).await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let stranger = app.person("globex", "g@globex.test", Role::Admin).await;
    // A PDF picked by mistake on the upload page.
    let pdf = app.env.dir.path().join("Safety checklist.pdf");
    std::fs::write(
        &pdf,
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n",
    )
    .unwrap();
    let id = app.upload_video(&uploader, &pdf).await;
    let failed = settled(&app, &uploader, &id).await;
    assert_eq!(failed["status"], "failed");
    let sentence = failed["error"].as_str().unwrap();
    assert!(sentence.ends_with('.') && sentence.len() > 30, "{sentence}");

    // Never in anyone's library or search, nor on its page for other people.
    for person in [&colleague, &uploader, &trainer] {
        for q in ["", "q=safety", "q=checklist&kind=video"] {
            let (_, page) = app
                .call(person, Method::GET, &format!("/api/v1/library?{q}"), None)
                .await;
            assert!(titles(&page).is_empty(), "{q}: {page}");
        }
    }
    let page = format!("/api/v1/videos/{id}");
    assert_eq!(app.call(&colleague, Method::GET, &page, None).await.0, 404);
    assert_eq!(app.call(&stranger, Method::GET, &page, None).await.0, 404);
    assert_eq!(
        app.call(&colleague, Method::DELETE, &page, None).await.0,
        404
    );
    let (status, seen) = app.call(&trainer, Method::GET, &page, None).await;
    assert_eq!((status, &seen["error"]), (200, &failed["error"]));

    // Its uploader finds it among their uploads; trainers among the organisation's failures.
    let (_, mine) = app
        .call(&uploader, Method::GET, "/api/v1/me/videos", None)
        .await;
    assert_eq!(mine["items"][0]["id"], id.as_str());
    assert_eq!(mine["items"][0]["status"], "failed");
    let (_, theirs) = app
        .call(&colleague, Method::GET, "/api/v1/me/videos", None)
        .await;
    assert!(titles(&theirs).is_empty());
    let (_, failures) = app
        .call(&trainer, Method::GET, "/api/v1/videos?status=failed", None)
        .await;
    assert_eq!(failures["items"][0]["id"], id.as_str());
    assert_eq!(
        app.call(&trainer, Method::GET, "/api/v1/videos?status=done", None)
            .await
            .0,
        400
    );
    assert_eq!(
        app.call(&colleague, Method::GET, "/api/v1/videos", None)
            .await
            .0,
        403
    );
    // It cannot go into a playlist.
    let (_, playlist) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/playlists",
            Some(json!({ "title": "Week one" })),
        )
        .await;
    let (status, body) = app
        .call(
            &trainer,
            Method::POST,
            &format!(
                "/api/v1/playlists/{}/items",
                playlist["id"].as_str().unwrap()
            ),
            Some(json!({ "kind": "video", "item_id": id })),
        )
        .await;
    assert_eq!(status, 422, "{body}");

    // Its uploader deletes it.
    assert_eq!(
        app.call(&uploader, Method::DELETE, &page, None).await.0,
        204
    );
    let (_, mine) = app
        .call(&uploader, Method::GET, "/api/v1/me/videos", None)
        .await;
    assert!(titles(&mine).is_empty());
}

/// A ready video of `duration_ms` owned by `owner`, without transcoding.
async fn ready_video(app: &TestApp, owner: &Person, title: &str, duration_ms: i64) -> String {
    let pool = app.state.db.pool();
    let id = reelhouse::db::videos::create_queued(
        pool,
        &owner.user.org_id,
        &owner.user.id,
        title,
        "uploads/x/source",
    )
    .await
    .unwrap();
    reelhouse::db::videos::set_ready(pool, &id, duration_ms, 1280, 720)
        .await
        .unwrap();
    reelhouse::db::library::reindex(&app.state.db, "video", &id)
        .await
        .unwrap();
    id
}

#[tokio::test]
async fn progress_follows_the_person_to_any_device_and_into_reports() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let hire = app.person("acme", "nia@acme.test", Role::Member).await;
    let video = ready_video(&app, &trainer, "Picking", 10_000).await;
    let (_, link) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/resources",
            Some(json!({ "title": "Guide", "url": "https://example.com/guide" })),
        )
        .await;
    let (_, playlist) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/playlists",
            Some(json!({ "title": "Day one", "published": true })),
        )
        .await;
    let playlist = playlist["id"].as_str().unwrap().to_owned();
    for (kind, item) in [
        ("video", video.as_str()),
        ("resource", link["id"].as_str().unwrap()),
    ] {
        let (status, _) = app
            .call(
                &trainer,
                Method::POST,
                &format!("/api/v1/playlists/{playlist}/items"),
                Some(json!({ "kind": kind, "item_id": item })),
            )
            .await;
        assert_eq!(status, 201);
    }
    let (status, _) = app
        .call(
            &trainer,
            Method::POST,
            &format!("/api/v1/playlists/{playlist}/assignments"),
            Some(json!({ "user_ids": [hire.user.id] })),
        )
        .await;
    assert_eq!(status, 201);

    // Before watching, the video page has no saved progress.
    let (_, before) = app
        .call(&hire, Method::GET, &format!("/api/v1/videos/{video}"), None)
        .await;
    assert!(before["my_progress"].is_null(), "{before}");

    // 40% watched on the phone.
    let (status, _) = app
        .call(
            &hire,
            Method::POST,
            &format!("/api/v1/videos/{video}/progress"),
            Some(json!({ "intervals": [[0.0, 4.0]], "position_s": 4.0 })),
        )
        .await;
    assert_eq!(status, 200);

    // Another device asks the server: the position and share watched are there.
    let desktop = app.signed_in("nia@acme.test", &hire.password).await;
    let seen: Value = desktop
        .get(app.at(&format!("/api/v1/videos/{video}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(seen["my_progress"]["position_s"], 4.0, "{seen}");
    assert_eq!(seen["my_progress"]["fraction"], 0.4);
    assert_eq!(seen["my_progress"]["completed"], false);
    // Somebody else's page shows their own progress, not the hire's.
    let (_, trainers_view) = app
        .call(
            &trainer,
            Method::GET,
            &format!("/api/v1/videos/{video}"),
            None,
        )
        .await;
    assert!(trainers_view["my_progress"].is_null());

    // Home: nothing completed yet, but 20% of the way (40% of one of two items).
    let (_, mine) = app
        .call(&hire, Method::GET, "/api/v1/me/assignments", None)
        .await;
    let mine = &mine.as_array().map_or(&mine["items"], |_| &mine)[0];
    assert_eq!(mine["items_completed"], 0, "{mine}");
    assert_eq!(mine["fraction"], 0.0);
    assert_eq!(mine["progress"], 0.2);
    // The playlist page shows it per item.
    let (_, view) = app
        .call(
            &hire,
            Method::GET,
            &format!("/api/v1/playlists/{playlist}"),
            None,
        )
        .await;
    assert_eq!(view["items"][0]["progress"], 0.4, "{view}");
    assert_eq!(view["items"][0]["duration_s"], 10.0);
    assert!(view["items"][0]["poster_url"].is_string());
    assert_eq!(view["items"][1]["progress"], 0.0);

    // The trainer's report lists each item for the person.
    let (_, report) = app
        .call(
            &trainer,
            Method::GET,
            &format!("/api/v1/playlists/{playlist}/report"),
            None,
        )
        .await;
    let line = &report[0];
    assert_eq!(line["progress"], 0.2, "{report}");
    let items = line["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(
        (
            &items[0]["title"],
            &items[0]["progress"],
            &items[0]["completed"]
        ),
        (&json!("Picking"), &json!(0.4), &json!(false))
    );
    assert_eq!(
        (&items[1]["title"], &items[1]["progress"], &items[1]["kind"]),
        (&json!("Guide"), &json!(0.0), &json!("resource"))
    );
    // Opening the link completes that item; the person's report agrees.
    app.call(
        &hire,
        Method::POST,
        &format!("/api/v1/resources/{}/open", link["id"].as_str().unwrap()),
        None,
    )
    .await;
    let (_, report) = app
        .call(
            &trainer,
            Method::GET,
            &format!("/api/v1/users/{}/report", hire.user.id),
            None,
        )
        .await;
    assert_eq!(report[0]["progress"], 0.7, "{report}");
    assert_eq!(report[0]["items"][1]["completed"], true);
    assert!(report[0]["items"][1]["completed_at"].is_i64());
}

/// A multipart form with a `file` (and a `title`, when given).
fn form(name: &str, bytes: &'static [u8], title: Option<String>) -> reqwest::multipart::Form {
    let mut form = common::file_form(name, bytes.to_vec());
    if let Some(title) = title {
        form = form.text("title", title);
    }
    form
}

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";

#[tokio::test]
async fn handouts_stand_alone_keep_their_order_and_open_in_place() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let member = app.person("acme", "m@acme.test", Role::Member).await;
    // A handout of its own, straight into the library (trainers only).
    let (status, alone) = app
        .post_form(
            &trainer,
            "/api/v1/handouts",
            form("checklist.pdf", PDF, Some("Daily checklist".into())),
        )
        .await;
    assert_eq!(status, 201, "{alone}");
    assert!(alone["video_id"].is_null());
    let (status, _) = app
        .post_form(&member, "/api/v1/handouts", form("mine.pdf", PDF, None))
        .await;
    assert_eq!(status, 403);
    let (_, page) = app
        .call(
            &member,
            Method::GET,
            "/api/v1/library?q=checklists&kind=handout",
            None,
        )
        .await;
    assert_eq!(titles(&page), ["Daily checklist"]);
    assert_eq!(page["items"][0]["content_type"], "application/pdf");

    // A title longer than any title is refused, not read whole.
    let (status, body) = app
        .post_form(
            &trainer,
            "/api/v1/handouts",
            form("x.pdf", PDF, Some("t".repeat(2 * 1024 * 1024))),
        )
        .await;
    assert_eq!(status, 422, "{body}");

    // Three handouts on a video, put in a new order.
    let video = ready_video(&app, &trainer, "Picking", 10_000).await;
    let mut ids = Vec::new();
    for title in ["One", "Two", "Three"] {
        let (status, handout) = app
            .post_form(
                &trainer,
                &format!("/api/v1/videos/{video}/handouts"),
                form("h.pdf", PDF, Some(title.into())),
            )
            .await;
        assert_eq!(status, 201);
        ids.push(handout["id"].as_str().unwrap().to_owned());
    }
    let order = json!({ "order": [ids[2], ids[0], ids[1]] });
    let path = format!("/api/v1/videos/{video}/handouts");
    let (status, listed) = app.call(&trainer, Method::PUT, &path, Some(order)).await;
    assert_eq!(status, 200, "{listed}");
    let names = |list: &Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|h| h["title"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(names(&listed), ["Three", "One", "Two"]);
    let (_, again) = app.call(&member, Method::GET, &path, None).await;
    assert_eq!(names(&again), ["Three", "One", "Two"]);
    let (_, shown) = app
        .call(
            &member,
            Method::GET,
            &format!("/api/v1/videos/{video}"),
            None,
        )
        .await;
    assert_eq!(names(&shown["handouts"]), ["Three", "One", "Two"]);
    for wrong in [
        json!([ids[0], ids[1]]),
        json!([ids[0], ids[0], ids[1], ids[2]]),
    ] {
        let (status, _) = app
            .call(
                &trainer,
                Method::PUT,
                &path,
                Some(json!({ "order": wrong })),
            )
            .await;
        assert_eq!(status, 422);
    }
    assert_eq!(
        app.call(&member, Method::PUT, &path, Some(json!({ "order": ids })))
            .await
            .0,
        403
    );

    // A PDF opens in the phone's viewer when asked; saved otherwise.
    let disposition = |inline: bool| {
        let url = app.at(&format!(
            "/api/v1/handouts/{}/download{}",
            ids[0],
            if inline { "?inline=true" } else { "" }
        ));
        let request = app.client.get(url).bearer_auth(&member.token);
        async move {
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), 200);
            response.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .to_owned()
        }
    };
    assert!(disposition(true).await.starts_with("inline;"));
    assert!(disposition(false).await.starts_with("attachment;"));
}

#[tokio::test]
async fn a_playlist_holds_an_item_once_and_says_where_items_are() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let member = app.person("acme", "m@acme.test", Role::Member).await;
    let video = ready_video(&app, &trainer, "Picking", 10_000).await;
    let mut playlists = Vec::new();
    for (title, published) in [("Published", true), ("Draft", false), ("Other", true)] {
        let (_, p) = app
            .call(
                &trainer,
                Method::POST,
                "/api/v1/playlists",
                Some(json!({ "title": title, "published": published })),
            )
            .await;
        playlists.push(p["id"].as_str().unwrap().to_owned());
    }
    for playlist in &playlists[..2] {
        let path = format!("/api/v1/playlists/{playlist}/items");
        let item = json!({ "kind": "video", "item_id": video });
        assert_eq!(
            app.call(&trainer, Method::POST, &path, Some(item.clone()))
                .await
                .0,
            201
        );
        let (status, body) = app.call(&trainer, Method::POST, &path, Some(item)).await;
        assert_eq!(status, 409);
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("already in this playlist"),
            "{body}"
        );
    }
    let (_, view) = app
        .call(
            &trainer,
            Method::GET,
            &format!("/api/v1/playlists/{}", playlists[0]),
            None,
        )
        .await;
    assert_eq!(view["items"].as_array().unwrap().len(), 1);

    let containing = format!("/api/v1/playlists?contains={video}");
    let (_, for_trainer) = app.call(&trainer, Method::GET, &containing, None).await;
    let (_, for_member) = app.call(&member, Method::GET, &containing, None).await;
    let names = |list: &Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|p| p["title"].as_str().unwrap().to_owned())
            .collect()
    };
    let mut trainer_sees = names(&for_trainer);
    trainer_sees.sort();
    assert_eq!(trainer_sees, ["Draft", "Published"]);
    assert_eq!(names(&for_member), ["Published"]);
}

#[tokio::test]
async fn invitation_links_say_whom_they_are_for() {
    let app = TestApp::spawn().await;
    let admin = app.person("acme", "a@acme.test", Role::Admin).await;
    let invite = |email: &str, role: &str| {
        let body = json!({ "email": email, "role": role });
        let app = &app;
        let admin = &admin;
        async move {
            let (status, invitation) = app
                .call(admin, Method::POST, "/api/v1/invitations", Some(body))
                .await;
            assert_eq!(status, 201, "{invitation}");
            invitation
        }
    };
    let lookup = |token: Value| {
        let request = app
            .client
            .post(app.at("/api/v1/invitations/lookup"))
            .json(&json!({ "token": token }));
        async move {
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            (status, response.json::<Value>().await.unwrap())
        }
    };
    let first = invite("new@acme.test", "trainer").await;
    let (status, preview) = lookup(first["token"].clone()).await;
    assert_eq!(status, 200);
    assert_eq!(
        preview,
        json!({ "email": "new@acme.test", "role": "trainer", "organisation": "acme", "state": "open" })
    );
    let response = app
        .client
        .post(app.at("/api/v1/invitations/accept"))
        .json(&json!({ "token": first["token"], "name": "New", "password": "a long enough password" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(lookup(first["token"].clone()).await.1["state"], "accepted");

    let second = invite("later@acme.test", "member").await;
    let path = format!("/api/v1/invitations/{}", second["id"].as_str().unwrap());
    assert_eq!(app.call(&admin, Method::DELETE, &path, None).await.0, 204);
    assert_eq!(
        lookup(second["token"].clone()).await.1["state"],
        "withdrawn"
    );
    assert_eq!(lookup(json!("no-such-token")).await.0, 404);
}

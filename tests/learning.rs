//! The learning model beyond the happy story: who may edit library items and what search sees
//! after an edit, the review hold on members' uploads, subject experts, playlist order,
//! standing assignments by role and cohort, and the pictures people upload (logos, covers).

mod common;

use common::{Person, TestApp, ffmpeg};
use reelhouse::db::users::Role;
use reqwest::Method;
use serde_json::{Value, json};

/// A queued video owned by `owner`, made as a finished upload makes it.
async fn video(app: &TestApp, owner: &Person, title: &str) -> String {
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
    reelhouse::db::library::reindex(&app.state.db, "video", &id)
        .await
        .unwrap();
    id
}

/// The ids the library gives `person` for a query string.
async fn found(app: &TestApp, person: &Person, query: &str) -> Vec<String> {
    let (status, page) = app
        .call(
            person,
            Method::GET,
            &format!("/api/v1/library?{query}"),
            None,
        )
        .await;
    assert_eq!(status, 200, "{page}");
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn owners_and_trainers_edit_and_search_follows_the_edits() {
    let app = TestApp::spawn().await;
    let member = app.person("acme", "m@acme.test", Role::Member).await;
    let other = app.person("acme", "o@acme.test", Role::Member).await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let mine = video(&app, &member, "Loading bay tour").await;
    let theirs = video(&app, &trainer, "Forklift checks").await;

    let edit = json!({ "tagline": "Where trucks dock", "description": "Chocks, ramps and the dock leveller",
                       "tags": ["Loading Bay", "safety", "safety"] });
    let (status, edited) = app
        .call(
            &member,
            Method::PATCH,
            &format!("/api/v1/videos/{mine}"),
            Some(edit.clone()),
        )
        .await;
    assert_eq!(status, 200, "{edited}");
    assert_eq!(edited["tags"], json!(["loading-bay", "safety"]));
    assert_eq!(edited["title"], "Loading bay tour");
    let (status, _) = app
        .call(
            &other,
            Method::PATCH,
            &format!("/api/v1/videos/{mine}"),
            Some(edit.clone()),
        )
        .await;
    assert_eq!(status, 403, "members edit only their own uploads");
    let (status, _) = app
        .call(
            &member,
            Method::PATCH,
            &format!("/api/v1/videos/{theirs}"),
            Some(edit),
        )
        .await;
    assert_eq!(status, 403);
    let (status, _) = app
        .call(
            &trainer,
            Method::PATCH,
            &format!("/api/v1/videos/{mine}"),
            Some(json!({ "title": "Loading bay: a tour" })),
        )
        .await;
    assert_eq!(status, 200, "trainers edit any item of their organisation");
    let (status, _) = app
        .call(
            &trainer,
            Method::PATCH,
            &format!("/api/v1/videos/{mine}"),
            Some(json!({ "title": "   " })),
        )
        .await;
    assert_eq!(status, 422);

    // Search sees the edits: a word of the new description, the new tag, the new title.
    assert_eq!(found(&app, &other, "q=leveller").await, [mine.as_str()]);
    assert_eq!(
        found(&app, &other, "tag=loading-bay").await,
        [mine.as_str()]
    );
    assert_eq!(found(&app, &other, "q=tour").await, [mine.as_str()]);
    assert!(
        found(&app, &other, "q=Loading&tag=forklift")
            .await
            .is_empty()
    );

    // Resources: trainers edit; a link must stay http(s); deleting takes it out of search
    // and out of every playlist.
    let (_, resource) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/resources",
            Some(json!({ "title": "Dock safety podcast", "url": "https://example.com/pod" })),
        )
        .await;
    let resource_id = resource["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/resources/{resource_id}");
    let (status, _) = app
        .call(
            &trainer,
            Method::PATCH,
            &path,
            Some(json!({ "url": "javascript:alert(1)" })),
        )
        .await;
    assert_eq!(status, 422);
    let (status, changed) = app
        .call(
            &trainer,
            Method::PATCH,
            &path,
            Some(json!({ "url": "https://example.com/pod/2", "tags": ["audio"] })),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        (changed["url"].as_str(), changed["tags"].clone()),
        (Some("https://example.com/pod/2"), json!(["audio"]))
    );
    assert_eq!(
        found(&app, &member, "tag=audio").await,
        [resource_id.as_str()]
    );
    let (_, playlist) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/playlists",
            Some(json!({ "title": "Docks" })),
        )
        .await;
    let playlist_id = playlist["id"].as_str().unwrap();
    let (status, _) = app
        .call(
            &trainer,
            Method::POST,
            &format!("/api/v1/playlists/{playlist_id}/items"),
            Some(json!({ "kind": "resource", "item_id": resource_id })),
        )
        .await;
    assert_eq!(status, 201);
    let (status, _) = app.call(&trainer, Method::DELETE, &path, None).await;
    assert_eq!(status, 204);
    assert!(found(&app, &member, "tag=audio").await.is_empty());
    let (_, view) = app
        .call(
            &trainer,
            Method::GET,
            &format!("/api/v1/playlists/{playlist_id}"),
            None,
        )
        .await;
    assert_eq!(
        view["items"],
        json!([]),
        "a deleted resource leaves the playlists"
    );

    // Edits at the same moment all land (none fails on the index), the last one wins.
    let theirs_path = format!("/api/v1/videos/{theirs}");
    let edits = (0..8).map(|n| {
        app.call(
            &trainer,
            Method::PATCH,
            &theirs_path,
            Some(json!({ "tags": ["forklift", format!("shift_{n}")] })),
        )
    });
    for (status, body) in futures_util::future::join_all(edits).await {
        assert_eq!(status, 200, "{body}");
    }
    assert_eq!(
        found(&app, &member, "tag=forklift").await,
        [theirs.as_str()]
    );
    // A tag is matched as written: `_` is no wildcard.
    app.call(
        &trainer,
        Method::PATCH,
        &format!("/api/v1/videos/{theirs}"),
        Some(json!({ "tags": ["axb"] })),
    )
    .await;
    assert!(found(&app, &member, "tag=a_b").await.is_empty());
    assert_eq!(found(&app, &member, "tag=axb").await, [theirs.as_str()]);

    // Library hits carry the owner and times.
    let (_, page) = app
        .call(&member, Method::GET, "/api/v1/library?q=leveller", None)
        .await;
    assert_eq!(page["items"][0]["owner_id"], member.user.id.as_str());
    assert!(page["items"][0]["updated_at"].as_i64() >= page["items"][0]["created_at"].as_i64());
}

#[tokio::test]
async fn members_uploads_wait_for_review_when_the_organisation_asks() {
    let app = TestApp::spawn().await;
    let admin = app.person("acme", "a@acme.test", Role::Admin).await;
    let member = app.person("acme", "m@acme.test", Role::Member).await;
    let colleague = app.person("acme", "c@acme.test", Role::Member).await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let (status, settings) = app
        .call(
            &admin,
            Method::PUT,
            "/api/v1/org/settings",
            Some(json!({ "review_uploads": true })),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(settings["review_uploads"], true);
    assert_eq!(
        settings["allow_downloads"], false,
        "fields left out stay as they were"
    );

    let held = video(&app, &member, "Quarterly stocktake").await;
    let not_held = video(&app, &trainer, "Stocktake by the book").await;
    assert_eq!(
        found(&app, &colleague, "q=stocktake").await,
        [not_held.as_str()]
    );
    assert_eq!(
        found(&app, &trainer, "q=stocktake").await,
        [not_held.as_str()]
    );
    let path = format!("/api/v1/videos/{held}");
    let (status, _) = app.call(&colleague, Method::GET, &path, None).await;
    assert_eq!(status, 404, "others do not see a held video");
    for (who, video, expected) in [
        (&colleague, &held, 404),
        (&colleague, &not_held, 409),
        (&member, &held, 409),
    ] {
        let (status, _) = app
            .call(
                who,
                Method::POST,
                &format!("/api/v1/videos/{video}/progress"),
                Some(json!({ "intervals": [[0, 1]], "position_s": 1 })),
            )
            .await;
        assert_eq!(
            status, expected,
            "progress on {video}: not there for others, not ready for its owner"
        );
    }
    let (status, _) = app
        .call(&colleague, Method::GET, &format!("{path}/handouts"), None)
        .await;
    assert_eq!(status, 404);
    let (status, _) = app
        .call(
            &colleague,
            Method::GET,
            &format!("{path}/hls/master.m3u8"),
            None,
        )
        .await;
    assert_eq!(status, 404);
    let (status, own) = app.call(&member, Method::GET, &path, None).await;
    assert_eq!((status, own["held"].as_bool()), (200, Some(true)));
    // The owner may still edit it; it stays out of the library while held.
    let (status, _) = app
        .call(
            &member,
            Method::PATCH,
            &path,
            Some(json!({ "tags": ["stock"] })),
        )
        .await;
    assert_eq!(status, 200);
    assert!(found(&app, &trainer, "tag=stock").await.is_empty());
    // Its handout is as hidden as the video, in search and for download.
    let (_, handout) = app
        .post_form(
            &member,
            &format!("{path}/handouts"),
            common::file_form("stocktake-rules.txt", b"Count every shelf twice.".to_vec()),
        )
        .await;
    let handout_id = handout["id"].as_str().unwrap().to_owned();
    assert!(found(&app, &colleague, "q=rules").await.is_empty());
    let download = format!("/api/v1/handouts/{handout_id}/download");
    let (status, _) = app.call(&colleague, Method::GET, &download, None).await;
    assert_eq!(status, 404);
    let (_, playlist) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/playlists",
            Some(json!({ "title": "Stock" })),
        )
        .await;
    let (status, refused) = app
        .call(
            &trainer,
            Method::POST,
            &format!(
                "/api/v1/playlists/{}/items",
                playlist["id"].as_str().unwrap()
            ),
            Some(json!({ "kind": "video", "item_id": held })),
        )
        .await;
    assert_eq!(status, 422, "{refused}");

    let (_, queue) = app
        .call(&trainer, Method::GET, "/api/v1/reviews", None)
        .await;
    let queued: Vec<&str> = queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap())
        .collect();
    assert_eq!(queued, [held.as_str()]);
    let (status, _) = app
        .call(&member, Method::POST, &format!("{path}/approve"), None)
        .await;
    assert_eq!(status, 403, "members do not approve, not even their own");
    let (status, approved) = app
        .call(&trainer, Method::POST, &format!("{path}/approve"), None)
        .await;
    assert_eq!((status, approved["held"].as_bool()), (200, Some(false)));
    let (status, _) = app
        .call(&trainer, Method::POST, &format!("{path}/approve"), None)
        .await;
    assert_eq!(status, 409);
    let mut both = found(&app, &colleague, "q=stocktake").await;
    both.sort();
    let mut expected = vec![held.clone(), not_held, handout_id.clone()];
    expected.sort();
    assert_eq!(both, expected);
    assert_eq!(found(&app, &colleague, "tag=stock").await, [held]);
    assert_eq!(
        found(&app, &colleague, "q=rules").await,
        [handout_id.as_str()]
    );
    let (status, _) = app.call(&colleague, Method::GET, &download, None).await;
    assert_eq!(status, 200);
    let (_, queue) = app
        .call(&trainer, Method::GET, "/api/v1/reviews", None)
        .await;
    assert_eq!(queue["items"], json!([]));

    let (status, _) = app
        .call(
            &admin,
            Method::PUT,
            "/api/v1/org/settings",
            Some(json!({ "completion_threshold": 0.3 })),
        )
        .await;
    assert_eq!(status, 422);
}

#[tokio::test]
async fn experts_are_shown_for_their_tags_within_the_organisation() {
    let app = TestApp::spawn().await;
    let ann = app.person("acme", "ann@acme.test", Role::Member).await;
    let bob = app.person("acme", "bob@acme.test", Role::Member).await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let outsider = app.person("globex", "x@globex.test", Role::Admin).await;
    let (status, declared) = app
        .call(
            &ann,
            Method::PUT,
            "/api/v1/me/expertise",
            Some(json!({ "tags": ["Forklifts", "night shift"] })),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(declared["tags"], json!(["forklifts", "night-shift"]));
    let (status, _) = app
        .call(
            &bob,
            Method::PUT,
            &format!("/api/v1/users/{}/expertise", ann.user.id),
            Some(json!({ "tags": [] })),
        )
        .await;
    assert_eq!(status, 403, "members set only their own");
    let (status, _) = app
        .call(
            &trainer,
            Method::PUT,
            &format!("/api/v1/users/{}/expertise", bob.user.id),
            Some(json!({ "tags": ["forklifts"] })),
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = app
        .call(
            &outsider,
            Method::PUT,
            "/api/v1/me/expertise",
            Some(json!({ "tags": ["forklifts"] })),
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = app
        .call(
            &outsider,
            Method::PUT,
            &format!("/api/v1/users/{}/expertise", bob.user.id),
            Some(json!({ "tags": [] })),
        )
        .await;
    assert_eq!(status, 404);

    video(&app, &trainer, "Forklift daily check").await;
    let (_, item) = app
        .call(&trainer, Method::GET, "/api/v1/library?q=forklift", None)
        .await;
    let id = item["items"][0]["id"].as_str().unwrap().to_owned();
    app.call(
        &trainer,
        Method::PATCH,
        &format!("/api/v1/videos/{id}"),
        Some(json!({ "tags": ["forklifts"] })),
    )
    .await;
    let (_, page) = app
        .call(&bob, Method::GET, "/api/v1/library?tag=Forklifts", None)
        .await;
    let experts: Vec<&str> = page["experts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["email"].as_str().unwrap())
        .collect();
    assert_eq!(experts, ["ann@acme.test", "bob@acme.test"], "{page}");
    assert_eq!(page["items"][0]["id"], id.as_str());
    // A typed search offers the experts on tags that share its words' stems.
    let (_, page) = app
        .call(&bob, Method::GET, "/api/v1/library?q=forklift", None)
        .await;
    let experts: Vec<&str> = page["experts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["email"].as_str().unwrap())
        .collect();
    assert_eq!(experts, ["ann@acme.test", "bob@acme.test"], "{page}");
    let (_, page) = app
        .call(&bob, Method::GET, "/api/v1/library?q=daily", None)
        .await;
    assert_eq!(page["experts"], json!([]), "nobody is an expert on that");
    let (_, all) = app
        .call(&bob, Method::GET, "/api/v1/experts?tag=night-shift", None)
        .await;
    assert_eq!(all["items"].as_array().unwrap().len(), 1);
    assert_eq!(all["items"][0]["name"], "ann@acme.test");
}

#[tokio::test]
async fn trainers_insert_and_reorder_playlist_items() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let outsider = app.person("globex", "x@globex.test", Role::Admin).await;
    let a = video(&app, &trainer, "A").await;
    let b = video(&app, &trainer, "B").await;
    let c = video(&app, &trainer, "C").await;
    let d = video(&app, &trainer, "D").await;
    let foreign = video(&app, &outsider, "Theirs").await;
    let (_, playlist) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/playlists",
            Some(json!({ "title": "Order", "sequential": true })),
        )
        .await;
    let items = format!(
        "/api/v1/playlists/{}/items",
        playlist["id"].as_str().unwrap()
    );
    let mut entries = Vec::new();
    for (id, position) in [(&a, None), (&c, None), (&b, Some(1)), (&d, Some(0))] {
        let (status, item) = app
            .call(
                &trainer,
                Method::POST,
                &items,
                Some(json!({ "kind": "video", "item_id": id, "position": position })),
            )
            .await;
        assert_eq!(status, 201);
        entries.push(item["id"].as_str().unwrap().to_owned());
    }
    // A playlist holds an item once.
    let (status, _) = app
        .call(
            &trainer,
            Method::POST,
            &items,
            Some(json!({ "kind": "video", "item_id": a, "position": 0 })),
        )
        .await;
    assert_eq!(status, 409);
    let (status, _) = app
        .call(
            &trainer,
            Method::POST,
            &items,
            Some(json!({ "kind": "video", "item_id": foreign })),
        )
        .await;
    assert_eq!(
        status, 422,
        "another organisation's video is not one of ours"
    );
    let titles = |view: &Value| -> Vec<String> {
        view["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["title"].as_str().unwrap().to_owned())
            .collect()
    };
    let playlist_path = items.trim_end_matches("/items").to_owned();
    let (_, view) = app.call(&trainer, Method::GET, &playlist_path, None).await;
    assert_eq!(titles(&view), ["D", "A", "B", "C"]);

    // The new order must name every entry once.
    let (status, _) = app
        .call(
            &trainer,
            Method::PUT,
            &items,
            Some(json!({ "order": [entries[0], entries[1]] })),
        )
        .await;
    assert_eq!(status, 422);
    let (status, _) = app
        .call(
            &trainer,
            Method::PUT,
            &items,
            Some(json!({ "order": [entries[1], entries[1], entries[2], entries[3]] })),
        )
        .await;
    assert_eq!(status, 422);
    let order = json!({ "order": [entries[1], entries[2], entries[3], entries[0]] });
    let (status, view) = app.call(&trainer, Method::PUT, &items, Some(order)).await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(titles(&view), ["C", "B", "D", "A"]);
    let locked: Vec<bool> = view["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["locked"].as_bool().unwrap())
        .collect();
    assert_eq!(locked, [false, true, true, true]);
    let (status, _) = app
        .call(
            &trainer,
            Method::DELETE,
            &format!("{items}/{}", entries[2]),
            None,
        )
        .await;
    assert_eq!(status, 204);
    let (_, view) = app.call(&trainer, Method::GET, &playlist_path, None).await;
    assert_eq!(titles(&view), ["C", "D", "A"]);
}

#[tokio::test]
async fn standing_assignments_reach_everyone_of_a_role_or_cohort_including_later_joiners() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let member = app.person("acme", "m@acme.test", Role::Member).await;
    let outsider = app.person("globex", "x@globex.test", Role::Member).await;
    let playlist = |title: &'static str| {
        let app = &app;
        let trainer = &trainer;
        async move {
            let (_, p) = app
                .call(
                    trainer,
                    Method::POST,
                    "/api/v1/playlists",
                    Some(json!({ "title": title, "published": true })),
                )
                .await;
            p["id"].as_str().unwrap().to_owned()
        }
    };
    let everyone = playlist("For every member").await;
    let december = playlist("December cohort").await;
    let carried = playlist("Carried by the invitation").await;

    let due = reelhouse::db::now_ms() + 86_400_000;
    let (status, _) = app
        .call(
            &trainer,
            Method::POST,
            &format!("/api/v1/playlists/{everyone}/assignments"),
            Some(json!({ "user_ids": [member.user.id], "due_at": due })),
        )
        .await;
    assert_eq!(status, 201);
    let (status, assigned) = app
        .call(
            &trainer,
            Method::POST,
            &format!("/api/v1/playlists/{everyone}/assignments"),
            Some(json!({ "role": "member" })),
        )
        .await;
    assert_eq!(
        (status, assigned["assigned"].as_u64()),
        (201, Some(1)),
        "the one member there is"
    );
    let (status, assigned) = app
        .call(
            &trainer,
            Method::POST,
            &format!("/api/v1/playlists/{december}/assignments"),
            Some(json!({ "cohort": "2026-12" })),
        )
        .await;
    assert_eq!((status, assigned["assigned"].as_u64()), (201, Some(0)));
    let (status, _) = app
        .call(
            &trainer,
            Method::POST,
            &format!("/api/v1/playlists/{december}/assignments"),
            Some(json!({})),
        )
        .await;
    assert_eq!(status, 422);
    let (status, _) = app.call(&trainer,
        Method::POST,
        "/api/v1/invitations",
        Some(
            json!({ "email": "z@acme.test", "role": "member", "playlist_ids": ["not-a-playlist"] }),
        ),
    )
    .await;
    assert_eq!(status, 422);

    // Two people join later: one into the December cohort with a playlist on the invitation.
    let mut joined = Vec::new();
    for (email, cohort, playlists) in [
        ("dec@acme.test", Some("2026-12"), vec![carried.clone()]),
        ("jan@acme.test", Some("2027-01"), vec![]),
    ] {
        let (status, invitation) = app.call(&trainer, Method::POST, "/api/v1/invitations",
            Some(json!({ "email": email, "role": "member", "cohort": cohort, "playlist_ids": playlists }))).await;
        assert_eq!(status, 201, "{invitation}");
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .unwrap();
        let response = client
            .post(app.at("/api/v1/invitations/accept"))
            .json(&json!({ "token": invitation["token"], "name": email, "password": "long enough password" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        joined.push(client);
    }
    let titles = |client: reqwest::Client| {
        let url = app.at("/api/v1/me/assignments");
        async move {
            let mine: Value = client.get(url).send().await.unwrap().json().await.unwrap();
            let mut titles: Vec<String> = mine["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["title"].as_str().unwrap().to_owned())
                .collect();
            titles.sort();
            titles
        }
    };
    assert_eq!(
        titles(joined[0].clone()).await,
        [
            "Carried by the invitation",
            "December cohort",
            "For every member"
        ]
    );
    assert_eq!(titles(joined[1].clone()).await, ["For every member"]);
    let (_, existing) = app
        .call(&member, Method::GET, "/api/v1/me/assignments", None)
        .await;
    assert_eq!(existing["items"].as_array().unwrap().len(), 1);
    assert_eq!(
        existing["items"][0]["due_at"], due,
        "a rule without a due date keeps the one set"
    );
    let (_, theirs) = app
        .call(&outsider, Method::GET, "/api/v1/me/assignments", None)
        .await;
    assert_eq!(
        theirs["items"],
        json!([]),
        "rules never cross organisations"
    );
}

async fn put_picture(app: &TestApp, person: &Person, path: &str, body: Vec<u8>) -> (u16, Value) {
    let response = app
        .client
        .put(app.at(path))
        .bearer_auth(&person.token)
        .header("content-type", "image/png")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn pictures_are_decoded_checked_and_encoded_afresh() {
    let app = TestApp::spawn().await;
    let admin = app.person("acme", "a@acme.test", Role::Admin).await;
    let dir = tempfile::tempdir().unwrap();
    let logo = "/api/v1/branding/logo";

    // Not pictures, whatever they claim: text, a Windows program, a video.
    let clip = dir.path().join("clip.mp4");
    ffmpeg(
        &["-f", "lavfi", "-i", "testsrc2=size=320x180:duration=1"],
        &clip,
    );
    for body in [
        b"just some text, not a picture".to_vec(),
        [b"MZ\x90\x00".as_slice(), &[0u8; 200]].concat(),
        std::fs::read(&clip).unwrap(),
    ] {
        let (status, error) = put_picture(&app, &admin, logo, body).await;
        assert_eq!(status, 415, "{error}");
        assert!(
            error["error"]["message"]
                .as_str()
                .unwrap()
                .contains("PNG, JPEG, WebP or GIF")
        );
    }
    let (status, _) = put_picture(&app, &admin, logo, Vec::new()).await;
    assert_eq!(status, 400);
    // A small file declaring an enormous picture is refused before FFmpeg allocates for it.
    let mut bomb = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    bomb.extend_from_slice(&16000u32.to_be_bytes());
    bomb.extend_from_slice(&16000u32.to_be_bytes());
    bomb.extend_from_slice(&[16, 6, 0, 0, 0, 0, 0, 0, 0]);
    bomb.resize(2 * 1024 * 1024, 0);
    let (status, error) = put_picture(&app, &admin, logo, bomb).await;
    assert_eq!(status, 415);
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("too large"),
        "{error}"
    );
    // Absurd sizes are refused before decoding; huge bodies before they are read whole.
    let huge = dir.path().join("huge.png");
    ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            "color=c=white:size=9000x8",
            "-frames:v",
            "1",
        ],
        &huge,
    );
    let (status, error) = put_picture(&app, &admin, logo, std::fs::read(&huge).unwrap()).await;
    assert_eq!(status, 415);
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("too large"),
        "{error}"
    );
    let (status, _) = put_picture(&app, &admin, logo, vec![0u8; 11 * 1024 * 1024]).await;
    assert_eq!(status, 413);
    let (_, branding) = app
        .call(&admin, Method::GET, "/api/v1/branding", None)
        .await;
    assert_eq!(branding["logo_url"], Value::Null, "nothing was stored");

    // A real picture with a payload appended (a polyglot): what is served is a new PNG
    // without it, and a WebP works as well as a PNG.
    let picture = dir.path().join("logo.png");
    ffmpeg(
        &[
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=300x100",
            "-frames:v",
            "1",
        ],
        &picture,
    );
    let mut polyglot = std::fs::read(&picture).unwrap();
    polyglot.extend_from_slice(b"<script>alert('payload')</script>");
    let (status, branding) = put_picture(&app, &admin, logo, polyglot).await;
    assert_eq!(status, 200, "{branding}");
    let first_url = branding["logo_url"].as_str().unwrap().to_owned();
    let served = reqwest::get(app.at(&first_url)).await.unwrap();
    assert_eq!(served.headers()["content-type"], "image/png");
    let served = served.bytes().await.unwrap();
    assert_eq!(&served[..4], b"\x89PNG");
    assert!(!served.windows(6).any(|w| w == b"script"));
    let webp = dir.path().join("logo.webp");
    ffmpeg(
        &["-f", "lavfi", "-i", "testsrc2=size=64x64", "-frames:v", "1"],
        &webp,
    );
    let (status, branding) = put_picture(&app, &admin, logo, std::fs::read(&webp).unwrap()).await;
    assert_eq!(status, 200);
    assert_ne!(
        branding["logo_url"],
        first_url.as_str(),
        "a new logo gets a new address"
    );
    let logos = app.state.store.list("branding/").await.unwrap();
    assert_eq!(logos.len(), 1, "the old logo is removed");
}

#[tokio::test]
async fn trainers_change_due_dates_and_take_assignments_back() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let member = app.person("acme", "m@acme.test", Role::Member).await;
    let other = app.person("acme", "o@acme.test", Role::Member).await;
    let (_, playlist) = app
        .call(
            &trainer,
            Method::POST,
            "/api/v1/playlists",
            Some(json!({ "title": "Forklift basics", "published": true })),
        )
        .await;
    let playlist = playlist["id"].as_str().unwrap().to_owned();
    let due = reelhouse::db::now_ms() + 86_400_000;
    let (status, _) = app
        .call(
            &trainer,
            Method::POST,
            &format!("/api/v1/playlists/{playlist}/assignments"),
            Some(json!({ "user_ids": [member.user.id, other.user.id], "due_at": due })),
        )
        .await;
    assert_eq!(status, 201);
    let of_member = format!(
        "/api/v1/playlists/{playlist}/assignments/{}",
        member.user.id
    );
    let of_other = format!("/api/v1/playlists/{playlist}/assignments/{}", other.user.id);

    // A due date moved into the past makes it overdue; none takes the date away.
    let (status, changed) = app
        .call(
            &trainer,
            Method::PATCH,
            &of_member,
            Some(json!({ "due_at": 1_000 })),
        )
        .await;
    assert_eq!(
        (status, changed["due_at"].as_i64()),
        (200, Some(1_000)),
        "{changed}"
    );
    let (_, mine) = app
        .call(&member, Method::GET, "/api/v1/me/assignments", None)
        .await;
    assert_eq!(mine["items"][0]["overdue"], true, "{mine}");
    let (status, _) = app
        .call(
            &trainer,
            Method::PATCH,
            &of_member,
            Some(json!({ "due_at": null })),
        )
        .await;
    assert_eq!(status, 200);
    let (_, mine) = app
        .call(&member, Method::GET, "/api/v1/me/assignments", None)
        .await;
    assert_eq!(
        (
            mine["items"][0]["due_at"].clone(),
            mine["items"][0]["overdue"].clone()
        ),
        (Value::Null, json!(false)),
        "{mine}"
    );

    // Taken back: gone from the person's list and the report; the other keeps theirs.
    assert_eq!(
        app.call(&member, Method::DELETE, &of_other, None).await.0,
        403
    );
    assert_eq!(
        app.call(&trainer, Method::DELETE, &of_other, None).await.0,
        204
    );
    assert_eq!(
        app.call(&trainer, Method::DELETE, &of_other, None).await.0,
        404
    );
    let (_, theirs) = app
        .call(&other, Method::GET, "/api/v1/me/assignments", None)
        .await;
    assert_eq!(theirs["items"].as_array().unwrap().len(), 0, "{theirs}");
    let (_, report) = app
        .call(
            &trainer,
            Method::GET,
            &format!("/api/v1/playlists/{playlist}/report"),
            None,
        )
        .await;
    let people: Vec<&str> = report
        .as_array()
        .unwrap()
        .iter()
        .map(|line| line["user_id"].as_str().unwrap())
        .collect();
    assert_eq!(people, vec![member.user.id.as_str()], "{report}");
    assert_eq!(
        app.call(
            &trainer,
            Method::PATCH,
            &of_other,
            Some(json!({ "due_at": due }))
        )
        .await
        .0,
        404
    );
}

//! Playlists: a trainer builds a sequential on-boarding playlist and assigns it; the new hire
//! sees it with their own progress, items unlocking one by one.

mod common;

use common::{Person, TestApp};
use reelhouse::db::users::Role;
use serde_json::json;

async fn ready_video(app: &TestApp, owner: &Person, title: &str) -> String {
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
    reelhouse::db::videos::set_ready(pool, &id, 20_000, 320, 180)
        .await
        .unwrap();
    id
}

#[tokio::test]
async fn a_sequential_onboarding_playlist_unlocks_as_the_hire_watches() {
    use reqwest::Method;
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let hire = app.person("acme", "hire@acme.test", Role::Member).await;
    let stranger = app.person("globex", "s@globex.test", Role::Admin).await;
    let first = ready_video(&app, &trainer, "Safety first").await;
    let second = ready_video(&app, &trainer, "Your first weld").await;
    let foreign = ready_video(&app, &stranger, "Not yours").await;

    let (status, playlist) = app.call(&trainer, Method::POST, "/api/v1/playlists",
        Some(json!({ "title": "First week", "description": "Start here", "onboarding": true, "sequential": true }))).await;
    assert_eq!(status, 201, "{playlist}");
    let id = playlist["id"].as_str().unwrap().to_owned();
    assert_eq!(playlist["published"], false);
    for video in [&first, &second] {
        let (status, _) = app
            .call(
                &trainer,
                Method::POST,
                &format!("/api/v1/playlists/{id}/items"),
                Some(json!({ "kind": "video", "item_id": video })),
            )
            .await;
        assert_eq!(status, 201);
    }
    let (status, _) = app
        .call(
            &trainer,
            Method::POST,
            &format!("/api/v1/playlists/{id}/items"),
            Some(json!({ "kind": "video", "item_id": foreign })),
        )
        .await;
    assert_eq!(status, 422, "another organisation's video was added");

    // A draft is the trainers' alone; members cannot build playlists.
    assert_eq!(
        app.call(&hire, Method::GET, &format!("/api/v1/playlists/{id}"), None)
            .await
            .0,
        404
    );
    assert_eq!(
        app.call(
            &hire,
            Method::POST,
            "/api/v1/playlists",
            Some(json!({ "title": "Mine" }))
        )
        .await
        .0,
        403
    );
    let (status, _) = app
        .call(
            &trainer,
            Method::PATCH,
            &format!("/api/v1/playlists/{id}"),
            Some(json!({ "published": true })),
        )
        .await;
    assert_eq!(status, 200);
    let (status, assigned) = app.call(&trainer,
        Method::POST,
        &format!("/api/v1/playlists/{id}/assignments"),
        Some(json!({ "user_ids": [hire.user.id], "due_at": reelhouse::db::now_ms() + 86_400_000 })),
    )
    .await;
    assert_eq!((status, assigned["assigned"].as_i64()), (201, Some(1)));
    let (status, _) = app
        .call(
            &trainer,
            Method::POST,
            &format!("/api/v1/playlists/{id}/assignments"),
            Some(json!({ "user_ids": [stranger.user.id] })),
        )
        .await;
    assert_eq!(status, 422, "someone of another organisation was assigned");

    let (_, seen) = app
        .call(&hire, Method::GET, &format!("/api/v1/playlists/{id}"), None)
        .await;
    assert_eq!(seen["title"], "First week");
    assert_eq!(seen["items"][0]["title"], "Safety first");
    assert_eq!(
        (
            seen["items"][0]["locked"].clone(),
            seen["items"][1]["locked"].clone()
        ),
        (json!(false), json!(true))
    );

    // Watching the first video (90% of 20 s, in 5-second reports) unlocks the second.
    for start in [0, 5, 10, 13] {
        let (status, _) = app
            .call(
                &hire,
                Method::POST,
                &format!("/api/v1/videos/{first}/progress"),
                Some(json!({ "intervals": [[start, start + 5]], "position_s": start + 5 })),
            )
            .await;
        assert_eq!(status, 200);
    }
    let (_, seen) = app
        .call(&hire, Method::GET, &format!("/api/v1/playlists/{id}"), None)
        .await;
    assert_eq!(seen["items"][0]["completed"], true, "{seen}");
    assert_eq!(seen["items"][1]["locked"], false, "{seen}");
    let (_, mine) = app
        .call(&hire, Method::GET, "/api/v1/me/assignments", None)
        .await;
    assert_eq!(
        (
            mine["items"][0]["items_completed"].as_i64(),
            mine["items"][0]["items_total"].as_i64()
        ),
        (Some(1), Some(2))
    );

    // The trainer's report, as JSON and as CSV, shows exactly where the hire is.
    let (status, report) = app
        .call(
            &trainer,
            Method::GET,
            &format!("/api/v1/playlists/{id}/report"),
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(report[0]["email"], "hire@acme.test");
    assert_eq!(
        (
            report[0]["items_completed"].as_i64(),
            report[0]["items_total"].as_i64()
        ),
        (Some(1), Some(2))
    );
    assert_eq!(report[0]["completed"], false);
    assert!(report[0]["last_activity"].as_i64().unwrap() > 0);
    let csv = app
        .client
        .get(app.at(&format!("/api/v1/playlists/{id}/report")))
        .bearer_auth(&trainer.token)
        .header("accept", "text/csv")
        .send()
        .await
        .unwrap();
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = csv.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "playlist,name,email,items_completed,items_total,percent,completed,completed_at,last_activity,due_at,overdue,practice,quizzes"
    );
    assert!(
        lines[1].starts_with("First week,hire@acme.test,hire@acme.test,1,2,50,false,,20"),
        "{csv}"
    );
    assert_eq!(
        app.call(
            &hire,
            Method::GET,
            &format!("/api/v1/playlists/{id}/report"),
            None
        )
        .await
        .0,
        403
    );

    // Removing an item and deleting the playlist.
    let entry = seen["items"][1]["id"].as_str().unwrap();
    assert_eq!(
        app.call(
            &trainer,
            Method::DELETE,
            &format!("/api/v1/playlists/{id}/items/{entry}"),
            None
        )
        .await
        .0,
        204
    );
    let (_, mine) = app
        .call(&hire, Method::GET, "/api/v1/me/assignments", None)
        .await;
    assert_eq!(mine["items"][0]["completed"], true);
    assert_eq!(
        app.call(
            &stranger,
            Method::GET,
            &format!("/api/v1/playlists/{id}"),
            None
        )
        .await
        .0,
        404
    );
    assert_eq!(
        app.call(
            &trainer,
            Method::DELETE,
            &format!("/api/v1/playlists/{id}"),
            None
        )
        .await
        .0,
        204
    );
    let (_, mine) = app
        .call(&hire, Method::GET, "/api/v1/me/assignments", None)
        .await;
    assert_eq!(mine["items"], json!([]));
}

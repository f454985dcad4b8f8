//! Honest progress: intervals merge per person and video, seeking counts for nothing, pieces
//! watched out of order add up, and concurrent reports are never lost.

mod common;

use common::{Person, TestApp};
use reelhouse::db::users::Role;
use serde_json::{Value, json};

/// A ready 100-second video of the person's organisation.
async fn ready_video(app: &TestApp, owner: &Person) -> String {
    let pool = app.state.db.pool();
    let id = reelhouse::db::videos::create_queued(
        pool,
        &owner.user.org_id,
        &owner.user.id,
        "Lesson",
        "uploads/x/source",
    )
    .await
    .unwrap();
    reelhouse::db::videos::set_ready(pool, &id, 100_000, 320, 180)
        .await
        .unwrap();
    id
}

async fn report(
    app: &TestApp,
    person: &Person,
    video: &str,
    intervals: Value,
    position: f64,
) -> (u16, Value) {
    let response = app
        .client
        .post(app.at(&format!("/api/v1/videos/{video}/progress")))
        .bearer_auth(&person.token)
        .json(&json!({ "intervals": intervals, "position_s": position }))
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

#[tokio::test]
async fn seeking_to_the_end_does_not_complete_a_video() {
    let app = TestApp::spawn().await;
    let hire = app.person("acme", "hire@acme.test", Role::Member).await;
    let video = ready_video(&app, &hire).await;
    let (status, body) = report(&app, &hire, &video, json!([[95.0, 100.0]]), 100.0).await;
    assert_eq!(status, 200);
    assert_eq!(body["completed"], false);
    assert_eq!(body["watched_s"], 5.0);
    assert!((body["fraction"].as_f64().unwrap() - 0.05).abs() < 1e-9);
    // Claiming the whole video at once is refused.
    let (status, _) = report(&app, &hire, &video, json!([[0.0, 100.0]]), 100.0).await;
    assert_eq!(status, 422);
}

#[tokio::test]
async fn pieces_out_of_order_add_up_once_each() {
    let app = TestApp::spawn().await;
    let hire = app.person("acme", "hire@acme.test", Role::Member).await;
    let video = ready_video(&app, &hire).await;
    // 5-second pieces covering 0-90 s, reported in a scrambled order, some twice.
    let mut starts: Vec<u32> = (0..18).map(|i| (i * 7) % 18 * 5).collect();
    starts.extend([10, 40, 85]);
    let mut last = Value::Null;
    for (n, start) in starts.iter().enumerate() {
        let (status, body) = report(
            &app,
            &hire,
            &video,
            json!([[start, start + 5]]),
            f64::from(start + 5),
        )
        .await;
        assert_eq!(status, 200, "report {n}: {body}");
        if n < 17 {
            assert_eq!(body["completed"], false, "completed after {} pieces", n + 1);
        }
        last = body;
    }
    assert_eq!(last["watched_s"], 90.0, "{last}");
    assert_eq!(last["completed"], true);
    assert!((last["fraction"].as_f64().unwrap() - 0.9).abs() < 1e-9);

    // Resume where playback was last reported.
    let mine: Value = app
        .client
        .get(app.at(&format!("/api/v1/videos/{video}/progress")))
        .bearer_auth(&hire.token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(mine["position_s"], 90.0);
    assert_eq!(mine["completed"], true);

    // Another person's progress is their own; another organisation cannot report at all.
    let colleague = app.person("acme", "c@acme.test", Role::Member).await;
    let (_, theirs) = report(&app, &colleague, &video, json!([]), 12.0).await;
    assert_eq!(theirs["watched_s"], 0.0);
    let stranger = app.person("globex", "s@globex.test", Role::Member).await;
    assert_eq!(
        report(&app, &stranger, &video, json!([[0, 5]]), 5.0)
            .await
            .0,
        404
    );
    // Nonsense is refused.
    assert_eq!(
        report(&app, &hire, &video, json!([[10, 5]]), 5.0).await.0,
        422
    );
    assert_eq!(
        report(&app, &hire, &video, json!([[-1, 5]]), 5.0).await.0,
        422
    );
}

#[tokio::test]
async fn concurrent_reports_are_all_kept() {
    let app = TestApp::spawn().await;
    let hire = app.person("acme", "hire@acme.test", Role::Member).await;
    let video = ready_video(&app, &hire).await;
    let reports = (0..10).map(|i| {
        let (app, hire, video) = (&app, &hire, &video);
        async move { report(app, hire, video, json!([[i * 2, i * 2 + 2]]), f64::from(i)).await }
    });
    for (status, body) in futures_util::future::join_all(reports).await {
        assert_eq!(status, 200, "{body}");
    }
    let (_, body) = report(&app, &hire, &video, json!([]), 0.0).await;
    assert_eq!(
        body["watched_s"], 20.0,
        "a concurrent report was lost: {body}"
    );
}

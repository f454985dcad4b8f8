//! Library search: words of any field and tags find items, a title match ranks above a
//! description match, results page with a cursor, and another organisation's items never appear.

mod common;

use common::{Person, TestApp};
use reelhouse::db::users::Role;
use serde_json::{Value, json};

async fn resource(
    app: &TestApp,
    trainer: &Person,
    title: &str,
    description: &str,
    tags: &[&str],
) -> String {
    let response = app
        .client
        .post(app.at("/api/v1/resources"))
        .bearer_auth(&trainer.token)
        .json(&json!({ "title": title, "url": "https://example.com/post", "tagline": "", "description": description, "tags": tags }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    response.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn search(app: &TestApp, person: &Person, query: &str) -> Value {
    let response = app
        .client
        .get(app.at(&format!("/api/v1/library?{query}")))
        .bearer_auth(&person.token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

fn ids(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn search_ranks_and_never_crosses_organisations() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    let member = app.person("acme", "m@acme.test", Role::Member).await;
    let stranger = app.person("globex", "g@globex.test", Role::Trainer).await;

    let in_description = resource(
        &app,
        &trainer,
        "Shop floor basics",
        "How to weld aluminium safely",
        &["safety"],
    )
    .await;
    let in_title = resource(
        &app,
        &trainer,
        "Aluminium welding masterclass",
        "A podcast episode",
        &["podcast"],
    )
    .await;
    let unrelated = resource(
        &app,
        &trainer,
        "Expense reports",
        "Filing travel costs",
        &["admin"],
    )
    .await;
    let foreign = resource(
        &app,
        &stranger,
        "Aluminium secrets of Globex",
        "aluminium aluminium",
        &["safety"],
    )
    .await;

    // A word of the description finds it; the title match ranks first.
    let page = search(&app, &member, "q=aluminium").await;
    assert_eq!(
        ids(&page),
        [in_title.clone(), in_description.clone()],
        "{page}"
    );
    assert_eq!(page["items"][0]["kind"], "resource");
    // By tag, and by prefix of a word.
    assert_eq!(
        ids(&search(&app, &member, "tag=safety").await),
        [in_description]
    );
    assert_eq!(ids(&search(&app, &member, "q=travel").await), [unrelated]);
    assert_eq!(ids(&search(&app, &member, "q=alumin").await).len(), 2);
    // Another organisation's items never appear, and it does not see ours.
    assert!(!ids(&search(&app, &member, "q=globex").await).contains(&foreign));
    assert_eq!(
        ids(&search(&app, &stranger, "q=aluminium").await),
        [foreign]
    );
    // Query syntax is not passed through.
    assert_eq!(
        search(&app, &member, "q=%22aluminium%22%20*%20(%20-%20:").await["items"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // Kind filter; an uploaded video is in the library too.
    let video = app
        .upload_video(&trainer, &{
            let path = app.env.dir.path().join("aluminium-demo.mp4");
            std::fs::write(&path, b"not really a video, but an upload").unwrap();
            path
        })
        .await;
    assert_eq!(
        ids(&search(&app, &member, "q=aluminium&kind=video").await),
        [video]
    );
}

#[tokio::test]
async fn pages_follow_the_cursor() {
    let app = TestApp::spawn().await;
    let trainer = app.person("acme", "t@acme.test", Role::Trainer).await;
    for n in 0..25 {
        resource(
            &app,
            &trainer,
            &format!("Lesson {n}"),
            "onboarding material",
            &[],
        )
        .await;
    }
    let first = search(&app, &trainer, "q=onboarding").await;
    assert_eq!(first["items"].as_array().unwrap().len(), 20);
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = search(&app, &trainer, &format!("q=onboarding&cursor={cursor}")).await;
    assert_eq!(second["items"].as_array().unwrap().len(), 5);
    assert!(second["next_cursor"].is_null());
    let mut all = ids(&first);
    all.extend(ids(&second));
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 25);
    let response = app
        .client
        .get(app.at("/api/v1/library?cursor=bogus"))
        .bearer_auth(&trainer.token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
}

//! The HTTP spine: health, readiness, metrics, the OpenAPI document, request ids and the JSON
//! error shape.

mod common;

use common::TestApp;
use serde_json::Value;

#[tokio::test]
async fn health_and_readiness() {
    let app = TestApp::spawn().await;
    let response = app.client.get(app.at("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let response = app.client.get(app.at("/readyz")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["database"], "ok");
    assert_eq!(body["store"], "ok");
}

#[tokio::test]
async fn readiness_fails_when_the_database_is_gone() {
    let app = TestApp::spawn().await;
    app.state.db.close().await;
    let response = app.client.get(app.at("/readyz")).send().await.unwrap();
    assert_eq!(response.status(), 503);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["ready"], false);
    assert_ne!(body["database"], "ok");
    // Liveness does not depend on the database.
    assert_eq!(
        app.client
            .get(app.at("/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}

#[tokio::test]
async fn errors_are_json_with_a_code_and_a_message() {
    let app = TestApp::spawn().await;
    let response = app
        .client
        .get(app.at("/api/v1/no-such-thing"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "not_found");
    assert!(body["error"]["message"].is_string());

    let response = app
        .client
        .delete(app.at("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "method_not_allowed");
}

#[tokio::test]
async fn openapi_document_and_metrics() {
    let app = TestApp::spawn().await;
    let response = app
        .client
        .get(app.at("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let doc: Value = response.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    assert_eq!(doc["info"]["title"], "Reelhouse API");
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());

    let metrics = app
        .client
        .get(app.at("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains(
            r#"http_requests_total{method="GET",route="/api/v1/openapi.json",status="200"}"#
        ),
        "{metrics}"
    );
    assert!(
        metrics.contains("http_request_duration_seconds_bucket"),
        "{metrics}"
    );
}

#[tokio::test]
async fn json_is_compressed_for_clients_that_ask() {
    let app = TestApp::spawn().await;
    let response = app
        .client
        .get(app.at("/api/v1/openapi.json"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-encoding"], "gzip");
    let plain = app
        .client
        .get(app.at("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
}

#[tokio::test]
async fn request_ids_are_set_and_propagated() {
    let app = TestApp::spawn().await;
    let response = app.client.get(app.at("/healthz")).send().await.unwrap();
    let generated = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(generated.len(), 36, "{generated}");
    let response = app
        .client
        .get(app.at("/healthz"))
        .header("x-request-id", "trace-me-123")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["x-request-id"], "trace-me-123");
}

#[tokio::test]
async fn the_web_app_is_served_with_a_fallback_to_index() {
    let app = TestApp::spawn().await;
    let web = app.env.dir.path().join("web");
    std::fs::create_dir_all(&web).unwrap();
    std::fs::write(
        web.join("index.html"),
        "<!doctype html><title>Reelhouse</title>",
    )
    .unwrap();
    let response = app
        .client
        .get(app.at("/playlists/abc"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("<title>Reelhouse</title>")
    );
}

#[tokio::test]
async fn metrics_answer_only_with_the_token_when_one_is_set() {
    let mut env = common::TestEnv::new().await;
    env.vars
        .insert("REELHOUSE_METRICS_TOKEN".into(), "scrape-secret".into());
    let app = TestApp::spawn_with(env).await;
    let scrape = |token: Option<&'static str>| {
        let mut request = app.client.get(app.at("/metrics"));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send()
    };
    assert_eq!(scrape(None).await.unwrap().status(), 401);
    assert_eq!(scrape(Some("scrape-secreT")).await.unwrap().status(), 401);
    let response = scrape(Some("scrape-secret")).await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("http_requests_total")
    );
}

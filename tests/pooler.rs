//! The application behind a transaction-mode pooler, as in production (Supabase's pooler,
//! PgBouncer). `.ci/run` starts two PgBouncers in transaction mode:
//! - `TEST_PGBOUNCER_URL`: 1.21+ with `max_prepared_statements` (prepared statements tracked);
//! - `TEST_PGBOUNCER_OLD_URL`: Debian bookworm's 1.18 (they are not).
//!
//! Without those variables the tests say so and pass: they need the poolers `.ci/run` starts.

#[path = "../examples/server/app.rs"]
mod app;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use db_config::{ConnectError, ConnectSettings, DbUrl, Purpose};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

async fn call(
    router: &axum::Router,
    method: &str,
    uri: &str,
    body: Option<String>,
) -> (StatusCode, Value) {
    let mut req = Request::builder().method(method).uri(uri);
    if body.is_some() {
        req = req.header("content-type", "application/json");
    }
    let req = req.body(Body::from(body.unwrap_or_default())).unwrap();
    let res = router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_server_through_a_pooler_with_prepared_statements_serves_load_without_crosstalk() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    let Some(url) = testkit::through_pooler("TEST_PGBOUNCER_URL", &t) else {
        return t.finish().await;
    };
    let url = DbUrl::parse(&url).unwrap();
    migration::migrate_on_boot(&t.db, &Default::default())
        .await
        .unwrap();
    let settings = ConnectSettings {
        max_connections: 16,
        ..Default::default()
    };
    let db = db_config::connect_with(&url, &settings)
        .await
        .expect("a pooler that tracks prepared statements is accepted");
    let router = app::router(db.clone());

    // 16 clients, each creating a counsellor and visitors and reading them back: every row
    // must come back as its own client wrote it.
    let mut tasks = Vec::new();
    for client in 0..16 {
        let router = router.clone();
        tasks.push(tokio::spawn(async move {
            let mut requests = 0;
            for round in 0..15 {
                let email = format!("c{client}r{round}@example.org");
                let body =
                    format!(r#"{{"email":"{email}","full_name":"C {client}","role":"counselor"}}"#);
                let (status, user) = call(&router, "POST", "/users", Some(body)).await;
                assert_eq!(status, StatusCode::CREATED, "{user}");
                assert_eq!(user["email"], email.as_str());
                let id = user["id"].as_str().unwrap().to_owned();
                for v in 0..2 {
                    let body = format!(r#"{{"name":"V {client}-{round}-{v}"}}"#);
                    let (status, visitor) = call(
                        &router,
                        "POST",
                        &format!("/users/{id}/visitors"),
                        Some(body),
                    )
                    .await;
                    assert_eq!(status, StatusCode::CREATED, "{visitor}");
                    assert_eq!(visitor["counselor_id"], id.as_str(), "{visitor}");
                }
                let (status, list) =
                    call(&router, "GET", &format!("/users/{id}/visitors"), None).await;
                assert_eq!(status, StatusCode::OK, "{list}");
                let mut names: Vec<&str> = list
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v["name"].as_str().unwrap())
                    .collect();
                names.sort();
                assert_eq!(
                    names,
                    [
                        format!("V {client}-{round}-0"),
                        format!("V {client}-{round}-1")
                    ]
                );
                requests += 4;
            }
            requests
        }));
    }
    let mut total = 0;
    for task in tasks {
        total += task.await.expect("a client saw an error or a wrong row");
    }
    assert_eq!(total, 16 * 15 * 4);
    let (status, health) = call(&router, "GET", "/health", None).await;
    assert_eq!(status, StatusCode::OK, "{health}");
    db.close().await.ok();
    t.finish().await;
}

#[tokio::test]
async fn a_pooler_that_mixes_up_prepared_statements_is_refused_naming_the_fixes() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    let Some(url) = testkit::through_pooler("TEST_PGBOUNCER_OLD_URL", &t) else {
        return t.finish().await;
    };
    let url = DbUrl::parse(&url).unwrap();
    let app = db_config::connect_with(&url, &ConnectSettings::default()).await;
    match app {
        Err(e @ ConnectError::PoolerWithoutPreparedStatements { .. }) => {
            let text = e.to_string();
            assert!(text.contains("session mode"), "{text}");
            assert!(text.contains("max_prepared_statements"), "{text}");
        }
        other => panic!(
            "expected a refusal, got {:?}",
            other.map(|_| "a connection")
        ),
    }
    let migrations = ConnectSettings {
        purpose: Purpose::Migrations,
        ..Default::default()
    };
    let Err(err) = db_config::connect_with(&url, &migrations).await else {
        panic!("a migration connection through this pooler was accepted");
    };
    assert!(err.to_string().contains("DATABASE_URL_DIRECT"), "{err}");
    t.finish().await;
}

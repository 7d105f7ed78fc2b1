//! The example server's router, driven in-process over real databases.

#[path = "../examples/server/app.rs"]
mod app;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

async fn call(
    router: &axum::Router,
    method: &str,
    uri: &str,
    body: Option<&str>,
) -> (StatusCode, Value) {
    let mut req = Request::builder().method(method).uri(uri);
    if body.is_some() {
        req = req.header("content-type", "application/json");
    }
    let req = req
        .body(Body::from(body.unwrap_or_default().to_owned()))
        .unwrap();
    let res = router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

#[tokio::test]
async fn health_and_user_routes_work_on_a_migrated_database() {
    for t in testkit::databases().await {
        let n = t.name;
        migration::migrate_on_boot(&t.db, &Default::default())
            .await
            .unwrap();
        let router = app::router(t.db.clone());

        let (status, health) = call(&router, "GET", "/health", None).await;
        assert_eq!(status, StatusCode::OK, "[{n}]");
        assert_eq!(
            health["revision"],
            json!(migration::migrations().unwrap().head()),
            "[{n}]"
        );
        assert_eq!(health["pending"], 0, "[{n}]");
        assert_eq!(health["status"], "ok", "[{n}]");
        assert_eq!(health["database"], n, "[{n}]");

        let new_user =
            r#"{"email":"Ada@Example.org","full_name":"Ada Lovelace","role":"supervisor"}"#;
        let (status, user) = call(&router, "POST", "/users", Some(new_user)).await;
        assert_eq!(status, StatusCode::CREATED, "[{n}] {user}");
        assert_eq!(user["email"], "ada@example.org", "[{n}]");
        assert!(
            user.get("hashed_password").is_none(),
            "[{n}] the hash is never serialized"
        );
        let id = user["id"].as_str().unwrap().to_owned();

        let (status, fetched) = call(&router, "GET", &format!("/users/{id}"), None).await;
        assert_eq!(status, StatusCode::OK, "[{n}]");
        assert_eq!(fetched["full_name"], "Ada Lovelace", "[{n}]");
        assert_eq!(fetched["role"], "supervisor", "[{n}]");

        let (status, _) = call(&router, "POST", "/users", Some(new_user)).await;
        assert_eq!(status, StatusCode::CONFLICT, "[{n}] duplicate email");
        let (status, _) = call(
            &router,
            "GET",
            &format!("/users/{}", uuid::Uuid::new_v4()),
            None,
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "[{n}]");
        let (status, _) = call(&router, "GET", "/users/not-a-uuid", None).await;
        assert!(status.is_client_error(), "[{n}] {status}");
        let (status, _) = call(&router, "POST", "/users", Some("{not json")).await;
        assert!(status.is_client_error(), "[{n}] {status}");
        let (status, _) = call(
            &router,
            "POST",
            "/users",
            Some(r#"{"email":"x@y.z","full_name":"X","role":"janitor"}"#),
        )
        .await;
        assert!(
            status.is_client_error(),
            "[{n}] unknown role gives {status}"
        );
        let (status, _) = call(
            &router,
            "POST",
            "/users",
            Some(r#"{"email":"nope","full_name":"X","role":"admin"}"#),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "[{n}]");
        let with_password =
            r#"{"email":"p@y.z","full_name":"P","role":"admin","password":"hunter2"}"#;
        let (status, body) = call(&router, "POST", "/users", Some(with_password)).await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "[{n}] passwords are not accepted here"
        );
        assert!(!body.to_string().contains("hunter2"), "[{n}] {body}");
        let (status, body) = call(&router, "POST", "/users", None).await;
        assert!(
            status.is_client_error(),
            "[{n}] missing body gives {status}"
        );
        assert!(body["error"].is_string(), "[{n}] errors are JSON: {body}");

        for name in ["Ben", "Cleo"] {
            let body = json!({ "name": name, "email": format!("{name}@visitor.org") }).to_string();
            let (status, v) = call(
                &router,
                "POST",
                &format!("/users/{id}/visitors"),
                Some(&body),
            )
            .await;
            assert_eq!(status, StatusCode::CREATED, "[{n}] {v}");
            assert_eq!(v["counselor_id"], id.as_str(), "[{n}]");
        }
        let (status, list) = call(&router, "GET", &format!("/users/{id}/visitors"), None).await;
        assert_eq!(status, StatusCode::OK, "[{n}]");
        let names: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["name"].as_str().unwrap())
            .collect();
        assert_eq!(names.len(), 2, "[{n}] {list}");
        assert!(
            names.contains(&"Ben") && names.contains(&"Cleo"),
            "[{n}] {names:?}"
        );
        let (status, _) = call(
            &router,
            "POST",
            &format!("/users/{}/visitors", uuid::Uuid::new_v4()),
            Some(r#"{"name":"Orphan"}"#),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "[{n}]");
        let (status, _) = call(
            &router,
            "GET",
            &format!("/users/{}/visitors", uuid::Uuid::new_v4()),
            None,
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "[{n}]");
        let (status, _) = call(
            &router,
            "POST",
            &format!("/users/{id}/visitors"),
            Some(r#"{"name":"  "}"#),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "[{n}] blank name");
        t.finish().await;
    }
}

#[tokio::test]
async fn health_is_503_until_the_schema_is_migrated() {
    for t in testkit::databases().await {
        let router = app::router(t.db.clone());
        let (status, health) = call(&router, "GET", "/health", None).await;
        assert_eq!(
            status,
            StatusCode::SERVICE_UNAVAILABLE,
            "[{}] {health}",
            t.name
        );
        assert!(
            health["reason"]
                .as_str()
                .unwrap_or_default()
                .contains("not migrated"),
            "[{}] {health}",
            t.name
        );
        // Part-way (first migration only recorded): ok, with what is pending.
        migration::version_table::install(&t.db).await.unwrap();
        let (status, health) = call(&router, "GET", "/health", None).await;
        assert_eq!(status, StatusCode::OK, "[{}] {health}", t.name);
        assert_eq!(health["revision"], Value::Null, "[{}]", t.name);
        assert_eq!(
            health["pending"],
            migration::migrations().unwrap().len(),
            "[{}]",
            t.name
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn health_is_503_when_the_database_cannot_answer() {
    for t in testkit::databases().await {
        let db = t.connect_again().await;
        let router = app::router(db.clone());
        db.close().await.unwrap();
        let (status, health) = call(&router, "GET", "/health", None).await;
        assert_eq!(
            status,
            StatusCode::SERVICE_UNAVAILABLE,
            "[{}] {health}",
            t.name
        );
        assert_eq!(health["status"], "unavailable", "[{}]", t.name);
        t.finish().await;
    }
}

/// A vector of the column's dimension: 1 at `hot` (and a little at `warm`), 0 elsewhere.
fn unit(hot: usize, warm: Option<usize>) -> Vec<f32> {
    let mut v = vec![0.0; entity::embedding::dimensions()];
    v[hot] = 1.0;
    if let Some(w) = warm {
        v[w] = 0.25;
    }
    v
}

fn as_query(v: &[f32]) -> String {
    v.iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

#[tokio::test]
async fn documents_are_stored_and_searched_by_vector() {
    for t in testkit::databases().await {
        let n = t.name;
        migration::migrate_on_boot(&t.db, &Default::default())
            .await
            .unwrap();
        let router = app::router(t.db.clone());
        let chunks: Vec<Value> = (0..4)
            .map(|i| json!({ "text": format!("part {i}"), "model": "m1", "vector": unit(i, None) }))
            .collect();
        let document = json!({ "title": "Careers in design", "content": "…", "chunks": chunks });
        let (status, created) =
            call(&router, "POST", "/documents", Some(&document.to_string())).await;
        assert_eq!(status, StatusCode::CREATED, "[{n}] {created}");
        assert_eq!(created["chunks"], 4, "[{n}]");

        // Nearest to part 2, a little towards part 3: part 2, then part 3.
        let uri = format!("/search?k=2&vector={}", as_query(&unit(2, Some(3))));
        let (status, found) = call(&router, "GET", &uri, None).await;
        assert_eq!(status, StatusCode::OK, "[{n}] {found}");
        let results = found["results"].as_array().unwrap();
        let texts: Vec<&str> = results
            .iter()
            .map(|r| r["text"].as_str().unwrap())
            .collect();
        assert_eq!(texts, ["part 2", "part 3"], "[{n}] {found}");
        let d0 = results[0]["distance"].as_f64().unwrap();
        assert!(
            (d0 - (1.0 - 1.0 / 1.0625_f64.sqrt())).abs() < 1e-4,
            "[{n}] {d0}"
        );
        assert_eq!(results[0]["document_id"], created["id"], "[{n}]");

        let other_model = format!("/search?k=2&model=m2&vector={}", as_query(&unit(2, None)));
        let (status, none) = call(&router, "GET", &other_model, None).await;
        assert_eq!(
            (status, none["results"].as_array().map(Vec::len)),
            (StatusCode::OK, Some(0)),
            "[{n}]"
        );

        let short = call(&router, "GET", "/search?k=2&vector=1,0,0", None).await;
        assert_eq!(
            short.0,
            StatusCode::UNPROCESSABLE_ENTITY,
            "[{n}] {}",
            short.1
        );
        assert!(
            short.1["error"].as_str().unwrap().contains("3 dimensions"),
            "[{n}] {}",
            short.1
        );
        let garbled = call(&router, "GET", "/search?vector=1,x", None).await;
        assert_eq!(garbled.0, StatusCode::BAD_REQUEST, "[{n}] {}", garbled.1);
        // Searches the API refuses as unprocessable, with what the message must name: never a
        // 500, whatever the backend would have made of them.
        let with_value = |at: usize, value: &str| {
            let mut v: Vec<String> = unit(0, None).iter().map(f32::to_string).collect();
            v[at] = value.to_owned();
            v.join(",")
        };
        let unprocessable = [
            (
                format!("k=0&vector={}", as_query(&unit(0, None))),
                "k must be",
            ),
            (
                format!("k=1001&vector={}", as_query(&unit(0, None))),
                "k must be",
            ),
            (format!("vector={}", with_value(7, "NaN")), "value 7 is NaN"),
            (format!("vector={}", with_value(0, "inf")), "value 0 is inf"),
            (
                format!("vector={}", with_value(3, "-1e39")),
                "value 3 is -inf",
            ),
            (format!("vector={}", with_value(0, "0")), "all zeros"),
        ];
        for (query, says) in unprocessable {
            let (status, body) = call(&router, "GET", &format!("/search?{query}"), None).await;
            assert_eq!(
                status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "[{n}] {says}: {body}"
            );
            assert!(
                body["error"].as_str().unwrap().contains(says),
                "[{n}] {body}"
            );
        }
        let mut overflowing = unit(1, None).iter().map(f32::to_string).collect::<Vec<_>>();
        overflowing[5] = "1e39".into();
        let documents_refused = [
            json!([1.0, 2.0]).to_string(),
            format!("[{}]", overflowing.join(",")),
        ];
        for vector in documents_refused {
            let refused = format!(
                r#"{{"title": "t", "content": "c", "chunks": [{{"text": "x", "model": "m1", "vector": {vector}}}]}}"#
            );
            let (status, body) = call(&router, "POST", "/documents", Some(&refused)).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "[{n}] {body}");
        }
        let everything = format!("/search?k=10&vector={}", as_query(&unit(0, None)));
        let (status, found) = call(&router, "GET", &everything, None).await;
        assert_eq!(
            (status, found["results"].as_array().map(Vec::len)),
            (StatusCode::OK, Some(4)),
            "[{n}] a refused document leaves nothing: {found}"
        );
        t.finish().await;
    }
}

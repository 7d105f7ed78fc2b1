//! The application behind a transaction-mode pooler, as in production (Supabase's pooler,
//! PgBouncer). `.ci/run` starts three PgBouncers in transaction mode:
//! - `TEST_PGBOUNCER_URL`: 1.24 with `max_prepared_statements` (prepared statements tracked);
//! - `TEST_PGBOUNCER_OLD_URL`: Debian's 1.18 (they are not);
//! - `TEST_PGBOUNCER_NOPREP_URL`: 1.24 with `max_prepared_statements = 0` (they are not).
//!
//! Without those variables the tests say so and pass: they need the poolers `.ci/run` starts.

#[path = "../examples/server/app.rs"]
mod app;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use db_config::{ConnectSettings, DbUrl, Purpose};
use http_body_util::BodyExt;
use sea_orm::DatabaseConnection;
use serde_json::Value;
use testkit::net::OtherClients;
use tower::ServiceExt;

/// Every pooler `.ci/run` starts, by the variable that names it.
const POOLERS: [&str; 3] = [
    "TEST_PGBOUNCER_URL",
    "TEST_PGBOUNCER_OLD_URL",
    "TEST_PGBOUNCER_NOPREP_URL",
];

/// How many times each pooler sees a boot: a failure that comes 1 boot in 10 shows with
/// 1 - 0.9^30 = 96 % certainty.
const BOOTS: usize = 30;

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

/// `clients` concurrent clients, each creating a counsellor and visitors and reading them back
/// `rounds` times: every row must come back as its own client wrote it. `tag` keeps the rows
/// of separate calls apart. Returns the number of requests served.
async fn serve_load(router: &axum::Router, tag: &str, clients: usize, rounds: usize) -> usize {
    let mut tasks = Vec::new();
    for client in 0..clients {
        let router = router.clone();
        let tag = tag.to_lowercase();
        tasks.push(tokio::spawn(async move {
            let mut requests = 0;
            for round in 0..rounds {
                let email = format!("{tag}c{client}r{round}@example.org");
                let body =
                    format!(r#"{{"email":"{email}","full_name":"C {client}","role":"counselor"}}"#);
                let (status, user) = call(&router, "POST", "/users", Some(body)).await;
                assert_eq!(status, StatusCode::CREATED, "{user}");
                assert_eq!(user["email"], email.as_str());
                let id = user["id"].as_str().unwrap().to_owned();
                for v in 0..2 {
                    let body = format!(r#"{{"name":"V {tag}{client}-{round}-{v}"}}"#);
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
                        format!("V {tag}{client}-{round}-0"),
                        format!("V {tag}{client}-{round}-1")
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
    total
}

/// Boots like an application: connect, migrate, serve.
async fn boot(url: &DbUrl) -> (DatabaseConnection, axum::Router) {
    let settings = ConnectSettings {
        max_connections: 8,
        ..Default::default()
    };
    let db = db_config::connect_with(url, &settings)
        .await
        .expect("connect through the pooler");
    migration::migrate_on_boot(&db, &Default::default())
        .await
        .expect("migrate through the pooler");
    let router = app::router(db.clone());
    (db, router)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_boot_behind_every_pooler_serves_every_request_while_others_use_it() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    for var in POOLERS {
        let Some(url) = testkit::through_pooler(var, &t) else {
            continue;
        };
        // Others keep the pooler's server sessions busy with their own named statements, so
        // that a session handed from one client to another carries them.
        let others = OtherClients::start(&url, 6);
        let url = DbUrl::parse(&url).unwrap();
        let mut served = 0;
        for n in 0..BOOTS {
            let (db, router) = boot(&url).await;
            served += serve_load(&router, &format!("{var}-{n}-"), 6, 2).await;
            db.close().await.ok();
        }
        assert_eq!(served, BOOTS * 6 * 2 * 4);
        let (ok, failed) = others.stop().await;
        testkit::notice(&format!(
            "{var}: {BOOTS} boots served {served} requests, all right; the other clients' own \
             named statements meanwhile: {ok} ran, {failed} failed"
        ));
    }
    t.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_long_run_behind_a_pooler_serves_load_without_crosstalk() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    for var in POOLERS {
        let Some(url) = testkit::through_pooler(var, &t) else {
            continue;
        };
        let others = OtherClients::start(&url, 4);
        let (db, router) = boot(&DbUrl::parse(&url).unwrap()).await;
        assert_eq!(serve_load(&router, var, 16, 15).await, 16 * 15 * 4);
        let (status, health) = call(&router, "GET", "/health", None).await;
        assert_eq!(status, StatusCode::OK, "{health}");
        db.close().await.ok();
        others.stop().await;
    }
    t.finish().await;
}

/// Whether the pool's connections send unnamed statements.
async fn unnamed(db: &DatabaseConnection) -> bool {
    let conn = db.get_postgres_connection_pool().acquire().await.unwrap();
    conn.uses_unnamed_statements()
}

#[tokio::test]
async fn statements_are_named_only_where_nothing_sits_between() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    let connect = |url: DbUrl| async move {
        db_config::connect_with(&url, &ConnectSettings::default())
            .await
            .unwrap()
    };
    let direct = connect(DbUrl::parse(&t.url).unwrap()).await;
    assert!(
        !unnamed(&direct).await,
        "a direct connection keeps named statements"
    );
    direct.close().await.ok();

    // Through a plain TCP relay: not the server's own address, so not taken as direct.
    let relay = testkit::net::CountingRelay::start(("127.0.0.1".into(), 5432)).await;
    let mut relayed = url::Url::parse(&t.url).unwrap();
    relayed.set_port(Some(relay.port)).unwrap();
    let through_relay = connect(DbUrl::parse(relayed.as_str()).unwrap()).await;
    assert!(unnamed(&through_relay).await);
    through_relay.close().await.ok();

    // Declared: `?pgbouncer=true` is a pooler, `DATABASE_URL_DIRECT` is not.
    let declared = connect(DbUrl::parse(&format!("{}?pgbouncer=true", t.url)).unwrap()).await;
    assert!(unnamed(&declared).await);
    declared.close().await.ok();
    let direct_var = relayed.to_string();
    let declared_direct = DbUrl::resolve(Purpose::Migrations, |name| {
        (name == "DATABASE_URL_DIRECT").then(|| direct_var.clone())
    })
    .unwrap();
    let declared_direct = connect(declared_direct).await;
    assert!(!unnamed(&declared_direct).await);
    declared_direct.close().await.ok();

    for var in POOLERS {
        if let Some(url) = testkit::through_pooler(var, &t) {
            let pooled = connect(DbUrl::parse(&url).unwrap()).await;
            assert!(unnamed(&pooled).await, "{var}");
            pooled.close().await.ok();
        }
    }
    t.finish().await;
}

/// The knowledge base behind every pooler: concurrent clients each store a document and find
/// their own chunk again, nearest at distance 0, unfiltered and filtered to their document
/// (the search's `SET LOCAL` settings and search path live in its own transaction, so nothing
/// leaks from one client's session to another's).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn documents_are_stored_and_searched_behind_every_pooler() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    const CLIENTS: usize = 6;
    const ROUNDS: usize = 5;
    for (p, var) in POOLERS.iter().enumerate() {
        let Some(url) = testkit::through_pooler(var, &t) else {
            continue;
        };
        let others = OtherClients::start(&url, 4);
        let (db, router) = boot(&DbUrl::parse(&url).unwrap()).await;
        let mut tasks = Vec::new();
        for client in 0..CLIENTS {
            let router = router.clone();
            tasks.push(tokio::spawn(async move {
                for round in 0..ROUNDS {
                    // A direction of its own: one axis, leaning to another.
                    let axis = (p * CLIENTS + client) * ROUNDS + round;
                    let dimensions = entity::embedding::dimensions();
                    let mut vector = vec![0.0_f32; dimensions];
                    vector[axis] = 1.0;
                    vector[(axis + 1) % dimensions] = 0.5;
                    let text = format!("{var} client {client} round {round}");
                    let body = serde_json::json!({
                        "title": text, "content": "c",
                        "chunks": [{ "text": text, "model": "m", "vector": vector }],
                    });
                    let (status, created) =
                        call(&router, "POST", "/documents", Some(body.to_string())).await;
                    assert_eq!(status, StatusCode::CREATED, "{created}");
                    let query: Vec<String> = vector.iter().map(f32::to_string).collect();
                    let query = query.join(",");
                    let document = created["id"].as_str().unwrap();
                    for filter in [String::new(), format!("&document_id={document}")] {
                        let uri = format!("/search?k=1{filter}&vector={query}");
                        let (status, found) = call(&router, "GET", &uri, None).await;
                        assert_eq!(status, StatusCode::OK, "{found}");
                        let nearest = &found["results"][0];
                        assert_eq!(nearest["text"], text.as_str(), "{found}");
                        assert!(
                            nearest["distance"].as_f64().unwrap().abs() < 1e-5,
                            "{found}"
                        );
                    }
                }
            }));
        }
        for task in tasks {
            task.await
                .expect("a client did not find its own chunk behind the pooler");
        }
        db.close().await.ok();
        others.stop().await;
    }
    t.finish().await;
}

/// The pgvector migration over stored vectors, run by a boot behind every pooler: its paged
/// conversion binds vectors and bytes in one transaction through the pooler's sessions (while
/// other clients use them) and keeps every value, bit for bit.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn stored_vectors_are_converted_by_a_boot_behind_every_pooler() {
    use migration::{Request as MigrationRequest, Runner, Target};
    let Some(like) = testkit::postgres().await else {
        return;
    };
    // Two pages of the conversion.
    let stored: Vec<(String, Vec<f32>)> = (0..300)
        .map(|row| {
            let values = (0..entity::embedding::dimensions())
                .map(|i| ((i * (row + 1)) as f32 * 0.001).cos())
                .collect();
            (format!("m{row}"), values)
        })
        .collect();
    for var in POOLERS {
        let t = testkit::fresh_like(&like).await;
        let Some(url) = testkit::through_pooler(var, &t) else {
            t.finish().await;
            continue;
        };
        let migrations = migration::migrations().unwrap();
        Runner::new(&migrations, &t.db, Default::default())
            .run(
                &MigrationRequest::Upgrade {
                    target: Target::Relative(1),
                    allow_out_of_order: false,
                },
                None,
            )
            .await
            .unwrap();
        t.store_byte_vectors(&stored).await;
        let others = OtherClients::start(&url, 4);
        let (db, _router) = boot(&DbUrl::parse(&url).unwrap()).await;
        testkit::assert_vectors_kept(&db, &stored, var).await;
        db.close().await.ok();
        others.stop().await;
        t.finish().await;
    }
    like.finish().await;
}

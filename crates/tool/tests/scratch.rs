//! Scratch databases left by a killed `generate` (issue 13): their names say whose they were,
//! `check` mentions them, and the next run drops them, never one whose owner still runs.

use sea_orm::{ConnectionTrait, Database};
use std::process::{Command, Stdio};

fn check(url: &str) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_manage-db"))
        .arg("check")
        .env("DATABASE_URL", url)
        .env_remove("DATABASE_URL_DIRECT")
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::null())
        .output()
        .expect("run manage-db");
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

async fn server_databases(t: &testkit::TestDb, dropped: &str, kept: &str) {
    let create = |name: &str| match t.name {
        "postgres" => format!("CREATE DATABASE \"{name}\""),
        _ => format!("CREATE DATABASE `{name}`"),
    };
    // One abandoned (its owner, process 4000000000, is gone), one whose owner runs: this
    // connection claims it, as `generate` does.
    t.db.execute_unprepared(&create(dropped)).await.unwrap();
    t.db.execute_unprepared(&create(kept)).await.unwrap();
    let owner = Database::connect(&t.url).await.unwrap();
    assert!(schema_model::scratch::claim(&owner, kept).await.unwrap());

    // A `generate` in another test may drop the abandoned one first: then it is made again.
    let mut report = String::new();
    for _ in 0..5 {
        report = check(&t.url);
        if report.contains(dropped) {
            break;
        }
        t.db.execute_unprepared(&create(dropped)).await.ok();
    }
    assert!(report.contains(dropped), "{report}");
    assert!(report.contains("process 4000000000"), "{report}");
    assert!(!report.contains(kept), "{report}");

    schema_model::scratch::drop_abandoned(&t.db).await.unwrap();
    let left = schema_model::scratch::abandoned(&t.db).await.unwrap();
    assert!(!left.iter().any(|n| n == dropped), "{left:?}");
    assert!(exists(t, kept).await, "a database in use was dropped");

    // The owner ends: its database is abandoned now, and goes too.
    owner.close().await.ok();
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    schema_model::scratch::drop_abandoned(&t.db).await.unwrap();
    assert!(!exists(t, kept).await, "its owner is gone");
}

async fn exists(t: &testkit::TestDb, name: &str) -> bool {
    let sql = match t.name {
        "postgres" => format!("SELECT 1 AS x FROM pg_database WHERE datname = '{name}'"),
        _ => format!("SELECT 1 AS x FROM information_schema.schemata WHERE schema_name = '{name}'"),
    };
    t.db.query_one_raw(sea_orm::Statement::from_string(
        t.db.get_database_backend(),
        sql,
    ))
    .await
    .unwrap()
    .is_some()
}

#[tokio::test]
async fn abandoned_scratch_databases_are_reported_and_dropped_but_not_ones_in_use() {
    let unique = std::process::id();
    let dropped = format!("counsel_shadow_gone_4000000000_{unique}");
    let kept = format!("counsel_shadow_alive_1_{unique}");
    for t in [testkit::postgres().await, testkit::mysql().await]
        .into_iter()
        .flatten()
    {
        server_databases(&t, &dropped, &kept).await;
        t.finish().await;
    }
}

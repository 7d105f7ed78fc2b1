//! `manage-db` through a transaction-mode pooler (see the root `tests/pooler.rs`): with
//! prepared statements tracked, migrations run correctly (the lock and the DDL share one
//! transaction, so one server session); without, they refuse and name DATABASE_URL_DIRECT.

use std::process::{Command, Output, Stdio};

fn manage_db(url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_manage-db"))
        .args(args)
        .env("DATABASE_URL", url)
        .env_remove("DATABASE_URL_DIRECT")
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::null())
        .output()
        .expect("run manage-db")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[tokio::test]
async fn migrations_through_a_pooler_with_prepared_statements_run_once_and_completely() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    let Some(url) = testkit::through_pooler("TEST_PGBOUNCER_URL", &t) else {
        return t.finish().await;
    };
    // Three operators at once, all through the pooler.
    let runs: Vec<_> = (0..3)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || manage_db(&url, &["upgrade"]))
        })
        .collect();
    let outputs: Vec<Output> = runs.into_iter().map(|h| h.join().unwrap()).collect();
    for o in &outputs {
        assert!(o.status.success(), "{}", text(o));
    }
    let applied = outputs
        .iter()
        .filter(|o| text(o).contains("Applied"))
        .count();
    assert_eq!(applied, 1, "exactly one run applies");
    let check = manage_db(&url, &["check"]);
    assert!(check.status.success(), "{}", text(&check));
    assert!(text(&check).contains("Result: OK"), "{}", text(&check));
    t.finish().await;
}

#[tokio::test]
async fn migrations_through_a_pooler_without_prepared_statements_refuse() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    let Some(url) = testkit::through_pooler("TEST_PGBOUNCER_OLD_URL", &t) else {
        return t.finish().await;
    };
    let o = manage_db(&url, &["upgrade"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("DATABASE_URL_DIRECT"), "{}", text(&o));
    assert!(
        migration::version_table::existing_tables(&t.db, &["users".into()])
            .await
            .unwrap()
            .is_empty(),
        "nothing ran"
    );
    t.finish().await;
}

//! `manage-db` through a transaction-mode pooler (see the root `tests/pooler.rs`), with other
//! clients using it: migrations run correctly whether or not the pooler tracks prepared
//! statements. The lock and the DDL share one transaction, so one server session, and the
//! tool sends unnamed statements wherever it is not connected directly.

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

/// Every pooler `.ci/run` starts: tracking prepared statements (1.24), and not (1.18, and
/// 1.24 with `max_prepared_statements = 0`).
const POOLERS: [&str; 3] = [
    "TEST_PGBOUNCER_URL",
    "TEST_PGBOUNCER_OLD_URL",
    "TEST_PGBOUNCER_NOPREP_URL",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrations_through_every_pooler_under_load_run_once_and_completely() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    for var in POOLERS {
        let Some(url) = testkit::through_pooler(var, &t) else {
            continue;
        };
        let others = testkit::net::OtherClients::start(&url, 4);
        for round in 0..3 {
            // Three operators at once, all through the pooler.
            let runs: Vec<_> = (0..3)
                .map(|_| {
                    let url = url.clone();
                    std::thread::spawn(move || manage_db(&url, &["upgrade"]))
                })
                .collect();
            let outputs: Vec<Output> = runs.into_iter().map(|h| h.join().unwrap()).collect();
            for o in &outputs {
                assert!(o.status.success(), "{var}: {}", text(o));
            }
            let applied = outputs
                .iter()
                .filter(|o| text(o).contains("Applied"))
                .count();
            assert_eq!(applied, 1, "{var}: exactly one run applies");
            for command in [&["check"][..], &["current"], &["history"]] {
                let o = manage_db(&url, command);
                assert!(o.status.success(), "{var} {command:?}: {}", text(&o));
            }
            assert!(text(&manage_db(&url, &["check"])).contains("Result: OK"));
            let down = manage_db(&url, &["downgrade", "--yes", "base"]);
            assert!(
                down.status.success(),
                "{var} round {round}: {}",
                text(&down)
            );
            assert!(
                migration::version_table::existing_tables(&t.db, &["users".into()])
                    .await
                    .unwrap()
                    .is_empty(),
                "{var}: downgrade dropped the tables"
            );
        }
        others.stop().await;
    }
    t.finish().await;
}

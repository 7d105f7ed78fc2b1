//! How many connections each `manage-db` command opens, counted by a TCP relay between the
//! tool and the server: one per command. The exception is MySQL's `upgrade` (with work to
//! do), `downgrade`, `stamp` and `reset`, which take the migration lock: `GET_LOCK` belongs to the session that
//! holds it while the migrations run on a second one (MySQL's DDL commits any transaction it
//! meets, so it cannot run in the lock's).

use std::process::{Command, Output, Stdio};
use testkit::net::CountingRelay;

async fn manage_db(url: &str, args: &[&str]) -> Output {
    let url = url.to_owned();
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    // The relay runs on this runtime: wait for the process off it.
    tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_manage-db"))
            .args(&args)
            .env("DATABASE_URL", &url)
            .env_remove("DATABASE_URL_DIRECT")
            .current_dir(std::env::temp_dir())
            .stdin(Stdio::null())
            .output()
            .expect("run manage-db")
    })
    .await
    .expect("manage-db ran")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Runs each command through a relay to `t`'s server and checks the connections it opened.
async fn count_connections(t: &testkit::TestDb, locking_needs: usize) {
    let mut url = url::Url::parse(&t.url).unwrap();
    let target = (
        url.host_str().unwrap().to_owned(),
        url.port_or_known_default().unwrap(),
    );
    let relay = CountingRelay::start(target).await;
    url.set_port(Some(relay.port)).unwrap();
    let url = url.to_string();
    let head = String::from_utf8(manage_db(&url, &["heads"]).await.stdout).unwrap();
    let head = head.split_whitespace().next().unwrap().to_owned();
    assert_eq!(relay.take(), 0, "`heads` needs no database");
    let commands: Vec<(Vec<&str>, usize)> = vec![
        (vec!["upgrade"], locking_needs),
        (vec!["current"], 1),
        (vec!["check"], 1),
        (vec!["history", "-v"], 1),
        (vec!["show", &head], 1),
        // At head: one row read, no lock.
        (vec!["upgrade"], 1),
        (vec!["upgrade", "--sql"], 1),
        (vec!["diagram", "--live"], 1),
        (vec!["reset", "--yes"], locking_needs),
        (vec!["stamp", "head"], locking_needs),
        (vec!["downgrade", "--yes", "base"], locking_needs),
    ];
    for (args, expected) in commands {
        let o = manage_db(&url, &args).await;
        assert!(o.status.success(), "{args:?}: {}", text(&o));
        assert_eq!(relay.take(), expected, "{} {args:?}", t.name);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_command_opens_one_connection_on_postgres() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    count_connections(&t, 1).await;
    t.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_command_opens_one_connection_on_mysql_and_two_where_it_locks() {
    let Some(t) = testkit::mysql().await else {
        return;
    };
    count_connections(&t, 2).await;
    t.finish().await;
}

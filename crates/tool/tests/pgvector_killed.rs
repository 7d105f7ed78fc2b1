//! The pgvector migration killed with SIGKILL at any point of its run over stored vectors
//! (PostgreSQL, the real `manage-db upgrade`): the database is either as before it (bytes, at
//! the first migration, no staging column) or as after it (vectors, at head), never between,
//! and the next `upgrade` converts every value bit for bit.
//!
//! The kills land at delays spread over the run's own measured length, so that they fall in
//! connecting, the extension, the paged conversion, the retype and the index build.

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ROWS: usize = 1500;
const KILLS: usize = 8;
const FIRST: &str = "m20261124_000001_create_schema";
const HEAD: &str = "m20261207_000001_pgvector_embeddings";

fn manage_db(url: &str, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_manage-db"));
    command
        .args(args)
        .env("DATABASE_URL", url)
        .env_remove("DATABASE_URL_DIRECT")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

fn succeeds(url: &str, args: &[&str]) {
    let out = manage_db(url, args).output().expect("run manage-db");
    assert!(
        out.status.success(),
        "manage-db {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn values(row: usize) -> Vec<f32> {
    let seed = 0.001 * (row as f32 + 1.0);
    (0..entity::embedding::dimensions())
        .map(|i| ((i as f32) * seed).sin())
        .collect()
}

async fn one_string(t: &testkit::TestDb, sql: &str) -> Option<String> {
    t.db.query_one_raw(Statement::from_string(DbBackend::Postgres, sql.to_owned()))
        .await
        .unwrap()
        .and_then(|r| r.try_get_by_index::<Option<String>>(0).unwrap())
}

/// Other sessions of this database that are doing something (the killed child's, until the
/// server notices it is gone and rolls its transaction back).
async fn busy_others(t: &testkit::TestDb) -> i64 {
    t.db.query_one_raw(Statement::from_string(
        DbBackend::Postgres,
        "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() \
         AND pid <> pg_backend_pid() AND state IS DISTINCT FROM 'idle'",
    ))
    .await
    .unwrap()
    .unwrap()
    .try_get_by_index(0)
    .unwrap()
}

/// Where the database is: the column's type, the newest migration recorded, and whether a
/// staging column of the conversion is left.
async fn state(t: &testkit::TestDb) -> (String, String, bool) {
    let column_type = one_string(
        t,
        "SELECT format_type(atttypid, atttypmod) FROM pg_attribute \
         WHERE attrelid = 'embeddings'::regclass AND attname = 'vector'",
    )
    .await
    .unwrap_or_default();
    let current = one_string(t, "SELECT max(version) FROM seaql_migrations")
        .await
        .unwrap_or_default();
    let staging = one_string(
        t,
        "SELECT string_agg(attname::text, ',') FROM pg_attribute \
         WHERE attrelid = 'embeddings'::regclass AND attname LIKE 'vector\\_\\_%' \
         AND NOT attisdropped",
    )
    .await
    .is_some();
    (column_type, current, staging)
}

#[tokio::test]
async fn the_pgvector_migration_killed_anywhere_leaves_before_or_after_and_loses_nothing() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    succeeds(&t.url, &["upgrade", "--to", "m20261124"]);
    let stored: Vec<(String, Vec<f32>)> = (0..ROWS)
        .map(|row| (format!("m{row}"), values(row)))
        .collect();
    t.store_byte_vectors(&stored).await;
    let before = ("bytea".to_owned(), FIRST.to_owned(), false);
    let after = ("vector(1536)".to_owned(), HEAD.to_owned(), false);

    let started = Instant::now();
    succeeds(&t.url, &["upgrade"]);
    let run = started.elapsed();
    assert_eq!(state(&t).await, after);
    succeeds(&t.url, &["downgrade", "--yes"]);
    assert_eq!(state(&t).await, before);

    let (mut inside, mut finished) = (0, 0);
    for kill in 1..=KILLS {
        let delay = run.mul_f64(kill as f64 / (KILLS + 1) as f64);
        let mut child = manage_db(&t.url, &["upgrade"]).spawn().unwrap();
        tokio::time::sleep(delay).await;
        if busy_others(&t).await > 0 {
            inside += 1;
        }
        child.kill().ok(); // SIGKILL
        child.wait().unwrap();
        for _ in 0..300 {
            if busy_others(&t).await == 0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let now = state(&t).await;
        assert!(
            now == before || now == after,
            "killed after {delay:?} of {run:?}: {now:?}, neither before nor after"
        );
        if now == after {
            finished += 1;
            succeeds(&t.url, &["downgrade", "--yes"]);
        }
        let whole = one_string(
            &t,
            "SELECT COUNT(*)::text FROM embeddings WHERE octet_length(vector) = 6144",
        )
        .await;
        assert_eq!(
            whole,
            Some(ROWS.to_string()),
            "after kill {kill}: every row's bytes"
        );
    }
    assert!(
        inside >= KILLS / 2,
        "only {inside} of {KILLS} kills landed inside the migration"
    );
    testkit::notice(&format!(
        "pgvector migration ({ROWS} vectors, {run:?}) killed {KILLS} times, {inside} inside it: \
         {finished} had finished, the rest left it undone"
    ));

    succeeds(&t.url, &["upgrade"]);
    testkit::assert_vectors_kept(&t.db, &stored, "after the kills").await;
    t.finish().await;
}

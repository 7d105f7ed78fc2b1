//! Fresh, isolated databases for tests.
//!
//! [`databases`] always yields a new SQLite file, plus a new PostgreSQL database when
//! `DATABASE_URL` names a PostgreSQL server, plus a new MySQL/MariaDB database when
//! `TEST_MYSQL_URL` is set. Each test gets its own database, so tests run in parallel.
//! Databases are created with the prefix [`PREFIX`] so leftovers of a crashed run are easy to drop.

pub mod fake;
pub mod net;
pub mod workspace;

use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement};
use std::path::PathBuf;

pub const PREFIX: &str = "counsel_t_";

pub struct TestDb {
    /// `sqlite`, `postgres` or `mysql`: for assertion messages.
    pub name: &'static str,
    pub url: String,
    pub db: DatabaseConnection,
    /// Taken by [`TestDb::finish`]; what is left is cleaned up on drop (a test that panics, or
    /// forgets), so that no run leaves a database or a folder behind.
    cleanup: Option<Cleanup>,
}

enum Cleanup {
    Dir(PathBuf),
    Server { admin_url: String, database: String },
}

/// Says something in the test output even when the harness captures the test's own output
/// (it captures `print!`, not direct writes): used to say what a run did not exercise.
pub fn notice(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "testkit: {message}");
}

/// Once per test binary: which backends the tests run on, and which they skip.
fn announce_backends() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let pg = std::env::var("DATABASE_URL").is_ok_and(|u| u.starts_with("postgres"));
        let my = std::env::var("TEST_MYSQL_URL").is_ok_and(|u| !u.is_empty());
        let mut skipped = Vec::new();
        if !pg {
            skipped.push("postgres (set DATABASE_URL=postgres://…)");
        }
        if !my {
            skipped.push("mysql (set TEST_MYSQL_URL=mysql://…)");
        }
        let ran = ["sqlite"]
            .into_iter()
            .chain(pg.then_some("postgres"))
            .chain(my.then_some("mysql"))
            .collect::<Vec<_>>()
            .join(", ");
        if skipped.is_empty() {
            notice(&format!("backends exercised: {ran}"));
        } else {
            notice(&format!(
                "backends exercised: {ran}; SKIPPED: {}",
                skipped.join(", ")
            ));
        }
    });
}

/// A new PostgreSQL database, if `DATABASE_URL` names a PostgreSQL server.
pub async fn postgres() -> Option<TestDb> {
    announce_backends();
    match std::env::var("DATABASE_URL") {
        Ok(url) if url.starts_with("postgres") => Some(server("postgres", &url).await),
        _ => None,
    }
}

/// A new database on a PostgreSQL server that lacks pgvector, if
/// `TEST_POSTGRES_WITHOUT_PGVECTOR_URL` names one (`.ci/postgres-without-pgvector.sh` starts
/// it; `.ci/run` sets it); `None`, with a notice, otherwise.
pub async fn postgres_without_pgvector() -> Option<TestDb> {
    const VAR: &str = "TEST_POSTGRES_WITHOUT_PGVECTOR_URL";
    match std::env::var(VAR) {
        Ok(url) if url.starts_with("postgres") => Some(server("postgres", &url).await),
        _ => {
            notice(&format!(
                "{VAR} is not set: the server-without-pgvector test is SKIPPED (.ci/run sets it)"
            ));
            None
        }
    }
}

/// A new MySQL/MariaDB database, if `TEST_MYSQL_URL` names a server.
pub async fn mysql() -> Option<TestDb> {
    announce_backends();
    match std::env::var("TEST_MYSQL_URL") {
        Ok(url) if !url.is_empty() => Some(server("mysql", &url).await),
        _ => None,
    }
}

/// The pooler URL in `var` (set by `.ci/run`), pointed at `t`'s own database; `None`, with a
/// notice, when it is not set.
pub fn through_pooler(var: &str, t: &TestDb) -> Option<String> {
    let Some(pooler) = std::env::var(var).ok().filter(|v| !v.is_empty()) else {
        notice(&format!(
            "{var} is not set: pooler test skipped (.ci/run sets it)"
        ));
        return None;
    };
    let mut url = url::Url::parse(&pooler).expect("pooler URL");
    url.set_path(url::Url::parse(&t.url).expect("test URL").path());
    Some(url.to_string())
}

/// Asserts that the embeddings `db` reads are exactly `vectors` (by model), pgvector vectors
/// now, every value bit for bit (−0 and subnormals included); `context` names the case.
pub async fn assert_vectors_kept(
    db: &DatabaseConnection,
    vectors: &[(String, Vec<f32>)],
    context: &str,
) {
    let rows = db
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT model, vector::real[] AS v FROM embeddings",
        ))
        .await
        .unwrap_or_else(|e| panic!("{context}: read the vectors: {e}"));
    assert_eq!(rows.len(), vectors.len(), "{context}: every row");
    for row in rows {
        let model: String = row.try_get("", "model").unwrap();
        let got: Vec<f32> = row.try_get("", "v").unwrap();
        let Some((_, expected)) = vectors.iter().find(|(m, _)| *m == model) else {
            panic!("{context}: {model} was not stored");
        };
        let same_bits = got.len() == expected.len()
            && got
                .iter()
                .zip(expected)
                .all(|(a, b)| a.to_bits() == b.to_bits());
        assert!(same_bits, "{context}: {model} kept bit for bit");
    }
}

/// Every configured backend, each with a brand-new empty database.
pub async fn databases() -> Vec<TestDb> {
    announce_backends();
    let mut out = vec![sqlite().await];
    if let Ok(url) = std::env::var("DATABASE_URL") {
        if url.starts_with("postgres") {
            out.push(server("postgres", &url).await);
        }
    }
    if let Ok(url) = std::env::var("TEST_MYSQL_URL") {
        if !url.is_empty() {
            out.push(server("mysql", &url).await);
        }
    }
    out
}

/// A new SQLite database in its own temporary directory.
pub async fn sqlite() -> TestDb {
    let dir = std::env::temp_dir().join(format!("{PREFIX}{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).expect("create temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.join("test.db").display());
    let db = Database::connect(&url).await.expect("open sqlite");
    TestDb {
        name: "sqlite",
        url,
        db,
        cleanup: Some(Cleanup::Dir(dir)),
    }
}

/// Another brand-new empty database on the same backend as `like`.
pub async fn fresh_like(like: &TestDb) -> TestDb {
    match &like.cleanup {
        Some(Cleanup::Server { admin_url, .. }) => server(like.name, admin_url).await,
        _ => sqlite().await,
    }
}

async fn server(name: &'static str, admin_url: &str) -> TestDb {
    let database = format!("{PREFIX}{}", uuid::Uuid::new_v4().simple());
    let admin = Database::connect(admin_url)
        .await
        .unwrap_or_else(|e| panic!("cannot connect to the {name} test server at {admin_url}: {e}"));
    admin
        .execute_unprepared(&format!("CREATE DATABASE {database}"))
        .await
        .expect("create test database");
    admin.close().await.ok();
    let mut url = url::Url::parse(admin_url).expect("valid test server URL");
    url.set_path(&format!("/{database}"));
    let url = url.to_string();
    let db = Database::connect(&url)
        .await
        .expect("connect to test database");
    TestDb {
        name,
        url,
        db,
        cleanup: Some(Cleanup::Server {
            admin_url: admin_url.into(),
            database,
        }),
    }
}

impl TestDb {
    pub fn backend(&self) -> DbBackend {
        self.db.get_database_backend()
    }

    /// Another, independent connection pool to the same database (a second "replica").
    pub async fn connect_again(&self) -> DatabaseConnection {
        Database::connect(&self.url)
            .await
            .expect("second connection")
    }

    /// Runs raw SQL, for tests that set up hand-made states.
    pub async fn exec(&self, sql: &str) {
        self.db
            .execute_raw(Statement::from_string(self.backend(), sql.to_owned()))
            .await
            .unwrap_or_else(|e| panic!("[{}] {sql}: {e}", self.name));
    }

    /// PostgreSQL: drops the index `name` and returns the statement that builds it again,
    /// for tests and benchmarks that load many rows and then build the index once over them
    /// (inserting into an HNSW index row by row takes several times longer).
    pub async fn set_index_aside(&self, name: &str) -> String {
        let quoted = format!("\"{}\"", name.replace('"', "\"\""));
        let definition = self
            .db
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT pg_get_indexdef($1::regclass)",
                [quoted.clone().into()],
            ))
            .await
            .unwrap_or_else(|e| panic!("[{}] the index {name}: {e}", self.name))
            .and_then(|row| row.try_get_by_index::<String>(0).ok())
            .unwrap_or_else(|| panic!("[{}] no index {name}", self.name));
        self.exec(&format!("DROP INDEX {quoted}")).await;
        definition
    }

    /// A document with one chunk (PostgreSQL; the columns every schema of this project has,
    /// the Alembic-made one included), for tests that store embeddings: the chunk's id.
    pub async fn one_chunk(&self) -> &'static str {
        const CHUNK: &str = "00000000-0000-0000-0000-000000000002";
        self.exec(
            "INSERT INTO documents (id, title, content, content_hash, metadata) VALUES \
             ('00000000-0000-0000-0000-000000000001', 'd', 'c', 'h', '{}')",
        )
        .await;
        self.exec(&format!(
            "INSERT INTO chunks (id, document_id, ordinal, text, token_count) VALUES \
             ('{CHUNK}', '00000000-0000-0000-0000-000000000001', 0, 't', 1)"
        ))
        .await;
        CHUNK
    }

    /// PostgreSQL, in the first migration's schema (before pgvector): stores each `(model,
    /// values)` as an embedding of the [`one_chunk`](Self::one_chunk) chunk, as the bytes it
    /// was then (little-endian `f32`).
    pub async fn store_byte_vectors(&self, vectors: &[(String, Vec<f32>)]) {
        let chunk = self.one_chunk().await;
        for (model, values) in vectors {
            let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
            self.db
                .execute_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "INSERT INTO embeddings (id, chunk_id, model, dimensions, vector) VALUES \
                     (gen_random_uuid(), $1::uuid, $2, $3, $4)",
                    [
                        chunk.into(),
                        model.clone().into(),
                        (values.len() as i32).into(),
                        bytes.into(),
                    ],
                ))
                .await
                .unwrap_or_else(|e| panic!("[{}] store {model}: {e}", self.name));
        }
    }

    /// Closes the pool and removes the database.
    pub async fn finish(mut self) {
        self.db.clone().close().await.ok();
        if let Some(cleanup) = self.cleanup.take() {
            cleanup.run().await;
        }
    }
}

impl Cleanup {
    async fn run(self) {
        match self {
            Cleanup::Dir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Server {
                admin_url,
                database,
            } => {
                if let Ok(admin) = Database::connect(&admin_url).await {
                    let force = if admin.get_database_backend() == DbBackend::Postgres {
                        " WITH (FORCE)"
                    } else {
                        ""
                    };
                    let _ = admin
                        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {database}{force}"))
                        .await;
                    admin.close().await.ok();
                }
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some(cleanup) = self.cleanup.take() else {
            return;
        };
        // Not finished: a panicking test, or one that forgot. Its own runtime may be gone or
        // busy, so the clean-up runs on a thread with one of its own.
        let _ = std::thread::spawn(move || {
            if let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                runtime.block_on(cleanup.run());
            }
        })
        .join();
    }
}

//! One migrator at a time per database.
//!
//! - PostgreSQL: a transaction-scoped advisory lock; the migrations then run inside that same
//!   transaction, so the schema change is atomic and the lock dies with the transaction
//!   (even if the process is killed).
//! - MySQL/MariaDB: a named lock (`GET_LOCK`) held on a pinned connection.
//! - SQLite: an exclusive OS file lock on `<database>.migrate.lock` (released by the OS if the
//!   process dies); in-memory databases need none.

use crate::MigrateError;
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, Statement,
    TransactionTrait, Value,
};
use sea_orm_migration::SchemaManagerConnection;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Key of the PostgreSQL advisory lock: an arbitrary constant ("counsel" in ASCII).
const PG_LOCK_KEY: i64 = 0x0063_6f75_6e73_656c;
const MYSQL_LOCK_NAME: &str = "counsel_db_migrations";

#[derive(Debug, Clone)]
pub struct LockOptions {
    /// How long to wait for another migrator before giving up.
    pub timeout: Duration,
}

impl Default for LockOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(60),
        }
    }
}

/// The file behind a SQLite pool; `None` for in-memory databases, which no other process sees.
fn sqlite_file(db: &DatabaseConnection) -> Option<PathBuf> {
    let options = db.get_sqlite_connection_pool().connect_options();
    let path = options.get_filename();
    // sqlx names in-memory databases `file:sqlx-in-memory-N`.
    if path.as_os_str().is_empty() || path.to_string_lossy().starts_with("file:") {
        return None;
    }
    Some(path.to_path_buf())
}

enum Held {
    Postgres(DatabaseTransaction),
    MySql(DatabaseTransaction),
    File(std::fs::File),
    Nothing,
}

/// Proof that this process may migrate; run migrations through [`MigrationLock::conn`], then
/// call [`MigrationLock::release`]. Dropping it without release rolls back on PostgreSQL.
pub struct MigrationLock<'db> {
    db: &'db DatabaseConnection,
    held: Held,
}

impl<'db> MigrationLock<'db> {
    pub async fn acquire(
        db: &'db DatabaseConnection,
        options: &LockOptions,
    ) -> Result<Self, MigrateError> {
        let held = match db.get_database_backend() {
            DbBackend::Postgres => Held::Postgres(lock_postgres(db, options.timeout).await?),
            DbBackend::MySql => Held::MySql(lock_mysql(db, options.timeout).await?),
            DbBackend::Sqlite => match sqlite_file(db) {
                Some(path) => Held::File(lock_file(&path, options.timeout).await?),
                None => Held::Nothing,
            },
        };
        Ok(Self { db, held })
    }

    /// The connection migrations must use while the lock is held.
    pub fn conn(&self) -> SchemaManagerConnection<'_> {
        match &self.held {
            Held::Postgres(txn) => SchemaManagerConnection::Transaction(txn),
            _ => SchemaManagerConnection::Connection(self.db),
        }
    }

    /// Commits (PostgreSQL) and gives the lock back.
    pub async fn release(self) -> Result<(), MigrateError> {
        match self.held {
            Held::Postgres(txn) => txn.commit().await?,
            Held::MySql(txn) => {
                txn.execute(Statement::from_sql_and_values(
                    DbBackend::MySql,
                    "SELECT RELEASE_LOCK(?)",
                    [Value::from(MYSQL_LOCK_NAME)],
                ))
                .await?;
                txn.commit().await?;
            }
            Held::File(file) => drop(file),
            Held::Nothing => {}
        }
        Ok(())
    }
}

async fn lock_postgres(
    db: &DatabaseConnection,
    timeout: Duration,
) -> Result<DatabaseTransaction, MigrateError> {
    let txn = db.begin().await?;
    let started = Instant::now();
    loop {
        let row = txn
            .query_one(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT pg_try_advisory_xact_lock($1) AS locked",
                [Value::from(PG_LOCK_KEY)],
            ))
            .await?;
        if row.map(|r| r.try_get::<bool>("", "locked")).transpose()? == Some(true) {
            return Ok(txn);
        }
        wait_or_give_up(started, timeout).await?;
    }
}

async fn lock_mysql(
    db: &DatabaseConnection,
    timeout: Duration,
) -> Result<DatabaseTransaction, MigrateError> {
    // The transaction only pins one pooled connection for the lock's lifetime.
    let txn = db.begin().await?;
    let row = txn
        .query_one(Statement::from_sql_and_values(
            DbBackend::MySql,
            "SELECT GET_LOCK(?, ?) AS locked",
            [
                Value::from(MYSQL_LOCK_NAME),
                Value::from(timeout.as_secs() as i64),
            ],
        ))
        .await?;
    match row
        .map(|r| r.try_get::<Option<i64>>("", "locked"))
        .transpose()?
        .flatten()
    {
        Some(1) => Ok(txn),
        _ => Err(MigrateError::LockTimeout { waited: timeout }),
    }
}

async fn lock_file(
    db_file: &std::path::Path,
    timeout: Duration,
) -> Result<std::fs::File, MigrateError> {
    let mut path = db_file.as_os_str().to_owned();
    path.push(".migrate.lock");
    let path = PathBuf::from(path);
    let lock_err = |source| MigrateError::LockFile {
        path: path.display().to_string(),
        source,
    };
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(lock_err)?;
    let started = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(std::fs::TryLockError::WouldBlock) => wait_or_give_up(started, timeout).await?,
            Err(std::fs::TryLockError::Error(e)) => return Err(lock_err(e)),
        }
    }
}

async fn wait_or_give_up(started: Instant, timeout: Duration) -> Result<(), MigrateError> {
    if started.elapsed() >= timeout {
        return Err(MigrateError::LockTimeout { waited: timeout });
    }
    tracing::info!("waiting for the migration lock held by another process");
    tokio::time::sleep(Duration::from_millis(250)).await;
    Ok(())
}

//! One migrator at a time per database, and the connection the migration runs on.
//!
//! - PostgreSQL: a transaction-scoped advisory lock; the migrations then run inside that same
//!   transaction, so the whole run is atomic and the lock dies with the transaction (even if
//!   the process is killed).
//! - SQLite: `BEGIN IMMEDIATE`, SQLite's own write lock, held by the transaction the migrations
//!   run in: atomic as well, and released by the OS if the process dies. No lock file.
//!   Foreign-key enforcement is off for the run and `PRAGMA foreign_key_check` must pass before
//!   it commits: SQLite's table-rebuild procedure needs that (with enforcement on, dropping the
//!   old table would run its ON DELETE CASCADE rules and empty the child tables).
//! - PostgreSQL, for a run with online steps (see [`crate::online`]): the same advisory lock,
//!   taken by a transaction that does nothing else and stays open for the run, while the
//!   migrations run on other pooled connections, each in its own transaction or, online, in
//!   none. It holds through a transaction pooler too (an open transaction pins its server
//!   connection) and dies with the process.
//! - MySQL/MariaDB: a named lock (`GET_LOCK`), named after the database so that migrating one
//!   database never blocks another on the same server, held on a pinned connection. DDL is not
//!   transactional there; migrations run on the pool.

use crate::MigrateError;
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseExecutor, DatabaseTransaction, DbBackend,
    SqliteTransactionMode, Statement, TransactionOptions, TransactionTrait, Value,
};
use std::time::{Duration, Instant};

/// Key of the PostgreSQL advisory lock: an arbitrary constant ("counsel" in ASCII).
const PG_LOCK_KEY: i64 = 0x0063_6f75_6e73_656c;
/// The MySQL lock name is this prefix plus the database name, cut to MySQL's 64 characters.
const MYSQL_LOCK_NAME: &str = "LEFT(CONCAT('counsel_migrate:', DATABASE()), 64)";

#[derive(Debug, Clone)]
pub struct LockOptions {
    /// How long to wait for another migrator before giving up.
    pub timeout: Duration,
    /// PostgreSQL: how long one migration statement may wait for a table lock. A DDL statement
    /// waiting behind a long transaction queues every later query on that table behind it, so
    /// it gives up quickly and the whole run is retried (see `lock_retries`).
    pub statement_lock_timeout: Duration,
    /// How many times a run that gave up on a table lock is retried, with doubling pauses.
    pub lock_retries: u32,
}

impl Default for LockOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(60),
            statement_lock_timeout: Duration::from_secs(5),
            lock_retries: 5,
        }
    }
}

enum Held {
    /// PostgreSQL and SQLite: the lock is the transaction the migrations run in.
    Transaction(DatabaseTransaction),
    /// SQLite, with foreign-key enforcement off until the end of the run.
    SqliteWithoutForeignKeys(DatabaseTransaction),
    /// MySQL: the pinned connection that holds `GET_LOCK`.
    Named(DatabaseTransaction),
    /// PostgreSQL with online steps: a transaction holding the advisory lock, nothing else.
    Holder(DatabaseTransaction),
}

/// Proof that this process may migrate; run migrations through [`MigrationLock::conn`], then
/// call [`MigrationLock::release`]. Dropping it without release rolls everything back
/// (PostgreSQL, SQLite) and frees the lock.
pub struct MigrationLock<'db> {
    db: &'db DatabaseConnection,
    held: Held,
}

impl<'db> MigrationLock<'db> {
    pub async fn acquire(
        db: &'db DatabaseConnection,
        options: &LockOptions,
    ) -> Result<Self, MigrateError> {
        let mut wait = Waiting::start(options.timeout);
        let held = match db.get_database_backend() {
            DbBackend::Postgres => {
                let txn = lock_postgres(db, &mut wait).await?;
                // Applies to every statement of the run, which is this transaction.
                txn.execute_unprepared(&format!(
                    "SET LOCAL lock_timeout = '{}ms'",
                    options.statement_lock_timeout.as_millis().max(1)
                ))
                .await?;
                Held::Transaction(txn)
            }
            DbBackend::Sqlite => Held::SqliteWithoutForeignKeys(lock_sqlite(db, &mut wait).await?),
            DbBackend::MySql => Held::Named(lock_mysql(db, options.timeout).await?),
            other => return Err(crate::error::unsupported(other, "the migration lock").into()),
        };
        Ok(Self { db, held })
    }

    /// The PostgreSQL lock for a run with online steps: held by a transaction of its own, so
    /// that the migrations can run outside any transaction (see the module's notes).
    pub async fn acquire_holding_only(
        db: &'db DatabaseConnection,
        options: &LockOptions,
    ) -> Result<Self, MigrateError> {
        let mut wait = Waiting::start(options.timeout);
        let txn = lock_postgres(db, &mut wait).await?;
        Ok(Self {
            db,
            held: Held::Holder(txn),
        })
    }

    /// The connection migrations must use while the lock is held.
    pub fn conn(&self) -> DatabaseExecutor<'_> {
        match &self.held {
            Held::Transaction(txn) | Held::SqliteWithoutForeignKeys(txn) => {
                DatabaseExecutor::Transaction(txn)
            }
            Held::Named(_) | Held::Holder(_) => DatabaseExecutor::Connection(self.db),
        }
    }

    /// Whether the lock is held apart from the migrations (PostgreSQL with online steps): each
    /// migration then runs in its own transaction, or online.
    pub fn is_held_apart(&self) -> bool {
        matches!(self.held, Held::Holder(_))
    }

    /// Whether everything run through [`Self::conn`] commits or rolls back as one.
    pub fn is_atomic(&self) -> bool {
        matches!(
            self.held,
            Held::Transaction(_) | Held::SqliteWithoutForeignKeys(_)
        )
    }

    /// Rolls back what ran through [`Self::conn`] where the backend can, and gives the lock
    /// back. A MySQL lock lives in its session, not its transaction: dropping the pinned
    /// connection would return it to the pool still locked, so it is released explicitly.
    pub async fn abort(self) {
        match self.held {
            Held::Transaction(txn) => {
                let _ = txn.rollback().await;
            }
            Held::SqliteWithoutForeignKeys(txn) => {
                // Back on before the connection returns to the pool (see `lock_sqlite`).
                let _ = txn
                    .execute_unprepared("ROLLBACK; PRAGMA foreign_keys = ON; BEGIN")
                    .await;
                let _ = txn.rollback().await;
            }
            Held::Named(txn) => {
                let _ = txn
                    .execute_unprepared(&format!("DO RELEASE_LOCK({MYSQL_LOCK_NAME})"))
                    .await;
                let _ = txn.rollback().await;
            }
            Held::Holder(txn) => {
                let _ = txn.rollback().await;
            }
        }
    }

    /// Commits (PostgreSQL, SQLite) and gives the lock back. On SQLite, the foreign keys of
    /// `changed` are checked first (see the module's notes).
    pub async fn release(self, changed: ForeignKeyScope) -> Result<(), MigrateError> {
        match self.held {
            Held::Transaction(txn) => txn.commit().await?,
            Held::SqliteWithoutForeignKeys(txn) => {
                if let Some(violation) = sqlite_foreign_key_violation(&txn, &changed).await? {
                    txn.execute_unprepared("ROLLBACK; PRAGMA foreign_keys = ON; BEGIN")
                        .await?;
                    txn.rollback().await?;
                    return Err(MigrateError::ForeignKeyViolation(violation));
                }
                txn.execute_unprepared("COMMIT; PRAGMA foreign_keys = ON; BEGIN")
                    .await?;
                txn.commit().await?;
            }
            Held::Named(txn) => {
                txn.execute_unprepared(&format!("DO RELEASE_LOCK({MYSQL_LOCK_NAME})"))
                    .await?;
                txn.commit().await?;
            }
            Held::Holder(txn) => txn.commit().await?,
        }
        Ok(())
    }
}

async fn lock_postgres(
    db: &DatabaseConnection,
    wait: &mut Waiting,
) -> Result<DatabaseTransaction, MigrateError> {
    let txn = db.begin().await?;
    loop {
        let row = txn
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT pg_try_advisory_xact_lock($1) AS locked",
                [Value::from(PG_LOCK_KEY)],
            ))
            .await?;
        if row.map(|r| r.try_get::<bool>("", "locked")).transpose()? == Some(true) {
            return Ok(txn);
        }
        if wait.give_up().await {
            let holder = postgres_lock_holder(&txn).await;
            return Err(MigrateError::LockTimeout {
                waited: wait.timeout,
                holder,
            });
        }
    }
}

/// Who holds the advisory lock, so that an orphaned session can be ended by name.
async fn postgres_lock_holder(txn: &DatabaseTransaction) -> Option<String> {
    // A bigint advisory key is stored as classid (high half) and objid (low half).
    let sql = "SELECT a.pid, COALESCE(a.application_name, '') AS app, \
               COALESCE(host(a.client_addr), 'local') AS client, \
               COALESCE(to_char(a.xact_start, 'YYYY-MM-DD HH24:MI:SS TZ'), '?') AS since \
               FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid \
               WHERE l.locktype = 'advisory' AND l.granted \
               AND l.classid::bigint = ($1 >> 32) AND l.objid::bigint = ($1 & 4294967295) \
               AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) \
               LIMIT 1";
    let row = txn
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            sql,
            [Value::from(PG_LOCK_KEY)],
        ))
        .await
        .ok()??;
    let pid: i32 = row.try_get("", "pid").ok()?;
    let app: String = row.try_get("", "app").ok()?;
    let client: String = row.try_get("", "client").ok()?;
    let since: String = row.try_get("", "since").ok()?;
    Some(format!(
        "held by PostgreSQL backend pid {pid} (application '{app}', client {client}, in a \
         transaction since {since}); if that migrator is gone, end its session with \
         `SELECT pg_terminate_backend({pid});`"
    ))
}

async fn lock_sqlite(
    db: &DatabaseConnection,
    wait: &mut Waiting,
) -> Result<DatabaseTransaction, MigrateError> {
    let immediate = TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    };
    loop {
        match db.begin_with_options(immediate).await {
            Ok(txn) => {
                // The pragma is ignored inside a transaction, and sea-orm opens one on a pooled
                // connection of its choosing: so end it, switch enforcement off on that same
                // connection, and take the write lock again before anything is read. `release`
                // and `abort` switch it back on the same way.
                match txn
                    .execute_unprepared("COMMIT; PRAGMA foreign_keys = OFF; BEGIN IMMEDIATE")
                    .await
                {
                    Ok(_) => return Ok(txn),
                    Err(e) => {
                        let _ = txn
                            .execute_unprepared("PRAGMA foreign_keys = ON; BEGIN")
                            .await;
                        let _ = txn.rollback().await;
                        if !is_busy(&e) || wait.give_up().await {
                            return Err(e.into());
                        }
                    }
                }
            }
            // Another writer holds the lock (after the connection's busy timeout).
            Err(e) if is_busy(&e) => {
                if wait.give_up().await {
                    return Err(MigrateError::LockTimeout {
                        waited: wait.timeout,
                        holder: None,
                    });
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
}

fn is_busy(e: &sea_orm::DbErr) -> bool {
    let text = e.to_string();
    text.contains("locked") || text.contains("busy")
}

/// What a run changed, as far as foreign keys go: which tables SQLite must check before the
/// run commits. A check reads every row of the tables it covers, so a boot that applied
/// nothing checks nothing, and a run checks the tables it wrote and their children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ForeignKeyScope {
    Nothing,
    /// These tables (unquoted names) and every table whose foreign keys point at them.
    Tables(Vec<String>),
    Everything,
}

/// The first row `PRAGMA foreign_key_check` reports within `scope`, in words.
async fn sqlite_foreign_key_violation(
    txn: &DatabaseTransaction,
    scope: &ForeignKeyScope,
) -> Result<Option<String>, MigrateError> {
    let statement = match scope {
        ForeignKeyScope::Nothing => return Ok(None),
        ForeignKeyScope::Everything => Statement::from_string(
            DbBackend::Sqlite,
            "SELECT \"table\" AS child, rowid AS row_id, parent FROM pragma_foreign_key_check",
        ),
        ForeignKeyScope::Tables(tables) if tables.is_empty() => return Ok(None),
        ForeignKeyScope::Tables(tables) => {
            let list = vec!["lower(?)"; tables.len()].join(", ");
            // The filter is on the outer table, so the pragma runs only for the tables in
            // scope (a dropped one is simply not in sqlite_master any more).
            let sql = format!(
                "SELECT c.\"table\" AS child, c.rowid AS row_id, c.parent AS parent \
                 FROM sqlite_master m, pragma_foreign_key_check(m.name) c \
                 WHERE m.type = 'table' AND (lower(m.name) IN ({list}) OR EXISTS \
                 (SELECT 1 FROM pragma_foreign_key_list(m.name) f WHERE lower(f.\"table\") IN ({list}))) \
                 LIMIT 1"
            );
            let names = tables.iter().chain(tables).map(|t| Value::from(t.as_str()));
            Statement::from_sql_and_values(DbBackend::Sqlite, sql, names)
        }
    };
    let row = txn.query_one_raw(statement).await?;
    Ok(match row {
        Some(r) => Some(format!(
            "row {} of {} references a missing row of {}",
            r.try_get::<Option<i64>>("", "row_id")?
                .map_or("?".into(), |id| id.to_string()),
            r.try_get::<String>("", "child")?,
            r.try_get::<String>("", "parent")?,
        )),
        None => None,
    })
}

async fn lock_mysql(
    db: &DatabaseConnection,
    timeout: Duration,
) -> Result<DatabaseTransaction, MigrateError> {
    // The transaction only pins one pooled connection for the lock's lifetime.
    let txn = db.begin().await?;
    let row = txn
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::MySql,
            format!("SELECT GET_LOCK({MYSQL_LOCK_NAME}, ?) AS locked"),
            [Value::from(timeout.as_secs() as i64)],
        ))
        .await?;
    match row
        .map(|r| r.try_get::<Option<i64>>("", "locked"))
        .transpose()?
        .flatten()
    {
        Some(1) => Ok(txn),
        _ => Err(MigrateError::LockTimeout {
            waited: timeout,
            holder: None,
        }),
    }
}

/// Polling for a lock: says once that it waits, then every ten seconds, and knows when to stop.
struct Waiting {
    started: Instant,
    timeout: Duration,
    last_said: Option<Instant>,
}

impl Waiting {
    const POLL: Duration = Duration::from_millis(250);
    const SAY_EVERY: Duration = Duration::from_secs(10);

    fn start(timeout: Duration) -> Self {
        Self {
            started: Instant::now(),
            timeout,
            last_said: None,
        }
    }

    /// Sleeps before the next try; `true` once the timeout has passed.
    async fn give_up(&mut self) -> bool {
        if self.started.elapsed() >= self.timeout {
            return true;
        }
        if self
            .last_said
            .is_none_or(|t| t.elapsed() >= Self::SAY_EVERY)
        {
            tracing::info!(
                waited_secs = self.started.elapsed().as_secs(),
                timeout_secs = self.timeout.as_secs(),
                "waiting for the migration lock held by another process"
            );
            self.last_said = Some(Instant::now());
        }
        tokio::time::sleep(Self::POLL).await;
        false
    }
}

//! Online steps on PostgreSQL: `CREATE INDEX CONCURRENTLY`, `VALIDATE CONSTRAINT` and the like,
//! which must not run inside the run's transaction (the first cannot; the second would hold
//! the locks taken before it for its whole scan).
//!
//! A migration says it is online with sea-orm's `use_transaction() -> Some(false)`. On
//! PostgreSQL its statements (recorded as `--sql` records them) then run one at a time, each
//! in its own short transaction with the run's `lock_timeout`, except those that cannot run in
//! one (`CONCURRENTLY`), which run alone. The state row counts the statements done, as Atlas's
//! revision table does: a run killed or failed halfway resumes after the last one that
//! committed. A concurrent index build that failed leaves an INVALID index behind; the retry
//! drops it and builds it again. The migration lock is held meanwhile by a transaction of its
//! own (see [`crate::MigrationLock::acquire_holding_only`]). SQLite and MySQL ignore the marker:
//! SQLite's runs stay atomic, MySQL's DDL is never transactional.

use crate::{checksum, statements_of, version_table, MigrateError, Migrations};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement, TransactionTrait, Value};
use std::time::Duration;

/// Whether `migration`'s `up` runs online on `backend`.
pub fn is_online(migration: &dyn sea_orm_migration::MigrationTrait, backend: DbBackend) -> bool {
    backend == DbBackend::Postgres && migration.use_transaction() == Some(false)
}

/// Whether PostgreSQL refuses `statement` inside a transaction block.
pub fn needs_autocommit(statement: &str) -> bool {
    let words: Vec<String> = checksum::normalize(statement)
        .split(' ')
        .take(6)
        .map(str::to_ascii_uppercase)
        .collect();
    words.iter().any(|w| w == "CONCURRENTLY")
}

/// The index a `CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name` statement builds.
pub fn concurrent_index_name(statement: &str) -> Option<String> {
    let text = checksum::normalize(statement);
    let mut words = text.split(' ').peekable();
    if !words.next()?.eq_ignore_ascii_case("CREATE") {
        return None;
    }
    if words.peek()?.eq_ignore_ascii_case("UNIQUE") {
        words.next();
    }
    if !words.next()?.eq_ignore_ascii_case("INDEX")
        || !words.next()?.eq_ignore_ascii_case("CONCURRENTLY")
    {
        return None;
    }
    let mut name = words.next()?;
    if name.eq_ignore_ascii_case("IF") {
        words.next(); // NOT
        words.next(); // EXISTS
        name = words.next()?;
    }
    Some(name.trim_matches('"').to_owned())
}

/// Applies migration `position` online, resuming after the statements a previous attempt
/// committed, and records it as applied, with its checksum. (Its `down` runs in one
/// transaction, as any other: reverting is not what must stay online.)
pub async fn apply(
    db: &DatabaseConnection,
    migrations: &Migrations,
    position: usize,
    lock_timeout: Duration,
) -> Result<(), MigrateError> {
    let name = migrations.name(position);
    let direction = "up";
    let statements =
        statements_of(DbBackend::Postgres, migrations.migration(position), true).await?;
    let done = version_table::start_online(db, name, direction).await?;
    if done > 0 {
        tracing::info!(
            migration = name,
            done,
            total = statements.len(),
            "resuming an online migration after the statements that committed"
        );
    }
    // Nothing committed yet: a failure then leaves nothing to resume, so no marker either (the
    // migration may well be changed before it runs again).
    let nothing_done = |k: usize| async move {
        if k == 0 {
            version_table::clear_in_progress(db).await?;
        }
        Ok::<(), MigrateError>(())
    };
    for (k, statement) in statements.iter().enumerate().skip(done) {
        tracing::info!(
            migration = name,
            statement = k + 1,
            total = statements.len(),
            "online step"
        );
        let failed = |source: sea_orm::DbErr, note: String| MigrateError::OnlineStep {
            name: name.to_owned(),
            direction,
            number: k + 1,
            total: statements.len(),
            statement: checksum::normalize(statement),
            note,
            source: Box::new(source),
        };
        if needs_autocommit(statement) {
            let index = concurrent_index_name(statement);
            if let Some(index) = &index {
                drop_if_invalid(db, index).await?;
            }
            if let Err(e) = db.execute_unprepared(statement).await {
                let note = match &index {
                    Some(index) if is_invalid(db, index).await? == Some(true) => format!(
                        "the build left the index {index} INVALID (unused, but updated by every \
                         write); running the migration again drops it and builds it again"
                    ),
                    _ => String::new(),
                };
                nothing_done(k).await?;
                return Err(failed(e, note));
            }
            version_table::set_statements_done(db, k + 1).await?;
        } else {
            let txn = db.begin().await?;
            txn.execute_unprepared(&format!(
                "SET LOCAL lock_timeout = '{}ms'",
                lock_timeout.as_millis().max(1)
            ))
            .await?;
            if let Err(e) = txn.execute_unprepared(statement).await {
                let _ = txn.rollback().await;
                nothing_done(k).await?;
                return Err(failed(e, String::new()));
            }
            version_table::set_statements_done(&txn, k + 1).await?;
            txn.commit().await?;
        }
    }
    let txn = db.begin().await?;
    version_table::record(&txn, name).await?;
    checksum::record(&txn, migrations, position).await?;
    version_table::clear_in_progress(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// An index left INVALID by a failed concurrent build, dropped so that it can be built again.
async fn drop_if_invalid(db: &DatabaseConnection, index: &str) -> Result<(), MigrateError> {
    if is_invalid(db, index).await? == Some(true) {
        tracing::warn!(
            index,
            "dropping the INVALID index a failed build left, to build it again"
        );
        db.execute_unprepared(&format!(
            "DROP INDEX CONCURRENTLY IF EXISTS \"{}\"",
            index.replace('"', "\"\"")
        ))
        .await?;
    }
    Ok(())
}

/// `Some(true)` when the index exists in the current schema and is not valid.
async fn is_invalid(db: &DatabaseConnection, index: &str) -> Result<Option<bool>, MigrateError> {
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT NOT i.indisvalid AS invalid FROM pg_catalog.pg_index i \
             JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid \
             WHERE c.relname = $1 AND c.relnamespace = current_schema()::regnamespace",
            [Value::from(index)],
        ))
        .await?;
    Ok(row.map(|r| r.try_get::<bool>("", "invalid")).transpose()?)
}

/// Indexes of the current schema that are INVALID, as `index on table`: what `check` reports.
pub async fn invalid_indexes<C: ConnectionTrait>(
    db: &C,
) -> Result<Vec<(String, String)>, MigrateError> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(vec![]);
    }
    let rows = db
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT c.relname::text AS index_name, t.relname::text AS table_name \
             FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid \
             JOIN pg_catalog.pg_class t ON t.oid = i.indrelid \
             WHERE NOT i.indisvalid AND c.relnamespace = current_schema()::regnamespace \
             ORDER BY 1",
        ))
        .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("", "index_name")?, r.try_get("", "table_name")?)))
        .collect::<Result<_, sea_orm::DbErr>>()
        .map_err(Into::into)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concurrent_statements_are_told_apart_and_their_index_named() {
        let build = r#"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "idx_a" ON "t" ("a")"#;
        assert!(needs_autocommit(build));
        assert_eq!(concurrent_index_name(build).as_deref(), Some("idx_a"));
        assert_eq!(
            concurrent_index_name(r#"CREATE INDEX CONCURRENTLY "i" ON "t" ("a")"#).as_deref(),
            Some("i")
        );
        assert!(needs_autocommit(r#"DROP INDEX CONCURRENTLY IF EXISTS "i""#));
        assert!(!needs_autocommit(
            r#"ALTER TABLE "t" VALIDATE CONSTRAINT "fk""#
        ));
        assert!(!needs_autocommit(
            r#"CREATE INDEX "concurrently" ON "t" ("a")"#
        ));
        assert_eq!(
            concurrent_index_name(r#"CREATE INDEX "i" ON "t" ("a")"#),
            None
        );
    }
}

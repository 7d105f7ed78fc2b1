//! The version table (`seaql_migrations`, sea-orm-migration's own, so that the plain
//! `Migrator::up` and this crate agree). Every read here is targeted: nothing lists all the
//! tables of the database, whose size the migrator must not depend on.

use crate::{AppliedRevision, MigrateError};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveValue, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Schema, Statement, Value,
};
use sea_orm_migration::seaql_migrations;

/// The table in which applied migrations are recorded.
pub const VERSION_TABLE: &str = "seaql_migrations";

/// The rows of the version table, oldest first; `None` when the table does not exist. Never
/// creates it (sea-orm's own status calls do).
pub async fn read<C: ConnectionTrait>(
    db: &C,
) -> Result<Option<Vec<AppliedRevision>>, MigrateError> {
    if existing_tables(db, &[VERSION_TABLE.to_owned()])
        .await?
        .is_empty()
    {
        return Ok(None);
    }
    let backend = db.get_database_backend();
    // Names start with a timestamp; the plan orders by the build's list, not by this.
    let sql = format!("SELECT version, applied_at FROM {VERSION_TABLE}");
    let malformed = |e: sea_orm::DbErr| MigrateError::VersionTableMalformed {
        table: VERSION_TABLE,
        detail: e.to_string(),
    };
    let rows = db
        .query_all_raw(Statement::from_string(backend, sql))
        .await
        .map_err(malformed)?;
    let mut out = rows
        .iter()
        .map(|r| {
            Ok(AppliedRevision {
                version: r.try_get("", "version")?,
                applied_at: r.try_get("", "applied_at")?,
            })
        })
        .collect::<Result<Vec<_>, sea_orm::DbErr>>()
        .map_err(malformed)?;
    // Sorted here, not by the server: MySQL's collation is no longer fixed by the driver.
    out.sort_by(|a, b| a.version.cmp(&b.version));
    Ok(Some(out))
}

/// Which of `names` exist as tables in the current database or schema: one query, looked up
/// by name in the catalog.
pub async fn existing_tables<C: ConnectionTrait>(
    db: &C,
    names: &[String],
) -> Result<Vec<String>, MigrateError> {
    if names.is_empty() {
        return Ok(vec![]);
    }
    let backend = db.get_database_backend();
    let placeholders: Vec<String> = (1..=names.len())
        .map(|i| match backend {
            DbBackend::Postgres => format!("${i}"),
            _ => "?".to_owned(),
        })
        .collect();
    let list = placeholders.join(", ");
    let sql = match backend {
        DbBackend::Sqlite => format!(
            "SELECT name AS table_name FROM sqlite_master WHERE type = 'table' AND name IN ({list})"
        ),
        DbBackend::Postgres => format!(
            "SELECT c.relname::text AS table_name FROM pg_catalog.pg_class c \
             WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') \
             AND c.relname IN ({list})"
        ),
        DbBackend::MySql => format!(
            "SELECT CAST(table_name AS CHAR) AS table_name FROM information_schema.tables \
             WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND table_name IN ({list})"
        ),
        other => return Err(crate::error::unsupported(other, "reading the catalog").into()),
    };
    let values: Vec<Value> = names.iter().map(|n| Value::from(n.as_str())).collect();
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?;
    let mut found = rows
        .iter()
        .map(|r| r.try_get::<String>("", "table_name"))
        .collect::<Result<Vec<_>, _>>()?;
    found.sort();
    Ok(found)
}

/// Creates the version table if it is missing.
pub async fn install<C: ConnectionTrait>(db: &C) -> Result<(), MigrateError> {
    let backend = db.get_database_backend();
    let mut create = Schema::new(backend).create_table_from_entity(seaql_migrations::Entity);
    create.if_not_exists();
    db.execute(&create).await?;
    Ok(())
}

pub async fn record<C: ConnectionTrait>(db: &C, version: &str) -> Result<(), MigrateError> {
    seaql_migrations::Entity::insert(seaql_migrations::ActiveModel {
        version: ActiveValue::Set(version.to_owned()),
        applied_at: ActiveValue::Set(unix_now()),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

pub async fn unrecord<C: ConnectionTrait>(db: &C, version: &str) -> Result<(), MigrateError> {
    seaql_migrations::Entity::delete_many()
        .filter(Expr::col(seaql_migrations::Column::Version).eq(version))
        .exec(db)
        .await?;
    Ok(())
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

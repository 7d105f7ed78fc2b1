//! Reading the version table without side effects (sea-orm's own status calls create it),
//! and the safety checks every run makes before touching the schema.

use crate::{known_revisions, MigrateError, VERSION_TABLE};
use sea_orm::{ConnectionTrait, Statement};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliedRevision {
    pub version: String,
    /// Unix seconds, as sea-orm-migration records it.
    pub applied_at: i64,
}

/// Rows of the version table, oldest first; empty when the table does not exist.
pub async fn applied_revisions<C: ConnectionTrait>(
    db: &C,
) -> Result<Vec<AppliedRevision>, MigrateError> {
    if !schema_inspect::has_table(db, VERSION_TABLE).await? {
        return Ok(vec![]);
    }
    let backend = db.get_database_backend();
    // A plain identifier: no quoting needed on any backend. Names start with a timestamp, so
    // ordering by name is ordering by history.
    let sql = format!("SELECT version, applied_at FROM {VERSION_TABLE} ORDER BY version");
    let rows = db.query_all(Statement::from_string(backend, sql)).await?;
    rows.iter()
        .map(|r| {
            Ok(AppliedRevision {
                version: r.try_get("", "version")?,
                applied_at: r.try_get("", "applied_at")?,
            })
        })
        .collect()
}

/// Fails with "Can't locate revision" if the version table names a migration this build lacks.
pub fn check_known(applied: &[AppliedRevision]) -> Result<(), MigrateError> {
    let known = known_revisions();
    match applied.iter().find(|a| !known.contains(&a.version)) {
        Some(unknown) => Err(MigrateError::UnknownRevision {
            revision: unknown.version.clone(),
            newest: known.last().cloned().unwrap_or_else(|| "none".into()),
        }),
        None => Ok(()),
    }
}

/// Before the first migration runs: refuse if the tables it would create already exist,
/// instead of failing halfway with a driver error.
pub async fn ensure_adoptable<C: ConnectionTrait>(
    db: &C,
    applied: &[AppliedRevision],
) -> Result<(), MigrateError> {
    if !applied.is_empty() {
        return Ok(());
    }
    let live = schema_inspect::list_tables(db).await?;
    let clashing: Vec<String> = crate::TABLES_IN_ORDER
        .iter()
        .filter(|t| live.iter().any(|l| l == *t))
        .map(|t| t.to_string())
        .collect();
    if clashing.is_empty() {
        Ok(())
    } else {
        Err(MigrateError::TablesAlreadyExist { tables: clashing })
    }
}

//! The application's boot-time entry point.

use crate::{
    applied_revisions, check_known, ensure_adoptable, known_revisions, LockOptions, MigrateError,
    MigrationLock, Migrator,
};
use sea_orm::DatabaseConnection;
use sea_orm_migration::MigratorTrait;

#[derive(Debug, Clone, Default)]
pub struct BootOptions {
    pub lock: LockOptions,
}

/// What a boot-time migration did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BootReport {
    /// Migrations applied by this call (empty when another replica got there first).
    pub applied: Vec<String>,
    /// The newest applied migration afterwards: after a successful run every migration of
    /// this build is applied, so this is always the build's head.
    pub current: Option<String>,
}

/// Brings the schema to head, safely: takes the migration lock, refuses unknown revisions and
/// unrecorded tables, applies what is pending, releases. Cheap when nothing is pending.
pub async fn migrate_on_boot(
    db: &DatabaseConnection,
    options: &BootOptions,
) -> Result<BootReport, MigrateError> {
    let lock = MigrationLock::acquire(db, &options.lock).await?;
    let conn = lock.conn();
    let before = applied_revisions(&conn).await?;
    check_known(&before)?;
    let pending: Vec<String> = known_revisions()
        .into_iter()
        .filter(|k| !before.iter().any(|a| &a.version == k))
        .collect();
    if !pending.is_empty() {
        ensure_adoptable(&conn, &before).await?;
        tracing::info!(count = pending.len(), "applying pending migrations");
        Migrator::up(lock.conn(), None).await?;
    }
    lock.release().await?;
    // After a successful `up`, every known migration is applied.
    Ok(BootReport {
        applied: pending,
        current: known_revisions().pop(),
    })
}

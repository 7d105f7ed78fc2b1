//! `counsel-db`: what an application depends on.
//!
//! ```no_run
//! # async fn boot() -> Result<(), counsel_db::BootError> {
//! let (db, report) = counsel_db::connect_and_migrate().await?;
//! # Ok(()) }
//! ```
//!
//! Re-exports the entities, the migrator and the configuration crate so an application needs a
//! single dependency.

pub use db_config;
pub use entity;
pub use migration;

use db_config::{DbUrl, Purpose};
use migration::{BootOptions, BootReport, LockOptions};
use sea_orm::DatabaseConnection;
use std::time::Duration;

/// Why the application could not start; messages never contain a password.
#[derive(Debug, thiserror::Error)]
pub enum BootError {
    #[error(transparent)]
    Config(#[from] db_config::ConfigError),
    #[error(transparent)]
    Connect(#[from] db_config::ConnectError),
    #[error("schema migration failed: {0}")]
    Migrate(String),
    #[error("MIGRATION_LOCK_TIMEOUT_SECS must be a whole number of seconds, not '{0}'")]
    LockTimeout(String),
}

/// Loads `.env`, migrates through `DATABASE_URL_DIRECT` (else `DATABASE_URL`, else the local
/// SQLite file) under the migration lock, and returns a pool on the application URL.
pub async fn connect_and_migrate() -> Result<(DatabaseConnection, BootReport), BootError> {
    db_config::load_dotenv();
    let migrate_url = DbUrl::from_env(Purpose::Migrations)?;
    let app_url = DbUrl::from_env(Purpose::Application)?;
    let timeout = match std::env::var("MIGRATION_LOCK_TIMEOUT_SECS") {
        Ok(v) => v.trim().parse().map_err(|_| BootError::LockTimeout(v))?,
        Err(_) => 60,
    };
    let options = BootOptions {
        lock: LockOptions { timeout: Duration::from_secs(timeout), sqlite_file: migrate_url.sqlite_file() },
    };

    let migrate_db = db_config::connect(&migrate_url).await?;
    let report = migration::migrate_on_boot(&migrate_db, &options)
        .await
        .map_err(|e| BootError::Migrate(migrate_url.redact(&e.to_string())))?;
    tracing::info!(url = %migrate_url, applied = ?report.applied, current = ?report.current, "schema ready");

    if app_url.expose() == migrate_url.expose() {
        return Ok((migrate_db, report));
    }
    migrate_db.close().await.ok();
    Ok((db_config::connect(&app_url).await?, report))
}

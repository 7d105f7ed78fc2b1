//! `counsel-db`: the one dependency an application needs for its data layer.
//!
//! Re-exports the entities ([`entity`]), the embedded migrations ([`migration`]) and the
//! connection configuration ([`db_config`]), and offers [`connect_and_migrate`] for startup:
//!
//! ```no_run
//! # async fn boot() -> Result<(), counsel_db::BootError> {
//! let (db, report) = counsel_db::connect_and_migrate().await?;
//! println!("schema at {:?}, applied now: {:?}", report.current, report.applied);
//! # Ok(()) }
//! ```

pub use db_config;
pub use entity;
pub use migration;
pub use rag;

use db_config::{DbUrl, Purpose};
use migration::{BootOptions, BootReport, LockOptions, MigrateError};
use sea_orm::DatabaseConnection;
use std::time::Duration;

/// How long to wait for another process's migration lock unless `MIGRATION_LOCK_TIMEOUT_SECS`
/// says otherwise.
pub const DEFAULT_LOCK_TIMEOUT_SECS: u64 = 60;

/// Why the application could not start. No message ever contains a database password: URLs
/// are shown masked and driver texts are redacted.
#[derive(Debug, thiserror::Error)]
pub enum BootError {
    /// `DATABASE_URL` / `DATABASE_URL_DIRECT` is empty, malformed or of an unsupported scheme.
    #[error(transparent)]
    Config(#[from] db_config::ConfigError),
    /// `.env` exists but cannot be read or parsed.
    #[error(transparent)]
    Dotenv(#[from] db_config::DotenvError),
    /// The database could not be reached or refused the connection.
    #[error(transparent)]
    Connect(#[from] db_config::ConnectError),
    /// The boot-time migration failed; `error` is the original, to match on (e.g.
    /// [`MigrateError::LockTimeout`]), `message` its text with any password removed.
    #[error("schema migration failed: {message}")]
    Migrate {
        error: MigrateError,
        message: String,
    },
    /// A numeric setting (`MIGRATION_LOCK_TIMEOUT_SECS`, `MIGRATION_DDL_LOCK_TIMEOUT_MS`) is not
    /// a whole number.
    #[error("{name} must be a whole number, not '{value}'")]
    NotANumber { name: &'static str, value: String },
    /// `MIGRATION_ON_EDITED` is neither `refuse` nor `warn`.
    #[error("MIGRATION_ON_EDITED must be `refuse` (the default) or `warn`, not '{0}'")]
    NotAnEditPolicy(String),
}

/// Connects and brings the schema to head; returns the application's pool and what was applied.
///
/// 1. loads `.env` (variables already set win);
/// 2. migrates through the migrations URL (`DATABASE_URL_DIRECT`, else `DATABASE_URL`, else
///    [`db_config::DEFAULT_SQLITE_URL`]) with [`migration::migrate_on_boot`], i.e. under the
///    migration lock, waiting at most `MIGRATION_LOCK_TIMEOUT_SECS` (default 60) for it;
/// 3. returns that connection if the application URL (`DATABASE_URL`, else the default) is
///    the same, otherwise closes it and connects to the application URL (e.g. a pooler).
pub async fn connect_and_migrate() -> Result<(DatabaseConnection, BootReport), BootError> {
    db_config::load_dotenv()?;
    let migrate_url = DbUrl::from_env(Purpose::Migrations)?;
    let app_url = DbUrl::from_env(Purpose::Application)?;
    let number = |name: &'static str, default: u64| match std::env::var(name) {
        Ok(v) => v.trim().parse().map_err(|_| (name, v)),
        Err(_) => Ok(default),
    };
    let defaults = LockOptions::default();
    let options = BootOptions {
        lock: LockOptions {
            timeout: Duration::from_secs(
                number("MIGRATION_LOCK_TIMEOUT_SECS", DEFAULT_LOCK_TIMEOUT_SECS)
                    .map_err(|(name, value)| BootError::NotANumber { name, value })?,
            ),
            statement_lock_timeout: Duration::from_millis(
                number(
                    "MIGRATION_DDL_LOCK_TIMEOUT_MS",
                    defaults.statement_lock_timeout.as_millis() as u64,
                )
                .map_err(|(name, value)| BootError::NotANumber { name, value })?,
            ),
            ..defaults
        },
        // An explicit opt-in: a fleet should not apply a late-merged migration unnoticed.
        allow_out_of_order: std::env::var("MIGRATION_ALLOW_OUT_OF_ORDER").is_ok_and(|v| v == "1"),
        // A migration edited after it ran is refused unless the operator says to warn.
        on_edited_migration: match std::env::var("MIGRATION_ON_EDITED") {
            Err(_) => migration::OnEdited::Refuse,
            Ok(v) => match v.trim() {
                "refuse" | "" => migration::OnEdited::Refuse,
                "warn" => migration::OnEdited::Warn,
                _ => return Err(BootError::NotAnEditPolicy(v)),
            },
        },
    };

    let defaults = db_config::ConnectSettings::default();
    let settings = db_config::ConnectSettings {
        // SQLite's migration lock is its write lock: waiting for it is the lock timeout. Not
        // where the pool goes on to serve the application, whose writers keep the default.
        sqlite_busy_timeout: if app_url.expose() == migrate_url.expose() {
            defaults.sqlite_busy_timeout
        } else {
            options.lock.timeout
        },
        ..defaults
    };
    let migrate_db = db_config::connect_with(&migrate_url, &settings).await?;
    let report = match migration::migrate_on_boot(&migrate_db, &options).await {
        Ok(report) => report,
        Err(error) => {
            migrate_db.close().await.ok();
            let message = migrate_url.redact(&error.to_string());
            return Err(BootError::Migrate { error, message });
        }
    };
    tracing::info!(url = %migrate_url, applied = ?report.applied, current = ?report.current, "schema ready");

    if app_url.expose() == migrate_url.expose() {
        return Ok((migrate_db, report));
    }
    migrate_db.close().await.ok();
    tracing::info!(url = %app_url, "connecting to the application database");
    Ok((db_config::connect(&app_url).await?, report))
}

// Applications share one pool by cloning the connection (axum state, worker tasks). sea-orm's
// `mock` feature silently removes `Clone` for the whole build; fail the build instead.
const _: fn() = || {
    fn assert_clone<T: Clone>() {}
    assert_clone::<DatabaseConnection>();
};

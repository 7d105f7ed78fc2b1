//! A connected database plus what every command needs to talk about it safely.

use crate::cli::Cli;
use crate::ToolError;
use db_config::{ConnectSettings, DbUrl, Purpose};
use migration::{LockOptions, MigrateError, MigrationLock};
use sea_orm::DatabaseConnection;
use std::time::Duration;

pub struct Session {
    pub url: DbUrl,
    pub db: DatabaseConnection,
    pub lock: LockOptions,
}

impl Session {
    /// Resolves the URL (flag, then environment), connects with bounded timeouts.
    pub async fn open(cli: &Cli) -> Result<Self, ToolError> {
        let url = match &cli.database_url {
            Some(raw) => DbUrl::parse(raw)?,
            None => DbUrl::from_env(Purpose::Migrations)?,
        };
        let settings = ConnectSettings {
            connect_timeout: Duration::from_secs(cli.connect_timeout.max(1)),
            ..ConnectSettings::default()
        };
        let db = db_config::connect_with(&url, &settings).await?;
        let lock = LockOptions {
            timeout: Duration::from_secs(cli.lock_timeout),
        };
        Ok(Session { url, db, lock })
    }

    /// Scrubs this session's password out of a migration error.
    pub fn fail(&self, err: impl Into<MigrateError>) -> ToolError {
        ToolError::migrate(err.into(), |t| self.url.redact(t))
    }

    pub async fn lock(&self) -> Result<MigrationLock<'_>, ToolError> {
        MigrationLock::acquire(&self.db, &self.lock)
            .await
            .map_err(|e| self.fail(e))
    }
}

//! A connected database plus what every command needs to talk about it.

use crate::cli::Cli;
use crate::ToolError;
use db_config::{ConnectSettings, DbUrl, Purpose};
use migration::{LockOptions, Migrations, Runner};
use sea_orm::DatabaseConnection;
use std::time::Duration;

pub struct Session {
    pub url: DbUrl,
    pub db: DatabaseConnection,
    pub lock: LockOptions,
    pub migrations: Migrations,
}

impl Session {
    /// Resolves the URL (flag, then environment).
    pub fn resolve_url(cli: &Cli) -> Result<DbUrl, ToolError> {
        let url = match &cli.database_url {
            Some(raw) => DbUrl::parse(raw)?,
            None => DbUrl::from_env(Purpose::Migrations)?,
        };
        // In a source checkout, the default file is the workspace's, wherever the command runs.
        match crate::commands::generate::source_checkout() {
            Some(root) if url.source() == db_config::UrlSource::Default => {
                Ok(DbUrl::default_in(&root)?)
            }
            _ => Ok(url),
        }
    }

    /// Connects with bounded timeouts. A command that only reads never creates a SQLite file.
    pub async fn open(cli: &Cli, url: DbUrl) -> Result<Self, ToolError> {
        if cli.command.is_read_only() {
            if let Some(file) = url.sqlite_file().filter(|f| !f.exists()) {
                return Err(ToolError::Refused(format!(
                    "the SQLite database {} does not exist (from {}): nothing has been migrated \
                     here yet\n  hint: `manage-db upgrade` creates it; or point DATABASE_URL at \
                     the database you meant",
                    file.display(),
                    url.source()
                )));
            }
        }
        let migrations = migration::migrations()?;
        let settings = ConnectSettings {
            connect_timeout: Duration::from_secs(cli.connect_timeout.max(1)),
            // SQLite's migration lock is its write lock: waiting for it is the lock timeout.
            sqlite_busy_timeout: Duration::from_secs(cli.lock_timeout),
            max_connections: connections_needed(&url, cli.command.is_read_only(), &migrations),
        };
        let db = db_config::connect_with(&url, &settings).await?;
        let lock = LockOptions {
            timeout: Duration::from_secs(cli.lock_timeout),
            statement_lock_timeout: Duration::from_millis(cli.ddl_lock_timeout),
            ..LockOptions::default()
        };
        Ok(Session {
            url,
            db,
            lock,
            migrations,
        })
    }

    /// A session over any list of migrations (tests, and tools embedding this one).
    pub async fn with_migrations(url: DbUrl, migrations: Migrations) -> Result<Self, ToolError> {
        let settings = ConnectSettings {
            max_connections: connections_needed(&url, false, &migrations),
            ..ConnectSettings::default()
        };
        let db = db_config::connect_with(&url, &settings).await?;
        Ok(Session {
            url,
            db,
            lock: LockOptions::default(),
            migrations,
        })
    }

    pub fn runner(&self) -> Runner<'_> {
        Runner::new(&self.migrations, &self.db, self.lock.clone())
    }
}

/// One connection per command. A command that takes the migration lock may need two: on
/// MySQL always (`GET_LOCK` belongs to a session, which holds it while the migrations run on a
/// second one: MySQL's DDL commits whatever transaction it meets), on PostgreSQL when online
/// steps run outside the transaction that holds the lock, so only when the build has an online
/// migration (a pool with room opens a second connection for the next query, even unneeded).
fn connections_needed(url: &DbUrl, read_only: bool, migrations: &Migrations) -> u32 {
    match url.backend() {
        _ if read_only => 1,
        db_config::Backend::MySql => 2,
        db_config::Backend::Postgres if migrations.has_online(sea_orm::DbBackend::Postgres) => 2,
        _ => 1,
    }
}

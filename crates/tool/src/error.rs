use db_config::{ConfigError, ConnectError, DbUrl};
use migration::MigrateError;
use std::fmt;

/// Everything a command can fail with, typed until the binary prints it.
#[derive(Debug, thiserror::Error)]
pub enum ToolError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Connect(#[from] ConnectError),
    #[error(transparent)]
    Migrate(#[from] MigrateError),
    #[error("{0}")]
    Refused(String),
    /// The command line asks for something the wrong way round: exit code 2, as clap's own.
    #[error("{0}")]
    Usage(String),
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
}

impl From<migration::PlanError> for ToolError {
    fn from(err: migration::PlanError) -> Self {
        ToolError::Migrate(err.into())
    }
}

impl From<sea_orm::DbErr> for ToolError {
    fn from(err: sea_orm::DbErr) -> Self {
        ToolError::Migrate(err.into())
    }
}

/// A failed command as the operator sees it: the error, with the database password scrubbed
/// out of any driver text it carries. This is the only place that scrubbing happens.
#[derive(Debug)]
pub struct Failure {
    pub error: ToolError,
    pub url: Option<DbUrl>,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.error.to_string();
        match &self.url {
            Some(url) => f.write_str(&url.redact(&text)),
            None => f.write_str(&text),
        }
    }
}

/// Process exit codes; documented in the README.
pub mod exit {
    pub const OK: u8 = 0;
    pub const FAILED: u8 = 1;
    /// The command line is wrong (as clap's own errors).
    pub const USAGE: u8 = 2;
    /// `check` ran but found pending migrations, drift or an unknown revision.
    pub const NEEDS_ATTENTION: u8 = 3;
}

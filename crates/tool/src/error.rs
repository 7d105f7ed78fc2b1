use db_config::{ConfigError, ConnectError};
use migration::MigrateError;

/// Everything a command can fail with; the message is what the operator sees.
#[derive(Debug, thiserror::Error)]
pub enum ToolError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Connect(#[from] ConnectError),
    #[error("{0}")]
    Migrate(String),
    #[error("{0}")]
    Refused(String),
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
}

impl ToolError {
    /// A migration error with the password scrubbed from any driver text it carries.
    pub fn migrate(err: MigrateError, redact: impl Fn(&str) -> String) -> Self {
        ToolError::Migrate(redact(&err.to_string()))
    }
}

/// Process exit codes; documented in the README.
pub mod exit {
    pub const OK: u8 = 0;
    pub const FAILED: u8 = 1;
    /// `check` ran but found pending migrations, drift or an unknown revision.
    pub const NEEDS_ATTENTION: u8 = 3;
}

//! One module per subcommand. Each writes its report to `out` and returns the exit code.

pub mod check;
pub mod confirm;
pub mod downgrade;
pub mod history;
pub mod reset;
pub mod stamp;
pub mod upgrade;

use crate::cli::{Cli, Command};
use crate::session::Session;
use crate::ToolError;
use std::io::Write;

/// Connects and runs the chosen command.
pub async fn run(cli: &Cli, out: &mut dyn Write) -> Result<u8, ToolError> {
    let session = Session::open(cli).await?;
    let code = match &cli.command {
        Command::Check { json } => check::run(&session, *json, out).await,
        Command::Current => history::current(&session, out).await,
        Command::History => history::history(&session, out).await,
        Command::Upgrade { to, sql: true } => {
            upgrade::print_sql(&session, to.as_deref(), out).await
        }
        Command::Upgrade { to, sql: false } => upgrade::run(&session, to.as_deref(), out).await,
        Command::Downgrade {
            steps,
            to,
            yes,
            sql,
        } => {
            let request = downgrade::Request {
                steps: *steps,
                to: to.as_deref(),
                yes: *yes,
                sql: *sql,
            };
            downgrade::run(&session, request, out).await
        }
        Command::Stamp { revision } => stamp::run(&session, revision, out).await,
        Command::Reset { yes } => reset::run(&session, *yes, out).await,
    };
    session.db.close().await.ok();
    code
}

use super::confirm::confirm;
use super::history::{describe_current, print_script, Ledger};
use crate::error::exit;
use crate::session::Session;
use crate::ToolError;
use migration::revision::{applied_count, resolve};
use migration::{Direction, Migrator, MigratorTrait};
use std::io::Write;

/// The migrations to revert, newest first.
fn plan(
    session: &Session,
    ledger: &Ledger,
    steps: Option<u32>,
    to: Option<&str>,
) -> Result<Vec<String>, ToolError> {
    let applied: Vec<String> = ledger
        .known
        .iter()
        .filter(|k| ledger.is_applied(k))
        .cloned()
        .collect();
    let keep = match (steps, to) {
        (_, Some(spec)) => {
            let keep = applied_count(&resolve(spec, &ledger.known).map_err(|e| session.fail(e))?);
            if keep > applied.len() {
                return Err(ToolError::Refused(format!(
                    "'{spec}' is newer than the current revision {}; use `manage-db upgrade --to {spec}`",
                    describe_current(ledger)
                )));
            }
            keep
        }
        (Some(n), None) => applied.len().saturating_sub(n as usize),
        (None, None) => applied.len().saturating_sub(1),
    };
    Ok(applied[keep..].iter().rev().cloned().collect())
}

/// What `downgrade` does, plus `--sql`: only print the script and run nothing.
pub struct Request<'a> {
    pub steps: Option<u32>,
    pub to: Option<&'a str>,
    pub yes: bool,
    pub sql: bool,
}

pub async fn run(
    session: &Session,
    request: Request<'_>,
    out: &mut dyn Write,
) -> Result<u8, ToolError> {
    let Request {
        steps,
        to,
        yes,
        sql,
    } = request;
    let ledger = Ledger::read(session, &session.db).await?;
    let to_revert = plan(session, &ledger, steps, to)?;
    if sql {
        return print_script(session, &ledger, Direction::Down, &to_revert, out).await;
    }
    if to_revert.is_empty() {
        writeln!(
            out,
            "Nothing to do: the database is at {}",
            describe_current(&ledger)
        )?;
        return Ok(exit::OK);
    }
    // Ask before locking: a lock (on PostgreSQL, an open transaction) must not wait on a person.
    confirm(
        &format!(
            "This reverts {} migration(s) on {}: {}.\nTheir `down` steps drop tables and the data in them.",
            to_revert.len(),
            session.url,
            to_revert.join(", ")
        ),
        yes,
    )?;
    let lock = session.lock().await?;
    let now = Ledger::read(session, &lock.conn()).await?;
    if plan(session, &now, steps, to)? != to_revert {
        return Err(ToolError::Refused(
            "the version table changed while waiting for confirmation (another migrator ran); nothing was reverted, run the command again".into(),
        ));
    }
    Migrator::down(lock.conn(), Some(to_revert.len() as u32))
        .await
        .map_err(|e| session.fail(e))?;
    lock.release().await.map_err(|e| session.fail(e))?;
    for name in &to_revert {
        writeln!(out, "Reverted {name}")?;
    }
    let ledger = Ledger::read(session, &session.db).await?;
    writeln!(out, "Now at {}", describe_current(&ledger))?;
    Ok(exit::OK)
}

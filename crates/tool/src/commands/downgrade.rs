use super::confirm::confirm;
use super::history::{describe_current, Ledger};
use crate::error::exit;
use crate::session::Session;
use crate::ToolError;
use migration::revision::{applied_count, resolve};
use migration::{Migrator, MigratorTrait};
use std::io::Write;

pub async fn run(
    session: &Session,
    steps: Option<u32>,
    to: Option<&str>,
    yes: bool,
    out: &mut dyn Write,
) -> Result<u8, ToolError> {
    let lock = session.lock().await?;
    let ledger = Ledger::read(session, &lock.conn()).await?;
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
                    describe_current(&ledger)
                )));
            }
            keep
        }
        (Some(n), None) => applied.len().saturating_sub(n as usize),
        (None, None) => applied.len().saturating_sub(1),
    };
    let to_revert: Vec<String> = applied[keep..].iter().rev().cloned().collect();
    if to_revert.is_empty() {
        writeln!(
            out,
            "Nothing to do: the database is at {}",
            describe_current(&ledger)
        )?;
        lock.release().await.map_err(|e| session.fail(e))?;
        return Ok(exit::OK);
    }
    confirm(
        &format!(
            "This reverts {} migration(s) on {}: {}.\nTheir `down` steps drop tables and the data in them.",
            to_revert.len(),
            session.url,
            to_revert.join(", ")
        ),
        yes,
    )?;
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

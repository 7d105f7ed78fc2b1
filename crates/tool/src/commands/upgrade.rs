use super::history::{describe_current, print_script, Ledger};
use crate::error::exit;
use crate::session::Session;
use crate::ToolError;
use migration::revision::{applied_count, resolve};
use migration::{ensure_adoptable, Direction, Migrator, MigratorTrait};
use std::io::Write;

/// The migrations to apply, oldest first.
fn plan(session: &Session, ledger: &Ledger, to: Option<&str>) -> Result<Vec<String>, ToolError> {
    let target = match to {
        Some(spec) => applied_count(&resolve(spec, &ledger.known).map_err(|e| session.fail(e))?),
        None => ledger.known.len(),
    };
    if target < ledger.applied_count() {
        let spec = to.unwrap_or_default();
        return Err(ToolError::Refused(format!(
            "'{spec}' is older than the current revision {}; use `manage-db downgrade --to {spec}`",
            describe_current(ledger)
        )));
    }
    Ok(ledger.known[..target]
        .iter()
        .filter(|k| !ledger.is_applied(k))
        .cloned()
        .collect())
}

/// `--sql`: prints what would run, for this database's backend, and runs nothing.
pub async fn print_sql(
    session: &Session,
    to: Option<&str>,
    out: &mut dyn Write,
) -> Result<u8, ToolError> {
    let ledger = Ledger::read(session, &session.db).await?;
    let to_apply = plan(session, &ledger, to)?;
    print_script(session, &ledger, Direction::Up, &to_apply, out).await
}

pub async fn run(
    session: &Session,
    to: Option<&str>,
    out: &mut dyn Write,
) -> Result<u8, ToolError> {
    let lock = session.lock().await?;
    let ledger = Ledger::read(session, &lock.conn()).await?;
    let to_apply = plan(session, &ledger, to)?;
    if to_apply.is_empty() {
        writeln!(
            out,
            "Nothing to do: the database is at {}",
            describe_current(&ledger)
        )?;
        lock.release().await.map_err(|e| session.fail(e))?;
        return Ok(exit::OK);
    }
    ensure_adoptable(&lock.conn(), &ledger.rows)
        .await
        .map_err(|e| session.fail(e))?;
    Migrator::up(lock.conn(), Some(to_apply.len() as u32))
        .await
        .map_err(|e| session.fail(e))?;
    lock.release().await.map_err(|e| session.fail(e))?;
    for name in &to_apply {
        writeln!(out, "Applied {name}")?;
    }
    let ledger = Ledger::read(session, &session.db).await?;
    writeln!(out, "Now at {}", describe_current(&ledger))?;
    Ok(exit::OK)
}

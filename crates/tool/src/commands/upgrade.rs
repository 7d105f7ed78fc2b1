use super::history::{describe_current, Ledger};
use crate::error::exit;
use crate::session::Session;
use crate::ToolError;
use migration::revision::{applied_count, resolve};
use migration::{ensure_adoptable, Migrator, MigratorTrait};
use std::io::Write;

pub async fn run(
    session: &Session,
    to: Option<&str>,
    out: &mut dyn Write,
) -> Result<u8, ToolError> {
    let lock = session.lock().await?;
    let conn = lock.conn();
    let ledger = Ledger::read(session, &conn).await?;
    let applied = ledger.applied_count();
    let target = match to {
        Some(spec) => applied_count(&resolve(spec, &ledger.known).map_err(|e| session.fail(e))?),
        None => ledger.known.len(),
    };
    if target < applied {
        return Err(ToolError::Refused(format!(
            "'{}' is older than the current revision {}; use `manage-db downgrade --to {}`",
            to.unwrap_or_default(),
            describe_current(&ledger),
            to.unwrap_or_default()
        )));
    }
    let to_apply: Vec<String> = ledger.known[..target]
        .iter()
        .filter(|k| !ledger.is_applied(k))
        .cloned()
        .collect();
    if to_apply.is_empty() {
        writeln!(
            out,
            "Nothing to do: the database is at {}",
            describe_current(&ledger)
        )?;
        lock.release().await.map_err(|e| session.fail(e))?;
        return Ok(exit::OK);
    }
    ensure_adoptable(&conn, &ledger.rows)
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

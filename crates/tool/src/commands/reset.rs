use super::confirm::confirm;
use crate::error::exit;
use crate::session::Session;
use crate::ToolError;
use migration::{version_table, MigrationLock, VERSION_TABLE};
use std::io::Write;

/// Empties the version table; tables and rows stay. Afterwards `stamp` records the real state.
pub async fn run(session: &Session, yes: bool, out: &mut dyn Write) -> Result<u8, ToolError> {
    let rows = version_table::read(&session.db).await?.unwrap_or_default();
    if rows.is_empty() {
        writeln!(out, "Nothing to do: {VERSION_TABLE} records no migration")?;
        return Ok(exit::OK);
    }
    confirm(
        &format!(
            "This forgets {} recorded migration(s) in {VERSION_TABLE} on {} (tables and data are kept).",
            rows.len(),
            session.url
        ),
        yes,
    )?;
    let lock = MigrationLock::acquire(&session.db, &session.lock).await?;
    let deleted = version_table::clear(&lock.conn()).await?;
    lock.release().await?;
    writeln!(
        out,
        "Reset: removed {deleted} record(s) from {VERSION_TABLE}; the schema is untouched"
    )?;
    writeln!(
        out,
        "Record the real state with `manage-db stamp <revision>`"
    )?;
    Ok(exit::OK)
}

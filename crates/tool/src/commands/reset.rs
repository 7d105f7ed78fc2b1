use super::confirm::confirm;
use crate::error::exit;
use crate::session::Session;
use crate::ToolError;
use migration::sea_orm_migration::seaql_migrations;
use migration::{applied_revisions, VERSION_TABLE};
use sea_orm::EntityTrait;
use std::io::Write;

/// Empties the version table; tables and rows stay. Afterwards `stamp` records the real state.
pub async fn run(session: &Session, yes: bool, out: &mut dyn Write) -> Result<u8, ToolError> {
    let rows = applied_revisions(&session.db)
        .await
        .map_err(|e| session.fail(e))?;
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
    let lock = session.lock().await?;
    let deleted = seaql_migrations::Entity::delete_many()
        .exec(&lock.conn())
        .await
        .map_err(|e| session.fail(e))?
        .rows_affected;
    lock.release().await.map_err(|e| session.fail(e))?;
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

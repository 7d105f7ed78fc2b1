use super::confirm::confirm;
use crate::error::exit;
use crate::session::Session;
use crate::ToolError;
use migration::{Plan, Request, Target, VERSION_TABLE};
use std::io::Write;

/// Empties the version table; tables and rows stay (`stamp base`, worded for what it is used
/// for). Afterwards `stamp` records the real state.
pub async fn run(session: &Session, yes: bool, out: &mut dyn Write) -> Result<u8, ToolError> {
    let request = Request::Stamp {
        target: Target::Base,
    };
    let runner = session.runner();
    let preview = runner.preview(&request).await?;
    if preview.is_empty() {
        writeln!(out, "Nothing to do: {VERSION_TABLE} records no migration")?;
        return Ok(exit::OK);
    }
    let forgotten = match &preview {
        Plan::Stamp { unrecord, .. } => unrecord.len(),
        _ => 0,
    };
    confirm(
        &format!(
            "This forgets {forgotten} recorded migration(s) in {VERSION_TABLE} on {} (tables and data are kept).",
            session.url
        ),
        yes,
    )?;
    runner.run(&request, Some(&preview)).await?;
    writeln!(
        out,
        "Reset: removed {forgotten} record(s) from {VERSION_TABLE}; the schema is untouched"
    )?;
    writeln!(
        out,
        "Record the real state with `manage-db stamp <revision>`"
    )?;
    Ok(exit::OK)
}

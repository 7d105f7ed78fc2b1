//! `current` and `history`: the version table as this build understands it.

use crate::error::exit;
use crate::session::Session;
use crate::ToolError;
use migration::{version_table, Migrations, PlanError, Status};
use std::io::Write;

/// The version table's rows and what they mean for this build. Fails on a revision it does
/// not know, as every command but `check` and `stamp` does.
async fn read_known(
    session: &Session,
) -> Result<(Vec<migration::AppliedRevision>, Status), ToolError> {
    let rows = version_table::read(&session.db).await?.unwrap_or_default();
    let status = Status::new(&session.migrations, &rows);
    if let Some(revision) = status.unknown.first() {
        return Err(PlanError::UnknownRevision {
            revision: revision.clone(),
            newest: session.migrations.head().unwrap_or("none").to_owned(),
        }
        .into());
    }
    Ok((rows, status))
}

/// A run interrupted on a backend without transactional DDL, said before anything else.
async fn warn_if_interrupted(session: &Session, out: &mut dyn Write) -> Result<(), ToolError> {
    if let Some((version, direction)) = version_table::interrupted(&session.db).await? {
        writeln!(
            out,
            "warning: migration {version} was interrupted while running {direction}; \
             `manage-db check` shows what it left, `manage-db repair` undoes it"
        )?;
    }
    Ok(())
}

/// "m…_x (head)", "m…_x (2 pending)" or "base (no migration applied)".
pub fn describe(migrations: &Migrations, status: &Status) -> String {
    match status.current {
        None => "base (no migration applied)".into(),
        Some(c) if status.pending.is_empty() => format!("{} (head)", migrations.name(c)),
        Some(c) => format!("{} ({} pending)", migrations.name(c), status.pending.len()),
    }
}

pub async fn current(session: &Session, out: &mut dyn Write) -> Result<u8, ToolError> {
    let (_, status) = read_known(session).await?;
    warn_if_interrupted(session, out).await?;
    writeln!(out, "{}", describe(&session.migrations, &status))?;
    Ok(exit::OK)
}

pub async fn history(session: &Session, out: &mut dyn Write) -> Result<u8, ToolError> {
    let (rows, status) = read_known(session).await?;
    warn_if_interrupted(session, out).await?;
    let applied_at: std::collections::HashMap<&str, i64> = rows
        .iter()
        .map(|r| (r.version.as_str(), r.applied_at))
        .collect();
    let m = &session.migrations;
    for (i, name) in m.names().enumerate() {
        let state = match applied_at.get(name) {
            Some(&at) => format!("applied {}", format_time(at)),
            None if status.out_of_order.contains(&i) => "pending (out of order)".into(),
            None => "pending".into(),
        };
        let mut marks = Vec::new();
        if i + 1 == m.len() {
            marks.push("head");
        }
        if status.current == Some(i) {
            marks.push("current");
        }
        let marks = if marks.is_empty() {
            String::new()
        } else {
            format!("  ({})", marks.join(", "))
        };
        writeln!(out, "{name}  {state}{marks}")?;
    }
    Ok(exit::OK)
}

fn format_time(unix_seconds: i64) -> String {
    chrono::DateTime::from_timestamp(unix_seconds, 0)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
        .unwrap_or_else(|| format!("at {unix_seconds}"))
}

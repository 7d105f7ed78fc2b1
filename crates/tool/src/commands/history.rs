//! `current` and `history`: the version table as this build understands it.

use crate::error::exit;
use crate::session::Session;
use crate::ToolError;
use migration::{checksum, version_table, Migrations, PlanError, Status};
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

/// The positions `A:B` names (inclusive; `A:` and `:B` run to either end).
fn range(
    migrations: &Migrations,
    spec: &str,
) -> Result<std::ops::RangeInclusive<usize>, ToolError> {
    let (from, to) = spec.split_once(':').ok_or_else(|| {
        ToolError::Usage(format!(
            "-r {spec}: expected A:B (e.g. -r base:head, -r m2026:, -r :m20261124)"
        ))
    })?;
    let last = migrations.len().saturating_sub(1);
    let position = |s: &str, open: usize| -> Result<usize, ToolError> {
        Ok(match s.trim() {
            "" => open,
            "base" => 0,
            "head" | "heads" => last,
            name => migrations.find(name)?,
        })
    };
    Ok(position(from, 0)?..=position(to, last)?)
}

pub async fn history(
    session: &Session,
    range_spec: Option<&str>,
    verbose: bool,
    out: &mut dyn Write,
) -> Result<u8, ToolError> {
    let (rows, status) = read_known(session).await?;
    warn_if_interrupted(session, out).await?;
    let m = &session.migrations;
    let shown = match range_spec {
        Some(spec) => range(m, spec)?,
        None => 0..=m.len().saturating_sub(1),
    };
    let applied_at: std::collections::HashMap<&str, i64> = rows
        .iter()
        .map(|r| (r.version.as_str(), r.applied_at))
        .collect();
    let schemas = if verbose && !m.is_empty() {
        crate::replay::schemas_on_sqlite(shown.end() + 1).await?
    } else {
        vec![]
    };
    let edited: Vec<String> = checksum::verify(&session.db, m, &status.applied)
        .await?
        .edited
        .into_iter()
        .map(|e| e.name)
        .collect();
    for (i, name) in m.names().enumerate().filter(|(i, _)| shown.contains(i)) {
        let state = match applied_at.get(name) {
            Some(&at) if edited.iter().any(|e| e == name) => format!(
                "applied {}, EDITED since (`manage-db check` shows how)",
                format_time(at)
            ),
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
        if let (Some(before), Some(after)) = (schemas.get(i), schemas.get(i + 1)) {
            for line in changes(before, after) {
                writeln!(out, "    {line}")?;
            }
        }
    }
    Ok(exit::OK)
}

fn format_time(unix_seconds: i64) -> String {
    chrono::DateTime::from_timestamp(unix_seconds, 0)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
        .unwrap_or_else(|| format!("at {unix_seconds}"))
}

/// `heads`: the newest migration of this build. Needs no database.
pub fn heads(out: &mut dyn Write) -> Result<u8, ToolError> {
    let migrations = migration::migrations()?;
    writeln!(out, "{} (head)", migrations.head().unwrap_or("base"))?;
    Ok(exit::OK)
}

/// What migration `position` changes, in `check`'s words, from the schemas before and after it.
fn changes(before: &schema_model::Schema, after: &schema_model::Schema) -> Vec<String> {
    schema_model::diff(before, after)
        .iter()
        .flat_map(schema_model::report::describe)
        .collect()
}

/// `show REV`: one migration, whether it is applied, and what it changes.
pub async fn show(session: &Session, spec: &str, out: &mut dyn Write) -> Result<u8, ToolError> {
    let m = &session.migrations;
    let position = match spec {
        "head" | "heads" => m
            .len()
            .checked_sub(1)
            .ok_or_else(|| ToolError::Refused("this build has no migration".into()))?,
        _ => m.find(spec)?,
    };
    let (rows, status) = read_known(session).await?;
    let name = m.name(position);
    let state = match rows.iter().find(|r| r.version == name) {
        Some(row) => format!("applied {}", format_time(row.applied_at)),
        None if status.out_of_order.contains(&position) => "pending (out of order)".into(),
        None => "pending".into(),
    };
    writeln!(out, "{name}\n  {state}")?;
    let schemas = crate::replay::schemas_on_sqlite(position + 1).await?;
    writeln!(
        out,
        "  changes (as `manage-db check` words them, read on SQLite):"
    )?;
    for line in changes(&schemas[position], &schemas[position + 1]) {
        writeln!(out, "    {line}")?;
    }
    Ok(exit::OK)
}

/// `rehash REV`: accept the SQL an applied migration sends now as what it sent.
pub async fn rehash(session: &Session, spec: &str, out: &mut dyn Write) -> Result<u8, ToolError> {
    let position = session.migrations.find(spec)?;
    match session.runner().rehash(position).await? {
        Some(edit) => {
            writeln!(out, "{}", edit.describe())?;
            writeln!(
                out,
                "accepted: this is now the SQL {} is checked against",
                edit.name
            )?;
        }
        None => writeln!(
            out,
            "{} is unchanged since it was applied: its checksum is recorded, nothing to accept",
            session.migrations.name(position)
        )?,
    }
    Ok(exit::OK)
}

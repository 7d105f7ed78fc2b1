use crate::error::exit;
use crate::session::Session;
use crate::ToolError;
use migration::{applied_revisions, known_revisions, VERSION_TABLE};
use schema_inspect::Drift;
use serde::Serialize;
use std::io::Write;

#[derive(Debug, Serialize)]
pub struct VersionTable {
    pub name: &'static str,
    pub present: bool,
    pub applied: Vec<String>,
    pub pending: Vec<String>,
    /// Recorded as applied, but not part of this build.
    pub unknown: Vec<String>,
    pub current: Option<String>,
    pub head: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub database: String,
    pub backend: String,
    pub url_source: String,
    pub version_table: VersionTable,
    pub entity_tables: Vec<String>,
    pub database_tables: Vec<String>,
    pub drift: Drift,
    /// What needs action, each with the command that fixes it. Empty means all is well.
    pub problems: Vec<String>,
}

/// Reads everything `check` reports. Read-only: it creates nothing, not even the version table.
pub async fn gather(session: &Session) -> Result<CheckReport, ToolError> {
    let db = &session.db;
    let live = schema_inspect::read_schema(db)
        .await
        .map_err(|e| session.fail(e))?;
    let present = live.tables.contains_key(VERSION_TABLE);
    let rows = applied_revisions(db).await.map_err(|e| session.fail(e))?;
    let known = known_revisions();
    let applied: Vec<String> = known
        .iter()
        .filter(|k| rows.iter().any(|r| &r.version == *k))
        .cloned()
        .collect();
    let pending: Vec<String> = known
        .iter()
        .filter(|k| !applied.contains(k))
        .cloned()
        .collect();
    let unknown: Vec<String> = rows
        .iter()
        .map(|r| r.version.clone())
        .filter(|v| !known.contains(v))
        .collect();

    let entities = entity::registry::tables();
    let mut entity_tables: Vec<String> = entities.iter().map(|t| t.name.clone()).collect();
    entity_tables.sort();
    let database_tables: Vec<String> = live.tables.keys().cloned().collect();
    let drift = schema_inspect::diff(&entities, &live, &[VERSION_TABLE]);

    let mut problems = Vec::new();
    for revision in &unknown {
        problems.push(format!(
            "Can't locate revision '{revision}': recorded as applied but unknown to this build; deploy the matching build or fix the record with `manage-db stamp <revision>`"
        ));
    }
    let adoptable = applied.is_empty() && entity_tables.iter().any(|t| database_tables.contains(t));
    if adoptable {
        problems.push("tables exist but no migration is recorded: adopt them with `manage-db stamp head` (no SQL is run)".into());
    } else if !pending.is_empty() {
        problems.push(format!(
            "{} migration(s) pending: run `manage-db upgrade`",
            pending.len()
        ));
    }
    // While migrations are pending, missing tables are expected; drift means more after that.
    if !drift.is_empty() && (pending.is_empty() || adoptable || !drift.extra_tables.is_empty()) {
        problems.push("the database schema differs from the entities (see Drift): write a migration for the change".into());
    }

    Ok(CheckReport {
        database: session.url.masked().to_owned(),
        backend: session.url.backend().to_string(),
        url_source: session.url.source().to_string(),
        version_table: VersionTable {
            name: VERSION_TABLE,
            present,
            current: applied.last().cloned(),
            head: known.last().cloned(),
            applied,
            pending,
            unknown,
        },
        entity_tables,
        database_tables,
        drift,
        problems,
    })
}

pub async fn run(session: &Session, json: bool, out: &mut dyn Write) -> Result<u8, ToolError> {
    let report = gather(session).await?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &report).map_err(std::io::Error::other)?;
        writeln!(out)?;
    } else {
        render(&report, out)?;
    }
    Ok(if report.problems.is_empty() {
        exit::OK
    } else {
        exit::NEEDS_ATTENTION
    })
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items.join(", ")
    }
}

pub fn render(r: &CheckReport, out: &mut dyn Write) -> std::io::Result<()> {
    let v = &r.version_table;
    writeln!(
        out,
        "Database        {} ({}, from {})",
        r.database, r.backend, r.url_source
    )?;
    writeln!(
        out,
        "Version table   {}: {}",
        v.name,
        if v.present {
            format!(
                "present, {} applied, {} pending",
                v.applied.len(),
                v.pending.len()
            )
        } else {
            "absent (no migration has run)".into()
        }
    )?;
    let at_head = v.current.is_some() && v.current == v.head;
    writeln!(
        out,
        "  current       {}{}",
        v.current.as_deref().unwrap_or("base (nothing applied)"),
        if at_head { " (head)" } else { "" }
    )?;
    writeln!(out, "  applied       {}", list(&v.applied))?;
    writeln!(out, "  pending       {}", list(&v.pending))?;
    if !v.unknown.is_empty() {
        writeln!(out, "  UNKNOWN       {}", list(&v.unknown))?;
    }
    writeln!(
        out,
        "Entity tables ({})\n  {}",
        r.entity_tables.len(),
        list(&r.entity_tables)
    )?;
    writeln!(
        out,
        "Database tables ({})\n  {}",
        r.database_tables.len(),
        list(&r.database_tables)
    )?;
    writeln!(out, "Drift")?;
    writeln!(
        out,
        "  missing tables (entity, no table)   {}",
        list(&r.drift.missing_tables)
    )?;
    writeln!(
        out,
        "  extra tables (table, no entity)     {}",
        list(&r.drift.extra_tables)
    )?;
    if r.drift.changed_tables.is_empty() {
        writeln!(out, "  changed tables                      none")?;
    }
    for t in &r.drift.changed_tables {
        writeln!(out, "  changed table {}", t.table)?;
        if !t.missing_columns.is_empty() {
            writeln!(out, "    missing columns  {}", list(&t.missing_columns))?;
        }
        if !t.extra_columns.is_empty() {
            writeln!(out, "    extra columns    {}", list(&t.extra_columns))?;
        }
        if !t.missing_foreign_keys.is_empty() {
            writeln!(
                out,
                "    missing foreign keys  {}",
                list(&t.missing_foreign_keys)
            )?;
        }
        if !t.extra_foreign_keys.is_empty() {
            writeln!(
                out,
                "    extra foreign keys    {}",
                list(&t.extra_foreign_keys)
            )?;
        }
        for n in &t.nullability {
            writeln!(
                out,
                "    {} is {} in the entity but {} in the database",
                n.column,
                if n.entity_nullable {
                    "nullable"
                } else {
                    "NOT NULL"
                },
                if n.database_nullable {
                    "nullable"
                } else {
                    "NOT NULL"
                }
            )?;
        }
    }
    if r.problems.is_empty() {
        writeln!(
            out,
            "Result: OK, the schema is at head and matches the entities"
        )
    } else {
        writeln!(out, "Result: {} problem(s)", r.problems.len())?;
        for p in &r.problems {
            writeln!(out, "  - {p}")?;
        }
        Ok(())
    }
}

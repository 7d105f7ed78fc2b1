use crate::error::exit;
use crate::session::Session;
use crate::ToolError;
use migration::{version_table, PlanError, Request, Status, VERSION_TABLE};
use schema_inspect::Drift;
use serde::Serialize;
use std::io::Write;

#[derive(Debug, Serialize)]
pub struct VersionTable {
    pub name: &'static str,
    pub present: bool,
    pub applied: Vec<String>,
    pub pending: Vec<String>,
    /// Pending, but older than the newest applied migration (merged out of order).
    pub out_of_order: Vec<String>,
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
    let m = &session.migrations;
    let live = schema_inspect::read_schema(db).await?;
    let rows = version_table::read(db).await?;
    let present = rows.is_some();
    let status = Status::new(m, rows.as_deref().unwrap_or_default());
    let names = |positions: &[usize]| -> Vec<String> {
        positions.iter().map(|&i| m.name(i).to_owned()).collect()
    };

    let entities = entity::registry::tables();
    let mut entity_tables: Vec<String> = entities.iter().map(|t| t.name.clone()).collect();
    entity_tables.sort();
    let database_tables: Vec<String> = live.tables.keys().cloned().collect();
    let drift = schema_inspect::diff(&entities, &live, &migration::BOOKKEEPING_TABLES);

    // What `upgrade` would do: its refusal, if any, is the first thing to fix.
    let mut problems = Vec::new();
    let upgrade = session.runner().preview(&Request::upgrade_to_head()).await;
    let refused = match upgrade {
        Ok(plan) if !plan.is_empty() => {
            problems.push(format!(
                "{} migration(s) pending: run `manage-db upgrade`",
                plan.names(m).len()
            ));
            false
        }
        Ok(_) => false,
        Err(migration::MigrateError::Plan(refusal)) => {
            let text = match &refusal {
                PlanError::OutOfOrder { .. } => format!("{refusal}"),
                PlanError::TablesAlreadyExist { .. } => "tables exist but no migration is recorded: adopt them with `manage-db stamp head` (no SQL is run)".into(),
                _ => refusal.to_string(),
            };
            problems.push(text);
            true
        }
        Err(other) => return Err(other.into()),
    };
    // While migrations are pending, missing tables are expected; drift means more after that.
    if !drift.is_empty() && (status.pending.is_empty() || refused || !drift.extra_tables.is_empty())
    {
        problems.push("the database schema differs from the entities (see Drift): write a migration for the change".into());
    }

    Ok(CheckReport {
        database: session.url.masked().to_owned(),
        backend: session.url.backend().to_string(),
        url_source: session.url.source().to_string(),
        version_table: VersionTable {
            name: VERSION_TABLE,
            present,
            current: status.current.map(|c| m.name(c).to_owned()),
            head: m.head().map(str::to_owned),
            applied: names(&status.applied),
            pending: names(&status.pending),
            out_of_order: names(&status.out_of_order),
            unknown: status.unknown.clone(),
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
    if !v.out_of_order.is_empty() {
        writeln!(out, "  OUT OF ORDER  {}", list(&v.out_of_order))?;
    }
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

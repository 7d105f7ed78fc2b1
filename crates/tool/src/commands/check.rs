use crate::error::exit;
use crate::session::Session;
use crate::ToolError;
use migration::{checksum, version_table, PlanError, Request, Status, VERSION_TABLE};
use schema_model::{possible_renames, Change};
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
    /// What would take the database to the entities, each with both sides.
    pub drift: Vec<Change>,
    /// Things to know that are not drift: other tools' version tables, possible renames.
    pub notes: Vec<String>,
    /// What needs action, each with the command that fixes it. Empty means all is well.
    pub problems: Vec<String>,
}

/// Reads everything `check` reports. Read-only: it creates nothing, not even the version table.
pub async fn gather(session: &Session) -> Result<CheckReport, ToolError> {
    let db = &session.db;
    let m = &session.migrations;
    let mut live = schema_model::live::read(db).await?;
    let rows = version_table::read(db).await?;
    let present = rows.is_some();
    let status = Status::new(m, rows.as_deref().unwrap_or_default());
    let names = |positions: &[usize]| -> Vec<String> {
        positions.iter().map(|&i| m.name(i).to_owned()).collect()
    };

    let entities = entity::registry::read_schema(db).await?;
    let entity_tables: Vec<String> = entities.tables.keys().cloned().collect();
    let database_tables: Vec<String> = live.tables.keys().cloned().collect();
    let mut notes = Vec::new();
    if live.tables.contains_key(migration::STATE_TABLE) {
        notes.push(format!(
            "{}, {} and {} are this tool's bookkeeping: the migrations applied, one row the \
             migrator reads at every start to skip the rest when nothing changed (and to mark a \
             migration that was interrupted), and the checksum of what each applied migration sent",
            VERSION_TABLE,
            migration::STATE_TABLE,
            migration::checksum::CHECKSUM_TABLE
        ));
    }
    for table in migration::BOOKKEEPING_TABLES {
        live.tables.remove(table);
    }
    for (table, tool) in OTHER_TOOLS {
        if live.tables.remove(*table).is_some() {
            notes.push(format!(
                "{table} is the version table of {tool}, not drift: once `check` shows no other \
                 difference, record this schema with `manage-db stamp head`, then drop {table}"
            ));
        }
    }
    for name in schema_model::scratch::abandoned(db).await? {
        notes.push(format!(
            "the scratch database {} was abandoned by a killed `generate`: the next `manage-db \
             generate` drops it (or drop it by hand)",
            schema_model::scratch::describe(&name)
        ));
    }
    let drift = schema_model::diff(&live, &entities);
    for (table, old, new) in possible_renames(&drift) {
        notes.push(format!(
            "{table}.{old} (database) and {table}.{new} (entity) have the same type: this may be \
             a rename, which a diff cannot tell from a drop and an add"
        ));
    }

    // What `upgrade` would do: its refusal, if any, is the first thing to fix.
    let mut problems = Vec::new();
    // A binary older than the checkout's entities would judge the old ones.
    if let Some(checkout) = super::generate::source_checkout() {
        if super::generate::is_stale(&checkout, m)? {
            problems.push(
                "this manage-db was built before the latest changes to the entities or \
                 migrations in this checkout, so this report is about the old ones: rebuild and \
                 check again with `cargo run -p manage-db -- check`"
                    .into(),
            );
        }
    }
    // A migration stopped halfway (MySQL): what it did, what it did not, and the ways out.
    // The drift it leaves is that, not a change to write a migration for.
    let interruption = super::interrupted::examine(session).await?;
    if let Some(cut) = &interruption {
        problems.push(cut.describe());
    }
    // A concurrent index build that failed: the index is unused but slows every write.
    for (index, table) in migration::online::invalid_indexes(db).await? {
        problems.push(format!(
            "index {index} on {table} is INVALID: a CONCURRENTLY build failed or was \
             interrupted; it is not used by queries but is updated by every write\n  hint: \
             `manage-db upgrade` builds it again if a pending online migration builds it; \
             otherwise drop it with `DROP INDEX CONCURRENTLY \"{index}\"` and build it again"
        ));
    }
    // An applied migration edited since it ran: the database did not get what it says now.
    for edit in checksum::verify(db, m, &status.applied).await?.edited {
        problems.push(format!(
            "{}\n  hint: if the change is harmless, accept it with `manage-db rehash {}`; \
             otherwise restore the migration and put the change in a new one",
            edit.describe(),
            edit.name
        ));
    }
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
        Err(migration::MigrateError::Plan(PlanError::Interrupted { .. }))
            if interruption.is_some() =>
        {
            true
        }
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
    let extra_tables = drift.iter().any(|c| matches!(c, Change::DropTable { .. }));
    if !drift.is_empty()
        && interruption.is_none()
        && (status.pending.is_empty() || refused || extra_tables)
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
        notes,
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
    writeln!(out, "Drift (the entities against the database)")?;
    if r.drift.is_empty() {
        writeln!(out, "  none")?;
    }
    for change in &r.drift {
        for line in schema_model::report::describe(change) {
            writeln!(out, "  {line}")?;
        }
    }
    for note in &r.notes {
        writeln!(out, "Note: {note}")?;
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

/// Version tables of other migration tools, and the tool each belongs to.
const OTHER_TOOLS: &[(&str, &str)] = &[
    (
        "alembic_version",
        "Alembic (the Python setup this replaces)",
    ),
    ("flyway_schema_history", "Flyway"),
    ("__diesel_schema_migrations", "Diesel"),
    ("_sqlx_migrations", "sqlx migrate"),
];

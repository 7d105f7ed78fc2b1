//! `manage-db lint [REV…] [--sql FILE]`: the rules of `migration-lint` over the SQL each
//! pending migration (or each named one) sends to PostgreSQL, recorded as `--sql` records it,
//! or over a SQL file a person wrote. With a PostgreSQL database at hand, each finding also
//! says how big its table is. Exits 3 when an error is not waived.

use crate::error::exit;
use crate::session::Session;
use crate::ToolError;
use migration::{Migrations, Request};
use migration_lint::{Finding, Waiver};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// One script to lint: a migration or a file, its SQL, and the waivers its text holds.
struct Script {
    label: String,
    sql: Sql,
    text: String,
}

/// A file a person wrote, or a migration's statements as recorded one by one.
enum Sql {
    Text(String),
    Statements(Vec<String>),
}

/// Lints a SQL file; `session`, if any, gives the tables' sizes.
pub async fn file(
    path: &Path,
    session: Option<&Session>,
    out: &mut dyn Write,
) -> Result<u8, ToolError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ToolError::Refused(format!("cannot read {}: {e}", path.display())))?;
    let script = Script {
        label: path.display().to_string(),
        sql: Sql::Text(text.clone()),
        text,
    };
    report(vec![script], session, out).await
}

/// Lints the named migrations, or (with a session and no names) the pending ones.
pub async fn migrations(
    revisions: &[String],
    m: &Migrations,
    session: Option<&Session>,
    out: &mut dyn Write,
) -> Result<u8, ToolError> {
    let positions: Vec<usize> = if let (true, Some(session)) = (revisions.is_empty(), session) {
        match session
            .runner()
            .preview(&Request::upgrade_to_head())
            .await?
        {
            migration::Plan::Apply(pending) => pending,
            _ => vec![],
        }
    } else {
        revisions
            .iter()
            .map(|r| m.find(r))
            .collect::<Result<_, _>>()?
    };
    if positions.is_empty() {
        writeln!(out, "Nothing to lint: no migration is pending")?;
        return Ok(exit::OK);
    }
    let mut scripts = Vec::new();
    for position in positions {
        scripts.push(script_of(m, position).await?);
    }
    report(scripts, session, out).await
}

/// A migration's SQL as it is sent to PostgreSQL, and its waivers as this build embedded them
/// (the same with or without a source checkout: a deployed binary's gate honours them too).
async fn script_of(m: &Migrations, position: usize) -> Result<Script, ToolError> {
    let name = m.name(position);
    let statements =
        migration::statements_of(DbBackend::Postgres, m.migration(position), true).await?;
    Ok(Script {
        label: name.to_owned(),
        sql: Sql::Statements(statements),
        text: migration::lint_waivers(name).to_owned(),
    })
}

async fn report(
    scripts: Vec<Script>,
    session: Option<&Session>,
    out: &mut dyn Write,
) -> Result<u8, ToolError> {
    let mut blocking = 0;
    let mut all: Vec<(String, Vec<Finding>)> = Vec::new();
    for script in scripts {
        let linted = match &script.sql {
            Sql::Text(sql) => migration_lint::lint(sql),
            Sql::Statements(list) => migration_lint::lint_statements(list),
        };
        let mut findings =
            linted.map_err(|e| ToolError::Refused(format!("{}: {e}", script.label)))?;
        let (waivers, unexplained): (Vec<Waiver>, Vec<String>) =
            migration_lint::waivers(&script.text);
        for rule in unexplained {
            writeln!(
                out,
                "{}: the waiver of {rule} says no reason, so it does not count: write \
                 `lint: allow {rule} -- <why>`",
                script.label
            )?;
        }
        for f in &mut findings {
            f.waive(&waivers);
        }
        blocking += findings.iter().filter(|f| f.is_blocking()).count();
        all.push((script.label, findings));
    }
    let tables: Vec<String> = all
        .iter()
        .flat_map(|(_, f)| f.iter().map(|f| f.table.clone()))
        .collect();
    let sizes = match session {
        Some(s) => table_sizes(&s.db, &tables).await,
        None => BTreeMap::new(),
    };
    let count = all.len();
    for (label, findings) in &all {
        if findings.is_empty() {
            writeln!(out, "{label}: OK")?;
            continue;
        }
        writeln!(out, "{label}:")?;
        for f in findings {
            let size = sizes
                .get(&f.table)
                .map(|s| format!(" ({s})"))
                .unwrap_or_default();
            let level = match (&f.waived, f.severity) {
                (Some(_), _) => "waived",
                (None, migration_lint::Severity::Error) => "ERROR",
                (None, migration_lint::Severity::Warning) => "warning",
            };
            writeln!(out, "  {level} {} on {}{size}", f.rule, f.table)?;
            writeln!(out, "    {}", f.statement)?;
            writeln!(
                out,
                "    lock: {}, which blocks {}",
                f.lock.name(),
                f.lock.blocks()
            )?;
            writeln!(out, "    problem: {}", f.problem)?;
            writeln!(out, "    instead: {}", f.rewrite)?;
            if let Some(why) = &f.waived {
                writeln!(out, "    waived: {why}")?;
            }
        }
    }
    if blocking == 0 {
        writeln!(out, "Result: OK ({count} script(s) linted)")?;
        Ok(exit::OK)
    } else {
        writeln!(
            out,
            "Result: {blocking} error(s) in {count} script(s): rewrite as each says, or waive one \
             with `lint: allow <rule> -- <why>` in the migration"
        )?;
        Ok(exit::NEEDS_ATTENTION)
    }
}

/// What `upgrade` holds the pending migrations' lint findings against.
pub struct Gate {
    pub threshold_rows: u64,
    pub allow_locking: bool,
}

/// Before `upgrade` on PostgreSQL: lints the pending migrations and refuses a blocking finding
/// on a table above the threshold unless locking is allowed; smaller ones are said and pass.
/// At head it costs the one-row read the runner makes anyway.
pub async fn gate(
    session: &Session,
    request: &Request,
    gate: &Gate,
    out: &mut dyn Write,
) -> Result<(), ToolError> {
    let m = &session.migrations;
    if session.db.get_database_backend() != DbBackend::Postgres
        || migration::version_table::at_head_unlocked(&session.db, m).await
    {
        return Ok(());
    }
    let pending = match session.runner().preview(request).await {
        Ok(migration::Plan::Apply(pending)) => pending,
        // A refusal is the runner's to report, with its own words.
        _ => return Ok(()),
    };
    let mut findings = Vec::new();
    for position in pending {
        let script = script_of(m, position).await?;
        let Sql::Statements(statements) = &script.sql else {
            continue;
        };
        let mut found = migration_lint::lint_statements(statements)
            .map_err(|e| ToolError::Refused(format!("{}: {e}", script.label)))?;
        let (waivers, _) = migration_lint::waivers(&script.text);
        for f in &mut found {
            f.waive(&waivers);
        }
        findings.extend(
            found
                .into_iter()
                .filter(Finding::is_blocking)
                .map(|f| (script.label.clone(), f)),
        );
    }
    if findings.is_empty() {
        return Ok(());
    }
    let tables: Vec<String> = findings.iter().map(|(_, f)| f.table.clone()).collect();
    let rows = table_rows(&session.db, &tables).await;
    let mut refused = Vec::new();
    for (label, f) in &findings {
        let size = rows.get(&f.table).copied().unwrap_or(0);
        let line = format!(
            "{label}: {} on {} (about {size} rows): {}
    lock: {}, which blocks {}
    instead: {}",
            f.rule,
            f.table,
            f.statement,
            f.lock.name(),
            f.lock.blocks(),
            f.rewrite
        );
        if size > gate.threshold_rows && !gate.allow_locking {
            refused.push(line);
        } else {
            writeln!(out, "lint: {line}")?;
        }
    }
    if refused.is_empty() {
        return Ok(());
    }
    Err(ToolError::Refused(format!(
        "refusing to upgrade: a pending migration locks a table of more than {} rows:\n  {}\n  \
         hint: nothing was run. Rewrite the migration as each says (`manage-db generate` writes \
         the online forms), waive a rule in it with `lint: allow <rule> -- <why>`, or accept the \
         lock in a quiet hour with `manage-db upgrade --allow-locking`",
        gate.threshold_rows,
        refused.join("\n  ")
    )))
}

/// Estimated rows of each table (pg_class, no scan).
async fn table_rows(db: &sea_orm::DatabaseConnection, tables: &[String]) -> BTreeMap<String, u64> {
    table_stats(db, tables)
        .await
        .into_iter()
        .map(|(name, (rows, _))| (name, rows))
        .collect()
}

/// Rows and size of each table, from PostgreSQL's catalog (estimates, no scan), in words.
async fn table_sizes(
    db: &sea_orm::DatabaseConnection,
    tables: &[String],
) -> BTreeMap<String, String> {
    table_stats(db, tables)
        .await
        .into_iter()
        .map(|(name, (rows, size))| (name, format!("about {rows} rows, {size}")))
        .collect()
}

/// Estimated rows and pretty size of each table, from PostgreSQL's catalog (no scan); nothing on
/// other backends or if the catalog cannot be read.
async fn table_stats(
    db: &sea_orm::DatabaseConnection,
    tables: &[String],
) -> BTreeMap<String, (u64, String)> {
    if db.get_database_backend() != DbBackend::Postgres || tables.is_empty() {
        return BTreeMap::new();
    }
    let sql = "SELECT c.relname::text AS name, GREATEST(c.reltuples, 0)::bigint AS rows, \
               pg_size_pretty(pg_total_relation_size(c.oid)) AS size FROM pg_class c \
               WHERE c.relkind IN ('r', 'p') AND c.relnamespace = ANY(current_schemas(false)::regnamespace[]) \
               AND c.relname = ANY($1)";
    let Ok(rows) = db
        .query_all_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            sql,
            [sea_orm::Value::from(tables.to_vec())],
        ))
        .await
    else {
        return BTreeMap::new();
    };
    rows.iter()
        .filter_map(|r| {
            let name = r.try_get::<String>("", "name").ok()?;
            let count = r.try_get::<i64>("", "rows").ok()?;
            let size = r.try_get::<String>("", "size").ok()?;
            Some((name, (u64::try_from(count).unwrap_or(0), size)))
        })
        .collect()
}

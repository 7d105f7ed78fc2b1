use crate::error::exit;
use crate::session::Session;
use crate::ToolError;
use migration::revision::{applied_count, resolve};
use migration::sea_orm_migration::seaql_migrations;
use migration::{applied_revisions, known_revisions, Migrator, MigratorTrait};
use sea_orm::{ActiveValue, ColumnTrait, EntityTrait, QueryFilter};
use std::io::Write;

/// Makes the version table say exactly "applied up to REV", running no migration.
/// Unlike the other commands it accepts unknown revisions in the table: it is how they get fixed.
pub async fn run(session: &Session, revision: &str, out: &mut dyn Write) -> Result<u8, ToolError> {
    let known = known_revisions();
    let target = applied_count(&resolve(revision, &known).map_err(|e| session.fail(e))?);
    let wanted = &known[..target];

    let lock = session.lock().await?;
    let conn = lock.conn();
    Migrator::install(&conn)
        .await
        .map_err(|e| session.fail(e))?;
    let rows = applied_revisions(&conn)
        .await
        .map_err(|e| session.fail(e))?;
    let remove: Vec<String> = rows
        .iter()
        .map(|r| r.version.clone())
        .filter(|v| !wanted.contains(v))
        .collect();
    let add: Vec<String> = wanted
        .iter()
        .filter(|w| !rows.iter().any(|r| &&r.version == w))
        .cloned()
        .collect();
    if !remove.is_empty() {
        seaql_migrations::Entity::delete_many()
            .filter(seaql_migrations::Column::Version.is_in(remove.clone()))
            .exec(&conn)
            .await
            .map_err(|e| session.fail(e))?;
    }
    let now = chrono::Utc::now().timestamp();
    for version in &add {
        seaql_migrations::Entity::insert(seaql_migrations::ActiveModel {
            version: ActiveValue::Set(version.clone()),
            applied_at: ActiveValue::Set(now),
        })
        .exec(&conn)
        .await
        .map_err(|e| session.fail(e))?;
    }
    lock.release().await.map_err(|e| session.fail(e))?;

    for v in &add {
        writeln!(out, "Recorded {v}")?;
    }
    for v in &remove {
        writeln!(out, "Unrecorded {v}")?;
    }
    let at = wanted.last().map(String::as_str).unwrap_or("base");
    writeln!(out, "Stamped at {at}; no schema change was made")?;
    // Adopting at head claims the schema is what the entities describe: say so if it is not.
    if target == known.len() {
        let live = schema_inspect::read_schema(&session.db)
            .await
            .map_err(|e| session.fail(e))?;
        let drift = schema_inspect::diff(
            &entity::registry::tables(),
            &live,
            &[migration::VERSION_TABLE],
        );
        if !drift.is_empty() {
            writeln!(
                out,
                "warning: the live schema differs from the entities ({} missing table(s), {} extra, {} changed); `manage-db check` shows the details",
                drift.missing_tables.len(),
                drift.extra_tables.len(),
                drift.changed_tables.len()
            )?;
        }
    }
    Ok(exit::OK)
}

//! `upgrade`, `downgrade` and `stamp`: a request, planned and run by the migration core.

use super::confirm::confirm;
use super::history::describe;
use crate::error::exit;
use crate::session::Session;
use crate::ToolError;
use migration::{Plan, Request, Target};
use std::io::Write;

/// Whether running `plan` can lose data, and what to tell the operator before it does.
async fn warning(
    session: &Session,
    request: &Request,
    plan: &Plan,
) -> Result<Option<String>, ToolError> {
    let names = plan.names(&session.migrations).join(", ");
    Ok(match (request, plan) {
        (_, Plan::Revert(steps)) if !steps.is_empty() => {
            let impact = migration::downgrade_impact(&session.db, &session.migrations, plan)
                .await?
                .ensure_unreferenced()?;
            let mut drops = Vec::new();
            if !impact.tables.is_empty() {
                drops.push(format!(
                    "{} table(s) holding {} row(s) in all: {}",
                    impact.tables.len(),
                    impact.rows(),
                    impact.describe_tables()
                ));
            }
            for (column, values) in &impact.columns {
                drops.push(format!("column {column} ({values} value(s))"));
            }
            if !impact.indexes.is_empty() {
                drops.push(format!("index(es) {}", impact.indexes.join(", ")));
            }
            let what = if drops.is_empty() {
                "Their `down` steps drop nothing that holds data.".to_owned()
            } else {
                format!("Their `down` steps drop:\n  - {}", drops.join("\n  - "))
            };
            Some(format!(
                "This reverts {} migration(s) on {}: {names}.\n{what}",
                steps.len(),
                session.url
            ))
        }
        (
            Request::Stamp {
                target: Target::Base,
            },
            Plan::Stamp { unrecord, .. },
        ) if !unrecord.is_empty() => Some(format!(
            "This forgets all {} recorded migration(s) on {} (tables and data are kept); the next \
                 `upgrade` would then try to create every table again.",
            unrecord.len(),
            session.url
        )),
        (_, Plan::Repair {
            version,
            drop_tables,
        }) => Some(format!(
            "This drops what the interrupted migration {version} left on {} (the tables are empty): {}.",
            session.url,
            if drop_tables.is_empty() {
                "nothing but its record".to_owned()
            } else {
                drop_tables.join(", ")
            }
        )),
        _ => None,
    })
}

/// `--sql`: the script the plan would run on this database's backend, refusals included;
/// nothing is run.
pub async fn print_sql(
    session: &Session,
    request: &Request,
    out: &mut dyn Write,
) -> Result<u8, ToolError> {
    let preview = session.runner().preview(request).await?;
    if preview.is_empty() {
        let verb = match preview {
            Plan::Revert(_) => "revert",
            _ => "apply",
        };
        writeln!(out, "-- nothing to {verb}")?;
    } else {
        let backend = sea_orm::ConnectionTrait::get_database_backend(&session.db);
        let script = migration::sql_script(backend, &session.migrations, &preview).await?;
        write!(out, "{script}")?;
    }
    Ok(exit::OK)
}

/// Plans and runs `request` under the lock; a plan that can lose data is confirmed first
/// (`confirmed` is `--yes`).
pub async fn run(
    session: &Session,
    request: &Request,
    confirmed: bool,
    out: &mut dyn Write,
) -> Result<u8, ToolError> {
    let runner = session.runner();
    // An upgrade loses nothing and asks nothing: it plans under the lock only. (A preview
    // outside the lock could see another migrator's half-made MySQL schema.)
    let preview = match request {
        Request::Upgrade { .. } => None,
        _ => match runner.preview(request).await {
            Err(migration::MigrateError::Plan(migration::PlanError::Interrupted { .. })) => {
                return Err(interrupted_refusal(session).await);
            }
            other => Some(other?),
        },
    };
    if let Some(Plan::Stamp { record, .. }) = &preview {
        refuse_stamp_without_tables(session, record).await?;
    }
    // Ask before locking: a lock (on PostgreSQL, an open transaction) must not wait on a person.
    let expected = match &preview {
        Some(preview) => match warning(session, request, preview).await? {
            Some(text) => {
                confirm(&text, confirmed)?;
                Some(preview)
            }
            None => None,
        },
        None => None,
    };
    let outcome = match runner.run(request, expected).await {
        Err(migration::MigrateError::Plan(migration::PlanError::Interrupted { .. })) => {
            return Err(interrupted_refusal(session).await);
        }
        other => other?,
    };
    let names = outcome.plan.names(&session.migrations);
    if outcome.plan.is_empty() {
        writeln!(
            out,
            "Nothing to do: the database is at {}",
            describe(&session.migrations, &outcome.status)
        )?;
        return Ok(exit::OK);
    }
    match &outcome.plan {
        Plan::Apply(_) => names
            .iter()
            .try_for_each(|n| writeln!(out, "Applied {n}"))?,
        Plan::Revert(_) => names
            .iter()
            .try_for_each(|n| writeln!(out, "Reverted {n}"))?,
        Plan::Repair {
            version,
            drop_tables,
        } => {
            drop_tables
                .iter()
                .try_for_each(|t| writeln!(out, "Dropped {t}"))?;
            writeln!(out, "Repaired: {version} is recorded as not applied")?;
        }
        Plan::Stamp { unrecord, .. } => {
            names
                .iter()
                .try_for_each(|n| writeln!(out, "Recorded {n}"))?;
            unrecord
                .iter()
                .try_for_each(|n| writeln!(out, "Unrecorded {n}"))?;
            let at = outcome
                .status
                .current
                .map_or("base", |c| session.migrations.name(c));
            writeln!(out, "Stamped at {at}; no schema change was made")?;
        }
    }
    writeln!(
        out,
        "Now at {}",
        describe(&session.migrations, &outcome.status)
    )?;
    if matches!(outcome.plan, Plan::Stamp { .. })
        && outcome.status.pending.is_empty()
        && outcome.status.current.is_some()
    {
        warn_if_drifted(session, out).await?;
    }
    Ok(exit::OK)
}

/// `stamp` says "these migrations ran": refused where none of the tables they make is there
/// (an empty database would otherwise be recorded at head, and the application would start
/// with no tables).
async fn refuse_stamp_without_tables(session: &Session, record: &[usize]) -> Result<(), ToolError> {
    let Some(&newest) = record.iter().max() else {
        return Ok(());
    };
    let made = crate::replay::history_on_sqlite(Some(newest + 1)).await?;
    let live = crate::replay::read_schema(&session.db).await?;
    let missing: Vec<&String> = made
        .tables
        .keys()
        .filter(|t| !live.tables.contains_key(*t))
        .collect();
    // Some there: an adoption, checked against the entities after it (`warn_if_drifted`).
    if missing.is_empty() || missing.len() < made.tables.len() {
        return Ok(());
    }
    let shown: Vec<&str> = missing.iter().take(8).map(|t| t.as_str()).collect();
    Err(ToolError::Refused(format!(
        "stamp would record {} migration(s) as applied, but {} of the tables they make are not in \
         the database ({}{}): nothing was recorded\n  hint: `manage-db upgrade` creates them; \
         stamp is for a database whose tables were made another way",
        record.len(),
        missing.len(),
        shown.join(", "),
        if missing.len() > shown.len() {
            ", …"
        } else {
            ""
        }
    )))
}

/// Adopting at head claims the schema is what the entities describe: say so if it is not.
async fn warn_if_drifted(session: &Session, out: &mut dyn Write) -> Result<(), ToolError> {
    let mut live = schema_model::live::read(&session.db).await?;
    for table in migration::BOOKKEEPING_TABLES {
        live.tables.remove(table);
    }
    let entities = entity::registry::read_schema(&session.db).await?;
    let drift = schema_model::diff(&live, &entities);
    if !drift.is_empty() {
        writeln!(
            out,
            "warning: the live schema differs from the entities in {} way(s); `manage-db check` shows them",
            drift.len()
        )?;
    }
    Ok(())
}

/// A command refused because a migration was interrupted: the full account, as `check` gives it.
async fn interrupted_refusal(session: &Session) -> ToolError {
    match super::interrupted::examine(session).await {
        Ok(Some(cut)) => ToolError::Refused(cut.describe()),
        Ok(None) => ToolError::Refused("a migration was interrupted; run `manage-db check`".into()),
        Err(e) => e,
    }
}

//! A migration interrupted on a backend whose DDL cannot roll back (MySQL, MariaDB): what it
//! did and what it had still to do, and the two ways out. `repair` undoes what it did (back
//! where it started), `repair --finish` completes it.
//!
//! The journal is the live schema itself, read against the history replayed on a scratch
//! database (the schema before the migration and after it). A row written after each statement
//! could lag one statement behind: MySQL commits each DDL statement by itself, apart from any
//! row, so a kill between the two would leave the row wrong. The schema cannot be wrong. Both
//! ways out are planned by the generator from the live schema to the chosen end, with its
//! safety stops, and run step by step; the version table and the marker are set last.

use crate::scratch::ScratchDb;
use crate::session::Session;
use crate::ToolError;
use migration::sea_orm_migration::SchemaManager;
use migration::{checksum, version_table, ForeignKeyScope, MigrationLock, Request, Runner, Target};
use migration_generator::{Backfill, Options, Side};
use schema_model::{declared, Schema};
use std::io::Write;

/// What an interrupted migration left.
pub struct Interruption {
    pub version: String,
    /// `up` (being applied) or `down` (being reverted).
    pub direction: String,
    /// The revision the run started from, and the one it was going to (`base`: none).
    pub started_at: String,
    pub heading_for: String,
    /// What the migration had changed when it stopped, and what it had still to change.
    pub done: Vec<String>,
    pub remaining: Vec<String>,
    /// Schemas: where the run started, where it was going, and what the database holds.
    start: Schema,
    end: Schema,
    live: Schema,
}

impl Interruption {
    /// The report `check` and every refusal give: the migration, the direction, what is done,
    /// what is not, and the two commands.
    pub fn describe(&self) -> String {
        let list = |items: &[String]| {
            if items.is_empty() {
                "nothing".to_owned()
            } else {
                items.join("; ")
            }
        };
        let verb = if self.direction == "down" {
            "reverted"
        } else {
            "applied"
        };
        format!(
            "migration {} was interrupted while being {verb} (from {} towards {}): this \
             backend's DDL cannot roll back, so it stopped halfway\n  done: {}\n  not done: {}\n  \
             ways out: `manage-db repair` undoes what it did (back to {}); `manage-db repair \
             --finish` completes it (to {})",
            self.version,
            self.started_at,
            self.heading_for,
            list(&self.done),
            list(&self.remaining),
            self.started_at,
            self.heading_for,
        )
    }
}

/// The interrupted migration, if any, with what it did. `None` when nothing is interrupted.
pub async fn examine(session: &Session) -> Result<Option<Interruption>, ToolError> {
    let Some((version, direction)) = version_table::interrupted(&session.db).await? else {
        return Ok(None);
    };
    let m = &session.migrations;
    let Some(position) = m.position(&version) else {
        return Err(ToolError::Refused(format!(
            "migration {version} was interrupted, but this build does not contain it\n  hint: \
             run the build that was migrating (its repair knows what the migration does)"
        )));
    };
    if migration::online::is_online(m.migration(position), session.db.get_database_backend()) {
        // It counts its statements: running the same direction again resumes it.
        return Ok(None);
    }
    settle(session).await?;
    let scratch = ScratchDb::create(session).await?;
    let replayed = replay_around(session, &scratch, position).await;
    scratch.remove(session).await;
    let (before, after) = replayed?;
    let live = crate::replay::read_schema(&session.db).await?;
    let name_before = match position {
        0 => "base".to_owned(),
        p => m.name(p - 1).to_owned(),
    };
    let (start, end, started_at, heading_for) = if direction == "down" {
        (after, before, version.clone(), name_before)
    } else {
        (before, after, name_before, version.clone())
    };
    let words = |from: &Schema, to: &Schema| -> Vec<String> {
        schema_model::diff(from, to)
            .iter()
            .flat_map(schema_model::report::describe)
            .collect()
    };
    Ok(Some(Interruption {
        done: words(&start, &live),
        remaining: words(&live, &end),
        version,
        direction,
        started_at,
        heading_for,
        start,
        end,
        live,
    }))
}

/// Waits until no DDL runs on this database from another session. A killed client's last
/// statement goes on running on the server until it ends (MariaDB notices the client is gone
/// only when it answers), and the migration lock, which lived in the client's other session,
/// is already free: the schema read before that statement ends would be out of date.
async fn settle(session: &Session) -> Result<(), ToolError> {
    use sea_orm::ConnectionTrait;
    if session.db.get_database_backend() != sea_orm::DbBackend::MySql {
        return Ok(());
    }
    let sql = "SELECT COUNT(*) AS n FROM information_schema.processlist \
               WHERE db = DATABASE() AND id <> CONNECTION_ID() AND command <> 'Sleep' \
               AND (info LIKE 'ALTER %' OR info LIKE 'CREATE %' OR info LIKE 'DROP %' \
               OR info LIKE 'RENAME %')";
    let started = std::time::Instant::now();
    loop {
        let running = session
            .db
            .query_one_raw(sea_orm::Statement::from_string(
                sea_orm::DbBackend::MySql,
                sql,
            ))
            .await?
            .map(|r| r.try_get::<i64>("", "n"))
            .transpose()?
            .unwrap_or(0);
        if running == 0 {
            return Ok(());
        }
        if started.elapsed() >= session.lock.timeout {
            return Err(ToolError::Refused(format!(
                "a schema change is still running on this database from another session after \
                 {}s: the interrupted migration's last statement, or another migrator\n  hint: \
                 wait for it (SHOW PROCESSLIST shows it), then run this again",
                session.lock.timeout.as_secs()
            )));
        }
        if started.elapsed() < std::time::Duration::from_millis(150) {
            tracing::warn!("waiting for a schema change still running on the server to end");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// The schemas before and after the migration at `position`, replayed on `scratch`.
async fn replay_around(
    session: &Session,
    scratch: &ScratchDb,
    position: usize,
) -> Result<(Schema, Schema), ToolError> {
    let m = &session.migrations;
    let runner = Runner::new(m, &scratch.db, session.lock.clone());
    if position > 0 {
        runner.run(&upgrade_to(m.name(position - 1)), None).await?;
    }
    let before = crate::replay::read_schema(&scratch.db).await?;
    runner.run(&upgrade_to(m.name(position)), None).await?;
    let after = crate::replay::read_schema(&scratch.db).await?;
    Ok((before, after))
}

fn upgrade_to(name: &str) -> Request {
    Request::Upgrade {
        target: Target::Revision(name.to_owned()),
        allow_out_of_order: false,
    }
}

fn live_side(schema: &Schema, flavour: declared::Flavour) -> Side<'_> {
    Side {
        schema,
        ddl: None,
        flavour,
        types: None,
    }
}

/// Runs the steps, then records `version` as applied or not and clears the marker.
async fn run_locked(
    lock: &MigrationLock<'_>,
    migrations: &migration::Migrations,
    steps: &[migration_generator::Step],
    version: &str,
    recorded_at_end: bool,
) -> Result<(), ToolError> {
    use sea_orm::ConnectionTrait;
    let conn = lock.conn();
    let manager = SchemaManager::new(lock.conn());
    for step in steps {
        step.apply(&manager).await.map_err(|e| {
            ToolError::Refused(format!(
                "repair stopped at a step ({e}); the migration is still marked as interrupted\n  \
                 hint: `manage-db check` shows where it is now; run `manage-db repair` (or \
                 `--finish`) again"
            ))
        })?;
    }
    let is_recorded =
        |rows: Vec<migration::AppliedRevision>| rows.iter().any(|r| r.version == version);
    let recorded = is_recorded(version_table::read(&conn).await?.unwrap_or_default());
    checksum::install(&conn).await?;
    if recorded_at_end && !recorded {
        version_table::record(&conn, version).await?;
        if let Some(position) = migrations.position(version) {
            checksum::record(&conn, migrations, position).await?;
        }
    } else if !recorded_at_end && recorded {
        version_table::unrecord(&conn, version).await?;
        checksum::forget(&conn, version).await?;
    }
    let versions: Vec<String> = version_table::read(&conn)
        .await?
        .unwrap_or_default()
        .into_iter()
        .map(|r| r.version)
        .collect();
    let fingerprint = migrations
        .fingerprint_of(
            conn.get_database_backend(),
            versions.iter().map(String::as_str),
            &[],
        )
        .await?;
    version_table::save_state(&conn, fingerprint).await?;
    Ok(())
}

/// `repair` (undo) or `repair --finish`: plans from the live schema to where the run started
/// (or was going), says what that costs in data and asks, runs it under the migration lock,
/// then records the outcome and clears the marker.
pub async fn repair(
    session: &Session,
    finish: bool,
    backfills: Vec<Backfill>,
    yes: bool,
    out: &mut dyn Write,
) -> Result<u8, ToolError> {
    let Some(cut) = examine(session).await? else {
        return Err(migration::PlanError::NothingToRepair.into());
    };
    let (target, target_name) = if finish {
        (&cut.end, &cut.heading_for)
    } else {
        (&cut.start, &cut.started_at)
    };
    let flavour = declared::flavour(&session.db).await?.ok_or_else(|| {
        ToolError::Refused("repair knows the catalog of MariaDB and MySQL, not this server".into())
    })?;
    // Read from this server and applied to it: its own types, no portable spelling needed.
    let side = |schema| live_side(schema, flavour);
    let options = Options {
        backfills,
        // What is dropped is listed below and confirmed: it is what the way out costs.
        allow_destructive: true,
        ..Options::default()
    };
    let plan = migration_generator::plan(&side(&cut.live), &side(target), &options)?;
    let way = if finish {
        format!("completes {}", cut.version)
    } else {
        format!("undoes what {} did", cut.version)
    };
    let cost = if plan.data_loss.is_empty() {
        "No data is lost.".to_owned()
    } else {
        format!("Data lost:\n  - {}", plan.data_loss.join("\n  - "))
    };
    let changes = if plan.changes.is_empty() {
        "  (the schema is already there: only the record changes)".to_owned()
    } else {
        plan.changes
            .iter()
            .map(|c| format!("  - {c}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    super::confirm::confirm(
        &format!(
            "This {way} on {}, to {target_name}:\n{changes}\n{cost}",
            session.url
        ),
        yes,
    )?;

    let lock = MigrationLock::acquire(&session.db, &session.lock).await?;
    // Under the lock, the schema must still be the one the plan was made from.
    let unchanged = match settle(session).await {
        Ok(()) => crate::replay::read_schema(&session.db)
            .await
            .map(|now| schema_model::diff(&now, &cut.live).is_empty()),
        Err(e) => Err(e),
    };
    if !matches!(unchanged, Ok(true)) {
        lock.abort().await;
        unchanged?;
        return Err(ToolError::Refused(
            "the schema changed while you confirmed: nothing was done\n  hint: run `manage-db \
             check` to see where it is now, then repair again"
                .into(),
        ));
    }
    match run_locked(
        &lock,
        &session.migrations,
        &plan.up,
        &cut.version,
        (cut.direction == "up") == finish,
    )
    .await
    {
        Ok(()) => lock.release(ForeignKeyScope::Nothing).await?,
        Err(e) => {
            lock.abort().await;
            return Err(e);
        }
    }

    // The proof: the database now holds the schema it was taken to.
    let now = crate::replay::read_schema(&session.db).await?;
    let left = schema_model::diff(&now, target);
    if !left.is_empty() {
        return Err(ToolError::Refused(format!(
            "repair ran, but the schema still differs from {target_name}: {}\n  hint: `manage-db \
             check` shows the details",
            left.iter()
                .flat_map(schema_model::report::describe)
                .collect::<Vec<_>>()
                .join("; ")
        )));
    }
    for change in &plan.changes {
        writeln!(out, "  {change}")?;
    }
    writeln!(
        out,
        "Repaired: {} {}; the database is at {target_name}",
        cut.version,
        if finish { "completed" } else { "undone" }
    )?;
    Ok(crate::error::exit::OK)
}

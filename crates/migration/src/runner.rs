//! The one runner: observe the database, plan, execute the plan under the migration lock.
//! Boot, `upgrade`, `downgrade` and `stamp` all go through [`Runner::run`]; `--sql`, `check`
//! and confirmation prompts use [`Runner::preview`], the same plan without the lock.

use crate::lock::ForeignKeyScope;
use crate::plan::{plan, AppliedRevision, DbState, Interrupted, Plan, Request, Status, Target};
use crate::preflight::downgrade_impact;
use crate::preflight::tables_with_rows;
use crate::recorder::{created_table, statements_of, tables_written};
use crate::{version_table, LockOptions, MigrateError, MigrationLock, Migrations};
use sea_orm::sea_query::{Alias, Table};
use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseExecutor, DbBackend};
use sea_orm_migration::SchemaManager;

/// One unit of work of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'p> {
    Apply(usize),
    Revert(usize),
    Record(usize),
    Unrecord(&'p str),
    DropTable(&'p str),
}

impl Plan {
    pub fn steps(&self) -> Vec<Step<'_>> {
        match self {
            Plan::Apply(p) => p.iter().map(|&i| Step::Apply(i)).collect(),
            Plan::Revert(p) => p.iter().map(|&i| Step::Revert(i)).collect(),
            Plan::Stamp { record, unrecord } => unrecord
                .iter()
                .map(|n| Step::Unrecord(n))
                .chain(record.iter().map(|&i| Step::Record(i)))
                .collect(),
            Plan::Repair {
                version,
                drop_tables,
            } => drop_tables
                .iter()
                .map(|t| Step::DropTable(t))
                .chain([Step::Unrecord(version)])
                .collect(),
        }
    }
}

/// What a run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub plan: Plan,
    /// The database afterwards.
    pub status: Status,
}

pub struct Runner<'a> {
    migrations: &'a Migrations,
    db: &'a DatabaseConnection,
    lock: LockOptions,
}

impl<'a> Runner<'a> {
    pub fn new(migrations: &'a Migrations, db: &'a DatabaseConnection, lock: LockOptions) -> Self {
        Self {
            migrations,
            db,
            lock,
        }
    }

    /// What `request` would do now, without taking the lock or changing anything.
    pub async fn preview(&self, request: &Request) -> Result<Plan, MigrateError> {
        let state = observe(self.db, self.migrations, request).await?;
        Ok(plan(self.migrations, &state, request)?)
    }

    /// Takes the lock, plans against what the database holds then, and executes the plan.
    /// With `expected`, refuses if the plan differs from it (the database changed since the
    /// operator confirmed a preview).
    pub async fn run(
        &self,
        request: &Request,
        expected: Option<&Plan>,
    ) -> Result<Outcome, MigrateError> {
        if is_to_head(request) && version_table::at_head_unlocked(self.db, self.migrations).await {
            // Nothing to do, judged from one row without the lock: what a boot costs almost
            // always. A migrator that is running has either not committed (PostgreSQL, SQLite:
            // the row still names the old set) or marked the row in progress (MySQL).
            return Ok(Outcome {
                plan: Plan::Apply(vec![]),
                status: Status::at_head(self.migrations),
            });
        }
        let mut pause = std::time::Duration::from_millis(250);
        for attempt in 0.. {
            let lock = MigrationLock::acquire(self.db, &self.lock).await?;
            match self.run_locked(&lock, request, expected).await {
                Ok(outcome) => {
                    lock.release(self.foreign_keys_changed(&outcome.plan).await)
                        .await?;
                    return Ok(outcome);
                }
                Err(err) if waited_for_a_table_lock(&err) && lock.is_atomic() => {
                    lock.abort().await;
                    if attempt >= self.lock.lock_retries {
                        return Err(MigrateError::TableLockBusy {
                            attempts: attempt + 1,
                            each: self.lock.statement_lock_timeout,
                            detail: err.to_string(),
                        });
                    }
                    tracing::warn!(
                        attempt = attempt + 1,
                        pause_ms = pause.as_millis() as u64,
                        "a migration statement gave up waiting for a table lock; retrying the run"
                    );
                    tokio::time::sleep(pause).await;
                    pause = pause.saturating_mul(2);
                }
                Err(err) => {
                    lock.abort().await;
                    return Err(err);
                }
            }
        }
        unreachable!("the loop returns")
    }

    async fn run_locked(
        &self,
        lock: &MigrationLock<'_>,
        request: &Request,
        expected: Option<&Plan>,
    ) -> Result<Outcome, MigrateError> {
        let conn = lock.conn();
        let to_head = is_to_head(request);
        if to_head && version_table::at_head(&conn, self.migrations).await? {
            // Every known migration is recorded and nothing else: `plan` would apply nothing.
            return Ok(Outcome {
                plan: Plan::Apply(vec![]),
                status: Status::at_head(self.migrations),
            });
        }
        let state = observe(&conn, self.migrations, request).await?;
        let plan = plan(self.migrations, &state, request)?;
        if expected.is_some_and(|e| e != &plan) {
            return Err(MigrateError::PlanChanged);
        }
        downgrade_impact(&conn, self.migrations, &plan)
            .await?
            .ensure_unreferenced()?;
        if !plan.is_empty() {
            tracing::info!(steps = plan.steps().len(), "migrating");
            if matches!(plan, Plan::Apply(_) | Plan::Stamp { .. }) {
                version_table::install(&conn).await?;
            }
        }
        for step in plan.steps() {
            if !lock.is_atomic() {
                // Without transactional DDL a crash leaves a half-made migration: say so first.
                match step {
                    Step::Apply(i) => {
                        version_table::mark_in_progress(&conn, self.migrations.name(i), "up")
                            .await?
                    }
                    Step::Revert(i) => {
                        version_table::mark_in_progress(&conn, self.migrations.name(i), "down")
                            .await?
                    }
                    _ => {}
                }
            }
            execute(&conn, self.migrations, step)
                .await
                .map_err(|e| self.step_error(step, lock.is_atomic(), e))?;
        }
        let rows = rows_after(self.migrations, &state.rows, &plan);
        if !plan.is_empty() || to_head {
            // So that the next boot at head is one row read (see `version_table::at_head`).
            version_table::save_state(&conn, rows.iter().map(|r| r.version.as_str())).await?;
        }
        let status = Status::new(self.migrations, &rows);
        Ok(Outcome { plan, status })
    }

    /// The tables whose foreign keys SQLite must check after `plan` ran: those its statements
    /// wrote, read from the migrations' own code as `--sql` records it.
    async fn foreign_keys_changed(&self, plan: &Plan) -> ForeignKeyScope {
        if self.db.get_database_backend() != DbBackend::Sqlite || plan.is_empty() {
            return ForeignKeyScope::Nothing;
        }
        let mut tables = Vec::new();
        for step in plan.steps() {
            let statements = match step {
                Step::Apply(i) | Step::Revert(i) => {
                    let migration = self.migrations.migration(i);
                    let up = matches!(step, Step::Apply(_));
                    match statements_of(DbBackend::Sqlite, migration, up).await {
                        Ok(statements) => statements,
                        Err(_) => return ForeignKeyScope::Everything,
                    }
                }
                Step::DropTable(table) => {
                    tables.push(table.to_owned());
                    continue;
                }
                Step::Record(_) | Step::Unrecord(_) => continue,
            };
            for statement in statements {
                match tables_written(&statement) {
                    Some(written) => tables.extend(written),
                    None => return ForeignKeyScope::Everything,
                }
            }
        }
        tables.sort();
        tables.dedup();
        ForeignKeyScope::Tables(tables)
    }

    fn step_error(&self, step: Step<'_>, atomic: bool, err: MigrateError) -> MigrateError {
        let (name, direction) = match step {
            Step::Apply(i) => (self.migrations.name(i).to_owned(), "up"),
            Step::Revert(i) => (self.migrations.name(i).to_owned(), "down"),
            Step::Record(i) => (self.migrations.name(i).to_owned(), "record"),
            Step::Unrecord(n) => (n.to_owned(), "unrecord"),
            Step::DropTable(t) => (t.to_owned(), "repair"),
        };
        let source = match err {
            MigrateError::Db(e) => e,
            other => sea_orm::DbErr::Custom(other.to_string()),
        };
        MigrateError::Step {
            name,
            direction,
            aftermath: if atomic {
                "the whole run was rolled back: the database is as it was before"
            } else {
                "DDL is not transactional on this backend: the migrations before it stay applied, \
                 and this one is marked as interrupted; `manage-db check` shows what it left and \
                 `manage-db repair` undoes it"
            },
            source,
        }
    }
}

fn is_to_head(request: &Request) -> bool {
    matches!(
        request,
        Request::Upgrade {
            target: Target::Head,
            ..
        }
    )
}

/// PostgreSQL's `lock_timeout` fired (SQLSTATE 55P03): the run was rolled back whole.
fn waited_for_a_table_lock(err: &MigrateError) -> bool {
    let text = err.to_string();
    text.contains("lock timeout") || text.contains("55P03")
}

/// Reads what the plan needs: the version table, and (only when nothing is recorded and the
/// request may create tables) which of the tables the migrations create already exist.
pub async fn observe<C: ConnectionTrait>(
    conn: &C,
    migrations: &Migrations,
    request: &Request,
) -> Result<DbState, MigrateError> {
    let rows = version_table::read(conn).await?.unwrap_or_default();
    let interrupted = match version_table::interrupted(conn).await? {
        Some((version, direction)) => {
            let leftovers = match migrations.position(&version) {
                Some(i) => {
                    let mut created =
                        tables_created_by(conn.get_database_backend(), migrations, i).await?;
                    created.reverse();
                    tables_with_rows(conn, &created).await?
                }
                None => vec![],
            };
            Some(Interrupted {
                version,
                direction,
                leftovers,
            })
        }
        None => None,
    };
    let existing_tables = if rows.is_empty() && matches!(request, Request::Upgrade { .. }) {
        let created = created_tables(conn.get_database_backend(), migrations).await?;
        version_table::existing_tables(conn, &created).await?
    } else {
        vec![]
    };
    Ok(DbState {
        rows,
        existing_tables,
        interrupted,
    })
}

/// The tables the migrations create, read from their own `up` code.
pub async fn created_tables(
    backend: DbBackend,
    migrations: &Migrations,
) -> Result<Vec<String>, MigrateError> {
    let mut tables = Vec::new();
    for i in 0..migrations.len() {
        tables.extend(tables_created_by(backend, migrations, i).await?);
    }
    tables.sort();
    tables.dedup();
    Ok(tables)
}

/// The tables one migration's `up` creates, in the order it creates them.
async fn tables_created_by(
    backend: DbBackend,
    migrations: &Migrations,
    position: usize,
) -> Result<Vec<String>, MigrateError> {
    Ok(statements_of(backend, migrations.migration(position), true)
        .await?
        .iter()
        .filter_map(|s| created_table(s))
        .collect())
}

/// Runs one step on `conn`: the real database, or a recorder for `--sql`.
pub async fn execute(
    conn: &DatabaseExecutor<'_>,
    migrations: &Migrations,
    step: Step<'_>,
) -> Result<(), MigrateError> {
    let manager = || SchemaManager::new(reborrow(conn));
    match step {
        Step::Apply(i) => {
            tracing::info!(migration = migrations.name(i), "applying");
            migrations.migration(i).up(&manager()).await?;
            version_table::record(conn, migrations.name(i)).await
        }
        Step::Revert(i) => {
            tracing::info!(migration = migrations.name(i), "reverting");
            migrations.migration(i).down(&manager()).await?;
            version_table::unrecord(conn, migrations.name(i)).await
        }
        Step::Record(i) => version_table::record(conn, migrations.name(i)).await,
        Step::Unrecord(name) => version_table::unrecord(conn, name).await,
        Step::DropTable(table) => {
            tracing::info!(table, "dropping what the interrupted migration left");
            let drop = Table::drop()
                .table(Alias::new(table))
                .if_exists()
                .to_owned();
            conn.execute(&drop).await?;
            Ok(())
        }
    }
}

fn reborrow<'c>(conn: &'c DatabaseExecutor<'_>) -> DatabaseExecutor<'c> {
    match conn {
        DatabaseExecutor::Connection(c) => DatabaseExecutor::Connection(c),
        DatabaseExecutor::Transaction(t) => DatabaseExecutor::Transaction(t),
        DatabaseExecutor::OwnedTransaction(t) => DatabaseExecutor::Transaction(t),
    }
}

/// The version table's rows once `plan` has run.
fn rows_after(
    migrations: &Migrations,
    before: &[AppliedRevision],
    plan: &Plan,
) -> Vec<AppliedRevision> {
    let mut rows = before.to_vec();
    for step in plan.steps() {
        match step {
            Step::Apply(i) | Step::Record(i) => rows.push(AppliedRevision {
                version: migrations.name(i).to_owned(),
                applied_at: 0,
            }),
            Step::Revert(i) => rows.retain(|r| r.version != migrations.name(i)),
            Step::Unrecord(name) => rows.retain(|r| r.version != name),
            Step::DropTable(_) => {}
        }
    }
    rows
}

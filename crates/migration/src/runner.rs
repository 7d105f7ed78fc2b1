//! The one runner: observe the database, plan, execute the plan under the migration lock.
//! Boot, `upgrade`, `downgrade` and `stamp` all go through [`Runner::run`]; `--sql`, `check`
//! and confirmation prompts use [`Runner::preview`], the same plan without the lock.

use crate::checksum::{self, Edited};
use crate::lock::ForeignKeyScope;
use crate::online;
use crate::plan::{plan, AppliedRevision, DbState, Interrupted, Plan, Request, Status, Target};
use crate::preflight::downgrade_impact;
use crate::preflight::tables_with_rows;
use crate::recorder::{created_table, statements_of, tables_written};
use crate::{version_table, LockOptions, MigrateError, MigrationLock, Migrations};
use sea_orm::sea_query::{Alias, Table};
use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseExecutor, DbBackend, TransactionTrait};
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

/// What one attempt under the lock came to.
enum Attempt {
    Done(Outcome),
    /// The plan has online steps: take the lock apart from the migrations and plan again.
    NeedsLockApart,
}

/// What a run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub plan: Plan,
    /// The database afterwards.
    pub status: Status,
}

/// What a run does when an applied migration sends other SQL than it did when it ran.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OnEdited {
    /// Refuse, naming the migration and the statements that differ (the default).
    #[default]
    Refuse,
    /// Log the same as a warning and go on; the next start warns again.
    Warn,
}

pub struct Runner<'a> {
    migrations: &'a Migrations,
    db: &'a DatabaseConnection,
    lock: LockOptions,
    on_edited: OnEdited,
}

impl<'a> Runner<'a> {
    pub fn new(migrations: &'a Migrations, db: &'a DatabaseConnection, lock: LockOptions) -> Self {
        Self {
            migrations,
            db,
            lock,
            on_edited: OnEdited::default(),
        }
    }

    pub fn on_edited(mut self, policy: OnEdited) -> Self {
        self.on_edited = policy;
        self
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
        let mut retries = 0;
        // Online steps need the lock held apart from the migrations; found out once planned.
        let mut apart = false;
        loop {
            let lock = if apart {
                MigrationLock::acquire_holding_only(self.db, &self.lock).await?
            } else {
                MigrationLock::acquire(self.db, &self.lock).await?
            };
            match self.run_locked(&lock, request, expected).await {
                Ok(Attempt::Done(outcome)) => {
                    lock.release(self.foreign_keys_changed(&outcome.plan).await)
                        .await?;
                    return Ok(outcome);
                }
                Ok(Attempt::NeedsLockApart) => {
                    lock.abort().await;
                    apart = true;
                }
                // Rolled back whole (atomic), or back to the last step that committed (apart):
                // planning again resumes from there.
                Err(err)
                    if waited_for_a_table_lock(&err)
                        && (lock.is_atomic() || lock.is_held_apart()) =>
                {
                    lock.abort().await;
                    if retries >= self.lock.lock_retries {
                        return Err(MigrateError::TableLockBusy {
                            attempts: retries + 1,
                            each: self.lock.statement_lock_timeout,
                            detail: err.to_string(),
                        });
                    }
                    retries += 1;
                    tracing::warn!(
                        attempt = retries,
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
    }

    async fn run_locked(
        &self,
        lock: &MigrationLock<'_>,
        request: &Request,
        expected: Option<&Plan>,
    ) -> Result<Attempt, MigrateError> {
        let conn = lock.conn();
        let to_head = is_to_head(request);
        if to_head && version_table::at_head(&conn, self.migrations).await? {
            // Every known migration is recorded and nothing else: `plan` would apply nothing.
            return Ok(Attempt::Done(Outcome {
                plan: Plan::Apply(vec![]),
                status: Status::at_head(self.migrations),
            }));
        }
        let state = observe(&conn, self.migrations, request).await?;
        let plan = plan(self.migrations, &state, request)?;
        if expected.is_some_and(|e| e != &plan) {
            return Err(MigrateError::PlanChanged);
        }
        downgrade_impact(&conn, self.migrations, &plan)
            .await?
            .ensure_unreferenced()?;
        if self.has_online_steps(&plan) && !lock.is_held_apart() {
            return Ok(Attempt::NeedsLockApart);
        }
        let kept_edited = if matches!(request, Request::Upgrade { .. }) {
            self.verify_applied(&conn, &state.rows).await?
        } else {
            vec![]
        };
        if !plan.is_empty() {
            tracing::info!(steps = plan.steps().len(), "migrating");
            if matches!(plan, Plan::Apply(_) | Plan::Stamp { .. }) {
                version_table::install(&conn).await?;
            }
            checksum::install(&conn).await?;
        }
        for step in plan.steps() {
            if lock.is_held_apart() {
                self.execute_apart(step).await.map_err(|e| match e {
                    e @ MigrateError::OnlineStep { .. } => e,
                    e => self.step_error(
                        step,
                        "this migration was rolled back; the ones before it in this run were \
                         committed one by one and stay applied",
                        e,
                    ),
                })?;
                continue;
            }
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
            execute(&conn, self.migrations, step).await.map_err(|e| {
                let aftermath = if lock.is_atomic() {
                    "the whole run was rolled back: the database is as it was before"
                } else {
                    "DDL is not transactional on this backend: the migrations before it \
                         stay applied, and this one is marked as interrupted; `manage-db check` \
                         shows what it left and `manage-db repair` undoes it"
                };
                self.step_error(step, aftermath, e)
            })?;
        }
        let rows = rows_after(self.migrations, &state.rows, &plan);
        if !plan.is_empty() || to_head {
            // So that the next boot at head is one row read (see `version_table::at_head`).
            let versions = rows.iter().map(|r| r.version.as_str());
            let fingerprint = self
                .migrations
                .fingerprint_of(conn.get_database_backend(), versions, &kept_edited)
                .await?;
            version_table::save_state(&conn, fingerprint).await?;
        }
        let status = Status::new(self.migrations, &rows);
        Ok(Attempt::Done(Outcome { plan, status }))
    }

    /// Whether `plan` runs an online migration (PostgreSQL only; see [`online`]).
    fn has_online_steps(&self, plan: &Plan) -> bool {
        let backend = self.db.get_database_backend();
        plan.steps().iter().any(|step| match step {
            Step::Apply(i) => online::is_online(self.migrations.migration(*i), backend),
            _ => false,
        })
    }

    /// One step while the lock is held apart: online, or in a transaction of its own.
    async fn execute_apart(&self, step: Step<'_>) -> Result<(), MigrateError> {
        let backend = self.db.get_database_backend();
        match step {
            Step::Apply(i) if online::is_online(self.migrations.migration(i), backend) => {
                online::apply(
                    self.db,
                    self.migrations,
                    i,
                    self.lock.statement_lock_timeout,
                )
                .await
            }
            _ => {
                let txn = self.db.begin().await?;
                txn.execute_unprepared(&format!(
                    "SET LOCAL lock_timeout = '{}ms'",
                    self.lock.statement_lock_timeout.as_millis().max(1)
                ))
                .await?;
                match execute(&DatabaseExecutor::Transaction(&txn), self.migrations, step).await {
                    Ok(()) => Ok(txn.commit().await?),
                    Err(e) => {
                        let _ = txn.rollback().await;
                        Err(e)
                    }
                }
            }
        }
    }

    /// Holds the applied migrations' recorded checksums against the build's. An edited one is
    /// refused (or, told to, warned about and returned); one applied before checksums existed
    /// is adopted: its checksum is recorded now.
    async fn verify_applied(
        &self,
        conn: &DatabaseExecutor<'_>,
        rows: &[AppliedRevision],
    ) -> Result<Vec<String>, MigrateError> {
        let applied = Status::new(self.migrations, rows).applied;
        let verified = checksum::verify(conn, self.migrations, &applied).await?;
        if !verified.unrecorded.is_empty() {
            tracing::info!(
                migrations = verified.unrecorded.len(),
                "recording the checksums of migrations applied before checksums were kept"
            );
            checksum::install(conn).await?;
            for &i in &verified.unrecorded {
                checksum::record(conn, self.migrations, i).await?;
            }
        }
        if verified.edited.is_empty() {
            return Ok(vec![]);
        }
        match self.on_edited {
            OnEdited::Refuse => Err(MigrateError::EditedAfterApply {
                edited: verified.edited,
            }),
            OnEdited::Warn => {
                for edit in &verified.edited {
                    tracing::warn!("{}", edit.describe());
                }
                Ok(verified.edited.into_iter().map(|e| e.name).collect())
            }
        }
    }

    /// Accepts the SQL migration `position` sends now as what it sent when applied: a reviewed,
    /// harmless edit. Returns what differed (`None`: nothing did).
    pub async fn rehash(&self, position: usize) -> Result<Option<Edited>, MigrateError> {
        let name = self.migrations.name(position).to_owned();
        let lock = MigrationLock::acquire(self.db, &self.lock).await?;
        let result = async {
            let conn = lock.conn();
            let rows = version_table::read(&conn).await?.unwrap_or_default();
            if !rows.iter().any(|r| r.version == name) {
                return Err(MigrateError::NotApplied(name.clone()));
            }
            let verified = checksum::verify(&conn, self.migrations, &[position]).await?;
            checksum::install(&conn).await?;
            checksum::record(&conn, self.migrations, position).await?;
            // The others keep what they had: only a warned-about edit can be among them.
            let others: Vec<usize> = Status::new(self.migrations, &rows)
                .applied
                .into_iter()
                .filter(|&i| i != position)
                .collect();
            let still_edited: Vec<String> = checksum::verify(&conn, self.migrations, &others)
                .await?
                .edited
                .into_iter()
                .map(|e| e.name)
                .collect();
            let versions = rows.iter().map(|r| r.version.as_str());
            let fingerprint = self
                .migrations
                .fingerprint_of(conn.get_database_backend(), versions, &still_edited)
                .await?;
            version_table::save_state(&conn, fingerprint).await?;
            Ok(verified.edited.into_iter().next())
        }
        .await;
        match result {
            Ok(edit) => {
                lock.release(ForeignKeyScope::Nothing).await?;
                Ok(edit)
            }
            Err(err) => {
                lock.abort().await;
                Err(err)
            }
        }
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

    fn step_error(
        &self,
        step: Step<'_>,
        aftermath: &'static str,
        err: MigrateError,
    ) -> MigrateError {
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
            aftermath,
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
            let resumable = direction == "up"
                && migrations.position(&version).is_some_and(|i| {
                    online::is_online(migrations.migration(i), conn.get_database_backend())
                });
            Some(Interrupted {
                version,
                direction,
                leftovers,
                resumable,
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
            version_table::record(conn, migrations.name(i)).await?;
            checksum::record(conn, migrations, i).await
        }
        Step::Revert(i) => {
            tracing::info!(migration = migrations.name(i), "reverting");
            migrations.migration(i).down(&manager()).await?;
            version_table::unrecord(conn, migrations.name(i)).await?;
            checksum::forget(conn, migrations.name(i)).await
        }
        Step::Record(i) => {
            version_table::record(conn, migrations.name(i)).await?;
            checksum::record(conn, migrations, i).await
        }
        Step::Unrecord(name) => {
            version_table::unrecord(conn, name).await?;
            checksum::forget(conn, name).await
        }
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

use crate::PlanError;
use sea_orm::DbErr;
use std::time::Duration;

/// Everything migrating can fail with. Driver texts inside may echo connection details: the
/// application's edge scrubs the password once (see `db_config::DbUrl::redact`).
#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    /// The request was refused before anything ran.
    #[error(transparent)]
    Plan(#[from] PlanError),

    #[error(
        "timed out after {}s waiting for the migration lock: another process (probably another replica \
         or a `manage-db` run) is migrating this database{}\n  hint: retry once it finishes, or raise the \
         timeout (MIGRATION_LOCK_TIMEOUT_SECS)", waited.as_secs(),
        holder.as_deref().map(|h| format!("; the lock is {h}")).unwrap_or_default()
    )]
    LockTimeout {
        waited: Duration,
        /// Who holds the lock, where the backend can tell.
        holder: Option<String>,
    },

    #[error(
        "a migration statement waited more than {}ms for a table lock, {attempts} time(s); every \
         attempt was rolled back, nothing changed ({detail})\n  hint: a long transaction holds the \
         table; find it with `SELECT pid, state, xact_start, query FROM pg_stat_activity WHERE \
         xact_start < now() - interval '1 minute'`, let it finish or end it, then retry",
        each.as_millis()
    )]
    TableLockBusy {
        attempts: u32,
        each: Duration,
        detail: String,
    },

    #[error("two migrations are both named '{0}': names must be unique, the version table records them by name")]
    DuplicateMigration(String),

    #[error(
        "the version table {table} cannot be read ({detail}); it is not the table this tool keeps \
         (columns `version`, `applied_at`)\n  hint: if another tool owns a table of that name, rename \
         it; if it is a damaged copy of ours, drop it and adopt the schema with `manage-db stamp head`"
    )]
    VersionTableMalformed { table: &'static str, detail: String },

    #[error(
        "refusing to downgrade: tables outside the ones being dropped still reference them: {}\n  \
         the downgrade would drop {}\n  hint: nothing was changed; drop or re-point those foreign \
         keys first (they are not part of this schema's migrations)",
        references.join(", "), tables
    )]
    DowngradeBlocked {
        references: Vec<String>,
        /// The tables that would go, with their row counts.
        tables: String,
    },

    #[error("the version table changed while waiting (another migrator ran); nothing was done, run the command again")]
    PlanChanged,

    #[error("migration {name} failed ({direction}): {source}\n  {aftermath}")]
    Step {
        name: String,
        direction: &'static str,
        /// What the failure left behind.
        aftermath: &'static str,
        source: DbErr,
    },

    #[error(
        "the migrations left a broken reference ({0}); everything was rolled back\n  hint: \
         a data migration must delete or re-point the rows that reference what it removes"
    )]
    ForeignKeyViolation(String),

    #[error(
        "{}\n  hint: nothing was run. If the change is harmless and reviewed, accept it with \
         `manage-db rehash <name>`; otherwise restore the migration as it was and put the change in \
         a new one (`manage-db generate`). A boot can be told to only warn (on_edited_migration)",
        edited.iter().map(|e| e.describe()).collect::<Vec<_>>().join("\n")
    )]
    EditedAfterApply {
        edited: Vec<crate::checksum::Edited>,
    },

    #[error("{0} is not applied to this database: only an applied migration has a checksum to accept\n  hint: `manage-db history` lists what is applied")]
    NotApplied(String),

    #[error(
        "migration {name} ({direction}) stopped at its online statement {number} of {total}: \
         {statement}\n  {source}{}\n  the statements before it committed and are counted: running \
         the same command again resumes from this one (`manage-db check` shows where it stands)",
        if note.is_empty() { String::new() } else { format!("\n  {note}") }
    )]
    OnlineStep {
        name: String,
        direction: &'static str,
        number: usize,
        total: usize,
        statement: String,
        /// What the failure left, e.g. an INVALID index.
        note: String,
        source: Box<DbErr>,
    },

    #[error("database error: {0}")]
    Db(#[from] DbErr),
}

impl MigrateError {
    /// A refusal from the plan (as opposed to a failure while running).
    pub fn as_plan(&self) -> Option<&PlanError> {
        match self {
            MigrateError::Plan(p) => Some(p),
            _ => None,
        }
    }
}

/// A backend sea-orm knows and this crate was not written for.
pub(crate) fn unsupported(backend: sea_orm::DbBackend, ctx: &'static str) -> DbErr {
    DbErr::BackendNotSupported {
        db: backend.as_str(),
        ctx,
    }
}

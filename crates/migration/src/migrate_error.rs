use sea_orm::DbErr;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    #[error(
        "Can't locate revision '{revision}': the version table records it as applied, but this build \
         has no such migration (newest known: {newest}).\n  hint: the database was migrated by a newer \
         build or the table was edited by hand; deploy the matching build, or record the real state \
         with `manage-db stamp <revision>`"
    )]
    UnknownRevision { revision: String, newest: String },

    #[error(
        "tables already exist but no migration is recorded as applied: {}\n  hint: if this schema was \
         created by hand or by another tool, adopt it without running SQL: `manage-db stamp head`; \
         otherwise drop those tables first", tables.join(", ")
    )]
    TablesAlreadyExist { tables: Vec<String> },

    #[error(
        "timed out after {}s waiting for the migration lock: another process (probably another replica \
         or a `manage-db` run) is migrating this database\n  hint: retry once it finishes, or raise the \
         timeout (MIGRATION_LOCK_TIMEOUT_SECS)", waited.as_secs()
    )]
    LockTimeout { waited: Duration },

    #[error("cannot use the migration lock file {path}: {source}")]
    LockFile {
        path: String,
        source: std::io::Error,
    },

    #[error("unknown revision '{0}': expected a migration name (or unique prefix), `head` or `base`; `manage-db history` lists them")]
    NoSuchRevision(String),

    #[error("revision prefix '{prefix}' is ambiguous: it matches {}", matches.join(", "))]
    AmbiguousRevision {
        prefix: String,
        matches: Vec<String>,
    },

    #[error("database error: {0}")]
    Db(#[from] DbErr),
}

//! Embedded schema migrations.
//!
//! An application embeds [`Migrator`] and calls either the plain sea-orm entry point
//! `Migrator::up(&db, None)`, or [`migrate_on_boot`], which adds what a fleet needs: a
//! migration lock so replicas starting together migrate once, and checks that refuse to run
//! against a database this build does not understand (see [`MigrateError`]).

mod boot;
mod ledger;
mod lock;
mod migrate_error;
mod migrations;
pub mod revision;
mod sql_preview;

pub use boot::{migrate_on_boot, BootOptions, BootReport};
pub use ledger::{applied_revisions, check_known, ensure_adoptable, AppliedRevision};
pub use lock::{LockOptions, MigrationLock};
pub use migrate_error::MigrateError;
pub use migrations::m20261124_000001_create_schema::TABLES_IN_ORDER;
pub use sea_orm_migration::{self, MigrationTrait, MigratorTrait};
pub use sql_preview::{sql_script, Direction};

/// The table in which applied migrations are recorded.
pub const VERSION_TABLE: &str = "seaql_migrations";

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![Box::new(
            migrations::m20261124_000001_create_schema::Migration,
        )]
    }
}

/// Names of all migrations this build knows, oldest first.
pub fn known_revisions() -> Vec<String> {
    Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .collect()
}

//! Embedded schema migrations, and the one core that runs them.
//!
//! An application embeds [`Migrator`] and calls either the plain sea-orm entry point
//! `Migrator::up(&db, None)`, or [`migrate_on_boot`], which adds what a fleet needs: a
//! migration lock so replicas starting together migrate once, one transaction per run where
//! the backend allows it, and refusals instead of surprises (see [`PlanError`]).
//!
//! The path from a request to SQL is always the same: [`runner::observe`] reads the version
//! table, [`plan()`] (pure) decides, [`Runner`] executes the plan's steps under the lock, and
//! `--sql` records the same steps instead of sending them ([`sql_script`]).

mod boot;
pub mod checksum;
mod error;
mod history;
mod lock;
mod migrations;
pub mod online;
pub mod plan;
mod preflight;
mod recorder;
pub use recorder::statements_of;
pub mod runner;
pub mod schema_change;
mod sql_script;
pub mod version_table;

pub use boot::{migrate_on_boot, migrate_to_head, BootOptions, BootReport};
pub use error::MigrateError;
pub use history::Migrations;
pub use lock::{ForeignKeyScope, LockOptions, MigrationLock};
pub use plan::{
    plan, AppliedRevision, DbState, Interrupted, Plan, PlanError, Request, Status, Target,
};
pub use preflight::{downgrade_impact, DowngradeImpact};
pub use runner::{OnEdited, Outcome, Runner};
pub use sea_orm_migration::{self, MigrationTrait, MigratorTrait};
pub use sql_script::sql_script;
pub use version_table::{BOOKKEEPING_TABLES, STATE_TABLE, VERSION_TABLE};

/// The build's migrations for sea-orm's own entry points (`Migrator::up(&db, None)`).
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        migrations::all()
    }
}

include!(concat!(env!("OUT_DIR"), "/waivers.rs"));

/// The `lint: allow <rule> -- <why>` lines of migration `name`'s source, as this build
/// embedded them (empty if none): what `lint` and `upgrade`'s gate waive, with or without a
/// source checkout beside the binary.
pub fn lint_waivers(name: &str) -> &'static str {
    WAIVERS
        .iter()
        .find(|(migration, _)| *migration == name)
        .map_or("", |(_, lines)| lines)
}

/// The build's migrations, ready to plan with.
pub fn migrations() -> Result<Migrations, MigrateError> {
    Ok(Migrations::of::<Migrator>()?.of_this_build())
}

/// The build's view of a database, read-only: `None` when the version table is missing.
pub async fn status<C: sea_orm::ConnectionTrait>(
    db: &C,
    migrations: &Migrations,
) -> Result<Option<Status>, MigrateError> {
    Ok(version_table::read(db)
        .await?
        .map(|rows| Status::new(migrations, &rows)))
}

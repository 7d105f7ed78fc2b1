//! The application's boot-time entry point.

use crate::{LockOptions, MigrateError, Migrations, Request, Runner, Target};
use sea_orm::DatabaseConnection;

#[derive(Debug, Clone, Default)]
pub struct BootOptions {
    pub lock: LockOptions,
    /// Apply a pending migration that is older than the newest applied one (two branches
    /// merged out of order). Off by default: boot refuses and names both.
    pub allow_out_of_order: bool,
    /// An applied migration whose SQL changed since it ran: refused by default (the error
    /// names it and the statements that differ), or only logged.
    pub on_edited_migration: crate::OnEdited,
}

/// What a boot-time migration did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BootReport {
    /// Migrations applied by this call (empty when another replica got there first).
    pub applied: Vec<String>,
    /// The newest applied migration afterwards.
    pub current: Option<String>,
}

/// Brings the schema to head, safely: under the migration lock, refusing unknown revisions,
/// unrecorded tables and out-of-order migrations. At head it costs the lock and two small
/// queries.
pub async fn migrate_on_boot(
    db: &DatabaseConnection,
    options: &BootOptions,
) -> Result<BootReport, MigrateError> {
    migrate_to_head(&crate::migrations()?, db, options).await
}

/// [`migrate_on_boot`] for any list of migrations.
pub async fn migrate_to_head(
    migrations: &Migrations,
    db: &DatabaseConnection,
    options: &BootOptions,
) -> Result<BootReport, MigrateError> {
    let request = Request::Upgrade {
        target: Target::Head,
        allow_out_of_order: options.allow_out_of_order,
    };
    let outcome = Runner::new(migrations, db, options.lock.clone())
        .on_edited(options.on_edited_migration)
        .run(&request, None)
        .await?;
    Ok(BootReport {
        applied: outcome
            .plan
            .names(migrations)
            .into_iter()
            .map(str::to_owned)
            .collect(),
        current: outcome
            .status
            .current
            .map(|c| migrations.name(c).to_owned()),
    })
}

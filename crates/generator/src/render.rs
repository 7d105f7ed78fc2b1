//! The migration file: a pure function of the plan (golden-file tested), formatted as
//! rustfmt would leave it.

use crate::plan::MigrationPlan;
use crate::step::Step;

/// What the file says about itself, beyond the plan.
pub struct Header<'a> {
    pub message: &'a str,
    /// Where the "before" schema came from, e.g. "the migrations replayed on SQLite".
    pub compared_with: &'a str,
    /// Lint's waivers, as [`crate::review::waiver_lines`] writes them.
    pub waivers: &'a [String],
}

fn body(steps: &[Step]) -> String {
    steps.iter().map(|s| s.code("        ")).collect()
}

fn comment_list(title: &str, lines: &[String]) -> String {
    if lines.is_empty() {
        return String::new();
    }
    let mut out = format!("//!\n//! {title}\n");
    for line in lines {
        out.push_str(&format!("//! - {line}\n"));
    }
    out
}

/// The whole file for `plan`.
pub fn migration_file(header: &Header, plan: &MigrationPlan) -> String {
    let mut doc = format!(
        "//! {}\n//!\n//! Written by `manage-db generate` from the entities, compared with {}.\n//! Review it before you upgrade: `manage-db upgrade --sql` shows the SQL.\n",
        header.message.trim(),
        header.compared_with
    );
    doc.push_str(&comment_list(
        "The differences it resolves, as `manage-db check` words them:",
        &plan.changes,
    ));
    doc.push_str(&comment_list(
        "DATA LOSS (generated with --allow-destructive): `up` destroys",
        &plan.data_loss,
    ));
    doc.push_str(&comment_list(
        "Rows already there get, in the required columns `up` adds:",
        &plan.backfills,
    ));
    doc.push_str(&comment_list(
        "`down` cannot give back the values `up` drops; the rows get, in the required columns \
         it adds back:",
        &plan.refills,
    ));
    doc.push_str(&comment_list(
        "`down` cannot add back these required columns to a table that has rows (their values \
         are gone, and no one value fits every row): on such a table it stops with nothing \
         changed.",
        &plan.irreversible,
    ));
    doc.push_str(&comment_list(
        "Dropped and added, NOT renamed (a rename would keep the data: generate again with \
         --rename OLD=NEW):",
        &plan.unconfirmed_renames,
    ));
    if plan.online {
        doc.push_str(
            "//!\n//! Online on PostgreSQL (`use_transaction` is `Some(false)`): its changes to tables that\n//! already hold rows take forms that do not block reads and writes for long (indexes built\n//! CONCURRENTLY, foreign keys added NOT VALID then validated, UNIQUE through a concurrent\n//! index, NOT NULL through a validated check). Each statement commits on its own; the runner\n//! counts them, so a failed or killed run resumes where it stopped. `down` is one transaction.\n//! SQLite and MySQL run it as any other migration.\n",
        );
    }
    doc.push_str(&comment_list(
        "Type changes that REWRITE the table on PostgreSQL (reads and writes wait meanwhile):",
        &plan.rewrites,
    ));
    if !plan.online && !plan.indexes_on_existing_tables.is_empty() {
        doc.push_str(&comment_list(
            "Indexes on tables that already hold rows. PostgreSQL blocks writes to the table while \
             it builds one, and `CREATE INDEX CONCURRENTLY` cannot run inside the migration's \
             transaction (which also holds the migration lock). On a large table, build it \
             beforehand with `CREATE INDEX CONCURRENTLY` under the same name: this migration then \
             finds it and skips it.",
            &plan.indexes_on_existing_tables,
        ));
    }
    doc.push_str(&comment_list(
        "Lint findings this migration accepts, each with its reason (`manage-db lint` reads them):",
        header.waivers,
    ));
    let uses_helpers = [&plan.up, &plan.down]
        .iter()
        .any(|steps| steps.iter().any(needs_helpers));
    let helpers = if uses_helpers {
        "use crate::schema_change::*;\n"
    } else {
        ""
    };
    let online = if plan.online {
        "    fn use_transaction(&self) -> Option<bool> {\n        // Online on PostgreSQL: see the note above.\n        Some(false)\n    }\n\n"
    } else {
        ""
    };
    format!(
        "{doc}\n{helpers}use sea_orm_migration::prelude::*;\n\n#[derive(DeriveMigrationName)]\npub struct Migration;\n\n#[async_trait::async_trait]\nimpl MigrationTrait for Migration {{\n{online}    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {{\n{}        Ok(())\n    }}\n\n    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {{\n{}        Ok(())\n    }}\n}}\n",
        body(&plan.up),
        body(&plan.down)
    )
}

/// A hand-written migration's starting point (`generate --empty`).
pub fn empty_file(message: &str) -> String {
    format!(
        "//! {}\n//!\n//! Written by `manage-db generate --empty`: a data migration to fill in by hand. It runs\n//! in the same transaction as the rest of the upgrade on PostgreSQL and SQLite.\n\nuse sea_orm_migration::prelude::*;\n\n#[derive(DeriveMigrationName)]\npub struct Migration;\n\n#[async_trait::async_trait]\nimpl MigrationTrait for Migration {{\n    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {{\n        let db = manager.get_connection();\n        // e.g. db.execute_unprepared(\"UPDATE users SET role = 'counselor' WHERE role = ''\").await?;\n        let _ = db;\n        Ok(())\n    }}\n\n    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {{\n        let _ = manager;\n        Ok(())\n    }}\n}}\n",
        message.trim()
    )
}

fn needs_helpers(step: &Step) -> bool {
    match step {
        Step::CreateIndex { .. }
        | Step::DropIndexUsing { .. }
        | Step::RequirePgvector
        | Step::ArrayToVector { .. }
        | Step::VectorTo { .. }
        | Step::DropIndex {
            constraint: true, ..
        }
        | Step::Rebuild { .. }
        | Step::CreateKeyIndex { .. }
        | Step::Guarded { .. }
        | Step::DropCheck { .. }
        | Step::AddCheck { .. }
        | Step::CreateEnum { .. }
        | Step::DropEnum(_)
        | Step::DropForeignKey { .. }
        | Step::DropKeyIndex { .. }
        | Step::Require { .. }
        | Step::FillNulls { .. }
        | Step::PerBackend { .. }
        | Step::DropDefault { .. }
        | Step::Online { .. }
        | Step::ReplacePrimaryKey { .. } => true,
        Step::AlterColumn {
            drop_default,
            retype,
            ..
        } => *drop_default || *retype,
        _ => false,
    }
}

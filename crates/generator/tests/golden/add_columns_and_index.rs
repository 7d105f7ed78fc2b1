//! add nickname and active to users
//!
//! Written by `manage-db generate` from the entities, compared with the existing migrations replayed on Postgres.
//! Review it before you upgrade: `manage-db upgrade --sql` shows the SQL.
//!
//! The differences it resolves, as `manage-db check` words them:
//! - users.nickname: column missing from the database (entity: character varying(40), nullable)
//! - users.active: column missing from the database (entity: boolean, NOT NULL)
//! - users: unique index (email) missing from the database
//!
//! Online on PostgreSQL (`use_transaction` is `Some(false)`): its changes to tables that
//! already hold rows take forms that do not block reads and writes for long (indexes built
//! CONCURRENTLY, foreign keys added NOT VALID then validated, UNIQUE through a concurrent
//! index, NOT NULL through a validated check). Each statement commits on its own; the runner
//! counts them, so a failed or killed run resumes where it stopped. `down` is one transaction.
//! SQLite and MySQL run it as any other migration.

use crate::schema_change::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        // Online on PostgreSQL: see the note above.
        Some(false)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        require_unique(manager, "users", &["email"]).await?;
        manager.alter_table(
            Table::alter()
                .table(Alias::new("users"))
                .add_column(ColumnDef::new(Alias::new("nickname")).string_len(40).null())
                .to_owned(),
        ).await?;
        manager.alter_table(
            Table::alter()
                .table(Alias::new("users"))
                .add_column(ColumnDef::new(Alias::new("active")).boolean().not_null().default(true))
                .to_owned(),
        ).await?;
        if is_postgres(manager) {
            create_index_concurrently(manager, Index::create().name("uq_users_email").table(Alias::new("users")).col(Alias::new("email")).unique().to_owned()).await?;
        } else {
            create_index_if_missing(manager, "users", "uq_users_email", Index::create().name("uq_users_email").table(Alias::new("users")).col(Alias::new("email")).unique().to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if is_sqlite(manager) {
            rebuild_sqlite_table(
                manager,
                Table::create()
                    .table(Alias::new("users"))
                    .col(ColumnDef::new(Alias::new("id")).uuid().not_null())
                    .col(ColumnDef::new(Alias::new("email")).string_len(64).not_null())
                    .col(ColumnDef::new(Alias::new("notes")).text().null())
                    .primary_key(Index::create().col(Alias::new("id")))
                    .to_owned(),
                &[("id", "id"), ("email", "email"), ("notes", "notes")],
                vec![
                ],
            )
            .await?;
        } else {
            drop_unique_constraint(manager, "users", "uq_users_email", &["email"]).await?;
            manager.alter_table(
                Table::alter()
                    .table(Alias::new("users"))
                    .drop_column(Alias::new("nickname"))
                    .to_owned(),
            ).await?;
            manager.alter_table(
                Table::alter()
                    .table(Alias::new("users"))
                    .drop_column(Alias::new("active"))
                    .to_owned(),
            ).await?;
        }
        Ok(())
    }
}

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
//! Indexes on tables that already hold rows. PostgreSQL blocks writes to the table while it builds one, and `CREATE INDEX CONCURRENTLY` cannot run inside the migration's transaction (which also holds the migration lock). On a large table, build it beforehand with `CREATE INDEX CONCURRENTLY` under the same name: this migration then finds it and skips it.
//! - users (email)

use crate::schema_change::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
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
        create_index_if_missing(manager, "users", "uq_users_email", Index::create().name("uq_users_email").table(Alias::new("users")).col(Alias::new("email")).unique().to_owned()).await?;
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

//! add age to users
//!
//! Written by `manage-db generate` from the entities, compared with the existing migrations replayed on Postgres.
//! Review it before you upgrade: `manage-db upgrade --sql` shows the SQL.
//!
//! The differences it resolves, as `manage-db check` words them:
//! - users.age: column missing from the database (entity: integer, NOT NULL)
//!
//! Rows already there get, in the required columns `up` adds:
//! - users.age = 18

use crate::schema_change::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if is_sqlite(manager) {
            manager.alter_table(
                Table::alter()
                    .table(Alias::new("users"))
                    .add_column(ColumnDef::new(Alias::new("age")).integer().not_null().default(18i64))
                    .to_owned(),
            ).await?;
            rebuild_sqlite_table(
                manager,
                Table::create()
                    .table(Alias::new("users"))
                    .col(ColumnDef::new(Alias::new("id")).uuid().not_null())
                    .col(ColumnDef::new(Alias::new("email")).string_len(64).not_null())
                    .col(ColumnDef::new(Alias::new("notes")).text().null())
                    .col(ColumnDef::new(Alias::new("age")).integer().not_null())
                    .primary_key(Index::create().col(Alias::new("id")))
                    .to_owned(),
                &[("id", "id"), ("email", "email"), ("notes", "notes"), ("age", "age")],
                vec![
                ],
            )
            .await?;
        } else {
            manager.alter_table(
                Table::alter()
                    .table(Alias::new("users"))
                    .add_column(ColumnDef::new(Alias::new("age")).integer().not_null().default(18i64))
                    .to_owned(),
            ).await?;
            drop_default(manager, "users", "age").await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(
            Table::alter()
                .table(Alias::new("users"))
                .drop_column(Alias::new("age"))
                .to_owned(),
        ).await?;
        Ok(())
    }
}

//! cascade reports with users
//!
//! Written by `manage-db generate` from the entities, compared with the existing migrations replayed on Postgres.
//! Review it before you upgrade: `manage-db upgrade --sql` shows the SQL.
//!
//! The differences it resolves, as `manage-db check` words them:
//! - reports.title: type text in the entity, character varying(80) in the database
//! - reports.title: DEFAULT 'untitled'::text in the entity, no default in the database
//! - reports.user_id → users: ON DELETE CASCADE in the entity, SET NULL in the database

use crate::schema_change::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if is_sqlite(manager) {
            rebuild_sqlite_table(
                manager,
                Table::create()
                    .table(Alias::new("reports"))
                    .col(ColumnDef::new(Alias::new("id")).uuid().not_null())
                    .col(ColumnDef::new(Alias::new("user_id")).uuid().null())
                    .col(ColumnDef::new(Alias::new("title")).text().not_null().default("untitled"))
                    .primary_key(Index::create().col(Alias::new("id")))
                    .foreign_key(ForeignKey::create().name("fk_reports_user_id").from_tbl(Alias::new("reports")).to_tbl(Alias::new("users")).from_col(Alias::new("user_id")).to_col(Alias::new("id")).on_delete(ForeignKeyAction::Cascade).on_update(ForeignKeyAction::Cascade))
                    .to_owned(),
                &[("id", "id"), ("user_id", "user_id"), ("title", "title")],
                vec![
                    Index::create().name("idx_reports_user_id").table(Alias::new("reports")).col(Alias::new("user_id")).to_owned(),
                ],
            )
            .await?;
        } else {
            drop_foreign_key_on(manager, "reports", "fk_reports_user_id", &["user_id"]).await?;
            cast_column(manager, "reports", ColumnDef::new(Alias::new("title")).text().not_null().default("untitled")).await?;
            manager.alter_table(
                Table::alter()
                    .table(Alias::new("reports"))
                    .modify_column(ColumnDef::new(Alias::new("title")).text().not_null().default("untitled"))
                    .to_owned(),
            ).await?;
            manager.create_foreign_key(ForeignKey::create().name("fk_reports_user_id").from_tbl(Alias::new("reports")).to_tbl(Alias::new("users")).from_col(Alias::new("user_id")).to_col(Alias::new("id")).on_delete(ForeignKeyAction::Cascade).on_update(ForeignKeyAction::Cascade).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        require_max_length(manager, "reports", "title", 80).await?;
        if is_sqlite(manager) {
            rebuild_sqlite_table(
                manager,
                Table::create()
                    .table(Alias::new("reports"))
                    .col(ColumnDef::new(Alias::new("id")).uuid().not_null())
                    .col(ColumnDef::new(Alias::new("user_id")).uuid().null())
                    .col(ColumnDef::new(Alias::new("title")).string_len(80).not_null())
                    .primary_key(Index::create().col(Alias::new("id")))
                    .foreign_key(ForeignKey::create().name("fk_reports_user_id").from_tbl(Alias::new("reports")).to_tbl(Alias::new("users")).from_col(Alias::new("user_id")).to_col(Alias::new("id")).on_delete(ForeignKeyAction::SetNull).on_update(ForeignKeyAction::Cascade))
                    .to_owned(),
                &[("id", "id"), ("user_id", "user_id"), ("title", "title")],
                vec![
                    Index::create().name("idx_reports_user_id").table(Alias::new("reports")).col(Alias::new("user_id")).to_owned(),
                ],
            )
            .await?;
        } else {
            drop_foreign_key_on(manager, "reports", "fk_reports_user_id", &["user_id"]).await?;
            cast_column(manager, "reports", ColumnDef::new(Alias::new("title")).string_len(80).not_null()).await?;
            manager.alter_table(
                Table::alter()
                    .table(Alias::new("reports"))
                    .modify_column(ColumnDef::new(Alias::new("title")).string_len(80).not_null())
                    .to_owned(),
            ).await?;
            drop_default(manager, "reports", "title").await?;
            manager.create_foreign_key(ForeignKey::create().name("fk_reports_user_id").from_tbl(Alias::new("reports")).to_tbl(Alias::new("users")).from_col(Alias::new("user_id")).to_col(Alias::new("id")).on_delete(ForeignKeyAction::SetNull).on_update(ForeignKeyAction::Cascade).to_owned()).await?;
        }
        Ok(())
    }
}

//! add reports, drop legacy notes
//!
//! Written by `manage-db generate` from the entities, compared with the existing migrations replayed on Postgres.
//! Review it before you upgrade: `manage-db upgrade --sql` shows the SQL.
//!
//! The differences it resolves, as `manage-db check` words them:
//! - reports: table missing from the database (an entity defines it)
//! - legacy_notes: table in the database that no entity defines
//!
//! DATA LOSS (generated with --allow-destructive): `up` destroys
//! - table legacy_notes and every row in it

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(
            Table::create()
                .table(Alias::new("reports"))
                .col(ColumnDef::new(Alias::new("id")).uuid().not_null())
                .col(ColumnDef::new(Alias::new("user_id")).uuid().null())
                .primary_key(Index::create().col(Alias::new("id")))
                .foreign_key(ForeignKey::create().name("fk_reports_user_id").from_tbl(Alias::new("reports")).to_tbl(Alias::new("users")).from_col(Alias::new("user_id")).to_col(Alias::new("id")).on_delete(ForeignKeyAction::SetNull).on_update(ForeignKeyAction::Cascade))
                .to_owned(),
        ).await?;
        manager.create_index(Index::create().name("idx_reports_user_id").table(Alias::new("reports")).col(Alias::new("user_id")).to_owned()).await?;
        manager.drop_table(Table::drop().table(Alias::new("legacy_notes")).to_owned()).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(
            Table::create()
                .table(Alias::new("legacy_notes"))
                .col(ColumnDef::new(Alias::new("id")).uuid().not_null())
                .col(ColumnDef::new(Alias::new("email")).string_len(64).not_null())
                .col(ColumnDef::new(Alias::new("notes")).text().null())
                .primary_key(Index::create().col(Alias::new("id")))
                .to_owned(),
        ).await?;
        manager.drop_table(Table::drop().table(Alias::new("reports")).to_owned()).await?;
        Ok(())
    }
}

//! Creates the 17 tables of the counselling records and the RAG knowledge base.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in tables() {
            manager.create_table(table).await?;
        }
        for index in indexes() {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Children first; dropping a table drops its indexes with it.
        for name in TABLES_IN_ORDER.iter().rev() {
            manager
                .drop_table(Table::drop().table(Alias::new(*name)).to_owned())
                .await?;
        }
        Ok(())
    }
}

/// Creation order: every table after the tables it references.
const TABLES_IN_ORDER: [&str; 17] = [
    "users",
    "visitors",
    "cases",
    "sessions",
    "reports",
    "jobs",
    "reminders",
    "agents",
    "agent_versions",
    "datasources",
    "documents",
    "chunks",
    "embeddings",
    "collections",
    "collection_items",
    "chat_logs",
    "pipeline_runs",
];

fn id() -> ColumnDef {
    pk_uuid(Alias::new("id"))
}

fn created_at() -> ColumnDef {
    timestamp_with_time_zone(Alias::new("created_at"))
        .default(Expr::current_timestamp())
        .take()
}

fn updated_at() -> ColumnDef {
    timestamp_with_time_zone(Alias::new("updated_at"))
        .default(Expr::current_timestamp())
        .take()
}

/// A 32-character status/role column (the entities store enums as strings).
fn label(name: &str) -> ColumnDef {
    string_len(Alias::new(name), 32)
}

fn c(name: &str) -> Alias {
    Alias::new(name)
}

/// `table.column` references `target.id`.
fn fk(
    table: &str,
    column: &str,
    target: &str,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_{column}"))
        .from(c(table), c(column))
        .to(c(target), c("id"))
        .on_delete(on_delete)
        .on_update(ForeignKeyAction::Cascade)
        .to_owned()
}

fn create(name: &str) -> TableCreateStatement {
    Table::create().table(c(name)).col(id()).to_owned()
}

use ForeignKeyAction::{Cascade, Restrict, SetNull};

fn tables() -> Vec<TableCreateStatement> {
    vec![
        create("users")
            .col(string_len_uniq(c("email"), 255))
            .col(string(c("hashed_password")))
            .col(string(c("full_name")))
            .col(label("role"))
            .col(boolean(c("is_active")).default(true))
            .col(created_at())
            .col(updated_at())
            .to_owned(),
        create("visitors")
            .col(uuid(c("counselor_id")))
            .col(string(c("name")))
            .col(string_null(c("email")))
            .col(string_null(c("phone")))
            .col(text_null(c("notes")))
            .col(created_at())
            .col(updated_at())
            .foreign_key(&mut fk("visitors", "counselor_id", "users", Restrict))
            .to_owned(),
        create("cases")
            .col(uuid(c("visitor_id")))
            .col(uuid(c("counselor_id")))
            .col(label("status"))
            .col(string(c("title")))
            .col(text_null(c("summary")))
            .col(timestamp_with_time_zone(c("opened_at")))
            .col(timestamp_with_time_zone_null(c("closed_at")))
            .col(created_at())
            .col(updated_at())
            .foreign_key(&mut fk("cases", "visitor_id", "visitors", Cascade))
            .foreign_key(&mut fk("cases", "counselor_id", "users", Restrict))
            .to_owned(),
        create("sessions")
            .col(uuid(c("case_id")))
            .col(label("status"))
            .col(timestamp_with_time_zone(c("scheduled_at")))
            .col(timestamp_with_time_zone_null(c("started_at")))
            .col(timestamp_with_time_zone_null(c("ended_at")))
            .col(text_null(c("notes")))
            .col(text_null(c("transcript")))
            .col(created_at())
            .col(updated_at())
            .foreign_key(&mut fk("sessions", "case_id", "cases", Cascade))
            .to_owned(),
        create("reports")
            .col(uuid(c("case_id")))
            .col(uuid_null(c("session_id")))
            .col(label("kind"))
            .col(label("status"))
            .col(json_binary(c("content")))
            .col(created_at())
            .col(updated_at())
            .foreign_key(&mut fk("reports", "case_id", "cases", Cascade))
            .foreign_key(&mut fk("reports", "session_id", "sessions", SetNull))
            .to_owned(),
        create("jobs")
            .col(string_len(c("kind"), 64))
            .col(label("status"))
            .col(json_binary(c("payload")))
            .col(json_binary_null(c("result")))
            .col(text_null(c("error")))
            .col(integer(c("attempts")).default(0))
            .col(integer(c("max_attempts")).default(3))
            .col(timestamp_with_time_zone(c("run_after")).default(Expr::current_timestamp()))
            .col(timestamp_with_time_zone_null(c("started_at")))
            .col(timestamp_with_time_zone_null(c("finished_at")))
            .col(created_at())
            .col(updated_at())
            .to_owned(),
        create("reminders")
            .col(uuid(c("user_id")))
            .col(uuid_null(c("case_id")))
            .col(timestamp_with_time_zone(c("remind_at")))
            .col(text(c("message")))
            .col(boolean(c("done")).default(false))
            .col(created_at())
            .col(updated_at())
            .foreign_key(&mut fk("reminders", "user_id", "users", Cascade))
            .foreign_key(&mut fk("reminders", "case_id", "cases", Cascade))
            .to_owned(),
        create("agents")
            .col(uuid(c("owner_id")))
            .col(string(c("name")))
            .col(string_len_uniq(c("slug"), 128))
            .col(text_null(c("description")))
            .col(created_at())
            .col(updated_at())
            .foreign_key(&mut fk("agents", "owner_id", "users", Restrict))
            .to_owned(),
        create("agent_versions")
            .col(uuid(c("agent_id")))
            .col(integer(c("version")))
            .col(json_binary(c("config")))
            .col(created_at())
            .foreign_key(&mut fk("agent_versions", "agent_id", "agents", Cascade))
            .to_owned(),
        create("datasources")
            .col(string(c("name")))
            .col(label("kind"))
            .col(text(c("uri")))
            .col(json_binary(c("config")))
            .col(created_at())
            .col(updated_at())
            .to_owned(),
        create("documents")
            .col(uuid_null(c("datasource_id")))
            .col(string(c("title")))
            .col(text(c("content")))
            .col(string_len(c("content_hash"), 64))
            .col(json_binary(c("metadata")))
            .col(created_at())
            .col(updated_at())
            .foreign_key(&mut fk(
                "documents",
                "datasource_id",
                "datasources",
                SetNull,
            ))
            .to_owned(),
        create("chunks")
            .col(uuid(c("document_id")))
            .col(integer(c("ordinal")))
            .col(text(c("text")))
            .col(integer(c("token_count")))
            .col(created_at())
            .foreign_key(&mut fk("chunks", "document_id", "documents", Cascade))
            .to_owned(),
        create("embeddings")
            .col(uuid(c("chunk_id")))
            .col(string_len(c("model"), 128))
            .col(integer(c("dimensions")))
            .col(blob(c("vector")))
            .col(created_at())
            .foreign_key(&mut fk("embeddings", "chunk_id", "chunks", Cascade))
            .to_owned(),
        create("collections")
            .col(uuid(c("owner_id")))
            .col(string(c("name")))
            .col(text_null(c("description")))
            .col(created_at())
            .col(updated_at())
            .foreign_key(&mut fk("collections", "owner_id", "users", Cascade))
            .to_owned(),
        create("collection_items")
            .col(uuid(c("collection_id")))
            .col(uuid(c("document_id")))
            .col(created_at())
            .foreign_key(&mut fk(
                "collection_items",
                "collection_id",
                "collections",
                Cascade,
            ))
            .foreign_key(&mut fk(
                "collection_items",
                "document_id",
                "documents",
                Cascade,
            ))
            .to_owned(),
        create("chat_logs")
            .col(uuid(c("agent_id")))
            .col(uuid_null(c("user_id")))
            .col(text(c("question")))
            .col(text(c("answer")))
            .col(json_binary(c("sources")))
            .col(integer(c("latency_ms")))
            .col(created_at())
            .foreign_key(&mut fk("chat_logs", "agent_id", "agents", Cascade))
            .foreign_key(&mut fk("chat_logs", "user_id", "users", SetNull))
            .to_owned(),
        create("pipeline_runs")
            .col(uuid_null(c("datasource_id")))
            .col(uuid_null(c("agent_version_id")))
            .col(label("status"))
            .col(timestamp_with_time_zone_null(c("started_at")))
            .col(timestamp_with_time_zone_null(c("finished_at")))
            .col(json_binary(c("stats")))
            .col(text_null(c("error")))
            .col(created_at())
            .col(updated_at())
            .foreign_key(&mut fk(
                "pipeline_runs",
                "datasource_id",
                "datasources",
                SetNull,
            ))
            .foreign_key(&mut fk(
                "pipeline_runs",
                "agent_version_id",
                "agent_versions",
                SetNull,
            ))
            .to_owned(),
    ]
}

/// `(table, columns, unique)`: every foreign key, the columns a backend filters and sorts by,
/// and the composite uniqueness rules.
const INDEXES: &[(&str, &[&str], bool)] = &[
    ("users", &["role"], false),
    ("users", &["created_at"], false),
    ("visitors", &["counselor_id"], false),
    ("visitors", &["created_at"], false),
    ("cases", &["visitor_id"], false),
    ("cases", &["counselor_id", "status"], false),
    ("cases", &["status"], false),
    ("cases", &["created_at"], false),
    ("sessions", &["case_id", "scheduled_at"], false),
    ("sessions", &["status"], false),
    ("sessions", &["created_at"], false),
    ("reports", &["case_id"], false),
    ("reports", &["session_id"], false),
    ("reports", &["status"], false),
    ("reports", &["created_at"], false),
    ("jobs", &["status", "run_after"], false),
    ("jobs", &["kind"], false),
    ("jobs", &["created_at"], false),
    ("reminders", &["user_id", "done", "remind_at"], false),
    ("reminders", &["case_id"], false),
    ("reminders", &["remind_at"], false),
    ("agents", &["owner_id"], false),
    ("agent_versions", &["agent_id", "version"], true),
    ("datasources", &["kind"], false),
    ("documents", &["datasource_id"], false),
    ("documents", &["content_hash"], false),
    ("documents", &["created_at"], false),
    ("chunks", &["document_id", "ordinal"], true),
    ("embeddings", &["chunk_id", "model"], true),
    ("collections", &["owner_id"], false),
    ("collection_items", &["collection_id", "document_id"], true),
    ("collection_items", &["document_id"], false),
    ("chat_logs", &["agent_id", "created_at"], false),
    ("chat_logs", &["user_id"], false),
    ("chat_logs", &["created_at"], false),
    ("pipeline_runs", &["datasource_id"], false),
    ("pipeline_runs", &["agent_version_id"], false),
    ("pipeline_runs", &["status"], false),
    ("pipeline_runs", &["created_at"], false),
];

fn indexes() -> Vec<IndexCreateStatement> {
    INDEXES
        .iter()
        .map(|(table, columns, unique)| {
            let prefix = if *unique { "uq" } else { "idx" };
            let mut index = Index::create();
            index
                .name(format!("{prefix}_{table}_{}", columns.join("_")))
                .table(c(table));
            for column in *columns {
                index.col(c(column));
            }
            if *unique {
                index.unique();
            }
            index.to_owned()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_foreign_key_of_the_entities_leads_an_index() {
        for table in entity::registry::tables() {
            for fk in &table.foreign_keys {
                let indexed = INDEXES.iter().any(|(t, cols, _)| {
                    *t == table.name && cols.first() == Some(&fk.column.as_str())
                });
                assert!(
                    indexed,
                    "{}.{} (→ {}) has no index",
                    table.name, fk.column, fk.references
                );
            }
        }
    }

    #[test]
    fn creates_the_tables_in_the_declared_order() {
        let created: Vec<String> = tables()
            .iter()
            .filter_map(|t| match t.get_table_name() {
                Some(sea_query::TableRef::Table(name, _)) => Some(name.1.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(created, TABLES_IN_ORDER.to_vec());
    }

    #[test]
    fn tables_are_created_after_the_tables_they_reference() {
        for table in entity::registry::tables() {
            let pos = |name: &str| TABLES_IN_ORDER.iter().position(|t| *t == name);
            let own = pos(&table.name).unwrap_or_else(|| panic!("{} is not created", table.name));
            for fk in &table.foreign_keys {
                let parent = pos(&fk.references)
                    .unwrap_or_else(|| panic!("{} is not created", fk.references));
                assert!(
                    parent < own,
                    "{} is created before its parent {}",
                    table.name,
                    fk.references
                );
            }
        }
    }
}

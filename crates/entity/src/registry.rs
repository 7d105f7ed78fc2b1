//! What the entities define, as plain data: table names and their columns. The drift check
//! compares this with the live database, so it must be derived from the entities themselves,
//! never written out by hand.

use schema_model::{SchemaDdl, TableDdl};
use sea_orm::{
    ColumnTrait, EntityTrait, IdenStatic, Identity, Iterable, RelationTrait, RelationType,
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnSpec {
    pub name: String,
    pub nullable: bool,
}

/// `table.column` references `references.id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignKeySpec {
    pub column: String,
    pub references: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSpec {
    pub name: String,
    pub columns: Vec<ColumnSpec>,
    pub foreign_keys: Vec<ForeignKeySpec>,
}

pub(crate) fn spec<E: EntityTrait + Default>() -> TableSpec
where
    E::Relation: Iterable,
{
    let foreign_keys = E::Relation::iter()
        .map(|r| r.def())
        // `belongs_to` is the non-owning side of a has-one: the side that holds the key.
        .filter(|def| def.rel_type == RelationType::HasOne && !def.is_owner)
        .filter_map(|def| match (&def.from_col, &def.to_tbl) {
            (Identity::Unary(col), sea_orm::sea_query::TableRef::Table(target, _)) => {
                Some(ForeignKeySpec {
                    column: col.to_string(),
                    references: target.1.to_string(),
                })
            }
            _ => None,
        })
        .collect();
    TableSpec {
        name: E::default().table_name().to_owned(),
        columns: E::Column::iter()
            .map(|c| ColumnSpec {
                name: c.as_str().to_owned(),
                nullable: c.def().is_null(),
            })
            .collect(),
        foreign_keys,
    }
}

/// Every table the entities define, in the order of the one entity list (`lib.rs`).
pub fn tables() -> Vec<TableSpec> {
    crate::all_tables()
}

/// What `sea_orm::Schema` makes of one entity.
pub(crate) struct EntityDdl {
    table: String,
    create: sea_orm::sea_query::TableCreateStatement,
    indexes: Vec<sea_orm::sea_query::IndexCreateStatement>,
}

impl EntityDdl {
    pub(crate) fn of<E: EntityTrait>(entity: E, schema: &sea_orm::Schema) -> Self {
        EntityDdl {
            table: entity.table_name().to_owned(),
            create: schema.create_table_from_entity(entity),
            indexes: schema.create_index_from_entity(entity),
        }
    }
}

/// Indexes over several columns that are not unique: no entity attribute can declare them.
const COMPOSITE_INDEXES: &[(&str, &[&str])] = &[
    ("cases", &["counselor_id", "status"]),
    ("sessions", &["case_id", "scheduled_at"]),
    ("jobs", &["status", "run_after"]),
    ("reminders", &["user_id", "done", "remind_at"]),
    ("chat_logs", &["agent_id", "created_at"]),
];

/// The schema the entities describe, on `backend`: each table (after the tables it references)
/// with its indexes. What `check` compares the database with, and what a shadow would create.
pub fn schema_ddl(backend: sea_orm::DbBackend) -> SchemaDdl {
    use sea_orm::sea_query::{Alias, Index};
    let schema = sea_orm::Schema::new(backend);
    let mut pending = crate::all_statements(&schema);
    let specs = tables();
    let references = |table: &str| -> Vec<String> {
        specs
            .iter()
            .find(|t| t.name == table)
            .map(|t| {
                t.foreign_keys
                    .iter()
                    .map(|f| f.references.clone())
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut ddl = SchemaDdl::default();
    while !pending.is_empty() {
        // The first entity whose parents all exist (or that references only itself); if none
        // is ready (a cycle), the first one, which the backend will then report.
        let ready = pending
            .iter()
            .position(|e| {
                references(&e.table)
                    .iter()
                    .all(|r| *r == e.table || ddl.tables.iter().any(|t| t.name() == *r))
            })
            .unwrap_or(0);
        let entity = pending.remove(ready);
        let mut indexes = entity.indexes;
        for (table, columns) in COMPOSITE_INDEXES.iter().filter(|(t, _)| *t == entity.table) {
            let mut index = Index::create();
            index
                .name(format!("idx-{table}-{}", columns.join("-")))
                .table(Alias::new(*table));
            for column in *columns {
                index.col(Alias::new(*column));
            }
            indexes.push(index);
        }
        ddl.tables.push(TableDdl {
            create: entity.create,
            indexes,
        });
    }
    ddl.postgres.extensions.push("vector".into());
    ddl.postgres
        .indexes
        .push(("embeddings".into(), crate::embedding::vector_index()));
    ddl
}

/// The entities' schema as the server behind `db` spells it, to compare with
/// `schema_model::live::read` (rendered without DDL where the server's spellings are known).
pub async fn read_schema(
    db: &sea_orm::DatabaseConnection,
) -> Result<schema_model::Schema, sea_orm::DbErr> {
    let backend = sea_orm::ConnectionTrait::get_database_backend(db);
    schema_model::declared::read(db, &schema_ddl(backend)).await
}

/// The SQL of [`schema_ddl`]: every table, then every index.
pub fn schema_sql(backend: sea_orm::DbBackend) -> Vec<String> {
    schema_ddl(backend).sql(backend)
}

/// Just the table names, in creation order.
pub fn table_names() -> Vec<String> {
    tables().into_iter().map(|t| t.name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defines_the_seventeen_tables_each_with_id_and_created_at() {
        let tables = tables();
        assert_eq!(tables.len(), 17);
        let mut names = table_names();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 17, "table names must be unique");
        for t in &tables {
            let cols: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
            assert!(cols.contains(&"id"), "{} has no id", t.name);
            assert!(cols.contains(&"created_at"), "{} has no created_at", t.name);
        }
    }

    #[test]
    fn foreign_keys_come_from_belongs_to_relations() {
        let cases = tables().into_iter().find(|t| t.name == "cases").unwrap();
        let mut fks: Vec<(String, String)> = cases
            .foreign_keys
            .iter()
            .map(|f| (f.column.clone(), f.references.clone()))
            .collect();
        fks.sort();
        assert_eq!(
            fks,
            vec![
                ("counselor_id".into(), "users".into()),
                ("visitor_id".into(), "visitors".into())
            ]
        );
        let total: usize = tables().iter().map(|t| t.foreign_keys.len()).sum();
        assert_eq!(total, 20);
    }

    #[test]
    fn optional_fields_are_nullable_columns() {
        let reminders = tables()
            .into_iter()
            .find(|t| t.name == "reminders")
            .unwrap();
        let case_id = reminders
            .columns
            .iter()
            .find(|c| c.name == "case_id")
            .unwrap();
        let user_id = reminders
            .columns
            .iter()
            .find(|c| c.name == "user_id")
            .unwrap();
        assert!(case_id.nullable);
        assert!(!user_id.nullable);
    }
}

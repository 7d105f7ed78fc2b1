//! A schema as `CREATE` statements (sea-query's, as SeaORM builds them from entities): what
//! [`crate::declared`] renders into a [`crate::Schema`] and [`crate::shadow`] runs.

use crate::model::Index;
use sea_orm::sea_query::{IndexCreateStatement, TableCreateStatement, TableRef};
use sea_orm::DbBackend;

/// One table and the indexes created after it.
#[derive(Debug, Clone)]
pub struct TableDdl {
    pub create: TableCreateStatement,
    pub indexes: Vec<IndexCreateStatement>,
}

impl TableDdl {
    pub fn name(&self) -> String {
        self.create
            .get_table_name()
            .and_then(table_ref_name)
            .unwrap_or_default()
    }
}

/// Tables in creation order (each after the tables it references).
#[derive(Debug, Clone, Default)]
pub struct SchemaDdl {
    pub tables: Vec<TableDdl>,
    /// What exists on PostgreSQL only: the extensions the schema needs, and the indexes
    /// sea-query cannot declare (pgvector's HNSW, say).
    pub postgres: PostgresOnly,
}

/// The part of a schema only PostgreSQL holds.
#[derive(Debug, Clone, Default)]
pub struct PostgresOnly {
    /// Extensions, created `IF NOT EXISTS` before the tables (`vector`).
    pub extensions: Vec<String>,
    /// `(table, index)`: indexes with an access method, operator classes or parameters.
    pub indexes: Vec<(String, Index)>,
}

impl SchemaDdl {
    /// The SQL that creates this schema on `backend`: every table, then every index.
    pub fn sql(&self, backend: DbBackend) -> Vec<String> {
        let postgres = backend == DbBackend::Postgres;
        let extensions = self
            .postgres
            .extensions
            .iter()
            .filter(|_| postgres)
            .map(|e| format!("CREATE EXTENSION IF NOT EXISTS \"{e}\""));
        let tables = self
            .tables
            .iter()
            .map(|t| backend.build(&t.create).to_string());
        let indexes = self
            .tables
            .iter()
            .flat_map(|t| t.indexes.iter().map(|i| backend.build(i).to_string()));
        let method_indexes = self
            .postgres
            .indexes
            .iter()
            .filter(|_| postgres)
            .map(|(table, index)| create_index_sql(table, index, false));
        extensions
            .chain(tables)
            .chain(indexes)
            .chain(method_indexes)
            .collect()
    }
}

/// PostgreSQL's `CREATE [UNIQUE] INDEX [CONCURRENTLY] … [USING method] (column opclass, …)
/// [WITH (…)] [WHERE …]` for `index`: what sea-query cannot spell.
pub fn create_index_sql(table: &str, index: &Index, concurrently: bool) -> String {
    let quote = |name: &str| format!("\"{}\"", name.replace('"', "\"\""));
    let columns: Vec<String> = index
        .columns
        .iter()
        .enumerate()
        .map(
            |(k, column)| match index.opclasses.get(k).filter(|o| !o.is_empty()) {
                Some(opclass) => format!("{} {opclass}", quote(column)),
                None => quote(column),
            },
        )
        .collect();
    let mut sql = format!(
        "CREATE {}INDEX {}{} ON {}",
        if index.unique { "UNIQUE " } else { "" },
        if concurrently { "CONCURRENTLY " } else { "" },
        quote(&index.name),
        quote(table)
    );
    if let Some(method) = &index.method {
        sql.push_str(&format!(" USING {method}"));
    }
    sql.push_str(&format!(" ({})", columns.join(", ")));
    if !index.with.is_empty() {
        let params: Vec<String> = index
            .with
            .iter()
            .map(|p| p.replacen('=', " = ", 1))
            .collect();
        sql.push_str(&format!(" WITH ({})", params.join(", ")));
    }
    if let Some(predicate) = &index.predicate {
        sql.push_str(&format!(" WHERE {predicate}"));
    }
    sql
}

/// The bare name of a table reference (without schema or alias); `None` for a subquery.
pub fn table_ref_name(table: &TableRef) -> Option<String> {
    match table {
        TableRef::Table(name, _) => Some(name.1.to_string()),
        _ => None,
    }
}

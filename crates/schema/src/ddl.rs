//! A schema as `CREATE` statements (sea-query's, as SeaORM builds them from entities): what
//! [`crate::declared`] renders into a [`crate::Schema`] and [`crate::shadow`] runs.

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
}

impl SchemaDdl {
    /// The SQL that creates this schema on `backend`: every table, then every index.
    pub fn sql(&self, backend: DbBackend) -> Vec<String> {
        let tables = self.tables.iter().map(|t| backend.build(&t.create));
        let indexes = self
            .tables
            .iter()
            .flat_map(|t| t.indexes.iter().map(|i| backend.build(i)));
        tables.chain(indexes).map(|s| s.to_string()).collect()
    }
}

/// The bare name of a table reference (without schema or alias); `None` for a subquery.
pub fn table_ref_name(table: &TableRef) -> Option<String> {
    match table {
        TableRef::Table(name, _) => Some(name.1.to_string()),
        _ => None,
    }
}

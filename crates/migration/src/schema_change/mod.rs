//! What generated migrations call besides SeaORM's `SchemaManager`: the schema changes whose
//! SQL differs per backend in more than spelling, the checks of the rows a change needs, and
//! the guards of a migration planned from a live database. `manage-db generate` verifies a
//! migration by running these same functions on a scratch database before it writes the file;
//! a generated file reaches them all with `use crate::schema_change::*`.
//!
//! - [`keys`]: primary, unique and foreign keys, and MySQL's own index of a foreign key;
//! - [`definitions`]: column types (with PostgreSQL's casts), defaults, checks, enum types;
//! - [`rebuild`]: SQLite's table rebuild;
//! - [`rows`]: what the rows must meet before a change (checked first, naming the rows);
//! - [`guards`]: whether an object is there (`has_*`);
//! - [`online`]: PostgreSQL's online forms of changes to a table that holds rows;
//! - [`vectors`]: pgvector (the extension, `vector(N)` columns, HNSW and IVFFlat indexes).

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement, Value};
use sea_orm_migration::prelude::*;

pub mod definitions;
pub mod guards;
pub mod keys;
pub mod online;
pub mod rebuild;
pub mod rows;
pub mod vectors;

pub use definitions::*;
pub use guards::*;
pub use keys::*;
pub use online::*;
pub use rebuild::*;
pub use rows::*;
pub use vectors::*;

/// Whether the migration runs on SQLite, which changes a column only by rebuilding its table.
pub fn is_sqlite(manager: &SchemaManager<'_>) -> bool {
    manager.get_database_backend() == DbBackend::Sqlite
}

/// Whether the migration runs on PostgreSQL, where changes to tables that hold rows take their
/// online forms (see [`online`]).
pub fn is_postgres(manager: &SchemaManager<'_>) -> bool {
    manager.get_database_backend() == DbBackend::Postgres
}

/// An identifier quoted for `backend`.
fn quote(backend: DbBackend, name: &str) -> String {
    match backend {
        DbBackend::MySql => format!("`{}`", name.replace('`', "``")),
        _ => format!("\"{}\"", name.replace('"', "\"\"")),
    }
}

/// A string literal for `backend`.
fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The catalog condition "in the current database/schema" for a query over
/// `information_schema`-like views on PostgreSQL and MySQL.
fn this_schema(backend: DbBackend) -> &'static str {
    match backend {
        DbBackend::Postgres => "current_schema()",
        _ => "DATABASE()",
    }
}

/// The first column of the first row of `sql` as a number; `None` on a connection that
/// returns no rows (the one `--sql` records through, where nothing can be known).
async fn first_number(
    manager: &SchemaManager<'_>,
    sql: &str,
    values: Vec<Value>,
) -> Result<Option<i64>, DbErr> {
    let backend = manager.get_database_backend();
    let row = manager
        .get_connection()
        .query_one_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?;
    row.map(|r| r.try_get_by_index::<i64>(0)).transpose()
}

/// How many rows `sql` (a count) finds; none where nothing can be known (`--sql`).
async fn count(manager: &SchemaManager<'_>, sql: String) -> Result<i64, DbErr> {
    Ok(first_number(manager, &sql, vec![]).await?.unwrap_or(0))
}

/// Whether `sql` (a count) finds something; `None` where nothing can be known (`--sql`).
async fn probe(manager: &SchemaManager<'_>, sql: String) -> Result<Option<bool>, DbErr> {
    Ok(first_number(manager, &sql, vec![]).await?.map(|n| n > 0))
}

/// What a by-columns query binds: the table (as PostgreSQL's `to_regclass` reads it) and the
/// columns, joined by commas.
fn by_columns(backend: DbBackend, table: &str, columns: &[&str]) -> Vec<Value> {
    let table = match backend {
        DbBackend::Postgres => quote(backend, table),
        _ => table.to_owned(),
    };
    vec![table.into(), columns.join(",").into()]
}

/// PostgreSQL: the columns of an index (`x`), in key order, joined by commas.
const PG_INDEX_COLUMNS: &str = "(SELECT string_agg(a.attname::text, ',' ORDER BY k.ord) \
     FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) \
     JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum)";

/// PostgreSQL: the columns of a constraint (`con`), in key order, joined by commas.
const PG_CONSTRAINT_COLUMNS: &str = "(SELECT string_agg(a.attname::text, ',' ORDER BY k.ord) \
     FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord) \
     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum)";

/// The unique index (or UNIQUE constraint) over exactly the bound columns of the bound table:
/// its `name`, and `is_constraint` (PostgreSQL names a UNIQUE constraint's index after it).
fn unique_index_query(backend: DbBackend) -> String {
    match backend {
        DbBackend::Postgres => format!(
            "SELECT i.relname::text AS name, EXISTS (SELECT 1 FROM pg_constraint c \
             WHERE c.conindid = x.indexrelid AND c.contype = 'u') AS is_constraint \
             FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid \
             WHERE x.indrelid = to_regclass($1) AND x.indisunique AND NOT x.indisprimary \
             AND {PG_INDEX_COLUMNS} = $2"
        ),
        DbBackend::MySql => "SELECT INDEX_NAME AS name FROM information_schema.STATISTICS \
             WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND NON_UNIQUE = 0 \
             AND INDEX_NAME <> 'PRIMARY' GROUP BY INDEX_NAME \
             HAVING GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX SEPARATOR ',') = ?"
            .to_owned(),
        _ => "SELECT il.name AS name FROM pragma_index_list(?) AS il \
             WHERE il.\"unique\" = 1 AND il.origin <> 'pk' \
             AND (SELECT group_concat(name, ',') FROM (SELECT ii.name FROM \
             pragma_index_info(il.name) AS ii ORDER BY ii.seqno)) = ?"
            .to_owned(),
    }
}

/// The foreign key over exactly the bound columns of the bound table: its `name`.
fn foreign_key_query(backend: DbBackend) -> String {
    match backend {
        DbBackend::Postgres => format!(
            "SELECT con.conname::text AS name FROM pg_constraint con \
             WHERE con.conrelid = to_regclass($1) AND con.contype = 'f' \
             AND {PG_CONSTRAINT_COLUMNS} = $2"
        ),
        DbBackend::MySql => {
            "SELECT CONSTRAINT_NAME AS name FROM information_schema.KEY_COLUMN_USAGE \
             WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? \
             AND REFERENCED_TABLE_NAME IS NOT NULL GROUP BY CONSTRAINT_NAME \
             HAVING GROUP_CONCAT(COLUMN_NAME ORDER BY ORDINAL_POSITION SEPARATOR ',') = ?"
                .to_owned()
        }
        _ => "SELECT CAST(id AS TEXT) AS name FROM pragma_foreign_key_list(?) GROUP BY id \
             HAVING group_concat(\"from\", ',') = ?"
            .to_owned(),
    }
}

/// The row `sql` (a by-columns query) finds for `table` and `columns`, if any.
async fn find_by_columns(
    manager: &SchemaManager<'_>,
    sql: &str,
    table: &str,
    columns: &[&str],
) -> Result<Option<sea_orm::QueryResult>, DbErr> {
    let backend = manager.get_database_backend();
    manager
        .get_connection()
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            sql,
            by_columns(backend, table, columns),
        ))
        .await
}

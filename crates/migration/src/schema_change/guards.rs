//! Whether an object is there: what the guards of a migration planned from a live database
//! ask (`generate --against-live`), each `None` where nothing can be known (`--sql`).

use super::*;

/// Whether `table` is there (`None`: cannot be known, as under `--sql`). With the other
/// `has_*` functions, what a generated migration's guards ask (`generate --against-live`).
pub async fn has_table(manager: &SchemaManager<'_>, table: &str) -> Result<Option<bool>, DbErr> {
    let b = manager.get_database_backend();
    let sql = match b {
        DbBackend::Sqlite => format!(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = {}",
            literal(table)
        ),
        _ => format!(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = {} \
             AND table_name = {}",
            this_schema(b),
            literal(table)
        ),
    };
    probe(manager, sql).await
}

/// Whether `table` has `column`.
pub async fn has_column(
    manager: &SchemaManager<'_>,
    table: &str,
    column: &str,
) -> Result<Option<bool>, DbErr> {
    let b = manager.get_database_backend();
    let sql = match b {
        DbBackend::Sqlite => format!(
            "SELECT COUNT(*) FROM pragma_table_info({}) WHERE name = {}",
            literal(table),
            literal(column)
        ),
        _ => format!(
            "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = {} \
             AND table_name = {} AND column_name = {}",
            this_schema(b),
            literal(table),
            literal(column)
        ),
    };
    probe(manager, sql).await
}

/// Whether `table` has an index called `name`.
pub async fn has_index(
    manager: &SchemaManager<'_>,
    table: &str,
    name: &str,
) -> Result<Option<bool>, DbErr> {
    let b = manager.get_database_backend();
    let sql = match b {
        DbBackend::Postgres => format!(
            "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() \
             AND tablename = {} AND indexname = {}",
            literal(table),
            literal(name)
        ),
        DbBackend::MySql => format!(
            "SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() \
             AND TABLE_NAME = {} AND INDEX_NAME = {}",
            literal(table),
            literal(name)
        ),
        _ => format!(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = {} \
             AND name = {}",
            literal(table),
            literal(name)
        ),
    };
    probe(manager, sql).await
}

/// Whether `table` has a unique index (or UNIQUE constraint) over exactly `columns`.
pub async fn has_unique(
    manager: &SchemaManager<'_>,
    table: &str,
    columns: &[&str],
) -> Result<Option<bool>, DbErr> {
    let b = manager.get_database_backend();
    let sql = format!("SELECT COUNT(*) FROM ({}) AS found", unique_index_query(b));
    Ok(first_number(manager, &sql, by_columns(b, table, columns))
        .await?
        .map(|n| n > 0))
}

/// Whether `table` has a foreign key over exactly `columns`.
pub async fn has_foreign_key(
    manager: &SchemaManager<'_>,
    table: &str,
    columns: &[&str],
) -> Result<Option<bool>, DbErr> {
    let b = manager.get_database_backend();
    let sql = format!("SELECT COUNT(*) FROM ({}) AS found", foreign_key_query(b));
    Ok(first_number(manager, &sql, by_columns(b, table, columns))
        .await?
        .map(|n| n > 0))
}

/// Whether `table` has a check constraint called `name` (PostgreSQL and MySQL; SQLite keeps
/// checks only in the table's SQL, where the name is looked for).
pub async fn has_check(
    manager: &SchemaManager<'_>,
    table: &str,
    name: &str,
) -> Result<Option<bool>, DbErr> {
    let b = manager.get_database_backend();
    let sql = match b {
        DbBackend::Postgres => format!(
            "SELECT COUNT(*) FROM pg_constraint WHERE conrelid = to_regclass({}) \
             AND contype = 'c' AND conname = {}",
            literal(&quote(b, table)),
            literal(name)
        ),
        DbBackend::MySql => format!(
            "SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS \
             WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = {} \
             AND CONSTRAINT_TYPE = 'CHECK' AND CONSTRAINT_NAME = {}",
            literal(table),
            literal(name)
        ),
        _ => format!(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = {} \
             AND instr(sql, {}) > 0",
            literal(table),
            literal(name)
        ),
    };
    probe(manager, sql).await
}

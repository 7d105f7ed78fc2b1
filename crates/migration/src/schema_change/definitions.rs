//! Column types (with PostgreSQL's casts), defaults, check constraints and enum types.

use super::*;

/// Removes a column's default (PostgreSQL and MySQL; SQLite rebuilds the table instead).
pub async fn drop_default(
    manager: &SchemaManager<'_>,
    table: &str,
    column: &str,
) -> Result<(), DbErr> {
    let backend = manager.get_database_backend();
    let quote = |name: &str| quote(backend, name);
    manager
        .get_connection()
        .execute_unprepared(&format!(
            "ALTER TABLE {} ALTER COLUMN {} DROP DEFAULT",
            quote(table),
            quote(column)
        ))
        .await?;
    Ok(())
}

/// Converts `column` to the type of `definition` where the server needs to be told how:
/// PostgreSQL casts only where an implicit cast exists, so this names it (`USING col::type`),
/// after dropping a default the new type may not take (the `ALTER` that follows sets the new
/// one). MySQL and SQLite convert by themselves: nothing to do there.
pub async fn cast_column(
    manager: &SchemaManager<'_>,
    table: &str,
    definition: impl IntoColumnDef,
) -> Result<(), DbErr> {
    let backend = manager.get_database_backend();
    if backend != DbBackend::Postgres {
        return Ok(());
    }
    let definition = definition.into_column_def();
    let Some(column_type) = definition.get_column_type() else {
        return Ok(());
    };
    let mut sql_type = String::new();
    sea_orm::sea_query::backend::TableBuilder::prepare_column_type(
        &PostgresQueryBuilder,
        column_type,
        &mut sql_type,
    );
    let column = quote(backend, &definition.get_column_name());
    manager
        .get_connection()
        .execute_unprepared(&format!(
            "ALTER TABLE {} ALTER COLUMN {column} DROP DEFAULT, ALTER COLUMN {column} TYPE {sql_type} \
             USING {column}::{sql_type}",
            quote(backend, table)
        ))
        .await?;
    Ok(())
}

/// Drops the check constraint `name` (PostgreSQL and MySQL; SQLite rebuilds the table).
pub async fn drop_check(manager: &SchemaManager<'_>, table: &str, name: &str) -> Result<(), DbErr> {
    let b = manager.get_database_backend();
    manager
        .get_connection()
        .execute_unprepared(&format!(
            "ALTER TABLE {} DROP CONSTRAINT {}",
            quote(b, table),
            quote(b, name)
        ))
        .await?;
    Ok(())
}

/// Adds the check constraint `name` (PostgreSQL and MySQL; SQLite rebuilds the table). The
/// expression is the server's own spelling, read from the database it comes back to.
pub async fn add_check(
    manager: &SchemaManager<'_>,
    table: &str,
    name: &str,
    expression: &str,
) -> Result<(), DbErr> {
    let b = manager.get_database_backend();
    manager
        .get_connection()
        .execute_unprepared(&format!(
            "ALTER TABLE {} ADD CONSTRAINT {} CHECK ({expression})",
            quote(b, table),
            quote(b, name)
        ))
        .await?;
    Ok(())
}

/// Creates PostgreSQL's native enum type `name` with `labels`, in order.
pub async fn create_enum(
    manager: &SchemaManager<'_>,
    name: &str,
    labels: &[&str],
) -> Result<(), DbErr> {
    let b = manager.get_database_backend();
    let labels: Vec<String> = labels
        .iter()
        .map(|l| format!("'{}'", l.replace('\'', "''")))
        .collect();
    manager
        .get_connection()
        .execute_unprepared(&format!(
            "CREATE TYPE {} AS ENUM ({})",
            quote(b, name),
            labels.join(", ")
        ))
        .await?;
    Ok(())
}

/// Drops PostgreSQL's native enum type `name` (its columns were converted first), if it is
/// there: a database built from the history never had it.
pub async fn drop_enum(manager: &SchemaManager<'_>, name: &str) -> Result<(), DbErr> {
    let b = manager.get_database_backend();
    manager
        .get_connection()
        .execute_unprepared(&format!("DROP TYPE IF EXISTS {}", quote(b, name)))
        .await?;
    Ok(())
}

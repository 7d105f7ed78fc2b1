//! What generated migrations call besides SeaORM's `SchemaManager`: the schema changes whose
//! SQL differs per backend in more than spelling. `manage-db generate` verifies a migration
//! by running these same functions on a scratch database before it writes the file.

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement};
use sea_orm_migration::prelude::*;

/// Whether the migration runs on SQLite, which changes a column only by rebuilding its table.
pub fn is_sqlite(manager: &SchemaManager<'_>) -> bool {
    manager.get_database_backend() == DbBackend::Sqlite
}

/// SQLite's table rebuild: creates `definition` under a scratch name, copies every row
/// (`copy`: each new column and the old column it is filled from), drops the
/// old table, gives the new one its name and creates `indexes`.
///
/// Needs foreign-key enforcement off, as the migration runner has it on SQLite (with it on,
/// dropping the old table would run its ON DELETE rules against the child tables); the
/// runner checks every reference with `PRAGMA foreign_key_check` before it commits.
pub async fn rebuild_sqlite_table(
    manager: &SchemaManager<'_>,
    definition: TableCreateStatement,
    copy: &[(&str, &str)],
    indexes: Vec<IndexCreateStatement>,
) -> Result<(), DbErr> {
    let conn = manager.get_connection();
    let table = definition
        .get_table_name()
        .and_then(|t| match t {
            TableRef::Table(name, _) => Some(name.1.to_string()),
            _ => None,
        })
        .ok_or_else(|| DbErr::Migration("a table rebuild needs a table name".into()))?;
    let enforced = conn
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT foreign_keys FROM pragma_foreign_keys",
        ))
        .await?
        .map(|r| r.try_get::<i32>("", "foreign_keys"))
        .transpose()?
        == Some(1);
    if enforced {
        return Err(DbErr::Migration(format!(
            "rebuilding {table} with foreign-key enforcement on would run the ON DELETE rules of \
             the tables that reference it; run this migration with `manage-db upgrade` or \
             `migration::migrate_on_boot`, which turn enforcement off and check every \
             reference before committing"
        )));
    }
    let scratch = format!("{table}__rebuild");
    let mut create = definition;
    create.table(Alias::new(&scratch));
    manager.create_table(create).await?;
    let quote = |name: &str| format!("\"{}\"", name.replace('"', "\"\""));
    let columns: Vec<String> = copy.iter().map(|(to, _)| quote(to)).collect();
    let sources: Vec<String> = copy.iter().map(|(_, from)| quote(from)).collect();
    conn.execute_unprepared(&format!(
        "INSERT INTO {} ({}) SELECT {} FROM {}",
        quote(&scratch),
        columns.join(", "),
        sources.join(", "),
        quote(&table)
    ))
    .await?;
    manager
        .drop_table(Table::drop().table(Alias::new(&table)).to_owned())
        .await?;
    manager
        .rename_table(
            Table::rename()
                .table(Alias::new(&scratch), Alias::new(&table))
                .to_owned(),
        )
        .await?;
    for index in indexes {
        manager.create_index(index).await?;
    }
    Ok(())
}

/// Creates `index` on `table` unless an index of that name is there already, so that on a
/// large PostgreSQL table it can be built beforehand with `CREATE INDEX CONCURRENTLY` (which
/// cannot run inside the migration's transaction) and the migration then only records it.
pub async fn create_index_if_missing(
    manager: &SchemaManager<'_>,
    table: &str,
    name: &str,
    index: IndexCreateStatement,
) -> Result<(), DbErr> {
    if index_exists(manager, table, name).await? {
        return Ok(());
    }
    manager.create_index(index).await
}

/// Whether `table` has an index called `name`. (SeaORM's `has_index` fails on a connection
/// that returns no row, such as the one `--sql` records through.)
async fn index_exists(manager: &SchemaManager<'_>, table: &str, name: &str) -> Result<bool, DbErr> {
    let backend = manager.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => {
            "SELECT COUNT(*) AS n FROM pg_indexes WHERE schemaname = current_schema() \
             AND tablename = $1 AND indexname = $2"
        }
        DbBackend::MySql => {
            "SELECT COUNT(*) AS n FROM information_schema.STATISTICS \
             WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME = ?"
        }
        _ => "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name = ?",
    };
    let row = manager
        .get_connection()
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [table.into(), name.into()],
        ))
        .await?;
    Ok(match row {
        Some(r) => r.try_get_by_index::<i64>(0)? > 0,
        None => false,
    })
}

/// Makes `columns` the primary key of `table` (PostgreSQL and MySQL; SQLite rebuilds the
/// table instead). PostgreSQL's constraint is found by its table, whatever its name.
pub async fn replace_primary_key(
    manager: &SchemaManager<'_>,
    table: &str,
    columns: &[&str],
) -> Result<(), DbErr> {
    let backend = manager.get_database_backend();
    let quote = |name: &str| match backend {
        DbBackend::MySql => format!("`{}`", name.replace('`', "``")),
        _ => format!("\"{}\"", name.replace('"', "\"\"")),
    };
    let key: Vec<String> = columns.iter().map(|c| quote(c)).collect();
    let drop = match backend {
        DbBackend::Postgres => {
            let name = manager
                .get_connection()
                .query_one_raw(Statement::from_sql_and_values(
                    backend,
                    "SELECT conname::text AS name FROM pg_constraint \
                     WHERE conrelid = to_regclass($1) AND contype = 'p'",
                    [quote(table).into()],
                ))
                .await?
                .map(|r| r.try_get::<String>("", "name"))
                .transpose()?
                .unwrap_or_else(|| format!("{table}_pkey"));
            format!("DROP CONSTRAINT {}", quote(&name))
        }
        _ => "DROP PRIMARY KEY".to_owned(),
    };
    manager
        .get_connection()
        .execute_unprepared(&format!(
            "ALTER TABLE {} {drop}, ADD PRIMARY KEY ({})",
            quote(table),
            key.join(", ")
        ))
        .await?;
    Ok(())
}

/// Removes a column's default (PostgreSQL and MySQL; SQLite rebuilds the table instead).
pub async fn drop_default(
    manager: &SchemaManager<'_>,
    table: &str,
    column: &str,
) -> Result<(), DbErr> {
    let quote = |name: &str| match manager.get_database_backend() {
        DbBackend::MySql => format!("`{}`", name.replace('`', "``")),
        _ => format!("\"{}\"", name.replace('"', "\"\"")),
    };
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

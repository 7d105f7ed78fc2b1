//! Primary, unique and foreign keys; MySQL's own index of a foreign key. Keys are found by
//! their columns where each backend names them its own way.

use super::*;

/// SQLite keeps a table's keys until the table is rebuilt, which is what a generated
/// migration does there: called on SQLite, these functions say so.
fn needs_rebuild(what: &str, name: &str, table: &str) -> DbErr {
    DbErr::Migration(format!(
        "SQLite cannot drop {what} {name} of {table} in place; rebuild the table \
         (`rebuild_sqlite_table`)"
    ))
}

/// Adds the UNIQUE constraint `name` over `columns` (PostgreSQL and MySQL). SQLite cannot add a
/// constraint to a table: it gets the unique index that enforces the same.
pub async fn add_unique_constraint(
    manager: &SchemaManager<'_>,
    table: &str,
    name: &str,
    columns: &[&str],
) -> Result<(), DbErr> {
    let backend = manager.get_database_backend();
    if backend == DbBackend::Sqlite {
        let mut index = Index::create();
        index.name(name).table(Alias::new(table)).unique();
        for column in columns {
            index.col(Alias::new(*column));
        }
        return manager.create_index(index).await;
    }
    let columns: Vec<String> = columns.iter().map(|c| quote(backend, c)).collect();
    manager
        .get_connection()
        .execute_unprepared(&format!(
            "ALTER TABLE {} ADD CONSTRAINT {} UNIQUE ({})",
            quote(backend, table),
            quote(backend, name),
            columns.join(", ")
        ))
        .await?;
    Ok(())
}

/// Drops the unique index over `columns` of `table`, whatever made it: PostgreSQL refuses
/// `DROP INDEX` on a UNIQUE constraint's index (its constraint is dropped instead), MySQL
/// drops either as an index. Found by its columns, since each backend names a UNIQUE column's
/// constraint its own way (`name` is the fallback). SQLite keeps a table's constraints until
/// the table is rebuilt, which is what a generated migration does there.
pub async fn drop_unique_constraint(
    manager: &SchemaManager<'_>,
    table: &str,
    name: &str,
    columns: &[&str],
) -> Result<(), DbErr> {
    let backend = manager.get_database_backend();
    if backend == DbBackend::Sqlite {
        return Err(needs_rebuild("the UNIQUE constraint", name, table));
    }
    let found = find_by_columns(manager, &unique_index_query(backend), table, columns).await?;
    let (index, is_constraint) = match &found {
        Some(row) => (
            row.try_get::<String>("", "name")?,
            backend == DbBackend::Postgres && row.try_get::<bool>("", "is_constraint")?,
        ),
        None => (name.to_owned(), false),
    };
    let sql = match (backend, is_constraint) {
        (DbBackend::Postgres, true) => format!(
            "ALTER TABLE {} DROP CONSTRAINT {}",
            quote(backend, table),
            quote(backend, &index)
        ),
        (DbBackend::Postgres, false) => format!("DROP INDEX {}", quote(backend, &index)),
        _ => format!(
            "ALTER TABLE {} DROP INDEX {}",
            quote(backend, table),
            quote(backend, &index)
        ),
    };
    manager.get_connection().execute_unprepared(&sql).await?;
    Ok(())
}

/// Drops the foreign key over `columns` of `table`, found by its columns (`name` is the
/// fallback): SQLite keeps no key names, and a database made by another tool has its own. On
/// SQLite a key goes with a table rebuild, which is what a generated migration does there.
pub async fn drop_foreign_key_on(
    manager: &SchemaManager<'_>,
    table: &str,
    name: &str,
    columns: &[&str],
) -> Result<(), DbErr> {
    let backend = manager.get_database_backend();
    if backend == DbBackend::Sqlite {
        return Err(needs_rebuild("the foreign key", name, table));
    }
    let name = match find_by_columns(manager, &foreign_key_query(backend), table, columns).await? {
        Some(row) => row.try_get::<String>("", "name")?,
        None => name.to_owned(),
    };
    manager
        .drop_foreign_key(
            ForeignKey::drop()
                .name(name)
                .table(Alias::new(table))
                .to_owned(),
        )
        .await
}

/// MySQL and MariaDB keep an index led by every foreign key's columns and refuse to drop the
/// last one: before a migration drops the index that covered a key that stays, this makes the
/// key an index of its own (named after it, as MySQL would), if it has none. Other backends
/// need none: nothing to do there.
pub async fn create_key_index(
    manager: &SchemaManager<'_>,
    table: &str,
    name: &str,
    columns: &[&str],
) -> Result<(), DbErr> {
    if manager.get_database_backend() != DbBackend::MySql {
        return Ok(());
    }
    let mut index = Index::create();
    index.name(name).table(Alias::new(table));
    for column in columns {
        index.col(Alias::new(*column));
    }
    create_index_if_missing(manager, table, name, index).await
}

/// MySQL and MariaDB keep a foreign key's own index (over exactly its columns, named after
/// it) when the key goes, or when another index covers it: this drops it, if it is there.
/// Nothing to do on other backends.
pub async fn drop_key_index(
    manager: &SchemaManager<'_>,
    table: &str,
    name: &str,
    columns: &[&str],
) -> Result<(), DbErr> {
    if manager.get_database_backend() != DbBackend::MySql {
        return Ok(());
    }
    let plain = "SELECT INDEX_NAME AS name FROM information_schema.STATISTICS \
         WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND NON_UNIQUE = 1 \
         GROUP BY INDEX_NAME \
         HAVING GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX SEPARATOR ',') = ?";
    let name = match find_by_columns(manager, plain, table, columns).await? {
        Some(row) => row.try_get::<String>("", "name")?,
        None if index_exists(manager, table, name).await? => name.to_owned(),
        None => return Ok(()),
    };
    manager
        .drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned())
        .await
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

/// Whether `table` has an index called `name` (SeaORM's `has_index` fails on a connection
/// that returns no row, such as the one `--sql` records through: there, it has).
async fn index_exists(manager: &SchemaManager<'_>, table: &str, name: &str) -> Result<bool, DbErr> {
    Ok(has_index(manager, table, name).await?.unwrap_or(false))
}

/// Makes `columns` the primary key of `table` (PostgreSQL and MySQL; SQLite rebuilds the
/// table instead). PostgreSQL's constraint is found by its table, whatever its name.
pub async fn replace_primary_key(
    manager: &SchemaManager<'_>,
    table: &str,
    columns: &[&str],
) -> Result<(), DbErr> {
    let backend = manager.get_database_backend();
    let quote = |name: &str| quote(backend, name);
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

//! What generated migrations call besides SeaORM's `SchemaManager`: the schema changes whose
//! SQL differs per backend in more than spelling. `manage-db generate` verifies a migration
//! by running these same functions on a scratch database before it writes the file.

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement};
use sea_orm_migration::prelude::*;

/// Whether the migration runs on SQLite, which changes a column only by rebuilding its table.
pub fn is_sqlite(manager: &SchemaManager<'_>) -> bool {
    manager.get_database_backend() == DbBackend::Sqlite
}

/// An identifier quoted for `backend`.
fn quote(backend: DbBackend, name: &str) -> String {
    match backend {
        DbBackend::MySql => format!("`{}`", name.replace('`', "``")),
        _ => format!("\"{}\"", name.replace('"', "\"\"")),
    }
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

/// The name of what `sql` finds for `table` and `columns` (bound as `$1`/`?` and `$2`/`?`,
/// the columns joined by commas), or `fallback`.
async fn find_by_columns(
    manager: &SchemaManager<'_>,
    sql: &str,
    table: &str,
    columns: &[&str],
    fallback: &str,
) -> Result<String, DbErr> {
    let backend = manager.get_database_backend();
    let table_ref = match backend {
        DbBackend::Postgres => quote(backend, table),
        _ => table.to_owned(),
    };
    Ok(manager
        .get_connection()
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [table_ref.into(), columns.join(",").into()],
        ))
        .await?
        .map(|r| r.try_get::<String>("", "name"))
        .transpose()?
        .unwrap_or_else(|| fallback.to_owned()))
}

/// PostgreSQL: the columns of a constraint, in key order, joined by commas.
const PG_CONSTRAINT_COLUMNS: &str = "(SELECT string_agg(a.attname::text, ',' ORDER BY k.ord) \
     FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord) \
     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum)";

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
    let sql = match backend {
        DbBackend::Postgres => {
            let constraint = find_by_columns(
                manager,
                &format!(
                    "SELECT con.conname::text AS name FROM pg_constraint con \
                     WHERE con.conrelid = to_regclass($1) AND con.contype = 'u' \
                     AND {PG_CONSTRAINT_COLUMNS} = $2"
                ),
                table,
                columns,
                "",
            )
            .await?;
            if constraint.is_empty() {
                let index = find_by_columns(
                    manager,
                    "SELECT i.relname::text AS name FROM pg_index x \
                     JOIN pg_class i ON i.oid = x.indexrelid \
                     WHERE x.indrelid = to_regclass($1) AND x.indisunique AND NOT x.indisprimary \
                     AND (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord) \
                          FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) \
                          JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum) = $2",
                    table,
                    columns,
                    name,
                )
                .await?;
                format!("DROP INDEX {}", quote(backend, &index))
            } else {
                format!(
                    "ALTER TABLE {} DROP CONSTRAINT {}",
                    quote(backend, table),
                    quote(backend, &constraint)
                )
            }
        }
        DbBackend::MySql => {
            let index = find_by_columns(
                manager,
                "SELECT INDEX_NAME AS name FROM information_schema.STATISTICS \
                 WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND NON_UNIQUE = 0 \
                 AND INDEX_NAME <> 'PRIMARY' GROUP BY INDEX_NAME \
                 HAVING GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX SEPARATOR ',') = ?",
                table,
                columns,
                name,
            )
            .await?;
            format!(
                "ALTER TABLE {} DROP INDEX {}",
                quote(backend, table),
                quote(backend, &index)
            )
        }
        _ => {
            return Err(DbErr::Migration(format!(
                "SQLite cannot drop the UNIQUE constraint {name} of {table} in place; rebuild the \
                 table (`rebuild_sqlite_table`)"
            )))
        }
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
    let found = match backend {
        DbBackend::Postgres => {
            format!(
                "SELECT con.conname::text AS name FROM pg_constraint con \
                 WHERE con.conrelid = to_regclass($1) AND con.contype = 'f' \
                 AND {PG_CONSTRAINT_COLUMNS} = $2"
            )
        }
        DbBackend::MySql => {
            "SELECT CONSTRAINT_NAME AS name FROM information_schema.KEY_COLUMN_USAGE \
             WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? \
             AND REFERENCED_TABLE_NAME IS NOT NULL GROUP BY CONSTRAINT_NAME \
             HAVING GROUP_CONCAT(COLUMN_NAME ORDER BY ORDINAL_POSITION SEPARATOR ',') = ?"
                .to_owned()
        }
        _ => {
            return Err(DbErr::Migration(format!(
                "SQLite cannot drop the foreign key {name} of {table} in place; rebuild the table \
                 (`rebuild_sqlite_table`)"
            )))
        }
    };
    let name = find_by_columns(manager, &found, table, columns, name).await?;
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
    let found = find_by_columns(
        manager,
        "SELECT INDEX_NAME AS name FROM information_schema.STATISTICS \
         WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND NON_UNIQUE = 1 \
         GROUP BY INDEX_NAME \
         HAVING GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX SEPARATOR ',') = ?",
        table,
        columns,
        "",
    )
    .await?;
    let name = if found.is_empty() { name } else { &found };
    if !index_exists(manager, table, name).await? {
        return Ok(());
    }
    manager
        .drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned())
        .await
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
    // Only the columns the table has here: a migration planned from a live database may also
    // run on one built from the history, which lacks what was added by hand.
    let present: Vec<String> = conn
        .query_all_raw(Statement::from_string(
            DbBackend::Sqlite,
            format!("SELECT name FROM pragma_table_info({})", literal(&table)),
        ))
        .await?
        .iter()
        .map(|r| r.try_get::<String>("", "name"))
        .collect::<Result<_, _>>()?;
    let copy: Vec<(&str, &str)> = copy
        .iter()
        .copied()
        .filter(|(_, from)| present.is_empty() || present.iter().any(|p| p == from))
        .collect();
    let scratch = format!("{table}__rebuild");
    let mut create = definition;
    create.table(Alias::new(&scratch));
    manager.create_table(create).await?;
    let quote = |name: &str| quote(DbBackend::Sqlite, name);
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

/// How many rows of a count query there are; none on a connection that returns no rows (the
/// one `--sql` records through).
async fn count(manager: &SchemaManager<'_>, sql: String) -> Result<i64, DbErr> {
    let backend = manager.get_database_backend();
    let row = manager
        .get_connection()
        .query_one_raw(Statement::from_string(backend, sql))
        .await?;
    Ok(match row {
        Some(r) => r.try_get_by_index::<i64>(0)?,
        None => 0,
    })
}

/// Fails, before anything has changed, when the rows do not meet what the next steps need:
/// `found` rows of `table` that `what`, and how to fix them.
fn unmet(table: &str, found: i64, what: &str, fix: &str) -> DbErr {
    DbErr::Migration(format!(
        "{found} row(s) of {table} {what}, so the schema change cannot be made; nothing was \
         changed\n  hint: {fix}"
    ))
}

/// The table is empty: `column` is added NOT NULL with no value that fits every row (its
/// values were dropped by the migration this undoes, or it is a key).
pub async fn require_no_rows(
    manager: &SchemaManager<'_>,
    table: &str,
    column: &str,
) -> Result<(), DbErr> {
    let b = manager.get_database_backend();
    let found = count(manager, format!("SELECT COUNT(*) FROM {}", quote(b, table))).await?;
    if found > 0 {
        return Err(unmet(
            table,
            found,
            &format!("exist, and {column} comes back NOT NULL with no value that fits every row"),
            &format!(
                "its values are gone (this is the undoing of a migration that dropped it): \
                 restore the column by hand, or empty {table} first"
            ),
        ));
    }
    Ok(())
}

/// A column about to become NOT NULL holds no NULL.
pub async fn require_no_nulls(
    manager: &SchemaManager<'_>,
    table: &str,
    column: &str,
) -> Result<(), DbErr> {
    let b = manager.get_database_backend();
    let (t, c) = (quote(b, table), quote(b, column));
    let found = count(
        manager,
        format!("SELECT COUNT(*) FROM {t} WHERE {c} IS NULL"),
    )
    .await?;
    if found > 0 {
        return Err(unmet(
            table,
            found,
            &format!("have no {column}, which becomes NOT NULL"),
            &format!(
                "fill them first (UPDATE {table} SET {column} = … WHERE {column} IS NULL), or \
                 generate the migration with --backfill {table}.{column}=VALUE"
            ),
        ));
    }
    Ok(())
}

/// Columns about to get a unique index (or be the primary key) hold no duplicates.
pub async fn require_unique(
    manager: &SchemaManager<'_>,
    table: &str,
    columns: &[&str],
) -> Result<(), DbErr> {
    let b = manager.get_database_backend();
    let quoted: Vec<String> = columns.iter().map(|c| quote(b, c)).collect();
    let not_null: Vec<String> = quoted.iter().map(|c| format!("{c} IS NOT NULL")).collect();
    let found = count(
        manager,
        format!(
            "SELECT COUNT(*) FROM (SELECT 1 AS one FROM {} WHERE {} GROUP BY {} HAVING COUNT(*) > 1) AS duplicates",
            quote(b, table),
            not_null.join(" AND "),
            quoted.join(", ")
        ),
    )
    .await?;
    if found > 0 {
        let list = columns.join(", ");
        return Err(unmet(
            table,
            found,
            &format!("share their ({list}) with another row (groups of duplicates), which becomes unique"),
            &format!("remove or change the duplicates first (SELECT {list}, COUNT(*) FROM {table} GROUP BY {list} HAVING COUNT(*) > 1)"),
        ));
    }
    Ok(())
}

/// Columns about to reference `ref_table` hold only values it has.
pub async fn require_references(
    manager: &SchemaManager<'_>,
    table: &str,
    columns: &[&str],
    ref_table: &str,
    ref_columns: &[&str],
) -> Result<(), DbErr> {
    let b = manager.get_database_backend();
    let not_null: Vec<String> = columns
        .iter()
        .map(|c| format!("child.{} IS NOT NULL", quote(b, c)))
        .collect();
    let matches: Vec<String> = columns
        .iter()
        .zip(ref_columns)
        .map(|(c, r)| format!("parent.{} = child.{}", quote(b, r), quote(b, c)))
        .collect();
    let found = count(
        manager,
        format!(
            "SELECT COUNT(*) FROM {} AS child WHERE {} AND NOT EXISTS (SELECT 1 FROM {} AS parent WHERE {})",
            quote(b, table),
            not_null.join(" AND "),
            quote(b, ref_table),
            matches.join(" AND ")
        ),
    )
    .await?;
    if found > 0 {
        let list = columns.join(", ");
        return Err(unmet(
            table,
            found,
            &format!("have a {list} that {ref_table} does not have, which becomes a foreign key"),
            &format!(
                "delete those rows or set their {list} to an existing {ref_table} (or NULL) first"
            ),
        ));
    }
    Ok(())
}

/// A text column about to get a shorter maximum length holds nothing longer.
pub async fn require_max_length(
    manager: &SchemaManager<'_>,
    table: &str,
    column: &str,
    max: u32,
) -> Result<(), DbErr> {
    let b = manager.get_database_backend();
    let length = match b {
        DbBackend::Sqlite => "LENGTH",
        _ => "CHAR_LENGTH",
    };
    let found = count(
        manager,
        format!(
            "SELECT COUNT(*) FROM {} WHERE {length}({}) > {max}",
            quote(b, table),
            quote(b, column)
        ),
    )
    .await?;
    if found > 0 {
        return Err(unmet(
            table,
            found,
            &format!("have a {column} longer than {max} characters, its new maximum"),
            "shorten them first, or keep the column wider",
        ));
    }
    Ok(())
}

/// Gives `value` to the rows whose `column` is NULL, before the column becomes NOT NULL
/// (`generate --backfill`).
pub async fn fill_nulls(
    manager: &SchemaManager<'_>,
    table: &str,
    column: &str,
    value: impl Into<Expr>,
) -> Result<(), DbErr> {
    let update = Query::update()
        .table(Alias::new(table))
        .value(Alias::new(column), value.into())
        .and_where(Expr::col(Alias::new(column)).is_null())
        .to_owned();
    manager.get_connection().execute(&update).await?;
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

/// `Some(true)` when `sql` (a count) finds something, `None` on a connection that returns no
/// rows (the one `--sql` records through, where nothing can be known).
async fn probe(manager: &SchemaManager<'_>, sql: String) -> Result<Option<bool>, DbErr> {
    let backend = manager.get_database_backend();
    let row = manager
        .get_connection()
        .query_one_raw(Statement::from_string(backend, sql))
        .await?;
    Ok(match row {
        Some(r) => Some(r.try_get_by_index::<i64>(0)? > 0),
        None => None,
    })
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
    let wanted = literal(&columns.join(","));
    let sql = match b {
        DbBackend::Postgres => format!(
            "SELECT COUNT(*) FROM pg_index x WHERE x.indrelid = to_regclass({}) \
             AND x.indisunique AND NOT x.indisprimary \
             AND (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord) \
                  FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) \
                  JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum) = {wanted}",
            literal(&quote(b, table))
        ),
        DbBackend::MySql => format!(
            "SELECT COUNT(*) FROM (SELECT INDEX_NAME FROM information_schema.STATISTICS \
             WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {} AND NON_UNIQUE = 0 \
             AND INDEX_NAME <> 'PRIMARY' GROUP BY INDEX_NAME \
             HAVING GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX SEPARATOR ',') = {wanted}) AS u",
            literal(table)
        ),
        _ => format!(
            "SELECT COUNT(*) FROM pragma_index_list({}) AS il WHERE il.\"unique\" = 1 \
             AND il.origin <> 'pk' AND (SELECT group_concat(name, ',') FROM \
             (SELECT ii.name FROM pragma_index_info(il.name) AS ii ORDER BY ii.seqno)) = {wanted}",
            literal(table)
        ),
    };
    probe(manager, sql).await
}

/// Whether `table` has a foreign key over exactly `columns`.
pub async fn has_foreign_key(
    manager: &SchemaManager<'_>,
    table: &str,
    columns: &[&str],
) -> Result<Option<bool>, DbErr> {
    let b = manager.get_database_backend();
    let wanted = literal(&columns.join(","));
    let sql = match b {
        DbBackend::Postgres => format!(
            "SELECT COUNT(*) FROM pg_constraint con WHERE con.conrelid = to_regclass({}) \
             AND con.contype = 'f' AND {PG_CONSTRAINT_COLUMNS} = {wanted}",
            literal(&quote(b, table))
        ),
        DbBackend::MySql => format!(
            "SELECT COUNT(*) FROM (SELECT CONSTRAINT_NAME FROM information_schema.KEY_COLUMN_USAGE \
             WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {} \
             AND REFERENCED_TABLE_NAME IS NOT NULL GROUP BY CONSTRAINT_NAME \
             HAVING GROUP_CONCAT(COLUMN_NAME ORDER BY ORDINAL_POSITION SEPARATOR ',') = {wanted}) AS f",
            literal(table)
        ),
        _ => format!(
            "SELECT COUNT(*) FROM (SELECT id FROM pragma_foreign_key_list({}) GROUP BY id \
             HAVING group_concat(\"from\", ',') = {wanted}) AS f",
            literal(table)
        ),
    };
    probe(manager, sql).await
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

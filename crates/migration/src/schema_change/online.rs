//! PostgreSQL's online forms of changes to a table that already holds rows, for a migration
//! that runs online (`use_transaction() -> Some(false)`; see [`crate::online`]): each sends
//! plain statements, none reads the catalog, so the runner can count them and resume after a
//! crash. The lock each takes is short, or does not block reads and writes:
//!
//! - an index: `CREATE INDEX CONCURRENTLY IF NOT EXISTS` (SHARE UPDATE EXCLUSIVE);
//! - a foreign key: added `NOT VALID` (a brief SHARE ROW EXCLUSIVE), then `VALIDATE
//!   CONSTRAINT` in its own transaction (SHARE UPDATE EXCLUSIVE while it scans);
//! - a UNIQUE constraint: a unique index built concurrently, then `ADD CONSTRAINT … USING
//!   INDEX` (brief);
//! - NOT NULL: a `CHECK (col IS NOT NULL) NOT VALID`, validated, then `SET NOT NULL` (which
//!   trusts the valid check instead of scanning) and the check dropped.
//!
//! Called on another backend they refuse: generated code calls them only on PostgreSQL.

use super::*;

fn postgres_only(manager: &SchemaManager<'_>, what: &str) -> Result<(), DbErr> {
    match manager.get_database_backend() {
        DbBackend::Postgres => Ok(()),
        other => Err(DbErr::Migration(format!(
            "{what} is PostgreSQL's online form; {} makes the change the plain way",
            other.as_str()
        ))),
    }
}

async fn run(manager: &SchemaManager<'_>, sql: &str) -> Result<(), DbErr> {
    manager.get_connection().execute_unprepared(sql).await?;
    Ok(())
}

/// Builds `index` without blocking writes; skipped if an index of its name is there (a
/// half-built INVALID one is dropped and rebuilt by the runner first).
pub async fn create_index_concurrently(
    manager: &SchemaManager<'_>,
    mut index: IndexCreateStatement,
) -> Result<(), DbErr> {
    postgres_only(manager, "create_index_concurrently")?;
    manager
        .create_index(index.concurrently().if_not_exists().to_owned())
        .await
}

/// Adds `foreign_key` without checking the rows under a lock that blocks writes, then checks
/// them under one that does not.
pub async fn add_foreign_key_not_valid(
    manager: &SchemaManager<'_>,
    table: &str,
    name: &str,
    foreign_key: ForeignKeyCreateStatement,
) -> Result<(), DbErr> {
    postgres_only(manager, "add_foreign_key_not_valid")?;
    let add = foreign_key.to_string(PostgresQueryBuilder);
    run(manager, &format!("{add} NOT VALID")).await?;
    let (table, name) = (
        quote(DbBackend::Postgres, table),
        quote(DbBackend::Postgres, name),
    );
    run(
        manager,
        &format!("ALTER TABLE {table} VALIDATE CONSTRAINT {name}"),
    )
    .await
}

/// Adds the UNIQUE constraint `name` over `columns` through a unique index built concurrently.
pub async fn add_unique_using_index(
    manager: &SchemaManager<'_>,
    table: &str,
    name: &str,
    columns: &[&str],
) -> Result<(), DbErr> {
    postgres_only(manager, "add_unique_using_index")?;
    let mut index = Index::create();
    index.name(name).table(Alias::new(table)).unique();
    for column in columns {
        index.col(Alias::new(*column));
    }
    create_index_concurrently(manager, index).await?;
    let (table, name) = (
        quote(DbBackend::Postgres, table),
        quote(DbBackend::Postgres, name),
    );
    run(
        manager,
        &format!("ALTER TABLE {table} ADD CONSTRAINT {name} UNIQUE USING INDEX {name}"),
    )
    .await
}

/// Makes `column` NOT NULL without scanning the table under a lock that blocks reads.
pub async fn set_not_null_through_check(
    manager: &SchemaManager<'_>,
    table: &str,
    column: &str,
) -> Result<(), DbErr> {
    postgres_only(manager, "set_not_null_through_check")?;
    let check = quote(DbBackend::Postgres, &not_null_check_name(table, column));
    let (table, column) = (
        quote(DbBackend::Postgres, table),
        quote(DbBackend::Postgres, column),
    );
    run(
        manager,
        &format!(
            "ALTER TABLE {table} ADD CONSTRAINT {check} CHECK ({column} IS NOT NULL) NOT VALID"
        ),
    )
    .await?;
    run(
        manager,
        &format!("ALTER TABLE {table} VALIDATE CONSTRAINT {check}"),
    )
    .await?;
    run(
        manager,
        &format!("ALTER TABLE {table} ALTER COLUMN {column} SET NOT NULL"),
    )
    .await?;
    run(
        manager,
        &format!("ALTER TABLE {table} DROP CONSTRAINT {check}"),
    )
    .await
}

/// The temporary check's name, within PostgreSQL's 63 bytes.
fn not_null_check_name(table: &str, column: &str) -> String {
    let mut name = format!("{table}_{column}_not_null");
    if name.len() > 63 {
        let mut cut = 63 - "_not_null".len();
        while !name.is_char_boundary(cut) {
            cut -= 1;
        }
        name = format!("{}_not_null", &name[..cut]);
    }
    name
}

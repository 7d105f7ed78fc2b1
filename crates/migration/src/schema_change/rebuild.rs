//! SQLite's table rebuild: how SQLite changes a column, a key or a constraint.

use super::*;

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

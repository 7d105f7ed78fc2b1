//! What the rows must meet before a schema change, checked before anything changes so that a
//! migration that cannot apply stops with nothing done (MySQL cannot roll DDL back) and says
//! which rows are in the way; and the filling of NULLs (`generate --backfill`).

use super::*;

/// Fails, before anything has changed, when `count_sql` finds rows of `table` that `what`,
/// saying how to fix them. On PostgreSQL the check is one `DO` block that raises: a plain
/// statement like the schema changes after it, which `--sql` shows and an online migration
/// counts (see `crate::online`); elsewhere the count is read and the error raised here.
pub(super) async fn require(
    manager: &SchemaManager<'_>,
    table: &str,
    count_sql: String,
    what: &str,
    fix: &str,
) -> Result<(), DbErr> {
    let text = |found: &str| {
        format!(
            "{found} row(s) of {table} {what}, so the schema change cannot be made; nothing was \
             changed\n  hint: {fix}"
        )
    };
    if manager.get_database_backend() == DbBackend::Postgres {
        // RAISE's format: `%` is the count, a literal one is doubled.
        let message = text("\u{0}").replace('%', "%%").replace('\u{0}', "%");
        let block = format!(
            "DO $counsel$ DECLARE found bigint; BEGIN SELECT ({count_sql}) INTO found; \
             IF found > 0 THEN RAISE EXCEPTION {}, found; END IF; END $counsel$",
            literal(&message)
        );
        manager.get_connection().execute_unprepared(&block).await?;
        return Ok(());
    }
    let found = count(manager, count_sql).await?;
    if found > 0 {
        return Err(DbErr::Migration(text(&found.to_string())));
    }
    Ok(())
}

/// The table is empty: `column` is added NOT NULL with no value that fits every row (its
/// values were dropped by the migration this undoes, or it is a key).
pub async fn require_no_rows(
    manager: &SchemaManager<'_>,
    table: &str,
    column: &str,
) -> Result<(), DbErr> {
    let b = manager.get_database_backend();
    require(
        manager,
        table,
        format!("SELECT COUNT(*) FROM {}", quote(b, table)),
        &format!("exist, and {column} comes back NOT NULL with no value that fits every row"),
        &format!(
            "its values are gone (this is the undoing of a migration that dropped it): \
             restore the column by hand, or empty {table} first"
        ),
    )
    .await
}

/// A column about to become NOT NULL holds no NULL.
pub async fn require_no_nulls(
    manager: &SchemaManager<'_>,
    table: &str,
    column: &str,
) -> Result<(), DbErr> {
    let b = manager.get_database_backend();
    let (t, c) = (quote(b, table), quote(b, column));
    require(
        manager,
        table,
        format!("SELECT COUNT(*) FROM {t} WHERE {c} IS NULL"),
        &format!("have no {column}, which becomes NOT NULL"),
        &format!(
            "fill them first (UPDATE {table} SET {column} = … WHERE {column} IS NULL), or \
             generate the migration with --backfill {table}.{column}=VALUE"
        ),
    )
    .await
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
    let list = columns.join(", ");
    require(
        manager,
        table,
        format!(
            "SELECT COUNT(*) FROM (SELECT 1 AS one FROM {} WHERE {} GROUP BY {} HAVING COUNT(*) > 1) AS duplicates",
            quote(b, table),
            not_null.join(" AND "),
            quoted.join(", ")
        ),
        &format!("share their ({list}) with another row (groups of duplicates), which becomes unique"),
        &format!("remove or change the duplicates first (SELECT {list}, COUNT(*) FROM {table} GROUP BY {list} HAVING COUNT(*) > 1)"),
    )
    .await
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
    let list = columns.join(", ");
    require(
        manager,
        table,
        format!(
            "SELECT COUNT(*) FROM {} AS child WHERE {} AND NOT EXISTS (SELECT 1 FROM {} AS parent WHERE {})",
            quote(b, table),
            not_null.join(" AND "),
            quote(b, ref_table),
            matches.join(" AND ")
        ),
        &format!("have a {list} that {ref_table} does not have, which becomes a foreign key"),
        &format!("delete those rows or set their {list} to an existing {ref_table} (or NULL) first"),
    )
    .await
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
    require(
        manager,
        table,
        format!(
            "SELECT COUNT(*) FROM {} WHERE {length}({}) > {max}",
            quote(b, table),
            quote(b, column)
        ),
        &format!("have a {column} longer than {max} characters, its new maximum"),
        "shorten them first, or keep the column wider",
    )
    .await
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

//! MySQL/MariaDB: four queries over `information_schema`, scoped to `DATABASE()`.

use super::{query, ColumnRow, ForeignKeyRow, IndexRow, Rows};
use crate::model::{Check, Column};
use sea_orm::{ConnectionTrait, DbErr};

const COLUMNS: &str = r#"
SELECT CAST(c.TABLE_NAME AS CHAR) AS table_name, CAST(c.COLUMN_NAME AS CHAR) AS column_name,
       CAST(c.COLUMN_TYPE AS CHAR) AS column_type, CAST(c.IS_NULLABLE AS CHAR) AS is_nullable,
       CAST(c.COLUMN_DEFAULT AS CHAR) AS column_default
FROM information_schema.COLUMNS c
JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION"#;

const INDEXES: &str = r#"
SELECT CAST(s.TABLE_NAME AS CHAR) AS table_name, CAST(s.INDEX_NAME AS CHAR) AS index_name,
       CAST(s.NON_UNIQUE AS SIGNED) AS non_unique, CAST(s.COLUMN_NAME AS CHAR) AS column_name
FROM information_schema.STATISTICS s
WHERE s.TABLE_SCHEMA = DATABASE()
ORDER BY s.TABLE_NAME, s.INDEX_NAME, s.SEQ_IN_INDEX"#;

const FOREIGN_KEYS: &str = r#"
SELECT CAST(k.TABLE_NAME AS CHAR) AS table_name, CAST(k.CONSTRAINT_NAME AS CHAR) AS constraint_name,
       CAST(k.COLUMN_NAME AS CHAR) AS column_name, CAST(k.REFERENCED_TABLE_NAME AS CHAR) AS ref_table,
       CAST(k.REFERENCED_COLUMN_NAME AS CHAR) AS ref_column,
       CAST(r.UPDATE_RULE AS CHAR) AS on_update, CAST(r.DELETE_RULE AS CHAR) AS on_delete
FROM information_schema.KEY_COLUMN_USAGE k
JOIN information_schema.REFERENTIAL_CONSTRAINTS r
  ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME
 AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION"#;

/// MariaDB's form: its CHECK_CONSTRAINTS carries the table (MySQL's does not).
const CHECKS_MARIADB: &str = r#"
SELECT CAST(cc.TABLE_NAME AS CHAR) AS table_name, CAST(cc.CONSTRAINT_NAME AS CHAR) AS constraint_name,
       CAST(cc.CHECK_CLAUSE AS CHAR) AS check_clause
FROM information_schema.CHECK_CONSTRAINTS cc
WHERE cc.CONSTRAINT_SCHEMA = DATABASE()
ORDER BY cc.TABLE_NAME, cc.CONSTRAINT_NAME"#;

const CHECKS_MYSQL: &str = r#"
SELECT CAST(tc.TABLE_NAME AS CHAR) AS table_name, CAST(cc.CONSTRAINT_NAME AS CHAR) AS constraint_name,
       CAST(cc.CHECK_CLAUSE AS CHAR) AS check_clause
FROM information_schema.CHECK_CONSTRAINTS cc
JOIN information_schema.TABLE_CONSTRAINTS tc
  ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME
 AND tc.CONSTRAINT_TYPE = 'CHECK'
WHERE cc.CONSTRAINT_SCHEMA = DATABASE()
ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME"#;

/// `database`: the database to read; `None` for the connection's own. Named explicitly
/// rather than as `DATABASE()`, which a statement prepared before a `USE` keeps answering with
/// the old database.
pub(super) async fn read<C: ConnectionTrait>(
    db: &C,
    database: Option<&str>,
) -> Result<Rows, DbErr> {
    let database = match database {
        Some(name) => name.to_owned(),
        None => query(db, "SELECT CAST(DATABASE() AS CHAR) AS db")
            .await?
            .first()
            .map(|r| r.try_get::<String>("", "db"))
            .transpose()?
            .ok_or_else(|| DbErr::Custom("no database is selected".into()))?,
    };
    let literal = format!("'{}'", database.replace('\\', "\\\\").replace('\'', "''"));
    let query = |sql: &'static str| {
        let sql = sql.replace("DATABASE()", &literal);
        async move { query(db, &sql).await }
    };
    let mut rows = Rows::default();
    for r in query(COLUMNS).await? {
        rows.columns.push(ColumnRow {
            table: r.try_get("", "table_name")?,
            column: Column {
                name: r.try_get("", "column_name")?,
                sql_type: r.try_get::<String>("", "column_type")?.to_lowercase(),
                nullable: r.try_get::<String>("", "is_nullable")? == "YES",
                // MariaDB spells "no default, NULL allowed" as the text NULL.
                default: r
                    .try_get::<Option<String>>("", "column_default")?
                    .filter(|d| d != "NULL"),
            },
            pk_position: None,
        });
    }
    for r in query(INDEXES).await? {
        let index: String = r.try_get("", "index_name")?;
        rows.indexes.push(IndexRow {
            table: r.try_get("", "table_name")?,
            primary: index == "PRIMARY",
            index,
            unique: r.try_get::<i64>("", "non_unique")? == 0,
            predicate: None,
            column: r.try_get("", "column_name")?,
            // A UNIQUE constraint is an index like any other here: DROP INDEX drops it.
            constraint: false,
            ..Default::default()
        });
    }
    for r in query(FOREIGN_KEYS).await? {
        rows.foreign_keys.push(ForeignKeyRow::from_catalog(&r)?);
    }
    let version = query("SELECT CAST(VERSION() AS CHAR) AS v").await?;
    let mariadb = version
        .first()
        .map(|r| r.try_get::<String>("", "v"))
        .transpose()?
        .is_some_and(|v| v.contains("MariaDB"));
    let checks = if mariadb {
        CHECKS_MARIADB
    } else {
        CHECKS_MYSQL
    };
    for r in query(checks).await? {
        rows.checks.push((
            r.try_get("", "table_name")?,
            Check {
                name: r.try_get("", "constraint_name")?,
                expression: r.try_get("", "check_clause")?,
            },
        ));
    }
    Ok(rows)
}

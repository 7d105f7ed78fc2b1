use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement, Value};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LiveColumn {
    pub name: String,
    pub nullable: bool,
}

/// `column` references `references` (a table).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct LiveForeignKey {
    pub column: String,
    pub references: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct LiveTable {
    pub columns: Vec<LiveColumn>,
    pub foreign_keys: Vec<LiveForeignKey>,
}

/// Tables (with their columns and foreign keys) of the current database / schema.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct LiveSchema {
    pub tables: BTreeMap<String, LiveTable>,
}

/// Names of the base tables in the current database (PostgreSQL: `current_schema()`), sorted.
pub async fn list_tables<C: ConnectionTrait>(db: &C) -> Result<Vec<String>, DbErr> {
    let sql = match db.get_database_backend() {
        DbBackend::Sqlite => {
            "SELECT name AS table_name FROM sqlite_master \
             WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        }
        DbBackend::Postgres => {
            "SELECT table_name::text AS table_name FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1"
        }
        DbBackend::MySql => {
            "SELECT CAST(table_name AS CHAR) AS table_name FROM information_schema.tables \
             WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY 1"
        }
        other => {
            return Err(DbErr::BackendNotSupported {
                db: other.as_str(),
                ctx: "schema inspection",
            })
        }
    };
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?;
    let mut names = rows
        .iter()
        .map(|r| r.try_get::<String>("", "table_name"))
        .collect::<Result<Vec<_>, _>>()?;
    // Sorted here: the server's collation is not fixed by the driver (sqlx 0.9).
    names.sort();
    Ok(names)
}

pub async fn has_table<C: ConnectionTrait>(db: &C, table: &str) -> Result<bool, DbErr> {
    Ok(list_tables(db).await?.iter().any(|t| t == table))
}

async fn columns<C: ConnectionTrait>(db: &C, table: &str) -> Result<Vec<LiveColumn>, DbErr> {
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Sqlite => {
            "SELECT name AS column_name, CASE WHEN \"notnull\" = 0 THEN 1 ELSE 0 END AS nullable \
             FROM pragma_table_info(?) ORDER BY cid"
        }
        DbBackend::Postgres => {
            "SELECT column_name::text AS column_name, \
             CASE WHEN is_nullable = 'YES' THEN 1 ELSE 0 END AS nullable \
             FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position"
        }
        DbBackend::MySql => {
            "SELECT CAST(column_name AS CHAR) AS column_name, \
             CASE WHEN is_nullable = 'YES' THEN 1 ELSE 0 END AS nullable \
             FROM information_schema.columns \
             WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position"
        }
        other => {
            return Err(DbErr::BackendNotSupported {
                db: other.as_str(),
                ctx: "schema inspection",
            })
        }
    };
    let stmt = Statement::from_sql_and_values(backend, sql, [Value::from(table)]);
    let rows = db.query_all_raw(stmt).await?;
    rows.iter()
        .map(|r| {
            Ok(LiveColumn {
                name: r.try_get::<String>("", "column_name")?,
                nullable: r.try_get::<i32>("", "nullable")? != 0,
            })
        })
        .collect()
}

async fn foreign_keys<C: ConnectionTrait>(
    db: &C,
    table: &str,
) -> Result<Vec<LiveForeignKey>, DbErr> {
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Sqlite => {
            "SELECT \"from\" AS column_name, \"table\" AS referenced_table FROM pragma_foreign_key_list(?)"
        }
        DbBackend::Postgres => {
            "SELECT kcu.column_name::text AS column_name, ccu.table_name::text AS referenced_table \
             FROM information_schema.table_constraints tc \
             JOIN information_schema.key_column_usage kcu \
               ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema \
             JOIN information_schema.constraint_column_usage ccu \
               ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema \
             WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema() \
               AND tc.table_name = $1"
        }
        DbBackend::MySql => {
            "SELECT CAST(column_name AS CHAR) AS column_name, \
             CAST(referenced_table_name AS CHAR) AS referenced_table \
             FROM information_schema.key_column_usage \
             WHERE table_schema = DATABASE() AND table_name = ? AND referenced_table_name IS NOT NULL"
        }
        other => {
            return Err(DbErr::BackendNotSupported {
                db: other.as_str(),
                ctx: "schema inspection",
            })
        }
    };
    let stmt = Statement::from_sql_and_values(backend, sql, [Value::from(table)]);
    let mut fks = db
        .query_all_raw(stmt)
        .await?
        .iter()
        .map(|r| {
            Ok(LiveForeignKey {
                column: r.try_get::<String>("", "column_name")?,
                references: r.try_get::<String>("", "referenced_table")?,
            })
        })
        .collect::<Result<Vec<_>, DbErr>>()?;
    fks.sort();
    fks.dedup();
    Ok(fks)
}

/// Every table with its columns and foreign keys.
pub async fn read_schema<C: ConnectionTrait>(db: &C) -> Result<LiveSchema, DbErr> {
    let mut tables = BTreeMap::new();
    for table in list_tables(db).await? {
        let live = LiveTable {
            columns: columns(db, &table).await?,
            foreign_keys: foreign_keys(db, &table).await?,
        };
        tables.insert(table, live);
    }
    Ok(LiveSchema { tables })
}

//! Before a downgrade drops anything: which tables go, how many rows they hold, and whether a
//! table outside them still points at one (dropping would fail halfway on MySQL, or cascade).

use crate::recorder::{tables_left_dropped, Recorder};
use crate::{MigrateError, Migrations, Plan};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::SchemaManager;

/// What reverting a plan would destroy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DowngradeImpact {
    /// Tables the `down` steps drop that exist, with their row counts.
    pub tables: Vec<(String, u64)>,
    /// Columns they drop (`table.column`), with the values (non-NULL) held in them.
    pub columns: Vec<(String, u64)>,
    /// Indexes and constraints they drop.
    pub indexes: Vec<String>,
    /// `child.column → parent` for foreign keys from tables that stay to tables that go.
    pub outside_references: Vec<String>,
}

impl DowngradeImpact {
    pub fn rows(&self) -> u64 {
        self.tables.iter().map(|(_, n)| n).sum()
    }

    /// Refuses while a table that stays references one that goes.
    pub fn ensure_unreferenced(self) -> Result<Self, MigrateError> {
        if self.outside_references.is_empty() {
            Ok(self)
        } else {
            Err(MigrateError::DowngradeBlocked {
                tables: self.describe_tables(),
                references: self.outside_references,
            })
        }
    }

    /// "users (3 rows), jobs (0 rows)".
    pub fn describe_tables(&self) -> String {
        self.tables
            .iter()
            .map(|(t, n)| format!("{t} ({n} rows)"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Reads the impact of `plan` (a revert) on the database behind `conn`.
pub async fn downgrade_impact<C: ConnectionTrait>(
    conn: &C,
    migrations: &Migrations,
    plan: &Plan,
) -> Result<DowngradeImpact, MigrateError> {
    let Plan::Revert(steps) = plan else {
        return Ok(DowngradeImpact::default());
    };
    let backend = conn.get_database_backend();
    let (recorder, recording) = Recorder::connect(backend);
    let mut dropped = Vec::new();
    let mut columns = Vec::new();
    let mut indexes = Vec::new();
    for &i in steps {
        migrations
            .migration(i)
            .down(&SchemaManager::new(&recording))
            .await?;
        let statements = recorder.take();
        dropped.extend(tables_left_dropped(
            statements.iter().map(|s| s.sql.as_str()),
        ));
        let (gone_columns, gone_indexes) =
            crate::recorder::parts_dropped(statements.iter().map(|s| s.sql.as_str()));
        columns.extend(gone_columns);
        indexes.extend(gone_indexes);
    }
    let columns = values_in(conn, &columns).await?;
    let tables = tables_with_rows(conn, &dropped).await?;
    let existing: Vec<String> = tables.iter().map(|(t, _)| t.clone()).collect();
    let outside_references = references_into(conn, &existing)
        .await?
        .into_iter()
        .filter(|(child, _, _)| !existing.contains(child))
        .map(|(child, column, parent)| format!("{child}.{column} → {parent}"))
        .collect();
    Ok(DowngradeImpact {
        tables,
        columns,
        indexes,
        outside_references,
    })
}

/// How many values (non-NULL) each `(table, column)` holds, as `table.column`; a column that
/// is not there (already gone) is left out.
async fn values_in<C: ConnectionTrait>(
    conn: &C,
    columns: &[(String, String)],
) -> Result<Vec<(String, u64)>, MigrateError> {
    let backend = conn.get_database_backend();
    let quote = |t: &str| match backend {
        DbBackend::MySql => format!("`{}`", t.replace('`', "``")),
        _ => format!("\"{}\"", t.replace('"', "\"\"")),
    };
    let mut out = Vec::new();
    for (table, column) in columns {
        let sql = format!("SELECT COUNT({}) AS n FROM {}", quote(column), quote(table));
        // A column the database does not have is not counted (the down would fail on it).
        if let Ok(Some(row)) = conn
            .query_one_raw(Statement::from_string(backend, sql))
            .await
        {
            let n = row.try_get::<i64>("", "n")?.max(0) as u64;
            out.push((format!("{table}.{column}"), n));
        }
    }
    Ok(out)
}

/// Which of `tables` exist, in the order given, with their row counts (one query).
pub(crate) async fn tables_with_rows<C: ConnectionTrait>(
    conn: &C,
    tables: &[String],
) -> Result<Vec<(String, u64)>, MigrateError> {
    let existing = crate::version_table::existing_tables(conn, tables).await?;
    if existing.is_empty() {
        return Ok(vec![]);
    }
    let backend = conn.get_database_backend();
    let quote = |t: &str| match backend {
        DbBackend::MySql => format!("`{}`", t.replace('`', "``")),
        _ => format!("\"{}\"", t.replace('"', "\"\"")),
    };
    let counts = existing
        .iter()
        .map(|t| {
            format!(
                "SELECT '{}' AS t, COUNT(*) AS n FROM {}",
                t.replace('\'', "''"),
                quote(t)
            )
        })
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    let mut rows = std::collections::HashMap::new();
    for row in conn
        .query_all_raw(Statement::from_string(backend, counts))
        .await?
    {
        rows.insert(
            row.try_get::<String>("", "t")?,
            row.try_get::<i64>("", "n")?.max(0) as u64,
        );
    }
    Ok(tables
        .iter()
        .filter_map(|t| rows.get(t).map(|n| (t.clone(), *n)))
        .collect())
}

/// Every foreign key `(child table, child column, parent table)` whose parent is in `parents`.
async fn references_into<C: ConnectionTrait>(
    conn: &C,
    parents: &[String],
) -> Result<Vec<(String, String, String)>, MigrateError> {
    let backend = conn.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => {
            "SELECT c.conrelid::regclass::text AS child, a.attname::text AS col, \
             c.confrelid::regclass::text AS parent \
             FROM pg_constraint c \
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] \
             WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace"
        }
        DbBackend::MySql => {
            "SELECT CAST(table_name AS CHAR) AS child, CAST(column_name AS CHAR) AS col, \
             CAST(referenced_table_name AS CHAR) AS parent \
             FROM information_schema.key_column_usage \
             WHERE referenced_table_schema = DATABASE() AND referenced_table_name IS NOT NULL"
        }
        DbBackend::Sqlite => {
            "SELECT m.name AS child, p.\"from\" AS col, p.\"table\" AS parent \
             FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) p \
             WHERE m.type = 'table'"
        }
        other => return Err(crate::error::unsupported(other, "reading foreign keys").into()),
    };
    let mut out = Vec::new();
    for row in conn
        .query_all_raw(Statement::from_string(backend, sql.to_owned()))
        .await?
    {
        let parent: String = row.try_get("", "parent")?;
        // regclass text may be schema-qualified or quoted; compare on the bare name.
        let bare = parent
            .rsplit('.')
            .next()
            .unwrap_or(&parent)
            .trim_matches('"')
            .to_owned();
        if parents.contains(&bare) {
            let child: String = row.try_get("", "child")?;
            let child = child
                .rsplit('.')
                .next()
                .unwrap_or(&child)
                .trim_matches('"')
                .to_owned();
            out.push((child, row.try_get("", "col")?, bare));
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

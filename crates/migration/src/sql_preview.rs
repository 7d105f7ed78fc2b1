//! Offline SQL: what `up`/`down` would send to a backend, without sending it. Migrations run
//! against a recording connection (a sea-orm proxy database) instead of the real one, so the
//! script is exactly what the builder produces for that backend, version-table updates included.

use crate::{MigrateError, Migrator};
use sea_orm::{
    Database, DbBackend, DbErr, EntityTrait, ProxyDatabaseTrait, ProxyExecResult, ProxyRow,
    QueryFilter, QueryTrait, Schema, Set, Statement,
};
use sea_orm_migration::{seaql_migrations, MigratorTrait, SchemaManager};
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// The SQL script for applying (`Up`) or reverting (`Down`) the named migrations, in the order
/// given, for `backend`. Each statement ends with `;`, each migration starts with a comment.
pub async fn sql_script(
    backend: DbBackend,
    direction: Direction,
    names: &[String],
) -> Result<String, MigrateError> {
    let mut script = String::new();
    if direction == Direction::Up && !names.is_empty() {
        // What `Migrator::install` runs first, so the script works on an empty database too.
        let mut install = Schema::new(backend).create_table_from_entity(seaql_migrations::Entity);
        install.if_not_exists();
        script.push_str(&format!(
            "-- version table\n{};\n\n",
            backend.build(&install)
        ));
    }
    for name in names {
        let migration = Migrator::migrations()
            .into_iter()
            .find(|m| m.name() == name)
            .ok_or_else(|| MigrateError::NoSuchRevision(name.clone()))?;
        let recorder = Recorder::default();
        let conn = Database::connect_proxy(backend, Arc::new(Box::new(recorder.clone()))).await?;
        {
            let manager = SchemaManager::new(&conn);
            match direction {
                Direction::Up => migration.up(&manager).await?,
                Direction::Down => migration.down(&manager).await?,
            }
        }
        let bookkeeping = match direction {
            Direction::Up => seaql_migrations::Entity::insert(seaql_migrations::ActiveModel {
                version: Set(name.clone()),
                applied_at: Set(unix_now()),
            })
            .build(backend),
            Direction::Down => seaql_migrations::Entity::delete_many()
                .filter(
                    sea_orm::sea_query::Expr::col(seaql_migrations::Column::Version)
                        .eq(name.as_str()),
                )
                .build(backend),
        };
        script.push_str(&format!(
            "-- {} {name}\n",
            if direction == Direction::Up {
                "apply"
            } else {
                "revert"
            }
        ));
        for stmt in recorder.take() {
            script.push_str(&format!("{stmt};\n"));
        }
        script.push_str(&format!("{bookkeeping};\n\n"));
    }
    Ok(script)
}

/// Records every statement and answers as an empty database would. Queries (a migration that
/// inspects the schema first) see no rows.
#[derive(Debug, Default, Clone)]
struct Recorder(Arc<Mutex<Vec<Statement>>>);

impl Recorder {
    fn take(&self) -> Vec<Statement> {
        self.0
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default()
    }

    fn record(&self, statement: Statement) -> Result<(), DbErr> {
        self.0
            .lock()
            .map(|mut v| v.push(statement))
            .map_err(|_| DbErr::Custom("SQL recorder poisoned".into()))
    }
}

#[async_trait::async_trait]
impl ProxyDatabaseTrait for Recorder {
    async fn query(&self, statement: Statement) -> Result<Vec<ProxyRow>, DbErr> {
        self.record(statement)?;
        Ok(vec![])
    }

    async fn execute(&self, statement: Statement) -> Result<ProxyExecResult, DbErr> {
        self.record(statement)?;
        Ok(ProxyExecResult::default())
    }
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn scripts_use_each_backends_dialect() {
        let names = crate::known_revisions();
        let pg = sql_script(DbBackend::Postgres, Direction::Up, &names)
            .await
            .unwrap();
        assert!(pg.contains(r#"CREATE TABLE "users""#), "{pg}");
        assert!(pg.contains("jsonb"), "{pg}");
        assert!(pg.contains(r#"INSERT INTO "seaql_migrations""#), "{pg}");
        assert!(
            pg.starts_with("-- version table\nCREATE TABLE IF NOT EXISTS \"seaql_migrations\""),
            "{pg}"
        );
        let my = sql_script(DbBackend::MySql, Direction::Up, &names)
            .await
            .unwrap();
        assert!(my.contains("CREATE TABLE `users`"), "{my}");
        assert_eq!(
            pg.matches("CREATE TABLE").count(),
            18,
            "17 tables and the version table"
        );
        assert_eq!(
            pg.matches("CREATE INDEX").count() + pg.matches("CREATE UNIQUE INDEX").count(),
            39
        );
        let down = sql_script(DbBackend::Sqlite, Direction::Down, &names)
            .await
            .unwrap();
        assert_eq!(down.matches("DROP TABLE").count(), 17, "{down}");
        assert!(down.contains(r#"DELETE FROM "seaql_migrations""#), "{down}");
        assert!(matches!(
            sql_script(DbBackend::Sqlite, Direction::Up, &["nope".into()]).await,
            Err(MigrateError::NoSuchRevision(_))
        ));
    }
}

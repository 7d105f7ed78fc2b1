//! The schema some DDL creates, as the backend itself spells it: the DDL runs on a throw-away
//! copy of the same backend and [`crate::live::read`] reads it back. That way the entities'
//! schema and the live one are compared in one spelling, with no per-backend type tables.
//!
//! - SQLite: a private in-memory database.
//! - PostgreSQL: a schema created inside a transaction that is rolled back (its DDL is
//!   transactional, so nothing is ever left behind, even if the process dies).
//! - MySQL/MariaDB: a temporary database on the same server, dropped afterwards, on one pinned
//!   connection that is pointed back at its own database before it returns to the pool.

use crate::{live, Schema};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr, TransactionTrait};

pub async fn read(like: &DatabaseConnection, ddl: &[String]) -> Result<Schema, DbErr> {
    // Unique within the process too: two reads at once (parallel tests, a server's requests)
    // must not drop each other's database. Named after its owner (see `scratch`).
    let scratch = crate::scratch::new_name();
    // One round trip for the whole script.
    let script = ddl.join(";\n");
    match like.get_database_backend() {
        DbBackend::Sqlite => {
            let db = Database::connect("sqlite::memory:").await?;
            db.execute_unprepared(&script).await?;
            let schema = live::read(&db).await;
            db.close().await.ok();
            schema
        }
        DbBackend::Postgres => {
            let txn = like.begin().await?;
            txn.execute_unprepared(&format!(
                "CREATE SCHEMA {scratch}; SET LOCAL search_path TO {scratch}"
            ))
            .await?;
            txn.execute_unprepared(&script).await?;
            let schema = live::read(&txn).await;
            txn.rollback().await?;
            schema
        }
        DbBackend::MySql => {
            let txn = like.begin().await?;
            let home: Option<String> = txn
                .query_one_raw(sea_orm::Statement::from_string(
                    DbBackend::MySql,
                    "SELECT CAST(DATABASE() AS CHAR) AS db",
                ))
                .await?
                .map(|r| r.try_get("", "db"))
                .transpose()?;
            // Claimed on this pinned connection while it exists: a process killed meanwhile
            // leaves a database the next `generate` can tell is abandoned.
            crate::scratch::claim(&txn, &scratch).await?;
            txn.execute_unprepared(&format!(
                "DROP DATABASE IF EXISTS `{scratch}`; CREATE DATABASE `{scratch}`; USE `{scratch}`"
            ))
            .await?;
            let schema = match txn.execute_unprepared(&script).await {
                Ok(_) => live::read_in(&txn, Some(&scratch)).await,
                Err(e) => Err(e),
            };
            let back = match home {
                Some(db) => format!("USE `{db}`"),
                None => "SELECT 1".to_owned(),
            };
            txn.execute_unprepared(&format!("DROP DATABASE IF EXISTS `{scratch}`; {back}"))
                .await?;
            crate::scratch::release(&txn, &scratch).await;
            txn.commit().await?;
            schema
        }
        other => Err(DbErr::BackendNotSupported {
            db: other.as_str(),
            ctx: "reading a schema from DDL",
        }),
    }
}

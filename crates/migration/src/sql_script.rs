//! Offline SQL: what a plan would send to a backend, without sending it. The plan's steps run
//! through the runner's own [`execute`] against a recording connection, so the script is
//! exactly what `upgrade`/`downgrade` would run, version-table updates included.

use crate::plan::Plan;
use crate::recorder::Recorder;
use crate::runner::{execute, Step};
use crate::{version_table, MigrateError, Migrations};
use sea_orm::{DatabaseExecutor, DbBackend};

/// The script for `plan` on `backend`. Each statement ends with `;`, each migration starts with
/// a comment. On PostgreSQL and SQLite the script is one transaction, as the runner is; on
/// SQLite with foreign-key enforcement off meanwhile and a `foreign_key_check` (which lists
/// broken references, if any) before the commit, as the runner does.
pub async fn sql_script(
    backend: DbBackend,
    migrations: &Migrations,
    plan: &Plan,
) -> Result<String, MigrateError> {
    let (recorder, conn) = Recorder::connect(backend);
    let conn = DatabaseExecutor::Connection(&conn);
    let atomic = backend != DbBackend::MySql;
    let mut script = String::new();
    let sqlite = backend == DbBackend::Sqlite;
    if sqlite {
        script.push_str("PRAGMA foreign_keys = OFF;\n");
    }
    if atomic {
        script.push_str("BEGIN;\n\n");
    }
    if matches!(plan, Plan::Apply(_) | Plan::Stamp { .. }) && !plan.is_empty() {
        version_table::install(&conn).await?;
    }
    if !plan.is_empty() {
        push(&mut script, "version table", &recorder);
    }
    for step in plan.steps() {
        let online = match step {
            Step::Apply(i) => crate::online::is_online(migrations.migration(i), backend),
            _ => false,
        };
        if online {
            script.push_str("COMMIT;\n\n");
        }
        execute(&conn, migrations, step).await?;
        let heading = match step {
            Step::Apply(i) => format!("apply {}", migrations.name(i)),
            Step::Revert(i) => format!("revert {}", migrations.name(i)),
            Step::Record(i) => format!("record {}", migrations.name(i)),
            Step::Unrecord(n) => format!("unrecord {n}"),
            Step::DropTable(t) => format!("drop {t}"),
        };
        if online {
            let heading = format!(
                "{heading} (online: outside BEGIN … COMMIT, each statement commits on its own)"
            );
            push(&mut script, &heading, &recorder);
            script.push_str("BEGIN;\n\n");
        } else {
            push(&mut script, &heading, &recorder);
        }
    }
    if sqlite {
        script.push_str("PRAGMA foreign_key_check;\n");
    }
    if atomic {
        script.push_str("COMMIT;\n");
    }
    if sqlite {
        script.push_str("PRAGMA foreign_keys = ON;\n");
    }
    Ok(script)
}

/// The recorded statements under `heading`. Checksums are left out: each holds a migration's
/// whole SQL again, and the runner records them for migrations applied by hand (as for any
/// database migrated before checksums existed).
fn push(script: &mut String, heading: &str, recorder: &Recorder) {
    script.push_str(&format!("-- {heading}\n"));
    for statement in recorder.take() {
        let statement = statement.to_string();
        if !statement.contains(crate::checksum::CHECKSUM_TABLE) {
            script.push_str(&format!("{statement};\n"));
        }
    }
    script.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{plan, DbState, Request};

    async fn script(backend: DbBackend, request: Request, state: &DbState) -> String {
        let migrations = crate::migrations().unwrap();
        let p = plan(&migrations, state, &request).unwrap();
        sql_script(backend, &migrations, &p).await.unwrap()
    }

    #[tokio::test]
    async fn scripts_use_each_backends_dialect() {
        let empty = DbState::default();
        let pg = script(DbBackend::Postgres, Request::upgrade_to_head(), &empty).await;
        assert!(
            pg.starts_with(
                "BEGIN;\n\n-- version table\nCREATE TABLE IF NOT EXISTS \"seaql_migrations\""
            ),
            "{pg}"
        );
        assert!(pg.trim_end().ends_with("COMMIT;"), "{pg}");
        assert!(pg.contains(r#"CREATE TABLE "users""#), "{pg}");
        assert!(pg.contains("jsonb"), "{pg}");
        assert!(pg.contains(r#"INSERT INTO "seaql_migrations""#), "{pg}");
        assert_eq!(
            pg.matches("CREATE TABLE").count(),
            18,
            "17 tables and the version table"
        );
        assert_eq!(
            pg.matches("CREATE INDEX").count() + pg.matches("CREATE UNIQUE INDEX").count(),
            40,
            "39 of the first migration, and pgvector's HNSW index"
        );
        assert!(pg.contains("CREATE EXTENSION IF NOT EXISTS vector"), "{pg}");
        let my = script(DbBackend::MySql, Request::upgrade_to_head(), &empty).await;
        assert!(my.contains("CREATE TABLE `users`"), "{my}");
        assert!(
            !my.contains("BEGIN;"),
            "MySQL DDL is not transactional: {my}"
        );

        let at_head = DbState {
            rows: crate::migrations()
                .unwrap()
                .names()
                .map(|v| crate::AppliedRevision {
                    version: v.to_owned(),
                    applied_at: 0,
                })
                .collect(),
            ..Default::default()
        };
        let down = script(
            DbBackend::Sqlite,
            Request::Downgrade {
                target: crate::Target::Base,
            },
            &at_head,
        )
        .await;
        assert_eq!(down.matches("DROP TABLE").count(), 17, "{down}");
        assert!(down.contains(r#"DELETE FROM "seaql_migrations""#), "{down}");
    }
}

//! A connection that records statements instead of running them: how `--sql` and the list of
//! tables a migration creates are obtained from the real migration code, not a second copy.

use sea_orm::{
    DatabaseConnection, DatabaseConnectionType, DbBackend, DbErr, ExecResult, MockDatabase,
    MockDatabaseConnection, MockDatabaseTrait, MockExecResult, QueryResult, Statement, Transaction,
};
use std::sync::{Arc, Mutex};

/// Answers every statement as an empty database would, and keeps those that change it.
#[derive(Debug, Clone)]
pub struct Recorder {
    backend: DbBackend,
    statements: Arc<Mutex<Vec<Statement>>>,
}

impl Recorder {
    /// A recorder and a connection that feeds it.
    pub fn connect(backend: DbBackend) -> (Self, DatabaseConnection) {
        let recorder = Recorder {
            backend,
            statements: Arc::default(),
        };
        let conn = DatabaseConnectionType::MockDatabaseConnection(Arc::new(
            MockDatabaseConnection::new(recorder.clone()),
        ))
        .into();
        (recorder, conn)
    }

    /// The statements recorded since the last call.
    pub fn take(&self) -> Vec<Statement> {
        self.statements
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default()
    }

    fn keep(&self, statement: Statement) -> Result<(), DbErr> {
        self.statements
            .lock()
            .map(|mut v| v.push(statement))
            .map_err(|_| DbErr::Custom("SQL recorder poisoned".into()))
    }
}

impl MockDatabaseTrait for Recorder {
    fn execute(&mut self, _counter: usize, statement: Statement) -> Result<ExecResult, DbErr> {
        // `ExecResult` has no public constructor: a one-shot mock database makes one.
        let mut answer =
            MockDatabase::new(self.backend).append_exec_results([MockExecResult::default()]);
        let result = answer.execute(0, statement.clone());
        self.keep(statement)?;
        result
    }

    /// A read changes nothing: it is answered (empty) and not kept, so that `--sql` shows
    /// only what changes the database, not the checks and guards that ask before changing.
    fn query(&mut self, _counter: usize, _statement: Statement) -> Result<Vec<QueryResult>, DbErr> {
        Ok(vec![])
    }

    fn begin(&mut self) {}
    fn commit(&mut self) {}
    fn rollback(&mut self) {}

    fn drain_transaction_log(&mut self) -> Vec<Transaction> {
        vec![]
    }

    fn get_database_backend(&self) -> DbBackend {
        self.backend
    }

    fn ping(&self) -> Result<(), DbErr> {
        Ok(())
    }
}

/// The statements one direction of `migration` sends to `backend`, as `--sql` records them
/// (reads are answered empty and not kept).
pub async fn statements_of(
    backend: DbBackend,
    migration: &dyn sea_orm_migration::MigrationTrait,
    up: bool,
) -> Result<Vec<String>, DbErr> {
    let (recorder, conn) = Recorder::connect(backend);
    let manager = sea_orm_migration::SchemaManager::new(&conn);
    if up {
        migration.up(&manager).await?;
    } else {
        migration.down(&manager).await?;
    }
    Ok(recorder.take().into_iter().map(|s| s.to_string()).collect())
}

/// The table a `CREATE TABLE` statement creates, unquoted.
pub fn created_table(sql: &str) -> Option<String> {
    table_after(sql, "CREATE TABLE ", "IF NOT EXISTS ")
}

/// The table a `DROP TABLE` statement drops, unquoted.
pub fn dropped_table(sql: &str) -> Option<String> {
    table_after(sql, "DROP TABLE ", "IF EXISTS ")
}

/// The name an `ALTER TABLE … RENAME TO` statement gives a table, unquoted.
pub fn renamed_into(sql: &str) -> Option<String> {
    let sql = sql.trim_start();
    sql.strip_prefix("ALTER TABLE ")?;
    let (_, after) = sql.split_once(" RENAME TO ")?;
    table_after(&format!("T {after}"), "T ", "")
}

/// The tables whose rows or definition a statement (or a `;`-separated batch) changes, for the
/// foreign-key check after a SQLite migration; `None` when some statement is not understood,
/// which means "check everything". A name too many only costs a check.
pub fn tables_written(sql: &str) -> Option<Vec<String>> {
    let mut tables = Vec::new();
    for statement in sql.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        let upper = statement.to_ascii_uppercase();
        let words: Vec<&str> = upper.split_whitespace().collect();
        let after = |keyword: &str| {
            let at = words.iter().position(|w| *w == keyword)?;
            let offset = upper
                .match_indices(keyword)
                .map(|(i, _)| i)
                .find(|&i| upper[..i].split_whitespace().count() == at)?;
            table_after(&statement[offset..], &format!("{keyword} "), "")
                .map(|t| t.trim_start_matches("IF ").to_owned())
        };
        let table = match words.as_slice() {
            ["PRAGMA", ..] | ["SAVEPOINT", ..] | ["RELEASE", ..] => continue,
            ["CREATE", "TABLE", ..] => created_table(statement),
            ["DROP", "TABLE", ..] => dropped_table(statement),
            ["ALTER", "TABLE", ..] => table_after(statement, "ALTER TABLE ", ""),
            ["CREATE", "INDEX" | "UNIQUE", ..] => after("ON"),
            ["INSERT", ..] | ["REPLACE", ..] => after("INTO"),
            ["UPDATE", ..] => table_after(statement, "UPDATE ", ""),
            ["DELETE", "FROM", ..] => table_after(statement, "DELETE FROM ", ""),
            _ => None,
        };
        tables.push(table?);
        if let Some(new_name) = renamed_into(statement) {
            tables.push(new_name);
        }
    }
    Some(tables)
}

/// The tables a sequence of statements leaves dropped: dropped, and not created again or
/// renamed into afterwards (a SQLite table rebuild drops the old table and renames the new).
pub fn tables_left_dropped<'s>(statements: impl IntoIterator<Item = &'s str>) -> Vec<String> {
    let mut gone: Vec<String> = Vec::new();
    for sql in statements {
        if let Some(t) = dropped_table(sql) {
            gone.push(t);
        } else if let Some(t) = created_table(sql).or_else(|| renamed_into(sql)) {
            gone.retain(|g| *g != t);
        }
    }
    gone
}

/// `(table, column)` of each `ALTER TABLE t DROP COLUMN c` among `statements`, and the name
/// of each index or constraint dropped (`DROP INDEX i`, `ALTER TABLE t DROP CONSTRAINT c`,
/// `ALTER TABLE t DROP INDEX i`): what a `down` takes away short of whole tables. A column the
/// statements themselves added first (a staging column) takes nothing away.
pub fn parts_dropped<'s>(
    statements: impl IntoIterator<Item = &'s str>,
) -> (Vec<(String, String)>, Vec<String>) {
    let mut columns = Vec::new();
    let mut indexes = Vec::new();
    let mut added: Vec<(String, String)> = Vec::new();
    for sql in statements {
        if let Some(index) = table_after(sql, "DROP INDEX ", "IF EXISTS ") {
            indexes.push(index);
            continue;
        }
        let Some(table) = table_after(sql, "ALTER TABLE ", "") else {
            continue;
        };
        let upper = sql.to_ascii_uppercase();
        if let Some(at) = upper.find(" ADD COLUMN ") {
            let name = table_after(&sql[at..], "ADD COLUMN ", "IF NOT EXISTS ").unwrap_or_default();
            added.push((table.clone(), name));
        }
        for (verb, is_column) in [
            (" DROP COLUMN ", true),
            (" DROP CONSTRAINT ", false),
            (" DROP INDEX ", false),
        ] {
            if let Some(at) = upper.find(verb) {
                let name = table_after(&sql[at..], verb.trim_start(), "").unwrap_or_default();
                if is_column {
                    let column = (table.clone(), name);
                    if !added.contains(&column) {
                        columns.push(column);
                    }
                } else {
                    indexes.push(name);
                }
            }
        }
    }
    (columns, indexes)
}

fn table_after(sql: &str, verb: &str, guard: &str) -> Option<String> {
    let rest = sql.trim_start().strip_prefix(verb)?;
    let rest = rest.strip_prefix(guard).unwrap_or(rest);
    let name: String = match rest.chars().next()? {
        q @ ('"' | '`') => rest[1..].split(q).next()?.to_owned(),
        _ => rest.split([' ', '(']).next()?.to_owned(),
    };
    Some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_a_statement_writes_are_named_and_anything_else_is_unknown() {
        let written = |sql: &str| tables_written(sql);
        assert_eq!(
            written(r#"CREATE TABLE "a" ("id" integer); INSERT INTO "a" SELECT * FROM "b""#),
            Some(vec!["a".to_owned(), "a".to_owned()])
        );
        assert_eq!(
            written(r#"CREATE UNIQUE INDEX "i" ON "users" ("email")"#),
            Some(vec!["users".to_owned()])
        );
        assert_eq!(
            written(r#"ALTER TABLE "t_new" RENAME TO "t""#),
            Some(vec!["t_new".to_owned(), "t".to_owned()])
        );
        assert_eq!(
            written(r#"UPDATE "cases" SET "x" = 1; DELETE FROM "notes"; PRAGMA foreign_keys = ON"#),
            Some(vec!["cases".to_owned(), "notes".to_owned()])
        );
        assert_eq!(written(r#"DROP INDEX "idx_users_role""#), None);
        assert_eq!(written("WITH x AS (SELECT 1) UPDATE t SET a = 1"), None);
    }

    #[test]
    fn dropped_columns_and_indexes_are_read_from_the_statements() {
        let (columns, indexes) = parts_dropped([
            r#"ALTER TABLE "users" DROP COLUMN "nickname""#,
            "ALTER TABLE `cases` DROP COLUMN `note`",
            r#"DROP INDEX "idx_users_role""#,
            "DROP INDEX `idx_a` ON `users`",
            r#"ALTER TABLE "users" DROP CONSTRAINT "users_email_key""#,
            r#"ALTER TABLE "users" ADD COLUMN "x" text"#,
            r#"ALTER TABLE "users" DROP COLUMN "x""#,
        ]);
        assert_eq!(
            columns,
            [
                ("users".to_owned(), "nickname".to_owned()),
                ("cases".to_owned(), "note".to_owned())
            ],
            "users.x, added by the same statements, loses nothing"
        );
        assert_eq!(indexes, ["idx_users_role", "idx_a", "users_email_key"]);
    }

    #[test]
    fn a_rebuilt_table_is_not_left_dropped() {
        let rebuild = [
            r#"CREATE TABLE "users__rebuild" ( "id" integer )"#,
            r#"DROP TABLE "users""#,
            r#"ALTER TABLE "users__rebuild" RENAME TO "users""#,
            r#"DROP TABLE "notes""#,
        ];
        assert_eq!(tables_left_dropped(rebuild), ["notes"]);
    }

    #[test]
    fn reads_table_names_in_every_dialect() {
        assert_eq!(
            created_table(r#"CREATE TABLE "users" ( "id" uuid )"#).as_deref(),
            Some("users")
        );
        assert_eq!(
            created_table("CREATE TABLE `users` ( `id` binary(16) )").as_deref(),
            Some("users")
        );
        assert_eq!(
            created_table(r#"CREATE TABLE IF NOT EXISTS "seaql_migrations" ( )"#).as_deref(),
            Some("seaql_migrations")
        );
        assert_eq!(created_table("CREATE INDEX x ON y (z)"), None);
        assert_eq!(
            dropped_table(r#"DROP TABLE "users""#).as_deref(),
            Some("users")
        );
        assert_eq!(
            dropped_table("DROP TABLE IF EXISTS `jobs`").as_deref(),
            Some("jobs")
        );
    }
}

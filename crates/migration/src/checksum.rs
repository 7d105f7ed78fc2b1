//! What each applied migration sent, kept so that an edit made after it ran is caught.
//!
//! A migration's checksum is the SHA-256 of the SQL its `up` sends on the backend it ran on,
//! recorded as `--sql` records it, each statement normalised (comments gone, whitespace runs
//! made one space). Editing the Rust file's layout or comments changes nothing; changing what
//! it sends does. The normalised statements are kept beside the hash, so that a mismatch can
//! show which statements differ.
//!
//! Databases migrated before checksums existed have no row: the runner adopts them, recording
//! the build's checksum without complaint (the same trust `stamp` gives).

use crate::{MigrateError, Migrations};
use sea_orm::{ConnectionTrait, DbBackend, Statement, Value};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// The table of checksums, one row per applied migration.
pub const CHECKSUM_TABLE: &str = "counsel_migration_checksums";

/// What one migration sends on one backend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    /// Hex SHA-256 of the normalised statements (see [`normalize`]).
    pub checksum: String,
    /// The statements as sent, one per line (whitespace runs made one space).
    pub sql: String,
}

impl Sent {
    pub fn of(statements: &[String]) -> Self {
        let normalized = statements
            .iter()
            .map(|s| normalize(s))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(";\n");
        let sql = statements
            .iter()
            .map(|s| one_line(s))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(";\n");
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let checksum = Sha256::digest(normalized.as_bytes())
            .iter()
            .flat_map(|b| [HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]])
            .map(char::from)
            .collect();
        Self { checksum, sql }
    }

    pub fn statements(&self) -> impl Iterator<Item = &str> {
        self.sql.split(";\n").filter(|s| !s.is_empty())
    }
}

/// A statement on one line, for people to read: whitespace runs made one space.
fn one_line(statement: &str) -> String {
    let line = statement.split_whitespace().collect::<Vec<_>>().join(" ");
    line.trim_end_matches(';').trim_end().to_owned()
}

/// One statement without comments, with whitespace outside quotes kept only where it
/// separates two words (one space), so that layout never changes the checksum.
pub fn normalize(statement: &str) -> String {
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '_' | '\'' | '"' | '`' | '$');
    let mut out = String::with_capacity(statement.len());
    let mut chars = statement.chars().peekable();
    let mut pending_space = false;
    let push = |out: &mut String, c: char, pending_space: &mut bool| {
        if *pending_space && out.chars().last().is_some_and(is_word) && is_word(c) {
            out.push(' ');
        }
        *pending_space = false;
        out.push(c);
    };
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' | '`' => {
                push(&mut out, c, &mut pending_space);
                // A quoted run is copied as is; a doubled quote is an escaped one.
                while let Some(q) = chars.next() {
                    out.push(q);
                    if q == c {
                        if chars.peek() == Some(&c) {
                            out.push(c);
                            chars.next();
                        } else {
                            break;
                        }
                    }
                }
            }
            '-' if chars.peek() == Some(&'-') => {
                for n in chars.by_ref() {
                    if n == '\n' {
                        break;
                    }
                }
                pending_space = true;
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = '\0';
                for n in chars.by_ref() {
                    if last == '*' && n == '/' {
                        break;
                    }
                    last = n;
                }
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            c => push(&mut out, c, &mut pending_space),
        }
    }
    out.trim_end_matches(';').trim_end().to_owned()
}

/// An applied migration whose SQL is not what it was when it ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    pub name: String,
    /// Statements it sent then and does not send now.
    pub removed: Vec<String>,
    /// Statements it sends now and did not send then.
    pub added: Vec<String>,
}

impl Edited {
    fn between(name: &str, recorded: &str, now: &Sent) -> Self {
        let before: Vec<&str> = recorded.split(";\n").filter(|s| !s.is_empty()).collect();
        let after: Vec<&str> = now.statements().collect();
        // Compared as normalised, shown as sent.
        let key = |list: &[&str]| list.iter().map(|s| normalize(s)).collect::<Vec<_>>();
        let (old, new) = (key(&before), key(&after));
        let mut edited = Edited {
            name: name.to_owned(),
            removed: vec![],
            added: vec![],
        };
        for op in similar::capture_diff_slices(similar::Algorithm::Myers, &old, &new) {
            let (tag, old_range, new_range) = op.as_tag_tuple();
            if tag == similar::DiffTag::Equal {
                continue;
            }
            edited
                .removed
                .extend(before[old_range].iter().map(|s| s.to_string()));
            edited
                .added
                .extend(after[new_range].iter().map(|s| s.to_string()));
        }
        edited
    }

    /// The name, then each differing statement as `- ` (then) or `+ ` (now).
    pub fn describe(&self) -> String {
        let mut text = format!(
            "{} was changed after it was applied: the SQL it sends is not what it sent then",
            self.name
        );
        for s in &self.removed {
            text.push_str(&format!("\n    - {s}"));
        }
        for s in &self.added {
            text.push_str(&format!("\n    + {s}"));
        }
        if self.removed.is_empty() && self.added.is_empty() {
            text.push_str("\n    (the statements are the same, in another order)");
        }
        text
    }
}

/// What verifying the applied migrations found.
#[derive(Debug, Default)]
pub struct Verified {
    pub edited: Vec<Edited>,
    /// Applied migrations with no checksum yet (migrated before checksums existed).
    pub unrecorded: Vec<usize>,
}

/// Compares the recorded checksums of the applied migrations `applied` with the build's.
/// One query; a missing table means nothing is recorded yet.
pub async fn verify<C: ConnectionTrait>(
    db: &C,
    migrations: &Migrations,
    applied: &[usize],
) -> Result<Verified, MigrateError> {
    let backend = db.get_database_backend();
    let recorded = read(db).await?;
    let sent = migrations.sent(backend).await?;
    let mut verified = Verified::default();
    for &i in applied {
        match recorded.get(migrations.name(i)) {
            Some((checksum, _)) if *checksum == sent[i].checksum => {}
            Some((_, sql)) => {
                verified
                    .edited
                    .push(Edited::between(migrations.name(i), sql, &sent[i]))
            }
            None => verified.unrecorded.push(i),
        }
    }
    Ok(verified)
}

/// The recorded checksums and statements by migration name; empty when the table is missing.
async fn read<C: ConnectionTrait>(
    db: &C,
) -> Result<HashMap<String, (String, String)>, MigrateError> {
    let present = crate::version_table::existing_tables(db, &[CHECKSUM_TABLE.to_owned()]).await?;
    if present.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            format!("SELECT version, checksum, statements FROM {CHECKSUM_TABLE}"),
        ))
        .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get("", "version")?,
                (r.try_get("", "checksum")?, r.try_get("", "statements")?),
            ))
        })
        .collect::<Result<_, sea_orm::DbErr>>()
        .map_err(Into::into)
}

/// Creates the checksum table if it is missing.
pub async fn install<C: ConnectionTrait>(db: &C) -> Result<(), MigrateError> {
    let (name, long_text) = match db.get_database_backend() {
        DbBackend::MySql => ("VARCHAR(255)", "LONGTEXT"),
        _ => ("TEXT", "TEXT"),
    };
    db.execute_unprepared(&format!(
        "CREATE TABLE IF NOT EXISTS {CHECKSUM_TABLE} (version {name} NOT NULL PRIMARY KEY, \
         checksum {name} NOT NULL, statements {long_text} NOT NULL)"
    ))
    .await?;
    Ok(())
}

/// Records the build's checksum of migration `position` (replacing any earlier one).
pub async fn record<C: ConnectionTrait>(
    db: &C,
    migrations: &Migrations,
    position: usize,
) -> Result<(), MigrateError> {
    let backend = db.get_database_backend();
    let sent = &migrations.sent(backend).await?[position];
    let name = migrations.name(position);
    forget(db, name).await?;
    let p = |i| crate::version_table::placeholder(backend, i);
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        format!(
            "INSERT INTO {CHECKSUM_TABLE} (version, checksum, statements) VALUES ({}, {}, {})",
            p(1),
            p(2),
            p(3)
        ),
        [
            Value::from(name),
            Value::from(sent.checksum.as_str()),
            Value::from(sent.sql.as_str()),
        ],
    ))
    .await?;
    Ok(())
}

/// Removes the checksum of a migration that is no longer applied.
pub async fn forget<C: ConnectionTrait>(db: &C, name: &str) -> Result<(), MigrateError> {
    let backend = db.get_database_backend();
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        format!(
            "DELETE FROM {CHECKSUM_TABLE} WHERE version = {}",
            crate::version_table::placeholder(backend, 1)
        ),
        [Value::from(name)],
    ))
    .await?;
    Ok(())
}

/// What each migration of `migrations` sends on `backend`, in order, through one recorder.
pub(crate) async fn of_all(
    backend: DbBackend,
    migrations: &Migrations,
) -> Result<Vec<Sent>, MigrateError> {
    let (recorder, conn) = crate::recorder::Recorder::connect(backend);
    let manager = sea_orm_migration::SchemaManager::new(&conn);
    let mut all = Vec::with_capacity(migrations.len());
    for i in 0..migrations.len() {
        migrations.migration(i).up(&manager).await?;
        let statements: Vec<String> = recorder.take().iter().map(|s| s.to_string()).collect();
        all.push(Sent::of(&statements));
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_and_comments_do_not_change_the_checksum_but_sql_does() {
        let a = Sent::of(&["CREATE TABLE t(id int,name text DEFAULT 'a  b')".into()]);
        let b = Sent::of(&[
            "-- why\nCREATE  TABLE t (\n  id int, /* the key */\n  name text DEFAULT 'a  b'\n);"
                .into(),
        ]);
        assert_eq!(a.checksum, b.checksum);
        let quoted = Sent::of(&["CREATE TABLE t (id int, name text DEFAULT 'a b')".into()]);
        assert_ne!(
            a.checksum, quoted.checksum,
            "whitespace inside quotes is data"
        );
        let other = Sent::of(&["CREATE TABLE t (id bigint, name text DEFAULT 'a  b')".into()]);
        assert_ne!(a.checksum, other.checksum);
        assert_eq!(
            normalize("SELECT 'it''s -- not a comment'"),
            "SELECT 'it''s -- not a comment'"
        );
    }

    #[test]
    fn an_edit_names_the_statements_that_differ() {
        let then = Sent::of(&[
            "CREATE TABLE a (x int)".into(),
            "CREATE INDEX i ON a (x)".into(),
        ]);
        let now = Sent::of(&[
            "CREATE TABLE a (x int)".into(),
            "CREATE INDEX i ON a (x, y)".into(),
        ]);
        let edited = Edited::between("m1", &then.sql, &now);
        assert_eq!(edited.removed, ["CREATE INDEX i ON a (x)"]);
        assert_eq!(edited.added, ["CREATE INDEX i ON a (x, y)"]);
        assert!(edited.describe().contains("- CREATE INDEX i ON a (x)"));
    }
}

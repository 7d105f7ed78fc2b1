//! The scratch databases this tool makes on a server (`generate`'s replay, MySQL's shadow
//! reads): named after their owner, and claimed by it for as long as it runs, so that one left
//! by a killed process can be told from one in use and dropped.
//!
//! - The name carries the owner's host and process id: `counsel_shadow_<host>_<pid>_<n>`.
//! - The owner holds a lock named after the database (PostgreSQL: a session advisory lock;
//!   MySQL: `GET_LOCK`) on its own connection. The server releases it when that connection
//!   ends, however the process ends, so a lock anyone can take means the owner is gone.

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement, Value};

pub const PREFIX: &str = "counsel_shadow_";

/// A new name, unique on this host and within this process.
pub fn new_name() -> String {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("{PREFIX}{}_{}_{n}", host_tag(), std::process::id())
}

/// Who made `name`: `(host, pid)`, for names this version makes.
pub fn owner(name: &str) -> Option<(String, u32)> {
    let mut parts = name.strip_prefix(PREFIX)?.rsplitn(3, '_');
    let _n = parts.next()?;
    let pid = parts.next()?.parse().ok()?;
    Some((parts.next()?.to_owned(), pid))
}

/// This host's name as it can appear in a database name: lower-case letters and digits, at
/// most 16 of them.
fn host_tag() -> String {
    let raw = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_default();
    let tag: String = raw
        .trim()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .take(16)
        .collect();
    if tag.is_empty() {
        "host".into()
    } else {
        tag
    }
}

fn lock_statement(backend: DbBackend, name: &str, take: bool) -> Option<Statement> {
    let (sql, values): (&str, Vec<Value>) = match (backend, take) {
        // A two-key advisory lock: the first key says whose locks these are.
        (DbBackend::Postgres, true) => (
            "SELECT pg_try_advisory_lock(1668248942, hashtext($1)) AS taken",
            vec![name.into()],
        ),
        (DbBackend::Postgres, false) => (
            "SELECT pg_advisory_unlock(1668248942, hashtext($1)) AS taken",
            vec![name.into()],
        ),
        (DbBackend::MySql, true) => ("SELECT GET_LOCK(?, 0) AS taken", vec![name.into()]),
        (DbBackend::MySql, false) => ("SELECT RELEASE_LOCK(?) AS taken", vec![name.into()]),
        _ => return None,
    };
    Some(Statement::from_sql_and_values(backend, sql, values))
}

/// Takes the lock named after `name` on `conn`'s session; `true` if it was free.
pub async fn claim<C: ConnectionTrait>(conn: &C, name: &str) -> Result<bool, DbErr> {
    let Some(statement) = lock_statement(conn.get_database_backend(), name, true) else {
        return Ok(true);
    };
    let row = conn.query_one_raw(statement).await?;
    Ok(match row {
        Some(r) => match r.try_get::<bool>("", "taken") {
            Ok(taken) => taken,
            Err(_) => r.try_get::<Option<i64>>("", "taken")?.unwrap_or(0) == 1,
        },
        None => false,
    })
}

/// Gives the lock back (best effort: the end of the session gives it back anyway).
pub async fn release<C: ConnectionTrait>(conn: &C, name: &str) {
    if let Some(statement) = lock_statement(conn.get_database_backend(), name, false) {
        let _ = conn.query_one_raw(statement).await;
    }
}

/// The scratch databases on `conn`'s server whose owner is gone: their lock is free.
pub async fn abandoned<C: ConnectionTrait>(conn: &C) -> Result<Vec<String>, DbErr> {
    let backend = conn.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => {
            "SELECT datname::text AS name FROM pg_database WHERE datname LIKE 'counsel\\_shadow\\_%'"
        }
        DbBackend::MySql => {
            "SELECT CAST(schema_name AS CHAR) AS name FROM information_schema.schemata \
             WHERE schema_name LIKE 'counsel\\_shadow\\_%'"
        }
        _ => return Ok(vec![]),
    };
    let mut found = Vec::new();
    for row in conn
        .query_all_raw(Statement::from_string(backend, sql))
        .await?
    {
        let name: String = row.try_get("", "name")?;
        if claim(conn, &name).await? {
            release(conn, &name).await;
            found.push(name);
        }
    }
    Ok(found)
}

/// Drops the abandoned scratch databases; returns what it dropped, with their owners.
pub async fn drop_abandoned<C: ConnectionTrait>(conn: &C) -> Result<Vec<String>, DbErr> {
    let mut dropped = Vec::new();
    for name in abandoned(conn).await? {
        let sql = match conn.get_database_backend() {
            DbBackend::Postgres => format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"),
            _ => format!("DROP DATABASE IF EXISTS `{name}`"),
        };
        conn.execute_unprepared(&sql).await?;
        dropped.push(describe(&name));
    }
    Ok(dropped)
}

/// `name`, with its owner where the name says it.
pub fn describe(name: &str) -> String {
    match owner(name) {
        Some((host, pid)) => format!("{name} (left by process {pid} on host {host})"),
        None => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_says_who_made_it() {
        let name = new_name();
        assert!(name.len() <= 63, "{name}");
        let (host, pid) = owner(&name).unwrap();
        assert_eq!(pid, std::process::id());
        assert_eq!(host, host_tag());
        assert_eq!(owner("counsel_shadow_12_34"), None);
    }
}

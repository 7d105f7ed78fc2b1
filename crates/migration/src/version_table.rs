//! The version table (`seaql_migrations`, sea-orm-migration's own, so that the plain
//! `Migrator::up` and this crate agree). Every read here is targeted: nothing lists all the
//! tables of the database, whose size the migrator must not depend on.

use crate::{AppliedRevision, MigrateError};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveValue, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Schema, Statement, Value,
};
use sea_orm_migration::seaql_migrations;

/// The table in which applied migrations are recorded.
pub const VERSION_TABLE: &str = "seaql_migrations";

/// One row kept beside the version table by this crate's runner: a fingerprint of the recorded
/// set, so that a boot at head reads one row instead of the whole history.
pub const STATE_TABLE: &str = "counsel_migration_state";

/// The tables that describe the migrations rather than the application's data.
pub const BOOKKEEPING_TABLES: [&str; 3] =
    [VERSION_TABLE, STATE_TABLE, crate::checksum::CHECKSUM_TABLE];

/// An order-independent fingerprint of a set of migrations, each a name and the checksum of
/// the SQL it sent: the wrapping sum of one hash per migration. The hash takes eight bytes a
/// step (then mixes), since a boot hashes every migration of the build. A row written by an
/// older hash simply mismatches once: that boot takes the full path, which writes the row again.
pub fn fingerprint<'n>(migrations: impl Iterator<Item = (&'n str, &'n str)>) -> String {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let absorb = |mut h: u64, bytes: &[u8]| {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            h = (h ^ u64::from_le_bytes(word)).wrapping_mul(PRIME);
            h ^= h >> 29;
        }
        h
    };
    let sum = migrations.fold(0u64, |acc, (name, checksum)| {
        let h = 0xcbf2_9ce4_8422_2325_u64 ^ name.len() as u64;
        let h = absorb(h, name.as_bytes()).wrapping_mul(PRIME) ^ checksum.len() as u64;
        let mut h = absorb(h, checksum.as_bytes());
        // A final mix, so that names differing in one byte differ in every bit.
        h = (h ^ (h >> 32)).wrapping_mul(0xd6e8_feb8_6659_fd93);
        acc.wrapping_add(h ^ (h >> 32))
    });
    format!("{sum:016x}")
}

/// Whether the version table holds exactly the build's migrations, judged from the state row
/// (its fingerprint, plus the version table's count and newest row, which any other writer of
/// that table changes). `false` means "read the rows", never "pending".
pub async fn at_head<C: ConnectionTrait>(
    db: &C,
    migrations: &crate::Migrations,
) -> Result<bool, MigrateError> {
    let both = [VERSION_TABLE.to_owned(), STATE_TABLE.to_owned()];
    if existing_tables(db, &both).await?.len() < 2 {
        return Ok(false);
    }
    // Both tables are there: a query over them that fails means one is not ours.
    match state_matches(db, migrations).await {
        Err(MigrateError::Db(e @ sea_orm::DbErr::Query(_))) => {
            Err(MigrateError::VersionTableMalformed {
                table: VERSION_TABLE,
                detail: e.to_string(),
            })
        }
        other => other,
    }
}

/// [`at_head`] in one query, for a caller outside a transaction: a missing table is an error
/// it can afford, and is taken as "not known to be at head", as is any other error (the
/// locked path that follows reports it).
pub async fn at_head_unlocked<C: ConnectionTrait>(db: &C, migrations: &crate::Migrations) -> bool {
    state_matches(db, migrations).await.unwrap_or(false)
}

async fn state_matches<C: ConnectionTrait>(
    db: &C,
    migrations: &crate::Migrations,
) -> Result<bool, MigrateError> {
    let backend = db.get_database_backend();
    let sql = format!(
        "SELECT s.fingerprint AS fingerprint, \
         (SELECT COUNT(*) FROM {VERSION_TABLE}) AS total, \
         (SELECT MAX(version) FROM {VERSION_TABLE}) AS newest \
         FROM {STATE_TABLE} s WHERE s.in_progress IS NULL"
    );
    let Some(row) = db
        .query_one_raw(Statement::from_string(backend, sql))
        .await?
    else {
        return Ok(false);
    };
    let recorded: String = row.try_get("", "fingerprint")?;
    let total: i64 = row.try_get("", "total")?;
    let newest: Option<String> = row.try_get("", "newest")?;
    Ok(total == migrations.len() as i64
        && newest.as_deref() == migrations.greatest_name()
        && recorded == migrations.fingerprint(backend).await?)
}

async fn ensure_state_table<C: ConnectionTrait>(db: &C) -> Result<(), MigrateError> {
    let text = match db.get_database_backend() {
        DbBackend::MySql => "VARCHAR(255)",
        _ => "TEXT",
    };
    db.execute_unprepared(&format!(
        "CREATE TABLE IF NOT EXISTS {STATE_TABLE} (id INTEGER NOT NULL PRIMARY KEY, \
         fingerprint {text} NOT NULL, in_progress {text} NULL, direction {text} NULL)"
    ))
    .await?;
    Ok(())
}

pub(crate) fn placeholder(backend: DbBackend, i: usize) -> String {
    match backend {
        DbBackend::Postgres => format!("${i}"),
        _ => "?".to_owned(),
    }
}

fn placeholders(backend: DbBackend, n: usize) -> String {
    (1..=n)
        .map(|i| placeholder(backend, i))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Writes the state row (creating the table): the fingerprint of the recorded migrations (see
/// [`fingerprint`]). A run that gets here finished: any in-progress marker is cleared with it.
pub async fn save_state<C: ConnectionTrait>(
    db: &C,
    fingerprint: String,
) -> Result<(), MigrateError> {
    let backend = db.get_database_backend();
    ensure_state_table(db).await?;
    db.execute_unprepared(&format!("DELETE FROM {STATE_TABLE}"))
        .await?;
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        format!(
            "INSERT INTO {STATE_TABLE} (id, fingerprint) VALUES (1, {})",
            placeholders(backend, 1)
        ),
        [Value::from(fingerprint)],
    ))
    .await?;
    Ok(())
}

/// Records that `version` is being applied (`up`) or reverted (`down`), before it starts, on a
/// backend whose DDL cannot roll back: after a crash, every command can then say so.
pub async fn mark_in_progress<C: ConnectionTrait>(
    db: &C,
    version: &str,
    direction: &str,
) -> Result<(), MigrateError> {
    let backend = db.get_database_backend();
    ensure_state_table(db).await?;
    let updated = db
        .execute_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "UPDATE {STATE_TABLE} SET in_progress = {}, direction = {}",
                placeholder(backend, 1),
                placeholder(backend, 2)
            ),
            [Value::from(version), Value::from(direction)],
        ))
        .await?
        .rows_affected();
    if updated == 0 {
        db.execute_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "INSERT INTO {STATE_TABLE} (id, fingerprint, in_progress, direction) VALUES (1, '', {})",
                placeholders(backend, 2)
            ),
            [Value::from(version), Value::from(direction)],
        ))
        .await?;
    }
    Ok(())
}

/// How many statements of the online migration `version` (run `direction`) are done: what an
/// interrupted online run got through, 0 for one that has not started. Marks it in progress.
pub async fn start_online<C: ConnectionTrait>(
    db: &C,
    version: &str,
    direction: &str,
) -> Result<usize, MigrateError> {
    ensure_state_table(db).await?;
    // Tables made before online steps existed lack the column.
    db.execute_unprepared(&format!(
        "ALTER TABLE {STATE_TABLE} ADD COLUMN IF NOT EXISTS statements_done INTEGER NULL"
    ))
    .await?;
    let done = match interrupted(db).await? {
        Some((v, d)) if v == version && d == direction => {
            let row = db
                .query_one_raw(Statement::from_string(
                    db.get_database_backend(),
                    format!("SELECT COALESCE(statements_done, 0) AS done FROM {STATE_TABLE}"),
                ))
                .await?;
            let done = row.map(|r| r.try_get::<i32>("", "done")).transpose()?;
            usize::try_from(done.unwrap_or(0)).unwrap_or(0)
        }
        _ => {
            mark_in_progress(db, version, direction).await?;
            0
        }
    };
    set_statements_done(db, done).await?;
    Ok(done)
}

/// Records that the first `done` statements of the online migration in progress ran.
pub async fn set_statements_done<C: ConnectionTrait>(
    db: &C,
    done: usize,
) -> Result<(), MigrateError> {
    db.execute_unprepared(&format!(
        "UPDATE {STATE_TABLE} SET statements_done = {done}"
    ))
    .await?;
    Ok(())
}

/// Clears the in-progress marker: the migration it named finished.
pub async fn clear_in_progress<C: ConnectionTrait>(db: &C) -> Result<(), MigrateError> {
    db.execute_unprepared(&format!(
        "UPDATE {STATE_TABLE} SET in_progress = NULL, direction = NULL"
    ))
    .await?;
    Ok(())
}

/// The migration a crashed or failed run left half done, and in which direction.
pub async fn interrupted<C: ConnectionTrait>(
    db: &C,
) -> Result<Option<(String, String)>, MigrateError> {
    if existing_tables(db, &[STATE_TABLE.to_owned()])
        .await?
        .is_empty()
    {
        return Ok(None);
    }
    let sql =
        format!("SELECT in_progress, direction FROM {STATE_TABLE} WHERE in_progress IS NOT NULL");
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?;
    Ok(match row {
        Some(r) => Some((r.try_get("", "in_progress")?, r.try_get("", "direction")?)),
        None => None,
    })
}

/// The rows of the version table, oldest first; `None` when the table does not exist. Never
/// creates it (sea-orm's own status calls do).
pub async fn read<C: ConnectionTrait>(
    db: &C,
) -> Result<Option<Vec<AppliedRevision>>, MigrateError> {
    if existing_tables(db, &[VERSION_TABLE.to_owned()])
        .await?
        .is_empty()
    {
        return Ok(None);
    }
    let backend = db.get_database_backend();
    // Names start with a timestamp; the plan orders by the build's list, not by this.
    let sql = format!("SELECT version, applied_at FROM {VERSION_TABLE}");
    let malformed = |e: sea_orm::DbErr| MigrateError::VersionTableMalformed {
        table: VERSION_TABLE,
        detail: e.to_string(),
    };
    let rows = db
        .query_all_raw(Statement::from_string(backend, sql))
        .await
        .map_err(malformed)?;
    let mut out = rows
        .iter()
        .map(|r| {
            Ok(AppliedRevision {
                version: r.try_get("", "version")?,
                applied_at: r.try_get("", "applied_at")?,
            })
        })
        .collect::<Result<Vec<_>, sea_orm::DbErr>>()
        .map_err(malformed)?;
    // Sorted here, not by the server: MySQL's collation is no longer fixed by the driver.
    out.sort_by(|a, b| a.version.cmp(&b.version));
    Ok(Some(out))
}

/// Which of `names` exist as tables in the current database or schema: one query, looked up
/// by name in the catalog.
pub async fn existing_tables<C: ConnectionTrait>(
    db: &C,
    names: &[String],
) -> Result<Vec<String>, MigrateError> {
    if names.is_empty() {
        return Ok(vec![]);
    }
    let backend = db.get_database_backend();
    let list = placeholders(backend, names.len());
    let sql = match backend {
        DbBackend::Sqlite => format!(
            "SELECT name AS table_name FROM sqlite_master WHERE type = 'table' AND name IN ({list})"
        ),
        DbBackend::Postgres => format!(
            "SELECT c.relname::text AS table_name FROM pg_catalog.pg_class c \
             WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') \
             AND c.relname IN ({list})"
        ),
        DbBackend::MySql => format!(
            "SELECT CAST(table_name AS CHAR) AS table_name FROM information_schema.tables \
             WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND table_name IN ({list})"
        ),
        other => return Err(crate::error::unsupported(other, "reading the catalog").into()),
    };
    let values: Vec<Value> = names.iter().map(|n| Value::from(n.as_str())).collect();
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?;
    let mut found = rows
        .iter()
        .map(|r| r.try_get::<String>("", "table_name"))
        .collect::<Result<Vec<_>, _>>()?;
    found.sort();
    Ok(found)
}

/// Creates the version table if it is missing.
pub async fn install<C: ConnectionTrait>(db: &C) -> Result<(), MigrateError> {
    let backend = db.get_database_backend();
    let mut create = Schema::new(backend).create_table_from_entity(seaql_migrations::Entity);
    create.if_not_exists();
    db.execute(&create).await?;
    Ok(())
}

pub async fn record<C: ConnectionTrait>(db: &C, version: &str) -> Result<(), MigrateError> {
    seaql_migrations::Entity::insert(seaql_migrations::ActiveModel {
        version: ActiveValue::Set(version.to_owned()),
        applied_at: ActiveValue::Set(unix_now()),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

pub async fn unrecord<C: ConnectionTrait>(db: &C, version: &str) -> Result<(), MigrateError> {
    seaql_migrations::Entity::delete_many()
        .filter(Expr::col(seaql_migrations::Column::Version).eq(version))
        .exec(db)
        .await?;
    Ok(())
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    fn fingerprint<'n>(names: impl Iterator<Item = &'n str>) -> String {
        super::fingerprint(names.map(|n| (n, "c")))
    }

    #[test]
    fn the_fingerprint_sees_a_changed_checksum() {
        assert_ne!(
            super::fingerprint([("m1", "aa"), ("m2", "bb")].into_iter()),
            super::fingerprint([("m1", "aa"), ("m2", "bc")].into_iter())
        );
        assert_ne!(
            super::fingerprint([("m1a", "a")].into_iter()),
            super::fingerprint([("m1", "aa")].into_iter())
        );
    }

    #[test]
    fn the_fingerprint_ignores_order_and_sees_any_change_of_the_set() {
        let names = [
            "m20261124_000001_create_schema",
            "m20261201_000002_add_x",
            "m3",
        ];
        let base = fingerprint(names.iter().copied());
        assert_eq!(base, fingerprint(names.iter().rev().copied()));
        // One byte changed anywhere, one name dropped or added, a name split in two.
        for changed in [
            vec![
                "m20261124_000001_create_schema",
                "m20261201_000002_add_y",
                "m3",
            ],
            vec![
                "m20261124_000001_create_schemA",
                "m20261201_000002_add_x",
                "m3",
            ],
            vec!["m20261124_000001_create_schema", "m20261201_000002_add_x"],
            vec![
                "m20261124_000001_create_schema",
                "m20261201_000002_add_x",
                "m3",
                "m4",
            ],
            vec![
                "m20261124_000001_create_schema",
                "m20261201_000002_add_x",
                "m",
                "3",
            ],
        ] {
            assert_ne!(base, fingerprint(changed.iter().copied()), "{changed:?}");
        }
        assert_ne!(
            fingerprint(["a", "a"].into_iter()),
            fingerprint(std::iter::empty())
        );
    }
}

//! Is there a transaction-mode pooler between us and PostgreSQL, and can it carry prepared
//! statements? sqlx names every statement (`sqlx_s_N`, cache or no cache); a pooler that does
//! not track them (PgBouncer < 1.21, or without `max_prepared_statements`) hands one client's
//! statement to another, so the wrong SQL runs. That is refused at connect time.

use sea_orm::sqlx::{self, postgres::PgConnection, Connection};
use sea_orm::DatabaseConnection;

/// What sits between this process and PostgreSQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pooling {
    /// Each connection keeps its own server session: a direct connection or a session pooler.
    Session,
    /// Server sessions are shared between transactions, and prepared statements are tracked.
    TransactionWithStatements,
    /// Server sessions are shared and prepared statements are not tracked: unusable.
    TransactionWithoutStatements,
}

/// Two fresh connections run the same first statement, the second inside a transaction taken
/// right after the first one's ended. A transaction pooler reuses the most recently released
/// server session (PgBouncer's default), so the second client lands where the first one's
/// statement `sqlx_s_1` still lives: without statement tracking that is an error.
pub async fn probe(db: &DatabaseConnection) -> Result<Pooling, sqlx::Error> {
    let options = db.get_postgres_connection_pool().connect_options();
    let mut first = PgConnection::connect_with(&options).await?;
    let mut second = PgConnection::connect_with(&options).await?;
    let outcome = compare_sessions(&mut first, &mut second).await;
    let _ = first.close().await;
    let _ = second.close().await;
    match outcome {
        Ok(true) => Ok(Pooling::TransactionWithStatements),
        Ok(false) => Ok(Pooling::Session),
        // 42P05: prepared statement already exists; 26000: does not exist. Either way another
        // client's statement was in this session: statements are shared.
        Err(sqlx::Error::Database(e)) if matches!(e.code().as_deref(), Some("42P05" | "26000")) => {
            Ok(Pooling::TransactionWithoutStatements)
        }
        Err(e) => Err(e),
    }
}

/// Whether `second`, in a transaction begun right after `first`'s statement ended, lands in
/// the same server session.
async fn compare_sessions(
    first: &mut PgConnection,
    second: &mut PgConnection,
) -> Result<bool, sqlx::Error> {
    const PROBE: &str = "SELECT pg_backend_pid() AS counsel_pooler_probe";
    let first_pid: i32 = sqlx::query_scalar(PROBE).fetch_one(&mut *first).await?;
    sqlx::raw_sql("BEGIN").execute(&mut *second).await?;
    let second_pid = sqlx::query_scalar::<_, i32>(PROBE)
        .fetch_one(&mut *second)
        .await;
    let _ = sqlx::raw_sql("ROLLBACK").execute(&mut *second).await;
    Ok(second_pid? == first_pid)
}

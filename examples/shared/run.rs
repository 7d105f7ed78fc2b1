//! The scaffolding the small example binaries share: connect and migrate, run, report errors.

use sea_orm::{DatabaseConnection, DbErr};
use std::future::Future;
use std::process::ExitCode;

/// Boots like an application (`counsel_db::connect_and_migrate`), runs `body`, closes the pool.
pub async fn with_database<F, Fut>(body: F) -> ExitCode
where
    F: FnOnce(DatabaseConnection) -> Fut,
    Fut: Future<Output = Result<(), DbErr>>,
{
    let db = match counsel_db::connect_and_migrate().await {
        Ok((db, _)) => db,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = body(db.clone()).await;
    db.close().await.ok();
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

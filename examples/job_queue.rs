//! The `jobs` table as a work queue: enqueue three jobs, then claim and finish the oldest due one.
//! `cargo run --example job_queue`.

#[path = "shared/run.rs"]
mod run;

use chrono::{Duration, Utc};
use entity::enums::RunStatus;
use entity::job;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    run::with_database(|db| async move { enqueue_and_work(&db).await }).await
}

async fn enqueue_and_work(db: &DatabaseConnection) -> Result<(), DbErr> {
    let now = Utc::now().fixed_offset();
    for (kind, delay) in [
        ("send_reminder_email", -2),
        ("render_report", -1),
        ("reindex_documents", 60),
    ] {
        let job = job::ActiveModel {
            kind: Set(kind.into()),
            status: Set(RunStatus::Queued),
            payload: Set(json!({ "requested_by": "job_queue example" })),
            attempts: Set(0),
            max_attempts: Set(3),
            run_after: Set(now + Duration::minutes(delay)),
            ..Default::default()
        }
        .insert(db)
        .await?;
        println!("enqueued {} ({}), due {}", job.kind, job.id, job.run_after);
    }

    match claim_next(db).await? {
        Some(job) => {
            println!(
                "claimed {} ({}), attempt {}",
                job.kind, job.id, job.attempts
            );
            let mut done: job::ActiveModel = job.into();
            done.status = Set(RunStatus::Succeeded);
            done.result = Set(Some(json!({ "ok": true })));
            done.finished_at = Set(Some(Utc::now().fixed_offset()));
            let done = done.update(db).await?;
            println!("finished {} as {:?}", done.kind, done.status);
        }
        None => println!("no job is due"),
    }
    let queued = job::Entity::find()
        .filter(job::Column::Status.eq(RunStatus::Queued))
        .count(db)
        .await?;
    println!("{queued} job(s) still queued");
    Ok(())
}

/// Takes the oldest due job and marks it running, in one transaction. (A production queue on
/// PostgreSQL would add `FOR UPDATE SKIP LOCKED` so that workers never pick the same job.)
async fn claim_next(db: &DatabaseConnection) -> Result<Option<job::Model>, DbErr> {
    let txn = db.begin().await?;
    let due = job::Entity::find()
        .filter(job::Column::Status.eq(RunStatus::Queued))
        .filter(job::Column::RunAfter.lte(Utc::now().fixed_offset()))
        .order_by_asc(job::Column::RunAfter)
        .one(&txn)
        .await?;
    let Some(job) = due else {
        txn.commit().await?;
        return Ok(None);
    };
    let attempts = job.attempts + 1;
    let mut claimed: job::ActiveModel = job.into();
    claimed.status = Set(RunStatus::Running);
    claimed.attempts = Set(attempts);
    claimed.started_at = Set(Some(Utc::now().fixed_offset()));
    let claimed = claimed.update(&txn).await?;
    txn.commit().await?;
    Ok(Some(claimed))
}

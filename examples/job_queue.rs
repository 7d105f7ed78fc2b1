//! The `jobs` table as a work queue: enqueue three jobs, then claim and finish the oldest due one.
//! `cargo run --example job_queue`.

#[path = "shared/run.rs"]
mod run;

use chrono::{Duration, Utc};
use entity::enums::RunStatus;
use entity::job;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
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

/// Claims the oldest due job: `status = 'queued' AND run_after <= now`, ordered by `run_after`.
///
/// The claim is a conditional `UPDATE ... WHERE id = ? AND status = 'queued'`: if another worker
/// took the job between the read and the write, no row changes and we try the next one. This
/// is portable to every backend; on PostgreSQL a busy queue would rather use
/// `SELECT ... FOR UPDATE SKIP LOCKED` so workers do not even contend.
async fn claim_next(db: &DatabaseConnection) -> Result<Option<job::Model>, DbErr> {
    loop {
        let now = Utc::now().fixed_offset();
        let due = job::Entity::find()
            .filter(job::Column::Status.eq(RunStatus::Queued))
            .filter(job::Column::RunAfter.lte(now))
            .order_by_asc(job::Column::RunAfter)
            .order_by_asc(job::Column::Id)
            .one(db)
            .await?;
        let Some(job) = due else {
            return Ok(None);
        };
        let claimed = job::Entity::update_many()
            .col_expr(job::Column::Status, Expr::value(RunStatus::Running))
            .col_expr(job::Column::Attempts, Expr::value(job.attempts + 1))
            .col_expr(job::Column::StartedAt, Expr::value(Some(now)))
            .col_expr(job::Column::UpdatedAt, Expr::value(now))
            .filter(job::Column::Id.eq(job.id))
            .filter(job::Column::Status.eq(RunStatus::Queued))
            .exec(db)
            .await?;
        if claimed.rows_affected == 1 {
            return job::Entity::find_by_id(job.id).one(db).await;
        }
        // Lost the race for this job; look again.
    }
}

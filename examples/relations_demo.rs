//! Uses the entities with their relations: builds a case history and a small RAG corpus, then
//! queries across them. `cargo run --example relations_demo` (re-runnable; SQLite by default).

#[path = "shared/run.rs"]
mod run;
#[path = "shared/sample_data.rs"]
mod sample_data;

use entity::*;
use sea_orm::{ColumnTrait, DbErr, EntityTrait, ModelTrait, QueryFilter, QueryOrder};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let tag = uuid::Uuid::new_v4().simple().to_string();
    run::with_database(|db| async move {
        let sample = sample_data::create(&db, &tag[..8]).await?;
        report(&db, &sample).await
    })
    .await
}

async fn report(db: &sea_orm::DatabaseConnection, s: &sample_data::Sample) -> Result<(), DbErr> {
    let visitors = s.user.find_related(visitor::Entity).all(db).await?;
    println!(
        "{} counsels {} visitor(s)",
        s.user.full_name,
        visitors.len()
    );

    for (case, sessions) in case::Entity::find_by_id(s.case.id)
        .find_with_related(session::Entity)
        .all(db)
        .await?
    {
        println!(
            "case '{}' ({:?}) has {} session(s)",
            case.title,
            case.status,
            sessions.len()
        );
        for session in sessions {
            let reports = session.find_related(report::Entity).all(db).await?;
            println!(
                "  session {:?} at {} with {} report(s)",
                session.status,
                session.scheduled_at,
                reports.len()
            );
        }
    }

    let chunks = s
        .document
        .find_related(chunk::Entity)
        .order_by_asc(chunk::Column::Ordinal)
        .all(db)
        .await?;
    println!(
        "document '{}' has {} chunk(s)",
        s.document.title,
        chunks.len()
    );
    let mut with_vectors = chunk::Entity::find()
        .filter(chunk::Column::DocumentId.eq(s.document.id))
        .find_with_related(embedding::Entity)
        .all(db)
        .await?;
    // find_with_related groups by primary key; present the chunks in reading order.
    with_vectors.sort_by_key(|(c, _)| c.ordinal);
    for (chunk, embeddings) in with_vectors {
        let vectors: Vec<String> = embeddings
            .iter()
            .map(|e| {
                let v = e.vector.as_slice();
                format!("{:?}… ({} dimensions)", &v[..3.min(v.len())], v.len())
            })
            .collect();
        println!(
            "  #{} '{}' → {}",
            chunk.ordinal,
            chunk.text,
            vectors.join(", ")
        );
    }

    let docs = s.collection.find_related(document::Entity).all(db).await?;
    println!(
        "collection '{}' holds {} document(s)",
        s.collection.name,
        docs.len()
    );
    let (log, agent) = chat_log::Entity::find_by_id(s.chat_log.id)
        .find_also_related(agent::Entity)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("chat log".into()))?;
    println!(
        "agent '{}' answered \"{}\" in {} ms",
        agent.map(|a| a.slug).unwrap_or_default(),
        log.question,
        log.latency_ms
    );
    Ok(())
}

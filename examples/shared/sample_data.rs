//! A small but complete data set touching all 17 tables: one counselling case history and one
//! RAG corpus. Used by `relations_demo` and by the relation tests, so both exercise the same graph.

// Each includer reads a different subset of the fields.
#![allow(dead_code)]

use chrono::{Duration, Utc};
use entity::enums::*;
use entity::*;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};
use serde_json::json;

pub struct Sample {
    pub user: user::Model,
    pub visitor: visitor::Model,
    pub case: case::Model,
    pub session: session::Model,
    pub report: report::Model,
    pub reminder: reminder::Model,
    pub job: job::Model,
    pub datasource: datasource::Model,
    pub document: document::Model,
    pub chunks: Vec<chunk::Model>,
    pub embeddings: Vec<embedding::Model>,
    pub collection: collection::Model,
    pub collection_item: collection_item::Model,
    pub agent: agent::Model,
    pub agent_version: agent_version::Model,
    pub chat_log: chat_log::Model,
    pub pipeline_run: pipeline_run::Model,
}

/// The vector stored for chunk `i`: the column's dimension, three leading values that differ
/// per chunk (what the demo prints), the rest a slow ramp.
pub fn vector_for(i: usize) -> Vec<f32> {
    let mut values = vec![i as f32, 0.5, 1.0 - 1.25 * i as f32];
    values.extend((3..embedding::dimensions()).map(|k| (k % 7) as f32 / 7.0));
    values
}

/// Inserts the whole graph; `tag` keeps unique columns unique across runs.
pub async fn create<C: ConnectionTrait>(db: &C, tag: &str) -> Result<Sample, DbErr> {
    let now = Utc::now().fixed_offset();
    let user = user::ActiveModel {
        email: Set(format!("counselor-{tag}@example.org")),
        hashed_password: Set("!".into()),
        full_name: Set("Dana Counselor".into()),
        role: Set(UserRole::Counselor),
        is_active: Set(true),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let visitor = visitor::ActiveModel {
        counselor_id: Set(user.id),
        name: Set("Eli Visitor".into()),
        email: Set(Some(format!("eli-{tag}@example.org"))),
        phone: Set(None),
        notes: Set(Some("Wants to move from retail into UX design.".into())),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let case = case::ActiveModel {
        visitor_id: Set(visitor.id),
        counselor_id: Set(user.id),
        status: Set(CaseStatus::Active),
        title: Set("Career change to UX".into()),
        summary: Set(None),
        opened_at: Set(now),
        closed_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let session = session::ActiveModel {
        case_id: Set(case.id),
        status: Set(SessionStatus::Completed),
        scheduled_at: Set(now - Duration::days(1)),
        started_at: Set(Some(now - Duration::days(1))),
        ended_at: Set(Some(now - Duration::days(1) + Duration::minutes(50))),
        notes: Set(Some("Explored transferable skills.".into())),
        transcript: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let report = report::ActiveModel {
        case_id: Set(case.id),
        session_id: Set(Some(session.id)),
        kind: Set(ReportKind::SessionNote),
        status: Set(ReportStatus::Draft),
        content: Set(
            json!({ "strengths": ["empathy", "visual thinking"], "next": "portfolio review" }),
        ),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let reminder = reminder::ActiveModel {
        user_id: Set(user.id),
        case_id: Set(Some(case.id)),
        remind_at: Set(now + Duration::days(7)),
        message: Set("Follow up on the portfolio".into()),
        done: Set(false),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let job = job::ActiveModel {
        kind: Set("render_report".into()),
        status: Set(RunStatus::Queued),
        payload: Set(json!({ "report_id": report.id })),
        result: Set(None),
        error: Set(None),
        attempts: Set(0),
        max_attempts: Set(3),
        run_after: Set(now),
        started_at: Set(None),
        finished_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;

    let datasource = datasource::ActiveModel {
        name: Set("Occupational handbook".into()),
        kind: Set(DatasourceKind::Web),
        uri: Set("https://example.org/handbook".into()),
        config: Set(json!({ "crawl_depth": 2 })),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let content = "UX designers research users. They prototype. They test with people.";
    let document = document::ActiveModel {
        datasource_id: Set(Some(datasource.id)),
        title: Set("What UX designers do".into()),
        content: Set(content.into()),
        content_hash: Set(format!("{:064x}", content.len())),
        metadata: Set(json!({ "lang": "en" })),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let mut chunks = Vec::new();
    let mut embeddings = Vec::new();
    for (i, text) in content.split_inclusive(". ").enumerate() {
        let chunk = chunk::ActiveModel {
            document_id: Set(document.id),
            ordinal: Set(i as i32),
            text: Set(text.trim().into()),
            token_count: Set(text.split_whitespace().count() as i32),
            ..Default::default()
        }
        .insert(db)
        .await?;
        let values = vector_for(i);
        embeddings.push(
            embedding::ActiveModel {
                chunk_id: Set(chunk.id),
                model: Set("demo-embed".into()),
                dimensions: Set(values.len() as i32),
                vector: Set(values.into()),
                ..Default::default()
            }
            .insert(db)
            .await?,
        );
        chunks.push(chunk);
    }
    let collection = collection::ActiveModel {
        owner_id: Set(user.id),
        name: Set("Design careers".into()),
        description: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let collection_item = collection_item::ActiveModel {
        collection_id: Set(collection.id),
        document_id: Set(document.id),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let agent = agent::ActiveModel {
        owner_id: Set(user.id),
        name: Set("Career guide".into()),
        slug: Set(format!("career-guide-{tag}")),
        description: Set(Some("Answers questions about careers".into())),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let agent_version = agent_version::ActiveModel {
        agent_id: Set(agent.id),
        version: Set(1),
        config: Set(json!({ "model": "small-llm", "top_k": 3, "collection": collection.id })),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let chat_log = chat_log::ActiveModel {
        agent_id: Set(agent.id),
        user_id: Set(Some(user.id)),
        question: Set("What does a UX designer do?".into()),
        answer: Set("They research users, prototype and test.".into()),
        sources: Set(json!([{ "chunk_id": chunks[0].id }])),
        latency_ms: Set(120),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let pipeline_run = pipeline_run::ActiveModel {
        datasource_id: Set(Some(datasource.id)),
        agent_version_id: Set(Some(agent_version.id)),
        status: Set(RunStatus::Succeeded),
        started_at: Set(Some(now)),
        finished_at: Set(Some(now + Duration::seconds(4))),
        stats: Set(json!({ "documents": 1, "chunks": chunks.len() })),
        error: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;

    Ok(Sample {
        user,
        visitor,
        case,
        session,
        report,
        reminder,
        job,
        datasource,
        document,
        chunks,
        embeddings,
        collection,
        collection_item,
        agent,
        agent_version,
        chat_log,
        pipeline_run,
    })
}

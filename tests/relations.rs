//! Every relation round-trips data; unique constraints and delete rules behave as designed.
//! Runs on every configured backend.

#[path = "../examples/shared/sample_data.rs"]
mod sample_data;

use entity::*;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, ModelTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set, SqlErr,
};
use serde_json::json;

async fn migrated() -> Vec<testkit::TestDb> {
    let mut dbs = testkit::databases().await;
    for t in &mut dbs {
        migration::migrate_on_boot(&t.db, &Default::default())
            .await
            .unwrap_or_else(|e| panic!("[{}] {e}", t.name));
    }
    dbs
}

#[tokio::test]
async fn every_relation_round_trips() {
    for t in migrated().await {
        let (n, db) = (t.name, &t.db);
        let s = sample_data::create(db, "rt")
            .await
            .unwrap_or_else(|e| panic!("[{n}] {e}"));

        // Counselling records.
        assert_eq!(
            related(db, &s.user, visitor::Entity).await,
            vec![s.visitor.clone()],
            "[{n}]"
        );
        assert_eq!(
            s.visitor.find_related(user::Entity).one(db).await.unwrap(),
            Some(s.user.clone()),
            "[{n}]"
        );
        assert_eq!(
            related(db, &s.visitor, case::Entity).await,
            vec![s.case.clone()],
            "[{n}]"
        );
        assert_eq!(
            related(db, &s.user, case::Entity).await,
            vec![s.case.clone()],
            "[{n}]"
        );
        let with_sessions = case::Entity::find_by_id(s.case.id)
            .find_with_related(session::Entity)
            .all(db)
            .await
            .unwrap();
        assert_eq!(
            with_sessions,
            vec![(s.case.clone(), vec![s.session.clone()])],
            "[{n}]"
        );
        assert_eq!(
            related(db, &s.session, report::Entity).await,
            vec![s.report.clone()],
            "[{n}]"
        );
        assert_eq!(
            related(db, &s.case, report::Entity).await,
            vec![s.report.clone()],
            "[{n}]"
        );
        let fetched = report::Entity::find_by_id(s.report.id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            fetched.content["strengths"][1], "visual thinking",
            "[{n}] JSON round trip"
        );
        assert_eq!(
            related(db, &s.case, reminder::Entity).await,
            vec![s.reminder.clone()],
            "[{n}]"
        );
        assert_eq!(
            related(db, &s.user, reminder::Entity).await,
            vec![s.reminder.clone()],
            "[{n}]"
        );
        assert_eq!(
            job::Entity::find_by_id(s.job.id).one(db).await.unwrap(),
            Some(s.job.clone()),
            "[{n}]"
        );

        // Knowledge base.
        assert_eq!(
            related(db, &s.datasource, document::Entity).await,
            vec![s.document.clone()],
            "[{n}]"
        );
        let chunks = s
            .document
            .find_related(chunk::Entity)
            .order_by_asc(chunk::Column::Ordinal)
            .all(db)
            .await
            .unwrap();
        assert_eq!(chunks, s.chunks, "[{n}]");
        for (i, c) in chunks.iter().enumerate() {
            let (chunk, e) = chunk::Entity::find_by_id(c.id)
                .find_also_related(embedding::Entity)
                .one(db)
                .await
                .unwrap()
                .unwrap();
            assert_eq!(chunk.ordinal, i as i32, "[{n}]");
            let e = e.unwrap_or_else(|| panic!("[{n}] chunk {i} has no embedding"));
            assert_eq!(e, s.embeddings[i], "[{n}]");
            assert_eq!(
                e.vector.as_slice(),
                sample_data::vector_for(i).as_slice(),
                "[{n}] the vector round-trips"
            );
            assert_eq!(
                e.dimensions as usize,
                entity::embedding::dimensions(),
                "[{n}]"
            );
        }
        assert_eq!(
            related(db, &s.collection, document::Entity).await,
            vec![s.document.clone()],
            "[{n}] many-to-many"
        );
        assert_eq!(
            related(db, &s.document, collection::Entity).await,
            vec![s.collection.clone()],
            "[{n}] many-to-many back"
        );
        assert_eq!(
            related(db, &s.collection, collection_item::Entity).await,
            vec![s.collection_item.clone()],
            "[{n}]"
        );
        assert_eq!(
            related(db, &s.user, collection::Entity).await,
            vec![s.collection.clone()],
            "[{n}]"
        );
        assert_eq!(
            related(db, &s.user, agent::Entity).await,
            vec![s.agent.clone()],
            "[{n}]"
        );
        assert_eq!(
            related(db, &s.agent, agent_version::Entity).await,
            vec![s.agent_version.clone()],
            "[{n}]"
        );
        assert_eq!(
            related(db, &s.agent, chat_log::Entity).await,
            vec![s.chat_log.clone()],
            "[{n}]"
        );
        assert_eq!(
            related(db, &s.user, chat_log::Entity).await,
            vec![s.chat_log.clone()],
            "[{n}]"
        );
        assert_eq!(
            related(db, &s.agent_version, pipeline_run::Entity).await,
            vec![s.pipeline_run.clone()],
            "[{n}]"
        );
        assert_eq!(
            related(db, &s.datasource, pipeline_run::Entity).await,
            vec![s.pipeline_run.clone()],
            "[{n}]"
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn timestamps_and_ids_are_filled_in() {
    for t in migrated().await {
        let s = sample_data::create(&t.db, "ts").await.unwrap();
        assert!(!s.user.id.is_nil(), "[{}]", t.name);
        assert_eq!(s.user.created_at, s.user.updated_at, "[{}]", t.name);
        // Wait past the creation time; MySQL TIMESTAMP columns keep whole seconds only.
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        let mut edit: user::ActiveModel = s.user.clone().into();
        edit.full_name = Set("Dana R. Counselor".into());
        let edited = edit.update(&t.db).await.unwrap();
        assert!(
            edited.updated_at > s.user.updated_at,
            "[{}] updated_at moves on update",
            t.name
        );
        let stored = user::Entity::find_by_id(s.user.id)
            .one(&t.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(stored.full_name, "Dana R. Counselor", "[{}]", t.name);
        assert!(
            stored.updated_at > stored.created_at,
            "[{}] stored updated_at moved",
            t.name
        );
        assert_eq!(
            edited.created_at, s.user.created_at,
            "[{}] created_at stays",
            t.name
        );
        t.finish().await;
    }
}

/// The children of `parent` through its relation to `entity`.
async fn related<M, R>(db: &DatabaseConnection, parent: &M, entity: R) -> Vec<R::Model>
where
    M: ModelTrait + Sync,
    R: EntityTrait,
    M::Entity: sea_orm::Related<R>,
{
    parent.find_related(entity).all(db).await.unwrap()
}

fn assert_unique_violation(result: Result<impl std::fmt::Debug, DbErr>, what: &str, backend: &str) {
    match result {
        Err(e) => assert!(
            matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))),
            "[{backend}] {what}: expected a unique violation, got {e}"
        ),
        Ok(v) => panic!("[{backend}] {what}: duplicate was accepted: {v:?}"),
    }
}

#[tokio::test]
async fn unique_constraints_reject_duplicates() {
    for t in migrated().await {
        let (n, db) = (t.name, &t.db);
        let s = sample_data::create(db, "uq").await.unwrap();
        let dup_user = user::ActiveModel {
            email: Set(s.user.email.clone()),
            hashed_password: Set("!".into()),
            full_name: Set("Someone else".into()),
            role: Set(enums::UserRole::Admin),
            is_active: Set(true),
            ..Default::default()
        };
        assert_unique_violation(dup_user.insert(db).await, "users.email", n);
        let dup_agent = agent::ActiveModel {
            owner_id: Set(s.user.id),
            name: Set("Other".into()),
            slug: Set(s.agent.slug.clone()),
            ..Default::default()
        };
        assert_unique_violation(dup_agent.insert(db).await, "agents.slug", n);
        let dup_version = agent_version::ActiveModel {
            agent_id: Set(s.agent.id),
            version: Set(s.agent_version.version),
            config: Set(json!({})),
            ..Default::default()
        };
        assert_unique_violation(
            dup_version.insert(db).await,
            "agent_versions(agent_id, version)",
            n,
        );
        let dup_chunk = chunk::ActiveModel {
            document_id: Set(s.document.id),
            ordinal: Set(0),
            text: Set("again".into()),
            token_count: Set(1),
            ..Default::default()
        };
        assert_unique_violation(
            dup_chunk.insert(db).await,
            "chunks(document_id, ordinal)",
            n,
        );
        let dup_item = collection_item::ActiveModel {
            collection_id: Set(s.collection.id),
            document_id: Set(s.document.id),
            ..Default::default()
        };
        assert_unique_violation(
            dup_item.insert(db).await,
            "collection_items(collection_id, document_id)",
            n,
        );
        // A second version of the same agent is fine.
        agent_version::ActiveModel {
            agent_id: Set(s.agent.id),
            version: Set(2),
            config: Set(json!({})),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap_or_else(|e| panic!("[{n}] version 2: {e}"));
        t.finish().await;
    }
}

async fn count<E>(db: &DatabaseConnection) -> u64
where
    E: EntityTrait,
    E::Model: Sync,
{
    PaginatorTrait::count(E::find(), db).await.unwrap()
}

#[tokio::test]
async fn deletes_cascade_restrict_or_set_null_as_designed() {
    for t in migrated().await {
        let (n, db) = (t.name, &t.db);
        let s = sample_data::create(db, "del").await.unwrap();

        // RESTRICT: a counsellor with visitors cannot be deleted.
        let err = s
            .user
            .clone()
            .delete(db)
            .await
            .expect_err("user with visitors must not be deletable");
        // SQLite reports RESTRICT as extended code 1811, which sea-orm does not classify.
        let fk_violation = matches!(
            err.sql_err(),
            Some(SqlErr::ForeignKeyConstraintViolation(_))
        ) || err.to_string().contains("FOREIGN KEY constraint failed");
        assert!(fk_violation, "[{n}] {err}");
        assert_eq!(count::<user::Entity>(db).await, 1, "[{n}]");

        // CASCADE: a visitor takes its cases, their sessions, reports and case reminders along.
        s.visitor
            .clone()
            .delete(db)
            .await
            .unwrap_or_else(|e| panic!("[{n}] {e}"));
        assert_eq!(count::<case::Entity>(db).await, 0, "[{n}] cases");
        assert_eq!(count::<session::Entity>(db).await, 0, "[{n}] sessions");
        assert_eq!(count::<report::Entity>(db).await, 0, "[{n}] reports");
        assert_eq!(count::<reminder::Entity>(db).await, 0, "[{n}] reminders");
        assert_eq!(
            count::<user::Entity>(db).await,
            1,
            "[{n}] the counsellor stays"
        );

        // CASCADE: a document takes its chunks, embeddings and collection memberships along.
        s.document.clone().delete(db).await.unwrap();
        assert_eq!(count::<chunk::Entity>(db).await, 0, "[{n}] chunks");
        assert_eq!(count::<embedding::Entity>(db).await, 0, "[{n}] embeddings");
        assert_eq!(
            count::<collection_item::Entity>(db).await,
            0,
            "[{n}] collection items"
        );
        assert_eq!(
            count::<collection::Entity>(db).await,
            1,
            "[{n}] the collection stays"
        );

        // SET NULL: a removed datasource leaves documents and pipeline runs in place.
        let doc = document::ActiveModel {
            datasource_id: Set(Some(s.datasource.id)),
            title: Set("kept".into()),
            content: Set("text".into()),
            content_hash: Set("h".into()),
            metadata: Set(json!({})),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
        s.datasource.clone().delete(db).await.unwrap();
        let doc = document::Entity::find_by_id(doc.id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            doc.datasource_id, None,
            "[{n}] documents.datasource_id set to NULL"
        );
        let run = pipeline_run::Entity::find_by_id(s.pipeline_run.id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            run.datasource_id, None,
            "[{n}] pipeline_runs.datasource_id set to NULL"
        );

        // Deleting the agent removes its versions and chat logs; the run loses its version.
        s.agent.clone().delete(db).await.unwrap();
        assert_eq!(count::<agent_version::Entity>(db).await, 0, "[{n}]");
        assert_eq!(count::<chat_log::Entity>(db).await, 0, "[{n}]");
        let run = pipeline_run::Entity::find_by_id(s.pipeline_run.id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(run.agent_version_id, None, "[{n}]");

        // With no visitors or agents left, the user can go, and takes collections along.
        s.user
            .clone()
            .delete(db)
            .await
            .unwrap_or_else(|e| panic!("[{n}] {e}"));
        assert_eq!(count::<collection::Entity>(db).await, 0, "[{n}]");
        let orphans = document::Entity::find()
            .filter(document::Column::Title.eq("kept"))
            .count(db)
            .await
            .unwrap();
        assert_eq!(orphans, 1, "[{n}] documents do not belong to users");
        t.finish().await;
    }
}

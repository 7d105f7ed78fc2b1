//! pgvector on PostgreSQL, end to end: the migration converts the vectors a database already
//! holds (as little-endian f32 bytes) in place, refuses a vector of another length with nothing
//! changed (not even the extension), and uses an extension installed in Supabase's `extensions`
//! schema where it is, with no false drift and a search that finds its operators there.

use entity::embedding;
use migration::{migrate_to_head, BootOptions, Request, Runner, Target};
use sea_orm::{ConnectionTrait, DbBackend, EntityTrait, Statement};

async fn to_first_migration(t: &testkit::TestDb) {
    let migrations = migration::migrations().unwrap();
    Runner::new(&migrations, &t.db, Default::default())
        .run(
            &Request::Upgrade {
                target: Target::Relative(1),
                allow_out_of_order: false,
            },
            None,
        )
        .await
        .unwrap();
}

/// A document, a chunk and one embedding per `(model, bytes)` of the first migration's schema.
async fn stored_as_bytes(t: &testkit::TestDb, vectors: &[(&str, Vec<u8>)]) {
    t.exec(
        "INSERT INTO documents (id, title, content, content_hash, metadata) VALUES \
         ('00000000-0000-0000-0000-000000000001', 'd', 'c', 'h', '{}')",
    )
    .await;
    t.exec(
        "INSERT INTO chunks (id, document_id, ordinal, text, token_count) VALUES \
         ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', 0, 't', 1)",
    )
    .await;
    for (k, (model, bytes)) in vectors.iter().enumerate() {
        t.db.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO embeddings (id, chunk_id, model, dimensions, vector) VALUES \
             ($1::uuid, '00000000-0000-0000-0000-000000000002', $2, $3, $4)",
            [
                format!("00000000-0000-0000-0000-0000000001{k:02}").into(),
                (*model).into(),
                ((bytes.len() / 4) as i32).into(),
                bytes.clone().into(),
            ],
        ))
        .await
        .unwrap();
    }
}

async fn one_string(t: &testkit::TestDb, sql: &str) -> Option<String> {
    t.db.query_one_raw(Statement::from_string(DbBackend::Postgres, sql.to_owned()))
        .await
        .unwrap()
        .and_then(|r| r.try_get_by_index::<Option<String>>(0).unwrap())
}

fn values(seed: f32) -> Vec<f32> {
    (0..embedding::dimensions())
        .map(|i| ((i as f32) * seed).sin())
        .collect()
}

async fn no_drift(t: &testkit::TestDb) {
    let live = schema_model::live::read(&t.db).await.unwrap();
    let entities = entity::registry::read_schema(&t.db).await.unwrap();
    let drift: Vec<_> = schema_model::diff(&entities, &live)
        .into_iter()
        .filter(|c| {
            !format!("{c:?}").contains("seaql_migrations")
                && !format!("{c:?}").contains("counsel_migration")
        })
        .collect();
    assert!(drift.is_empty(), "{drift:#?}");
}

#[tokio::test]
async fn stored_vectors_are_converted_and_a_torn_one_stops_the_migration_with_nothing_changed() {
    let Some(t) = testkit::postgres().await else {
        testkit::notice("pgvector tests SKIPPED: no PostgreSQL (set DATABASE_URL)");
        return;
    };
    to_first_migration(&t).await;
    let kept = values(0.37);
    stored_as_bytes(
        &t,
        &[
            ("full", entity::vector::encode(&kept)),
            ("torn", vec![0; 7 * 4]),
        ],
    )
    .await;
    let err = migrate_to_head(
        &migration::migrations().unwrap(),
        &t.db,
        &BootOptions::default(),
    )
    .await
    .expect_err("a vector of 7 dimensions");
    assert!(
        err.to_string()
            .contains("1 row(s) of embeddings hold a vector that is not 1536 f32s long"),
        "{err}"
    );
    assert_eq!(
        one_string(&t, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'embeddings'::regclass AND attname = 'vector'").await.as_deref(),
        Some("bytea"),
        "the column is as it was"
    );
    assert_eq!(
        one_string(
            &t,
            "SELECT extname::text FROM pg_extension WHERE extname = 'vector'"
        )
        .await,
        None,
        "not even the extension was left behind"
    );

    t.exec("DELETE FROM embeddings WHERE model = 'torn'").await;
    migrate_to_head(
        &migration::migrations().unwrap(),
        &t.db,
        &BootOptions::default(),
    )
    .await
    .unwrap();
    let converted = embedding::Entity::find().one(&t.db).await.unwrap().unwrap();
    assert_eq!(
        converted.vector.as_slice(),
        kept.as_slice(),
        "every value kept"
    );
    no_drift(&t).await;

    // And back: `down` gives the bytes back, value for value.
    let migrations = migration::migrations().unwrap();
    Runner::new(&migrations, &t.db, Default::default())
        .run(
            &Request::Downgrade {
                target: Target::Relative(-1),
            },
            None,
        )
        .await
        .unwrap();
    let row =
        t.db.query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT vector FROM embeddings",
        ))
        .await
        .unwrap()
        .unwrap();
    let bytes: Vec<u8> = row.try_get_by_index(0).unwrap();
    assert_eq!(
        bytes,
        entity::vector::encode(&kept),
        "down keeps every value"
    );
    t.finish().await;
}

#[tokio::test]
async fn an_extension_in_the_extensions_schema_is_used_where_it_is() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    t.exec("CREATE SCHEMA extensions").await;
    t.exec("CREATE EXTENSION vector WITH SCHEMA extensions")
        .await;
    to_first_migration(&t).await;
    let kept = values(0.11);
    stored_as_bytes(&t, &[("m", entity::vector::encode(&kept))]).await;
    migrate_to_head(
        &migration::migrations().unwrap(),
        &t.db,
        &BootOptions::default(),
    )
    .await
    .unwrap();
    assert_eq!(
        one_string(&t, "SELECT n.nspname::text FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'vector'").await.as_deref(),
        Some("extensions"),
        "used in place, not created again elsewhere"
    );
    no_drift(&t).await;
    // A new connection, whose search path does not list `extensions`: the search still finds
    // pgvector's type and operator.
    let db = t.connect_again().await;
    let found = rag::nearest(
        &db,
        &rag::Embedding::new(kept.clone()),
        1,
        &rag::Filter::default(),
    )
    .await
    .unwrap();
    assert_eq!(found.len(), 1);
    assert!(found[0].distance.abs() < 1e-5, "{}", found[0].distance);
    db.close().await.ok();
    t.finish().await;
}

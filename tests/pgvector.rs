//! pgvector on PostgreSQL, end to end: the migration converts the vectors a database already
//! holds (as little-endian f32 bytes) in place, refuses a vector of another length with nothing
//! changed (not even the extension), and uses an extension installed in Supabase's `extensions`
//! schema where it is, with no false drift and a search that finds its operators there.

use entity::embedding;
use migration::{migrate_to_head, BootOptions, Request, Runner, Target};
use sea_orm::{ConnectionTrait, DbBackend, EntityTrait, Statement};

async fn to_first_migration(t: &testkit::TestDb) {
    first_migration_on(&t.db).await;
}

async fn first_migration_on(db: &sea_orm::DatabaseConnection) {
    let migrations = migration::migrations().unwrap();
    Runner::new(&migrations, db, Default::default())
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
    t.one_chunk().await;
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

/// The one embedding's value, as bytes.
async fn stored_bytes(t: &testkit::TestDb) -> Vec<u8> {
    let row =
        t.db.query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT vector FROM embeddings",
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index(0).unwrap()
}

async fn one_string(t: &testkit::TestDb, sql: &str) -> Option<String> {
    one_string_on(&t.db, sql).await
}

async fn one_string_on(db: &impl ConnectionTrait, sql: &str) -> Option<String> {
    db.query_one_raw(Statement::from_string(DbBackend::Postgres, sql.to_owned()))
        .await
        .unwrap()
        .and_then(|r| r.try_get_by_index::<Option<String>>(0).unwrap())
}

/// Reverts the last migration (pgvector's `down`) through `db`.
async fn down_one(db: &sea_orm::DatabaseConnection) -> Result<(), migration::MigrateError> {
    let migrations = migration::migrations().unwrap();
    Runner::new(&migrations, db, Default::default())
        .run(
            &Request::Downgrade {
                target: Target::Relative(-1),
            },
            None,
        )
        .await
        .map(drop)
}

async fn all_rows(t: &testkit::TestDb, sql: &str) -> Vec<sea_orm::QueryResult> {
    t.db.query_all_raw(Statement::from_string(DbBackend::Postgres, sql.to_owned()))
        .await
        .unwrap()
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
    down_one(&t.db).await.unwrap();
    assert_eq!(
        stored_bytes(&t).await,
        entity::vector::encode(&kept),
        "down keeps every value"
    );
    t.finish().await;
}

/// More rows than one page of the conversion (it reads and writes a page at a time, keyed
/// by the primary key), with values at the edges of `f32` (−0, the smallest subnormal, the
/// largest finite, the smallest normal): every row converted value for value, up and back
/// down.
#[tokio::test]
async fn many_stored_vectors_are_converted_page_by_page_value_for_value() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    to_first_migration(&t).await;
    const ROWS: usize = 700;
    let edges = [
        -0.0_f32,
        f32::from_bits(1),
        f32::MAX,
        f32::MIN_POSITIVE,
        -f32::MAX,
    ];
    let stored: Vec<(String, Vec<f32>)> = (0..ROWS)
        .map(|r| {
            let mut v = values(0.001 * (r as f32 + 1.0));
            let at = r % v.len();
            v[at] = edges[r % edges.len()];
            (format!("m{r}"), v)
        })
        .collect();
    t.store_byte_vectors(&stored).await;
    let started = std::time::Instant::now();
    migrate_to_head(
        &migration::migrations().unwrap(),
        &t.db,
        &BootOptions::default(),
    )
    .await
    .unwrap();
    testkit::notice(&format!(
        "pgvector migration over {ROWS} stored vectors: {:.1?}",
        started.elapsed()
    ));
    testkit::assert_vectors_kept(&t.db, &stored, "up").await;
    down_one(&t.db).await.unwrap();
    let rows = all_rows(&t, "SELECT model, vector FROM embeddings").await;
    assert_eq!(rows.len(), ROWS);
    for row in rows {
        let model: String = row.try_get("", "model").unwrap();
        let bytes: Vec<u8> = row.try_get("", "vector").unwrap();
        let (_, expected) = stored.iter().find(|(m, _)| *m == model).unwrap();
        assert_eq!(
            bytes,
            entity::vector::encode(expected),
            "{model}: down keeps every byte"
        );
    }
    t.finish().await;
}

/// Supabase's layout: a schema `extensions`, with pgvector already in it (used in place) or
/// not yet (created there). Either way no drift, and a connection whose search path does not
/// list `extensions` still stores and searches vectors (the driver sends them by type name).
#[tokio::test]
async fn pgvector_lives_in_the_extensions_schema_when_the_database_has_one() {
    for preinstalled in [true, false] {
        let Some(t) = testkit::postgres().await else {
            return;
        };
        let case = if preinstalled {
            "already there"
        } else {
            "created there"
        };
        t.exec("CREATE SCHEMA extensions").await;
        if preinstalled {
            t.exec("CREATE EXTENSION vector WITH SCHEMA extensions")
                .await;
        }
        to_first_migration(&t).await;
        let kept = values(0.11);
        stored_as_bytes(&t, &[("m", entity::vector::encode(&kept))]).await;
        migrate_to_head(
            &migration::migrations().unwrap(),
            &t.db,
            &BootOptions::default(),
        )
        .await
        .unwrap_or_else(|e| panic!("{case}: {e}"));
        assert_eq!(
            one_string(&t, "SELECT n.nspname::text FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'vector'").await.as_deref(),
            Some("extensions"),
            "{case}: one extension, in `extensions`"
        );
        no_drift(&t).await;

        let db = t.connect_again().await;
        let search_path = one_string_on(&db, "SHOW search_path")
            .await
            .unwrap_or_default();
        assert!(!search_path.contains("extensions"), "{case}: {search_path}");
        let added = values(0.37);
        rag::add_document(
            &db,
            rag::NewDocument {
                title: "stored by a new connection".into(),
                content: "c".into(),
                datasource_id: None,
                metadata: serde_json::Value::Null,
                chunks: vec![rag::NewChunk {
                    text: "added".into(),
                    model: "m".into(),
                    vector: rag::Embedding::new(added.clone()),
                }],
            },
        )
        .await
        .unwrap_or_else(|e| panic!("{case}: {e}"));
        // The converted vector (the fixture's chunk) and the one just added: each its own
        // nearest, at distance 0.
        for (query, text) in [(&kept, None), (&added, Some("added"))] {
            let found = rag::nearest(
                &db,
                &rag::Embedding::new(query.clone()),
                1,
                &rag::Filter::default(),
            )
            .await
            .unwrap_or_else(|e| panic!("{case}: {e}"));
            assert_eq!(found.len(), 1, "{case}");
            assert!(
                found[0].distance.abs() < 1e-5,
                "{case}: {}",
                found[0].distance
            );
            if let Some(text) = text {
                assert_eq!(found[0].chunk.text, text, "{case}");
            }
        }
        db.close().await.ok();
        // And down, on a connection whose search path does not list `extensions` either.
        let kept_bytes = entity::vector::encode(&kept);
        let db = t.connect_again().await;
        down_one(&db)
            .await
            .unwrap_or_else(|e| panic!("{case}: down: {e}"));
        db.close().await.ok();
        let back = all_rows(&t, "SELECT vector FROM embeddings").await;
        assert!(
            back.iter()
                .any(|r| r.try_get_by_index::<Vec<u8>>(0).unwrap() == kept_bytes),
            "{case}: down keeps the bytes"
        );
        t.finish().await;
    }
}

/// What a failed pgvector migration must leave: the bytes as they were, no extension, and the
/// history at the first migration.
async fn nothing_changed(t: &testkit::TestDb, kept: &[f32]) {
    assert_eq!(
        one_string(t, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'embeddings'::regclass AND attname = 'vector'").await.as_deref(),
        Some("bytea"),
        "the column is as it was"
    );
    assert_eq!(
        stored_bytes(t).await,
        entity::vector::encode(kept),
        "the values are as they were"
    );
    assert_eq!(
        one_string(
            t,
            "SELECT extname::text FROM pg_extension WHERE extname = 'vector'"
        )
        .await,
        None,
        "no extension left behind"
    );
    assert_eq!(
        one_string(t, "SELECT max(version) FROM seaql_migrations")
            .await
            .as_deref(),
        Some("m20261124_000001_create_schema"),
        "the history says where the database is"
    );
}

/// A server without pgvector (`.ci/postgres-without-pgvector.sh`): the migration stops before
/// any change, naming the extension, the package and Supabase's switch.
#[tokio::test]
async fn a_server_without_pgvector_stops_the_migration_with_the_fix_and_nothing_changed() {
    let Some(t) = testkit::postgres_without_pgvector().await else {
        return;
    };
    to_first_migration(&t).await;
    let kept = values(0.5);
    stored_as_bytes(&t, &[("m", entity::vector::encode(&kept))]).await;
    let said = migrate_to_head(
        &migration::migrations().unwrap(),
        &t.db,
        &BootOptions::default(),
    )
    .await
    .expect_err("no pgvector on this server")
    .to_string();
    for part in [
        "does not have the pgvector extension (`vector`)",
        "apt install postgresql-<major>-pgvector",
        "switch on `vector` under Database → Extensions",
        "nothing was changed",
    ] {
        assert!(said.contains(part), "{part:?} in: {said}");
    }
    nothing_changed(&t, &kept).await;
    t.finish().await;
}

/// A role that may not create extensions (pgvector is not a trusted one): the migration stops
/// before any change and says who can create it.
#[tokio::test]
async fn a_role_that_may_not_create_the_extension_is_told_who_can_and_nothing_changes() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    let role = format!("{}{}", testkit::PREFIX, uuid::Uuid::new_v4().simple());
    let mut url = url::Url::parse(&t.url).unwrap();
    let database = url.path().trim_start_matches('/').to_owned();
    t.exec(&format!("CREATE ROLE {role} LOGIN")).await;
    t.exec(&format!("ALTER DATABASE {database} OWNER TO {role}"))
        .await;
    url.set_username(&role).unwrap();
    let owner = sea_orm::Database::connect(url.as_str()).await.unwrap();
    first_migration_on(&owner).await;
    let kept = values(0.9);
    stored_as_bytes(&t, &[("m", entity::vector::encode(&kept))]).await;
    let said = migrate_to_head(
        &migration::migrations().unwrap(),
        &owner,
        &BootOptions::default(),
    )
    .await
    .expect_err("the owner may not create pgvector")
    .to_string();
    owner.close().await.ok();
    for part in [
        "cannot create the pgvector extension",
        "permission denied",
        "superuser",
        "CREATE EXTENSION vector",
        "nothing was changed",
    ] {
        assert!(said.contains(part), "{part:?} in: {said}");
    }
    nothing_changed(&t, &kept).await;
    t.exec(&format!("ALTER DATABASE {database} OWNER TO CURRENT_USER"))
        .await;
    t.finish().await;
    let admin = sea_orm::Database::connect(std::env::var("DATABASE_URL").unwrap())
        .await
        .unwrap();
    admin
        .execute_unprepared(&format!("DROP ROLE {role}"))
        .await
        .unwrap();
    admin.close().await.ok();
}

/// Converting bytes keys each row by a column that must tell the rows apart: without a
/// primary key or unique index over it alone, `bytes_to_vector` refuses with nothing changed
/// (with a duplicate key, one UPDATE would give both rows one value).
#[tokio::test]
async fn converting_bytes_refuses_a_key_that_does_not_tell_rows_apart() {
    use migration::schema_change::{bytes_to_vector, require_pgvector};
    let Some(t) = testkit::postgres().await else {
        return;
    };
    let (a, b) = (values(0.5), values(0.25));
    t.exec("CREATE TABLE loose (id integer, v bytea)").await;
    for (id, v) in [(1, &a), (1, &b)] {
        t.db.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO loose VALUES ($1, $2)",
            [id.into(), entity::vector::encode(v).into()],
        ))
        .await
        .unwrap();
    }
    let manager = migration::sea_orm_migration::SchemaManager::new(&t.db);
    let schema = require_pgvector(&manager).await.unwrap();
    let dimensions = embedding::dimensions() as u32;
    let err = bytes_to_vector(&manager, &schema, "loose", "v", "id", dimensions)
        .await
        .expect_err("id does not tell the rows apart");
    assert!(err.to_string().contains("loose.id is not unique"), "{err}");
    assert!(err.to_string().contains("nothing was changed"), "{err}");
    let err = bytes_to_vector(&manager, &schema, "loose", "v", "key", dimensions)
        .await
        .expect_err("no such column");
    assert!(err.to_string().contains("loose has no column key"), "{err}");
    assert_eq!(
        one_string(&t, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'loose'::regclass AND attname = 'v'").await.as_deref(),
        Some("bytea")
    );
    assert_eq!(
        one_string(&t, "SELECT string_agg(attname::text, ',') FROM pg_attribute WHERE attrelid = 'loose'::regclass AND attnum > 0 AND NOT attisdropped").await.as_deref(),
        Some("id,v"),
        "no staging column left"
    );

    // With a primary key, the same rows convert, each its own value.
    t.exec("UPDATE loose SET id = 2 WHERE ctid = (SELECT max(ctid) FROM loose)")
        .await;
    t.exec("ALTER TABLE loose ADD PRIMARY KEY (id)").await;
    bytes_to_vector(&manager, &schema, "loose", "v", "id", dimensions)
        .await
        .unwrap();
    let rows = all_rows(&t, "SELECT v::real[] FROM loose ORDER BY id").await;
    let mut got: Vec<Vec<f32>> = rows
        .iter()
        .map(|r| r.try_get_by_index::<Vec<f32>>(0).unwrap())
        .collect();
    let mut want = vec![a, b];
    got.sort_by(|x, y| x[1].total_cmp(&y[1]));
    want.sort_by(|x, y| x[1].total_cmp(&y[1]));
    assert_eq!(got, want);
    t.finish().await;
}

//! What `generate` writes for pgvector: a changed access method (HNSW, IVFFlat), operator class
//! or parameter rebuilds the index (concurrently, on a table that holds rows, and lint passes
//! it; read back as declared, with no drift); a changed dimension is destructive and says why.
//! Applied on a PostgreSQL database holding the history.

use migration::{migrate_to_head, BootOptions, Migrations, MigratorTrait};
use migration_generator::step::{schema_ddl, StepsMigration};
use migration_generator::{plan, GenerateError, Options, Side};
use schema_model::declared::{self, Flavour};
use sea_orm::sea_query::ColumnType;
use sea_orm::DbBackend;

fn side<'a>(
    schema: &'a schema_model::Schema,
    ddl: Option<&'a schema_model::SchemaDdl>,
) -> Side<'a> {
    Side {
        schema,
        ddl,
        flavour: Flavour::Postgres,
        types: None,
    }
}

fn without_bookkeeping(mut schema: schema_model::Schema) -> schema_model::Schema {
    schema
        .tables
        .retain(|name, _| !migration::BOOKKEEPING_TABLES.contains(&name.as_str()));
    schema
}

#[tokio::test]
async fn a_changed_operator_class_rebuilds_the_index_online_and_a_new_dimension_is_destructive() {
    let Some(t) = testkit::postgres().await else {
        testkit::notice("vector generate test SKIPPED: no PostgreSQL (set DATABASE_URL)");
        return;
    };
    migrate_to_head(
        &migration::migrations().unwrap(),
        &t.db,
        &BootOptions::default(),
    )
    .await
    .unwrap();
    // Rows, so that every index is built over data.
    let chunk = t.one_chunk().await;
    t.exec(&format!(
        "INSERT INTO embeddings (id, chunk_id, model, dimensions, vector) SELECT \
         gen_random_uuid(), '{chunk}', 'm' || k, 1536, \
         array_fill(k::real, ARRAY[1536])::vector FROM generate_series(1, 50) AS k"
    ))
    .await;
    let before = without_bookkeeping(schema_model::live::read(&t.db).await.unwrap());
    let entities = entity::registry::schema_ddl(DbBackend::Postgres);
    let specs: Vec<_> = entities
        .tables
        .iter()
        .map(|table| {
            let rendered = declared::render(&entities, Flavour::Postgres).unwrap();
            side(&rendered, Some(&entities))
                .table(&table.name())
                .unwrap()
        })
        .collect();

    // Each index the model must understand, one after the other from the head's (HNSW,
    // cosine, m = 16): another operator class and m, then IVFFlat with two operator classes
    // and list counts, then HNSW again.
    let variants: [(&str, &str, &[&str], &str); 4] = [
        (
            "hnsw",
            "vector_l2_ops",
            &["ef_construction=64", "m=24"],
            "m = 24",
        ),
        (
            "ivfflat",
            "vector_cosine_ops",
            &["lists=100"],
            "lists = 100",
        ),
        ("ivfflat", "vector_ip_ops", &["lists=10"], "lists = 10"),
        (
            "hnsw",
            "vector_cosine_ops",
            &["ef_construction=64", "m=16"],
            "m = 16",
        ),
    ];
    let mut applied = Vec::new();
    for (k, (method, opclass, with, said)) in variants.into_iter().enumerate() {
        let before = without_bookkeeping(schema_model::live::read(&t.db).await.unwrap());
        let mut changed = specs.clone();
        let embeddings = changed.iter_mut().find(|s| s.name == "embeddings").unwrap();
        let index = embeddings
            .indexes
            .iter_mut()
            .find(|i| i.using.is_some())
            .unwrap();
        let using = index.using.as_mut().unwrap();
        using.method = method.into();
        using.opclasses = vec![opclass.into()];
        using.with = with.iter().map(|w| (*w).to_owned()).collect();
        let after_ddl = schema_ddl(&changed);
        let after = declared::render(&after_ddl, Flavour::Postgres).unwrap();
        let planned = plan(
            &side(&before, None),
            &side(&after, Some(&after_ddl)),
            &Options::default(),
        )
        .unwrap();
        assert!(planned.online, "[{method} {opclass}] {:#?}", planned.up);
        let change = StepsMigration {
            name: format!("m99990101_00000{k}_{method}"),
            up: planned.up.clone(),
            down: planned.down.clone(),
        };
        let sent = migration::statements_of(DbBackend::Postgres, &change, true)
            .await
            .unwrap();
        let create = sent
            .iter()
            .find(|s| s.contains(&format!("USING {method}")))
            .unwrap_or_else(|| panic!("{sent:#?}"));
        assert!(
            create.starts_with("CREATE INDEX CONCURRENTLY")
                && create.contains(opclass)
                && create.contains(said),
            "{create}"
        );
        let lint = migration_lint::lint_statements(&sent).unwrap();
        assert!(lint.iter().all(|f| !f.is_blocking()), "{lint:#?}");
        applied.push((change.name.clone(), change.up.clone(), change.down.clone()));
        let mut all = migration::Migrator::migrations();
        all.extend(applied.iter().map(|(name, up, down)| {
            Box::new(StepsMigration {
                name: name.clone(),
                up: up.clone(),
                down: down.clone(),
            }) as Box<dyn migration::MigrationTrait>
        }));
        migrate_to_head(
            &Migrations::new(all).unwrap(),
            &t.db,
            &BootOptions::default(),
        )
        .await
        .unwrap();
        let live = schema_model::live::read(&t.db).await.unwrap();
        let index = &live.tables["embeddings"]
            .indexes
            .iter()
            .find(|i| i.method.is_some())
            .unwrap();
        assert_eq!(
            (
                index.method.as_deref(),
                index.opclasses.clone(),
                index.with.clone()
            ),
            (
                Some(method),
                vec![opclass.to_owned()],
                with.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>()
            ),
            "read back as declared"
        );
        assert!(
            schema_model::diff(&after, &live)
                .iter()
                .all(|c| format!("{c:?}").contains("seaql")
                    || format!("{c:?}").contains("counsel_migration")),
            "[{method} {opclass}] {:#?}",
            schema_model::diff(&after, &live)
        );
    }

    // A new dimension: every embedding must be recomputed.
    let mut smaller = specs.clone();
    let embeddings = smaller.iter_mut().find(|s| s.name == "embeddings").unwrap();
    embeddings
        .columns
        .iter_mut()
        .find(|c| c.name == "vector")
        .unwrap()
        .ty = ColumnType::Vector(Some(768));
    let after_ddl = schema_ddl(&smaller);
    let after = declared::render(&after_ddl, Flavour::Postgres).unwrap();
    let refused = plan(
        &side(&before, None),
        &side(&after, Some(&after_ddl)),
        &Options::default(),
    )
    .unwrap_err();
    let GenerateError::Destructive(lost) = &refused else {
        panic!("{refused}")
    };
    assert!(
        lost[0].contains("vector(1536) → vector(768)") && lost[0].contains("recomputed"),
        "{lost:?}"
    );
    t.finish().await;
}

//! What `generate` writes for pgvector: a changed operator class or HNSW parameter rebuilds the
//! index (concurrently, on a table that holds rows, and lint passes it); a changed dimension is
//! destructive and says why. Applied on a PostgreSQL database holding the history.

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

    // vector_l2_ops instead of cosine, and m = 24.
    let mut l2 = specs.clone();
    let embeddings = l2.iter_mut().find(|s| s.name == "embeddings").unwrap();
    let index = embeddings
        .indexes
        .iter_mut()
        .find(|i| i.using.is_some())
        .unwrap();
    let using = index.using.as_mut().unwrap();
    using.opclasses = vec!["vector_l2_ops".into()];
    using.with = vec!["ef_construction=64".into(), "m=24".into()];
    let after_ddl = schema_ddl(&l2);
    let after = declared::render(&after_ddl, Flavour::Postgres).unwrap();
    let planned = plan(
        &side(&before, None),
        &side(&after, Some(&after_ddl)),
        &Options::default(),
    )
    .unwrap();
    assert!(planned.online, "{:#?}", planned.up);
    let change = StepsMigration {
        name: "m99990101_000000_l2".into(),
        up: planned.up.clone(),
        down: planned.down.clone(),
    };
    let sent = migration::statements_of(DbBackend::Postgres, &change, true)
        .await
        .unwrap();
    let create = sent
        .iter()
        .find(|s| s.contains("USING hnsw"))
        .unwrap_or_else(|| panic!("{sent:#?}"));
    assert!(
        create.starts_with("CREATE INDEX CONCURRENTLY")
            && create.contains("vector_l2_ops")
            && create.contains("m = 24"),
        "{create}"
    );
    let lint = migration_lint::lint_statements(&sent).unwrap();
    assert!(lint.iter().all(|f| !f.is_blocking()), "{lint:#?}");
    let mut all = migration::Migrator::migrations();
    all.push(Box::new(change));
    migrate_to_head(
        &Migrations::new(all).unwrap(),
        &t.db,
        &BootOptions::default(),
    )
    .await
    .unwrap();
    let live = schema_model::live::read(&t.db).await.unwrap();
    assert!(
        schema_model::diff(&after, &live)
            .iter()
            .all(|c| format!("{c:?}").contains("seaql")
                || format!("{c:?}").contains("counsel_migration")),
        "{:#?}",
        schema_model::diff(&after, &live)
    );

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

//! Planned steps run for real, through the migration runner, on every backend: the schema
//! reaches the entities' and comes back, and the rows stay. (The written form of the same steps
//! is compiled and run in `crates/tool/tests/generate.rs`.)

use migration::{migrate_to_head, BootOptions, Migrations};
use migration_generator::step::StepsMigration;
use migration_generator::{plan, Options, Side};
use schema_model::declared;
use schema_model::{SchemaDdl, TableDdl};
use sea_orm::sea_query::{Alias, ColumnDef, Expr, Index, Table};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

fn pairs(after: bool) -> SchemaDdl {
    let mut create = Table::create();
    create.table(Alias::new("pairs"));
    let mut id = ColumnDef::new(Alias::new("id"));
    id.integer().not_null();
    if !after {
        id.primary_key();
    }
    create
        .col(id)
        .col(ColumnDef::new(Alias::new("a")).integer().not_null())
        .col(ColumnDef::new(Alias::new("b")).integer().not_null());
    let mut indexes = vec![];
    if after {
        create
            .col(
                ColumnDef::new(Alias::new("note"))
                    .string_len(40)
                    .not_null()
                    .default(Expr::val("none")),
            )
            .primary_key(Index::create().col(Alias::new("a")).col(Alias::new("b")));
        indexes.push(
            Index::create()
                .name("idx_pairs_id")
                .table(Alias::new("pairs"))
                .col(Alias::new("id"))
                .to_owned(),
        );
    } else {
        create.col(ColumnDef::new(Alias::new("note")).string_len(10).not_null());
    }
    SchemaDdl {
        tables: vec![TableDdl {
            create: create.to_owned(),
            indexes,
        }],
        ..Default::default()
    }
}

/// The rows, read with a statement of its own (`when`): PostgreSQL refuses to reuse a plan
/// prepared before the column types changed.
async fn rows(db: &DatabaseConnection, when: &str) -> Vec<(i32, i32, i32, String)> {
    db.query_all_raw(Statement::from_string(
        db.get_database_backend(),
        format!("SELECT id, a, b, note FROM pairs ORDER BY id /* {when} */"),
    ))
    .await
    .unwrap()
    .iter()
    .map(|r| {
        (
            r.try_get_by_index(0).unwrap(),
            r.try_get_by_index(1).unwrap(),
            r.try_get_by_index(2).unwrap(),
            r.try_get_by_index(3).unwrap(),
        )
    })
    .collect()
}

async fn read(db: &DatabaseConnection) -> schema_model::Schema {
    let mut schema = schema_model::live::read(db).await.unwrap();
    for table in migration::BOOKKEEPING_TABLES {
        schema.tables.remove(table);
    }
    schema
}

#[tokio::test]
async fn a_new_primary_key_a_widened_column_and_a_default_apply_and_revert_keeping_the_rows() {
    for t in testkit::databases().await {
        let n = t.name;
        let flavour = declared::flavour(&t.db).await.unwrap().unwrap();
        let (before_ddl, after_ddl) = (pairs(false), pairs(true));
        let before = declared::render(&before_ddl, flavour).unwrap();
        let after = declared::render(&after_ddl, flavour).unwrap();
        let before_side = Side {
            schema: &before,
            ddl: None,
            flavour,
            types: None,
        };
        let after_side = Side {
            schema: &after,
            ddl: Some(&after_ddl),
            flavour,
            types: None,
        };
        let planned = plan(&before_side, &after_side, &Options::default())
            .unwrap_or_else(|e| panic!("[{n}] {e}"));
        let create = || StepsMigration {
            name: "m1_pairs".into(),
            up: migration_generator::plan::create_all(&before_side).unwrap(),
            down: vec![],
        };
        let first = Migrations::new(vec![Box::new(create())]).unwrap();
        migrate_to_head(&first, &t.db, &BootOptions::default())
            .await
            .unwrap();
        t.exec("INSERT INTO pairs (id, a, b, note) VALUES (1, 1, 2, 'x'), (2, 1, 3, 'y')")
            .await;
        let kept = rows(&t.db, "before").await;

        let change = StepsMigration {
            name: "m2_reshape".into(),
            up: planned.up.clone(),
            down: planned.down.clone(),
        };
        let both = Migrations::new(vec![Box::new(create()), Box::new(change)]).unwrap();
        migrate_to_head(&both, &t.db, &BootOptions::default())
            .await
            .unwrap_or_else(|e| panic!("[{n}] up: {e}"));
        let applied = read(&t.db).await;
        assert_eq!(applied.tables["pairs"].primary_key, ["a", "b"], "[{n}]");
        let applied_side = Side {
            schema: &applied,
            ..before_side
        };
        let left = migration_generator::plan::differences(&applied_side, &after_side);
        assert!(left.is_empty(), "[{n}] after up: {left:#?}");
        assert_eq!(rows(&t.db, "up").await, kept, "[{n}] up keeps the rows");

        migration::Runner::new(&both, &t.db, Default::default())
            .run(
                &migration::Request::Downgrade {
                    target: migration::Target::Relative(-1),
                },
                None,
            )
            .await
            .unwrap_or_else(|e| panic!("[{n}] down: {e}"));
        let reverted = read(&t.db).await;
        let reverted_side = Side {
            schema: &reverted,
            ..before_side
        };
        let back = migration_generator::plan::differences(&reverted_side, &before_side);
        assert!(back.is_empty(), "[{n}] after down: {back:#?}");
        assert_eq!(rows(&t.db, "down").await, kept, "[{n}] down keeps the rows");
        t.finish().await;
    }
}

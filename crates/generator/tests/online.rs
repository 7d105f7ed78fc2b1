//! What `generate` writes for tables that already hold rows runs online on PostgreSQL: the
//! index is built CONCURRENTLY and ends valid, the foreign key is added NOT VALID and then
//! validated, NOT NULL goes through a validated check; lint passes the SQL it sends. The same
//! steps run as before on SQLite and MySQL. A requirement the rows miss stops it with nothing
//! done, on every backend.

use migration::{migrate_to_head, BootOptions, Migrations};
use migration_generator::step::StepsMigration;
use migration_generator::{plan, Options, Side};
use schema_model::declared;
use schema_model::{SchemaDdl, TableDdl};
use sea_orm::sea_query::{Alias, ColumnDef, ForeignKey, Index, Table};
use sea_orm::{ConnectionTrait, DbBackend, Statement};

fn schema(after: bool) -> SchemaDdl {
    let owners = Table::create()
        .table(Alias::new("owners"))
        .col(
            ColumnDef::new(Alias::new("id"))
                .integer()
                .not_null()
                .primary_key(),
        )
        .to_owned();
    let mut owner = ColumnDef::new(Alias::new("owner_id"));
    owner.integer();
    if after {
        owner.not_null();
    } else {
        owner.null();
    }
    let mut notes = Table::create();
    notes
        .table(Alias::new("notes"))
        .col(
            ColumnDef::new(Alias::new("id"))
                .integer()
                .not_null()
                .primary_key(),
        )
        .col(owner)
        .col(ColumnDef::new(Alias::new("code")).integer().not_null());
    let mut indexes = vec![];
    if after {
        notes.foreign_key(
            ForeignKey::create()
                .name("fk_notes_owner_id")
                .from(Alias::new("notes"), Alias::new("owner_id"))
                .to(Alias::new("owners"), Alias::new("id")),
        );
        indexes.push(
            Index::create()
                .name("idx_notes_code")
                .table(Alias::new("notes"))
                .col(Alias::new("code"))
                .to_owned(),
        );
    }
    SchemaDdl {
        tables: vec![
            TableDdl {
                create: owners,
                indexes: vec![],
            },
            TableDdl {
                create: notes.to_owned(),
                indexes,
            },
        ],
        ..Default::default()
    }
}

async fn one_bool(t: &testkit::TestDb, sql: &str) -> Option<bool> {
    t.db.query_one_raw(Statement::from_string(t.backend(), sql.to_owned()))
        .await
        .unwrap()
        .map(|r| r.try_get_by_index::<bool>(0).unwrap())
}

#[tokio::test]
async fn changes_to_tables_with_rows_run_online_on_postgres_and_lint_clean() {
    for t in testkit::databases().await {
        let n = t.name;
        let flavour = declared::flavour(&t.db).await.unwrap().unwrap();
        let (before_ddl, after_ddl) = (schema(false), schema(true));
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
        assert!(planned.online, "[{n}] {:#?}", planned.up);
        let create = || StepsMigration {
            name: "m1_notes".into(),
            up: migration_generator::plan::create_all(&before_side).unwrap(),
            down: vec![],
        };
        let change = || StepsMigration {
            name: "m2_keys".into(),
            up: planned.up.clone(),
            down: planned.down.clone(),
        };
        migrate_to_head(
            &Migrations::new(vec![Box::new(create())]).unwrap(),
            &t.db,
            &BootOptions::default(),
        )
        .await
        .unwrap();
        t.exec("INSERT INTO owners (id) VALUES (1)").await;
        t.exec("INSERT INTO notes (id, owner_id, code) VALUES (1, 1, 5), (2, NULL, 6)")
            .await;

        // A NULL owner: the check of the rows stops it first, with nothing done (MySQL marks
        // any stopped migration for `repair`, its own path, tested in the tool's tests).
        let both = Migrations::new(vec![Box::new(create()), Box::new(change())]).unwrap();
        if t.backend() != DbBackend::MySql {
            let err = migrate_to_head(&both, &t.db, &BootOptions::default())
                .await
                .expect_err("a NULL owner_id");
            assert!(
                err.to_string()
                    .contains("1 row(s) of notes have no owner_id"),
                "[{n}] {err}"
            );
            assert_eq!(
                migration::version_table::interrupted(&t.db).await.unwrap(),
                None,
                "[{n}]"
            );
        }

        t.exec("UPDATE notes SET owner_id = 1").await;
        migrate_to_head(&both, &t.db, &BootOptions::default())
            .await
            .unwrap_or_else(|e| panic!("[{n}] up: {e}"));
        let mut applied = schema_model::live::read(&t.db).await.unwrap();
        for table in migration::BOOKKEEPING_TABLES {
            applied.tables.remove(table);
        }
        let left = migration_generator::plan::differences(
            &Side {
                schema: &applied,
                ..before_side
            },
            &after_side,
        );
        assert!(left.is_empty(), "[{n}] after up: {left:#?}");

        if t.backend() == DbBackend::Postgres {
            let sent = migration::statements_of(DbBackend::Postgres, &change(), true)
                .await
                .unwrap();
            let text = sent.join(";\n");
            assert!(
                text.contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS \"idx_notes_code\""),
                "{text}"
            );
            assert!(text.contains("NOT VALID"), "{text}");
            assert!(
                text.contains("VALIDATE CONSTRAINT \"fk_notes_owner_id\""),
                "{text}"
            );
            assert!(
                text.contains("CHECK (\"owner_id\" IS NOT NULL) NOT VALID"),
                "{text}"
            );
            let findings = migration_lint::lint_statements(&sent).unwrap();
            let blocking: Vec<_> = findings.iter().filter(|f| f.is_blocking()).collect();
            assert!(blocking.is_empty(), "lint: {blocking:#?}\n{text}");
            assert_eq!(
                one_bool(&t, "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'idx_notes_code'").await,
                Some(true)
            );
            assert_eq!(
                one_bool(
                    &t,
                    "SELECT convalidated FROM pg_constraint WHERE conname = 'fk_notes_owner_id'"
                )
                .await,
                Some(true)
            );
            assert_eq!(
                one_bool(&t, "SELECT count(*) = 0 FROM pg_constraint WHERE conname = 'notes_owner_id_not_null'").await,
                Some(true),
                "the temporary check is gone"
            );
        }
        t.finish().await;
    }
}

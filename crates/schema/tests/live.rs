//! The live reader against databases built by the real migration, on every backend.

use schema_model::{live, ReferentialAction, Schema};
use sea_orm::DbBackend;

async fn migrated(t: &testkit::TestDb) -> Schema {
    migration::migrate_on_boot(&t.db, &Default::default())
        .await
        .unwrap_or_else(|e| panic!("[{}] migrate: {e}", t.name));
    live::read(&t.db)
        .await
        .unwrap_or_else(|e| panic!("[{}] read: {e}", t.name))
}

#[tokio::test]
async fn reads_every_table_key_index_and_rule_the_migration_made() {
    for t in testkit::databases().await {
        let n = t.name;
        let schema = migrated(&t).await;
        assert_eq!(
            schema.tables.len(),
            17 + migration::BOOKKEEPING_TABLES.len(),
            "[{n}]"
        );

        let users = &schema.tables["users"];
        assert_eq!(users.primary_key, ["id"], "[{n}]");
        let email = users.column("email").unwrap();
        let expected_type = match t.backend() {
            DbBackend::Postgres => "character varying(255)",
            _ => "varchar(255)",
        };
        assert_eq!(email.sql_type, expected_type, "[{n}]");
        assert!(!email.nullable, "[{n}]");
        assert!(users.column("id").is_some_and(|c| !c.nullable), "[{n}]");
        let created = users.column("created_at").unwrap();
        assert!(
            created
                .default
                .as_deref()
                .is_some_and(|d| d.to_lowercase().starts_with("current_timestamp")),
            "[{n}] {created:?}"
        );
        assert!(
            users
                .indexes
                .iter()
                .any(|i| i.unique && i.columns == ["email"]),
            "[{n}] {:?}",
            users.indexes
        );
        assert!(
            schema.tables["visitors"].column("email").unwrap().nullable,
            "[{n}]"
        );

        // The 39 indexes of the first migration plus two unique columns (users.email,
        // agents.slug), and on PostgreSQL pgvector's HNSW index.
        let secondary: usize = schema
            .tables
            .iter()
            .filter(|(name, _)| !migration::BOOKKEEPING_TABLES.contains(&name.as_str()))
            .map(|(_, t)| t.indexes.len())
            .sum();
        let hnsw = usize::from(t.backend() == sea_orm::DbBackend::Postgres);
        assert_eq!(secondary, 41 + hnsw, "[{n}]");
        if hnsw == 1 {
            let index = schema.tables["embeddings"]
                .indexes
                .iter()
                .find(|i| i.method.as_deref() == Some("hnsw"))
                .unwrap_or_else(|| panic!("[{n}] no HNSW index"));
            assert_eq!(index.opclasses, ["vector_cosine_ops"], "[{n}]");
            assert_eq!(index.with, ["ef_construction=64", "m=16"], "[{n}]");
            let vector = schema.tables["embeddings"].column("vector").unwrap();
            assert_eq!(vector.sql_type, "vector(1536)", "[{n}]");
        }
        let cases = &schema.tables["cases"];
        assert!(
            cases
                .indexes
                .iter()
                .any(|i| !i.unique && i.columns == ["counselor_id", "status"]),
            "[{n}] {:?}",
            cases.indexes
        );

        // The 20 foreign keys, with their rules.
        let fks: usize = schema.tables.values().map(|t| t.foreign_keys.len()).sum();
        assert_eq!(fks, 20, "[{n}]");
        let rule = |table: &str, column: &str| {
            let fk = schema.tables[table]
                .foreign_keys
                .iter()
                .find(|f| f.columns == [column])
                .unwrap_or_else(|| panic!("[{n}] no foreign key on {table}.{column}"));
            (fk.ref_table.as_str(), fk.on_delete, fk.on_update)
        };
        assert_eq!(
            rule("reports", "session_id"),
            (
                "sessions",
                ReferentialAction::SetNull,
                ReferentialAction::Cascade
            ),
            "[{n}]"
        );
        assert_eq!(
            rule("visitors", "counselor_id"),
            (
                "users",
                ReferentialAction::Restrict,
                ReferentialAction::Cascade
            ),
            "[{n}]"
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn reads_checks_partial_indexes_and_native_enums_where_the_backend_has_them() {
    for t in testkit::databases().await {
        let n = t.name;
        t.exec("CREATE TABLE extras (id INTEGER PRIMARY KEY, n INTEGER, deleted INTEGER, CONSTRAINT n_positive CHECK (n > 0))")
            .await;
        if t.backend() != DbBackend::MySql {
            t.exec("CREATE INDEX live_rows ON extras (n) WHERE deleted IS NULL")
                .await;
        }
        if t.backend() == DbBackend::Postgres {
            t.exec("CREATE TYPE mood AS ENUM ('calm', 'busy')").await;
        }
        let schema = live::read(&t.db).await.unwrap();
        let extras = &schema.tables["extras"];
        let check = extras
            .checks
            .iter()
            .find(|c| c.name == "n_positive")
            .unwrap_or_else(|| panic!("[{n}] {:?}", extras.checks));
        assert!(
            check.expression.contains('n') && check.expression.contains('0'),
            "[{n}] {check:?}"
        );
        if t.backend() != DbBackend::MySql {
            let partial = extras
                .indexes
                .iter()
                .find(|i| i.name == "live_rows")
                .unwrap();
            assert!(
                partial
                    .predicate
                    .as_deref()
                    .is_some_and(|p| p.contains("deleted IS NULL")),
                "[{n}] {partial:?}"
            );
        }
        if t.backend() == DbBackend::Postgres {
            assert_eq!(schema.enums["mood"], ["calm", "busy"], "[{n}]");
        }
        t.finish().await;
    }
}

/// The same small schema, with its constraints and indexes named by `prefix`.
fn named_schema(prefix: &str) -> Vec<String> {
    vec![
        "CREATE TABLE parents (id INTEGER PRIMARY KEY, code VARCHAR(20) NOT NULL)".into(),
        format!(
            "CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER, \
             rank INTEGER DEFAULT 0, CONSTRAINT {prefix}_fk FOREIGN KEY (parent_id) \
             REFERENCES parents (id) ON DELETE CASCADE, CONSTRAINT {prefix}_rank CHECK (rank >= 0))"
        ),
        format!("CREATE UNIQUE INDEX {prefix}_code ON parents (code)"),
        format!("CREATE INDEX {prefix}_parent ON children (parent_id, rank)"),
    ]
}

#[tokio::test]
async fn schemas_that_differ_only_in_names_diff_empty_and_a_changed_rule_is_one_change() {
    for t in testkit::databases().await {
        let n = t.name;
        let other = testkit::fresh_like(&t).await;
        for (db, prefix) in [(&t, "ours"), (&other, "theirs")] {
            for sql in named_schema(prefix) {
                db.exec(&sql).await;
            }
        }
        let ours = live::read(&t.db).await.unwrap();
        let theirs = live::read(&other.db).await.unwrap();
        assert_eq!(schema_model::diff(&ours, &theirs), vec![], "[{n}]");

        // Same tables, but children's rows now survive their parent.
        other.exec("DROP TABLE children").await;
        other
            .exec(
                "CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER, \
                 rank INTEGER DEFAULT 0, FOREIGN KEY (parent_id) REFERENCES parents (id) \
                 ON DELETE SET NULL, CHECK (rank >= 0))",
            )
            .await;
        other
            .exec("CREATE INDEX p2 ON children (parent_id, rank)")
            .await;
        let changed = live::read(&other.db).await.unwrap();
        let changes = schema_model::diff(&ours, &changed);
        assert_eq!(changes.len(), 1, "[{n}] {changes:#?}");
        match &changes[0] {
            schema_model::Change::AlterForeignKey { table, from, to } => {
                assert_eq!(table, "children", "[{n}]");
                assert_eq!(
                    (from.on_delete, to.on_delete),
                    (ReferentialAction::Cascade, ReferentialAction::SetNull),
                    "[{n}]"
                );
            }
            other => panic!("[{n}] expected a changed rule, got {other:?}"),
        }
        other.finish().await;
        t.finish().await;
    }
}

#[tokio::test]
async fn the_entities_and_a_database_migrated_to_head_diff_empty() {
    for t in testkit::databases().await {
        let n = t.name;
        let mut database = migrated(&t).await;
        for bookkeeping in migration::BOOKKEEPING_TABLES {
            database.tables.remove(bookkeeping);
        }
        let entities = entity::registry::read_schema(&t.db)
            .await
            .unwrap_or_else(|e| panic!("[{n}] entities: {e}"));
        let changes = schema_model::diff(&database, &entities);
        assert!(changes.is_empty(), "[{n}] {changes:#?}");
        t.finish().await;
    }
}

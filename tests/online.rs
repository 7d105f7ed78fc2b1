//! Online migrations on PostgreSQL: statements that cannot run in a transaction block run
//! outside one, under the migration lock held apart; a failed concurrent build leaves an
//! INVALID index that is reported and rebuilt by the retry; a run that stopped halfway
//! resumes after the statements that committed. SQLite and MySQL run the same migrations as
//! any other.

use migration::{migrate_to_head, online, BootOptions, MigrateError, Migrations};
use sea_orm::{ConnectionTrait, Statement};
use testkit::fake::{fake, of};

async fn index_is_valid(t: &testkit::TestDb, index: &str) -> Option<bool> {
    let row =
        t.db.query_one_raw(Statement::from_string(
            t.backend(),
            format!(
                "SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c \
                 ON c.oid = i.indexrelid WHERE c.relname = '{index}'"
            ),
        ))
        .await
        .unwrap();
    row.map(|r| r.try_get::<bool>("", "valid").unwrap())
}

fn base() -> testkit::fake::Fake {
    fake("m1_base")
        .creates("on_items")
        .runs("ALTER TABLE on_items ADD COLUMN code integer")
        .runs("INSERT INTO on_items (id, code) VALUES (1, 10), (2, 10), (3, 30)")
}

#[tokio::test]
async fn a_concurrent_build_runs_outside_the_transaction_and_ends_valid() {
    for t in testkit::databases().await {
        let n = t.name;
        let postgres = t.backend() == sea_orm::DbBackend::Postgres;
        let index = if postgres {
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS on_items_code ON on_items (code)"
        } else {
            "CREATE INDEX on_items_code ON on_items (code)"
        };
        let migrations = of([base(), fake("m2_index").runs(index).online()]);
        let report = migrate_to_head(&migrations, &t.db, &BootOptions::default())
            .await
            .unwrap_or_else(|e| panic!("[{n}] {e}"));
        assert_eq!(report.applied, ["m1_base", "m2_index"], "[{n}]");
        if postgres {
            assert_eq!(
                index_is_valid(&t, "on_items_code").await,
                Some(true),
                "[{n}]"
            );
            assert!(online::invalid_indexes(&t.db).await.unwrap().is_empty());
        }
        // At head, the next boot is one row read.
        assert!(
            migration::version_table::at_head_unlocked(&t.db, &migrations).await,
            "[{n}]"
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn a_failed_concurrent_build_is_reported_invalid_and_rebuilt_by_the_retry() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    let unique = || {
        of([
            base(),
            fake("m2_unique")
                .runs("ALTER TABLE on_items ADD COLUMN note text")
                .runs("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS on_items_code_key ON on_items (code)")
                .runs("ALTER TABLE on_items ADD CONSTRAINT on_items_code_key UNIQUE USING INDEX on_items_code_key")
                .online(),
        ])
    };
    let err = migrate_to_head(&unique(), &t.db, &BootOptions::default())
        .await
        .expect_err("duplicate codes");
    let text = err.to_string();
    assert!(
        matches!(err, MigrateError::OnlineStep { number: 2, .. }),
        "{text}"
    );
    assert!(text.contains("on_items_code_key INVALID"), "{text}");
    assert!(text.contains("resumes from this one"), "{text}");
    assert_eq!(index_is_valid(&t, "on_items_code_key").await, Some(false));
    assert_eq!(
        online::invalid_indexes(&t.db).await.unwrap(),
        [("on_items_code_key".to_string(), "on_items".to_string())]
    );
    // Not recorded, marked as stopped after its first statement (which stays).
    let status = migration::status(&t.db, &unique()).await.unwrap().unwrap();
    assert_eq!(status.pending, [1]);
    assert_eq!(
        migration::version_table::interrupted(&t.db).await.unwrap(),
        Some(("m2_unique".into(), "up".into()))
    );

    // The data fixed, the same boot resumes: the column is not added twice, the invalid index
    // is dropped and built again, and the constraint is made from it.
    t.exec("UPDATE on_items SET code = 20 WHERE id = 2").await;
    let report = migrate_to_head(&unique(), &t.db, &BootOptions::default())
        .await
        .unwrap();
    assert_eq!(report.applied, ["m2_unique"]);
    assert_eq!(index_is_valid(&t, "on_items_code_key").await, Some(true));
    assert!(online::invalid_indexes(&t.db).await.unwrap().is_empty());
    assert_eq!(
        migration::version_table::interrupted(&t.db).await.unwrap(),
        None
    );
    t.finish().await;
}

#[tokio::test]
async fn a_transactional_migration_cannot_build_concurrently_and_says_so() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    let migrations: Migrations = of([
        base(),
        fake("m2_index").runs("CREATE INDEX CONCURRENTLY on_items_code ON on_items (code)"),
    ]);
    let err = migrate_to_head(&migrations, &t.db, &BootOptions::default())
        .await
        .expect_err("inside a transaction");
    assert!(
        err.to_string()
            .contains("cannot run inside a transaction block"),
        "{err}"
    );
    // Rolled back whole: not even the first migration is there.
    assert!(migration::status(&t.db, &migrations)
        .await
        .unwrap()
        .is_none_or(|s| s.applied.is_empty()));
    t.finish().await;
}

#[tokio::test]
async fn a_check_that_stops_an_online_migration_first_leaves_nothing_to_resume() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    let migrations = of([
        base(),
        fake("m2_checked")
            .runs("DO $$ BEGIN IF (SELECT COUNT(*) FROM on_items) > 0 THEN RAISE EXCEPTION 'rows in the way'; END IF; END $$")
            .runs("CREATE INDEX CONCURRENTLY on_items_code ON on_items (code)")
            .online(),
    ]);
    let err = migrate_to_head(&migrations, &t.db, &BootOptions::default())
        .await
        .expect_err("rows in the way");
    assert!(err.to_string().contains("rows in the way"), "{err}");
    assert_eq!(
        migration::version_table::interrupted(&t.db).await.unwrap(),
        None
    );
    // Changed into a plain migration, it runs as any other.
    let changed = of([
        base(),
        fake("m2_checked").runs("CREATE INDEX on_items_code ON on_items (code)"),
    ]);
    migrate_to_head(&changed, &t.db, &BootOptions::default())
        .await
        .unwrap();
    t.finish().await;
}

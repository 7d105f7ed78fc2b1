//! The embedded Migrator and the boot-time runner, on every configured backend
//! (SQLite always; PostgreSQL when DATABASE_URL names one).

use migration::{
    migrate_on_boot, migrate_to_head, version_table, AppliedRevision, BootOptions, LockOptions,
    MigrateError, MigrationLock, MigrationTrait, Migrator, MigratorTrait, PlanError, Request,
    Runner, VERSION_TABLE,
};
use sea_orm::ConnectionTrait;
use sea_orm::DatabaseConnection;
use std::time::Duration;

fn boot_options() -> BootOptions {
    BootOptions {
        lock: LockOptions {
            timeout: Duration::from_secs(30),
            ..Default::default()
        },
        ..Default::default()
    }
}

async fn tables(db: &DatabaseConnection) -> Vec<String> {
    schema_model::live::read(db)
        .await
        .expect("read the schema")
        .tables
        .into_keys()
        .collect()
}

fn known_revisions() -> Vec<String> {
    migration::migrations()
        .unwrap()
        .names()
        .map(str::to_owned)
        .collect()
}

async fn applied_revisions(db: &DatabaseConnection) -> Vec<AppliedRevision> {
    version_table::read(db)
        .await
        .expect("read the version table")
        .unwrap_or_default()
}

fn expected_tables() -> Vec<String> {
    let mut v = entity::registry::table_names();
    v.push(VERSION_TABLE.into());
    v.sort();
    v
}

#[tokio::test]
async fn up_from_empty_creates_exactly_the_17_tables_and_the_version_table() {
    for t in testkit::databases().await {
        assert!(
            tables(&t.db).await.is_empty(),
            "[{}] fresh database not empty",
            t.name
        );
        Migrator::up(&t.db, None)
            .await
            .unwrap_or_else(|e| panic!("[{}] up: {e}", t.name));
        assert_eq!(tables(&t.db).await, expected_tables(), "[{}]", t.name);
        let applied = applied_revisions(&t.db).await;
        assert_eq!(
            applied
                .iter()
                .map(|a| a.version.clone())
                .collect::<Vec<_>>(),
            known_revisions(),
            "[{}]",
            t.name
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn entities_and_migrations_describe_the_same_schema() {
    for t in testkit::databases().await {
        Migrator::up(&t.db, None).await.unwrap();
        let mut live = schema_model::live::read(&t.db).await.unwrap();
        for table in migration::BOOKKEEPING_TABLES {
            live.tables.remove(table);
        }
        let entities = entity::registry::read_schema(&t.db).await.unwrap();
        let drift = schema_model::diff(&live, &entities);
        assert!(
            drift.is_empty(),
            "[{}] entities and migration disagree: {drift:#?}",
            t.name
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn full_down_removes_every_table_and_record() {
    for t in testkit::databases().await {
        Migrator::up(&t.db, None).await.unwrap();
        Migrator::down(&t.db, None)
            .await
            .unwrap_or_else(|e| panic!("[{}] down: {e}", t.name));
        // Only the (now empty) bookkeeping table is left.
        assert_eq!(
            tables(&t.db).await,
            vec![VERSION_TABLE.to_string()],
            "[{}]",
            t.name
        );
        assert!(applied_revisions(&t.db).await.is_empty(), "[{}]", t.name);
        t.finish().await;
    }
}

#[tokio::test]
async fn up_is_idempotent_and_round_trips() {
    for t in testkit::databases().await {
        Migrator::up(&t.db, None).await.unwrap();
        Migrator::up(&t.db, None)
            .await
            .unwrap_or_else(|e| panic!("[{}] second up: {e}", t.name));
        assert_eq!(
            applied_revisions(&t.db).await.len(),
            known_revisions().len(),
            "[{}]",
            t.name
        );
        Migrator::down(&t.db, None).await.unwrap();
        Migrator::up(&t.db, None)
            .await
            .unwrap_or_else(|e| panic!("[{}] up after down: {e}", t.name));
        assert_eq!(tables(&t.db).await, expected_tables(), "[{}]", t.name);
        // The schema is usable after the round trip.
        insert_datasource(&t.db).await;
        t.finish().await;
    }
}

async fn insert_datasource(db: &DatabaseConnection) {
    use sea_orm::{ActiveModelTrait, Set};
    entity::datasource::ActiveModel {
        name: Set("careers portal".into()),
        kind: Set(entity::enums::DatasourceKind::Web),
        uri: Set("https://example.org".into()),
        config: Set(serde_json::json!({ "depth": 2 })),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("insert after migration");
}

#[tokio::test]
async fn boot_migration_applies_once_then_is_a_no_op() {
    for t in testkit::databases().await {
        let opts = boot_options();
        let first = migrate_on_boot(&t.db, &opts)
            .await
            .unwrap_or_else(|e| panic!("[{}] {e}", t.name));
        assert_eq!(first.applied, known_revisions(), "[{}]", t.name);
        assert_eq!(first.current, known_revisions().pop(), "[{}]", t.name);
        let second = migrate_on_boot(&t.db, &opts).await.unwrap();
        assert!(
            second.applied.is_empty(),
            "[{}] second boot applied {:?}",
            t.name,
            second.applied
        );
        t.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 3)]
async fn replicas_booting_together_migrate_exactly_once() {
    for t in testkit::databases().await {
        let opts = boot_options();
        let mut tasks = Vec::new();
        for _ in 0..3 {
            let (db, opts) = (t.connect_again().await, opts.clone());
            tasks.push(tokio::spawn(async move {
                let result = migrate_on_boot(&db, &opts).await;
                db.close().await.ok();
                result
            }));
        }
        let mut results = Vec::new();
        for task in tasks {
            results.push(task.await.expect("replica task"));
        }
        let mut applied_by = 0;
        for r in &results {
            match r {
                Ok(report) if !report.applied.is_empty() => applied_by += 1,
                Ok(_) => {}
                Err(e) => panic!("[{}] a replica failed: {e}", t.name),
            }
        }
        assert_eq!(
            applied_by, 1,
            "[{}] exactly one replica applies the migrations",
            t.name
        );
        let mut with_state = expected_tables();
        with_state.push(migration::version_table::STATE_TABLE.to_owned());
        with_state.push(migration::checksum::CHECKSUM_TABLE.to_owned());
        with_state.sort();
        assert_eq!(tables(&t.db).await, with_state, "[{}]", t.name);
        assert_eq!(
            applied_revisions(&t.db).await.len(),
            known_revisions().len(),
            "[{}]",
            t.name
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn a_held_lock_makes_other_migrators_wait_then_time_out() {
    for t in testkit::databases().await {
        let mut opts = boot_options();
        let holder = t.connect_again().await;
        let lock = MigrationLock::acquire(&holder, &opts.lock).await.unwrap();
        opts.lock.timeout = Duration::from_millis(600);
        let other = t.connect_again().await;
        match migrate_on_boot(&other, &opts).await {
            Err(e @ MigrateError::LockTimeout { .. }) => {
                if t.backend() == sea_orm::DbBackend::Postgres {
                    // An orphaned holder can be found and ended by name.
                    let text = e.to_string();
                    assert!(text.contains("backend pid"), "{text}");
                    assert!(text.contains("pg_terminate_backend("), "{text}");
                }
            }
            other => panic!("[{}] expected a lock timeout, got {other:?}", t.name),
        }
        if t.backend() == sea_orm::DbBackend::MySql {
            // The lock is per database: another database on the same server migrates freely.
            let neighbour = testkit::fresh_like(&t).await;
            let report = migrate_on_boot(&neighbour.db, &opts)
                .await
                .unwrap_or_else(|e| panic!("[mysql] a different database was blocked: {e}"));
            assert!(!report.applied.is_empty());
            neighbour.finish().await;
        }
        assert!(
            !tables(&t.db).await.iter().any(|n| n == "users"),
            "[{}] nothing ran",
            t.name
        );
        lock.release(migration::ForeignKeyScope::Nothing)
            .await
            .unwrap();
        opts.lock.timeout = Duration::from_secs(30);
        migrate_on_boot(&other, &opts)
            .await
            .unwrap_or_else(|e| panic!("[{}] after release: {e}", t.name));
        other.close().await.ok();
        holder.close().await.ok();
        t.finish().await;
    }
}

#[tokio::test]
async fn boot_refuses_a_version_table_naming_an_unknown_migration() {
    for t in testkit::databases().await {
        Migrator::up(&t.db, None).await.unwrap();
        t.exec("INSERT INTO seaql_migrations (version, applied_at) VALUES ('m20991231_000001_from_the_future', 0)").await;
        let err = migrate_on_boot(&t.db, &boot_options())
            .await
            .expect_err("must refuse");
        let msg = err.to_string();
        assert!(
            msg.contains("Can't locate revision 'm20991231_000001_from_the_future'"),
            "[{}] {msg}",
            t.name
        );
        assert!(msg.contains("manage-db stamp"), "[{}] {msg}", t.name);
        t.finish().await;
    }
}

#[tokio::test]
async fn boot_refuses_tables_created_outside_the_migrator_and_keeps_their_data() {
    for t in testkit::databases().await {
        t.exec("CREATE TABLE users (id VARCHAR(36) PRIMARY KEY, email VARCHAR(255))")
            .await;
        t.exec("INSERT INTO users (id, email) VALUES ('u1', 'kept@example.org')")
            .await;
        let err = migrate_on_boot(&t.db, &boot_options())
            .await
            .expect_err("must refuse");
        match &err {
            MigrateError::Plan(PlanError::TablesAlreadyExist { tables }) => {
                assert_eq!(tables, &vec!["users".to_string()], "[{}]", t.name)
            }
            other => panic!("[{}] unexpected {other:?}", t.name),
        }
        assert!(
            err.to_string().contains("manage-db stamp head"),
            "[{}] {err}",
            t.name
        );
        // Nothing was created or lost.
        assert_eq!(
            tables(&t.db).await,
            vec!["users".to_string()],
            "[{}]",
            t.name
        );
        let rows = sea_orm::ConnectionTrait::query_all_raw(
            &t.db,
            sea_orm::Statement::from_string(t.backend(), "SELECT email FROM users"),
        )
        .await
        .unwrap();
        assert_eq!(rows.len(), 1, "[{}]", t.name);
        t.finish().await;
    }
}

use testkit::fake::{fake, history};

async fn has_table(db: &DatabaseConnection, name: &str) -> bool {
    !version_table::existing_tables(db, &[name.to_owned()])
        .await
        .unwrap()
        .is_empty()
}

#[tokio::test]
async fn a_migration_merged_out_of_order_is_refused_until_allowed() {
    for t in testkit::databases().await {
        let n = t.name;
        let main_branch = history(&[("m1_base", "oo_a"), ("m3_main", "oo_c")]);
        migrate_to_head(&main_branch, &t.db, &boot_options())
            .await
            .unwrap();
        // The other branch's migration sorts between the two already applied.
        let merged = history(&[
            ("m1_base", "oo_a"),
            ("m2_branch", "oo_b"),
            ("m3_main", "oo_c"),
        ]);
        let err = migrate_to_head(&merged, &t.db, &boot_options())
            .await
            .expect_err("must refuse");
        assert_eq!(
            err.as_plan(),
            Some(&PlanError::OutOfOrder {
                pending: vec!["m2_branch".into()],
                newest_applied: "m3_main".into()
            }),
            "[{n}] {err}"
        );
        assert!(
            err.to_string().contains("--allow-out-of-order"),
            "[{n}] {err}"
        );
        assert!(!has_table(&t.db, "oo_b").await, "[{n}] nothing ran");

        let opted_in = BootOptions {
            allow_out_of_order: true,
            ..boot_options()
        };
        let report = migrate_to_head(&merged, &t.db, &opted_in).await.unwrap();
        assert_eq!(report.applied, vec!["m2_branch".to_string()], "[{n}]");
        assert_eq!(report.current.as_deref(), Some("m3_main"), "[{n}]");
        assert!(has_table(&t.db, "oo_b").await, "[{n}]");
        t.finish().await;
    }
}

#[tokio::test]
async fn targets_on_the_wrong_side_of_the_current_revision_are_refused() {
    for t in testkit::databases().await {
        let n = t.name;
        let steps = history(&[("m1_one", "tg_a"), ("m2_two", "tg_b"), ("m3_three", "tg_c")]);
        let runner = Runner::new(&steps, &t.db, boot_options().lock);
        let upgrade = |target: &str| Request::Upgrade {
            target: target.parse().unwrap(),
            allow_out_of_order: false,
        };
        let downgrade = |target: &str| Request::Downgrade {
            target: target.parse().unwrap(),
        };
        runner.run(&upgrade("m2"), None).await.unwrap();
        assert!(
            has_table(&t.db, "tg_b").await && !has_table(&t.db, "tg_c").await,
            "[{n}]"
        );

        let behind = runner.run(&upgrade("m1"), None).await.expect_err("older");
        assert!(
            matches!(behind.as_plan(), Some(PlanError::TargetBehind { .. })),
            "[{n}] {behind}"
        );
        let ahead = runner.run(&downgrade("m3"), None).await.expect_err("newer");
        assert!(
            matches!(ahead.as_plan(), Some(PlanError::TargetAhead { .. })),
            "[{n}] {ahead}"
        );
        assert!(
            has_table(&t.db, "tg_b").await,
            "[{n}] refusals changed nothing"
        );

        // Alembic's relative forms.
        let out = runner.run(&upgrade("+1"), None).await.unwrap();
        assert_eq!(out.plan.names(&steps), vec!["m3_three"], "[{n}]");
        let out = runner.run(&downgrade("-2"), None).await.unwrap();
        assert_eq!(out.plan.names(&steps), vec!["m3_three", "m2_two"], "[{n}]");
        assert!(
            !has_table(&t.db, "tg_b").await && has_table(&t.db, "tg_a").await,
            "[{n}]"
        );
        let out = runner.run(&downgrade("base"), None).await.unwrap();
        assert_eq!(out.status.current, None, "[{n}]");
        t.finish().await;
    }
}

#[tokio::test]
async fn a_failing_migration_on_postgres_and_sqlite_leaves_nothing_behind() {
    for t in testkit::databases().await {
        let n = t.name;
        let steps = testkit::fake::of([
            fake("m1_fine").creates("fl_a"),
            fake("m2_fails").runs("SELECT * FROM no_such_table_anywhere"),
        ]);
        let err = migrate_to_head(&steps, &t.db, &boot_options())
            .await
            .expect_err("the second migration fails");
        assert!(
            err.to_string().contains("migration m2_fails failed"),
            "[{n}] {err}"
        );
        if t.backend() == sea_orm::DbBackend::MySql {
            // No transactional DDL: the first migration stays, recorded.
            assert!(has_table(&t.db, "fl_a").await, "[{n}]");
        } else {
            assert!(err.to_string().contains("rolled back"), "[{n}] {err}");
            assert!(!has_table(&t.db, "fl_a").await, "[{n}] the run is atomic");
            assert!(applied_revisions(&t.db).await.is_empty(), "[{n}]");
        }
        t.finish().await;
    }
}

#[tokio::test]
async fn a_recorded_unknown_beside_a_missing_known_is_not_mistaken_for_head() {
    for t in testkit::databases().await {
        let n = t.name;
        let steps = history(&[("m1_one", "uk_a"), ("m2_two", "uk_b")]);
        migration::version_table::install(&t.db).await.unwrap();
        // As many rows as the build has migrations, but not the same ones.
        migration::version_table::record(&t.db, "m1_one")
            .await
            .unwrap();
        migration::version_table::record(&t.db, "m2_other_branch")
            .await
            .unwrap();
        let err = migrate_to_head(&steps, &t.db, &boot_options())
            .await
            .expect_err("must refuse");
        assert!(
            matches!(err.as_plan(), Some(PlanError::UnknownRevision { revision, .. }) if revision == "m2_other_branch"),
            "[{n}] {err}"
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn the_boot_shortcut_notices_rows_written_behind_its_back() {
    for t in testkit::databases().await {
        let n = t.name;
        let two = history(&[("m1_one", "sc_a"), ("m2_two", "sc_b")]);
        let one = history(&[("m1_one", "sc_a")]);
        migrate_to_head(&one, &t.db, &boot_options()).await.unwrap();
        // Another tool (sea-orm's own Migrator, a hand edit) records a migration: the state
        // row is now stale and must not be believed.
        version_table::record(&t.db, "m2_two").await.unwrap();
        let err = migrate_to_head(&one, &t.db, &boot_options())
            .await
            .expect_err("m2_two is unknown to this build");
        assert!(
            matches!(err.as_plan(), Some(PlanError::UnknownRevision { .. })),
            "[{n}] {err}"
        );
        // The build that knows it is at head, and says so without applying anything.
        let report = migrate_to_head(&two, &t.db, &boot_options()).await.unwrap();
        assert!(report.applied.is_empty(), "[{n}]");
        assert!(!has_table(&t.db, "sc_b").await, "[{n}] nothing ran");
        t.finish().await;
    }
}

#[tokio::test]
async fn an_interrupted_migration_is_reported_everywhere_and_repaired() {
    for t in testkit::databases().await {
        let n = t.name;
        if t.backend() != sea_orm::DbBackend::MySql {
            // PostgreSQL and SQLite roll a failed run back (see the atomic-failure test).
            t.finish().await;
            continue;
        }
        migrate_to_head(&history(&[("m1_one", "hd_a")]), &t.db, &boot_options())
            .await
            .unwrap();
        // Creates two tables, then fails: what a crash half-way through leaves on MySQL.
        let broken = testkit::fake::of([
            fake("m1_one").creates("hd_a"),
            fake("m2_half_done")
                .creates("hd_b")
                .creates("hd_c")
                .runs("SELECT * FROM no_such_table_anywhere"),
        ]);
        let failure = migrate_to_head(&broken, &t.db, &boot_options())
            .await
            .expect_err("fails half-way");
        assert!(
            failure.to_string().contains("manage-db repair"),
            "[{n}] {failure}"
        );

        // Every later run says so, with what exists of it, and changes nothing.
        let err = migrate_to_head(&broken, &t.db, &boot_options())
            .await
            .expect_err("boot refuses");
        match err.as_plan() {
            Some(PlanError::Interrupted {
                version, leftovers, ..
            }) => {
                assert_eq!(version, "m2_half_done", "[{n}]");
                assert!(
                    leftovers.contains("hd_b (0 rows)") && leftovers.contains("hd_c (0 rows)"),
                    "[{n}] {leftovers}"
                );
            }
            _ => panic!("[{n}] expected an interrupted-migration refusal, got {err}"),
        }
        let runner = Runner::new(&broken, &t.db, boot_options().lock);
        let down = Request::Downgrade {
            target: "-1".parse().unwrap(),
        };
        assert!(
            matches!(
                runner.preview(&down).await.unwrap_err().as_plan(),
                Some(PlanError::Interrupted { .. })
            ),
            "[{n}]"
        );

        // Repair drops what it left and returns to the revision before it.
        let repaired = runner.run(&Request::Repair, None).await.unwrap();
        assert_eq!(repaired.status.current, Some(0), "[{n}] back at m1_one");
        assert!(
            !has_table(&t.db, "hd_b").await && !has_table(&t.db, "hd_c").await,
            "[{n}]"
        );
        assert!(
            has_table(&t.db, "hd_a").await,
            "[{n}] the earlier migration stays"
        );

        // The fixed migration then applies normally.
        let fixed = history(&[("m1_one", "hd_a"), ("m2_half_done", "hd_b")]);
        let report = migrate_to_head(&fixed, &t.db, &boot_options())
            .await
            .unwrap();
        assert_eq!(report.applied, vec!["m2_half_done".to_string()], "[{n}]");
        t.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 3)]
async fn ddl_behind_a_long_transaction_gives_up_quickly_instead_of_queueing_the_app() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    migrate_to_head(&history(&[("m1_one", "lq_a")]), &t.db, &boot_options())
        .await
        .unwrap();
    // A long read transaction holds the table.
    let reader = t.connect_again().await;
    let long_read = sea_orm::TransactionTrait::begin(&reader).await.unwrap();
    long_read
        .execute_unprepared("SELECT * FROM lq_a")
        .await
        .unwrap();

    // The second migration alters a table that exists: DDL that needs its exclusive lock.
    let steps = testkit::fake::of([
        fake("m1_one").creates("lq_a"),
        fake("m2_alter").runs("ALTER TABLE lq_a ADD COLUMN extra INTEGER"),
    ]);
    let mut options = boot_options();
    options.lock.statement_lock_timeout = Duration::from_millis(200);
    options.lock.lock_retries = 2;
    let migrator = t.connect_again().await;
    let attempt = {
        let (steps, options) = (steps, options.clone());
        tokio::spawn(async move {
            let result = migrate_to_head(&steps, &migrator, &options).await;
            (result, steps, migrator)
        })
    };
    // Meanwhile the application's queries on that table are not stuck behind the DDL.
    let app = t.connect_again().await;
    for _ in 0..5 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        tokio::time::timeout(
            Duration::from_secs(5),
            app.execute_unprepared("SELECT * FROM lq_a"),
        )
        .await
        .expect("an application query waited behind the migration")
        .unwrap();
    }
    let (result, steps, migrator) = attempt.await.unwrap();
    let err = result.expect_err("the table stayed locked");
    assert!(
        matches!(err, MigrateError::TableLockBusy { attempts: 3, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("pg_stat_activity"), "{err}");

    // Once the long transaction ends, the same migration goes through.
    long_read.commit().await.unwrap();
    let report = migrate_to_head(&steps, &migrator, &options).await.unwrap();
    assert_eq!(report.applied, vec!["m2_alter".to_string()]);
    for db in [reader, migrator, app] {
        db.close().await.ok();
    }
    t.finish().await;
}

/// A step that takes a few seconds, so a migrator can be killed inside it.
fn slow_sql(backend: sea_orm::DbBackend) -> &'static str {
    match backend {
        sea_orm::DbBackend::Postgres => "SELECT pg_sleep(3)",
        sea_orm::DbBackend::MySql => "SELECT SLEEP(3)",
        _ => "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 30000000) SELECT max(x) FROM c",
    }
}

/// Not a test of its own: the migrator that `a_migrator_killed_with_sigkill_…` starts as a
/// child process (this same test binary) and kills. Without its variable it does nothing.
#[tokio::test]
async fn crash_child() {
    let Ok(url) = std::env::var("COUNSEL_CRASH_CHILD_URL") else {
        return;
    };
    let db = sea_orm::Database::connect(&url).await.unwrap();
    let steps = testkit::fake::of([
        fake("m1_one").creates("kc_a"),
        fake("m2_two")
            .creates("kc_b")
            .runs(slow_sql(db.get_database_backend())),
    ]);
    let _ = migrate_to_head(&steps, &db, &boot_options()).await;
}

/// Whether the child is inside its slow step (or, on SQLite, holds the write lock).
async fn child_is_in_the_slow_step(t: &testkit::TestDb) -> bool {
    let sql = match t.backend() {
        sea_orm::DbBackend::Postgres => {
            "SELECT COUNT(*) AS n FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(3)' AND datname = current_database()"
        }
        sea_orm::DbBackend::MySql => {
            "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE INFO = 'SELECT SLEEP(3)' AND DB = DATABASE()"
        }
        _ => {
            // The child's BEGIN IMMEDIATE blocks ours.
            return t.db.execute_unprepared("PRAGMA busy_timeout = 0; BEGIN IMMEDIATE; ROLLBACK").await.is_err();
        }
    };
    let row =
        t.db.query_one_raw(sea_orm::Statement::from_string(t.backend(), sql))
            .await
            .unwrap()
            .unwrap();
    row.try_get::<i64>("", "n").unwrap() > 0
}

#[tokio::test]
async fn a_migrator_killed_with_sigkill_leaves_nothing_or_a_marked_interruption() {
    for t in testkit::databases().await {
        let n = t.name;
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["crash_child", "--exact", "--test-threads=1"])
            .env("COUNSEL_CRASH_CHILD_URL", &t.url)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let mut inside = false;
        for _ in 0..100 {
            tokio::time::sleep(Duration::from_millis(50)).await;
            if child_is_in_the_slow_step(&t).await {
                inside = true;
                break;
            }
        }
        assert!(inside, "[{n}] the child never reached its slow step");
        if t.backend() == sea_orm::DbBackend::Sqlite {
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();

        let quick = history(&[("m1_one", "kc_a"), ("m2_two", "kc_b")]);
        if t.backend() == sea_orm::DbBackend::MySql {
            // m1 stays applied; m2 is reported with what it left, and repaired.
            let err = migrate_to_head(&quick, &t.db, &boot_options())
                .await
                .expect_err("boot refuses after the crash");
            match err.as_plan() {
                Some(PlanError::Interrupted {
                    version, leftovers, ..
                }) => {
                    assert_eq!(version, "m2_two", "[{n}]");
                    assert!(leftovers.contains("kc_b"), "[{n}] {leftovers}");
                }
                _ => panic!("[{n}] expected an interrupted migration, got {err}"),
            }
            Runner::new(&quick, &t.db, boot_options().lock)
                .run(&Request::Repair, None)
                .await
                .unwrap();
            assert!(
                has_table(&t.db, "kc_a").await && !has_table(&t.db, "kc_b").await,
                "[{n}]"
            );
        } else {
            // One transaction: nothing of either migration is left, nothing is recorded.
            assert!(
                !has_table(&t.db, "kc_a").await && !has_table(&t.db, "kc_b").await,
                "[{n}]"
            );
            assert!(applied_revisions(&t.db).await.is_empty(), "[{n}]");
        }
        // Either way the next boot brings the database to head.
        let report = migrate_to_head(&quick, &t.db, &boot_options())
            .await
            .unwrap();
        assert_eq!(report.current.as_deref(), Some("m2_two"), "[{n}]");
        assert!(has_table(&t.db, "kc_b").await, "[{n}]");
        t.finish().await;
    }
}

/// A migration that rebuilds `parents` through `schema_change::rebuild_sqlite_table`,
/// widening `name` and adding a defaulted column, as `manage-db generate` writes it.
struct RebuildParents;

impl migration::sea_orm_migration::MigrationName for RebuildParents {
    fn name(&self) -> &str {
        "m3_rebuild_parents"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for RebuildParents {
    async fn up(
        &self,
        manager: &migration::sea_orm_migration::SchemaManager,
    ) -> Result<(), sea_orm::DbErr> {
        use migration::sea_orm_migration::prelude::*;
        let definition = Table::create()
            .table(Alias::new("rb_parents"))
            .col(
                ColumnDef::new(Alias::new("id"))
                    .integer()
                    .not_null()
                    .primary_key(),
            )
            .col(ColumnDef::new(Alias::new("name")).text().not_null())
            .col(
                ColumnDef::new(Alias::new("rank"))
                    .integer()
                    .not_null()
                    .default(7),
            )
            .to_owned();
        let index = Index::create()
            .name("idx_rb_parents_name")
            .table(Alias::new("rb_parents"))
            .col(Alias::new("name"))
            .to_owned();
        migration::schema_change::rebuild_sqlite_table(
            manager,
            definition,
            &[("id", "id"), ("name", "name")],
            vec![index],
        )
        .await
    }

    async fn down(
        &self,
        _: &migration::sea_orm_migration::SchemaManager,
    ) -> Result<(), sea_orm::DbErr> {
        Ok(())
    }
}

fn parents_and_children() -> [testkit::fake::Fake; 2] {
    [
        fake("m1_parents")
            .runs("CREATE TABLE rb_parents (id INTEGER PRIMARY KEY, name VARCHAR(10) NOT NULL)"),
        fake("m2_children").runs(
            "CREATE TABLE rb_children (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL \
             REFERENCES rb_parents (id) ON DELETE CASCADE)",
        ),
    ]
}

/// A SQLite database with `rb_parents` and `rb_children` migrated, one row each.
async fn a_parent_with_a_child() -> testkit::TestDb {
    let t = testkit::sqlite().await;
    let first = testkit::fake::of(parents_and_children());
    migrate_to_head(&first, &t.db, &boot_options())
        .await
        .unwrap();
    t.exec("INSERT INTO rb_parents VALUES (1, 'a')").await;
    t.exec("INSERT INTO rb_children VALUES (10, 1)").await;
    t
}

async fn count(db: &DatabaseConnection, sql: &str) -> i64 {
    db.query_one_raw(sea_orm::Statement::from_string(
        db.get_database_backend(),
        sql,
    ))
    .await
    .unwrap()
    .unwrap()
    .try_get_by_index::<i64>(0)
    .unwrap()
}

#[tokio::test]
async fn a_sqlite_table_rebuild_keeps_every_child_row_its_cascade_rules_would_have_deleted() {
    let t = testkit::sqlite().await;
    let first = testkit::fake::of(parents_and_children());
    migrate_to_head(&first, &t.db, &boot_options())
        .await
        .unwrap();
    t.exec("INSERT INTO rb_parents VALUES (1, 'a'), (2, 'b')")
        .await;
    t.exec("INSERT INTO rb_children VALUES (10, 1), (11, 2), (12, 2)")
        .await;

    let mut steps: Vec<Box<dyn MigrationTrait>> = parents_and_children()
        .into_iter()
        .map(testkit::fake::Fake::boxed)
        .collect();
    steps.push(Box::new(RebuildParents));
    let with_rebuild = migration::Migrations::new(steps).unwrap();
    migrate_to_head(&with_rebuild, &t.db, &boot_options())
        .await
        .unwrap();

    assert_eq!(count(&t.db, "SELECT COUNT(*) FROM rb_children").await, 3);
    assert_eq!(
        count(&t.db, "SELECT COUNT(*) FROM rb_parents WHERE \"rank\" = 7").await,
        2
    );
    let schema = schema_model::live::read(&t.db).await.unwrap();
    let parents = &schema.tables["rb_parents"];
    assert_eq!(parents.column("name").unwrap().sql_type, "text");
    assert!(parents.indexes.iter().any(|i| i.columns == ["name"]));
    // The children still reference the rebuilt table, and enforcement is back on afterwards.
    assert_eq!(
        schema.tables["rb_children"].foreign_keys[0].ref_table,
        "rb_parents"
    );
    t.exec("DELETE FROM rb_parents WHERE id = 2").await;
    assert_eq!(count(&t.db, "SELECT COUNT(*) FROM rb_children").await, 1);
    t.finish().await;
}

#[tokio::test]
async fn a_sqlite_migration_that_leaves_a_dangling_reference_is_rolled_back() {
    let t = a_parent_with_a_child().await;
    let mut steps: Vec<_> = parents_and_children().into_iter().collect();
    steps.push(fake("m3_orphans").runs("DELETE FROM rb_parents"));
    let orphaning = testkit::fake::of(steps);
    let err = migrate_to_head(&orphaning, &t.db, &boot_options())
        .await
        .expect_err("a dangling reference");
    assert!(
        err.to_string()
            .contains("row 10 of rb_children references a missing row of rb_parents"),
        "{err}"
    );
    assert_eq!(count(&t.db, "SELECT COUNT(*) FROM rb_parents").await, 1);
    assert_eq!(count(&t.db, "SELECT COUNT(*) FROM rb_children").await, 1);
    assert_eq!(
        count(&t.db, "SELECT foreign_keys FROM pragma_foreign_keys").await,
        1
    );
    t.finish().await;
}

#[tokio::test]
async fn a_table_rebuild_outside_the_runner_refuses_instead_of_cascading() {
    let t = a_parent_with_a_child().await;
    // sea-orm's own entry point runs migrations with enforcement on.
    let manager = migration::sea_orm_migration::SchemaManager::new(&t.db);
    let err = RebuildParents
        .up(&manager)
        .await
        .expect_err("enforcement is on");
    assert!(err.to_string().contains("manage-db upgrade"), "{err}");
    assert_eq!(count(&t.db, "SELECT COUNT(*) FROM rb_children").await, 1);
    t.finish().await;
}

/// SQLite checks foreign keys before a run commits (its table rebuilds run with enforcement
/// off): only when something ran, and only on the tables the run wrote and their children.
/// An orphan row elsewhere, left by a hand-made fix, neither slows nor stops a boot.
#[tokio::test]
async fn sqlite_checks_the_foreign_keys_a_run_could_break_and_only_those() {
    use testkit::fake::{fake, of};
    let t = testkit::sqlite().await;
    let opts = BootOptions::default();
    let parent_and_child = || {
        fake("m1_parent_and_child")
            .runs("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
            .runs("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id))")
    };
    let notes = || fake("m2_notes").runs("CREATE TABLE notes (id INTEGER PRIMARY KEY)");
    migrate_to_head(&of([parent_and_child()]), &t.db, &opts)
        .await
        .unwrap();
    t.db.execute_unprepared(
        "PRAGMA foreign_keys = OFF; INSERT INTO child VALUES (1, 42); PRAGMA foreign_keys = ON",
    )
    .await
    .unwrap();

    let report = migrate_to_head(&of([parent_and_child()]), &t.db, &opts).await;
    assert!(
        report.unwrap().applied.is_empty(),
        "a boot with nothing to do"
    );
    let report = migrate_to_head(&of([parent_and_child(), notes()]), &t.db, &opts).await;
    assert_eq!(
        report.unwrap().applied,
        ["m2_notes"],
        "a run that wrote only `notes`"
    );

    let touches_parent = fake("m3_parent_name").runs("ALTER TABLE parent ADD COLUMN name TEXT");
    let err = migrate_to_head(
        &of([parent_and_child(), notes(), touches_parent]),
        &t.db,
        &opts,
    )
    .await
    .expect_err("the orphan in `child`, whose parent the run changed, stops it");
    assert!(matches!(err, MigrateError::ForeignKeyViolation(_)), "{err}");
    assert!(err.to_string().contains("child"), "{err}");
    let columns =
        t.db.query_all_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Sqlite,
            "SELECT name FROM pragma_table_info('parent')",
        ))
        .await
        .unwrap();
    assert_eq!(columns.len(), 1, "the run was rolled back");
    t.finish().await;
}

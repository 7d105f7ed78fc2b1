//! Checksums of applied migrations, on every backend: an edit after a migration ran is caught
//! at boot (refused, or warned about when told), a layout or comment edit is not, `rehash`
//! accepts a reviewed edit, and a database migrated before checksums existed is adopted.

use migration::checksum::CHECKSUM_TABLE;
use migration::{migrate_to_head, BootOptions, LockOptions, MigrateError, OnEdited, Runner};
use sea_orm::{ConnectionTrait, Statement};
use std::time::Duration;
use testkit::fake::{fake, of};

fn options(on_edited: OnEdited) -> BootOptions {
    BootOptions {
        lock: LockOptions {
            timeout: Duration::from_secs(30),
            ..Default::default()
        },
        on_edited_migration: on_edited,
        ..Default::default()
    }
}

async fn checksum_rows(t: &testkit::TestDb) -> Vec<String> {
    let rows =
        t.db.query_all_raw(Statement::from_string(
            t.backend(),
            format!("SELECT version FROM {CHECKSUM_TABLE} ORDER BY version"),
        ))
        .await
        .unwrap();
    rows.iter()
        .map(|r| r.try_get::<String>("", "version").unwrap())
        .collect()
}

#[tokio::test]
async fn an_applied_migration_edited_afterwards_is_refused_until_rehashed() {
    for t in testkit::databases().await {
        let n = t.name;
        let refuse = options(OnEdited::Refuse);
        let original = || {
            of([
                fake("m1_base")
                    .creates("ck_a")
                    .runs("CREATE INDEX ck_a_id ON ck_a (id)"),
                fake("m2_next").creates("ck_b"),
            ])
        };
        migrate_to_head(&original(), &t.db, &refuse).await.unwrap();
        assert_eq!(checksum_rows(&t).await, ["m1_base", "m2_next"], "[{n}]");

        // Layout and comments: the same SQL, so the same checksum; the boot stays one row read.
        let relaid = of([
            fake("m1_base")
                .creates("ck_a")
                .runs("-- the lookup index\nCREATE   INDEX ck_a_id\n  ON ck_a (id) /* by id */"),
            fake("m2_next").creates("ck_b"),
        ]);
        let report = migrate_to_head(&relaid, &t.db, &refuse).await.unwrap();
        assert!(report.applied.is_empty(), "[{n}]");

        // What it sends changed: refused, naming the migration and both statements, and the
        // pending migration behind it does not run.
        let edited = || {
            of([
                fake("m1_base")
                    .creates("ck_a")
                    .runs("CREATE UNIQUE INDEX ck_a_id ON ck_a (id)"),
                fake("m2_next").creates("ck_b"),
                fake("m3_more").creates("ck_c"),
            ])
        };
        let err = migrate_to_head(&edited(), &t.db, &refuse)
            .await
            .expect_err("an edited migration is refused");
        let text = err.to_string();
        assert!(
            matches!(err, MigrateError::EditedAfterApply { .. }),
            "[{n}] {text}"
        );
        assert!(
            text.contains("m1_base was changed after it was applied"),
            "[{n}] {text}"
        );
        assert!(
            text.contains("- CREATE INDEX ck_a_id ON ck_a (id)"),
            "[{n}] {text}"
        );
        assert!(
            text.contains("+ CREATE UNIQUE INDEX ck_a_id ON ck_a (id)"),
            "[{n}] {text}"
        );
        assert!(text.contains("manage-db rehash"), "[{n}] {text}");
        assert!(
            !text.contains("m2_next"),
            "[{n}] only the edited one is named: {text}"
        );
        assert_eq!(
            checksum_rows(&t).await,
            ["m1_base", "m2_next"],
            "[{n}] nothing ran"
        );

        // Told to warn, the boot goes on; the next boot still sees the edit.
        let warn = options(OnEdited::Warn);
        let report = migrate_to_head(&edited(), &t.db, &warn).await.unwrap();
        assert_eq!(report.applied, ["m3_more"], "[{n}]");
        let err = migrate_to_head(&edited(), &t.db, &refuse)
            .await
            .expect_err("still edited");
        assert!(
            matches!(err, MigrateError::EditedAfterApply { .. }),
            "[{n}] {err}"
        );

        // Accepted: the boot passes, from the one-row path again.
        let migrations = edited();
        let runner = Runner::new(&migrations, &t.db, refuse.lock.clone());
        let accepted = runner.rehash(0).await.unwrap().expect("it differed");
        assert_eq!(accepted.name, "m1_base", "[{n}]");
        assert!(
            runner.rehash(0).await.unwrap().is_none(),
            "[{n}] nothing left to accept"
        );
        let report = migrate_to_head(&migrations, &t.db, &refuse).await.unwrap();
        assert!(report.applied.is_empty(), "[{n}]");
        assert!(
            migration::version_table::at_head_unlocked(&t.db, &migrations).await,
            "[{n}] the state row covers the accepted checksum"
        );

        // Only an applied migration has a checksum to accept.
        let ahead = of([
            fake("m1_base")
                .creates("ck_a")
                .runs("CREATE UNIQUE INDEX ck_a_id ON ck_a (id)"),
            fake("m2_next").creates("ck_b"),
            fake("m3_more").creates("ck_c"),
            fake("m4_later").creates("ck_d"),
        ]);
        let err = Runner::new(&ahead, &t.db, refuse.lock.clone())
            .rehash(3)
            .await
            .expect_err("not applied");
        assert!(matches!(err, MigrateError::NotApplied(_)), "[{n}] {err}");
        t.finish().await;
    }
}

#[tokio::test]
async fn a_database_migrated_before_checksums_existed_is_adopted_without_alarm() {
    for t in testkit::databases().await {
        let n = t.name;
        let history = || {
            of([
                fake("m1_base").creates("ad_a"),
                fake("m2_next").creates("ad_b"),
            ])
        };
        let refuse = options(OnEdited::Refuse);
        migrate_to_head(&history(), &t.db, &refuse).await.unwrap();
        // As an older build left it: no checksum table, a names-only fingerprint.
        t.exec(&format!("DROP TABLE {CHECKSUM_TABLE}")).await;
        t.exec("UPDATE counsel_migration_state SET fingerprint = 'older'")
            .await;

        let report = migrate_to_head(&history(), &t.db, &refuse).await.unwrap();
        assert!(report.applied.is_empty(), "[{n}]");
        assert_eq!(
            checksum_rows(&t).await,
            ["m1_base", "m2_next"],
            "[{n}] adopted"
        );
        assert!(
            migration::version_table::at_head_unlocked(&t.db, &history()).await,
            "[{n}] the next boot is one row read"
        );
        // From then on an edit is caught.
        let edited = of([
            fake("m1_base")
                .creates("ad_a")
                .runs("CREATE INDEX ad_a_id ON ad_a (id)"),
            fake("m2_next").creates("ad_b"),
        ]);
        let err = migrate_to_head(&edited, &t.db, &refuse)
            .await
            .expect_err("edited");
        assert!(
            err.to_string()
                .contains("+ CREATE INDEX ad_a_id ON ad_a (id)"),
            "[{n}] {err}"
        );
        t.finish().await;
    }
}

//! Issue 13: on MariaDB, whose DDL is not transactional, a generated (ALTER-based) migration
//! killed at any point, and a confirmed downgrade killed at any point, always end with the
//! truth told (what the migration did and did not do), one command reaching a clean state
//! (`repair` back to where the run started, or `repair --finish` to where it was going), and
//! no row lost.
//!
//! A real process runs the migration and is killed with SIGKILL at delays spread over the
//! run's own measured length, in both directions; every other kill undoes, the others finish.
//! Each direction has a step that copies the table, so that kills land inside the migration.

use manage_db::commands::interrupted;
use manage_db::session::Session;
use migration::sea_orm_migration::prelude::{ColumnType, Expr, StringLen};
use migration::{Migrations, Request, Runner, Target};
use migration_generator::spec::{ColumnSpec, ForeignKeySpec, IndexSpec};
use migration_generator::step::StepsMigration;
use migration_generator::Step;
use schema_model::ReferentialAction;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use std::time::Instant;

const ITEMS: i64 = 60_000;
const GROUPS: i64 = 10;
const KILLS: usize = 12;

/// `kp_items.name` retyped to `varchar(len)`.
fn name_as(len: u32) -> Step {
    Step::AlterColumn {
        table: "kp_items".into(),
        column: ColumnSpec {
            name: "name".into(),
            ty: ColumnType::String(StringLen::N(len)),
            nullable: false,
            default: Some(Expr::val("x")),
        },
        drop_default: false,
        retype: true,
    }
}

/// m1 makes two tables; m2 is what `generate` writes for two columns, two indexes and a
/// foreign key added to the table with the rows (MariaDB's key index included), and a column
/// widened.
fn history() -> Migrations {
    use testkit::fake::fake;
    let m1 = fake("m1_items")
        .creates("kp_groups")
        .creates("kp_items")
        .runs(
            "ALTER TABLE kp_items ADD COLUMN name VARCHAR(100) NOT NULL DEFAULT 'x', \
             ADD COLUMN group_id INTEGER NULL",
        )
        .boxed();
    let table = || "kp_items".to_owned();
    let index = |name: &str, columns: &[&str]| IndexSpec {
        name: name.into(),
        columns: columns.iter().map(|c| c.to_string()).collect(),
        unique: false,
        constraint: false,
        using: None,
    };
    let foreign_key = ForeignKeySpec {
        name: "fk_kp_items_group_id".into(),
        columns: vec!["group_id".into()],
        ref_table: "kp_groups".into(),
        ref_columns: vec!["id".into()],
        on_delete: ReferentialAction::Restrict,
        on_update: ReferentialAction::Restrict,
    };
    let m2 = StepsMigration {
        name: "m2_item_details".into(),
        up: vec![
            name_as(150),
            Step::AddColumn {
                table: table(),
                column: ColumnSpec {
                    name: "nickname".into(),
                    ty: ColumnType::String(StringLen::N(100)),
                    nullable: true,
                    default: None,
                },
            },
            Step::AddColumn {
                table: table(),
                column: ColumnSpec {
                    name: "score".into(),
                    ty: ColumnType::Integer,
                    nullable: false,
                    default: Some(Expr::val(0)),
                },
            },
            Step::CreateIndex {
                table: table(),
                index: index("idx_kp_items_nickname", &["nickname"]),
            },
            Step::CreateIndex {
                table: table(),
                index: index("idx_kp_items_score_name", &["score", "name"]),
            },
            Step::CreateKeyIndex {
                table: table(),
                name: "fk_kp_items_group_id".into(),
                columns: vec!["group_id".into()],
            },
            Step::AddForeignKey {
                table: table(),
                foreign_key: foreign_key.clone(),
            },
        ],
        down: vec![
            Step::DropForeignKey {
                table: table(),
                name: foreign_key.name.clone(),
                columns: foreign_key.columns.clone(),
            },
            Step::DropKeyIndex {
                table: table(),
                name: "fk_kp_items_group_id".into(),
                columns: vec!["group_id".into()],
            },
            Step::DropIndex {
                table: table(),
                name: "idx_kp_items_score_name".into(),
                columns: vec!["score".into(), "name".into()],
                constraint: false,
            },
            Step::DropIndex {
                table: table(),
                name: "idx_kp_items_nickname".into(),
                columns: vec!["nickname".into()],
                constraint: false,
            },
            Step::DropColumn {
                table: table(),
                column: "score".into(),
            },
            Step::DropColumn {
                table: table(),
                column: "nickname".into(),
            },
            // Narrowing copies the table: the downgrade has a long step too.
            name_as(100),
        ],
    };
    Migrations::new(vec![m1, Box::new(m2)]).expect("distinct names")
}

fn to(name: &str) -> Target {
    Target::Revision(name.to_owned())
}

/// Brings `db` up to `revision` of the history.
async fn upgrade(db: &DatabaseConnection, revision: &str) {
    Runner::new(&history(), db, Default::default())
        .run(
            &Request::Upgrade {
                target: to(revision),
                allow_out_of_order: false,
            },
            None,
        )
        .await
        .unwrap_or_else(|e| panic!("upgrade to {revision}: {e}"));
}

/// The child: runs one direction of m2 on the database in `COUNSEL_KILL_URL`, to be killed.
#[tokio::test]
async fn kill_child() {
    let Ok(url) = std::env::var("COUNSEL_KILL_URL") else {
        return;
    };
    let db = Database::connect(&url).await.unwrap();
    let request = match std::env::var("COUNSEL_KILL_DIRECTION").as_deref() {
        Ok("down") => Request::Downgrade {
            target: to("m1_items"),
        },
        _ => Request::Upgrade {
            target: Target::Head,
            allow_out_of_order: false,
        },
    };
    Runner::new(&history(), &db, Default::default())
        .run(&request, None)
        .await
        .unwrap();
}

fn spawn_child(url: &str, direction: &str) -> std::process::Child {
    std::process::Command::new(std::env::current_exe().unwrap())
        .args(["kill_child", "--exact", "--test-threads=1"])
        .env("COUNSEL_KILL_URL", url)
        .env("COUNSEL_KILL_DIRECTION", direction)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

async fn count(db: &DatabaseConnection, table: &str) -> i64 {
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            format!("SELECT COUNT(*) AS n FROM {table}"),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

/// A fresh database at `revision` of the history, with the rows.
async fn prepared(like: &testkit::TestDb, revision: &str) -> testkit::TestDb {
    let t = testkit::fresh_like(like).await;
    upgrade(&t.db, "m1_items").await;
    t.db.execute_unprepared(&format!(
        "SET SESSION max_recursive_iterations = 1000000; \
         INSERT INTO kp_groups (id) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 \
         FROM n WHERE i < {GROUPS}) SELECT i FROM n; \
         INSERT INTO kp_items (id, name, group_id) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL \
         SELECT i + 1 FROM n WHERE i < {ITEMS}) SELECT i, CONCAT('item', i), i % {GROUPS} + 1 FROM n"
    ))
    .await
    .unwrap();
    upgrade(&t.db, revision).await;
    t
}

async fn session(t: &testkit::TestDb) -> Session {
    Session::with_migrations(db_config::DbUrl::parse(&t.url).unwrap(), history())
        .await
        .unwrap()
}

/// The schema `t` would have at `revision`, replayed on a database of its own.
async fn schema_at(like: &testkit::TestDb, revision: &str) -> schema_model::Schema {
    let t = testkit::fresh_like(like).await;
    upgrade(&t.db, revision).await;
    let schema = manage_db::replay::read_schema(&t.db).await.unwrap();
    t.finish().await;
    schema
}

/// The applied revisions of `db`, oldest first.
async fn applied(db: &DatabaseConnection) -> Vec<String> {
    migration::version_table::read(db)
        .await
        .unwrap()
        .unwrap_or_default()
        .into_iter()
        .map(|r| r.version)
        .collect()
}

async fn kills_in_one_direction(like: &testkit::TestDb, direction: &str) {
    let (from, towards) = if direction == "up" {
        ("m1_items", "m2_item_details")
    } else {
        ("m2_item_details", "m1_items")
    };
    let schemas = [
        ("m1_items", schema_at(like, "m1_items").await),
        ("m2_item_details", schema_at(like, "m2_item_details").await),
    ];
    let schema_of = |name: &str| &schemas.iter().find(|(n, _)| *n == name).unwrap().1;

    // How long a whole run takes here, process start included.
    let t = prepared(like, from).await;
    let start = Instant::now();
    assert!(spawn_child(&t.url, direction).wait().unwrap().success());
    let whole = start.elapsed();
    t.finish().await;

    let mut interrupted_runs = 0;
    for kill in 0..KILLS {
        let t = prepared(like, from).await;
        let delay = whole.mul_f64(0.15 + 0.85 * kill as f64 / KILLS as f64);
        let mut child = spawn_child(&t.url, direction);
        tokio::time::sleep(delay).await;
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let finish = kill % 2 == 1;
        let s = session(&t).await;
        let expected = match interrupted::examine(&s).await.unwrap() {
            Some(cut) => {
                interrupted_runs += 1;
                let text = cut.describe();
                assert!(text.contains("m2_item_details"), "{text}");
                assert!(text.contains("repair --finish"), "{text}");
                assert_eq!(cut.direction, direction, "{text}");
                // The truth: what it did and what it did not are the two halves of the way.
                let whole_way: Vec<String> =
                    schema_model::diff(schema_of(from), schema_of(towards))
                        .iter()
                        .flat_map(schema_model::report::describe)
                        .collect();
                assert!(
                    cut.done.len() + cut.remaining.len() >= 1
                        && cut.done.len() <= whole_way.len()
                        && cut.remaining.len() <= whole_way.len(),
                    "{text}\nwhole way: {whole_way:?}"
                );
                let mut out = Vec::new();
                if let Err(e) = interrupted::repair(&s, finish, vec![], true, &mut out).await {
                    let table =
                        s.db.query_one_raw(sea_orm::Statement::from_string(
                            s.db.get_database_backend(),
                            "SHOW CREATE TABLE kp_items",
                        ))
                        .await
                        .ok()
                        .flatten()
                        .and_then(|r| r.try_get_by_index::<String>(1).ok());
                    panic!("kill {kill} ({direction}): {e}\n{text}\nnow: {table:?}");
                }
                if finish {
                    towards
                } else {
                    from
                }
            }
            // Killed before the migration began, or after it ended: at one end already.
            None => match applied(&s.db).await.last().map(String::as_str) {
                Some("m2_item_details") => "m2_item_details",
                _ => "m1_items",
            },
        };
        assert!(
            interrupted::examine(&s).await.unwrap().is_none(),
            "kill {kill} ({direction}): still interrupted"
        );
        let revisions = applied(&s.db).await;
        assert_eq!(
            revisions.last().map(String::as_str),
            Some(expected),
            "kill {kill} ({direction})"
        );
        let live = manage_db::replay::read_schema(&s.db).await.unwrap();
        let left = schema_model::diff(&live, schema_of(expected));
        assert!(
            left.is_empty(),
            "kill {kill} ({direction}): at {expected} but {left:?}"
        );
        assert_eq!(
            count(&s.db, "kp_items").await,
            ITEMS,
            "kill {kill}: rows lost"
        );
        assert_eq!(count(&s.db, "kp_groups").await, GROUPS);
        // And the history goes on from there.
        Runner::new(&history(), &s.db, Default::default())
            .run(&Request::upgrade_to_head(), None)
            .await
            .unwrap_or_else(|e| panic!("kill {kill} ({direction}): upgrade after: {e}"));
        s.db.close().await.ok();
        t.finish().await;
    }
    testkit::notice(&format!(
        "{direction}: {interrupted_runs} of {KILLS} kills stopped m2 halfway (whole run {whole:?}); \
         each ended at one revision with every row"
    ));
    assert!(
        interrupted_runs >= KILLS / 3,
        "{direction}: only {interrupted_runs} of {KILLS} kills landed inside the migration"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_migration_killed_at_any_point_on_mariadb_has_one_way_out_each_way() {
    let Some(t) = testkit::mysql().await else {
        return;
    };
    kills_in_one_direction(&t, "up").await;
    kills_in_one_direction(&t, "down").await;
    t.finish().await;
}

/// Killed after the version row was written and before the marker was cleared: the migration
/// is complete, and the report says so (nothing left to do) instead of "not recorded"; either
/// way out ends clean, and undoing it reverts it whole.
#[tokio::test]
async fn a_migration_recorded_but_still_marked_is_reported_as_complete() {
    let Some(like) = testkit::mysql().await else {
        return;
    };
    for finish in [true, false] {
        let t = prepared(&like, "m2_item_details").await;
        migration::version_table::mark_in_progress(&t.db, "m2_item_details", "up")
            .await
            .unwrap();
        let s = session(&t).await;
        let cut = interrupted::examine(&s).await.unwrap().expect("marked");
        assert!(cut.remaining.is_empty(), "{}", cut.describe());
        assert!(!cut.done.is_empty(), "{}", cut.describe());
        interrupted::repair(&s, finish, vec![], true, &mut Vec::new())
            .await
            .unwrap();
        assert!(interrupted::examine(&s).await.unwrap().is_none());
        let expected = if finish {
            "m2_item_details"
        } else {
            "m1_items"
        };
        assert_eq!(
            applied(&s.db).await.last().map(String::as_str),
            Some(expected)
        );
        let live = manage_db::replay::read_schema(&s.db).await.unwrap();
        assert!(schema_model::diff(&live, &schema_at(&like, expected).await).is_empty());
        assert_eq!(count(&s.db, "kp_items").await, ITEMS);
        s.db.close().await.ok();
        t.finish().await;
    }
    like.finish().await;
}

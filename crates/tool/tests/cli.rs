//! Every `manage-db` command, run as the real binary against real databases
//! (SQLite always; PostgreSQL when DATABASE_URL names one).

use migration::{Migrator, MigratorTrait};
use sea_orm::ConnectionTrait;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const HEAD: &str = "m20261207_000001_pgvector_embeddings";
/// The first migration: every table.
const FIRST: &str = "m20261124_000001_create_schema";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// A scratch working directory, so no stray `.env` or `counsel.db` is picked up; removed
/// with everything in it when dropped.
struct WorkDir(PathBuf);

impl std::ops::Deref for WorkDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for WorkDir {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn workdir() -> WorkDir {
    let dir = std::env::temp_dir().join(format!("{}cli_{}", testkit::PREFIX, uuid_like()));
    std::fs::create_dir_all(&dir).unwrap();
    WorkDir(dir)
}

fn uuid_like() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let n = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{n:x}_{:x}", std::process::id())
}

fn run_in(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_manage-db"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .env_remove("DATABASE_URL_DIRECT")
        .env_remove("MIGRATION_LOCK_TIMEOUT_SECS")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().expect("run manage-db");
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

fn run(url: &str, args: &[&str]) -> Run {
    run_in(&workdir(), &[("DATABASE_URL", url)], args)
}

async fn tables(db: &sea_orm::DatabaseConnection) -> Vec<String> {
    let schema = schema_model::live::read(db).await.expect("read the schema");
    schema.tables.into_keys().collect()
}

fn expect(r: &Run, code: i32, needle: &str, ctx: &str) {
    let all = format!("{}{}", r.stdout, r.stderr);
    assert_eq!(r.code, code, "[{ctx}] exit code; output:\n{all}");
    assert!(
        all.contains(needle),
        "[{ctx}] expected {needle:?} in:\n{all}"
    );
}

#[tokio::test]
async fn check_upgrade_current_history_downgrade_cycle() {
    for t in testkit::databases().await {
        let n = t.name;
        let r = run(&t.url, &["check"]);
        expect(&r, 3, "2 migration(s) pending: run `manage-db upgrade`", n);
        assert!(
            r.stdout.contains("Entity tables (17)"),
            "[{n}] {}",
            r.stdout
        );
        assert!(
            r.stdout.contains("Database tables (0)"),
            "[{n}] {}",
            r.stdout
        );
        assert!(
            r.stdout
                .contains("agent_versions: table missing from the database (an entity defines it)"),
            "[{n}] {}",
            r.stdout
        );
        expect(
            &run(&t.url, &["current"]),
            0,
            "base (no migration applied)",
            n,
        );
        expect(
            &run(&t.url, &["history"]),
            0,
            &format!("{HEAD}  pending  (head)"),
            n,
        );

        expect(&run(&t.url, &["upgrade"]), 0, &format!("Applied {HEAD}"), n);
        let r = run(&t.url, &["check"]);
        expect(
            &r,
            0,
            "Result: OK, the schema is at head and matches the entities",
            n,
        );
        assert!(
            r.stdout.contains("Database tables (20)"),
            "[{n}] {}",
            r.stdout
        );
        expect(&run(&t.url, &["current"]), 0, &format!("{HEAD} (head)"), n);
        let h = run(&t.url, &["history"]);
        expect(&h, 0, "(head, current)", n);
        assert!(h.stdout.contains(" applied 20"), "[{n}] {}", h.stdout);
        expect(&run(&t.url, &["upgrade"]), 0, "Nothing to do", n);

        // Downgrading is destructive: without a terminal it needs --yes, and changes nothing.
        let r = run(&t.url, &["downgrade"]);
        expect(&r, 1, "pass --yes", n);
        expect(&run(&t.url, &["current"]), 0, "(head)", n);
        expect(
            &run(&t.url, &["downgrade", "--yes"]),
            0,
            &format!("Reverted {HEAD}"),
            n,
        );
        expect(&run(&t.url, &["current"]), 0, FIRST, n);
        expect(
            &run(&t.url, &["downgrade", "--yes"]),
            0,
            &format!("Reverted {FIRST}"),
            n,
        );
        expect(&run(&t.url, &["current"]), 0, "base", n);
        assert_eq!(
            tables(&t.db).await,
            migration::BOOKKEEPING_TABLES
                .map(String::from)
                .iter()
                .rev()
                .cloned()
                .collect::<Vec<_>>(),
            "[{n}] only the bookkeeping tables are left"
        );

        let to_first = run(&t.url, &["upgrade", "--to", "m20261124"]);
        expect(&to_first, 0, &format!("Applied {FIRST}"), n);
        assert!(!to_first.stdout.contains(HEAD), "[{n}] {}", to_first.stdout);
        expect(
            &run(&t.url, &["downgrade", "--to", "base", "-y"]),
            0,
            "Now at base",
            n,
        );
        expect(
            &run(&t.url, &["downgrade", "-n", "1", "-y"]),
            0,
            "Nothing to do",
            n,
        );
        expect(
            &run(&t.url, &["upgrade", "--to", "nonsense"]),
            1,
            "unknown revision 'nonsense'",
            n,
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn check_json_is_machine_readable() {
    for t in testkit::databases().await {
        Migrator::up(&t.db, None).await.unwrap();
        let r = run(&t.url, &["check", "--json"]);
        assert_eq!(r.code, 0, "[{}] {}", t.name, r.stderr);
        let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(v["version_table"]["current"], HEAD, "[{}]", t.name);
        assert_eq!(v["entity_tables"].as_array().unwrap().len(), 17);
        assert_eq!(v["database_tables"].as_array().unwrap().len(), 18);
        assert_eq!(v["problems"].as_array().unwrap().len(), 0);
        t.finish().await;
    }
}

#[tokio::test]
async fn check_reports_drift_between_entities_and_database() {
    for t in testkit::databases().await {
        let n = t.name;
        Migrator::up(&t.db, None).await.unwrap();
        t.exec("CREATE TABLE legacy_notes (id INTEGER PRIMARY KEY)")
            .await;
        t.exec("ALTER TABLE visitors ADD COLUMN nickname VARCHAR(40)")
            .await;
        t.exec("DROP TABLE pipeline_runs").await;
        let r = run(&t.url, &["check"]);
        expect(&r, 3, "differs from the entities", n);
        for line in [
            "pipeline_runs: table missing from the database (an entity defines it)",
            "legacy_notes: table in the database that no entity defines",
            "visitors.nickname: column in the database",
        ] {
            assert!(r.stdout.contains(line), "[{n}] {line} in:\n{}", r.stdout);
        }
        // A foreign key dropped behind the migrator's back (SQLite cannot drop one).
        let drop_fk = match t.name {
            "postgres" => Some("ALTER TABLE reminders DROP CONSTRAINT fk_reminders_case_id"),
            "mysql" => Some("ALTER TABLE reminders DROP FOREIGN KEY fk_reminders_case_id"),
            _ => None,
        };
        if let Some(sql) = drop_fk {
            t.exec(sql).await;
            let r = run(&t.url, &["check"]);
            expect(
                &r,
                3,
                "reminders.case_id → cases: foreign key missing from the database (ON DELETE CASCADE)",
                n,
            );
        }
        t.finish().await;
    }
}

#[tokio::test]
async fn stamp_adopts_existing_tables_and_reset_forgets_records() {
    for t in testkit::databases().await {
        let n = t.name;
        // A schema created "by hand": the tables exist, no record says so.
        Migrator::up(&t.db, None).await.unwrap();
        {
            use sea_orm::{ActiveModelTrait, Set};
            entity::datasource::ActiveModel {
                name: Set("kept".into()),
                kind: Set(entity::enums::DatasourceKind::Web),
                uri: Set("https://example.org".into()),
                config: Set(serde_json::json!({})),
                ..Default::default()
            }
            .insert(&t.db)
            .await
            .unwrap();
        }
        expect(&run(&t.url, &["reset"]), 1, "pass --yes", n);
        expect(
            &run(&t.url, &["reset", "--yes"]),
            0,
            "removed 2 record(s)",
            n,
        );
        expect(&run(&t.url, &["current"]), 0, "base", n);

        let r = run(&t.url, &["upgrade"]);
        expect(
            &r,
            1,
            "tables already exist but no migration is recorded",
            n,
        );
        assert!(
            r.stderr.contains("manage-db stamp head"),
            "[{n}] {}",
            r.stderr
        );
        expect(
            &run(&t.url, &["check"]),
            3,
            "adopt them with `manage-db stamp head`",
            n,
        );

        expect(&run(&t.url, &["stamp"]), 0, &format!("Recorded {HEAD}"), n);
        expect(&run(&t.url, &["upgrade"]), 0, "Nothing to do", n);
        expect(&run(&t.url, &["check"]), 0, "Result: OK", n);
        // Forgetting every record is destructive too: it asks first.
        expect(&run(&t.url, &["stamp", "base"]), 1, "pass --yes", n);
        expect(&run(&t.url, &["current"]), 0, "(head)", n);
        expect(
            &run(&t.url, &["stamp", "base", "--yes"]),
            0,
            &format!("Unrecorded {HEAD}"),
            n,
        );
        expect(&run(&t.url, &["stamp", "head"]), 0, "Stamped at", n);
        expect(&run(&t.url, &["reset", "-y"]), 0, "Reset", n);
        expect(&run(&t.url, &["reset", "-y"]), 0, "Nothing to do", n);
        // The data survived every step.
        let rows = sea_orm::ConnectionTrait::query_all_raw(
            &t.db,
            sea_orm::Statement::from_string(t.backend(), "SELECT name FROM datasources"),
        )
        .await
        .unwrap();
        assert_eq!(rows.len(), 1, "[{n}]");
        expect(
            &run(&t.url, &["stamp", "m2099"]),
            1,
            "unknown revision 'm2099'",
            n,
        );
        let r = run(&t.url, &["stamp"]);
        assert!(
            !r.stdout.contains("warning"),
            "[{n}] a matching schema adopts silently: {}",
            r.stdout
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn stamp_head_warns_when_the_adopted_schema_does_not_match() {
    for t in testkit::databases().await {
        let n = t.name;
        // A hand-made schema that is missing most tables.
        t.exec("CREATE TABLE users (id VARCHAR(36) PRIMARY KEY)")
            .await;
        let r = run(&t.url, &["stamp", "head"]);
        expect(
            &r,
            0,
            "warning: the live schema differs from the entities in",
            n,
        );
        expect(&run(&t.url, &["check"]), 3, "differs from the entities", n);
        t.finish().await;
    }
}

#[tokio::test]
async fn two_upgrades_at_once_migrate_once() {
    for t in testkit::databases().await {
        let n = t.name;
        let dirs = [workdir(), workdir()];
        let children: Vec<_> = dirs
            .iter()
            .map(|dir| {
                Command::new(env!("CARGO_BIN_EXE_manage-db"))
                    .arg("upgrade")
                    .current_dir(dir)
                    .env("DATABASE_URL", &t.url)
                    .env_remove("DATABASE_URL_DIRECT")
                    .stdin(Stdio::null())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let texts: Vec<(bool, String)> = children
            .into_iter()
            .map(|c| {
                let o = c.wait_with_output().unwrap();
                let text = format!(
                    "{}{}",
                    String::from_utf8_lossy(&o.stdout),
                    String::from_utf8_lossy(&o.stderr)
                );
                (o.status.success(), text)
            })
            .collect();
        for (ok, text) in &texts {
            assert!(ok, "[{n}] a concurrent upgrade failed:\n{text}");
        }
        let applied = texts
            .iter()
            .filter(|(_, t)| t.contains(&format!("Applied {HEAD}")))
            .count();
        let idle = texts
            .iter()
            .filter(|(_, t)| t.contains("Nothing to do"))
            .count();
        assert_eq!((applied, idle), (1, 1), "[{n}] {texts:#?}");
        expect(&run(&t.url, &["check"]), 0, "Result: OK", n);
        t.finish().await;
    }
}

#[tokio::test]
async fn unknown_revision_in_the_version_table_is_reported_and_fixable() {
    for t in testkit::databases().await {
        let n = t.name;
        Migrator::up(&t.db, None).await.unwrap();
        t.exec("INSERT INTO seaql_migrations (version, applied_at) VALUES ('m20991231_000001_future', 0)").await;
        for cmd in [
            &["current"][..],
            &["history"],
            &["upgrade"],
            &["downgrade", "-y"],
        ] {
            expect(
                &run(&t.url, cmd),
                1,
                "Can't locate revision 'm20991231_000001_future'",
                n,
            );
        }
        expect(
            &run(&t.url, &["check"]),
            3,
            "Can't locate revision 'm20991231_000001_future'",
            n,
        );
        let r = run(&t.url, &["stamp", "head"]);
        expect(&r, 0, "Unrecorded m20991231_000001_future", n);
        expect(&run(&t.url, &["current"]), 0, &format!("{HEAD} (head)"), n);
        t.finish().await;
    }
}

#[test]
fn unreachable_and_malformed_urls_fail_clearly_without_leaking_the_password() {
    let r = run("postgres://admin:TopSecret42@127.0.0.1:1/prod", &["check"]);
    expect(
        &r,
        1,
        "cannot reach the database at postgres://admin:***@127.0.0.1:1/prod",
        "unreachable",
    );
    assert!(r.stderr.contains("Connection refused"), "{}", r.stderr);
    assert!(!format!("{}{}", r.stdout, r.stderr).contains("TopSecret42"));

    let r = run("postgres://admin:TopSecret42@/prod", &["upgrade"]);
    expect(
        &r,
        1,
        "DATABASE_URL is not a valid database URL",
        "malformed",
    );
    assert!(!r.stderr.contains("TopSecret42"), "{}", r.stderr);

    expect(
        &run("redis://localhost", &["current"]),
        1,
        "unsupported scheme 'redis'",
        "scheme",
    );
    expect(
        &run("", &["current"]),
        1,
        "DATABASE_URL is set but empty",
        "empty",
    );
    let missing_dir = run("sqlite:///nonexistent-dir/sub/x.db?mode=rwc", &["upgrade"]);
    expect(&missing_dir, 1, "cannot open the SQLite database", "sqlite");
}

#[tokio::test]
async fn a_missing_database_is_named_with_the_command_that_creates_it_and_masked() {
    let servers = [
        ("DATABASE_URL", "postgres", "createdb -h"),
        (
            "TEST_MYSQL_URL",
            "mysql",
            "CREATE DATABASE `counsel_no_such_database`",
        ),
    ];
    let mut exercised = Vec::new();
    for (var, scheme, create) in servers {
        let Ok(base) = std::env::var(var) else {
            continue;
        };
        if !base.starts_with(scheme) {
            continue;
        }
        let mut url = url::Url::parse(&base).unwrap();
        url.set_path("/counsel_no_such_database");
        if scheme == "postgres" {
            // Trust authentication accepts any password, so the server answers about the
            // database; MySQL would refuse the password first.
            url.set_password(Some("PwSecret77")).unwrap();
        }
        let r = run(url.as_str(), &["check"]);
        expect(&r, 1, "does not exist", scheme);
        assert!(r.stderr.contains(create), "[{scheme}] {}", r.stderr);
        assert!(
            r.stderr.contains("counsel_no_such_database"),
            "{}",
            r.stderr
        );
        assert!(!r.stderr.contains("PwSecret77"), "{}", r.stderr);
        exercised.push(scheme);
    }
    testkit::notice(&format!(
        "missing-database message checked on: {exercised:?} (needs DATABASE_URL / TEST_MYSQL_URL)"
    ));
}

#[tokio::test]
async fn check_shows_the_masked_url_of_a_real_server() {
    for t in testkit::databases().await {
        if t.name != "postgres" {
            t.finish().await;
            continue;
        }
        // Trust authentication ignores the password, so the connection works with one set.
        let mut url = url::Url::parse(&t.url).unwrap();
        url.set_password(Some("NeverShowMe")).unwrap();
        let r = run(url.as_str(), &["check"]);
        expect(&r, 3, ":***@", "pg");
        assert!(!format!("{}{}", r.stdout, r.stderr).contains("NeverShowMe"));
        // Not even trace-level logging of a full migration shows it.
        let dir = workdir();
        let r = run_in(
            &dir,
            &[("DATABASE_URL", url.as_str()), ("RUST_LOG", "trace")],
            &["-vv", "upgrade"],
        );
        expect(&r, 0, "Applied", "pg trace");
        assert!(
            r.stderr.contains("connecting"),
            "debug logging is on: {}",
            r.stderr
        );
        assert!(!format!("{}{}", r.stdout, r.stderr).contains("NeverShowMe"));
        t.finish().await;
    }
}

#[test]
fn works_with_no_configuration_on_a_local_sqlite_file() {
    let dir = workdir();
    // Reading creates nothing: no stray empty database next to where the command ran.
    for args in [
        &["check"][..],
        &["current"],
        &["history"],
        &["upgrade", "--sql"],
    ] {
        expect(&run_in(&dir, &[], args), 1, "does not exist", "read-only");
    }
    assert!(!dir.join("counsel.db").exists());
    expect(
        &run_in(&dir, &[], &["upgrade"]),
        0,
        &format!("Applied {HEAD}"),
        "default",
    );
    assert!(dir.join("counsel.db").exists());
    let r = run_in(&dir, &[], &["check"]);
    expect(
        &r,
        0,
        "sqlite://counsel.db?mode=rwc (sqlite, from default",
        "default",
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn reads_dotenv_and_prefers_the_direct_url_for_migrations() {
    let dir = workdir();
    std::fs::write(
        dir.join(".env"),
        "DATABASE_URL=sqlite://app.db?mode=rwc\nDATABASE_URL_DIRECT=sqlite://direct.db?mode=rwc\n",
    )
    .unwrap();
    let r = run_in(&dir, &[], &["upgrade"]);
    expect(&r, 0, "Applied", "dotenv");
    assert!(dir.join("direct.db").exists() && !dir.join("app.db").exists());
    expect(
        &run_in(&dir, &[], &["check"]),
        0,
        "from DATABASE_URL_DIRECT",
        "dotenv",
    );
    // The environment wins over .env, and the flag wins over both.
    expect(
        &run_in(
            &dir,
            &[("DATABASE_URL_DIRECT", "sqlite://env.db?mode=rwc")],
            &["current"],
        ),
        1,
        "env.db does not exist",
        "env",
    );
    expect(
        &run_in(
            &dir,
            &[],
            &["current", "--database-url", "sqlite://direct.db"],
        ),
        0,
        "(head)",
        "flag",
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_broken_dotenv_stops_everything_and_names_the_line() {
    let dir = workdir();
    std::fs::write(
        dir.join(".env"),
        "# production\nDATABASE_URL postgres://app:Hunter22@db.internal/prod\n",
    )
    .unwrap();
    let r = run_in(&dir, &[], &["upgrade"]);
    expect(&r, 1, ".env:2: cannot parse", "bad .env");
    assert!(!r.stderr.contains("Hunter22"), "{}", r.stderr);
    assert!(!dir.join("counsel.db").exists(), "no fall-back to SQLite");

    // Only the working directory's .env counts, and a repeated variable keeps its last value.
    let child = dir.join("child");
    std::fs::create_dir_all(&child).unwrap();
    std::fs::write(
        child.join(".env"),
        "DATABASE_URL=sqlite://first.db?mode=rwc\nDATABASE_URL=sqlite://last.db?mode=rwc\n",
    )
    .unwrap();
    expect(&run_in(&child, &[], &["upgrade"]), 0, "Applied", "child");
    assert!(child.join("last.db").exists() && !child.join("first.db").exists());
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn mistyped_arguments_never_echo_a_password() {
    let r = run_in(
        &workdir(),
        &[],
        &[
            "check",
            "--databse-url",
            "postgres://app:Hunter22@db.internal/prod",
        ],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(!r.stderr.contains("Hunter22"), "{}", r.stderr);
    assert!(
        !r.stderr.contains('\u{1b}'),
        "no colour codes off a terminal: {}",
        r.stderr
    );
}

#[test]
fn usage_errors_exit_2() {
    let r = run_in(&workdir(), &[], &["downgrade", "-n", "1", "--to", "base"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = run_in(&workdir(), &[], &["frobnicate"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[tokio::test]
async fn sql_preview_runs_nothing_and_applying_it_by_hand_reaches_head() {
    for t in testkit::databases().await {
        let n = t.name;
        let r = run(&t.url, &["upgrade", "--sql"]);
        expect(&r, 0, &format!("-- apply {HEAD}"), n);
        assert_eq!(
            r.stdout.matches("CREATE TABLE").count(),
            18,
            "[{n}] 17 tables + version table"
        );
        assert!(tables(&t.db).await.is_empty(), "[{n}] --sql ran nothing");
        expect(
            &run(&t.url, &["downgrade", "--sql"]),
            0,
            "-- nothing to revert",
            n,
        );

        // A DBA applies the script by hand, in one session as psql or mysql would: the result
        // is indistinguishable from `upgrade`.
        t.db.execute_unprepared(&r.stdout)
            .await
            .unwrap_or_else(|e| panic!("[{n}] the script fails: {e}"));
        expect(&run(&t.url, &["check"]), 0, "Result: OK", n);
        expect(
            &run(&t.url, &["upgrade", "--sql"]),
            0,
            "-- nothing to apply",
            n,
        );
        let down = run(&t.url, &["downgrade", "base", "--sql"]);
        expect(&down, 0, &format!("-- revert {HEAD}"), n);
        expect(&down, 0, &format!("-- revert {FIRST}"), n);
        assert_eq!(down.stdout.matches("DROP TABLE").count(), 17, "[{n}]");
        expect(&run(&t.url, &["current"]), 0, "(head)", n);
        t.finish().await;
    }
}

#[tokio::test]
async fn alembic_forms_work_and_sql_refuses_exactly_as_upgrade_does() {
    for t in testkit::databases().await {
        let n = t.name;
        // Tables exist, nothing is recorded: both refuse, with the same words and exit code.
        t.exec("CREATE TABLE users (id VARCHAR(36) PRIMARY KEY)")
            .await;
        let up = run(&t.url, &["upgrade"]);
        let sql = run(&t.url, &["upgrade", "--sql"]);
        expect(&up, 1, "manage-db stamp head", n);
        assert_eq!((sql.code, &sql.stderr), (up.code, &up.stderr), "[{n}]");
        assert!(sql.stdout.is_empty(), "[{n}] no script: {}", sql.stdout);
        t.exec("DROP TABLE users").await;

        expect(
            &run(&t.url, &["upgrade", "+1"]),
            0,
            &format!("Applied {FIRST}"),
            n,
        );
        for args in [&["upgrade", "base"][..], &["upgrade", "base", "--sql"]] {
            expect(&run(&t.url, args), 1, "older than the current revision", n);
        }
        expect(
            &run(&t.url, &["upgrade", "+1"]),
            0,
            &format!("Applied {HEAD}"),
            n,
        );
        expect(
            &run(&t.url, &["upgrade", "+1"]),
            1,
            "only 0 migration(s) can be applied",
            n,
        );
        expect(
            &run(&t.url, &["downgrade", "-1", "-y"]),
            0,
            &format!("Reverted {HEAD}"),
            n,
        );
        expect(
            &run(&t.url, &["downgrade", "head", "-y"]),
            1,
            "newer than the current revision",
            n,
        );
        expect(
            &run(&t.url, &["upgrade", "head"]),
            0,
            &format!("Applied {HEAD}"),
            n,
        );
        expect(
            &run(&t.url, &["downgrade", "base", "-y"]),
            0,
            "Now at base",
            n,
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn check_names_both_sides_of_a_migration_merged_out_of_order() {
    for t in testkit::databases().await {
        let n = t.name;
        let migrations =
            testkit::fake::of(["m1_base", "m2_branch", "m3_main"].map(testkit::fake::fake));
        migration::version_table::install(&t.db).await.unwrap();
        t.exec("INSERT INTO seaql_migrations (version, applied_at) VALUES ('m1_base', 0), ('m3_main', 0)")
            .await;
        let session = manage_db::session::Session {
            url: db_config::DbUrl::parse(&t.url).unwrap(),
            db: t.db.clone(),
            lock: Default::default(),
            migrations,
        };
        let mut out = Vec::new();
        let code = manage_db::commands::check::run(&session, false, &mut out)
            .await
            .unwrap();
        let text = String::from_utf8_lossy(&out);
        assert_eq!(code, 3, "[{n}] {text}");
        assert!(text.contains("OUT OF ORDER  m2_branch"), "[{n}] {text}");
        assert!(
            text.contains("m2_branch pending but older than the applied m3_main"),
            "[{n}] {text}"
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn downgrade_refuses_while_a_table_outside_the_schema_references_it() {
    use sea_orm::{ActiveModelTrait, EntityTrait, Set};
    for t in testkit::databases().await {
        let n = t.name;
        expect(&run(&t.url, &["upgrade"]), 0, "Applied", n);
        let user = entity::user::ActiveModel {
            email: Set("kept@example.org".into()),
            hashed_password: Set("!".into()),
            full_name: Set("Kept".into()),
            role: Set(entity::enums::UserRole::Counselor),
            is_active: Set(true),
            ..Default::default()
        }
        .insert(&t.db)
        .await
        .unwrap();
        let id_type = match t.backend() {
            sea_orm::DbBackend::Postgres => "uuid",
            sea_orm::DbBackend::MySql => "binary(16)",
            _ => "text",
        };
        t.exec(&format!(
            "CREATE TABLE ext_notes (id INTEGER PRIMARY KEY, user_id {id_type} REFERENCES users (id))"
        ))
        .await;

        let r = run(&t.url, &["downgrade", "--to", "base", "--yes"]);
        expect(&r, 1, "ext_notes.user_id → users", n);
        expect(&r, 1, "users (1 rows)", n);
        // Nothing was dropped and the record still says head.
        expect(&run(&t.url, &["current"]), 0, "(head)", n);
        let still = entity::user::Entity::find_by_id(user.id)
            .one(&t.db)
            .await
            .unwrap();
        assert!(still.is_some(), "[{n}] the user survived");
        // Without the outside reference, the confirmation names what would be lost.
        t.exec("DROP TABLE ext_notes").await;
        let r = run(&t.url, &["downgrade", "--to", "base"]);
        expect(&r, 1, "1 row(s) in all", n);
        t.finish().await;
    }
}

#[tokio::test]
async fn a_foreign_table_named_like_the_version_table_is_explained() {
    for t in testkit::databases().await {
        let n = t.name;
        t.exec("CREATE TABLE seaql_migrations (id INTEGER PRIMARY KEY, note VARCHAR(20))")
            .await;
        for args in [&["current"][..], &["upgrade"], &["check"]] {
            let r = run(&t.url, args);
            expect(&r, 1, "it is not the table this tool keeps", n);
        }
        t.finish().await;
    }
}

#[tokio::test]
async fn a_sqlite_file_reached_through_a_symlink_shares_the_migration_lock() {
    let t = testkit::sqlite().await;
    let real = t
        .url
        .trim_start_matches("sqlite://")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let link = format!("{real}.link.db");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    // Hold the lock through the real path; a migrator through the link must wait for it.
    let holder = migration::MigrationLock::acquire(&t.db, &Default::default())
        .await
        .unwrap();
    let r = run_in(
        &workdir(),
        &[("DATABASE_URL", &format!("sqlite://{link}"))],
        &["upgrade", "--lock-timeout", "1"],
    );
    expect(
        &r,
        1,
        "timed out after 1s waiting for the migration lock",
        "symlink",
    );
    holder
        .release(migration::ForeignKeyScope::Nothing)
        .await
        .unwrap();
    let r = run_in(
        &workdir(),
        &[("DATABASE_URL", &format!("sqlite://{link}"))],
        &["upgrade"],
    );
    expect(&r, 0, "Applied", "symlink");
    std::fs::remove_file(&link).ok();
    t.finish().await;
}

#[tokio::test]
async fn check_names_every_kind_of_difference_with_both_sides() {
    for t in testkit::databases().await {
        let n = t.name;
        expect(&run(&t.url, &["upgrade"]), 0, "Applied", n);
        expect(
            &run(&t.url, &["check"]),
            0,
            "Drift (the entities against the database)\n  none",
            n,
        );
        let pg = t.backend() == sea_orm::DbBackend::Postgres;
        let my = t.backend() == sea_orm::DbBackend::MySql;
        // Every backend: indexes (the half-migrated database of issue 6) and another tool.
        let drop_index = if my {
            "DROP INDEX idx_users_role ON users"
        } else {
            "DROP INDEX idx_users_role"
        };
        t.exec(drop_index).await;
        t.exec("CREATE INDEX by_name ON users (full_name)").await;
        t.exec("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
            .await;
        let mut expected = vec![
            "users: index (role) missing from the database".to_owned(),
            "users: index (full_name) by_name in the database that the entities do not declare"
                .into(),
            "alembic_version is the version table of Alembic".into(),
        ];
        if pg || my {
            let alter = |column: &str, change: &str| {
                if pg {
                    format!("ALTER TABLE users ALTER COLUMN {column} {change}")
                } else {
                    format!("ALTER TABLE users MODIFY {column} {change}")
                }
            };
            t.exec(&alter(
                "full_name",
                if pg { "TYPE text" } else { "TEXT NOT NULL" },
            ))
            .await;
            t.exec(&alter(
                "hashed_password",
                if pg {
                    "DROP NOT NULL"
                } else {
                    "VARCHAR(255) NULL"
                },
            ))
            .await;
            t.exec("ALTER TABLE users ALTER is_active DROP DEFAULT")
                .await;
            t.exec("ALTER TABLE users ADD CONSTRAINT name_len CHECK (length(full_name) > 0)")
                .await;
            let drop_fk = if pg {
                "DROP CONSTRAINT"
            } else {
                "DROP FOREIGN KEY"
            };
            t.exec(&format!(
                "ALTER TABLE reports {drop_fk} fk_reports_session_id"
            ))
            .await;
            t.exec(
                "ALTER TABLE reports ADD CONSTRAINT fk_reports_session_id FOREIGN KEY (session_id) \
                 REFERENCES sessions (id) ON DELETE CASCADE ON UPDATE CASCADE",
            )
            .await;
            let entity_type = if pg {
                "character varying"
            } else {
                "varchar(255)"
            };
            expected.extend([
                format!("users.full_name: type {entity_type} in the entity, text in the database"),
                "users.hashed_password: NOT NULL in the entity, nullable in the database".into(),
                "users.is_active: DEFAULT".into(),
                "users: check name_len".into(),
                "reports.session_id → sessions: ON DELETE SET NULL in the entity, CASCADE in the database".into(),
            ]);
        }
        if pg {
            // A database made by Alembic: native enum types where the entities use strings.
            t.exec("CREATE TYPE user_role AS ENUM ('counselor', 'supervisor', 'admin')")
                .await;
            t.exec("ALTER TABLE users ALTER COLUMN role TYPE user_role USING role::user_role")
                .await;
            expected.extend([
                "users.role: type character varying(32) in the entity, user_role in the database"
                    .to_owned(),
                "enum type user_role (counselor, supervisor, admin) in the database".into(),
            ]);
        }
        let r = run(&t.url, &["check"]);
        expect(&r, 3, "differs from the entities", n);
        for line in &expected {
            assert!(
                r.stdout.contains(line.as_str()),
                "[{n}] {line:?} in:\n{}",
                r.stdout
            );
        }
        let json = run(&t.url, &["check", "--json"]);
        let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        let kinds: Vec<&str> = v["drift"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["kind"].as_str().unwrap())
            .collect();
        assert!(
            kinds.contains(&"add_index") && kinds.contains(&"drop_index"),
            "[{n}] {kinds:?}"
        );
        if pg || my {
            assert!(
                kinds.contains(&"alter_foreign_key") && kinds.contains(&"drop_check"),
                "[{n}] {kinds:?}"
            );
        }
        t.finish().await;
    }
}

/// Rebuilds a SQLite table from its own `CREATE TABLE` text with `edits` applied, as SQLite
/// needs for any change to a column, key or constraint: rows copied, indexes recreated,
/// foreign-key enforcement off meanwhile.
async fn rebuild_sqlite_table(t: &testkit::TestDb, table: &str, edits: &[(&str, &str)]) {
    let rows = t
        .db
        .query_all_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Sqlite,
            format!("SELECT type, sql FROM sqlite_master WHERE tbl_name = '{table}' AND sql IS NOT NULL"),
        ))
        .await
        .unwrap();
    let mut create = String::new();
    let mut indexes = Vec::new();
    for row in rows {
        let kind: String = row.try_get("", "type").unwrap();
        let sql: String = row.try_get("", "sql").unwrap();
        match kind.as_str() {
            "table" => create = sql,
            _ => indexes.push(sql),
        }
    }
    let mut edited = create.clone();
    for (from, to) in edits {
        assert!(edited.contains(from), "{from:?} in {edited}");
        edited = edited.replace(from, to);
    }
    let edited = edited.replacen(&format!("\"{table}\""), &format!("\"{table}_new\""), 1);
    t.db.execute_unprepared(&format!(
        "PRAGMA foreign_keys = OFF; BEGIN; {edited}; \
         INSERT INTO \"{table}_new\" SELECT * FROM \"{table}\"; DROP TABLE \"{table}\"; \
         ALTER TABLE \"{table}_new\" RENAME TO \"{table}\"; {}; COMMIT; PRAGMA foreign_keys = ON",
        indexes.join("; ")
    ))
    .await
    .unwrap_or_else(|e| panic!("rebuild {table}: {e}"));
}

#[tokio::test]
async fn check_sees_a_changed_primary_key_and_sqlite_columns_changed_by_a_table_rebuild() {
    for t in testkit::databases().await {
        let n = t.name;
        expect(&run(&t.url, &["upgrade"]), 0, "Applied", n);
        match t.backend() {
            sea_orm::DbBackend::Sqlite => {
                rebuild_sqlite_table(
                    &t,
                    "collection_items",
                    &[
                        (
                            "\"id\" uuid_text NOT NULL PRIMARY KEY",
                            "\"id\" uuid_text NOT NULL",
                        ),
                        (
                            "ON UPDATE CASCADE )",
                            "ON UPDATE CASCADE, PRIMARY KEY (\"collection_id\", \"document_id\") )",
                        ),
                    ],
                )
                .await;
                rebuild_sqlite_table(
                    &t,
                    "users",
                    &[
                        (
                            "\"full_name\" varchar NOT NULL",
                            "\"full_name\" text NOT NULL",
                        ),
                        (
                            "\"hashed_password\" varchar NOT NULL",
                            "\"hashed_password\" varchar",
                        ),
                        ("DEFAULT TRUE", ""),
                        (
                            "DEFAULT CURRENT_TIMESTAMP )",
                            "DEFAULT CURRENT_TIMESTAMP, CHECK (length(\"full_name\") > 0) )",
                        ),
                    ],
                )
                .await;
                rebuild_sqlite_table(
                    &t,
                    "reports",
                    &[("ON DELETE SET NULL", "ON DELETE CASCADE")],
                )
                .await;
            }
            sea_orm::DbBackend::Postgres => {
                t.exec(
                    "ALTER TABLE collection_items DROP CONSTRAINT collection_items_pkey, \
                     ADD PRIMARY KEY (collection_id, document_id)",
                )
                .await
            }
            _ => {
                t.exec(
                    "ALTER TABLE collection_items DROP PRIMARY KEY, \
                     ADD PRIMARY KEY (collection_id, document_id)",
                )
                .await
            }
        }
        let mut expected = vec![
            "collection_items: primary key (id) in the entity, (collection_id, document_id) in the database",
        ];
        if t.backend() == sea_orm::DbBackend::Sqlite {
            expected.extend([
                "users.full_name: type varchar in the entity, text in the database",
                "users.hashed_password: NOT NULL in the entity, nullable in the database",
                "users.is_active: DEFAULT TRUE in the entity, no default in the database",
                "users: check check1 (length(\"full_name\") > 0) in the database",
                "reports.session_id → sessions: ON DELETE SET NULL in the entity, CASCADE in the database",
            ]);
        }
        let r = run(&t.url, &["check"]);
        expect(&r, 3, "differs from the entities", n);
        for line in &expected {
            assert!(r.stdout.contains(line), "[{n}] {line:?} in:\n{}", r.stdout);
        }
        let json = run(&t.url, &["check", "--json"]);
        let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        let drift = v["drift"].as_array().unwrap();
        let kinds: Vec<&str> = drift.iter().map(|c| c["kind"].as_str().unwrap()).collect();
        let mut wanted = vec!["alter_primary_key"];
        if t.backend() == sea_orm::DbBackend::Sqlite {
            // full_name, hashed_password, is_active; the check; the rule.
            wanted.extend(["alter_column"; 3]);
            wanted.extend(["drop_check", "alter_foreign_key"]);
        }
        let mut sorted = kinds.clone();
        sorted.sort();
        wanted.sort();
        assert_eq!(
            sorted, wanted,
            "[{n}] nothing else, no false alarm from the rebuild"
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn a_database_made_by_alembic_shows_every_real_difference_and_no_false_alarm() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    t.db.execute_unprepared(include_str!("fixtures/alembic_made_postgres.sql"))
        .await
        .expect("load the Alembic-made schema");
    let r = run(&t.url, &["check"]);
    expect(&r, 3, "differs from the entities", "postgres");
    for line in [
        // What made the application fail on such a database, and what lost data silently.
        "users.role: type character varying(32) in the entity, userrole in the database",
        "runstatus (queued, running, succeeded, failed) in the database",
        "embeddings.vector: type vector(1536) in the entity, jsonb in the database",
        "embeddings: index USING hnsw (vector vector_cosine_ops) WITH (ef_construction=64, m=16) missing from the database",
        "reports.session_id → sessions: ON DELETE SET NULL in the entity, CASCADE in the database",
        "reports.session_id → sessions: ON UPDATE CASCADE in the entity, NO ACTION in the database",
        "alembic_version is the version table of Alembic",
        "tables exist but no migration is recorded: adopt them with `manage-db stamp head`",
    ] {
        assert!(r.stdout.contains(line), "{line:?} in:\n{}", r.stdout);
    }
    // Alembic's spellings of the same thing are no difference: now() for CURRENT_TIMESTAMP,
    // ix_/_fkey/_key names for the same indexes and keys.
    for false_alarm in ["DEFAULT", "index (", "now()"] {
        assert!(
            !r.stdout.contains(false_alarm),
            "{false_alarm:?} in:\n{}",
            r.stdout
        );
    }
    let json = run(&t.url, &["check", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let mut counts = std::collections::BTreeMap::new();
    for change in v["drift"].as_array().unwrap() {
        *counts
            .entry(change["kind"].as_str().unwrap().to_owned())
            .or_insert(0) += 1;
    }
    // 8 enum columns and the vector, and its HNSW index; ON UPDATE on all 20 keys (one also ON
    // DELETE); 7 enum types.
    let expected: std::collections::BTreeMap<String, i32> = [
        ("add_index".to_owned(), 1),
        ("alter_column".to_owned(), 9),
        ("alter_foreign_key".to_owned(), 20),
        ("drop_enum".to_owned(), 7),
    ]
    .into();
    assert_eq!(counts, expected);
    t.finish().await;
}

#[test]
fn generate_needs_a_checkout_and_a_message_that_says_something() {
    let db_dir = workdir();
    let db = format!("sqlite://{}/g.db?mode=rwc", db_dir.display());
    let elsewhere = run_in(
        &workdir(),
        &[("DATABASE_URL", &db)],
        &["generate", "-m", "add nickname"],
    );
    expect(
        &elsewhere,
        1,
        "run it from the workspace",
        "outside a checkout",
    );
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR"));
    for message in ["wip", "update", "fix!"] {
        let vague = run_in(
            checkout,
            &[("DATABASE_URL", &db)],
            &["generate", "-m", message],
        );
        expect(&vague, 1, "does not say what the migration does", message);
        assert!(
            vague
                .stderr
                .contains("-m \"add description to datasources\""),
            "{}",
            vague.stderr
        );
    }
}

/// Alembic's habits: `heads`, `show`, `history -r`/`-v`, and counts given the wrong way round.
#[tokio::test]
async fn alembic_habits_heads_show_history_range_and_misdirected_counts() {
    for t in testkit::databases().await {
        let n = t.name;
        expect(&run(&t.url, &["heads"]), 0, &format!("{HEAD} (head)"), n);
        expect(&run(&t.url, &["upgrade"]), 0, "Applied", n);
        let show = run(&t.url, &["show", "m20261124"]);
        expect(&show, 0, FIRST, n);
        assert!(show.stdout.contains("applied"), "[{n}] {}", show.stdout);
        // What it changes, in check's words: the tables it makes.
        assert!(show.stdout.contains("users"), "[{n}] {}", show.stdout);
        assert!(show.stdout.contains("embeddings"), "[{n}] {}", show.stdout);
        let ranged = run(&t.url, &["history", "-r", "base:head", "-v"]);
        expect(&ranged, 0, HEAD, n);
        assert!(ranged.stdout.contains("users"), "[{n}] {}", ranged.stdout);
        let plain = run(&t.url, &["history", "-r", ":m20261124"]);
        expect(&plain, 0, FIRST, n);
        assert!(!plain.stdout.contains("users"), "[{n}] {}", plain.stdout);
        expect(
            &run(&t.url, &["history", "-r", "nope"]),
            2,
            "expected A:B",
            n,
        );
        expect(
            &run(&t.url, &["upgrade", "-1"]),
            2,
            "manage-db downgrade -1",
            n,
        );
        let forward = run(&t.url, &["downgrade", "+1"]);
        expect(&forward, 2, "manage-db upgrade +1", n);
        assert!(
            !forward.stderr.contains("unknown revision"),
            "{}",
            forward.stderr
        );
        expect(
            &run(&t.url, &["downgrade", "1"]),
            2,
            "manage-db downgrade -1",
            n,
        );
        expect(
            &run(&t.url, &["upgrade", "2"]),
            2,
            "manage-db upgrade +2",
            n,
        );
        // The confirmation names what `down` drops and the rows it holds.
        let asked = run(&t.url, &["downgrade", "base"]);
        expect(&asked, 1, "Their `down` steps drop:", n);
        assert!(
            asked.stderr.contains("users (0 rows)"),
            "[{n}] {}",
            asked.stderr
        );
        t.finish().await;
    }
}

/// Results, not log lines: nothing timestamped on a plain run, and `--sql` prints SQL only.
#[tokio::test]
async fn commands_print_results_and_logs_start_at_verbose() {
    let t = testkit::sqlite().await;
    let dir = workdir();
    let plain = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_manage-db"))
            .args(args)
            .current_dir(&*dir)
            .env("DATABASE_URL", &t.url)
            .env_remove("RUST_LOG")
            .env_remove("DATABASE_URL_DIRECT")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (script, noise) = plain(&["upgrade", "--sql"]);
    assert!(script.contains("CREATE TABLE"), "{script}");
    assert!(!script.contains("pragma_foreign_keys"), "{script}");
    assert!(
        !script.contains("INFO") && !noise.contains("INFO"),
        "{script}{noise}"
    );
    let (applied, logs) = plain(&["upgrade"]);
    assert!(applied.contains("Applied"), "{applied}");
    assert!(!logs.contains("INFO"), "no log lines without -v: {logs}");
    let (_, verbose) = plain(&["-v", "downgrade", "--yes"]);
    assert!(verbose.contains("INFO"), "-v shows log lines: {verbose}");
    let (report, _) = plain(&["upgrade"]);
    assert!(report.contains("Applied"), "{report}");
    let (check, _) = plain(&["check"]);
    assert_eq!(
        check.matches("counsel_migration_state").count(),
        2,
        "listed once, explained once: {check}"
    );
    assert!(check.contains("bookkeeping"), "{check}");
    t.finish().await;
}

#[tokio::test]
async fn stamp_refuses_an_empty_database_and_names_what_is_missing() {
    for t in testkit::databases().await {
        let n = t.name;
        let r = run(&t.url, &["stamp", "head"]);
        expect(&r, 1, "nothing was recorded", n);
        assert!(r.stderr.contains("manage-db upgrade"), "[{n}] {}", r.stderr);
        assert!(r.stderr.contains("agents"), "[{n}] {}", r.stderr);
        expect(&run(&t.url, &["check"]), 3, "pending", n);
        t.finish().await;
    }
}

/// In a source checkout, commands find the workspace: the default SQLite file is the
/// workspace's, and a binary older than the entities says so instead of "OK".
#[test]
fn in_a_checkout_the_default_file_is_the_workspaces_and_a_stale_binary_says_so() {
    let root = workdir();
    let migrations = root.join("crates/migration/src/migrations");
    std::fs::create_dir_all(&migrations).unwrap();
    std::fs::create_dir_all(root.join("crates/entity/src/tables")).unwrap();
    std::fs::create_dir_all(root.join("crates/tool")).unwrap();
    std::fs::write(
        migrations.join("mod.rs"),
        format!("pub mod {HEAD};\n\npub fn all() -> Vec<Box<dyn MigrationTrait>> {{\n    vec![\n        Box::new({HEAD}::Migration),\n    ]\n}}\n"),
    )
    .unwrap();
    let r = run_in(&root.join("crates/tool"), &[], &["check"]);
    let expected = root.join("counsel.db");
    expect(&r, 1, &expected.display().to_string(), "default file");
    // A source file newer than the binary: the report is about the old entities.
    let upgraded = run_in(&root.join("crates/tool"), &[], &["upgrade"]);
    expect(&upgraded, 0, "Applied", "upgrade in the workspace");
    assert!(expected.exists(), "the workspace's counsel.db was created");
    std::fs::write(root.join("crates/entity/src/tables/user.rs"), "// edited\n").unwrap();
    let stale = run_in(&root, &[], &["check"]);
    expect(&stale, 3, "built before the latest changes", "stale binary");
    assert!(!stale.stdout.contains("Result: OK"), "{}", stale.stdout);
}

/// On SQLite the migration lock is SQLite's write lock: `--lock-timeout` is how long a
/// migrator waits for another writer, not a fixed busy timeout beside it.
#[tokio::test]
async fn sqlite_waits_for_another_writer_as_long_as_the_lock_timeout() {
    use sea_orm::TransactionTrait;
    let t = testkit::sqlite().await;
    expect(&run(&t.url, &["upgrade"]), 0, "Applied", "sqlite");
    let holder = t.connect_again().await;
    let writer = holder.begin().await.unwrap();
    writer
        .execute_unprepared("CREATE TABLE lock_holder (x integer)")
        .await
        .unwrap();
    let start = std::time::Instant::now();
    // A downgrade, which needs the lock (a no-op upgrade reads one row and takes none).
    let r = run(&t.url, &["--lock-timeout", "1", "downgrade", "--yes"]);
    let waited = start.elapsed();
    writer.rollback().await.unwrap();
    holder.close().await.ok();
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        waited < std::time::Duration::from_secs(4),
        "gave up after {waited:?}, not the 1 s asked (SQLite's old busy timeout was 5 s): {}",
        r.stderr
    );
    t.finish().await;
}

/// A version table that is not ours (another tool's, or damaged): `upgrade` gives the same
/// hint as `check`, not a bare driver error, whether or not the state row's table is there.
#[tokio::test]
async fn upgrade_against_a_malformed_version_table_gives_checks_hint() {
    for with_state_table in [false, true] {
        let t = testkit::sqlite().await;
        let mut sql =
            "CREATE TABLE seaql_migrations (id integer primary key, note text)".to_owned();
        if with_state_table {
            sql.push_str(
                "; CREATE TABLE counsel_migration_state (id INTEGER NOT NULL PRIMARY KEY, \
                 fingerprint TEXT NOT NULL, in_progress TEXT NULL, direction TEXT NULL); \
                 INSERT INTO counsel_migration_state (id, fingerprint) VALUES (1, 'x')",
            );
        }
        t.db.execute_unprepared(&sql).await.unwrap();
        for command in ["upgrade", "check"] {
            let r = run(&t.url, &[command]);
            assert_ne!(r.code, 0, "{command}: {}{}", r.stdout, r.stderr);
            let all = format!("{}{}", r.stdout, r.stderr);
            assert!(
                all.contains("cannot be read") && all.contains("stamp head"),
                "{command} (state table: {with_state_table}): {all}"
            );
        }
        t.finish().await;
    }
}

/// `lint`: a SQL file needs no database; an error exits 3 and names the rule, the lock, what
/// it blocks and the rewrite; a waiver with a reason lets it pass; the history's own
/// migration, all new tables, is clean, named or pending.
#[tokio::test]
async fn lint_names_the_lock_and_the_rewrite_and_takes_reasoned_waivers() {
    let t = testkit::sqlite().await;
    let dir = std::env::temp_dir().join(format!("counsel_t_lint_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("change.sql");
    let bad = "CREATE INDEX idx_cases_title ON cases (title);\n\
               ALTER TABLE cases ALTER COLUMN title SET NOT NULL;\n";
    std::fs::write(&file, bad).unwrap();
    let path = file.display().to_string();
    let r = run(&t.url, &["lint", "--sql", &path]);
    expect(&r, 3, "require-concurrent-index on cases", "lint a file");
    for needle in [
        "lock: SHARE, which blocks every INSERT, UPDATE and DELETE",
        "CREATE INDEX CONCURRENTLY",
        "setting-not-null",
        "NOT VALID",
        "2 error(s)",
    ] {
        assert!(r.stdout.contains(needle), "{needle}: {}", r.stdout);
    }
    std::fs::write(
        &file,
        format!(
            "-- lint: allow require-concurrent-index -- cases is empty until launch\n\
             -- lint: allow setting-not-null -- cases is empty until launch\n{bad}"
        ),
    )
    .unwrap();
    let r = run(&t.url, &["lint", "--sql", &path]);
    expect(&r, 0, "waived: cases is empty until launch", "waived");
    std::fs::write(&file, format!("-- lint: allow setting-not-null\n{bad}")).unwrap();
    let r = run(&t.url, &["lint", "--sql", &path]);
    expect(&r, 3, "says no reason", "a waiver without a reason");
    std::fs::write(&file, "CREATE INDEX ON").unwrap();
    let r = run(&t.url, &["lint", "--sql", &path]);
    expect(&r, 1, "could not be parsed", "not SQL");
    std::fs::remove_dir_all(&dir).ok();

    let r = run(&t.url, &["lint", FIRST]);
    expect(&r, 0, &format!("{FIRST}: OK"), "a named revision");
    expect(&run(&t.url, &["upgrade"]), 0, "Applied", "upgrade");
    let r = run(&t.url, &["lint"]);
    expect(&r, 0, "no migration is pending", "nothing pending");
    t.finish().await;
}

/// An applied migration whose recorded SQL differs from what it sends now (as if its file
/// were edited after it ran): `check` names it with the statements that differ, `history`
/// marks it, `upgrade` refuses, `rehash` accepts it, then all is clean.
#[tokio::test]
async fn an_edited_migration_is_named_by_check_and_history_and_accepted_by_rehash() {
    for t in testkit::databases().await {
        let n = t.name;
        expect(&run(&t.url, &["upgrade"]), 0, &format!("Applied {HEAD}"), n);
        t.exec(&format!(
            "UPDATE {} SET checksum = 'edited', statements = 'CREATE TABLE legacy (id integer)' \
             WHERE version = '{FIRST}'",
            migration::checksum::CHECKSUM_TABLE
        ))
        .await;
        t.exec("UPDATE counsel_migration_state SET fingerprint = 'stale'")
            .await;
        let r = run(&t.url, &["check"]);
        expect(
            &r,
            3,
            &format!("{FIRST} was changed after it was applied"),
            n,
        );
        expect(&r, 3, "- CREATE TABLE legacy (id integer)", n);
        expect(&r, 3, &format!("manage-db rehash {FIRST}"), n);
        expect(&run(&t.url, &["history"]), 0, "EDITED since", n);
        expect(
            &run(&t.url, &["upgrade"]),
            1,
            "was changed after it was applied",
            n,
        );

        let r = run(&t.url, &["rehash", "m20261124"]);
        expect(&r, 0, "accepted: this is now the SQL", n);
        expect(&r, 0, "- CREATE TABLE legacy (id integer)", n);
        expect(
            &run(&t.url, &["check"]),
            0,
            "Result: OK, the schema is at head and matches the entities",
            n,
        );
        expect(&run(&t.url, &["rehash", FIRST]), 0, "nothing to accept", n);
        expect(&run(&t.url, &["rehash", "m2099"]), 1, "m2099", n);
        t.finish().await;
    }
}

/// The other ways an Alembic-made database holds embeddings: pgvector's `vector(1536)` itself
/// (only the HNSW index is missing; the column is no difference) and `float[]`.
#[tokio::test]
async fn check_reports_how_an_alembic_database_holds_its_embeddings() {
    for (held, column_line) in [
        ("vector(1536)", None),
        (
            "real[]",
            Some("embeddings.vector: type vector(1536) in the entity, real[] in the database"),
        ),
    ] {
        let Some(t) = testkit::postgres().await else {
            return;
        };
        t.db.execute_unprepared(include_str!("fixtures/alembic_made_postgres.sql"))
            .await
            .expect("load the Alembic-made schema");
        t.exec("CREATE EXTENSION IF NOT EXISTS vector").await;
        t.exec(&format!(
            "ALTER TABLE embeddings ALTER COLUMN vector TYPE {held} USING NULL"
        ))
        .await;
        let r = run(&t.url, &["check"]);
        expect(
            &r,
            3,
            "embeddings: index USING hnsw (vector vector_cosine_ops)",
            held,
        );
        match column_line {
            Some(line) => expect(&r, 3, line, held),
            None => assert!(
                !r.stdout.contains("embeddings.vector: type"),
                "[{held}] {}",
                r.stdout
            ),
        }
        t.finish().await;
    }
}

/// The pgvector migration rewrites embeddings and builds its index in the same transaction,
/// which lint flags, and its source waives both with the reason. A deployed binary (run here
/// far from any checkout) honours those waivers as the build embedded them: its upgrade gate
/// passes a table above the threshold, and `lint` shows them waived.
#[tokio::test]
async fn a_deployed_binary_honours_the_waivers_its_migrations_were_built_with() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    expect(&run(&t.url, &["upgrade", FIRST]), 0, FIRST, "first");
    t.one_chunk().await;
    // 20 rows of 1536 little-endian f32 zeros, counted by the statistics the gate reads.
    t.exec(
        "INSERT INTO embeddings (id, chunk_id, model, dimensions, vector) SELECT \
         gen_random_uuid(), '00000000-0000-0000-0000-000000000002', 'm' || k, 1536, \
         decode(repeat('00', 6144), 'hex') FROM generate_series(1, 20) AS k",
    )
    .await;
    t.exec("ANALYZE embeddings").await;
    let lint = run(&t.url, &["lint"]);
    expect(
        &lint,
        0,
        "waived changing-column-type on embeddings",
        "lint",
    );
    expect(&lint, 0, "waived: bytea cannot become vector", "lint");
    let up = run(&t.url, &["upgrade", "--lock-threshold-rows", "10"]);
    expect(&up, 0, HEAD, "upgrade past the gate");
    t.finish().await;
}

/// pgvector's column and index, changed in the database one way at a time (a new embedding
/// model's dimension, another operator class, other `WITH` parameters, another access
/// method): `check` names each with both sides and exits 3, and with pgvector in Supabase's
/// `extensions` schema it reports nothing else.
#[tokio::test]
async fn check_names_a_changed_vector_dimension_operator_class_and_index_parameters() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    t.exec("CREATE SCHEMA extensions").await;
    expect(&run(&t.url, &["upgrade"]), 0, "Applied", "postgres");
    expect(&run(&t.url, &["check"]), 0, "none", "postgres");
    let index = "\"idx-embeddings-vector-hnsw\"";
    let rebuilt = |using: &str| {
        format!("DROP INDEX {index}; CREATE INDEX {index} ON embeddings USING {using}")
    };
    let declared =
        rebuilt("hnsw (vector extensions.vector_cosine_ops) WITH (m = 16, ef_construction = 64)");
    let missing = "embeddings: index USING hnsw (vector vector_cosine_ops) WITH \
                   (ef_construction=64, m=16) missing from the database";
    let found = |what: &str| {
        format!(
            "embeddings: index USING {what} idx-embeddings-vector-hnsw in the database that the \
             entities do not declare"
        )
    };
    let cases = [
        (
            "ALTER TABLE embeddings ALTER COLUMN vector TYPE extensions.vector(768)".to_owned(),
            vec![
                "embeddings.vector: type vector(1536) in the entity, vector(768) in the database"
                    .to_owned(),
            ],
            "ALTER TABLE embeddings ALTER COLUMN vector TYPE extensions.vector(1536)".to_owned(),
        ),
        (
            rebuilt("hnsw (vector extensions.vector_l2_ops) WITH (m = 16, ef_construction = 64)"),
            vec![
                missing.to_owned(),
                found("hnsw (vector vector_l2_ops) WITH (ef_construction=64, m=16)"),
            ],
            declared.clone(),
        ),
        (
            rebuilt(
                "hnsw (vector extensions.vector_cosine_ops) WITH (m = 32, ef_construction = 64)",
            ),
            vec![
                missing.to_owned(),
                found("hnsw (vector vector_cosine_ops) WITH (ef_construction=64, m=32)"),
            ],
            declared.clone(),
        ),
        (
            rebuilt("ivfflat (vector extensions.vector_cosine_ops) WITH (lists = 100)"),
            vec![
                missing.to_owned(),
                found("ivfflat (vector vector_cosine_ops) WITH (lists=100)"),
            ],
            declared.clone(),
        ),
    ];
    for (change, lines, undo) in cases {
        t.db.execute_unprepared(&change).await.unwrap();
        let r = run(&t.url, &["check"]);
        expect(&r, 3, "differs from the entities", &change);
        let drift: Vec<&str> = r
            .stdout
            .lines()
            .skip_while(|l| !l.starts_with("Drift"))
            .skip(1)
            .take_while(|l| l.starts_with("  "))
            .map(str::trim)
            .collect();
        assert_eq!(drift, lines, "{change}: exactly this drift\n{}", r.stdout);
        t.db.execute_unprepared(&undo).await.unwrap();
        expect(&run(&t.url, &["check"]), 0, "none", &undo);
    }
    t.finish().await;
}

/// The pgvector migration's `--sql` script cannot convert stored vectors (`upgrade` does, in
/// Rust): it says so where the conversion would be, and a DBA who applies it by hand to a
/// database that holds embeddings gets an error with nothing changed, not a column of NULLs.
/// `upgrade` then converts them.
#[tokio::test]
async fn the_pgvector_script_applied_by_hand_over_stored_vectors_changes_nothing() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    expect(
        &run(&t.url, &["upgrade", "--to", "m20261124"]),
        0,
        "Applied",
        "postgres",
    );
    let chunk = t.one_chunk().await;
    t.exec(&format!(
        "INSERT INTO embeddings (id, chunk_id, model, dimensions, vector) VALUES \
         (gen_random_uuid(), '{chunk}', 'm', 1536, decode(repeat('0000803f', 1536), 'hex'))"
    ))
    .await;
    let script = run(&t.url, &["upgrade", "--sql"]);
    expect(
        &script,
        0,
        "-- embeddings.vector: this script does not convert the stored values",
        "postgres",
    );
    let by_hand = t.connect_again().await;
    let err = by_hand
        .execute_unprepared(&script.stdout)
        .await
        .expect_err("the script stops");
    assert!(err.to_string().contains("contains null values"), "{err}");
    by_hand.close().await.ok();
    let kept =
        t.db.query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT format_type(atttypid, atttypmod) AS type, \
             (SELECT encode(vector, 'hex') = repeat('0000803f', 1536) FROM embeddings) AS same \
             FROM pg_attribute WHERE attrelid = 'embeddings'::regclass AND attname = 'vector'",
        ))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(kept.try_get::<String>("", "type").unwrap(), "bytea");
    assert!(
        kept.try_get::<bool>("", "same").unwrap(),
        "the bytes are as they were"
    );
    expect(&run(&t.url, &["current"]), 0, FIRST, "postgres");

    expect(&run(&t.url, &["upgrade"]), 0, "Applied", "postgres");
    let ones =
        t.db.query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT vector::real[] = array_fill(1::real, ARRAY[1536]) FROM embeddings",
        ))
        .await
        .unwrap()
        .unwrap();
    assert!(
        ones.try_get_by_index::<bool>(0).unwrap(),
        "upgrade converts 1536 ones"
    );
    t.finish().await;
}

//! `manage-db generate` end to end, as a developer uses it: entities edited in a scratch copy of
//! the workspace, the migration generated (refused first where it would lose data), the
//! workspace rebuilt, then on every backend a database holding rows is upgraded, checked and
//! downgraded again. Its own test binary: it runs cargo builds (each recompiles only what the
//! test edited).

#[path = "../../../examples/shared/sample_data.rs"]
mod sample_data;

use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use testkit::workspace::ScratchWorkspace;

const OLD_HEAD: &str = "m20261207_000001_pgvector_embeddings";

const TAG_ENTITY: &str = r#"//! Added by the test: labels on documents.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tags")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(indexed)]
    pub document_id: Uuid,
    #[sea_orm(column_type = "String(StringLen::N(40))")]
    pub label: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::document::Entity",
        from = "Column::DocumentId",
        to = "super::document::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Document,
}

impl ActiveModelBehavior for ActiveModel {}
"#;

/// One edit of each kind a migration is generated for.
fn edit_entities(scratch: &ScratchWorkspace) {
    let t = "crates/entity/src/tables/";
    // A column renamed (its data must follow) and one dropped (destructive).
    scratch.edit(&format!("{t}visitor.rs"), "pub notes:", "pub remarks:");
    scratch.edit(
        &format!("{t}visitor.rs"),
        "    pub phone: Option<String>,\n",
        "",
    );
    // A required column with no default: the rows already there need a value.
    scratch.edit(
        &format!("{t}visitor.rs"),
        "    pub email: Option<String>,\n",
        "    pub email: Option<String>,\n    #[sea_orm(column_type = \"String(StringLen::N(40))\")]\n    pub source: String,\n",
    );
    // Columns added (nullable; required with a default) and an index.
    scratch.edit(
        &format!("{t}datasource.rs"),
        "    pub name: String,\n",
        "    #[sea_orm(indexed)]\n    pub name: String,\n    #[sea_orm(column_type = \"Text\", nullable)]\n    pub description: Option<String>,\n    #[sea_orm(default_value = 0)]\n    pub priority: i32,\n",
    );
    // A default added on a table whose children cascade (SQLite rebuilds it).
    scratch.edit(
        &format!("{t}chunk.rs"),
        "    pub token_count: i32,",
        "    #[sea_orm(default_value = 0)]\n    pub token_count: i32,",
    );
    // A foreign-key rule changed.
    scratch.edit(
        &format!("{t}report.rs"),
        "on_delete = \"SetNull\"",
        "on_delete = \"Cascade\"",
    );
    // A type widened.
    scratch.edit(
        &format!("{t}job.rs"),
        "StringLen::N(64))\", indexed",
        "StringLen::N(128))\", indexed",
    );
    // A column made optional, and an index dropped.
    scratch.edit(
        &format!("{t}visitor.rs"),
        "    pub name: String,",
        "    pub name: Option<String>,",
    );
    scratch.edit(
        &format!("{t}visitor.rs"),
        "#[sea_orm(indexed, default_expr = \"Expr::current_timestamp()\")]\n    pub created_at",
        "#[sea_orm(default_expr = \"Expr::current_timestamp()\")]\n    pub created_at",
    );
    // A column with a foreign key added to an existing table.
    scratch.edit(
        &format!("{t}job.rs"),
        "    pub finished_at: Option<DateTimeWithTimeZone>,\n",
        "    pub finished_at: Option<DateTimeWithTimeZone>,\n    #[sea_orm(indexed)]\n    pub owner_id: Option<Uuid>,\n",
    );
    scratch.edit(
        &format!("{t}job.rs"),
        "pub enum Relation {}",
        "pub enum Relation {\n    #[sea_orm(\n        belongs_to = \"super::user::Entity\",\n        from = \"Column::OwnerId\",\n        to = \"super::user::Column::Id\",\n        on_update = \"Cascade\",\n        on_delete = \"SetNull\"\n    )]\n    Owner,\n}",
    );
    // A new table referencing an existing one.
    scratch.write(&format!("{t}tag.rs"), TAG_ENTITY);
}

fn text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Runs `bin args…` with a terminal as its stdin (util-linux `script`), typing `input`.
/// `None` where `script` is not installed or cannot open a terminal.
fn answer_at_a_terminal(
    input: &str,
    bin: &std::path::Path,
    dir: &std::path::Path,
    url: &str,
    args: &[&str],
) -> Option<std::process::Output> {
    use std::io::Write;
    let command = std::iter::once(bin.display().to_string())
        .chain(args.iter().map(|a| format!("'{a}'")))
        .collect::<Vec<_>>()
        .join(" ");
    let mut child = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir)
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(input.as_bytes()).ok()?;
    let output = child.wait_with_output().expect("script");
    // `script` itself failing (no pseudo-terminal in this sandbox) is no verdict on manage-db.
    let failed_to_start = String::from_utf8_lossy(&output.stderr).starts_with("script:");
    (!failed_to_start).then_some(output)
}

/// The text of the migration registered under a name ending in `slug`.
fn registered_migration(scratch: &ScratchWorkspace, slug: &str) -> String {
    let mod_rs = scratch.read("crates/migration/src/migrations/mod.rs");
    let module = migration_generator::register::listed(&mod_rs)
        .into_iter()
        .find(|m| m.ends_with(slug))
        .unwrap_or_else(|| panic!("no migration *{slug} registered"))
        .to_owned();
    scratch.read(&format!("crates/migration/src/migrations/{module}.rs"))
}

async fn one_string(db: &DatabaseConnection, sql: &str) -> Option<String> {
    db.query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .and_then(|r| r.try_get_by_index::<Option<String>>(0).ok().flatten())
}

async fn count(db: &DatabaseConnection, table: &str) -> i64 {
    db.query_one_raw(Statement::from_string(
        db.get_database_backend(),
        format!("SELECT COUNT(*) FROM {table}"),
    ))
    .await
    .unwrap()
    .unwrap()
    .try_get_by_index::<i64>(0)
    .unwrap()
}

async fn row_counts(db: &DatabaseConnection) -> Vec<i64> {
    let mut counts = Vec::new();
    for table in entity::registry::table_names() {
        counts.push(count(db, &table).await);
    }
    counts
}

#[tokio::test]
async fn edited_entities_become_a_verified_migration_that_upgrades_and_reverts_everywhere() {
    let scratch = ScratchWorkspace::copy_of(env!("CARGO_MANIFEST_DIR"));
    edit_entities(&scratch);
    let bin = scratch.build_manage_db();
    let mod_rs = "crates/migration/src/migrations/mod.rs";
    let registered = scratch.read(mod_rs);

    // Generated against PostgreSQL when there is one (production), else SQLite.
    let generator_db = match testkit::postgres().await {
        Some(pg) => pg,
        None => testkit::sqlite().await,
    };
    let generate = |extra: &[&str]| {
        let mut args = vec![
            "generate",
            "-m",
            "reshape visitors and datasources, add tags",
        ];
        args.extend(extra);
        scratch.manage_db(&bin, &generator_db.url, &args)
    };

    // Safety stops: nothing is written until the rename and the data loss are answered.
    let stop = generate(&[]);
    assert_eq!(stop.status.code(), Some(1), "{}", text(&stop));
    assert!(
        text(&stop).contains("--rename visitors.notes=remarks"),
        "{}",
        text(&stop)
    );
    let stop = generate(&["--rename", "visitors.notes=remarks"]);
    assert_eq!(stop.status.code(), Some(1), "{}", text(&stop));
    assert!(
        text(&stop).contains("column visitors.phone and its values"),
        "{}",
        text(&stop)
    );
    let stop = generate(&["--rename", "visitors.notes=remarks", "--allow-destructive"]);
    assert_eq!(stop.status.code(), Some(1), "{}", text(&stop));
    assert!(
        text(&stop).contains("--backfill visitors.source=VALUE"),
        "{}",
        text(&stop)
    );
    assert_eq!(scratch.read(mod_rs), registered, "nothing registered");

    // At a terminal the rename is asked about, whatever the flags, and the value for the
    // required column: answered here.
    let made = match answer_at_a_terminal(
        "y\n'walk-in'\n",
        &bin,
        &scratch.root,
        &generator_db.url,
        &[
            "generate",
            "-m",
            "reshape visitors and datasources, add tags",
            "--allow-destructive",
            "--allow-locking",
            "the fixture tables are small",
        ],
    ) {
        Some(made) => {
            assert!(
                text(&made).contains("Is visitors.notes=remarks a rename (keeps the data)?"),
                "{}",
                text(&made)
            );
            made
        }
        None => {
            testkit::notice(
                "no terminal through `script`: the rename and backfill are given as flags",
            );
            generate(&[
                "--rename",
                "visitors.notes=remarks",
                "--backfill",
                "visitors.source='walk-in'",
                "--allow-destructive",
                "--allow-locking",
                "the fixture tables are small",
            ])
        }
    };
    assert!(made.status.success(), "{}", text(&made));
    assert!(!text(&made).contains("NOT A RENAME"), "{}", text(&made));
    assert!(
        text(&made).contains("Verified on a scratch"),
        "{}",
        text(&made)
    );
    let file = registered_migration(&scratch, "_reshape_visitors_and_datasources_add_tags");
    assert!(file.contains("DATA LOSS"), "{file}");
    // What lint rejects is written only with its reason, as lint's waiver (below, `lint`
    // passes the file).
    assert!(
        file.contains("lint: allow ")
            && file.contains("--allow-locking: the fixture tables are small"),
        "{file}"
    );
    assert!(
        file.contains("column visitors.phone and its values"),
        "{file}"
    );
    assert!(
        file.contains("rename_column(Alias::new(\"notes\"), Alias::new(\"remarks\"))"),
        "{file}"
    );
    generator_db.finish().await;

    // Nothing left to generate once the new migration is part of the build.
    let bin = scratch.build_manage_db();
    let again = scratch.manage_db(
        &bin,
        &testkit::sqlite().await.url,
        &["generate", "-m", "add nothing"],
    );
    assert!(
        text(&again).contains("Nothing to generate"),
        "{}",
        text(&again)
    );

    for t in testkit::databases().await {
        let n = t.name;
        let run = |args: &[&str]| scratch.manage_db(&bin, &t.url, args);
        let old = run(&["upgrade", OLD_HEAD]);
        assert!(old.status.success(), "[{n}] {}", text(&old));
        sample_data::create(&t.db, "gen").await.unwrap();
        let rows = row_counts(&t.db).await;
        let notes = one_string(&t.db, "SELECT notes FROM visitors").await;
        assert!(notes.is_some());

        let lint = run(&["lint"]);
        assert_eq!(lint.status.code(), Some(0), "[{n}] {}", text(&lint));
        let up = run(&["upgrade"]);
        assert!(up.status.success(), "[{n}] {}", text(&up));
        let check = run(&["check"]);
        assert_eq!(check.status.code(), Some(0), "[{n}] {}", text(&check));
        assert_eq!(
            row_counts(&t.db).await,
            rows,
            "[{n}] every row is still there"
        );
        assert_eq!(
            one_string(&t.db, "SELECT remarks FROM visitors").await,
            notes,
            "[{n}] the renamed column kept its data"
        );
        assert_eq!(count(&t.db, "tags").await, 0, "[{n}]");
        assert_eq!(
            one_string(&t.db, "SELECT source FROM visitors")
                .await
                .as_deref(),
            Some("walk-in"),
            "[{n}] the backfill filled the rows already there"
        );
        assert_eq!(
            count(&t.db, "datasources WHERE priority = 0").await,
            count(&t.db, "datasources").await,
            "[{n}] the default filled the old rows"
        );

        let down = run(&["downgrade", "-y"]);
        assert!(down.status.success(), "[{n}] {}", text(&down));
        // Back to exactly what the old migration makes, which the real entities describe.
        let mut schema = schema_model::live::read(&t.db).await.unwrap();
        for table in migration::BOOKKEEPING_TABLES {
            schema.tables.remove(table);
        }
        let original = entity::registry::read_schema(&t.db).await.unwrap();
        let drift = schema_model::diff(&schema, &original);
        assert!(drift.is_empty(), "[{n}] after down: {drift:#?}");
        assert_eq!(
            row_counts(&t.db).await,
            rows,
            "[{n}] down keeps the rows too"
        );
        assert_eq!(
            one_string(&t.db, "SELECT notes FROM visitors").await,
            notes,
            "[{n}] renamed back with its data"
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn auto_generates_rebuilds_and_upgrades_and_empty_writes_a_compiling_template() {
    let scratch = ScratchWorkspace::copy_of(env!("CARGO_MANIFEST_DIR"));
    let bin = scratch.build_manage_db();
    let t = match testkit::postgres().await {
        Some(pg) => pg,
        None => testkit::sqlite().await,
    };
    let n = t.name;

    // A hand-written data migration starts as a registered template that builds as it is
    // (Alembic's spelling: `revision -m` is `generate --empty`).
    let empty = scratch.manage_db(&bin, &t.url, &["revision", "-m", "backfill report titles"]);
    assert!(empty.status.success(), "[{n}] {}", text(&empty));
    let template = registered_migration(&scratch, "_backfill_report_titles");
    assert!(template.contains("async fn up"), "{template}");

    // The one-command flow: the entity edit becomes a migration, the tool rebuilds itself
    // and the rebuilt tool upgrades.
    scratch.edit(
        "crates/entity/src/tables/visitor.rs",
        "    pub phone: Option<String>,\n",
        "    pub phone: Option<String>,\n    pub nickname: Option<String>,\n",
    );
    let auto = scratch.manage_db(&bin, &t.url, &["auto", "-m", "add nickname to visitors"]);
    let said = text(&auto);
    assert!(auto.status.success(), "[{n}] {said}");
    for step in [
        "[1/4] check",
        "[2/4] generate",
        "[3/4] rebuild",
        "[4/4] upgrade",
    ] {
        assert!(said.contains(step), "[{n}] {step:?} in {said}");
    }
    assert!(said.contains("Applied m"), "[{n}] {said}");
    let rebuilt = scratch.path("target/debug/manage-db");
    let check = scratch.manage_db(&rebuilt, &t.url, &["check"]);
    assert_eq!(check.status.code(), Some(0), "[{n}] {}", text(&check));

    // Tables that exist with no migration recorded are adopted only when asked to.
    let reset = scratch.manage_db(&rebuilt, &t.url, &["reset", "--yes"]);
    assert!(reset.status.success(), "[{n}] {}", text(&reset));
    let refused = scratch.manage_db(&rebuilt, &t.url, &["auto"]);
    assert_eq!(refused.status.code(), Some(1), "[{n}] {}", text(&refused));
    assert!(
        text(&refused).contains("manage-db auto --adopt"),
        "[{n}] {}",
        text(&refused)
    );
    let adopted = scratch.manage_db(&rebuilt, &t.url, &["auto", "--adopt"]);
    assert!(adopted.status.success(), "[{n}] {}", text(&adopted));
    assert!(
        text(&adopted).contains("Stamped at"),
        "[{n}] {}",
        text(&adopted)
    );
    assert!(
        text(&adopted).contains("Nothing to generate"),
        "[{n}] {}",
        text(&adopted)
    );

    // --against-live plans from the database itself: here a column added by hand.
    t.exec("ALTER TABLE visitors ADD COLUMN legacy_code VARCHAR(20)")
        .await;
    let live = scratch.manage_db(
        &rebuilt,
        &t.url,
        &[
            "revision",
            "--autogenerate",
            "--against-live",
            "--allow-destructive",
            "-m",
            "drop legacy code from visitors",
        ],
    );
    assert!(live.status.success(), "[{n}] {}", text(&live));
    let file = registered_migration(&scratch, "_drop_legacy_code_from_visitors");
    assert!(
        file.contains("drop_column(Alias::new(\"legacy_code\"))"),
        "[{n}] {file}"
    );
    // Committed to the history, it must run where the column never was: guarded.
    assert!(
        file.contains("has_column(manager, \"visitors\", \"legacy_code\")"),
        "[{n}] {file}"
    );
    assert!(file.contains("the live database"), "[{n}] {file}");

    // Outside a source checkout `auto` is `upgrade`, and says so.
    let elsewhere = std::process::Command::new(&rebuilt)
        .arg("auto")
        .current_dir(std::env::temp_dir())
        .env("DATABASE_URL", &t.url)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    let said = text(&elsewhere);
    assert!(elsewhere.status.success(), "[{n}] {said}");
    assert!(said.contains("`auto` is `upgrade`"), "[{n}] {said}");
    assert!(said.contains("Nothing to do"), "[{n}] {said}");
    t.finish().await;
}

/// Adoption, as the README tells it: a database made by Alembic (native enums, `now()`
/// defaults, embeddings as `real[]`, no pgvector yet) holding rows is stamped, and
/// `generate --against-live` writes the migration that brings it to the entities: the arrays
/// become `vector(1536)` through pgvector's cast (which it creates), value for value, with
/// the HNSW index. Rebuilt, it upgrades the database to a clean `check`, and reverts.
#[tokio::test]
async fn an_alembic_database_with_real_arrays_is_adopted_by_generate_against_live() {
    let Some(t) = testkit::postgres().await else {
        testkit::notice("adoption test SKIPPED: no PostgreSQL (set DATABASE_URL)");
        return;
    };
    let scratch = ScratchWorkspace::copy_of(env!("CARGO_MANIFEST_DIR"));
    t.db.execute_unprepared(include_str!("fixtures/alembic_made_postgres.sql"))
        .await
        .expect("load the Alembic-made schema");
    for sql in [
        "ALTER TABLE embeddings ALTER COLUMN vector TYPE real[] USING NULL".to_owned(),
        "INSERT INTO users (id, email, hashed_password, full_name, role) VALUES \
         ('00000000-0000-0000-0000-00000000000a', 'a@example.org', 'x', 'A', 'supervisor')"
            .to_owned(),
    ] {
        t.exec(&sql).await;
    }
    let chunk = t.one_chunk().await;
    for sql in [format!(
        "INSERT INTO embeddings (id, chunk_id, model, dimensions, vector) SELECT \
         gen_random_uuid(), '{chunk}', 'm' || k, 1536, \
         (SELECT array_agg(sin(i * k * 0.37)::real ORDER BY i) FROM generate_series(1, 1536) AS i) \
         FROM generate_series(1, 3) AS k"
    )] {
        t.exec(&sql).await;
    }
    let arrays = "SELECT string_agg(vector::real[]::text, ';' ORDER BY model) FROM embeddings";
    let stored = one_string(&t.db, arrays).await;
    // This build, copied after the sources (a binary older than them is refused as stale):
    // one cargo build saved.
    let built = &scratch.root.join("manage-db-of-this-build");
    std::fs::copy(env!("CARGO_BIN_EXE_manage-db"), built).unwrap();
    let run = |bin: &std::path::Path, args: &[&str]| scratch.manage_db(bin, &t.url, args);

    let stamped = run(built, &["stamp", "head"]);
    assert!(stamped.status.success(), "{}", text(&stamped));
    let generated = run(
        built,
        &[
            "generate",
            "--against-live",
            "--allow-destructive",
            "--allow-locking",
            "a one-time adoption in a maintenance window",
            "-m",
            "adopt the alembic database",
        ],
    );
    assert!(generated.status.success(), "{}", text(&generated));
    let file = registered_migration(&scratch, "_adopt_the_alembic_database");
    assert!(
        file.contains("array_to_vector(manager, \"embeddings\", \"vector\", 1536).await?;")
            && file.contains("vector_to(manager, \"embeddings\", \"vector\", \"real[]\").await?;")
            && file.contains("method: \"hnsw\""),
        "{file}"
    );

    let rebuilt = scratch.build_manage_db();
    let up = run(&rebuilt, &["upgrade"]);
    assert!(up.status.success(), "{}", text(&up));
    let check = run(&rebuilt, &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
    assert_eq!(
        one_string(&t.db, arrays).await,
        stored,
        "every number of every embedding kept"
    );
    assert_eq!(
        one_string(&t.db, "SELECT role FROM users").await.as_deref(),
        Some("supervisor"),
        "the enum's value kept as text"
    );
    let down = run(&rebuilt, &["downgrade", "-1", "--yes"]);
    assert!(down.status.success(), "{}", text(&down));
    assert_eq!(
        one_string(
            &t.db,
            "SELECT format_type(atttypid, atttypmod) FROM pg_attribute \
             WHERE attrelid = 'embeddings'::regclass AND attname = 'vector'"
        )
        .await
        .as_deref(),
        Some("real[]")
    );
    assert_eq!(
        one_string(&t.db, arrays).await,
        stored,
        "down keeps them too"
    );
    t.finish().await;
}

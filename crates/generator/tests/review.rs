//! `generate` never writes what lint rejects: each case plans a change of a table that holds
//! rows, records what `up` sends to PostgreSQL, and asks `review`. What the flags chose (a drop
//! under --allow-destructive) is waived in the file, and `manage-db lint`'s reading of that file
//! then passes; a lock nobody chose (a table rewrite, an index built in the transaction) stops
//! generate unless --allow-locking gives a reason, which becomes the waiver.

use migration_generator::review::{review, waiver_lines};
use migration_generator::step::StepsMigration;
use migration_generator::{plan, render, GenerateError, MigrationPlan, Options, Side};
use schema_model::declared::{self, Flavour};
use schema_model::{SchemaDdl, TableDdl};
use sea_orm::sea_query::{Alias, ColumnDef, Index, Table};
use sea_orm::DbBackend;

/// `notes (id, code, extra)`, each edit applied by `edit`, and the indexes given.
fn notes(edit: impl Fn(&str, &mut ColumnDef) -> bool, indexes: Vec<&str>) -> SchemaDdl {
    let mut table = Table::create();
    table.table(Alias::new("notes")).col(
        ColumnDef::new(Alias::new("id"))
            .integer()
            .not_null()
            .primary_key(),
    );
    for name in ["code", "extra"] {
        let mut column = ColumnDef::new(Alias::new(name));
        column.integer().null();
        if edit(name, &mut column) {
            table.col(column);
        }
    }
    SchemaDdl {
        tables: vec![TableDdl {
            create: table.to_owned(),
            indexes: indexes
                .into_iter()
                .map(|column| {
                    Index::create()
                        .name(format!("idx_notes_{column}"))
                        .table(Alias::new("notes"))
                        .col(Alias::new(column))
                        .to_owned()
                })
                .collect(),
        }],
        ..Default::default()
    }
}

fn unchanged(_: &str, _: &mut ColumnDef) -> bool {
    true
}

fn planned(after: &SchemaDdl, options: &Options) -> MigrationPlan {
    let before_ddl = notes(unchanged, vec![]);
    let before = declared::render(&before_ddl, Flavour::Postgres).unwrap();
    let after_schema = declared::render(after, Flavour::Postgres).unwrap();
    plan(
        &Side {
            schema: &before,
            ddl: None,
            flavour: Flavour::Postgres,
            types: None,
        },
        &Side {
            schema: &after_schema,
            ddl: Some(after),
            flavour: Flavour::Postgres,
            types: None,
        },
        options,
    )
    .unwrap()
}

async fn sent(plan: &MigrationPlan) -> Vec<String> {
    let migration = StepsMigration {
        name: "m1_change".into(),
        up: plan.up.clone(),
        down: plan.down.clone(),
    };
    migration::statements_of(DbBackend::Postgres, &migration, true)
        .await
        .unwrap()
}

/// What `manage-db lint` says of the file: its blocking findings, with the file's waivers.
fn blocking_after_waivers(file: &str, statements: &[String]) -> Vec<&'static str> {
    let (waivers, unexplained) = migration_lint::waivers(file);
    assert!(unexplained.is_empty(), "{unexplained:?}");
    let mut findings = migration_lint::lint_statements(statements).unwrap();
    for f in &mut findings {
        f.waive(&waivers);
    }
    findings
        .iter()
        .filter(|f| f.is_blocking())
        .map(|f| f.rule)
        .collect()
}

fn file(plan: &MigrationPlan, waivers: &[String]) -> String {
    render::migration_file(
        &render::Header {
            message: "change notes",
            compared_with: "the existing migrations replayed on Postgres",
            waivers,
        },
        plan,
    )
}

#[tokio::test]
async fn a_drop_under_allow_destructive_is_waived_in_the_file_and_lint_agrees() {
    let options = Options {
        allow_destructive: true,
        ..Options::default()
    };
    let plan = planned(&notes(|name, _| name != "extra", vec![]), &options);
    let statements = sent(&plan).await;
    assert!(
        !blocking_after_waivers("", &statements).is_empty(),
        "the drop alone is a breaking change: {statements:?}"
    );
    let review = review(&statements, &plan, &options, None).unwrap();
    let lines = waiver_lines(&review.waivers);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("lint: allow breaking-change -- dropped with --allow-destructive"),
        "{lines:?}"
    );
    assert!(review.findings.iter().all(|f| f.waived.is_some()));
    let text = file(&plan, &lines);
    assert_eq!(
        blocking_after_waivers(&text, &statements),
        Vec::<&str>::new()
    );
}

#[tokio::test]
async fn a_table_rewrite_is_refused_unless_a_reason_is_given() {
    let options = Options::default();
    let after = notes(
        |name, column| {
            if name == "code" {
                column.big_integer();
            }
            true
        },
        vec![],
    );
    let plan = planned(&after, &options);
    let statements = sent(&plan).await;
    let refused = review(&statements, &plan, &options, None).unwrap_err();
    let GenerateError::LintRejected(found) = &refused else {
        panic!("{refused}")
    };
    assert!(
        found[0].starts_with("changing-column-type on notes"),
        "{found:?}"
    );
    assert!(refused.to_string().contains("--allow-locking"), "{refused}");

    let review = review(&statements, &plan, &options, Some("notes holds 40 rows")).unwrap();
    let lines = waiver_lines(&review.waivers);
    assert_eq!(
        lines,
        ["lint: allow changing-column-type -- --allow-locking: notes holds 40 rows"]
    );
    assert_eq!(
        blocking_after_waivers(&file(&plan, &lines), &statements),
        Vec::<&str>::new()
    );
}

#[tokio::test]
async fn an_index_on_a_table_with_rows_passes_online_and_is_refused_built_in_the_transaction() {
    let after = notes(unchanged, vec!["code"]);
    let online = planned(&after, &Options::default());
    assert!(online.online);
    let statements = sent(&online).await;
    let passed = review(&statements, &online, &Options::default(), None).unwrap();
    assert!(
        passed.waivers.is_empty() && passed.findings.is_empty(),
        "{passed:?}"
    );

    // Planned against a live database, each creation is guarded, and still online.
    let guarded = Options {
        guard: true,
        ..Options::default()
    };
    let against_live = planned(&after, &guarded);
    assert!(against_live.online);
    let statements = sent(&against_live).await;
    review(&statements, &against_live, &guarded, None).unwrap();

    // The same index in one transaction (as another backend's plan would be) is refused.
    let plain = vec!["CREATE INDEX \"idx_notes_code\" ON \"notes\" (\"code\")".to_owned()];
    let refused = review(&plain, &online, &Options::default(), None).unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("require-concurrent-index on notes"),
        "{refused}"
    );
}

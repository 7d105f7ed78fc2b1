//! The planner's safety stops and ordering, and the renderer against golden files
//! (`UPDATE_GOLDEN=1 cargo test -p migration-generator` rewrites them after a deliberate change).
//! Schemas are rendered from sea-query DDL for PostgreSQL, as the entities' are.

use migration_generator::{plan, render, GenerateError, Options, Rename, Side, Step};
use schema_model::declared::{self, Flavour};
use schema_model::{Schema, SchemaDdl, TableDdl};
use sea_orm::sea_query::{Alias, ColumnDef, Expr, ForeignKey, ForeignKeyAction, Index, Table};

fn id() -> ColumnDef {
    ColumnDef::new(Alias::new("id"))
        .uuid()
        .not_null()
        .primary_key()
        .to_owned()
}

fn users() -> TableDdl {
    TableDdl {
        create: Table::create()
            .table(Alias::new("users"))
            .col(id())
            .col(
                ColumnDef::new(Alias::new("email"))
                    .string_len(64)
                    .not_null(),
            )
            .col(ColumnDef::new(Alias::new("notes")).text().null())
            .to_owned(),
        indexes: vec![],
    }
}

fn reports(on_delete: ForeignKeyAction) -> TableDdl {
    TableDdl {
        create: Table::create()
            .table(Alias::new("reports"))
            .col(id())
            .col(ColumnDef::new(Alias::new("user_id")).uuid().null())
            .foreign_key(
                ForeignKey::create()
                    .name("fk_reports_user_id")
                    .from(Alias::new("reports"), Alias::new("user_id"))
                    .to(Alias::new("users"), Alias::new("id"))
                    .on_delete(on_delete)
                    .on_update(ForeignKeyAction::Cascade),
            )
            .to_owned(),
        indexes: vec![Index::create()
            .name("idx_reports_user_id")
            .table(Alias::new("reports"))
            .col(Alias::new("user_id"))
            .to_owned()],
    }
}

fn schema(tables: &[TableDdl]) -> (SchemaDdl, Schema) {
    let ddl = SchemaDdl {
        tables: tables.to_vec(),
        ..Default::default()
    };
    let schema = declared::render(&ddl, Flavour::Postgres).expect("render");
    (ddl, schema)
}

/// Plans from the `before` tables (as a database read) to the `after` ones (as entities).
fn plan_between(
    before: &[TableDdl],
    after: &[TableDdl],
    options: &Options,
) -> Result<migration_generator::MigrationPlan, GenerateError> {
    let (_, before) = schema(before);
    let (after_ddl, after) = schema(after);
    plan(
        &Side {
            schema: &before,
            ddl: None,
            flavour: Flavour::Postgres,
            types: None,
        },
        &Side {
            schema: &after,
            ddl: Some(&after_ddl),
            flavour: Flavour::Postgres,
            types: None,
        },
        options,
    )
}

fn with_column(mut table: TableDdl, column: ColumnDef) -> TableDdl {
    table.create.col(column);
    table
}

fn destructive() -> Options {
    Options {
        allow_destructive: true,
        ..Options::default()
    }
}

#[test]
fn nothing_changed_plans_nothing() {
    let plan = plan_between(&[users()], &[users()], &Options::default()).unwrap();
    assert!(plan.is_empty());
    assert!(plan.down.is_empty());
}

#[test]
fn a_required_column_without_a_default_is_refused_with_what_to_do() {
    let after = with_column(
        users(),
        ColumnDef::new(Alias::new("age"))
            .integer()
            .not_null()
            .to_owned(),
    );
    let err = plan_between(&[users()], &[after], &Options::default()).unwrap_err();
    assert_eq!(
        err,
        GenerateError::RequiredWithoutDefault {
            table: "users".into(),
            column: "age".into()
        }
    );
    assert!(err.to_string().contains("default_value"), "{err}");
    // A backfill fills the rows already there, through a default that goes again.
    let options = Options {
        backfills: vec![migration_generator::Backfill::parse("users.age=18").unwrap()],
        ..Options::default()
    };
    let after = with_column(
        users(),
        ColumnDef::new(Alias::new("age"))
            .integer()
            .not_null()
            .to_owned(),
    );
    let plan = plan_between(&[users()], &[after], &options).unwrap();
    golden(
        "backfilled_required_column",
        &rendered("add age to users", &plan),
    );
    // With a default, existing rows get it: planned.
    let after = with_column(
        users(),
        ColumnDef::new(Alias::new("age"))
            .integer()
            .not_null()
            .default(0)
            .to_owned(),
    );
    assert!(plan_between(&[users()], &[after], &Options::default()).is_ok());
}

#[test]
fn a_dropped_and_an_added_column_of_one_type_is_asked_about_not_guessed() {
    let mut renamed = users();
    renamed.create = Table::create()
        .table(Alias::new("users"))
        .col(id())
        .col(
            ColumnDef::new(Alias::new("email"))
                .string_len(64)
                .not_null(),
        )
        .col(ColumnDef::new(Alias::new("remarks")).text().null())
        .to_owned();
    let err = plan_between(&[users()], &[renamed.clone()], &Options::default()).unwrap_err();
    assert_eq!(
        err,
        GenerateError::PossibleRename(vec!["users.notes=remarks".into()])
    );
    assert!(
        err.to_string().contains("--rename users.notes=remarks"),
        "{err}"
    );

    // Consent to lose data plans drop + add, and the file says it was not taken as a rename.
    let dropped = plan_between(&[users()], &[renamed.clone()], &destructive()).unwrap();
    assert_eq!(dropped.unconfirmed_renames, ["users.notes=remarks"]);
    assert!(rendered("reshape users", &dropped).contains("NOT renamed"));

    let options = Options {
        renames: vec![Rename::parse("users.notes=remarks").unwrap()],
        ..Options::default()
    };
    let plan = plan_between(&[users()], &[renamed], &options).unwrap();
    assert!(plan.unconfirmed_renames.is_empty());
    assert_eq!(
        plan.up,
        [Step::RenameColumn {
            table: "users".into(),
            from: "notes".into(),
            to: "remarks".into()
        }]
    );
    assert_eq!(
        plan.down,
        [Step::RenameColumn {
            table: "users".into(),
            from: "remarks".into(),
            to: "notes".into()
        }]
    );
}

#[test]
fn a_table_with_the_same_columns_under_another_name_is_asked_about() {
    let mut people = users();
    people.create.table(Alias::new("people"));
    let err = plan_between(&[users()], &[people.clone()], &Options::default()).unwrap_err();
    assert_eq!(
        err,
        GenerateError::PossibleRename(vec!["users=people".into()])
    );
    let options = Options {
        renames: vec![Rename::parse("users=people").unwrap()],
        ..Options::default()
    };
    let plan = plan_between(&[users()], &[people], &options).unwrap();
    assert_eq!(
        plan.up,
        [Step::RenameTable {
            from: "users".into(),
            to: "people".into()
        }]
    );
}

#[test]
fn a_rename_of_something_that_is_not_there_is_refused() {
    let options = Options {
        renames: vec![Rename::parse("users.nope=yes").unwrap()],
        ..Options::default()
    };
    let err = plan_between(&[users()], &[users()], &options).unwrap_err();
    assert_eq!(
        err,
        GenerateError::UnknownRename {
            rename: "users.nope=yes".into(),
            hint: String::new()
        }
    );
    // A column named without its table: the qualified form is suggested.
    let column = Options {
        renames: vec![Rename::parse("email=mail").unwrap()],
        ..Options::default()
    };
    let err = plan_between(&[users()], &[users()], &column).unwrap_err();
    assert!(
        err.to_string().contains("--rename users.email=mail"),
        "{err}"
    );
    assert_eq!(Rename::parse("users.a.b=c"), None);
    use migration_generator::Backfill;
    let text = Backfill::parse("users.note='it is'").unwrap();
    assert_eq!(text.value, Expr::val("it is"));
    assert_eq!(
        Backfill::parse("users.ok=true").unwrap().value,
        Expr::val(true)
    );
    assert_eq!(
        Backfill::parse("users.n=-3").unwrap().value,
        Expr::val(-3i64)
    );
    assert_eq!(Backfill::parse("age=3"), None);
    assert_eq!(Rename::parse("=c"), None);
}

#[test]
fn drops_and_narrowing_need_consent_and_are_named_in_the_file() {
    let email_of_length = |len: u32| TableDdl {
        create: Table::create()
            .table(Alias::new("users"))
            .col(id())
            .col(
                ColumnDef::new(Alias::new("email"))
                    .string_len(len)
                    .not_null(),
            )
            .col(ColumnDef::new(Alias::new("notes")).text().null())
            .to_owned(),
        indexes: vec![],
    };
    let err = plan_between(&[users()], &[email_of_length(32)], &Options::default()).unwrap_err();
    assert!(
        matches!(&err, GenerateError::Destructive(lost) if lost[0].contains("users.email: character varying(64) → character varying(32)")),
        "{err}"
    );
    // Widening loses nothing: no consent needed.
    assert!(plan_between(&[users()], &[email_of_length(128)], &Options::default()).is_ok());

    let err = plan_between(
        &[users(), reports(ForeignKeyAction::SetNull)],
        &[users()],
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(
        err,
        GenerateError::Destructive(vec!["table reports and every row in it".into()])
    );
    let plan = plan_between(
        &[users(), reports(ForeignKeyAction::SetNull)],
        &[users()],
        &destructive(),
    )
    .unwrap();
    assert_eq!(plan.data_loss, ["table reports and every row in it"]);
}

#[test]
fn tables_are_created_before_the_keys_that_reference_them_and_dropped_after() {
    let plan = plan_between(
        &[],
        &[reports(ForeignKeyAction::SetNull), users()],
        &Options::default(),
    )
    .unwrap();
    let created: Vec<&str> = plan
        .up
        .iter()
        .map(|s| match s {
            Step::CreateTable(t) => t.name.as_str(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(created, ["users", "reports"]);
    assert_eq!(
        plan.down,
        [
            Step::DropTable("reports".into()),
            Step::DropTable("users".into())
        ]
    );
}

fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.rs"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    assert_eq!(actual, expected, "{name}: the renderer's output changed");
}

fn rendered(message: &str, plan: &migration_generator::MigrationPlan) -> String {
    render::migration_file(
        &render::Header {
            message,
            compared_with: "the existing migrations replayed on Postgres",
            waivers: &[],
        },
        plan,
    )
}

#[test]
fn golden_added_columns_and_an_index_on_an_existing_table() {
    let mut after = with_column(
        with_column(
            users(),
            ColumnDef::new(Alias::new("nickname"))
                .string_len(40)
                .null()
                .to_owned(),
        ),
        ColumnDef::new(Alias::new("active"))
            .boolean()
            .not_null()
            .default(true)
            .to_owned(),
    );
    after.indexes.push(
        Index::create()
            .name("whatever")
            .table(Alias::new("users"))
            .col(Alias::new("email"))
            .unique()
            .to_owned(),
    );
    let plan = plan_between(&[users()], &[after], &Options::default()).unwrap();
    golden(
        "add_columns_and_index",
        &rendered("add nickname and active to users", &plan),
    );
}

#[test]
fn golden_a_new_table_with_a_foreign_key_and_a_dropped_one() {
    let mut legacy = users();
    legacy.create.table(Alias::new("legacy_notes"));
    let plan = plan_between(
        &[users(), legacy],
        &[users(), reports(ForeignKeyAction::SetNull)],
        &destructive(),
    )
    .unwrap();
    golden(
        "new_table_and_dropped_table",
        &rendered("add reports, drop legacy notes", &plan),
    );
}

#[test]
fn golden_a_rule_change_a_widened_type_and_a_new_default() {
    let mut after = reports(ForeignKeyAction::Cascade);
    after.create = Table::create()
        .table(Alias::new("reports"))
        .col(id())
        .col(ColumnDef::new(Alias::new("user_id")).uuid().null())
        .col(
            ColumnDef::new(Alias::new("title"))
                .text()
                .not_null()
                .default(Expr::val("untitled")),
        )
        .foreign_key(
            ForeignKey::create()
                .name("fk_reports_user_id")
                .from(Alias::new("reports"), Alias::new("user_id"))
                .to(Alias::new("users"), Alias::new("id"))
                .on_delete(ForeignKeyAction::Cascade)
                .on_update(ForeignKeyAction::Cascade),
        )
        .to_owned();
    let mut before = reports(ForeignKeyAction::SetNull);
    before.create.col(
        ColumnDef::new(Alias::new("title"))
            .string_len(80)
            .not_null(),
    );
    let plan = plan_between(&[users(), before], &[users(), after], &Options::default()).unwrap();
    golden(
        "rule_type_and_default",
        &rendered("cascade reports with users", &plan),
    );
}

#[test]
fn a_type_the_builder_cannot_declare_is_refused_rather_than_written_wrong() {
    let after = with_column(
        users(),
        ColumnDef::new(Alias::new("last_ip"))
            .inet()
            .null()
            .to_owned(),
    );
    let err = plan_between(&[users()], &[after], &Options::default()).unwrap_err();
    assert!(
        matches!(&err, GenerateError::Unsupported { place, .. } if place == "users.last_ip"),
        "{err}"
    );
    assert!(err.to_string().contains("generate --empty"), "{err}");
}

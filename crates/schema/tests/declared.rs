//! The rendered schema against its oracle: the same DDL run on a shadow of each real backend
//! and read back. Every spelling `declared::render` claims is exercised here.

use schema_model::declared::{self, Flavour};
use schema_model::{diff, shadow, Schema, SchemaDdl, TableDdl};
use sea_orm::sea_query::{Alias, ColumnDef, ColumnType, Expr, ExprTrait, ForeignKey};
use sea_orm::sea_query::{Index, StringLen, Table};

async fn flavour_of(t: &testkit::TestDb) -> Flavour {
    declared::flavour(&t.db)
        .await
        .unwrap_or_else(|e| panic!("[{}] flavour: {e}", t.name))
        .unwrap_or_else(|| panic!("[{}] the test server's spellings should be known", t.name))
}

/// Rendered and shadow agree column by column (types, nullability, defaults), on keys and
/// checks, and diff empty (which also compares indexes and foreign keys, names aside).
async fn assert_render_matches_shadow(t: &testkit::TestDb, ddl: &SchemaDdl) {
    let n = t.name;
    let rendered =
        declared::render(ddl, flavour_of(t).await).unwrap_or_else(|e| panic!("[{n}] render: {e}"));
    let oracle: Schema = shadow::read(&t.db, &ddl.sql(t.backend()))
        .await
        .unwrap_or_else(|e| panic!("[{n}] shadow: {e}"));
    assert_eq!(
        rendered.tables.keys().collect::<Vec<_>>(),
        oracle.tables.keys().collect::<Vec<_>>(),
        "[{n}]"
    );
    for (name, table) in &rendered.tables {
        let truth = &oracle.tables[name];
        assert_eq!(table.columns, truth.columns, "[{n}] {name}");
        assert_eq!(table.primary_key, truth.primary_key, "[{n}] {name}");
        assert_eq!(table.checks, truth.checks, "[{n}] {name}");
    }
    let changes = diff(&rendered, &oracle);
    assert!(changes.is_empty(), "[{n}] {changes:#?}");
}

#[tokio::test]
async fn the_entities_render_as_each_server_creates_them() {
    for t in testkit::databases().await {
        let ddl = entity::registry::schema_ddl(t.backend());
        assert_render_matches_shadow(&t, &ddl).await;
        t.finish().await;
    }
}

/// One column of each type the renderer knows, with the defaults it knows, and a foreign key
/// with no declared rules and no covering index (MariaDB then adds one of its own).
fn every_known_spelling() -> SchemaDdl {
    let parent = Table::create()
        .table(Alias::new("parent"))
        .col(
            ColumnDef::new(Alias::new("id"))
                .integer()
                .not_null()
                .primary_key(),
        )
        .to_owned();
    let mut child = Table::create();
    child.table(Alias::new("every_type")).col(
        ColumnDef::new(Alias::new("id"))
            .big_integer()
            .not_null()
            .primary_key(),
    );
    let types: Vec<(&str, ColumnType, Option<Expr>)> = vec![
        ("a_char", ColumnType::Char(Some(3)), None),
        (
            "a_string",
            ColumnType::String(StringLen::None),
            Some(Expr::val("new")),
        ),
        (
            "a_varchar",
            ColumnType::String(StringLen::N(40)),
            Some(Expr::val("x y")),
        ),
        ("a_text", ColumnType::Text, Some(Expr::val("hello"))),
        ("a_tiny", ColumnType::TinyInteger, Some(Expr::val(1i8))),
        ("a_small", ColumnType::SmallInteger, Some(Expr::val(7i16))),
        ("an_int", ColumnType::Integer, Some(Expr::val(42))),
        (
            "a_big",
            ColumnType::BigInteger,
            Some(Expr::val(2_000_000_000i64)),
        ),
        ("a_float", ColumnType::Float, None),
        ("a_double", ColumnType::Double, None),
        ("a_decimal", ColumnType::Decimal(Some((12, 2))), None),
        ("a_bool", ColumnType::Boolean, Some(Expr::val(false))),
        ("a_date", ColumnType::Date, None),
        ("a_time", ColumnType::Time, None),
        ("a_datetime", ColumnType::DateTime, None),
        (
            "a_timestamp",
            ColumnType::Timestamp,
            Some(Expr::current_timestamp()),
        ),
        ("a_timestamptz", ColumnType::TimestampWithTimeZone, None),
        ("a_json", ColumnType::Json, None),
        ("a_jsonb", ColumnType::JsonBinary, None),
        ("a_uuid", ColumnType::Uuid, None),
        ("a_blob", ColumnType::Blob, None),
    ];
    for (i, (name, column_type, default)) in types.into_iter().enumerate() {
        let mut column = ColumnDef::new_with_type(Alias::new(name), column_type);
        // Alternate NOT NULL, NULL and unspecified.
        match i % 3 {
            0 => column.not_null(),
            1 => column.null(),
            _ => &mut column,
        };
        if let Some(default) = default {
            column.default(default);
        }
        child.col(column);
    }
    child
        .col(
            ColumnDef::new(Alias::new("code"))
                .string_len(16)
                .not_null()
                .unique_key(),
        )
        .col(ColumnDef::new(Alias::new("parent_id")).integer())
        .foreign_key(
            ForeignKey::create()
                .name("fk_every_type_parent")
                .from(Alias::new("every_type"), Alias::new("parent_id"))
                .to(Alias::new("parent"), Alias::new("id")),
        );
    let index = Index::create()
        .name("idx_every_type_pair")
        .table(Alias::new("every_type"))
        .col(Alias::new("an_int"))
        .col(Alias::new("a_varchar"))
        .unique()
        .to_owned();
    SchemaDdl {
        tables: vec![
            TableDdl {
                create: parent,
                indexes: vec![],
            },
            TableDdl {
                create: child.to_owned(),
                indexes: vec![index],
            },
        ],
        ..Default::default()
    }
}

#[tokio::test]
async fn every_known_type_and_default_renders_as_each_server_creates_it() {
    for t in testkit::databases().await {
        assert_render_matches_shadow(&t, &every_known_spelling()).await;
        t.finish().await;
    }
}

#[tokio::test]
async fn an_unknown_spelling_is_refused_and_read_falls_back_to_the_shadow() {
    for t in testkit::databases().await {
        let n = t.name;
        let flavour = flavour_of(&t).await;
        let mut ddl = every_known_spelling();
        // A default expression the renderer cannot know the catalog's text of.
        ddl.tables[0].create.col(
            ColumnDef::new(Alias::new("doubled"))
                .integer()
                .default(Expr::val(2).mul(3)),
        );
        let refused = declared::render(&ddl, flavour).expect_err("an expression default");
        assert_eq!(refused.place, "parent.doubled", "[{n}] {refused}");
        let read = declared::read(&t.db, &ddl)
            .await
            .unwrap_or_else(|e| panic!("[{n}] read: {e}"));
        let oracle = shadow::read(&t.db, &ddl.sql(t.backend())).await.unwrap();
        assert_eq!(read, oracle, "[{n}]");
        assert!(
            read.tables["parent"]
                .column("doubled")
                .is_some_and(|c| c.default.is_some()),
            "[{n}] {:?}",
            read.tables["parent"]
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn a_foreign_key_without_rules_gets_each_servers_default_rule() {
    for t in testkit::databases().await {
        let rendered = declared::render(&every_known_spelling(), flavour_of(&t).await).unwrap();
        let fk = &rendered.tables["every_type"].foreign_keys[0];
        let expected = match t.backend() {
            sea_orm::DbBackend::MySql => schema_model::ReferentialAction::Restrict,
            _ => schema_model::ReferentialAction::NoAction,
        };
        assert_eq!(
            (fk.on_delete, fk.on_update),
            (expected, expected),
            "[{}]",
            t.name
        );
        t.finish().await;
    }
}

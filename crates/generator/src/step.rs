//! One step of a generated migration, and its two forms: run now on a `SchemaManager` (how
//! `generate` verifies the migration before writing it) and written out as the Rust the
//! migration file contains. Both forms are built from the same data, step by step.

use crate::spec::{ColumnSpec, ForeignKeySpec, IndexSpec, TableSpec};
use migration::schema_change;
use migration::sea_orm_migration::prelude::*;
use schema_model::ReferentialAction;
use sea_orm::sea_query::{ColumnType, StringLen};
use std::fmt::Write;

#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// The table with its primary key and foreign keys, then its indexes.
    CreateTable(TableSpec),
    DropTable(String),
    RenameTable {
        from: String,
        to: String,
    },
    AddColumn {
        table: String,
        column: ColumnSpec,
    },
    DropColumn {
        table: String,
        column: String,
    },
    RenameColumn {
        table: String,
        from: String,
        to: String,
    },
    /// Type, nullability and default at once (PostgreSQL and MySQL); `retype`: the type
    /// changes, which PostgreSQL must be told how to cast.
    AlterColumn {
        table: String,
        column: ColumnSpec,
        drop_default: bool,
        retype: bool,
    },
    /// A condition the rows must meet for the steps after it, checked before any schema
    /// change so that a migration that cannot apply stops with nothing done (MySQL cannot
    /// roll DDL back) and says which rows are in the way.
    Require {
        table: String,
        requirement: Requirement,
    },
    /// The NULLs of a column about to become NOT NULL get `value` (`--backfill`).
    FillNulls {
        table: String,
        column: String,
        value: Expr,
    },
    /// PostgreSQL and MySQL: another primary key.
    ReplacePrimaryKey {
        table: String,
        columns: Vec<String>,
    },
    /// PostgreSQL and MySQL: the default that filled a new required column goes again.
    DropDefault {
        table: String,
        column: String,
    },
    /// On a table that already exists: skipped when an index of that name is there, so that it
    /// can be built beforehand with `CREATE INDEX CONCURRENTLY`.
    CreateIndex {
        table: String,
        index: IndexSpec,
    },
    /// An index with an access method ([`IndexSpec::using`]): PostgreSQL only.
    DropIndexUsing {
        table: String,
        name: String,
    },
    /// `constraint`: the index of a UNIQUE constraint, dropped with the constraint (found by
    /// its columns, as each backend names a UNIQUE column's constraint its own way).
    DropIndex {
        table: String,
        name: String,
        columns: Vec<String>,
        constraint: bool,
    },
    /// MySQL only: the index a foreign key needs there, made if missing (see
    /// [`crate::plan`]'s `mysql_key_cover`).
    CreateKeyIndex {
        table: String,
        name: String,
        columns: Vec<String>,
    },
    /// MySQL only: a foreign key's own index (the one over exactly its columns), dropped if it
    /// is there.
    DropKeyIndex {
        table: String,
        name: String,
        columns: Vec<String>,
    },
    AddForeignKey {
        table: String,
        foreign_key: ForeignKeySpec,
    },
    /// Found by its columns where the name differs (`name` is the fallback).
    DropForeignKey {
        table: String,
        name: String,
        columns: Vec<String>,
    },
    /// PostgreSQL and MySQL (SQLite rebuilds the table).
    DropCheck {
        table: String,
        name: String,
    },
    AddCheck {
        table: String,
        name: String,
        expression: String,
    },
    /// pgvector, before the first `vector(n)` column: used wherever it is installed, created if
    /// missing, refused with the fix where the server lacks it (PostgreSQL only).
    RequirePgvector,
    /// PostgreSQL: a column of numbers' arrays (`real[]`, a database made elsewhere) becomes
    /// `vector(dimensions)` through pgvector's cast, every row checked first
    /// (`array_to_vector`). Nothing elsewhere: vectors are bytes there.
    ArrayToVector {
        table: String,
        column: String,
        dimensions: u32,
    },
    /// PostgreSQL: the way back, from `vector` to `sql_type` (`vector_to`).
    VectorTo {
        table: String,
        column: String,
        sql_type: String,
    },
    /// PostgreSQL's native enum types (which only a database made elsewhere has).
    CreateEnum {
        name: String,
        labels: Vec<String>,
    },
    DropEnum(String),
    /// SQLite: the table rebuilt into `table`, each `(new, old)` column pair copied.
    Rebuild {
        table: TableSpec,
        copy: Vec<(String, String)>,
    },
    /// `step`, run only where `object` is there (`present`) or is not: a migration planned
    /// from a live database (`--against-live`) also runs on a database built from the
    /// history, which may lack what was made by hand there, or have what was removed.
    Guarded {
        object: Object,
        present: bool,
        step: Box<Step>,
    },
    /// Steps that differ on SQLite, which changes columns and keys by rebuilding the table.
    PerBackend {
        sqlite: Vec<Step>,
        other: Vec<Step>,
    },
    /// On PostgreSQL, the online form of a change to a table that holds rows (the migration
    /// then runs online, see `migration::online`); elsewhere `other`, as it was.
    Online {
        online: OnlineChange,
        other: Box<Step>,
    },
}

/// What a [`Step::Online`] does on PostgreSQL (`migration::schema_change::online`).
#[derive(Debug, Clone, PartialEq)]
pub enum OnlineChange {
    Index {
        table: String,
        index: IndexSpec,
    },
    Unique {
        table: String,
        name: String,
        columns: Vec<String>,
    },
    ForeignKey {
        table: String,
        foreign_key: ForeignKeySpec,
    },
    NotNull {
        table: String,
        column: String,
    },
}

impl OnlineChange {
    async fn apply(&self, manager: &SchemaManager<'_>) -> Result<(), DbErr> {
        match self {
            OnlineChange::Index { table, index: i } => match &i.using {
                Some(using) => create_index_using(manager, table, i, using, true).await,
                None => schema_change::create_index_concurrently(manager, index(table, i)).await,
            },
            OnlineChange::Unique {
                table,
                name,
                columns,
            } => schema_change::add_unique_using_index(manager, table, name, &strs(columns)).await,
            OnlineChange::ForeignKey {
                table,
                foreign_key: fk,
            } => {
                schema_change::add_foreign_key_not_valid(
                    manager,
                    table,
                    &fk.name,
                    foreign_key(table, fk),
                )
                .await
            }
            OnlineChange::NotNull { table, column } => {
                schema_change::set_not_null_through_check(manager, table, column).await
            }
        }
    }

    fn code(&self, indent: &str) -> String {
        match self {
            OnlineChange::Index { table, index: i } => match &i.using {
                Some(using) => format!("{indent}{}\n", index_using_code(table, i, using, true)),
                None => format!(
                    "{indent}create_index_concurrently(manager, {}).await?;\n",
                    index_code(table, i)
                ),
            },
            OnlineChange::Unique { table, name, columns } => format!(
                "{indent}add_unique_using_index(manager, {table:?}, {name:?}, &{columns:?}).await?;\n"
            ),
            OnlineChange::ForeignKey { table, foreign_key } => format!(
                "{indent}add_foreign_key_not_valid(manager, {table:?}, {:?}, {}.to_owned()).await?;\n",
                foreign_key.name,
                foreign_key_code(table, foreign_key)
            ),
            OnlineChange::NotNull { table, column } => format!(
                "{indent}set_not_null_through_check(manager, {table:?}, {column:?}).await?;\n"
            ),
        }
    }
}

/// What a [`Step::Guarded`] looks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Object {
    Table(String),
    Column { table: String, column: String },
    Index { table: String, name: String },
    Unique { table: String, columns: Vec<String> },
    ForeignKey { table: String, columns: Vec<String> },
    Check { table: String, name: String },
}

impl Object {
    async fn exists(&self, manager: &SchemaManager<'_>) -> Result<Option<bool>, DbErr> {
        match self {
            Object::Table(table) => schema_change::has_table(manager, table).await,
            Object::Column { table, column } => {
                schema_change::has_column(manager, table, column).await
            }
            Object::Index { table, name } => schema_change::has_index(manager, table, name).await,
            Object::Unique { table, columns } => {
                schema_change::has_unique(manager, table, &strs(columns)).await
            }
            Object::ForeignKey { table, columns } => {
                schema_change::has_foreign_key(manager, table, &strs(columns)).await
            }
            Object::Check { table, name } => schema_change::has_check(manager, table, name).await,
        }
    }

    fn code(&self) -> String {
        match self {
            Object::Table(table) => format!("has_table(manager, {table:?})"),
            Object::Column { table, column } => {
                format!("has_column(manager, {table:?}, {column:?})")
            }
            Object::Index { table, name } => format!("has_index(manager, {table:?}, {name:?})"),
            Object::Unique { table, columns } => {
                format!("has_unique(manager, {table:?}, &{columns:?})")
            }
            Object::ForeignKey { table, columns } => {
                format!("has_foreign_key(manager, {table:?}, &{columns:?})")
            }
            Object::Check { table, name } => format!("has_check(manager, {table:?}, {name:?})"),
        }
    }
}

/// What [`Step::Require`] checks of the rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Requirement {
    NoNulls(String),
    /// The column is added NOT NULL with no value that fits every row.
    NoRows(String),
    Unique(Vec<String>),
    References {
        columns: Vec<String>,
        ref_table: String,
        ref_columns: Vec<String>,
    },
    MaxLength {
        column: String,
        max: u32,
    },
}

fn strs(list: &[String]) -> Vec<&str> {
    list.iter().map(String::as_str).collect()
}

fn alias(name: &str) -> Alias {
    Alias::new(name)
}

fn action(rule: ReferentialAction) -> ForeignKeyAction {
    match rule {
        ReferentialAction::NoAction => ForeignKeyAction::NoAction,
        ReferentialAction::Restrict => ForeignKeyAction::Restrict,
        ReferentialAction::Cascade => ForeignKeyAction::Cascade,
        ReferentialAction::SetNull => ForeignKeyAction::SetNull,
        ReferentialAction::SetDefault => ForeignKeyAction::SetDefault,
    }
}

fn action_code(rule: ReferentialAction) -> &'static str {
    match rule {
        ReferentialAction::NoAction => "ForeignKeyAction::NoAction",
        ReferentialAction::Restrict => "ForeignKeyAction::Restrict",
        ReferentialAction::Cascade => "ForeignKeyAction::Cascade",
        ReferentialAction::SetNull => "ForeignKeyAction::SetNull",
        ReferentialAction::SetDefault => "ForeignKeyAction::SetDefault",
    }
}

/// The `ColumnDef` builder call for a type, or `None` for a type no builder call declares.
pub fn type_code(ty: &ColumnType) -> Option<String> {
    Some(match ty {
        ColumnType::Char(Some(n)) => format!("char_len({n})"),
        ColumnType::Char(None) => "char()".into(),
        ColumnType::String(StringLen::N(n)) => format!("string_len({n})"),
        ColumnType::String(StringLen::None) => "string()".into(),
        ColumnType::Text => "text()".into(),
        ColumnType::TinyInteger => "tiny_integer()".into(),
        ColumnType::SmallInteger => "small_integer()".into(),
        ColumnType::Integer => "integer()".into(),
        ColumnType::BigInteger => "big_integer()".into(),
        ColumnType::Float => "float()".into(),
        ColumnType::Double => "double()".into(),
        ColumnType::Decimal(Some((p, s))) => format!("decimal_len({p}, {s})"),
        ColumnType::Decimal(None) => "decimal()".into(),
        ColumnType::Boolean => "boolean()".into(),
        ColumnType::Date => "date()".into(),
        ColumnType::Time => "time()".into(),
        ColumnType::DateTime => "date_time()".into(),
        ColumnType::Timestamp => "timestamp()".into(),
        ColumnType::TimestampWithTimeZone => "timestamp_with_time_zone()".into(),
        ColumnType::Json => "json()".into(),
        ColumnType::JsonBinary => "json_binary()".into(),
        ColumnType::Uuid => "uuid()".into(),
        ColumnType::Blob => "blob()".into(),
        // pgvector's `vector(n)` on PostgreSQL; little-endian f32 bytes (a BLOB) elsewhere.
        ColumnType::Vector(Some(n)) => format!("vector(Some({n}))"),
        ColumnType::Binary(n) => format!("binary_len({n})"),
        ColumnType::VarBinary(StringLen::N(n)) => format!("var_binary({n})"),
        ColumnType::Custom(name) => format!("custom(Alias::new({:?}))", name.to_string()),
        _ => return None,
    })
}

/// The Rust of a default expression, or `None` for one the generator does not write.
pub fn default_code(expr: &Expr) -> Option<String> {
    let value = match expr {
        Expr::Keyword(Keyword::CurrentTimestamp) => {
            return Some("Expr::current_timestamp()".into())
        }
        Expr::Value(v) | Expr::Constant(v) => v,
        _ => return None,
    };
    Some(match value {
        Value::Bool(Some(b)) => b.to_string(),
        Value::TinyInt(Some(n)) => n.to_string(),
        Value::SmallInt(Some(n)) => n.to_string(),
        Value::Int(Some(n)) => n.to_string(),
        Value::BigInt(Some(n)) => format!("{n}i64"),
        Value::String(Some(s)) => format!("{s:?}"),
        _ => return None,
    })
}

fn column_def(c: &ColumnSpec) -> ColumnDef {
    let mut def = ColumnDef::new_with_type(alias(&c.name), c.ty.clone());
    if c.nullable {
        def.null();
    } else {
        def.not_null();
    }
    if let Some(d) = &c.default {
        def.default(d.clone());
    }
    def
}

fn column_code(c: &ColumnSpec) -> String {
    let mut code = format!(
        "ColumnDef::new(Alias::new({:?})).{}",
        c.name,
        type_code(&c.ty).unwrap_or_else(|| "unsupported()".into())
    );
    code.push_str(if c.nullable { ".null()" } else { ".not_null()" });
    if let Some(d) = c.default.as_ref().and_then(default_code) {
        let _ = write!(code, ".default({d})");
    }
    code
}

fn foreign_key(table: &str, fk: &ForeignKeySpec) -> ForeignKeyCreateStatement {
    let mut create = ForeignKey::create();
    create
        .name(&fk.name)
        .from_tbl(alias(table))
        .to_tbl(alias(&fk.ref_table))
        .on_delete(action(fk.on_delete))
        .on_update(action(fk.on_update));
    for (from, to) in fk.columns.iter().zip(&fk.ref_columns) {
        create.from_col(alias(from)).to_col(alias(to));
    }
    create
}

fn foreign_key_code(table: &str, fk: &ForeignKeySpec) -> String {
    let mut code = format!(
        "ForeignKey::create().name({:?}).from_tbl(Alias::new({table:?})).to_tbl(Alias::new({:?}))",
        fk.name, fk.ref_table
    );
    for (from, to) in fk.columns.iter().zip(&fk.ref_columns) {
        let _ = write!(
            code,
            ".from_col(Alias::new({from:?})).to_col(Alias::new({to:?}))"
        );
    }
    let _ = write!(
        code,
        ".on_delete({}).on_update({})",
        action_code(fk.on_delete),
        action_code(fk.on_update)
    );
    code
}

fn index(table: &str, index: &IndexSpec) -> IndexCreateStatement {
    let mut create = Index::create();
    create.name(&index.name).table(alias(table));
    for column in &index.columns {
        create.col(alias(column));
    }
    if index.unique {
        create.unique();
    }
    create
}

fn index_code(table: &str, index: &IndexSpec) -> String {
    let mut code = format!(
        "Index::create().name({:?}).table(Alias::new({table:?}))",
        index.name
    );
    for column in &index.columns {
        let _ = write!(code, ".col(Alias::new({column:?}))");
    }
    if index.unique {
        code.push_str(".unique()");
    }
    code.push_str(".to_owned()");
    code
}

fn create_table(t: &TableSpec) -> TableCreateStatement {
    let mut create = Table::create();
    create.table(alias(&t.name));
    for c in &t.columns {
        create.col(column_def(c));
    }
    if !t.primary_key.is_empty() {
        let mut pk = Index::create();
        for column in &t.primary_key {
            pk.col(alias(column));
        }
        create.primary_key(&mut pk);
    }
    for fk in &t.foreign_keys {
        create.foreign_key(&mut foreign_key(&t.name, fk));
    }
    for i in t.indexes.iter().filter(|i| i.constraint) {
        create.index(&mut index(&t.name, i));
    }
    for c in &t.checks {
        create.check(Check::named(
            alias(&c.name),
            Expr::cust(c.expression.clone()),
        ));
    }
    create
}

/// The indexes of `t` made by `CREATE INDEX` after the table (its UNIQUE constraints are part
/// of `CREATE TABLE`; those with an access method are [`indexes_using`]).
fn separate_indexes(t: &TableSpec) -> impl Iterator<Item = &IndexSpec> {
    t.indexes
        .iter()
        .filter(|i| !i.constraint && i.using.is_none())
}

/// The indexes of `t` with an access method: PostgreSQL only (nothing on SQLite's rebuild).
fn indexes_using(t: &TableSpec) -> impl Iterator<Item = (&IndexSpec, &crate::spec::IndexMethod)> {
    t.indexes
        .iter()
        .filter_map(|i| i.using.as_ref().map(|using| (i, using)))
}

fn create_table_code(t: &TableSpec, indent: &str) -> String {
    let mut code = format!(
        "Table::create()\n{indent}    .table(Alias::new({:?}))",
        t.name
    );
    for c in &t.columns {
        let _ = write!(code, "\n{indent}    .col({})", column_code(c));
    }
    if !t.primary_key.is_empty() {
        let columns: Vec<String> = t
            .primary_key
            .iter()
            .map(|c| format!(".col(Alias::new({c:?}))"))
            .collect();
        let _ = write!(
            code,
            "\n{indent}    .primary_key(Index::create(){})",
            columns.concat()
        );
    }
    for fk in &t.foreign_keys {
        let _ = write!(
            code,
            "\n{indent}    .foreign_key({})",
            foreign_key_code(&t.name, fk)
        );
    }
    for i in t.indexes.iter().filter(|i| i.constraint) {
        let _ = write!(
            code,
            "\n{indent}    .index(&mut {})",
            index_code(&t.name, i)
        );
    }
    for c in &t.checks {
        let _ = write!(
            code,
            "\n{indent}    .check(Check::named(Alias::new({:?}), Expr::cust({:?})))",
            c.name, c.expression
        );
    }
    let _ = write!(code, "\n{indent}    .to_owned()");
    code
}

/// A table as the `CREATE` statements a migration runs: the table, then its indexes (those
/// with an access method go to [`schema_ddl`]'s PostgreSQL part).
pub fn table_ddl(t: &TableSpec) -> schema_model::TableDdl {
    schema_model::TableDdl {
        create: create_table(t),
        indexes: separate_indexes(t).map(|i| index(&t.name, i)).collect(),
    }
}

/// Tables as the DDL a migration runs, with what only PostgreSQL holds: indexes with an access
/// method, and pgvector for `vector(n)` columns.
pub fn schema_ddl(tables: &[TableSpec]) -> schema_model::SchemaDdl {
    let mut ddl = schema_model::SchemaDdl {
        tables: tables.iter().map(table_ddl).collect(),
        ..Default::default()
    };
    for t in tables {
        for i in t.indexes.iter() {
            if let Some(using) = &i.using {
                ddl.postgres.indexes.push((
                    t.name.clone(),
                    schema_model::Index {
                        name: i.name.clone(),
                        columns: i.columns.clone(),
                        unique: i.unique,
                        method: Some(using.method.clone()),
                        opclasses: using.opclasses.clone(),
                        with: using.with.clone(),
                        ..Default::default()
                    },
                ));
            }
        }
    }
    let vectors = tables
        .iter()
        .flat_map(|t| &t.columns)
        .any(|c| matches!(c.ty, ColumnType::Vector(_)));
    if vectors {
        ddl.postgres.extensions.push("vector".into());
    }
    ddl
}

/// `create_index_using(…)` for an index with an access method, as code.
fn index_using_code(
    table: &str,
    i: &IndexSpec,
    using: &crate::spec::IndexMethod,
    concurrently: bool,
) -> String {
    format!(
        "create_index_using(manager, None, &IndexUsing {{ table: {table:?}, name: {:?}, columns: &{:?}, opclasses: &{:?}, method: {:?}, with: &{:?}, concurrently: {concurrently} }}).await?;",
        i.name, i.columns, using.opclasses, using.method, using.with
    )
}

/// Runs what [`index_using_code`] writes.
async fn create_index_using(
    manager: &SchemaManager<'_>,
    table: &str,
    i: &IndexSpec,
    using: &crate::spec::IndexMethod,
    concurrently: bool,
) -> Result<(), DbErr> {
    schema_change::create_index_using(
        manager,
        None,
        &schema_change::IndexUsing {
            table,
            name: &i.name,
            columns: &strs(&i.columns),
            opclasses: &strs(&using.opclasses),
            method: &using.method,
            with: &strs(&using.with),
            concurrently,
        },
    )
    .await
}

impl Step {
    /// Runs the step through the same calls the written migration makes.
    pub async fn apply(&self, manager: &SchemaManager<'_>) -> Result<(), DbErr> {
        match self {
            Step::CreateTable(t) => {
                manager.create_table(create_table(t)).await?;
                for i in separate_indexes(t) {
                    manager.create_index(index(&t.name, i)).await?;
                }
                for (i, using) in indexes_using(t) {
                    create_index_using(manager, &t.name, i, using, false).await?;
                }
            }
            Step::DropTable(t) => {
                manager
                    .drop_table(Table::drop().table(alias(t)).to_owned())
                    .await?
            }
            Step::RenameTable { from, to } => {
                manager
                    .rename_table(Table::rename().table(alias(from), alias(to)).to_owned())
                    .await?
            }
            Step::AddColumn { table, column } => {
                manager
                    .alter_table(
                        Table::alter()
                            .table(alias(table))
                            .add_column(column_def(column))
                            .to_owned(),
                    )
                    .await?
            }
            Step::DropColumn { table, column } => {
                manager
                    .alter_table(
                        Table::alter()
                            .table(alias(table))
                            .drop_column(alias(column))
                            .to_owned(),
                    )
                    .await?
            }
            Step::RenameColumn { table, from, to } => {
                manager
                    .alter_table(
                        Table::alter()
                            .table(alias(table))
                            .rename_column(alias(from), alias(to))
                            .to_owned(),
                    )
                    .await?
            }
            Step::AlterColumn {
                table,
                column,
                drop_default,
                retype,
            } => {
                if *retype {
                    schema_change::cast_column(manager, table, column_def(column)).await?;
                }
                manager
                    .alter_table(
                        Table::alter()
                            .table(alias(table))
                            .modify_column(column_def(column))
                            .to_owned(),
                    )
                    .await?;
                if *drop_default {
                    schema_change::drop_default(manager, table, &column.name).await?;
                }
            }
            Step::DropDefault { table, column } => {
                schema_change::drop_default(manager, table, column).await?
            }
            Step::DropCheck { table, name } => {
                schema_change::drop_check(manager, table, name).await?
            }
            Step::AddCheck {
                table,
                name,
                expression,
            } => schema_change::add_check(manager, table, name, expression).await?,
            Step::CreateEnum { name, labels } => {
                schema_change::create_enum(manager, name, &strs(labels)).await?
            }
            Step::DropEnum(name) => schema_change::drop_enum(manager, name).await?,
            Step::Require { table, requirement } => match requirement {
                Requirement::NoNulls(column) => {
                    schema_change::require_no_nulls(manager, table, column).await?
                }
                Requirement::NoRows(column) => {
                    schema_change::require_no_rows(manager, table, column).await?
                }
                Requirement::Unique(columns) => {
                    schema_change::require_unique(manager, table, &strs(columns)).await?
                }
                Requirement::References {
                    columns,
                    ref_table,
                    ref_columns,
                } => {
                    schema_change::require_references(
                        manager,
                        table,
                        &strs(columns),
                        ref_table,
                        &strs(ref_columns),
                    )
                    .await?
                }
                Requirement::MaxLength { column, max } => {
                    schema_change::require_max_length(manager, table, column, *max).await?
                }
            },
            Step::FillNulls {
                table,
                column,
                value,
            } => schema_change::fill_nulls(manager, table, column, value.clone()).await?,
            Step::ReplacePrimaryKey { table, columns } => {
                let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
                schema_change::replace_primary_key(manager, table, &columns).await?
            }
            Step::CreateIndex { table, index: i } if i.constraint => {
                let columns: Vec<&str> = i.columns.iter().map(String::as_str).collect();
                schema_change::add_unique_constraint(manager, table, &i.name, &columns).await?
            }
            Step::CreateIndex { table, index: i } => match &i.using {
                Some(using) => create_index_using(manager, table, i, using, false).await?,
                None => {
                    schema_change::create_index_if_missing(manager, table, &i.name, index(table, i))
                        .await?
                }
            },
            Step::DropIndexUsing { name, .. } => {
                schema_change::drop_index_using(manager, name).await?
            }
            Step::RequirePgvector => {
                schema_change::require_pgvector(manager).await?;
            }
            Step::ArrayToVector {
                table,
                column,
                dimensions,
            } => schema_change::array_to_vector(manager, table, column, *dimensions).await?,
            Step::VectorTo {
                table,
                column,
                sql_type,
            } => schema_change::vector_to(manager, table, column, sql_type).await?,
            Step::DropIndex {
                table,
                name,
                columns,
                constraint: true,
            } => {
                schema_change::drop_unique_constraint(manager, table, name, &strs(columns)).await?
            }
            Step::CreateKeyIndex {
                table,
                name,
                columns,
            } => schema_change::create_key_index(manager, table, name, &strs(columns)).await?,
            Step::DropKeyIndex {
                table,
                name,
                columns,
            } => schema_change::drop_key_index(manager, table, name, &strs(columns)).await?,
            Step::DropIndex { table, name, .. } => {
                manager
                    .drop_index(Index::drop().name(name).table(alias(table)).to_owned())
                    .await?
            }
            Step::AddForeignKey {
                table,
                foreign_key: fk,
            } => manager.create_foreign_key(foreign_key(table, fk)).await?,
            Step::DropForeignKey {
                table,
                name,
                columns,
            } => schema_change::drop_foreign_key_on(manager, table, name, &strs(columns)).await?,
            Step::Rebuild { table, copy } => {
                let pairs: Vec<(&str, &str)> =
                    copy.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
                let indexes = separate_indexes(table)
                    .map(|i| index(&table.name, i))
                    .collect();
                schema_change::rebuild_sqlite_table(manager, create_table(table), &pairs, indexes)
                    .await?
            }
            Step::Guarded {
                object,
                present,
                step,
            } => {
                // Unknown (`--sql` records without a database): the step is shown.
                if object.exists(manager).await? != Some(!*present) {
                    Box::pin(step.apply(manager)).await?;
                }
            }
            Step::PerBackend { sqlite, other } => {
                let steps = if schema_change::is_sqlite(manager) {
                    sqlite
                } else {
                    other
                };
                for step in steps {
                    Box::pin(step.apply(manager)).await?;
                }
            }
            Step::Online { online, other } => {
                if schema_change::is_postgres(manager) {
                    online.apply(manager).await?
                } else {
                    Box::pin(other.apply(manager)).await?
                }
            }
        }
        Ok(())
    }

    /// Whether this step takes an online form on PostgreSQL (its migration then runs online).
    pub fn is_online(&self) -> bool {
        match self {
            Step::Online { .. } => true,
            Step::PerBackend { other, .. } => other.iter().any(Step::is_online),
            _ => false,
        }
    }

    /// Whether on PostgreSQL this step only sends statements, reading nothing: what a step of
    /// an online migration must do, whose statements are recorded, counted and resumed.
    pub fn is_plain_on_postgres(&self) -> bool {
        match self {
            Step::CreateTable(_)
            | Step::DropTable(_)
            | Step::RenameTable { .. }
            | Step::AddColumn { .. }
            | Step::DropColumn { .. }
            | Step::RenameColumn { .. }
            | Step::FillNulls { .. }
            | Step::DropIndex {
                constraint: false, ..
            }
            | Step::AddForeignKey { .. }
            | Step::AddCheck { .. }
            | Step::AlterColumn { .. }
            | Step::DropDefault { .. }
            | Step::Require { .. }
            | Step::DropIndexUsing { .. }
            | Step::Online { .. } => true,
            // They read the column's type (skipped where it is already converted).
            Step::ArrayToVector { .. } | Step::VectorTo { .. } => false,
            Step::PerBackend { other, .. } => other.iter().all(Step::is_plain_on_postgres),
            _ => false,
        }
    }

    /// The Rust statements of this step inside `up` or `down`, indented by `indent`.
    pub fn code(&self, indent: &str) -> String {
        let m = |call: String| format!("{indent}manager.{call}.await?;\n");
        match self {
            Step::CreateTable(t) => {
                let mut code = m(format!(
                    "create_table(\n{indent}    {},\n{indent})",
                    create_table_code(t, &format!("{indent}    "))
                ));
                for i in separate_indexes(t) {
                    code.push_str(&m(format!("create_index({})", index_code(&t.name, i))));
                }
                for (i, using) in indexes_using(t) {
                    let _ = writeln!(code, "{indent}{}", index_using_code(&t.name, i, using, false));
                }
                code
            }
            Step::DropTable(t) => m(format!(
                "drop_table(Table::drop().table(Alias::new({t:?})).to_owned())"
            )),
            Step::RenameTable { from, to } => m(format!(
                "rename_table(Table::rename().table(Alias::new({from:?}), Alias::new({to:?})).to_owned())"
            )),
            Step::AddColumn { table, column } => m(format!(
                "alter_table(\n{indent}    Table::alter()\n{indent}        .table(Alias::new({table:?}))\n{indent}        .add_column({})\n{indent}        .to_owned(),\n{indent})",
                column_code(column)
            )),
            Step::DropColumn { table, column } => m(format!(
                "alter_table(\n{indent}    Table::alter()\n{indent}        .table(Alias::new({table:?}))\n{indent}        .drop_column(Alias::new({column:?}))\n{indent}        .to_owned(),\n{indent})"
            )),
            Step::RenameColumn { table, from, to } => m(format!(
                "alter_table(\n{indent}    Table::alter()\n{indent}        .table(Alias::new({table:?}))\n{indent}        .rename_column(Alias::new({from:?}), Alias::new({to:?}))\n{indent}        .to_owned(),\n{indent})"
            )),
            Step::AlterColumn {
                table,
                column,
                drop_default,
                retype,
            } => {
                let mut code = String::new();
                if *retype {
                    let _ = writeln!(
                        code,
                        "{indent}cast_column(manager, {table:?}, {}).await?;",
                        column_code(column)
                    );
                }
                code += &m(format!(
                    "alter_table(\n{indent}    Table::alter()\n{indent}        .table(Alias::new({table:?}))\n{indent}        .modify_column({})\n{indent}        .to_owned(),\n{indent})",
                    column_code(column)
                ));
                if *drop_default {
                    let _ = writeln!(
                        code,
                        "{indent}drop_default(manager, {table:?}, {:?}).await?;",
                        column.name
                    );
                }
                code
            }
            Step::DropDefault { table, column } => {
                format!("{indent}drop_default(manager, {table:?}, {column:?}).await?;\n")
            }
            Step::DropCheck { table, name } => {
                format!("{indent}drop_check(manager, {table:?}, {name:?}).await?;\n")
            }
            Step::AddCheck {
                table,
                name,
                expression,
            } => format!(
                "{indent}add_check(manager, {table:?}, {name:?}, {expression:?}).await?;\n"
            ),
            Step::CreateEnum { name, labels } => {
                format!("{indent}create_enum(manager, {name:?}, &{labels:?}).await?;\n")
            }
            Step::DropEnum(name) => format!("{indent}drop_enum(manager, {name:?}).await?;\n"),
            Step::Require { table, requirement } => match requirement {
                Requirement::NoNulls(column) => {
                    format!("{indent}require_no_nulls(manager, {table:?}, {column:?}).await?;\n")
                }
                Requirement::NoRows(column) => {
                    format!("{indent}require_no_rows(manager, {table:?}, {column:?}).await?;\n")
                }
                Requirement::Unique(columns) => {
                    format!("{indent}require_unique(manager, {table:?}, &{columns:?}).await?;\n")
                }
                Requirement::References {
                    columns,
                    ref_table,
                    ref_columns,
                } => format!(
                    "{indent}require_references(manager, {table:?}, &{columns:?}, {ref_table:?}, &{ref_columns:?}).await?;\n"
                ),
                Requirement::MaxLength { column, max } => format!(
                    "{indent}require_max_length(manager, {table:?}, {column:?}, {max}).await?;\n"
                ),
            },
            Step::FillNulls {
                table,
                column,
                value,
            } => format!(
                "{indent}fill_nulls(manager, {table:?}, {column:?}, {}).await?;\n",
                default_code(value).unwrap_or_else(|| "unsupported()".into())
            ),
            Step::ReplacePrimaryKey { table, columns } => {
                format!("{indent}replace_primary_key(manager, {table:?}, &{columns:?}).await?;\n")
            }
            Step::CreateIndex { table, index: i } if i.constraint => format!(
                "{indent}add_unique_constraint(manager, {table:?}, {:?}, &{:?}).await?;\n",
                i.name, i.columns
            ),
            Step::CreateIndex { table, index: i } => match &i.using {
                Some(using) => format!("{indent}{}\n", index_using_code(table, i, using, false)),
                None => format!(
                    "{indent}create_index_if_missing(manager, {table:?}, {:?}, {}).await?;\n",
                    i.name,
                    index_code(table, i)
                ),
            },
            Step::DropIndexUsing { name, .. } => {
                format!("{indent}drop_index_using(manager, {name:?}).await?;\n")
            }
            Step::RequirePgvector => format!("{indent}require_pgvector(manager).await?;\n"),
            Step::ArrayToVector {
                table,
                column,
                dimensions,
            } => format!(
                "{indent}array_to_vector(manager, {table:?}, {column:?}, {dimensions}).await?;\n"
            ),
            Step::VectorTo {
                table,
                column,
                sql_type,
            } => format!("{indent}vector_to(manager, {table:?}, {column:?}, {sql_type:?}).await?;\n"),
            Step::DropIndex {
                table,
                name,
                columns,
                constraint: true,
            } => format!(
                "{indent}drop_unique_constraint(manager, {table:?}, {name:?}, &{columns:?}).await?;\n"
            ),
            Step::CreateKeyIndex {
                table,
                name,
                columns,
            } => format!(
                "{indent}create_key_index(manager, {table:?}, {name:?}, &{columns:?}).await?;\n"
            ),
            Step::DropKeyIndex {
                table,
                name,
                columns,
            } => format!(
                "{indent}drop_key_index(manager, {table:?}, {name:?}, &{columns:?}).await?;\n"
            ),
            Step::DropIndex { table, name, .. } => m(format!(
                "drop_index(Index::drop().name({name:?}).table(Alias::new({table:?})).to_owned())"
            )),
            Step::AddForeignKey { table, foreign_key } => m(format!(
                "create_foreign_key({}.to_owned())",
                foreign_key_code(table, foreign_key)
            )),
            Step::DropForeignKey {
                table,
                name,
                columns,
            } => format!(
                "{indent}drop_foreign_key_on(manager, {table:?}, {name:?}, &{columns:?}).await?;\n"
            ),
            Step::Rebuild { table, copy } => {
                let pairs: Vec<String> =
                    copy.iter().map(|(a, b)| format!("({a:?}, {b:?})")).collect();
                let indexes: Vec<String> = separate_indexes(table)
                    .map(|i| format!("{indent}        {},\n", index_code(&table.name, i)))
                    .collect();
                format!(
                    "{indent}rebuild_sqlite_table(\n{indent}    manager,\n{indent}    {},\n{indent}    &[{}],\n{indent}    vec![\n{}{indent}    ],\n{indent})\n{indent}.await?;\n",
                    create_table_code(table, &format!("{indent}    ")),
                    pairs.join(", "),
                    indexes.concat()
                )
            }
            Step::Guarded {
                object,
                present,
                step,
            } => format!(
                "{indent}if {}.await? != Some({}) {{\n{}{indent}}}\n",
                object.code(),
                !*present,
                step.code(&format!("{indent}    "))
            ),
            Step::PerBackend { sqlite, other } => {
                let inner = format!("{indent}    ");
                let block = |steps: &[Step]| -> String {
                    steps.iter().map(|s| s.code(&inner)).collect()
                };
                format!(
                    "{indent}if is_sqlite(manager) {{\n{}{indent}}} else {{\n{}{indent}}}\n",
                    block(sqlite),
                    block(other)
                )
            }
            Step::Online { online, other } => {
                let inner = format!("{indent}    ");
                format!(
                    "{indent}if is_postgres(manager) {{\n{}{indent}}} else {{\n{}{indent}}}\n",
                    online.code(&inner),
                    other.code(&inner)
                )
            }
        }
    }
}

/// Steps as a migration that runs now: how `generate` applies (and reverts) what it is about
/// to write, through the real runner, before writing it.
pub struct StepsMigration {
    pub name: String,
    pub up: Vec<Step>,
    pub down: Vec<Step>,
}

impl MigrationName for StepsMigration {
    fn name(&self) -> &str {
        &self.name
    }
}

#[async_trait::async_trait]
impl MigrationTrait for StepsMigration {
    /// Online, as the file written from these steps says (see [`crate::plan::online_forms`]).
    fn use_transaction(&self) -> Option<bool> {
        self.up.iter().any(Step::is_online).then_some(false)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for step in &self.up {
            step.apply(manager).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for step in &self.down {
            step.apply(manager).await?;
        }
        Ok(())
    }
}

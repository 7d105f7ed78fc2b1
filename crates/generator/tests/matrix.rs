//! The generator's matrix: every table × every edit the entities can express × every backend,
//! generated from the entities rather than picked by hand.
//!
//! For each cell the entities' schema is edited (as a migration declares tables: portable
//! types, keys, indexes), and the generator plans the migration from the schema the real
//! history makes, on each backend. Then, on a database holding the history and a row in every
//! table:
//! 1. a plan made without `--allow-destructive` must keep every value: after `up` and after
//!    `down`, every column holds as many values as before;
//! 2. `up` reaches the edited schema exactly (no drift), `down` the schema before;
//! 3. the plan made on each other backend applies and reverts here too (one migration file
//!    must mean the same everywhere);
//! 4. every step renders as builder code.
//!
//! A cell whose `up` is refused by the database (a cast or a key the rows do not satisfy) must
//! leave the schema as it was. The product is large; `MATRIX_SAMPLE=N` runs every N-th cell
//! (CI runs a sample within its time budget, `MATRIX_SAMPLE=1` runs all of it) and the run
//! reports its size and pass rate.

#[path = "../../../examples/shared/sample_data.rs"]
mod sample_data;

use migration::{migrate_to_head, BootOptions, Migrations, MigratorTrait};
use migration_generator::plan::differences;
use migration_generator::spec::{object_name, ColumnSpec, ForeignKeySpec, IndexSpec, TableSpec};
use migration_generator::step::StepsMigration;
use migration_generator::{plan, Options, Rename, Side};
use schema_model::declared::{self, Flavour};
use schema_model::{ReferentialAction, Schema, SchemaDdl};
use sea_orm::sea_query::{ColumnType, Expr, StringLen};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use std::collections::BTreeMap;
use std::sync::Arc;

const CELL_MIGRATION: &str = "m99990101_000000_matrix_cell";

/// One edit of the entities.
#[derive(Debug, Clone)]
enum Edit {
    AddColumn(ColumnSpec, Option<Expr>),
    DropColumn(String),
    RenameColumn(String, String),
    ChangeType(String, ColumnType),
    SetNullable(String, bool),
    SetDefault(String, Option<Expr>),
    AddIndex(Vec<String>, bool),
    DropIndex(String),
    MakeUnique(String),
    IndexColumns(String, Vec<String>),
    DropForeignKey(String),
    ForeignKeyRule(String, ReferentialAction),
    ForeignKeyTarget(String, String),
    AddForeignKey(String),
    PrimaryKey(Vec<String>),
    NewTable,
    DropTable,
    RenameTable(String),
}

#[derive(Debug, Clone)]
struct Cell {
    table: String,
    edit: Edit,
}

impl std::fmt::Display for Cell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {:?}", self.table, self.edit)
    }
}

/// Types a new column is added with: every type the builder code writes.
fn writable_types() -> Vec<ColumnType> {
    vec![
        ColumnType::String(StringLen::N(64)),
        ColumnType::String(StringLen::None),
        ColumnType::Char(Some(8)),
        ColumnType::Text,
        ColumnType::SmallInteger,
        ColumnType::Integer,
        ColumnType::BigInteger,
        ColumnType::Float,
        ColumnType::Double,
        ColumnType::Decimal(Some((12, 2))),
        ColumnType::Boolean,
        ColumnType::Date,
        ColumnType::Time,
        ColumnType::DateTime,
        ColumnType::TimestampWithTimeZone,
        ColumnType::Json,
        ColumnType::JsonBinary,
        ColumnType::Uuid,
        ColumnType::Blob,
    ]
}

/// The types a column of type `ty` is changed to: wider and narrower of its kind, and text.
fn type_changes(ty: &ColumnType) -> Vec<ColumnType> {
    use ColumnType::*;
    match ty {
        String(StringLen::N(n)) => vec![
            String(StringLen::N(n * 2)),
            String(StringLen::N((n / 2).max(1))),
            Text,
        ],
        String(StringLen::None) => vec![String(StringLen::N(64)), Text],
        Text => vec![String(StringLen::N(255))],
        SmallInteger => vec![Integer, Text],
        Integer => vec![BigInteger, SmallInteger, Text],
        BigInteger => vec![Integer, Text],
        Float => vec![Double],
        Double => vec![Float],
        Boolean => vec![Text],
        TimestampWithTimeZone => vec![Text],
        Json | JsonBinary => vec![Text],
        Uuid => vec![Text],
        _ => vec![],
    }
}

/// A default for a column of type `ty`.
fn default_for(ty: &ColumnType) -> Option<Expr> {
    use ColumnType::*;
    Some(match ty {
        String(_) | Text | Char(_) => Expr::val("n/a"),
        SmallInteger | Integer | BigInteger => Expr::val(7),
        Boolean => Expr::val(true),
        TimestampWithTimeZone | DateTime | Timestamp => Expr::current_timestamp(),
        _ => return None,
    })
}

/// Every cell of the matrix for the tables `specs`.
fn cells(specs: &[TableSpec]) -> Vec<Cell> {
    let mut out = Vec::new();
    for t in specs {
        let mut add = |edit: Edit| {
            out.push(Cell {
                table: t.name.clone(),
                edit,
            })
        };
        for (i, ty) in writable_types().into_iter().enumerate() {
            add(Edit::AddColumn(
                column(&format!("mx_new_{i}"), ty, true, None),
                None,
            ));
        }
        for ty in [
            ColumnType::Text,
            ColumnType::Integer,
            ColumnType::Boolean,
            ColumnType::TimestampWithTimeZone,
        ] {
            let default = default_for(&ty);
            add(Edit::AddColumn(
                column("mx_defaulted", ty, false, default),
                None,
            ));
        }
        add(Edit::AddColumn(
            column(
                "mx_required",
                ColumnType::String(StringLen::N(32)),
                false,
                None,
            ),
            Some(Expr::val("unknown")),
        ));
        add(Edit::AddColumn(
            column("mx_required_n", ColumnType::Integer, false, None),
            Some(Expr::val(0)),
        ));
        let in_key = |c: &str| t.primary_key.iter().any(|k| k == c);
        for c in t.columns.iter().filter(|c| !in_key(&c.name)) {
            add(Edit::DropColumn(c.name.clone()));
            add(Edit::RenameColumn(
                c.name.clone(),
                format!("{}_renamed", c.name),
            ));
            add(Edit::RenameColumn(c.name.clone(), c.name.to_uppercase()));
            add(Edit::SetNullable(c.name.clone(), !c.nullable));
            match &c.default {
                Some(_) => add(Edit::SetDefault(c.name.clone(), None)),
                None => add(Edit::SetDefault(c.name.clone(), default_for(&c.ty))),
            }
            for ty in type_changes(&c.ty) {
                add(Edit::ChangeType(c.name.clone(), ty));
            }
            let indexed = t.indexes.iter().any(|i| i.columns == [c.name.clone()]);
            if !indexed
                && !matches!(
                    c.ty,
                    ColumnType::Text | ColumnType::Json | ColumnType::JsonBinary | ColumnType::Blob
                )
            {
                add(Edit::AddIndex(vec![c.name.clone()], false));
                add(Edit::AddIndex(vec![c.name.clone()], true));
            }
        }
        let short: Vec<String> = t
            .columns
            .iter()
            .filter(|c| {
                !in_key(&c.name)
                    && matches!(
                        c.ty,
                        ColumnType::String(StringLen::N(_))
                            | ColumnType::Uuid
                            | ColumnType::Integer
                            | ColumnType::TimestampWithTimeZone
                    )
            })
            .map(|c| c.name.clone())
            .collect();
        if short.len() >= 2 {
            add(Edit::AddIndex(short[..2].to_vec(), false));
            add(Edit::AddIndex(short[..2].to_vec(), true));
        }
        for i in &t.indexes {
            add(Edit::DropIndex(i.name.clone()));
            if !i.unique {
                add(Edit::MakeUnique(i.name.clone()));
            }
            if let Some(other) = short.iter().find(|c| !i.columns.contains(c)) {
                let mut columns = i.columns.clone();
                columns.push(other.clone());
                add(Edit::IndexColumns(i.name.clone(), columns));
            }
        }
        for fk in &t.foreign_keys {
            add(Edit::DropForeignKey(fk.name.clone()));
            for rule in [
                ReferentialAction::Cascade,
                ReferentialAction::SetNull,
                ReferentialAction::Restrict,
            ] {
                if rule != fk.on_delete {
                    add(Edit::ForeignKeyRule(fk.name.clone(), rule));
                }
            }
            if let Some(other) = specs
                .iter()
                .map(|s| &s.name)
                .find(|s| **s != fk.ref_table && **s != t.name)
            {
                add(Edit::ForeignKeyTarget(fk.name.clone(), other.clone()));
            }
        }
        add(Edit::AddForeignKey("users".into()));
        if let Some(extra) = t
            .columns
            .iter()
            .find(|c| c.name == "created_at" && !in_key(&c.name))
        {
            let mut key = t.primary_key.clone();
            key.push(extra.name.clone());
            add(Edit::PrimaryKey(key));
        }
        add(Edit::NewTable);
        if !specs
            .iter()
            .any(|s| s.name != t.name && s.foreign_keys.iter().any(|fk| fk.ref_table == t.name))
        {
            add(Edit::DropTable);
        }
        add(Edit::RenameTable(format!("{}_renamed", t.name)));
    }
    out
}

/// A change between `integer()` and `big_integer()`, which SQLite spells alike.
fn integer_width_only(cell: &Cell) -> bool {
    matches!(
        &cell.edit,
        Edit::ChangeType(_, ColumnType::Integer | ColumnType::BigInteger)
    )
}

fn column(name: &str, ty: ColumnType, nullable: bool, default: Option<Expr>) -> ColumnSpec {
    ColumnSpec {
        name: name.into(),
        ty,
        nullable,
        default,
    }
}

/// The entities' tables as a migration declares them, in creation order.
fn entity_specs(flavour: Flavour, backend: DbBackend) -> Vec<TableSpec> {
    let ddl = entity::registry::schema_ddl(backend);
    let schema = declared::render(&ddl, flavour).unwrap();
    let side = Side {
        schema: &schema,
        ddl: Some(&ddl),
        flavour,
        types: None,
    };
    ddl.tables
        .iter()
        .map(|t| side.table(&t.name()).unwrap())
        .collect()
}

/// The tables with `cell`'s edit made, and the generate options it needs (a rename and a
/// backfill are what a user would answer).
fn edited(specs: &[TableSpec], cell: &Cell) -> (Vec<TableSpec>, Options) {
    let mut tables = specs.to_vec();
    let mut options = Options::default();
    let at = tables.iter().position(|t| t.name == cell.table).unwrap();
    let name = cell.table.clone();
    let t = &mut tables[at];
    let col = |t: &mut TableSpec, c: &str| -> usize {
        t.columns.iter().position(|x| x.name == c).unwrap()
    };
    match &cell.edit {
        Edit::AddColumn(c, backfill) => {
            t.columns.push(c.clone());
            if let Some(value) = backfill {
                options.backfills.push(migration_generator::Backfill {
                    table: name.clone(),
                    column: c.name.clone(),
                    value: value.clone(),
                });
            }
        }
        Edit::DropColumn(c) => {
            let i = col(t, c);
            t.columns.remove(i);
            t.indexes.retain(|x| !x.columns.contains(c));
            t.foreign_keys.retain(|x| !x.columns.contains(c));
        }
        Edit::RenameColumn(c, new) => {
            let i = col(t, c);
            t.columns[i].name = new.clone();
            for list in t
                .indexes
                .iter_mut()
                .map(|x| &mut x.columns)
                .chain(t.foreign_keys.iter_mut().map(|x| &mut x.columns))
            {
                for x in list.iter_mut().filter(|x| *x == c) {
                    *x = new.clone();
                }
            }
            options.renames.push(Rename::Column {
                table: name.clone(),
                from: c.clone(),
                to: new.clone(),
            });
        }
        Edit::ChangeType(c, ty) => {
            let i = col(t, c);
            t.columns[i].ty = ty.clone();
            if t.columns[i].default.is_some() {
                t.columns[i].default = default_for(ty);
            }
        }
        Edit::SetNullable(c, nullable) => {
            let i = col(t, c);
            t.columns[i].nullable = *nullable;
        }
        Edit::SetDefault(c, default) => {
            let i = col(t, c);
            t.columns[i].default = default.clone();
        }
        Edit::AddIndex(columns, unique) => t.indexes.push(IndexSpec {
            name: object_name(if *unique { "uq" } else { "idx" }, &name, columns),
            columns: columns.clone(),
            unique: *unique,
            constraint: false,
            using: None,
        }),
        Edit::DropIndex(i) => t.indexes.retain(|x| x.name != *i),
        Edit::MakeUnique(i) => t
            .indexes
            .iter_mut()
            .filter(|x| x.name == *i)
            .for_each(|x| x.unique = true),
        Edit::IndexColumns(i, columns) => t
            .indexes
            .iter_mut()
            .filter(|x| x.name == *i)
            .for_each(|x| x.columns = columns.clone()),
        Edit::DropForeignKey(k) => t.foreign_keys.retain(|x| x.name != *k),
        Edit::ForeignKeyRule(k, rule) => {
            for fk in t.foreign_keys.iter_mut().filter(|x| x.name == *k) {
                fk.on_delete = *rule;
                if *rule == ReferentialAction::SetNull {
                    let c = fk.columns[0].clone();
                    let i = t.columns.iter().position(|x| x.name == c).unwrap();
                    t.columns[i].nullable = true;
                }
            }
        }
        Edit::ForeignKeyTarget(k, target) => t
            .foreign_keys
            .iter_mut()
            .filter(|x| x.name == *k)
            .for_each(|x| x.ref_table = target.clone()),
        Edit::AddForeignKey(target) => {
            t.columns
                .push(column("mx_owner_id", ColumnType::Uuid, true, None));
            t.foreign_keys.push(ForeignKeySpec {
                name: object_name("fk", &name, &["mx_owner_id".to_owned()]),
                columns: vec!["mx_owner_id".into()],
                ref_table: target.clone(),
                ref_columns: vec!["id".into()],
                on_delete: ReferentialAction::SetNull,
                on_update: ReferentialAction::NoAction,
            });
        }
        Edit::PrimaryKey(key) => t.primary_key = key.clone(),
        Edit::NewTable => {
            let new = TableSpec {
                name: format!("mx_{name}_notes"),
                columns: vec![
                    column("id", ColumnType::Uuid, false, None),
                    column("parent_id", ColumnType::Uuid, false, None),
                    column("body", ColumnType::Text, true, None),
                ],
                primary_key: vec!["id".into()],
                indexes: vec![IndexSpec {
                    name: format!("idx_mx_{name}_notes_parent_id"),
                    columns: vec!["parent_id".into()],
                    unique: false,
                    constraint: false,
                    using: None,
                }],
                checks: vec![],
                foreign_keys: vec![ForeignKeySpec {
                    name: format!("fk_mx_{name}_notes_parent_id"),
                    columns: vec!["parent_id".into()],
                    ref_table: name.clone(),
                    ref_columns: vec![t.primary_key[0].clone()],
                    on_delete: ReferentialAction::Cascade,
                    on_update: ReferentialAction::NoAction,
                }],
            };
            tables.push(new);
        }
        Edit::DropTable => {
            tables.remove(at);
        }
        Edit::RenameTable(new) => {
            // Renamed and changed on the way: still offered as a rename.
            t.name = new.clone();
            t.columns
                .push(column("mx_since_rename", ColumnType::Text, true, None));
            for other in &mut tables {
                for fk in other
                    .foreign_keys
                    .iter_mut()
                    .filter(|fk| fk.ref_table == name)
                {
                    fk.ref_table = new.clone();
                }
            }
            options.renames.push(Rename::Table {
                from: name.clone(),
                to: new.clone(),
            });
        }
    }
    (tables, options)
}

/// The tables as the entities' DDL, named as the generator names new objects.
fn as_ddl(tables: &[TableSpec]) -> SchemaDdl {
    migration_generator::step::schema_ddl(tables)
}

/// One backend under test: its database at the history's head with rows in every table.
struct Backend {
    t: testkit::TestDb,
    flavour: Flavour,
    base: Schema,
}

/// Runs the `down` of the newest migration of `migrations`.
async fn revert_newest(
    migrations: &Migrations,
    db: &DatabaseConnection,
) -> Result<migration::Outcome, migration::MigrateError> {
    migration::Runner::new(migrations, db, Default::default())
        .run(
            &migration::Request::Downgrade {
                target: migration::Target::Relative(-1),
            },
            None,
        )
        .await
}

async fn read(db: &DatabaseConnection) -> Schema {
    let mut schema = schema_model::live::read(db).await.unwrap();
    for table in migration::BOOKKEEPING_TABLES {
        schema.tables.remove(table);
    }
    schema
}

fn history() -> Vec<Box<dyn migration::MigrationTrait>> {
    migration::Migrator::migrations()
}

async fn prepare(t: testkit::TestDb) -> Backend {
    let migrations = Migrations::new(history()).unwrap();
    migrate_to_head(&migrations, &t.db, &BootOptions::default())
        .await
        .unwrap();
    sample_data::create(&t.db, "matrix").await.unwrap();
    let flavour = declared::flavour(&t.db).await.unwrap().unwrap();
    let base = read(&t.db).await;
    Backend { t, flavour, base }
}

/// Values held per `table.column`: what no plan made without `--allow-destructive` may lose.
async fn values(db: &DatabaseConnection, schema: &Schema) -> BTreeMap<String, i64> {
    let backend = db.get_database_backend();
    let q = |n: &str| match backend {
        DbBackend::MySql => format!("`{n}`"),
        _ => format!("\"{n}\""),
    };
    let mut out = BTreeMap::new();
    for (name, table) in &schema.tables {
        let counts: Vec<String> = table
            .columns
            .iter()
            .map(|c| format!("COUNT({})", q(&c.name)))
            .collect();
        let sql = format!("SELECT {} FROM {}", counts.join(", "), q(name));
        let row = db
            .query_one_raw(Statement::from_string(backend, sql))
            .await
            .unwrap()
            .unwrap();
        for (i, c) in table.columns.iter().enumerate() {
            out.insert(
                format!("{name}.{}", c.name.to_lowercase()),
                row.try_get_by_index::<i64>(i).unwrap(),
            );
        }
    }
    out
}

/// `before`'s values under the names they have after `renames`.
fn renamed(before: &BTreeMap<String, i64>, renames: &[Rename]) -> BTreeMap<String, i64> {
    before
        .iter()
        .map(|(k, v)| {
            let (t, c) = k.split_once('.').unwrap();
            let mut key = (t.to_owned(), c.to_owned());
            for r in renames {
                match r {
                    Rename::Table { from, to } if key.0 == *from => key.0 = to.clone(),
                    Rename::Column { table, from, to } if key.0 == *table && key.1 == *from => {
                        key.1 = to.to_lowercase()
                    }
                    _ => {}
                }
            }
            (format!("{}.{}", key.0, key.1), *v)
        })
        .collect()
}

/// The plan of `cell` on a backend of `flavour` whose history schema is `base`: first without
/// `--allow-destructive`; if that stops, with it. `Err` is a plan that cannot be made at all.
fn plan_cell(
    base: &Schema,
    portable: Option<&Schema>,
    flavour: Flavour,
    backend: DbBackend,
    cell: &Cell,
) -> Result<(migration_generator::MigrationPlan, bool, Schema, SchemaDdl), String> {
    let specs = entity_specs(flavour, backend);
    let (tables, mut options) = edited(&specs, cell);
    let ddl = as_ddl(&tables);
    let after = declared::render(&ddl, flavour).map_err(|e| e.to_string())?;
    let before_side = Side {
        schema: base,
        ddl: None,
        flavour,
        types: (flavour == Flavour::MariaDb).then_some(portable).flatten(),
    };
    let after_side = Side {
        schema: &after,
        ddl: Some(&ddl),
        flavour,
        types: None,
    };
    if !options.renames.is_empty() {
        // Without being told, the generator must ask about the rename, not drop and add.
        let unasked = Options {
            renames: vec![],
            ..options.clone()
        };
        let wanted: Vec<String> = options.renames.iter().map(|r| r.to_string()).collect();
        match plan(&before_side, &after_side, &unasked) {
            Err(migration_generator::GenerateError::PossibleRename(found))
                if wanted.iter().all(|w| found.contains(w)) => {}
            other => {
                return Err(format!(
                    "the rename {wanted:?} is not offered as one: {:?}",
                    other.map(|p| p.changes)
                ))
            }
        }
    }
    let (planned, destructive) = match plan(&before_side, &after_side, &options) {
        Ok(p) => (p, false),
        Err(
            migration_generator::GenerateError::Destructive(_)
            | migration_generator::GenerateError::PossibleRename(_),
        ) => {
            options.allow_destructive = true;
            let p = plan(&before_side, &after_side, &options).map_err(|e| e.to_string())?;
            (p, true)
        }
        Err(e) => return Err(e.to_string()),
    };
    Ok((planned, destructive, after, ddl))
}

fn renames_of(cell: &Cell) -> Vec<Rename> {
    let specs = entity_specs(Flavour::Sqlite, DbBackend::Sqlite);
    edited(&specs, cell).1.renames
}

/// What one cell did on one backend, applying the plan made on `planned_on`.
enum Outcome {
    Passed,
    /// `up` stopped before any change because the rows do not meet what it needs (its
    /// checks name them), and the schema stayed as it was.
    RefusedByData,
    /// A `down` the plan says cannot be run on a table with rows stopped, changing nothing.
    Irreversible,
    Failed(String),
}

/// Whether the database still has the schema `expected` (`None`: it does).
async fn drift(b: &Backend, expected: &Schema) -> Option<String> {
    let now = read(&b.t.db).await;
    let side = |s| Side {
        schema: s,
        ddl: None,
        flavour: b.flavour,
        types: None,
    };
    let left = differences(&side(&now), &side(expected));
    (!left.is_empty()).then(|| format!("{left:#?}"))
}

async fn run_cell(
    b: &Backend,
    cell: &Cell,
    planned: &migration_generator::MigrationPlan,
    destructive: bool,
    after: &Schema,
) -> Outcome {
    let db = &b.t.db;
    for step in planned.up.iter().chain(&planned.down) {
        let code = step.code("");
        if code.contains("unsupported()") {
            return Outcome::Failed(format!("a step renders as unsupported code:\n{code}"));
        }
    }
    let mut all = history();
    all.push(Box::new(StepsMigration {
        name: CELL_MIGRATION.into(),
        up: planned.up.clone(),
        down: planned.down.clone(),
    }));
    let migrations = Migrations::new(all).unwrap();
    let before_values = values(db, &b.base).await;
    if let Err(e) = migrate_to_head(&migrations, db, &BootOptions::default()).await {
        let checked = e
            .to_string()
            .contains("so the schema change cannot be made");
        return match drift(b, &b.base).await {
            None if checked => Outcome::RefusedByData,
            left => Outcome::Failed(format!("up failed: {e}; changed: {left:?}")),
        };
    }
    let applied = read(db).await;
    let side = |s| Side {
        schema: s,
        ddl: None,
        flavour: b.flavour,
        types: None,
    };
    let left = differences(&side(&applied), &side(after));
    if !left.is_empty() {
        return Outcome::Failed(format!("after up, drift from the entities: {left:#?}"));
    }
    let renames = renames_of(cell);
    let expected = renamed(&before_values, &renames);
    let after_values = values(db, &applied).await;
    if !destructive {
        for (k, v) in &expected {
            if after_values.get(k).is_some_and(|a| a != v) {
                return Outcome::Failed(format!(
                    "up lost values of {k}: {v} → {:?}",
                    after_values.get(k)
                ));
            }
            if !after_values.contains_key(k) {
                return Outcome::Failed(format!("up lost column {k} without --allow-destructive"));
            }
        }
    }
    let down = revert_newest(&migrations, db).await;
    if let Err(e) = down {
        if destructive && !planned.irreversible.is_empty() && drift(b, after).await.is_none() {
            return Outcome::Irreversible;
        }
        return Outcome::Failed(format!("down failed: {e}"));
    }
    let reverted = read(db).await;
    let back = differences(&side(&reverted), &side(&b.base));
    if !back.is_empty() {
        return Outcome::Failed(format!("after down, not the schema before: {back:#?}"));
    }
    let reverted_values = values(db, &reverted).await;
    if !destructive && reverted_values != before_values {
        return Outcome::Failed(format!(
            "down changed the values held: {:?}",
            before_values
                .iter()
                .filter(|(k, v)| reverted_values.get(*k) != Some(v))
                .collect::<Vec<_>>()
        ));
    }
    Outcome::Passed
}

/// A cell's plan on one backend (see [`plan_cell`]).
type CellPlan = Result<(migration_generator::MigrationPlan, bool, Schema, SchemaDdl), String>;

/// What one backend's run of the chosen cells found.
#[derive(Default)]
struct Tally {
    runs: usize,
    passed: usize,
    refused: usize,
    irreversible: usize,
    invalid: usize,
    blind: usize,
    failures: Vec<String>,
}

/// Every chosen cell on one backend, applying the plan each backend made (`plans[cell]`, in
/// the order of the backends; this backend's own is at `own`).
async fn run_backend(
    mut b: Backend,
    own: usize,
    cells: Arc<Vec<Cell>>,
    plans: Arc<Vec<Vec<(&'static str, CellPlan)>>>,
) -> (Backend, Tally) {
    let mut tally = Tally::default();
    for (cell, plans) in cells.iter().zip(plans.iter()) {
        for (planned_on, made) in plans {
            let (planned, destructive, _, _) = match made {
                Ok(p) => p,
                Err(e) => {
                    if *planned_on == b.t.name {
                        if e.contains("change the entity so that every backend") {
                            tally.invalid += 1;
                        } else {
                            tally
                                .failures
                                .push(format!("[{}] {cell}: no plan: {e}", b.t.name));
                        }
                    }
                    continue;
                }
            };
            // SQLite spells `integer()` and `big_integer()` alike: a plan made there cannot
            // see a change between them (docs/changing-the-schema.md says so).
            if *planned_on == "sqlite" && b.flavour != Flavour::Sqlite && integer_width_only(cell) {
                tally.blind += 1;
                continue;
            }
            // The edited schema as this backend spells it: from its own plan.
            let Ok((_, _, after, _)) = &plans[own].1 else {
                continue;
            };
            tally.runs += 1;
            let outcome = run_cell(&b, cell, planned, *destructive, after).await;
            match &outcome {
                Outcome::Passed => tally.passed += 1,
                Outcome::RefusedByData => tally.refused += 1,
                Outcome::Irreversible => tally.irreversible += 1,
                Outcome::Failed(why) => tally.failures.push(format!(
                    "[{} applying the plan made on {planned_on}] {cell}: {why}\n  up: {:?}",
                    b.t.name, planned.up
                )),
            }
            // An irreversible `down` leaves the cell applied, and after a stop MariaDB (no
            // transactional DDL) has it marked as interrupted: start again from a clean
            // database, as after any failure.
            let refused_on_mariadb =
                matches!(outcome, Outcome::RefusedByData) && b.flavour == Flavour::MariaDb;
            if !matches!(outcome, Outcome::Passed | Outcome::RefusedByData) || refused_on_mariadb {
                let fresh = testkit::fresh_like(&b.t).await;
                let old = std::mem::replace(&mut b, prepare(fresh).await);
                old.t.finish().await;
            }
        }
    }
    (b, tally)
}

// The backends run side by side (each on its own database): the run takes as long as the
// slowest, not the sum.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_table_every_edit_every_backend() {
    let sample: usize = std::env::var("MATRIX_SAMPLE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(7)
        .max(1);
    let mut backends = Vec::new();
    for t in testkit::databases().await {
        backends.push(prepare(t).await);
    }
    let all = cells(&entity_specs(Flavour::Sqlite, DbBackend::Sqlite));
    let chosen: Vec<Cell> = all.iter().step_by(sample).cloned().collect();
    // What the history makes on SQLite: the migrations' own types, as `generate` reads them.
    let portable = backends
        .iter()
        .find(|b| b.flavour == Flavour::Sqlite)
        .map(|b| &b.base);
    // Every cell's plan on every backend, each backend's on a thread of its own.
    let per_backend: Vec<Vec<CellPlan>> = std::thread::scope(|scope| {
        let planners: Vec<_> = backends
            .iter()
            .map(|b| {
                let chosen = &chosen;
                let backend = b.t.db.get_database_backend();
                scope.spawn(move || {
                    chosen
                        .iter()
                        .map(|cell| plan_cell(&b.base, portable, b.flavour, backend, cell))
                        .collect()
                })
            })
            .collect();
        planners
            .into_iter()
            .map(|p| p.join().expect("planning thread"))
            .collect()
    });
    let mut columns: Vec<_> = per_backend.into_iter().map(Vec::into_iter).collect();
    let plans: Vec<Vec<(&'static str, CellPlan)>> = (0..chosen.len())
        .map(|_| {
            backends
                .iter()
                .zip(columns.iter_mut())
                .map(|(b, column)| (b.t.name, column.next().expect("a plan per cell")))
                .collect()
        })
        .collect();
    let (cells_run, plans) = (Arc::new(chosen), Arc::new(plans));
    let names: Vec<&str> = backends.iter().map(|b| b.t.name).collect();
    let runs: Vec<_> = backends
        .into_iter()
        .enumerate()
        .map(|(own, b)| tokio::spawn(run_backend(b, own, cells_run.clone(), plans.clone())))
        .collect();
    let mut total = Tally::default();
    let mut finished = Vec::new();
    for run in runs {
        let (b, tally) = run.await.expect("a backend's run");
        finished.push(b);
        total.runs += tally.runs;
        total.passed += tally.passed;
        total.refused += tally.refused;
        total.irreversible += tally.irreversible;
        total.invalid += tally.invalid;
        total.blind += tally.blind;
        total.failures.extend(tally.failures);
    }
    let Tally {
        runs,
        passed,
        refused,
        irreversible,
        invalid,
        blind,
        failures,
    } = total;
    testkit::notice(&format!(
        "generate matrix: {} cells ({} tables × edits), {} run (1 in {sample}) on {}, each with the plan of every backend: {runs} applications, {passed} passed, {refused} stopped by their check of the rows (schema unchanged), {irreversible} downs the file says cannot run on rows (schema unchanged), {invalid} edits refused by generate as no backend-portable schema, {blind} SQLite-made plans of an integer width change not applied elsewhere (SQLite cannot see it), {} failed",
        all.len(),
        entity_specs(Flavour::Sqlite, DbBackend::Sqlite).len(),
        cells_run.len(),
        names.join(", "),
        failures.len()
    ));
    for b in finished {
        b.t.finish().await;
    }
    for f in &failures {
        // One line each, so that a run's failures can be counted by kind.
        let line: String = f.split_whitespace().collect::<Vec<_>>().join(" ");
        testkit::notice(&format!(
            "matrix failure: {}",
            line.chars().take(3000).collect::<String>()
        ));
    }
    if !failures.is_empty() {
        let shown: Vec<&String> = failures.iter().take(40).collect();
        panic!(
            "{} of {runs} matrix applications failed; first ones:\n{}",
            failures.len(),
            shown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n\n")
        );
    }
}

/// DDL a person runs on a live database, per backend: what `generate --against-live` must turn
/// back into the entities' schema, on that database, keeping the rows.
fn hand_made(backend: DbBackend) -> Vec<&'static [&'static str]> {
    match backend {
        DbBackend::Postgres => vec![
            &["ALTER TABLE users ADD CONSTRAINT users_full_name_key UNIQUE (full_name)"],
            &["CREATE UNIQUE INDEX ix_users_full_name ON users (full_name)"],
            &["CREATE INDEX ix_visitors_name ON visitors (name)"],
            &["ALTER TABLE users ADD COLUMN nickname text"],
            &["ALTER TABLE users ALTER COLUMN full_name DROP NOT NULL"],
            &["ALTER TABLE documents DROP CONSTRAINT fk_documents_datasource_id"],
            &["ALTER TABLE cases ALTER COLUMN title TYPE text"],
            &["DROP INDEX idx_cases_counselor_id_status"],
            &["ALTER TABLE cases ADD CONSTRAINT cases_title_not_blank CHECK (length(title) > 0)"],
            &[
                "CREATE TYPE user_role AS ENUM ('counselor', 'supervisor', 'admin')",
                "ALTER TABLE users ALTER COLUMN role TYPE user_role USING role::user_role",
            ],
        ],
        DbBackend::MySql => vec![
            &["ALTER TABLE users ADD CONSTRAINT users_full_name_key UNIQUE (full_name)"],
            &["CREATE UNIQUE INDEX ix_users_full_name ON users (full_name)"],
            &["CREATE INDEX ix_visitors_name ON visitors (name)"],
            &["ALTER TABLE users ADD COLUMN nickname text"],
            &["ALTER TABLE users MODIFY full_name varchar(255) NULL"],
            &["ALTER TABLE documents DROP FOREIGN KEY fk_documents_datasource_id"],
            &["ALTER TABLE cases ADD CONSTRAINT cases_title_not_blank CHECK (char_length(title) > 0)"],
        ],
        _ => vec![
            &["CREATE UNIQUE INDEX ix_users_full_name ON users (full_name)"],
            &["CREATE INDEX ix_visitors_name ON visitors (name)"],
            &["ALTER TABLE users ADD COLUMN nickname text"],
            &["DROP INDEX idx_cases_counselor_id_status"],
            &["ALTER TABLE users ADD COLUMN visits bigint NOT NULL DEFAULT 0"],
        ],
    }
}

#[tokio::test(flavor = "current_thread")]
async fn hand_made_changes_are_undone_against_live_keeping_the_rows() {
    let mut exercised = Vec::new();
    for t in testkit::databases().await {
        let backend = t.db.get_database_backend();
        let mut b = prepare(t).await;
        for statements in hand_made(backend) {
            for sql in statements {
                b.t.exec(sql).await;
            }
            let ddl = statements.join("; ");
            let live = read(&b.t.db).await;
            let entities_ddl = entity::registry::schema_ddl(backend);
            let entities = declared::render(&entities_ddl, b.flavour).unwrap();
            let before = Side {
                schema: &live,
                ddl: None,
                flavour: b.flavour,
                types: None,
            };
            let after = Side {
                schema: &entities,
                ddl: Some(&entities_ddl),
                flavour: b.flavour,
                types: None,
            };
            let options = Options {
                allow_destructive: true,
                guard: true,
                ..Options::default()
            };
            let planned = plan(&before, &after, &options)
                .unwrap_or_else(|e| panic!("[{}] {ddl}: {e}", b.t.name));
            // `--against-live` verifies on a copy of the live schema: it must be faithful.
            let copy = testkit::fresh_like(&b.t).await;
            let create = StepsMigration {
                name: "m00000000_000000_live_schema".into(),
                up: migration_generator::plan::create_all(&before).unwrap(),
                down: vec![],
            };
            migrate_to_head(
                &Migrations::new(vec![Box::new(create)]).unwrap(),
                &copy.db,
                &BootOptions::default(),
            )
            .await
            .unwrap_or_else(|e| panic!("[{}] {ddl}: the copy: {e}", b.t.name));
            let copied = read(&copy.db).await;
            copy.finish().await;
            let unfaithful = differences(
                &Side {
                    schema: &copied,
                    ..before
                },
                &before,
            );
            assert!(
                unfaithful.is_empty(),
                "[{}] {ddl}: the copy differs: {unfaithful:#?}",
                b.t.name
            );
            let constraints = |s: &Schema| -> Vec<(String, String, bool)> {
                s.tables
                    .iter()
                    .flat_map(|(t, d)| {
                        d.indexes
                            .iter()
                            .map(move |i| (t.clone(), i.columns.join(","), i.constraint))
                    })
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect()
            };
            assert_eq!(
                constraints(&copied),
                constraints(&live),
                "[{}] {ddl}: a UNIQUE constraint and a unique index are copied as what they are",
                b.t.name
            );
            let mut all = history();
            all.push(Box::new(StepsMigration {
                name: CELL_MIGRATION.into(),
                up: planned.up.clone(),
                down: planned.down.clone(),
            }));
            let migrations = Migrations::new(all).unwrap();
            let kept = values(&b.t.db, &live).await;
            migrate_to_head(&migrations, &b.t.db, &BootOptions::default())
                .await
                .unwrap_or_else(|e| panic!("[{}] {ddl}: up: {e}\n{:?}", b.t.name, planned.up));
            assert_eq!(
                drift(&b, &entities).await,
                None,
                "[{}] {ddl}: after up",
                b.t.name
            );
            revert_newest(&migrations, &b.t.db)
                .await
                .unwrap_or_else(|e| panic!("[{}] {ddl}: down: {e}", b.t.name));
            assert_eq!(
                drift(&b, &live).await,
                None,
                "[{}] {ddl}: after down",
                b.t.name
            );
            let after_down = values(&b.t.db, &live).await;
            let lost: Vec<_> = kept
                .iter()
                .filter(|(k, v)| after_down.get(*k) != Some(v) && !k.ends_with(".nickname"))
                .collect();
            assert!(
                lost.is_empty(),
                "[{}] {ddl}: values changed: {lost:?}",
                b.t.name
            );
            // Back to the history's schema for the next one, where the same migration must
            // apply too: it is committed to the history (its guards skip what is not there).
            let fresh = testkit::fresh_like(&b.t).await;
            let old = std::mem::replace(&mut b, prepare(fresh).await);
            old.t.finish().await;
            migrate_to_head(&migrations, &b.t.db, &BootOptions::default())
                .await
                .unwrap_or_else(|e| panic!("[{}] {ddl}: up on the history: {e}", b.t.name));
            assert_eq!(
                drift(&b, &entities).await,
                None,
                "[{}] {ddl}: history after up",
                b.t.name
            );
            revert_newest(&migrations, &b.t.db)
                .await
                .unwrap_or_else(|e| panic!("[{}] {ddl}: down on the history: {e}", b.t.name));
            let fresh = testkit::fresh_like(&b.t).await;
            let old = std::mem::replace(&mut b, prepare(fresh).await);
            old.t.finish().await;
        }
        exercised.push(b.t.name);
        b.t.finish().await;
    }
    testkit::notice(&format!(
        "hand-made changes undone against live on: {}",
        exercised.join(", ")
    ));
}

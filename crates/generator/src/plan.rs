//! From two schemas to the steps of `up` and `down`: renames applied first, then the typed
//! differences, each refused or turned into steps in dependency order (tables are created
//! before the keys that reference them and dropped after them).

use crate::spec::{ColumnSpec, Side, TableSpec};
use crate::step::{OnlineChange, Requirement, Step};
use crate::{GenerateError, NoVectorCast};
use schema_model::declared::Flavour;
use schema_model::{diff, possible_renames, report, Change, ReferentialAction, Schema};
use sea_orm::sea_query::{ColumnType, Expr, StringLen};
use std::collections::{BTreeMap, BTreeSet};

/// A rename the user confirmed: `table.old=new` or `old_table=new_table`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rename {
    Table {
        from: String,
        to: String,
    },
    Column {
        table: String,
        from: String,
        to: String,
    },
}

impl Rename {
    /// Reads `table.old_column=new_column` or `old_table=new_table`.
    pub fn parse(text: &str) -> Option<Rename> {
        let (from, to) = text.split_once('=')?;
        let (from, to) = (from.trim(), to.trim());
        if to.is_empty() || to.contains('.') {
            return None;
        }
        Some(match from.split_once('.') {
            Some((table, column))
                if !table.is_empty() && !column.is_empty() && !column.contains('.') =>
            {
                Rename::Column {
                    table: table.into(),
                    from: column.into(),
                    to: to.into(),
                }
            }
            Some(_) => return None,
            None if !from.is_empty() => Rename::Table {
                from: from.into(),
                to: to.into(),
            },
            None => return None,
        })
    }

    fn reversed(&self) -> Rename {
        match self {
            Rename::Table { from, to } => Rename::Table {
                from: to.clone(),
                to: from.clone(),
            },
            Rename::Column { table, from, to } => Rename::Column {
                table: table.clone(),
                from: to.clone(),
                to: from.clone(),
            },
        }
    }
}

impl std::fmt::Display for Rename {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rename::Table { from, to } => write!(f, "{from}={to}"),
            Rename::Column { table, from, to } => write!(f, "{table}.{from}={to}"),
        }
    }
}

/// The value a required column added without a default gets in the rows already there:
/// `table.column=VALUE`, VALUE an integer, `true`/`false`, or text (quoted or not).
#[derive(Debug, Clone, PartialEq)]
pub struct Backfill {
    pub table: String,
    pub column: String,
    pub value: Expr,
}

impl Backfill {
    pub fn parse(text: &str) -> Option<Backfill> {
        let (place, value) = text.split_once('=')?;
        let (table, column) = place.trim().split_once('.')?;
        if table.is_empty() || column.is_empty() || column.contains('.') {
            return None;
        }
        let value = value.trim();
        let value = match value {
            "true" => Expr::val(true),
            "false" => Expr::val(false),
            _ => match value.parse::<i64>() {
                Ok(n) => Expr::val(n),
                Err(_) => Expr::val(
                    value
                        .strip_prefix('\'')
                        .and_then(|v| v.strip_suffix('\''))
                        .unwrap_or(value),
                ),
            },
        };
        Some(Backfill {
            table: table.into(),
            column: column.into(),
            value,
        })
    }

    fn is_for(&self, table: &str, column: &str) -> bool {
        self.table == table && self.column == column
    }
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub renames: Vec<Rename>,
    pub backfills: Vec<Backfill>,
    pub allow_destructive: bool,
    /// Each drop runs only where its object is there, each creation only where it is not:
    /// for a migration planned from a live database (`--against-live`), which must also run
    /// on a database built from the history.
    pub guard: bool,
}

/// What `generate` writes: both directions, and what the file must say about them.
#[derive(Debug, Clone)]
pub struct MigrationPlan {
    pub up: Vec<Step>,
    pub down: Vec<Step>,
    /// Each change, in words (the drift report's wording).
    pub changes: Vec<String>,
    /// The data `up` destroys, for the file's warning.
    pub data_loss: Vec<String>,
    /// Indexes added to tables that already exist (PostgreSQL builds them under a write lock).
    pub indexes_on_existing_tables: Vec<String>,
    /// Whether `up` runs online on PostgreSQL: its changes to tables that hold rows take the
    /// online forms (see [`online_forms`]).
    pub online: bool,
    /// Type changes after which PostgreSQL rewrites the whole table under a lock that blocks
    /// reads and writes: named in the file.
    pub rewrites: Vec<String>,
    /// Drops and adds that may have been renames, planned as drop + add because
    /// `--allow-destructive` was given without `--rename`: the file and the report say so.
    pub unconfirmed_renames: Vec<String>,
    /// `table.column = value`: what `up` fills the rows with for a required column added.
    pub backfills: Vec<String>,
    /// `table.column = value`: what `down` fills the rows with when it adds back a required
    /// column `up` dropped (its values are gone).
    pub refills: Vec<String>,
    /// Required columns `up` drops that `down` cannot add back to a table with rows: no value
    /// fits every row (a key, a reference, a UUID). `down` then stops with nothing changed.
    pub irreversible: Vec<String>,
}

impl MigrationPlan {
    pub fn is_empty(&self) -> bool {
        self.up.is_empty()
    }
}

/// The migration that takes `before` (what the migrations make) to `after` (the entities).
pub fn plan(
    before: &Side,
    after: &Side,
    options: &Options,
) -> Result<MigrationPlan, GenerateError> {
    let renamed = apply_renames(before.schema, &options.renames)?;
    let before_renamed = Side {
        schema: &renamed,
        ..*before
    };
    let changes = differences(&before_renamed, after);
    validate(after, &changes)?;
    check_safety(&changes, &before_renamed, options)?;
    let mut up: Vec<Step> = options.renames.iter().map(rename_step).collect();
    up.extend(steps(&before_renamed, after, &changes, &options.backfills)?);

    // Read the other way rather than reversed: what MariaDB makes by itself is not symmetric
    // (it creates a key's index with the key, and keeps it when the key goes).
    let reverse = differences(after, &before_renamed);
    let refills = refills(&before_renamed, &reverse);
    let mut down = steps(after, &before_renamed, &reverse, &refills)?;
    down.extend(
        options
            .renames
            .iter()
            .rev()
            .map(|r| rename_step(&r.reversed())),
    );

    if options.guard {
        up = up.into_iter().map(guarded).collect();
        down = down.into_iter().map(guarded).collect();
    }
    // The first vector column needs pgvector (it stays when `down` removes the column).
    if has_vectors(after.schema) && !has_vectors(before.schema) && !up.is_empty() {
        up.insert(0, Step::RequirePgvector);
    }
    let (up, online) = online_forms(up);
    let mut words: Vec<String> = options
        .renames
        .iter()
        .map(|r| match r {
            Rename::Table { from, to } => format!("table {from} renamed to {to}"),
            Rename::Column { table, from, to } => format!("{table}.{from} renamed to {to}"),
        })
        .collect();
    words.extend(changes.iter().flat_map(report::describe));
    let filled = |fills: &[Backfill]| -> Vec<String> {
        fills
            .iter()
            .filter(|b| {
                changes.iter().chain(&reverse).any(|c| {
                    matches!(c, Change::AddColumn { table, column } if b.is_for(table, &column.name))
                })
            })
            .map(|b| format!("{}.{} = {}", b.table, b.column, crate::step::default_code(&b.value).unwrap_or_default().trim_end_matches("i64")))
            .collect()
    };
    Ok(MigrationPlan {
        online,
        rewrites: changes.iter().filter_map(rewrites_table).collect(),
        irreversible: irreversible(&before_renamed, &reverse, &refills),
        backfills: filled(&options.backfills),
        refills: filled(&refills),
        unconfirmed_renames: rename_candidates(&changes),
        up,
        down,
        changes: words,
        data_loss: changes
            .iter()
            .filter_map(|c| data_loss(c, &renamed))
            .collect(),
        indexes_on_existing_tables: changes
            .iter()
            .filter_map(|c| match c {
                Change::AddIndex { table, index } if before.schema.tables.contains_key(table) => {
                    Some(format!("{table} ({})", index.columns.join(", ")))
                }
                _ => None,
            })
            .collect(),
    })
}

/// `up` with PostgreSQL's online forms of its changes to tables that hold rows: indexes built
/// concurrently, foreign keys added NOT VALID then validated, UNIQUE through a concurrent
/// index, NOT NULL through a validated check. The checks of the rows come first, as before
/// (on PostgreSQL each is one statement), so a migration that cannot apply still stops with
/// nothing done. Kept only when every step then just sends statements on
/// PostgreSQL (an online migration's statements are counted to resume it): otherwise `up` stays
/// as it was, one transaction, and `false`.
pub fn online_forms(up: Vec<Step>) -> (Vec<Step>, bool) {
    fn online(step: Step) -> Step {
        match step {
            Step::CreateIndex {
                ref table,
                ref index,
            } if index.constraint => Step::Online {
                online: OnlineChange::Unique {
                    table: table.clone(),
                    name: index.name.clone(),
                    columns: index.columns.clone(),
                },
                other: Box::new(step),
            },
            Step::CreateIndex {
                ref table,
                ref index,
            } => Step::Online {
                online: OnlineChange::Index {
                    table: table.clone(),
                    index: index.clone(),
                },
                other: Box::new(step),
            },
            Step::AddForeignKey {
                ref table,
                ref foreign_key,
            } => Step::Online {
                online: OnlineChange::ForeignKey {
                    table: table.clone(),
                    foreign_key: foreign_key.clone(),
                },
                other: Box::new(step),
            },
            Step::PerBackend { sqlite, other } => Step::PerBackend {
                sqlite,
                other: other.into_iter().map(online).collect(),
            },
            other => other,
        }
    }
    fn plain(step: Step) -> Step {
        match step {
            Step::Online { other, .. } => *other,
            Step::PerBackend { sqlite, other } => Step::PerBackend {
                sqlite,
                other: other.into_iter().map(plain).collect(),
            },
            other => other,
        }
    }
    let candidate: Vec<Step> = up.into_iter().map(online).collect();
    if candidate.iter().any(Step::is_online) && candidate.iter().all(Step::is_plain_on_postgres) {
        (candidate, true)
    } else {
        (candidate.into_iter().map(plain).collect(), false)
    }
}

/// A type change after which PostgreSQL rewrites the table (all but a text column widened).
fn rewrites_table(change: &Change) -> Option<String> {
    let Change::AlterColumn { table, from, to } = change else {
        return None;
    };
    if from.sql_type == to.sql_type {
        return None;
    }
    let text = |t: &str| {
        let t = t.to_ascii_lowercase();
        t == "text" || t.starts_with("character varying") || t.starts_with("varchar")
    };
    let length = |t: &str| -> Option<u32> {
        t.split(['(', ')'])
            .nth(1)
            .and_then(|n| n.trim().parse().ok())
    };
    let widened = text(&from.sql_type)
        && text(&to.sql_type)
        && match (length(&from.sql_type), length(&to.sql_type)) {
            (_, None) => true,
            (Some(old), Some(new)) => new >= old,
            (None, Some(_)) => false,
        };
    (!widened).then(|| {
        format!(
            "{table}.{}: {} to {} (the table is rewritten under an ACCESS EXCLUSIVE lock: no reads \
             or writes meanwhile; on a large table add a column, backfill it in batches and \
             switch over instead)",
            from.name, from.sql_type, to.sql_type
        )
    })
}

/// `step` with a guard on the object it drops or creates (see [`Options::guard`]).
fn guarded(step: Step) -> Step {
    use crate::step::Object;
    let guard = |object: Object, present: bool, step: Step| Step::Guarded {
        object,
        present,
        step: Box::new(step),
    };
    match step {
        Step::DropTable(ref table) => guard(Object::Table(table.clone()), true, step),
        Step::CreateTable(ref t) => guard(Object::Table(t.name.clone()), false, step),
        Step::DropColumn {
            ref table,
            ref column,
        } => guard(
            Object::Column {
                table: table.clone(),
                column: column.clone(),
            },
            true,
            step,
        ),
        Step::AddColumn {
            ref table,
            ref column,
        } => guard(
            Object::Column {
                table: table.clone(),
                column: column.name.clone(),
            },
            false,
            step,
        ),
        Step::DropIndex {
            ref table,
            ref name,
            ref columns,
            constraint,
        } => {
            let object = if constraint {
                Object::Unique {
                    table: table.clone(),
                    columns: columns.clone(),
                }
            } else {
                Object::Index {
                    table: table.clone(),
                    name: name.clone(),
                }
            };
            guard(object, true, step)
        }
        Step::CreateIndex {
            ref table,
            ref index,
        } if index.unique => guard(
            Object::Unique {
                table: table.clone(),
                columns: index.columns.clone(),
            },
            false,
            step,
        ),
        Step::DropForeignKey {
            ref table,
            ref columns,
            ..
        } => guard(
            Object::ForeignKey {
                table: table.clone(),
                columns: columns.clone(),
            },
            true,
            step,
        ),
        Step::AddForeignKey {
            ref table,
            ref foreign_key,
        } => guard(
            Object::ForeignKey {
                table: table.clone(),
                columns: foreign_key.columns.clone(),
            },
            false,
            step,
        ),
        Step::DropCheck {
            ref table,
            ref name,
        } => guard(
            Object::Check {
                table: table.clone(),
                name: name.clone(),
            },
            true,
            step,
        ),
        Step::AddCheck {
            ref table,
            ref name,
            ..
        } => guard(
            Object::Check {
                table: table.clone(),
                name: name.clone(),
            },
            false,
            step,
        ),
        Step::PerBackend { sqlite, other } => Step::PerBackend {
            sqlite: sqlite.into_iter().map(guarded).collect(),
            other: other.into_iter().map(guarded).collect(),
        },
        other => other,
    }
}

fn rename_step(rename: &Rename) -> Step {
    match rename.clone() {
        Rename::Table { from, to } => Step::RenameTable { from, to },
        Rename::Column { table, from, to } => Step::RenameColumn { table, from, to },
    }
}

/// For a rename that names nothing: the table-qualified form, when `old=new` names a column
/// (`--rename source=origin` for `datasources.source`).
fn rename_hint(schema: &Schema, rename: &Rename) -> String {
    let Rename::Table { from, to } = rename else {
        return String::new();
    };
    let tables: Vec<String> = schema
        .tables
        .iter()
        .filter(|(_, t)| t.column(from).is_some())
        .map(|(name, _)| format!("--rename {name}.{from}={to}"))
        .collect();
    if tables.is_empty() {
        String::new()
    } else {
        format!(
            "\n  hint: a column is renamed with its table: {}",
            tables.join(" or ")
        )
    }
}

/// `schema` with the confirmed renames applied, so that the diff sees what is left.
fn apply_renames(schema: &Schema, renames: &[Rename]) -> Result<Schema, GenerateError> {
    let mut schema = schema.clone();
    for rename in renames {
        let hint = rename_hint(&schema, rename);
        let unknown = || GenerateError::UnknownRename {
            rename: rename.to_string(),
            hint: hint.clone(),
        };
        match rename {
            Rename::Table { from, to } => {
                let table = schema.tables.remove(from).ok_or_else(unknown)?;
                schema.tables.insert(to.clone(), table);
                for t in schema.tables.values_mut() {
                    for fk in &mut t.foreign_keys {
                        if fk.ref_table == *from {
                            fk.ref_table = to.clone();
                        }
                    }
                }
            }
            Rename::Column { table, from, to } => {
                let t = schema.tables.get_mut(table).ok_or_else(unknown)?;
                let column = t
                    .columns
                    .iter_mut()
                    .find(|c| c.name == *from)
                    .ok_or_else(unknown)?;
                column.name = to.clone();
                let rename_in = |columns: &mut Vec<String>| {
                    for c in columns.iter_mut().filter(|c| *c == from) {
                        *c = to.clone();
                    }
                };
                rename_in(&mut t.primary_key);
                t.indexes.iter_mut().for_each(|i| rename_in(&mut i.columns));
                t.foreign_keys
                    .iter_mut()
                    .for_each(|fk| rename_in(&mut fk.columns));
                for other in schema.tables.values_mut() {
                    for fk in other
                        .foreign_keys
                        .iter_mut()
                        .filter(|fk| fk.ref_table == *table)
                    {
                        rename_in(&mut fk.ref_columns);
                    }
                }
            }
        }
    }
    Ok(schema)
}

/// The differences from one side to the other that a migration must make: those of
/// [`schema_model::diff`] but what MariaDB makes by itself: the index that covers a foreign
/// key (made, and dropped, by [`mysql_key_cover`]'s steps on every plan), and the check of a
/// JSON column.
pub fn differences(from: &Side, to: &Side) -> Vec<Change> {
    // Left out of both sides before they are compared: paired by its columns, MariaDB's own
    // index would stand for a declared one that other backends must drop.
    let (from_schema, to_schema) = (without_key_indexes(from), without_key_indexes(to));
    diff(&from_schema, &to_schema)
        .into_iter()
        .filter(|c| !is_implicit_index_change(c, from, to))
        .collect()
}

/// `side`'s schema without the indexes MariaDB made for foreign keys.
fn without_key_indexes(side: &Side) -> Schema {
    let mut schema = side.schema.clone();
    for (name, table) in schema.tables.iter_mut() {
        table
            .indexes
            .retain(|i| !side.is_implicit_index(name, &i.name));
    }
    schema
}

/// Steps that create every enum type and table of `side` (referenced tables first) with its
/// indexes.
pub fn create_all(side: &Side) -> Result<Vec<Step>, GenerateError> {
    let tables = side
        .schema
        .tables
        .keys()
        .map(|t| side.table(t))
        .collect::<Result<Vec<_>, _>>()?;
    let enums = side
        .schema
        .enums
        .iter()
        .map(|(name, labels)| Step::CreateEnum {
            name: name.clone(),
            labels: labels.clone(),
        });
    let pgvector = has_vectors(side.schema).then_some(Step::RequirePgvector);
    Ok(pgvector
        .into_iter()
        .chain(enums)
        .chain(referenced_first(tables).into_iter().map(Step::CreateTable))
        .collect())
}

/// Whether a table of `schema` has a pgvector column.
fn has_vectors(schema: &Schema) -> bool {
    schema
        .tables
        .values()
        .flat_map(|t| &t.columns)
        .any(|c| c.sql_type.starts_with("vector("))
}

fn is_implicit_index_change(change: &Change, before: &Side, after: &Side) -> bool {
    match change {
        Change::AddIndex { table, index } => after.is_implicit_index(table, &index.name),
        Change::DropIndex { table, index } => before.is_implicit_index(table, &index.name),
        Change::AddCheck { check, .. } | Change::DropCheck { check, .. } => {
            after.flavour == Flavour::MariaDb && is_json_check(check)
        }
        _ => false,
    }
}

/// Whether an index or the primary key of `table` (other than MySQL's own index for a foreign
/// key, named after it) is led by `columns`.
fn is_covered(table: &schema_model::Table, columns: &[String]) -> bool {
    let own = |name: &str| table.foreign_keys.iter().any(|fk| fk.name == name);
    table.primary_key.starts_with(columns)
        || table
            .indexes
            .iter()
            .any(|i| i.columns.starts_with(columns) && (i.unique || !own(&i.name)))
}

/// MySQL and MariaDB keep an index led by every foreign key's columns: they make one named
/// after the key when none is declared, keep it when the key goes, and refuse to drop the last
/// one. Whatever backend the plan is made on, its migration must run there too, so each plan
/// says (in steps that act on MySQL only): the index a key that stays needs once its declared
/// cover goes (`create`, before indexes are dropped), and the key's own index that is no
/// longer needed, after its key went or another index covers it (`drop`, after).
fn mysql_key_cover(table: &str, from: &Side, to: &Side) -> (Vec<Step>, Vec<Step>) {
    let (Some(old), Some(new)) = (from.schema.tables.get(table), to.schema.tables.get(table))
    else {
        return (vec![], vec![]);
    };
    let same_key = |t: &schema_model::Table, columns: &[String]| {
        t.foreign_keys.iter().any(|fk| fk.columns == columns)
    };
    let create = old
        .foreign_keys
        .iter()
        .filter(|fk| same_key(new, &fk.columns))
        .filter(|fk| is_covered(old, &fk.columns) && !is_covered(new, &fk.columns))
        .map(|fk| Step::CreateKeyIndex {
            table: table.into(),
            name: from.foreign_key(table, fk).name,
            columns: fk.columns.clone(),
        })
        .collect();
    let drop = old
        .foreign_keys
        .iter()
        .filter(|fk| !is_covered(old, &fk.columns))
        .filter(|fk| !same_key(new, &fk.columns) || is_covered(new, &fk.columns))
        .map(|fk| Step::DropKeyIndex {
            table: table.into(),
            name: from.foreign_key(table, fk).name,
            columns: fk.columns.clone(),
        })
        .collect();
    (create, drop)
}

/// MariaDB's JSON type: LONGTEXT with a check named after the column, which comes and goes
/// with the column's type.
pub(crate) fn is_json_check(check: &schema_model::Check) -> bool {
    check
        .expression
        .eq_ignore_ascii_case(&format!("json_valid(`{}`)", check.name))
}

/// A type change that can lose or reject values (anything but a widening).
fn narrows(from: &str, to: &str) -> bool {
    let length = |t: &str| -> Option<u64> {
        t.split_once('(')
            .and_then(|(_, rest)| rest.trim_end_matches(')').parse().ok())
    };
    let base = |t: &str| t.split('(').next().unwrap_or(t).trim().to_owned();
    let family = |t: &str| match base(t).as_str() {
        "character varying" | "varchar" => Some(("text", 1)),
        "text" | "longtext" | "mediumtext" => Some(("text", 2)),
        "smallint" | "tinyint" => Some(("int", 1)),
        "integer" | "int" => Some(("int", 2)),
        "bigint" => Some(("int", 3)),
        "real" | "float" => Some(("float", 1)),
        "double precision" | "double" => Some(("float", 2)),
        _ => None,
    };
    match (family(from), family(to)) {
        (Some((a, rank_from)), Some((b, rank_to))) if a == b => {
            if rank_from != rank_to {
                return rank_to < rank_from;
            }
            // Same kind: a length that shrinks (or appears) narrows.
            match (length(from), length(to)) {
                (None, None) => false,
                (Some(n), Some(m)) => m < n,
                (None, Some(_)) => true,
                (Some(_), None) => false,
            }
        }
        _ => true,
    }
}

/// pgvector's dimension in a `vector(n)` spelling.
fn vector_dimensions(sql_type: &str) -> Option<u32> {
    sql_type
        .strip_prefix("vector(")?
        .strip_suffix(')')?
        .parse()
        .ok()
}

/// Whether pgvector casts `sql_type` (PostgreSQL's spelling) to a vector: arrays of numbers.
fn casts_to_vector(sql_type: &str) -> bool {
    sql_type.strip_suffix("[]").is_some_and(|element| {
        matches!(
            element.split('(').next().unwrap_or(element),
            "real" | "double precision" | "integer" | "numeric"
        )
    })
}

/// The step that converts `table`'s column between an array of numbers and `vector(n)`, where
/// that is what changes: pgvector's casts, on PostgreSQL only (vectors are bytes elsewhere).
fn vector_cast(
    table: &str,
    from: &schema_model::Column,
    to: &schema_model::Column,
) -> Option<Step> {
    if casts_to_vector(&from.sql_type) {
        return vector_dimensions(&to.sql_type).map(|dimensions| Step::ArrayToVector {
            table: table.into(),
            column: to.name.clone(),
            dimensions,
        });
    }
    (vector_dimensions(&from.sql_type).is_some() && casts_to_vector(&to.sql_type)).then(|| {
        Step::VectorTo {
            table: table.into(),
            column: to.name.clone(),
            sql_type: to.sql_type.clone(),
        }
    })
}

/// Why a column cannot become `vector(n)` by a cast `generate` can check, and the hand-written
/// conversion instead; `None` for a change that is not to a vector, or that has such a cast.
fn no_vector_cast(
    table: &str,
    from: &schema_model::Column,
    to: &schema_model::Column,
) -> Option<GenerateError> {
    let dimensions = vector_dimensions(&to.sql_type)?;
    if vector_dimensions(&from.sql_type).is_some() || casts_to_vector(&from.sql_type) {
        return None;
    }
    let column = &to.name;
    let base = from.sql_type.split('(').next().unwrap_or(&from.sql_type);
    let (why, up, down) = match base {
        "json" | "jsonb" | "text" | "character varying" => (
            "PostgreSQL has no cast from JSON to a vector, and a value may be any JSON (an \
             object, a string, an array of another length): only you can say that these are \
             the embeddings",
            format!("json_to_vector(manager, {table:?}, {column:?}, {dimensions})"),
            format!(
                "vector_to(manager, {table:?}, {column:?}, {:?})",
                from.sql_type
            ),
        ),
        "bytea" => (
            "PostgreSQL has no cast from bytes to a vector: bytes have no one meaning as numbers",
            format!(
                "bytes_to_vector(manager, &require_pgvector(manager).await?, {table:?}, \
                 {column:?}, \"id\", {dimensions}) (which reads little-endian 32-bit floats)"
            ),
            format!("vector_to_bytes(manager, {table:?}, {column:?}, \"id\")"),
        ),
        _ => (
            "pgvector casts only arrays of numbers (real[], double precision[], integer[], \
             numeric[]) to a vector",
            "a conversion of each value (see bytes_to_vector in \
             crates/migration/src/schema_change/vectors.rs)"
                .to_owned(),
            "the conversion back".to_owned(),
        ),
    };
    Some(GenerateError::NoVectorCast(Box::new(NoVectorCast {
        place: format!("{table}.{column}"),
        from: from.sql_type.clone(),
        to: to.sql_type.clone(),
        why: why.to_owned(),
        up,
        down,
    })))
}

/// Whether every label of the native enum `sql_type` (if it is one) fits a `to` column: then
/// the change to text loses nothing.
fn enum_fits(before: &Schema, sql_type: &str, to: &str) -> bool {
    let Some(labels) = before.enums.get(sql_type) else {
        return false;
    };
    let limit = to
        .strip_prefix("character varying(")
        .or_else(|| to.strip_prefix("varchar("))
        .and_then(|n| n.strip_suffix(')')?.parse::<usize>().ok());
    match limit {
        Some(n) => labels.iter().all(|l| l.chars().count() <= n),
        None => matches!(to, "text" | "character varying"),
    }
}

fn data_loss(change: &Change, before: &Schema) -> Option<String> {
    match change {
        Change::AlterColumn { table, from, to } if casts_to_vector(&from.sql_type) => {
            // real[] and integer[] within 2^24 fit a vector's 32-bit floats exactly.
            matches!(
                from.sql_type.split(['(', '[']).next(),
                Some("double precision" | "numeric")
            )
            .then(|| {
                format!(
                    "{table}.{}: {} → {}: each number is rounded to a 32-bit float",
                    to.name, from.sql_type, to.sql_type
                )
            })
        }
        Change::AlterColumn { from, to, .. } if enum_fits(before, &from.sql_type, &to.sql_type) => {
            None
        }
        Change::DropTable { table, .. } => Some(format!("table {table} and every row in it")),
        Change::DropColumn { table, column } => {
            Some(format!("column {table}.{} and its values", column.name))
        }
        Change::AlterColumn { table, from, to }
            if from.sql_type.starts_with("vector(") && to.sql_type.starts_with("vector(") =>
        {
            (from.sql_type != to.sql_type).then(|| {
                format!(
                    "{table}.{}: {} → {}: every stored embedding must be recomputed with a model \
                     of the new dimension (no cast changes a vector's dimension, so `up` \
                     stops on a table that holds any: empty it, upgrade, then embed again)",
                    to.name, from.sql_type, to.sql_type
                )
            })
        }
        Change::AlterColumn { table, from, to } if from.sql_type != to.sql_type => {
            narrows(&from.sql_type, &to.sql_type).then(|| {
                format!(
                    "{table}.{}: {} → {} can cut or reject existing values",
                    to.name, from.sql_type, to.sql_type
                )
            })
        }
        Change::DropCheck { table, check } => Some(format!(
            "check {} of {table} ({}): no longer enforced",
            check.name, check.expression
        )),
        Change::DropEnum { name, .. } => Some(format!(
            "enum type {name}: its columns become the entities' text columns"
        )),
        _ => None,
    }
}

/// The stops before anything is written: unconfirmed renames, data loss without consent, a
/// required column existing rows cannot fill, and changes the generator does not write.
fn check_safety(changes: &[Change], before: &Side, options: &Options) -> Result<(), GenerateError> {
    for change in changes {
        let Change::AlterColumn { table, from, to } = change else {
            continue;
        };
        if let Some(refusal) = no_vector_cast(table, from, to) {
            return Err(refusal);
        }
        if vector_cast(table, from, to).is_some()
            && (from.nullable != to.nullable || from.default != to.default)
        {
            return Err(GenerateError::Unsupported {
                place: format!("{table}.{}", to.name),
                what: "a vector's type changed with its nullability or default at once \
                       (generate the type change alone first)"
                    .into(),
            });
        }
    }
    let renames = rename_candidates(changes);
    if !renames.is_empty() && !options.allow_destructive {
        return Err(GenerateError::PossibleRename(renames));
    }
    let lost: Vec<String> = changes
        .iter()
        .filter_map(|c| data_loss(c, before.schema))
        .collect();
    if !lost.is_empty() && !options.allow_destructive {
        return Err(GenerateError::Destructive(lost));
    }
    for change in changes {
        match change {
            Change::AddColumn { table, column } if needs_a_value(table, column, options) => {
                return Err(GenerateError::RequiredWithoutDefault {
                    table: table.clone(),
                    column: column.name.clone(),
                })
            }
            // Entities declare neither: a check or an enum type to add comes from nowhere
            // `generate` can write from. (Dropping them is data loss, above.)
            Change::AddCheck { table, .. } => {
                return Err(GenerateError::Unsupported {
                    place: table.clone(),
                    what: "a check constraint to add".into(),
                })
            }
            Change::AddEnum { name, .. } | Change::AlterEnum { name, .. } => {
                return Err(GenerateError::Unsupported {
                    place: name.clone(),
                    what: "a native enum type".into(),
                })
            }
            _ => {}
        }
    }
    Ok(())
}

/// Refuses an entities' schema that a backend cannot hold, before anything is planned: a
/// foreign key must reference a primary or unique key, with columns of the same types, and
/// MySQL/MariaDB index no TEXT, JSON or BLOB column (they need a length). Only the tables
/// `changes` touch are looked at: what the migrations already made is not questioned.
fn validate(after: &Side, changes: &[Change]) -> Result<(), GenerateError> {
    use sea_orm::sea_query::ColumnType::{Blob, Json, JsonBinary, Text};
    let touched: BTreeSet<&str> = changes.iter().filter_map(changed_table).collect();
    let invalid = |place: String, why: String| Err(GenerateError::Invalid { place, why });
    for (name, table) in &after.schema.tables {
        let referenced_here = table
            .foreign_keys
            .iter()
            .any(|fk| touched.contains(fk.ref_table.as_str()));
        if !touched.contains(name.as_str()) && !referenced_here {
            continue;
        }
        for fk in &table.foreign_keys {
            let place = format!("{name}.{}", fk.columns.join(", "));
            let Some(target) = after.schema.tables.get(&fk.ref_table) else {
                return invalid(
                    place,
                    format!("references {}, which no entity defines", fk.ref_table),
                );
            };
            let keyed = target.primary_key == fk.ref_columns
                || target
                    .indexes
                    .iter()
                    .any(|i| i.unique && i.columns == fk.ref_columns);
            if !keyed {
                return invalid(
                    place,
                    format!(
                        "references {}({}), which is neither its primary key nor a unique key",
                        fk.ref_table,
                        fk.ref_columns.join(", ")
                    ),
                );
            }
            let sets_null = [fk.on_delete, fk.on_update].contains(&ReferentialAction::SetNull);
            if let Some(required) = fk
                .columns
                .iter()
                .find(|c| sets_null && table.column(c).is_some_and(|c| !c.nullable))
            {
                return invalid(
                    format!("{name}.{required}"),
                    format!(
                        "is NOT NULL, but its foreign key to {} sets it to NULL (ON DELETE/UPDATE \
                         SET NULL): make it `Option<…>`, or choose another rule",
                        fk.ref_table
                    ),
                );
            }
            for (column, referenced) in fk.columns.iter().zip(&fk.ref_columns) {
                let ty = |t: &schema_model::Table, c: &str| t.column(c).map(|c| c.sql_type.clone());
                if ty(table, column) != ty(target, referenced) {
                    return invalid(
                        format!("{name}.{column}"),
                        format!(
                            "is {} but references {}.{referenced}, which is {}: a foreign key \
                             needs the same type on both sides",
                            ty(table, column).unwrap_or_default(),
                            fk.ref_table,
                            ty(target, referenced).unwrap_or_default()
                        ),
                    );
                }
            }
        }
        if !touched.contains(name.as_str()) {
            continue;
        }
        let keys = table
            .indexes
            .iter()
            .map(|i| &i.columns)
            .chain(std::iter::once(&table.primary_key));
        for column in keys.flatten() {
            let spec = after.column(name, column)?;
            if matches!(spec.ty, Text | Json | JsonBinary | Blob) {
                return invalid(
                    format!("{name}.{column}"),
                    format!(
                        "is {:?} and part of an index or key, which MySQL and MariaDB cannot \
                         build on a column without a length: declare it \
                         `String(StringLen::N(…))`, or leave it out of the index",
                        spec.ty
                    ),
                );
            }
        }
    }
    Ok(())
}

/// The table a change is about, for changes to tables (not to enum types).
fn changed_table(change: &Change) -> Option<&str> {
    match change {
        Change::AddTable { table, .. }
        | Change::DropTable { table, .. }
        | Change::AddColumn { table, .. }
        | Change::DropColumn { table, .. }
        | Change::AlterColumn { table, .. }
        | Change::AlterPrimaryKey { table, .. }
        | Change::AddIndex { table, .. }
        | Change::DropIndex { table, .. }
        | Change::AddForeignKey { table, .. }
        | Change::DropForeignKey { table, .. }
        | Change::AlterForeignKey { table, .. }
        | Change::AddCheck { table, .. }
        | Change::DropCheck { table, .. } => Some(table),
        Change::AddEnum { .. } | Change::DropEnum { .. } | Change::AlterEnum { .. } => None,
    }
}

/// A required column added without a default, for which no backfill was given.
fn needs_a_value(table: &str, column: &schema_model::Column, options: &Options) -> bool {
    !column.nullable
        && column.default.is_none()
        && !options
            .backfills
            .iter()
            .any(|b| b.is_for(table, &column.name))
}

/// `before` with the confirmed renames applied, and the differences left to the entities.
fn differences_after_renames(
    before: &Side,
    after: &Side,
    renames: &[Rename],
) -> Result<Vec<Change>, GenerateError> {
    let renamed = apply_renames(before.schema, renames)?;
    let before = Side {
        schema: &renamed,
        ..*before
    };
    Ok(differences(&before, after))
}

/// Drops and adds that may be renames, as `--rename` arguments.
fn rename_candidates(changes: &[Change]) -> Vec<String> {
    let mut renames: Vec<String> = possible_renames(changes)
        .into_iter()
        .map(|(table, old, new)| format!("{table}.{old}={new}"))
        .collect();
    renames.extend(possible_table_renames(changes));
    renames
}

/// The drops and adds between the sides that may be renames, once `renames` are applied:
/// what to ask about before planning.
pub fn possible_renames_between(
    before: &Side,
    after: &Side,
    renames: &[Rename],
) -> Result<Vec<String>, GenerateError> {
    Ok(rename_candidates(&differences_after_renames(
        before, after, renames,
    )?))
}

/// Required columns the change adds without a default and without a backfill, as
/// `table.column`: what to ask a value for before planning.
pub fn unfilled_required_columns(
    before: &Side,
    after: &Side,
    options: &Options,
) -> Result<Vec<String>, GenerateError> {
    Ok(differences_after_renames(before, after, &options.renames)?
        .iter()
        .filter_map(|c| match c {
            Change::AddColumn { table, column } if needs_a_value(table, column, options) => {
                Some(format!("{table}.{}", column.name))
            }
            _ => None,
        })
        .collect())
}

/// A dropped and an added table that share most of their columns (name and type): perhaps
/// one table renamed, and changed on the way. Each dropped table is paired with the added
/// one it shares most with, if that is at least half of the columns of both.
fn possible_table_renames(changes: &[Change]) -> Vec<String> {
    let shape = |t: &schema_model::Table| -> BTreeSet<(String, String)> {
        t.columns
            .iter()
            .map(|c| (c.name.clone(), c.sql_type.clone()))
            .collect()
    };
    let mut out = Vec::new();
    for dropped in changes {
        let Change::DropTable {
            table: old,
            definition: old_def,
        } = dropped
        else {
            continue;
        };
        let old_shape = shape(old_def);
        let best = changes
            .iter()
            .filter_map(|added| match added {
                Change::AddTable {
                    table: new,
                    definition,
                } => {
                    let new_shape = shape(definition);
                    let shared = old_shape.intersection(&new_shape).count();
                    let alike = 2 * shared >= old_shape.len().max(new_shape.len()) && shared > 0;
                    alike.then_some((shared, new))
                }
                _ => None,
            })
            .max_by_key(|(shared, _)| *shared);
        if let Some((_, new)) = best {
            out.push(format!("{old}={new}"));
        }
    }
    out
}

/// Tables of `tables` ordered so that each comes after those it references (that are also
/// in the list); a cycle keeps the given order.
fn referenced_first(tables: Vec<TableSpec>) -> Vec<TableSpec> {
    let mut pending = tables;
    let mut done: Vec<TableSpec> = Vec::new();
    while !pending.is_empty() {
        let names: Vec<String> = pending.iter().map(|t| t.name.clone()).collect();
        let ready = pending
            .iter()
            .position(|t| {
                t.foreign_keys
                    .iter()
                    .all(|fk| fk.ref_table == t.name || !names.contains(&fk.ref_table))
            })
            .unwrap_or(0);
        done.push(pending.remove(ready));
    }
    done
}

/// The steps that make `to` from `from`, given the changes between them.
fn steps(
    from: &Side,
    to: &Side,
    changes: &[Change],
    backfills: &[Backfill],
) -> Result<Vec<Step>, GenerateError> {
    let mut created = Vec::new();
    let mut dropped = Vec::new();
    let mut enums_created = Vec::new();
    let mut enums_dropped = Vec::new();
    let mut altered: BTreeMap<&str, Vec<&Change>> = BTreeMap::new();
    for change in changes {
        match change {
            Change::AddTable { table, .. } => created.push(to.table(table)?),
            Change::DropTable { table, .. } => dropped.push(from.table(table)?),
            Change::AddEnum { name, labels } => enums_created.push(Step::CreateEnum {
                name: name.clone(),
                labels: labels.clone(),
            }),
            Change::DropEnum { name, .. } => enums_dropped.push(Step::DropEnum(name.clone())),
            Change::AlterEnum { .. } => {}
            // Everything else changes a table that stays.
            other => {
                if let Some(table) = changed_table(other) {
                    altered.entry(table).or_default().push(change);
                }
            }
        }
    }
    // Enum types before the columns that use them, and dropped after.
    let mut out: Vec<Step> = enums_created;
    out.extend(referenced_first(created).into_iter().map(Step::CreateTable));
    let order: Vec<String> = referenced_first(
        altered
            .keys()
            .map(|t| to.table(t))
            .collect::<Result<_, _>>()?,
    )
    .into_iter()
    .map(|t| t.name)
    .collect();
    let mut requirements = Vec::new();
    for table in order {
        let (required, table_steps) =
            table_steps(from, to, &table, &altered[table.as_str()], backfills)?;
        requirements.extend(required);
        out.extend(table_steps);
    }
    // The rows are checked before anything changes.
    out.splice(0..0, requirements);
    let mut dropped = referenced_first(dropped);
    dropped.reverse();
    out.extend(dropped.into_iter().map(|t| Step::DropTable(t.name)));
    out.extend(enums_dropped);
    Ok(out)
}

/// The value `down` gives the rows when it adds back a required column without a default that
/// `up` dropped: the values are gone, and NOT NULL needs one per row. None for a type with no
/// neutral value that every backend takes (a UUID, bytes): such a `down` fails on a table with
/// rows, and says so.
fn refills(to: &Side, changes: &[Change]) -> Vec<Backfill> {
    changes
        .iter()
        .filter_map(|c| match c {
            Change::AddColumn { table, column } if !column.nullable && column.default.is_none() => {
                let spec = to.column(table, &column.name).ok()?;
                Some(Backfill {
                    table: table.clone(),
                    column: column.name.clone(),
                    value: neutral_value(&spec.ty)?,
                })
            }
            _ => None,
        })
        .collect()
}

/// Of the required columns `down` adds back, those it cannot fill: no neutral value, or one
/// that a unique index, the primary key or a foreign key would refuse in a second row.
fn irreversible(to: &Side, changes: &[Change], refills: &[Backfill]) -> Vec<String> {
    changes
        .iter()
        .filter_map(|c| match c {
            Change::AddColumn { table, column } if !column.nullable && column.default.is_none() => {
                let t = to.schema.tables.get(table)?;
                let keyed = t.primary_key.contains(&column.name)
                    || t.indexes
                        .iter()
                        .any(|i| i.unique && i.columns.contains(&column.name))
                    || t.foreign_keys
                        .iter()
                        .any(|fk| fk.columns.contains(&column.name));
                let filled = refills.iter().any(|b| b.is_for(table, &column.name));
                (keyed || !filled).then(|| format!("{table}.{}", column.name))
            }
            _ => None,
        })
        .collect()
}

fn neutral_value(ty: &sea_orm::sea_query::ColumnType) -> Option<Expr> {
    use sea_orm::sea_query::ColumnType::*;
    Some(match ty {
        Char(_) | String(_) | Text => Expr::val(""),
        TinyInteger | SmallInteger | Integer | BigInteger | Float | Double | Decimal(_) => {
            Expr::val(0)
        }
        Boolean => Expr::val(false),
        Date => Expr::val("2000-01-01"),
        Time => Expr::val("00:00:00"),
        DateTime | Timestamp | TimestampWithTimeZone => Expr::val("2000-01-01 00:00:00"),
        Json | JsonBinary => Expr::val("{}"),
        _ => return None,
    })
}

/// A default every existing row can be given by `ALTER TABLE … ADD COLUMN` on SQLite, which
/// refuses a non-constant one (such as `CURRENT_TIMESTAMP`).
fn is_constant(default: &Expr) -> bool {
    matches!(default, Expr::Value(_) | Expr::Constant(_))
}

/// Whether SQLite's `ALTER TABLE … DROP COLUMN` can drop `column` of `table`: not when it is
/// part of the primary key, a foreign key, a UNIQUE constraint, an index that stays (`dropped`
/// are the indexes dropped before it), or a check.
fn sqlite_can_drop_column(table: &schema_model::Table, column: &str, dropped: &[Step]) -> bool {
    let is_dropped = |name: &str| {
        dropped
            .iter()
            .any(|s| matches!(s, Step::DropIndex { name: n, constraint: false, .. } if n == name))
    };
    let mentions = |text: &str| text.to_lowercase().contains(&column.to_lowercase());
    !table.primary_key.iter().any(|c| c == column)
        && !table
            .foreign_keys
            .iter()
            .any(|fk| fk.columns.iter().any(|c| c == column))
        && !table.indexes.iter().any(|i| {
            i.columns.iter().any(|c| c == column) && (i.constraint || !is_dropped(&i.name))
        })
        && !table.checks.iter().any(|c| mentions(&c.expression))
}

/// The new maximum length of a text column whose type change makes it shorter.
fn shortened(from: &ColumnType, to: &ColumnType) -> Option<u32> {
    let max = |ty: &ColumnType| match ty {
        ColumnType::String(StringLen::N(n)) | ColumnType::Char(Some(n)) => Some(*n),
        _ => None,
    };
    let text = |ty: &ColumnType| {
        matches!(
            ty,
            ColumnType::String(_) | ColumnType::Char(_) | ColumnType::Text
        )
    };
    let new = max(to)?;
    (text(from) && max(from).is_none_or(|old| old > new)).then_some(new)
}

/// The steps for one table that exists on both sides: the same everywhere when SQLite can
/// make the change in place, otherwise a rebuild there and `ALTER`s elsewhere. The first
/// part are the conditions on the rows, which the migration checks before any change.
fn table_steps(
    from: &Side,
    to: &Side,
    table: &str,
    changes: &[&Change],
    backfills: &[Backfill],
) -> Result<(Vec<Step>, Vec<Step>), GenerateError> {
    let mut backfilled = Vec::new();
    let mut drop_defaults = Vec::new();
    let mut drop_keys = Vec::new();
    let mut drop_indexes = Vec::new();
    let mut add_columns = Vec::new();
    let mut alter_columns = Vec::new();
    let mut drop_columns = Vec::new();
    let mut add_indexes = Vec::new();
    // Dropped before the new ones are made: such an index keeps its declared name when its
    // definition changes (it covers no foreign key, and exists on PostgreSQL only).
    let mut drop_indexes_using = Vec::new();
    let mut add_keys = Vec::new();
    let mut primary_key = Vec::new();
    let mut fills = Vec::new();
    let mut drop_checks = Vec::new();
    let mut add_checks = Vec::new();
    let mut requirements = Vec::new();
    let mut require = |requirement| {
        requirements.push(Step::Require {
            table: table.into(),
            requirement,
        })
    };
    // A column that holds rows' values before the migration (not one it adds).
    let existed = |column: &str| {
        from.schema
            .tables
            .get(table)
            .is_some_and(|t| t.column(column).is_some())
    };
    // Between arrays of numbers and vectors: pgvector's casts (PostgreSQL only), made once the
    // old indexes are gone and before the new ones.
    let mut vector_casts = Vec::new();
    for change in changes {
        if let Change::AlterColumn {
            from: old, to: new, ..
        } = change
        {
            if let Some(cast) = vector_cast(table, old, new) {
                vector_casts.push(cast);
                continue;
            }
        }
        match change {
            Change::AddColumn { column, .. } => {
                let mut added = to.column(table, &column.name)?;
                let fill = backfills.iter().find(|b| b.is_for(table, &column.name));
                let keyed = to.schema.tables.get(table).is_some_and(|t| {
                    t.primary_key.contains(&column.name)
                        || t.indexes
                            .iter()
                            .any(|i| i.unique && i.columns.contains(&column.name))
                        || t.foreign_keys
                            .iter()
                            .any(|fk| fk.columns.contains(&column.name))
                });
                if !column.nullable && column.default.is_none() && (fill.is_none() || keyed) {
                    // No one value fits every row: only an empty table can take the column.
                    require(Requirement::NoRows(column.name.clone()));
                }
                if let Some(fill) = fill {
                    // Added with the value as its default, which then goes again.
                    added.default = Some(fill.value.clone());
                    backfilled.push(Step::AddColumn {
                        table: table.into(),
                        column: added.clone(),
                    });
                    drop_defaults.push(Step::DropDefault {
                        table: table.into(),
                        column: column.name.clone(),
                    });
                }
                add_columns.push(Step::AddColumn {
                    table: table.into(),
                    column: added,
                })
            }
            Change::DropColumn { column, .. } => drop_columns.push(Step::DropColumn {
                table: table.into(),
                column: column.name.clone(),
            }),
            Change::AlterColumn {
                from: old, to: new, ..
            } => {
                let column: ColumnSpec = to.column(table, &new.name)?;
                if old.nullable && !new.nullable {
                    match backfills.iter().find(|b| b.is_for(table, &new.name)) {
                        Some(fill) => fills.push(Step::FillNulls {
                            table: table.into(),
                            column: new.name.clone(),
                            value: fill.value.clone(),
                        }),
                        None => require(Requirement::NoNulls(new.name.clone())),
                    }
                }
                if let Some(max) = shortened(&from.column(table, &old.name)?.ty, &column.ty) {
                    require(Requirement::MaxLength {
                        column: new.name.clone(),
                        max,
                    });
                }
                let alter = Step::AlterColumn {
                    table: table.into(),
                    retype: old.sql_type != new.sql_type,
                    column,
                    drop_default: old.default.is_some() && new.default.is_none(),
                };
                let only_not_null = old.nullable
                    && !new.nullable
                    && old.sql_type == new.sql_type
                    && old.default == new.default;
                alter_columns.push(if only_not_null {
                    Step::Online {
                        online: OnlineChange::NotNull {
                            table: table.into(),
                            column: new.name.clone(),
                        },
                        other: Box::new(alter),
                    }
                } else {
                    alter
                })
            }
            Change::AlterPrimaryKey { to: columns, .. } => {
                if columns.iter().all(|c| existed(c)) {
                    require(Requirement::Unique(columns.clone()));
                }
                primary_key.push(Step::ReplacePrimaryKey {
                    table: table.into(),
                    columns: columns.clone(),
                })
            }
            Change::AddIndex { index, .. } => {
                if index.unique && index.columns.iter().all(|c| existed(c)) {
                    require(Requirement::Unique(index.columns.clone()));
                }
                add_indexes.push(Step::CreateIndex {
                    table: table.into(),
                    index: to.index(table, index),
                })
            }
            // A unique index is found by its columns when dropped, and rebuilds the table on
            // SQLite: it may be a constraint there (or elsewhere) whatever it is here.
            Change::DropIndex { index, .. } if index.method.is_some() => {
                drop_indexes_using.push(Step::DropIndexUsing {
                    table: table.into(),
                    name: index.name.clone(),
                })
            }
            Change::DropIndex { index, .. } => {
                let dropped = from.index(table, index);
                drop_indexes.push(Step::DropIndex {
                    table: table.into(),
                    name: dropped.name,
                    columns: dropped.columns,
                    constraint: dropped.unique,
                })
            }
            Change::AddForeignKey { foreign_key, .. } => {
                let target_existed = from.schema.tables.contains_key(&foreign_key.ref_table);
                if target_existed && foreign_key.columns.iter().all(|c| existed(c)) {
                    require(Requirement::References {
                        columns: foreign_key.columns.clone(),
                        ref_table: foreign_key.ref_table.clone(),
                        ref_columns: foreign_key.ref_columns.clone(),
                    });
                }
                add_keys.push(Step::AddForeignKey {
                    table: table.into(),
                    foreign_key: to.foreign_key(table, foreign_key),
                })
            }
            Change::DropForeignKey { foreign_key, .. } => drop_keys.push(Step::DropForeignKey {
                table: table.into(),
                name: from.foreign_key(table, foreign_key).name,
                columns: foreign_key.columns.clone(),
            }),
            Change::DropCheck { check, .. } => drop_checks.push(Step::DropCheck {
                table: table.into(),
                name: check.name.clone(),
            }),
            Change::AddCheck { check, .. } => add_checks.push(Step::AddCheck {
                table: table.into(),
                name: check.name.clone(),
                expression: check.expression.clone(),
            }),
            Change::AlterForeignKey {
                from: old, to: new, ..
            } => {
                drop_keys.push(Step::DropForeignKey {
                    table: table.into(),
                    name: from.foreign_key(table, old).name,
                    columns: old.columns.clone(),
                });
                add_keys.push(Step::AddForeignKey {
                    table: table.into(),
                    foreign_key: to.foreign_key(table, new),
                });
            }
            _ => {}
        }
    }
    // What SQLite can do without rebuilding the table: add a column that existing rows can
    // fill with a constant, drop a column nothing else refers to, and plain indexes.
    let old_table = from.schema.tables.get(table);
    let sqlite_adds = add_columns.iter().all(|s| match s {
        Step::AddColumn { column, .. } => {
            column.default.as_ref().map_or(column.nullable, is_constant)
        }
        _ => true,
    });
    let sqlite_drops = drop_columns.iter().all(|s| match (s, old_table) {
        (Step::DropColumn { column, .. }, Some(old)) => {
            sqlite_can_drop_column(old, column, &drop_indexes)
        }
        _ => false,
    });
    let drops_constraint = drop_indexes.iter().any(|s| {
        matches!(
            s,
            Step::DropIndex {
                constraint: true,
                ..
            }
        )
    });
    let in_place = alter_columns.is_empty()
        && drop_checks.is_empty()
        && add_checks.is_empty()
        && sqlite_adds
        && sqlite_drops
        && !drops_constraint
        && drop_keys.is_empty()
        && add_keys.is_empty()
        && primary_key.is_empty()
        && backfilled.is_empty();
    // New indexes before old ones go: MariaDB refuses to drop the last index that covers a
    // foreign key. Indexes go before the columns in them (SQLite refuses to drop an indexed
    // column).
    let (key_covers, key_indexes_unneeded) = mysql_key_cover(table, from, to);
    let mut everywhere = Vec::new();
    everywhere.extend(drop_checks);
    everywhere.extend(drop_keys);
    everywhere.extend(add_columns);
    everywhere.extend(drop_defaults);
    everywhere.extend(alter_columns);
    everywhere.extend(primary_key);
    everywhere.extend(drop_indexes_using);
    everywhere.extend(vector_casts.iter().cloned());
    everywhere.extend(add_indexes);
    everywhere.extend(key_covers);
    everywhere.extend(drop_indexes);
    everywhere.extend(key_indexes_unneeded);
    everywhere.extend(drop_columns);
    everywhere.extend(add_keys);
    everywhere.extend(add_checks);
    let everywhere: Vec<Step> = fills.iter().cloned().chain(everywhere).collect();
    if in_place {
        return Ok((requirements, everywhere));
    }
    let everywhere: Vec<Step> = everywhere
        .into_iter()
        .filter(|s| !matches!(s, Step::FillNulls { .. }))
        .collect();
    let rebuilt = to.table(table)?;
    let kept = from.schema.tables.get(table);
    let filled = |name: &str| backfills.iter().any(|b| b.is_for(table, name));
    let copy = rebuilt
        .columns
        .iter()
        .filter(|c| kept.is_some_and(|t| t.column(&c.name).is_some()) || filled(&c.name))
        .map(|c| (c.name.clone(), c.name.clone()))
        .collect();
    // Backfilled columns are added and NULLs filled first, so that the rebuild copies the
    // values.
    let mut sqlite = fills.clone();
    sqlite.extend(backfilled);
    sqlite.push(Step::Rebuild {
        table: rebuilt,
        copy,
    });
    let mut other = fills;
    other.extend(everywhere);
    Ok((requirements, vec![Step::PerBackend { sqlite, other }]))
}

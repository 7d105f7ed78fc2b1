//! From two schemas to the steps of `up` and `down`: renames applied first, then the typed
//! differences, each refused or turned into steps in dependency order (tables are created
//! before the keys that reference them and dropped after them).

use crate::spec::{ColumnSpec, Side, TableSpec};
use crate::step::Step;
use crate::GenerateError;
use schema_model::{diff, possible_renames, report, Change, Schema};
use sea_orm::sea_query::Expr;
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
    /// Drops and adds that may have been renames, planned as drop + add because
    /// `--allow-destructive` was given without `--rename`: the file and the report say so.
    pub unconfirmed_renames: Vec<String>,
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
    check_safety(&changes, options)?;
    let mut up: Vec<Step> = options.renames.iter().map(rename_step).collect();
    up.extend(steps(&before_renamed, after, &changes, &options.backfills)?);

    let reverse: Vec<Change> = changes.iter().map(Change::reverse).collect();
    let mut down = steps(after, &before_renamed, &reverse, &[])?;
    down.extend(
        options
            .renames
            .iter()
            .rev()
            .map(|r| rename_step(&r.reversed())),
    );

    let mut words: Vec<String> = options
        .renames
        .iter()
        .map(|r| match r {
            Rename::Table { from, to } => format!("table {from} renamed to {to}"),
            Rename::Column { table, from, to } => format!("{table}.{from} renamed to {to}"),
        })
        .collect();
    words.extend(changes.iter().flat_map(report::describe));
    Ok(MigrationPlan {
        unconfirmed_renames: rename_candidates(&changes),
        up,
        down,
        changes: words,
        data_loss: changes.iter().filter_map(data_loss).collect(),
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

fn rename_step(rename: &Rename) -> Step {
    match rename.clone() {
        Rename::Table { from, to } => Step::RenameTable { from, to },
        Rename::Column { table, from, to } => Step::RenameColumn { table, from, to },
    }
}

/// `schema` with the confirmed renames applied, so that the diff sees what is left.
fn apply_renames(schema: &Schema, renames: &[Rename]) -> Result<Schema, GenerateError> {
    let mut schema = schema.clone();
    for rename in renames {
        let unknown = || GenerateError::UnknownRename(rename.to_string());
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
/// [`schema_model::diff`] but the indexes MariaDB makes and drops by itself for foreign keys.
pub fn differences(from: &Side, to: &Side) -> Vec<Change> {
    diff(from.schema, to.schema)
        .into_iter()
        .filter(|c| !is_implicit_index_change(c, from, to))
        .collect()
}

/// Steps that create every table of `side` (referenced tables first) with its indexes.
pub fn create_all(side: &Side) -> Result<Vec<Step>, GenerateError> {
    let tables = side
        .schema
        .tables
        .keys()
        .map(|t| side.table(t))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(referenced_first(tables)
        .into_iter()
        .map(Step::CreateTable)
        .collect())
}

fn is_implicit_index_change(change: &Change, before: &Side, after: &Side) -> bool {
    match change {
        Change::AddIndex { table, index } => after.is_implicit_index(table, &index.name),
        Change::DropIndex { table, index } => before.is_implicit_index(table, &index.name),
        _ => false,
    }
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

fn data_loss(change: &Change) -> Option<String> {
    match change {
        Change::DropTable { table, .. } => Some(format!("table {table} and every row in it")),
        Change::DropColumn { table, column } => {
            Some(format!("column {table}.{} and its values", column.name))
        }
        Change::AlterColumn { table, from, to } if from.sql_type != to.sql_type => {
            narrows(&from.sql_type, &to.sql_type).then(|| {
                format!(
                    "{table}.{}: {} → {} can cut or reject existing values",
                    to.name, from.sql_type, to.sql_type
                )
            })
        }
        _ => None,
    }
}

/// The stops before anything is written: unconfirmed renames, data loss without consent, a
/// required column existing rows cannot fill, and changes the generator does not write.
fn check_safety(changes: &[Change], options: &Options) -> Result<(), GenerateError> {
    let renames = rename_candidates(changes);
    if !renames.is_empty() && !options.allow_destructive {
        return Err(GenerateError::PossibleRename(renames));
    }
    let lost: Vec<String> = changes.iter().filter_map(data_loss).collect();
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
            Change::AddCheck { table, .. } | Change::DropCheck { table, .. } => {
                return Err(GenerateError::Unsupported {
                    place: table.clone(),
                    what: "a check constraint".into(),
                })
            }
            Change::AddEnum { name, .. }
            | Change::DropEnum { name, .. }
            | Change::AlterEnum { name, .. } => {
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

/// A dropped and an added table with the same columns: perhaps one table renamed.
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
        for added in changes {
            if let Change::AddTable {
                table: new,
                definition,
            } = added
            {
                if shape(definition) == shape(old_def) {
                    out.push(format!("{old}={new}"));
                }
            }
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
    let mut altered: BTreeMap<&str, Vec<&Change>> = BTreeMap::new();
    for change in changes {
        match change {
            Change::AddTable { table, .. } => created.push(to.table(table)?),
            Change::DropTable { table, .. } => dropped.push(from.table(table)?),
            Change::AddColumn { table, .. }
            | Change::DropColumn { table, .. }
            | Change::AlterColumn { table, .. }
            | Change::AlterPrimaryKey { table, .. }
            | Change::AddIndex { table, .. }
            | Change::DropIndex { table, .. }
            | Change::AddForeignKey { table, .. }
            | Change::DropForeignKey { table, .. }
            | Change::AlterForeignKey { table, .. }
            | Change::AddCheck { table, .. }
            | Change::DropCheck { table, .. } => altered.entry(table).or_default().push(change),
            Change::AddEnum { .. } | Change::DropEnum { .. } | Change::AlterEnum { .. } => {}
        }
    }
    let mut out: Vec<Step> = referenced_first(created)
        .into_iter()
        .map(Step::CreateTable)
        .collect();
    let order: Vec<String> = referenced_first(
        altered
            .keys()
            .map(|t| to.table(t))
            .collect::<Result<_, _>>()?,
    )
    .into_iter()
    .map(|t| t.name)
    .collect();
    for table in order {
        out.extend(table_steps(
            from,
            to,
            &table,
            &altered[table.as_str()],
            backfills,
        )?);
    }
    let mut dropped = referenced_first(dropped);
    dropped.reverse();
    out.extend(dropped.into_iter().map(|t| Step::DropTable(t.name)));
    Ok(out)
}

/// The steps for one table that exists on both sides: the same everywhere when SQLite can
/// make the change in place, otherwise a rebuild there and `ALTER`s elsewhere.
fn table_steps(
    from: &Side,
    to: &Side,
    table: &str,
    changes: &[&Change],
    backfills: &[Backfill],
) -> Result<Vec<Step>, GenerateError> {
    let mut backfilled = Vec::new();
    let mut drop_defaults = Vec::new();
    let mut drop_keys = Vec::new();
    let mut drop_indexes = Vec::new();
    let mut add_columns = Vec::new();
    let mut alter_columns = Vec::new();
    let mut drop_columns = Vec::new();
    let mut add_indexes = Vec::new();
    let mut add_keys = Vec::new();
    let mut primary_key = Vec::new();
    for change in changes {
        match change {
            Change::AddColumn { column, .. } => {
                let mut added = to.column(table, &column.name)?;
                if let Some(fill) = backfills.iter().find(|b| b.is_for(table, &column.name)) {
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
                alter_columns.push(Step::AlterColumn {
                    table: table.into(),
                    column,
                    drop_default: old.default.is_some() && new.default.is_none(),
                })
            }
            Change::AlterPrimaryKey { to: columns, .. } => {
                primary_key.push(Step::ReplacePrimaryKey {
                    table: table.into(),
                    columns: columns.clone(),
                })
            }
            Change::AddIndex { index, .. } => add_indexes.push(Step::CreateIndex {
                table: table.into(),
                index: to.index(table, index),
            }),
            Change::DropIndex { index, .. } => drop_indexes.push(Step::DropIndex {
                table: table.into(),
                name: from.index(table, index).name,
            }),
            Change::AddForeignKey { foreign_key, .. } => add_keys.push(Step::AddForeignKey {
                table: table.into(),
                foreign_key: to.foreign_key(table, foreign_key),
            }),
            Change::DropForeignKey { foreign_key, .. } => drop_keys.push(Step::DropForeignKey {
                table: table.into(),
                name: from.foreign_key(table, foreign_key).name,
            }),
            Change::AlterForeignKey {
                from: old, to: new, ..
            } => {
                drop_keys.push(Step::DropForeignKey {
                    table: table.into(),
                    name: from.foreign_key(table, old).name,
                });
                add_keys.push(Step::AddForeignKey {
                    table: table.into(),
                    foreign_key: to.foreign_key(table, new),
                });
            }
            _ => {}
        }
    }
    let in_place = alter_columns.is_empty()
        && drop_columns.is_empty()
        && drop_keys.is_empty()
        && add_keys.is_empty()
        && primary_key.is_empty()
        && backfilled.is_empty();
    let mut everywhere = Vec::new();
    everywhere.extend(drop_keys);
    everywhere.extend(drop_indexes);
    everywhere.extend(add_columns);
    everywhere.extend(drop_defaults);
    everywhere.extend(alter_columns);
    everywhere.extend(primary_key);
    everywhere.extend(drop_columns);
    everywhere.extend(add_indexes);
    everywhere.extend(add_keys);
    if in_place {
        return Ok(everywhere);
    }
    let rebuilt = to.table(table)?;
    let kept = from.schema.tables.get(table);
    let filled = |name: &str| backfills.iter().any(|b| b.is_for(table, name));
    let copy = rebuilt
        .columns
        .iter()
        .filter(|c| kept.is_some_and(|t| t.column(&c.name).is_some()) || filled(&c.name))
        .map(|c| (c.name.clone(), c.name.clone()))
        .collect();
    // Backfilled columns are added first, so that the rebuild copies their values.
    let mut sqlite = backfilled;
    sqlite.push(Step::Rebuild {
        table: rebuilt,
        copy,
    });
    Ok(vec![Step::PerBackend {
        sqlite,
        other: everywhere,
    }])
}

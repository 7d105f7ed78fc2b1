//! Reading a live schema: a few bulk catalog queries per backend, flattened into rows, then
//! assembled into a [`Schema`] the same way for every backend.

mod mysql;
mod postgres;
mod sqlite;

use crate::model::{Check, Column, ForeignKey, Index, ReferentialAction, Schema, Table};
use sea_orm::{ConnectionTrait, DbBackend, DbErr, QueryResult, Statement};

/// Every table of the current database (PostgreSQL: `current_schema()`), with its columns,
/// keys, indexes, foreign keys and checks, plus native enum types.
pub async fn read<C: ConnectionTrait>(db: &C) -> Result<Schema, DbErr> {
    read_in(db, None).await
}

/// [`read`], of the named MySQL database rather than the connection's own (ignored elsewhere).
pub async fn read_in<C: ConnectionTrait>(db: &C, database: Option<&str>) -> Result<Schema, DbErr> {
    let rows = match db.get_database_backend() {
        DbBackend::Postgres => postgres::read(db).await?,
        DbBackend::MySql => mysql::read(db, database).await?,
        DbBackend::Sqlite => sqlite::read(db).await?,
        other => {
            return Err(DbErr::BackendNotSupported {
                db: other.as_str(),
                ctx: "reading the schema",
            })
        }
    };
    Ok(rows.assemble())
}

async fn query<C: ConnectionTrait>(db: &C, sql: &str) -> Result<Vec<QueryResult>, DbErr> {
    db.query_all_raw(Statement::from_string(
        db.get_database_backend(),
        sql.to_owned(),
    ))
    .await
}

/// One column.
struct ColumnRow {
    table: String,
    column: Column,
    /// 1-based position in the primary key, where the backend reports it here (SQLite).
    pk_position: Option<i64>,
}

/// One key column of an index (or of the primary key).
#[derive(Default)]
struct IndexRow {
    table: String,
    index: String,
    unique: bool,
    primary: bool,
    predicate: Option<String>,
    column: String,
    /// Backs a `UNIQUE` constraint.
    constraint: bool,
    /// The access method, unless B-tree (PostgreSQL).
    method: Option<String>,
    /// This column's operator class, unless its type's default (PostgreSQL).
    opclass: Option<String>,
    /// The index's storage parameters, `name=value` (PostgreSQL).
    with: Vec<String>,
}

/// One column pair of a foreign key.
struct ForeignKeyRow {
    table: String,
    name: String,
    column: String,
    ref_table: String,
    ref_column: String,
    on_delete: ReferentialAction,
    on_update: ReferentialAction,
}

impl ForeignKeyRow {
    /// A row with the columns `table_name`, `constraint_name`, `column_name`, `ref_table`,
    /// `ref_column`, `on_delete` and `on_update`, as the PostgreSQL and MySQL queries alias them.
    fn from_catalog(r: &QueryResult) -> Result<Self, DbErr> {
        Ok(ForeignKeyRow {
            table: r.try_get("", "table_name")?,
            name: r.try_get("", "constraint_name")?,
            column: r.try_get("", "column_name")?,
            ref_table: r.try_get("", "ref_table")?,
            ref_column: r.try_get("", "ref_column")?,
            on_delete: action(&r.try_get::<String>("", "on_delete")?)?,
            on_update: action(&r.try_get::<String>("", "on_update")?)?,
        })
    }
}

#[derive(Default)]
struct Rows {
    columns: Vec<ColumnRow>,
    indexes: Vec<IndexRow>,
    foreign_keys: Vec<ForeignKeyRow>,
    checks: Vec<(String, Check)>,
    enums: Vec<(String, String)>,
}

impl Rows {
    /// Rows arrive ordered by table, then by name, then by position within each key.
    fn assemble(self) -> Schema {
        let mut schema = Schema::default();
        let mut pk: Vec<(String, i64, String)> = Vec::new();
        for row in self.columns {
            if let Some(position) = row.pk_position {
                pk.push((row.table.clone(), position, row.column.name.clone()));
            }
            table(&mut schema, &row.table).columns.push(row.column);
        }
        pk.sort();
        for (t, _, column) in pk {
            if let Some(t) = known_table(&mut schema, &t) {
                t.primary_key.push(column);
            }
        }
        for row in self.indexes {
            let Some(t) = known_table(&mut schema, &row.table) else {
                continue;
            };
            if row.primary {
                if !t.primary_key.contains(&row.column) {
                    t.primary_key.push(row.column);
                }
                continue;
            }
            let opclass = row.opclass.unwrap_or_default();
            match t.indexes.last_mut() {
                Some(index) if index.name == row.index => {
                    index.columns.push(row.column);
                    index.opclasses.push(opclass);
                }
                _ => {
                    let mut with = row.with;
                    with.sort();
                    t.indexes.push(Index {
                        name: row.index,
                        columns: vec![row.column],
                        unique: row.unique,
                        predicate: row.predicate,
                        constraint: row.constraint,
                        method: row.method,
                        opclasses: vec![opclass],
                        with,
                    })
                }
            }
        }
        for row in self.foreign_keys {
            let Some(t) = known_table(&mut schema, &row.table) else {
                continue;
            };
            match t.foreign_keys.last_mut() {
                Some(fk) if fk.name == row.name => {
                    fk.columns.push(row.column);
                    fk.ref_columns.push(row.ref_column);
                }
                _ => t.foreign_keys.push(ForeignKey {
                    name: row.name,
                    columns: vec![row.column],
                    ref_table: row.ref_table,
                    ref_columns: vec![row.ref_column],
                    on_delete: row.on_delete,
                    on_update: row.on_update,
                }),
            }
        }
        for (t, check) in self.checks {
            if let Some(t) = known_table(&mut schema, &t) {
                t.checks.push(check);
            }
        }
        for (name, label) in self.enums {
            schema.enums.entry(name).or_default().push(label);
        }
        for t in schema.tables.values_mut() {
            for index in &mut t.indexes {
                if index.opclasses.iter().all(String::is_empty) {
                    index.opclasses.clear();
                }
            }
            t.indexes.sort_by(|a, b| a.name.cmp(&b.name));
            t.foreign_keys.sort_by(|a, b| a.name.cmp(&b.name));
            t.checks.sort_by(|a, b| a.name.cmp(&b.name));
        }
        schema
    }
}

fn table<'s>(schema: &'s mut Schema, name: &str) -> &'s mut Table {
    schema.tables.entry(name.to_owned()).or_default()
}

/// A table that the columns query returned. Keys and indexes of any other table are ignored,
/// so that the queries, which run one after another, cannot disagree about which tables exist.
fn known_table<'s>(schema: &'s mut Schema, name: &str) -> Option<&'s mut Table> {
    schema.tables.get_mut(name)
}

fn action(text: &str) -> Result<ReferentialAction, DbErr> {
    ReferentialAction::parse(text)
        .ok_or_else(|| DbErr::Custom(format!("unknown referential action '{text}'")))
}

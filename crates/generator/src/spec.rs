//! Tables as a migration declares them: sea-query types and default expressions, portable to
//! every backend. The entities' side comes straight from their DDL; the other side (a schema
//! read from a database) is read back through the server's spellings.

use crate::GenerateError;
use schema_model::declared::{self, Flavour};
use schema_model::{ReferentialAction, Schema, SchemaDdl};
use sea_orm::sea_query::{ColumnType, Expr, IntoIden};

#[derive(Debug, Clone, PartialEq)]
pub struct ColumnSpec {
    pub name: String,
    pub ty: ColumnType,
    pub nullable: bool,
    pub default: Option<Expr>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexSpec {
    pub name: String,
    pub columns: Vec<String>,
    pub unique: bool,
    /// A `UNIQUE` constraint of the table rather than an index made by `CREATE INDEX`: created
    /// inside `CREATE TABLE` (or `ADD CONSTRAINT`) and dropped with `DROP CONSTRAINT`.
    pub constraint: bool,
    /// An access method other than B-tree (pgvector's HNSW, say): such an index exists on
    /// PostgreSQL only, made by `create_index_using`.
    pub using: Option<IndexMethod>,
}

/// How an index other than a B-tree is built: `USING method (column opclass, …) WITH (…)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexMethod {
    pub method: String,
    /// One per column (`""` for the type's default), or none.
    pub opclasses: Vec<String>,
    /// `name=value`, sorted.
    pub with: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignKeySpec {
    pub name: String,
    pub columns: Vec<String>,
    pub ref_table: String,
    pub ref_columns: Vec<String>,
    pub on_delete: ReferentialAction,
    pub on_update: ReferentialAction,
}

/// A check constraint, kept as the server that holds it spells it (checks come only from a
/// database made elsewhere: entities declare none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckSpec {
    pub name: String,
    pub expression: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableSpec {
    pub name: String,
    pub columns: Vec<ColumnSpec>,
    pub primary_key: Vec<String>,
    pub indexes: Vec<IndexSpec>,
    pub foreign_keys: Vec<ForeignKeySpec>,
    pub checks: Vec<CheckSpec>,
}

impl TableSpec {
    pub fn column(&self, name: &str) -> Option<&ColumnSpec> {
        self.columns.iter().find(|c| c.name == name)
    }
}

/// `column`, if the migration file can declare it: its type and default have builder code
/// (what is verified is run from the same values, so nothing may be left out when written).
fn writable(column: ColumnSpec) -> Result<ColumnSpec, String> {
    if crate::step::type_code(&column.ty).is_none() {
        return Err(format!("type {:?}", column.ty));
    }
    if let Some(default) = &column.default {
        if crate::step::default_code(default).is_none() {
            return Err(format!("default {default:?}"));
        }
    }
    Ok(column)
}

/// A plain type name (no length, no spaces), or an array of one (PostgreSQL's `real[]`,
/// `double precision[]`): one a migration can name as it is.
fn is_type_name(sql_type: &str) -> bool {
    let plain = |name: &str| {
        !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    match sql_type.strip_suffix("[]") {
        Some(element) => element.split(' ').all(plain),
        None => plain(sql_type),
    }
}

/// One side of the comparison: a schema, and the DDL it came from when that is known (the
/// entities), on a server of `flavour`.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    pub schema: &'a Schema,
    pub ddl: Option<&'a SchemaDdl>,
    pub flavour: Flavour,
    /// The same schema as SQLite holds it (the history replayed there), whose declared types
    /// are the migrations' own: where this server's catalog is ambiguous (MariaDB spells both
    /// `string()` and `string_len(255)` as `varchar(255)`), a column's type is read from it,
    /// so that a migration generated here means the same on every backend.
    pub types: Option<&'a Schema>,
}

/// Index and key names new objects get: the existing migration's convention, within the
/// 63 bytes PostgreSQL keeps.
pub fn object_name(prefix: &str, table: &str, columns: &[String]) -> String {
    let mut name = format!("{prefix}_{table}_{}", columns.join("_"));
    name.truncate(63);
    name
}

impl Side<'_> {
    pub fn column(&self, table: &str, column: &str) -> Result<ColumnSpec, GenerateError> {
        let unsupported = |what: String| GenerateError::Unsupported {
            place: format!("{table}.{column}"),
            what,
        };
        let live = self
            .schema
            .tables
            .get(table)
            .and_then(|t| t.column(column))
            .ok_or_else(|| unsupported("a column that is not there".into()))?;
        let declared = self.ddl.and_then(|ddl| {
            ddl.tables.iter().find(|t| t.name() == table).and_then(|t| {
                t.create
                    .get_columns()
                    .iter()
                    .find(|c| c.get_column_name() == column)
            })
        });
        if let Some(def) = declared {
            if let Some(ty) = def.get_column_type() {
                return writable(ColumnSpec {
                    name: column.to_owned(),
                    ty: ty.clone(),
                    nullable: live.nullable,
                    default: def.get_column_spec().default.clone(),
                })
                .map_err(unsupported);
            }
        }
        let portable = self
            .types
            .and_then(|s| s.tables.get(table))
            .and_then(|t| t.column(column))
            .and_then(|c| declared::column_type_for(Flavour::Sqlite, &c.sql_type));
        let ty = match portable {
            Some(ty) => ty,
            None => match declared::column_type_for(self.flavour, &live.sql_type) {
                Some(ty) => ty,
                // A type of the server's own (a native enum, say): written by its name, for
                // the server it was read from.
                None if is_type_name(&live.sql_type) => {
                    ColumnType::Custom(sea_orm::sea_query::Alias::new(&live.sql_type).into_iden())
                }
                None => return Err(unsupported(format!("type {}", live.sql_type))),
            },
        };
        let default = match &live.default {
            None => None,
            Some(d) => Some(
                declared::default_for(self.flavour, d, &live.sql_type)
                    .ok_or_else(|| unsupported(format!("default {d}")))?,
            ),
        };
        Ok(ColumnSpec {
            name: column.to_owned(),
            ty,
            nullable: live.nullable,
            default,
        })
    }

    pub fn table(&self, name: &str) -> Result<TableSpec, GenerateError> {
        let table = self
            .schema
            .tables
            .get(name)
            .ok_or_else(|| GenerateError::Unsupported {
                place: name.to_owned(),
                what: "a table that is not there".into(),
            })?;
        let columns = table
            .columns
            .iter()
            .map(|c| self.column(name, &c.name))
            .collect::<Result<_, _>>()?;
        Ok(TableSpec {
            name: name.to_owned(),
            columns,
            primary_key: table.primary_key.clone(),
            indexes: table
                .indexes
                .iter()
                .filter(|i| !self.is_implicit_index(name, &i.name))
                .map(|i| self.index(name, i))
                .collect(),
            foreign_keys: table
                .foreign_keys
                .iter()
                .map(|fk| self.foreign_key(name, fk))
                .collect(),
            checks: table
                .checks
                .iter()
                .filter(|c| !(self.flavour == Flavour::MariaDb && crate::plan::is_json_check(c)))
                .map(|c| CheckSpec {
                    name: c.name.clone(),
                    expression: c.expression.clone(),
                })
                .collect(),
        })
    }

    /// An index as a migration creates it. Names from the entities' side follow the
    /// migrations' convention (theirs are per table, and PostgreSQL's are per schema).
    pub fn index(&self, table: &str, index: &schema_model::Index) -> IndexSpec {
        // SQLite's own names for the indexes of UNIQUE clauses are reserved: another is made.
        let name = if index.method.is_some() && self.ddl.is_some() {
            // Declared by name beside its entity (`embedding::vector_index`).
            index.name.clone()
        } else if self.ddl.is_some() || index.name.starts_with("sqlite_autoindex_") {
            object_name(
                if index.unique { "uq" } else { "idx" },
                table,
                &index.columns,
            )
        } else {
            index.name.clone()
        };
        IndexSpec {
            name,
            columns: index.columns.clone(),
            unique: index.unique,
            constraint: index.constraint && index.unique,
            using: index.method.as_ref().map(|method| IndexMethod {
                method: method.clone(),
                opclasses: index.opclasses.clone(),
                with: index.with.clone(),
            }),
        }
    }

    pub fn foreign_key(&self, table: &str, fk: &schema_model::ForeignKey) -> ForeignKeySpec {
        let name = if self.ddl.is_some() || fk.name.is_empty() {
            object_name("fk", table, &fk.columns)
        } else {
            fk.name.clone()
        };
        ForeignKeySpec {
            name,
            columns: fk.columns.clone(),
            ref_table: fk.ref_table.clone(),
            ref_columns: fk.ref_columns.clone(),
            on_delete: fk.on_delete,
            on_update: fk.on_update,
        }
    }

    /// MariaDB's own index for a foreign key (named after it): InnoDB makes and drops it.
    pub fn is_implicit_index(&self, table: &str, index: &str) -> bool {
        self.flavour == Flavour::MariaDb
            && self.schema.tables.get(table).is_some_and(|t| {
                t.foreign_keys.iter().any(|fk| fk.name == index)
                    && !t.indexes.iter().any(|i| i.name == index && i.unique)
            })
    }
}

//! The schema as data. Types, defaults and expressions are kept as the backend reports them
//! (lower-cased types); comparing two schemas of different origin is the differ's job.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schema {
    pub tables: BTreeMap<String, Table>,
    /// Native enum types (PostgreSQL), with their labels in order.
    pub enums: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// In declaration order.
    pub columns: Vec<Column>,
    pub primary_key: Vec<String>,
    /// Secondary indexes and unique constraints (not the primary key), sorted by name.
    pub indexes: Vec<Index>,
    pub foreign_keys: Vec<ForeignKey>,
    pub checks: Vec<Check>,
}

impl Table {
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub name: String,
    /// The full type, e.g. `character varying(255)`, `varchar(255)`, `timestamp with time zone`.
    pub sql_type: String,
    pub nullable: bool,
    /// The default expression as the backend prints it; `None` when there is none.
    pub default: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub name: String,
    /// Key columns in index order (an expression part is kept as its text).
    pub columns: Vec<String>,
    pub unique: bool,
    /// The `WHERE` of a partial index.
    pub predicate: Option<String>,
    /// Made by a `UNIQUE` constraint (PostgreSQL's `ADD CONSTRAINT … UNIQUE`, SQLite's column
    /// or table `UNIQUE`) rather than `CREATE INDEX`: it goes with its constraint, never by
    /// `DROP INDEX`. Not a difference between two schemas.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub constraint: bool,
    /// The access method where it is not the default B-tree: `hnsw`, `ivfflat`, `gin`, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// One operator class per key column where any is not the type's default (an empty
    /// string for a default one), e.g. `vector_cosine_ops`; empty when all are default.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opclasses: Vec<String>,
    /// Storage parameters (`WITH (m = 16, …)`) as `name=value`, sorted by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<String>,
}

impl Index {
    /// What the index is, its name aside: two indexes with the same definition are the same.
    pub fn definition(&self) -> impl PartialEq + '_ {
        (
            &self.columns,
            self.unique,
            &self.predicate,
            &self.method,
            &self.opclasses,
            &self.with,
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReferentialAction {
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
}

impl ReferentialAction {
    /// From the words the catalogs use (`CASCADE`, `SET NULL`, …) or PostgreSQL's letter codes.
    pub fn parse(text: &str) -> Option<Self> {
        Some(match text.trim().to_ascii_uppercase().as_str() {
            "NO ACTION" | "A" => Self::NoAction,
            "RESTRICT" | "R" => Self::Restrict,
            "CASCADE" | "C" => Self::Cascade,
            "SET NULL" | "N" => Self::SetNull,
            "SET DEFAULT" | "D" => Self::SetDefault,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForeignKey {
    pub name: String,
    pub columns: Vec<String>,
    pub ref_table: String,
    pub ref_columns: Vec<String>,
    pub on_delete: ReferentialAction,
    pub on_update: ReferentialAction,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub name: String,
    pub expression: String,
}

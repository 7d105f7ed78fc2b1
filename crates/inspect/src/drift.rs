use crate::live::LiveSchema;
use entity::registry::TableSpec;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnDrift {
    pub column: String,
    pub entity_nullable: bool,
    pub database_nullable: bool,
}

/// Differences inside one table that exists on both sides.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TableDrift {
    pub table: String,
    /// Columns the entity has and the table lacks.
    pub missing_columns: Vec<String>,
    /// Columns the table has and the entity lacks.
    pub extra_columns: Vec<String>,
    pub nullability: Vec<ColumnDrift>,
    /// `column -> table` references the entity declares and the database lacks.
    pub missing_foreign_keys: Vec<String>,
    /// `column -> table` references the database has and no entity relation declares.
    pub extra_foreign_keys: Vec<String>,
}

impl TableDrift {
    pub fn is_empty(&self) -> bool {
        self.missing_columns.is_empty()
            && self.extra_columns.is_empty()
            && self.nullability.is_empty()
            && self.missing_foreign_keys.is_empty()
            && self.extra_foreign_keys.is_empty()
    }
}

/// Entities versus database.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Drift {
    /// Defined by an entity, absent from the database.
    pub missing_tables: Vec<String>,
    /// Present in the database, defined by no entity (bookkeeping tables excluded).
    pub extra_tables: Vec<String>,
    pub changed_tables: Vec<TableDrift>,
}

impl Drift {
    pub fn is_empty(&self) -> bool {
        self.missing_tables.is_empty()
            && self.extra_tables.is_empty()
            && self.changed_tables.is_empty()
    }
}

/// Compares the entities with the live schema; tables named in `ignore` (the version table)
/// are never reported as extra.
pub fn diff(entities: &[TableSpec], live: &LiveSchema, ignore: &[&str]) -> Drift {
    let mut drift = Drift::default();
    for spec in entities {
        let Some(live_table) = live.tables.get(&spec.name) else {
            drift.missing_tables.push(spec.name.clone());
            continue;
        };
        let live_cols = &live_table.columns;
        let mut t = TableDrift {
            table: spec.name.clone(),
            ..Default::default()
        };
        for col in &spec.columns {
            match live_cols.iter().find(|c| c.name == col.name) {
                None => t.missing_columns.push(col.name.clone()),
                Some(lc) if lc.nullable != col.nullable => t.nullability.push(ColumnDrift {
                    column: col.name.clone(),
                    entity_nullable: col.nullable,
                    database_nullable: lc.nullable,
                }),
                Some(_) => {}
            }
        }
        for lc in live_cols {
            if !spec.columns.iter().any(|c| c.name == lc.name) {
                t.extra_columns.push(lc.name.clone());
            }
        }
        let shown = |column: &str, table: &str| format!("{column} -> {table}");
        for fk in &spec.foreign_keys {
            if !live_table
                .foreign_keys
                .iter()
                .any(|l| l.column == fk.column && l.references == fk.references)
            {
                t.missing_foreign_keys
                    .push(shown(&fk.column, &fk.references));
            }
        }
        for l in &live_table.foreign_keys {
            if !spec
                .foreign_keys
                .iter()
                .any(|fk| l.column == fk.column && l.references == fk.references)
            {
                t.extra_foreign_keys.push(shown(&l.column, &l.references));
            }
        }
        if !t.is_empty() {
            drift.changed_tables.push(t);
        }
    }
    for table in live.tables.keys() {
        if !ignore.contains(&table.as_str()) && !entities.iter().any(|s| &s.name == table) {
            drift.extra_tables.push(table.clone());
        }
    }
    // Stable, alphabetical output whatever order the entities are declared in.
    drift.missing_tables.sort();
    drift.changed_tables.sort_by(|a, b| a.table.cmp(&b.table));
    drift
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::live::{LiveColumn, LiveForeignKey, LiveTable};
    use entity::registry::{ColumnSpec, ForeignKeySpec};

    fn col(name: &str, nullable: bool) -> LiveColumn {
        LiveColumn {
            name: name.into(),
            nullable,
        }
    }

    #[test]
    fn reports_missing_extra_and_changed() {
        let fk = |c: &str, t: &str| ForeignKeySpec {
            column: c.into(),
            references: t.into(),
        };
        let entities = vec![
            TableSpec {
                name: "a".into(),
                columns: vec![
                    ColumnSpec {
                        name: "id".into(),
                        nullable: false,
                    },
                    ColumnSpec {
                        name: "x".into(),
                        nullable: true,
                    },
                ],
                foreign_keys: vec![fk("x", "b")],
            },
            TableSpec {
                name: "b".into(),
                columns: vec![],
                foreign_keys: vec![],
            },
        ];
        let mut live = LiveSchema::default();
        live.tables.insert(
            "a".into(),
            LiveTable {
                columns: vec![col("id", false), col("x", false), col("legacy", true)],
                foreign_keys: vec![LiveForeignKey {
                    column: "legacy".into(),
                    references: "old".into(),
                }],
            },
        );
        live.tables
            .insert("seaql_migrations".into(), LiveTable::default());
        live.tables.insert("old".into(), LiveTable::default());
        let d = diff(&entities, &live, &["seaql_migrations"]);
        assert_eq!(d.missing_tables, vec!["b"]);
        assert_eq!(d.extra_tables, vec!["old"]);
        assert_eq!(d.changed_tables.len(), 1);
        assert_eq!(d.changed_tables[0].extra_columns, vec!["legacy"]);
        assert_eq!(d.changed_tables[0].nullability[0].column, "x");
        assert_eq!(d.changed_tables[0].missing_foreign_keys, vec!["x -> b"]);
        assert_eq!(
            d.changed_tables[0].extra_foreign_keys,
            vec!["legacy -> old"]
        );
        assert!(!d.is_empty());
    }
}

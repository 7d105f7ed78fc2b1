//! `diff(from, to)`: the typed changes that take schema `from` to schema `to`, each carrying
//! both sides, so that a report can say "ON DELETE SET NULL in the entity, CASCADE in the
//! database" and a generator can write the change and its reverse (Atlas's `[]Change`).
//!
//! Names of indexes, foreign keys and checks are not compared: two schemas that differ only in
//! how their constraints are named diff empty. Indexes match on their definition (columns, unique, predicate, method, operator classes, parameters),
//! foreign keys on (columns, referenced table and columns), checks on their expression.

use crate::model::{Check, Column, ForeignKey, Index, Schema, Table};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    AddTable {
        table: String,
        definition: Table,
    },
    DropTable {
        table: String,
        definition: Table,
    },
    AddColumn {
        table: String,
        column: Column,
    },
    DropColumn {
        table: String,
        column: Column,
    },
    AlterColumn {
        table: String,
        from: Column,
        to: Column,
    },
    AlterPrimaryKey {
        table: String,
        from: Vec<String>,
        to: Vec<String>,
    },
    AddIndex {
        table: String,
        index: Index,
    },
    DropIndex {
        table: String,
        index: Index,
    },
    AddForeignKey {
        table: String,
        foreign_key: ForeignKey,
    },
    DropForeignKey {
        table: String,
        foreign_key: ForeignKey,
    },
    /// Same columns and target, other rules.
    AlterForeignKey {
        table: String,
        from: ForeignKey,
        to: ForeignKey,
    },
    AddCheck {
        table: String,
        check: Check,
    },
    DropCheck {
        table: String,
        check: Check,
    },
    AddEnum {
        name: String,
        labels: Vec<String>,
    },
    DropEnum {
        name: String,
        labels: Vec<String>,
    },
    AlterEnum {
        name: String,
        from: Vec<String>,
        to: Vec<String>,
    },
}

impl Change {
    /// The change that undoes this one.
    pub fn reverse(&self) -> Change {
        use Change::*;
        match self.clone() {
            AddTable { table, definition } => DropTable { table, definition },
            DropTable { table, definition } => AddTable { table, definition },
            AddColumn { table, column } => DropColumn { table, column },
            DropColumn { table, column } => AddColumn { table, column },
            AlterColumn { table, from, to } => AlterColumn {
                table,
                from: to,
                to: from,
            },
            AlterPrimaryKey { table, from, to } => AlterPrimaryKey {
                table,
                from: to,
                to: from,
            },
            AddIndex { table, index } => DropIndex { table, index },
            DropIndex { table, index } => AddIndex { table, index },
            AddForeignKey { table, foreign_key } => DropForeignKey { table, foreign_key },
            DropForeignKey { table, foreign_key } => AddForeignKey { table, foreign_key },
            AlterForeignKey { table, from, to } => AlterForeignKey {
                table,
                from: to,
                to: from,
            },
            AddCheck { table, check } => DropCheck { table, check },
            DropCheck { table, check } => AddCheck { table, check },
            AddEnum { name, labels } => DropEnum { name, labels },
            DropEnum { name, labels } => AddEnum { name, labels },
            AlterEnum { name, from, to } => AlterEnum {
                name,
                from: to,
                to: from,
            },
        }
    }

    /// Whether applying it can lose data: drops, and column changes that are not widening.
    pub fn is_destructive(&self) -> bool {
        match self {
            Change::DropTable { .. } | Change::DropColumn { .. } | Change::DropEnum { .. } => true,
            Change::AlterColumn { from, to, .. } => from.sql_type != to.sql_type,
            _ => false,
        }
    }
}

/// The changes that take `from` to `to`: tables in name order, and within a table columns,
/// primary key, indexes, foreign keys, checks.
pub fn diff(from: &Schema, to: &Schema) -> Vec<Change> {
    let mut changes = Vec::new();
    for (name, labels) in &to.enums {
        match from.enums.get(name) {
            None => changes.push(Change::AddEnum {
                name: name.clone(),
                labels: labels.clone(),
            }),
            Some(old) if old != labels => changes.push(Change::AlterEnum {
                name: name.clone(),
                from: old.clone(),
                to: labels.clone(),
            }),
            Some(_) => {}
        }
    }
    for (name, table) in &to.tables {
        match from.tables.get(name) {
            None => changes.push(Change::AddTable {
                table: name.clone(),
                definition: table.clone(),
            }),
            Some(old) => diff_table(name, old, table, &mut changes),
        }
    }
    for (name, table) in &from.tables {
        if !to.tables.contains_key(name) {
            changes.push(Change::DropTable {
                table: name.clone(),
                definition: table.clone(),
            });
        }
    }
    for (name, labels) in &from.enums {
        if !to.enums.contains_key(name) {
            changes.push(Change::DropEnum {
                name: name.clone(),
                labels: labels.clone(),
            });
        }
    }
    changes
}

fn diff_table(name: &str, from: &Table, to: &Table, out: &mut Vec<Change>) {
    let table = || name.to_owned();
    let changes = out;
    match_up(
        &from.columns,
        &to.columns,
        |a, b| a.name == b.name,
        |c| Change::AddColumn {
            table: table(),
            column: c.clone(),
        },
        |old, new| {
            let same = old.sql_type == new.sql_type
                && old.nullable == new.nullable
                && old.default.as_deref().map(canonical_default)
                    == new.default.as_deref().map(canonical_default);
            (!same).then(|| Change::AlterColumn {
                table: table(),
                from: old.clone(),
                to: new.clone(),
            })
        },
        |c| Change::DropColumn {
            table: table(),
            column: c.clone(),
        },
        changes,
    );
    if from.primary_key != to.primary_key {
        changes.push(Change::AlterPrimaryKey {
            table: table(),
            from: from.primary_key.clone(),
            to: to.primary_key.clone(),
        });
    }
    match_up(
        &from.indexes,
        &to.indexes,
        |a, b| a.definition() == b.definition(),
        |i| Change::AddIndex {
            table: table(),
            index: i.clone(),
        },
        // Paired on their whole definition: only the names can differ, which is no change.
        |_, _| None,
        |i| Change::DropIndex {
            table: table(),
            index: i.clone(),
        },
        changes,
    );
    match_up(
        &from.foreign_keys,
        &to.foreign_keys,
        |a, b| {
            (&a.columns, &a.ref_table, &a.ref_columns) == (&b.columns, &b.ref_table, &b.ref_columns)
        },
        |fk| Change::AddForeignKey {
            table: table(),
            foreign_key: fk.clone(),
        },
        |old, new| {
            ((old.on_delete, old.on_update) != (new.on_delete, new.on_update)).then(|| {
                Change::AlterForeignKey {
                    table: table(),
                    from: old.clone(),
                    to: new.clone(),
                }
            })
        },
        |fk| Change::DropForeignKey {
            table: table(),
            foreign_key: fk.clone(),
        },
        changes,
    );
    let expression = |c: &Check| -> String {
        c.expression
            .chars()
            .filter(|ch| !ch.is_whitespace())
            .collect::<String>()
            .to_lowercase()
    };
    match_up(
        &from.checks,
        &to.checks,
        |a, b| expression(a) == expression(b),
        |c| Change::AddCheck {
            table: table(),
            check: c.clone(),
        },
        |_, _| None,
        |c| Change::DropCheck {
            table: table(),
            check: c.clone(),
        },
        changes,
    );
}

/// A default expression with the spellings of "now" that mean the same made one (PostgreSQL
/// prints SQLAlchemy's `now()` as `now()`, SeaORM's as `CURRENT_TIMESTAMP`).
pub fn canonical_default(expression: &str) -> String {
    let mut text = expression.trim();
    // SQLite keeps the parentheses an expression default was written in.
    while let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        text = inner.trim();
    }
    match text.to_ascii_lowercase().as_str() {
        "now()" | "current_timestamp" | "current_timestamp()" | "transaction_timestamp()" => {
            "CURRENT_TIMESTAMP".to_owned()
        }
        _ => expression.to_owned(),
    }
}

/// Pairs the items of `to` with those of `from` that are `same`: new ones become `added`,
/// paired ones that are not equal go through `altered` (which may find no real change),
/// unpaired old ones become `dropped`, in that order.
fn match_up<T: PartialEq>(
    from: &[T],
    to: &[T],
    same: impl Fn(&T, &T) -> bool,
    added: impl Fn(&T) -> Change,
    altered: impl Fn(&T, &T) -> Option<Change>,
    dropped: impl Fn(&T) -> Change,
    out: &mut Vec<Change>,
) {
    for new in to {
        match from.iter().find(|old| same(old, new)) {
            None => out.push(added(new)),
            Some(old) if old != new => out.extend(altered(old, new)),
            Some(_) => {}
        }
    }
    for old in from {
        if !to.iter().any(|new| same(old, new)) {
            out.push(dropped(old));
        }
    }
}

/// Pairs of a dropped and an added column of one table with the same type: each may be a
/// rename, which a diff cannot tell from drop + add. `(table, dropped, added)`.
pub fn possible_renames(changes: &[Change]) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for dropped in changes {
        let Change::DropColumn { table, column: old } = dropped else {
            continue;
        };
        for added in changes {
            if let Change::AddColumn {
                table: t,
                column: new,
            } = added
            {
                if t == table && new.sql_type == old.sql_type {
                    out.push((table.clone(), old.name.clone(), new.name.clone()));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ReferentialAction::{Cascade, SetNull};

    fn column(name: &str, sql_type: &str, nullable: bool) -> Column {
        Column {
            name: name.into(),
            sql_type: sql_type.into(),
            nullable,
            default: None,
        }
    }

    fn reports(on_delete: crate::ReferentialAction, fk_name: &str, index_name: &str) -> Table {
        Table {
            columns: vec![
                column("id", "uuid", false),
                column("session_id", "uuid", true),
            ],
            primary_key: vec!["id".into()],
            indexes: vec![Index {
                name: index_name.into(),
                columns: vec!["session_id".into()],
                unique: false,
                predicate: None,
                constraint: false,
                ..Default::default()
            }],
            foreign_keys: vec![ForeignKey {
                name: fk_name.into(),
                columns: vec!["session_id".into()],
                ref_table: "sessions".into(),
                ref_columns: vec!["id".into()],
                on_delete,
                on_update: Cascade,
            }],
            checks: vec![],
        }
    }

    fn schema(tables: Vec<(&str, Table)>) -> Schema {
        Schema {
            tables: tables.into_iter().map(|(n, t)| (n.to_owned(), t)).collect(),
            enums: Default::default(),
        }
    }

    #[test]
    fn names_alone_make_no_difference() {
        let a = schema(vec![(
            "reports",
            reports(SetNull, "fk_reports_session_id", "idx_a"),
        )]);
        let b = schema(vec![(
            "reports",
            reports(SetNull, "reports_session_id_fkey", "other"),
        )]);
        assert_eq!(diff(&a, &b), vec![]);
    }

    #[test]
    fn spellings_of_now_are_one_default_and_other_defaults_still_differ() {
        let users = |default: &str| {
            let mut t = Table::default();
            let mut c = column("created_at", "timestamp with time zone", false);
            c.default = Some(default.into());
            t.columns.push(c);
            schema(vec![("users", t)])
        };
        for now in ["now()", "(CURRENT_TIMESTAMP)", "current_timestamp()"] {
            assert_eq!(
                diff(&users("CURRENT_TIMESTAMP"), &users(now)),
                vec![],
                "{now}"
            );
        }
        let changes = diff(&users("CURRENT_TIMESTAMP"), &users("'2020-01-01'"));
        assert!(
            matches!(&changes[..], [Change::AlterColumn { .. }]),
            "{changes:?}"
        );
    }

    #[test]
    fn every_kind_of_difference_is_one_typed_change_with_both_sides() {
        let database = schema(vec![
            ("reports", reports(Cascade, "fk", "idx")),
            ("legacy", Table::default()),
        ]);
        let mut wanted = reports(SetNull, "fk", "idx");
        wanted.columns[1].nullable = false;
        wanted.columns.push(column("summary", "text", true));
        wanted.indexes[0].unique = true;
        wanted.checks.push(Check {
            name: "c".into(),
            expression: "length(summary) > 0".into(),
        });
        let mut entities = schema(vec![("reports", wanted), ("notes", Table::default())]);
        entities.enums.insert("mood".into(), vec!["calm".into()]);
        let changes = diff(&database, &entities);
        let kinds: Vec<&str> = changes
            .iter()
            .map(|c| match c {
                Change::AddEnum { .. } => "add_enum",
                Change::AddTable { .. } => "add_table",
                Change::AlterColumn { .. } => "alter_column",
                Change::AddColumn { .. } => "add_column",
                Change::AddIndex { .. } => "add_index",
                Change::DropIndex { .. } => "drop_index",
                Change::AlterForeignKey { .. } => "alter_foreign_key",
                Change::AddCheck { .. } => "add_check",
                Change::DropTable { .. } => "drop_table",
                _ => "other",
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "add_enum",
                "add_table",
                "alter_column",
                "add_column",
                "add_index",
                "drop_index",
                "alter_foreign_key",
                "add_check",
                "drop_table"
            ]
        );
        let Some(Change::AlterForeignKey { from, to, .. }) = changes
            .iter()
            .find(|c| matches!(c, Change::AlterForeignKey { .. }))
        else {
            unreachable!()
        };
        assert_eq!((from.on_delete, to.on_delete), (Cascade, SetNull));
        assert!(
            changes.iter().any(Change::is_destructive),
            "dropping legacy loses data"
        );
    }

    #[test]
    fn reversing_every_change_gives_the_diff_the_other_way() {
        let a = schema(vec![
            ("reports", reports(Cascade, "fk", "idx")),
            ("old", Table::default()),
        ]);
        let mut b_reports = reports(SetNull, "fk", "idx");
        b_reports.columns.push(column("extra", "integer", true));
        let b = schema(vec![("reports", b_reports), ("new", Table::default())]);
        let mut forward: Vec<String> = diff(&a, &b)
            .iter()
            .map(|c| format!("{:?}", c.reverse()))
            .collect();
        let mut backward: Vec<String> = diff(&b, &a).iter().map(|c| format!("{c:?}")).collect();
        forward.sort();
        backward.sort();
        assert_eq!(forward, backward);
    }

    #[test]
    fn a_dropped_and_an_added_column_of_one_type_may_be_a_rename() {
        let mut before = Table::default();
        before.columns.push(column("notes", "text", true));
        let mut after = Table::default();
        after.columns.push(column("summary", "text", true));
        let changes = diff(
            &schema(vec![("reports", before)]),
            &schema(vec![("reports", after)]),
        );
        assert_eq!(
            possible_renames(&changes),
            vec![("reports".into(), "notes".into(), "summary".into())]
        );
    }
}

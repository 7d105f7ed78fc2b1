//! Changes in words, with both sides named: what `check` prints. `from` is the database, `to`
//! what the entities describe.

use crate::diff::Change;
use crate::model::{Column, ForeignKey, Index, ReferentialAction};

fn action(a: ReferentialAction) -> &'static str {
    match a {
        ReferentialAction::NoAction => "NO ACTION",
        ReferentialAction::Restrict => "RESTRICT",
        ReferentialAction::Cascade => "CASCADE",
        ReferentialAction::SetNull => "SET NULL",
        ReferentialAction::SetDefault => "SET DEFAULT",
    }
}

fn nullability(c: &Column) -> &'static str {
    if c.nullable {
        "nullable"
    } else {
        "NOT NULL"
    }
}

fn default(d: &Option<String>) -> String {
    d.as_deref()
        .map_or("no default".into(), |d| format!("DEFAULT {d}"))
}

fn index(i: &Index) -> String {
    let columns: Vec<String> = i
        .columns
        .iter()
        .enumerate()
        .map(
            |(k, c)| match i.opclasses.get(k).filter(|o| !o.is_empty()) {
                Some(opclass) => format!("{c} {opclass}"),
                None => c.clone(),
            },
        )
        .collect();
    format!(
        "{}index {}({}){}{}",
        if i.unique { "unique " } else { "" },
        i.method
            .as_deref()
            .map(|m| format!("USING {m} "))
            .unwrap_or_default(),
        columns.join(", "),
        if i.with.is_empty() {
            String::new()
        } else {
            format!(" WITH ({})", i.with.join(", "))
        },
        i.predicate
            .as_deref()
            .map(|p| format!(" WHERE {p}"))
            .unwrap_or_default()
    )
}

fn reference(table: &str, fk: &ForeignKey) -> String {
    format!("{table}.{} → {}", fk.columns.join(", "), fk.ref_table)
}

/// One line per difference (several for a column that differs in more than one way).
pub fn describe(change: &Change) -> Vec<String> {
    match change {
        Change::AddTable { table, .. } => {
            vec![format!("{table}: table missing from the database (an entity defines it)")]
        }
        Change::DropTable { table, .. } => {
            vec![format!("{table}: table in the database that no entity defines")]
        }
        Change::AddColumn { table, column } => vec![format!(
            "{table}.{}: column missing from the database (entity: {}, {})",
            column.name,
            column.sql_type,
            nullability(column)
        )],
        Change::DropColumn { table, column } => vec![format!(
            "{table}.{}: column in the database ({}) that the entity does not have",
            column.name, column.sql_type
        )],
        Change::AlterColumn { table, from, to } => {
            let mut lines = Vec::new();
            let at = format!("{table}.{}", to.name);
            if from.sql_type != to.sql_type {
                lines.push(format!(
                    "{at}: type {} in the entity, {} in the database",
                    to.sql_type, from.sql_type
                ));
            }
            if from.nullable != to.nullable {
                lines.push(format!(
                    "{at}: {} in the entity, {} in the database",
                    nullability(to),
                    nullability(from)
                ));
            }
            if from.default != to.default {
                lines.push(format!(
                    "{at}: {} in the entity, {} in the database",
                    default(&to.default),
                    default(&from.default)
                ));
            }
            lines
        }
        Change::AlterPrimaryKey { table, from, to } => vec![format!(
            "{table}: primary key ({}) in the entity, ({}) in the database",
            to.join(", "),
            from.join(", ")
        )],
        Change::AddIndex { table, index: i } => {
            vec![format!("{table}: {} missing from the database", index(i))]
        }
        Change::DropIndex { table, index: i } => vec![format!(
            "{table}: {} {} in the database that the entities do not declare",
            index(i),
            i.name
        )],
        Change::AddForeignKey { table, foreign_key } => vec![format!(
            "{}: foreign key missing from the database (ON DELETE {})",
            reference(table, foreign_key),
            action(foreign_key.on_delete)
        )],
        Change::DropForeignKey { table, foreign_key } => vec![format!(
            "{}: foreign key {} in the database that no relation declares",
            reference(table, foreign_key),
            foreign_key.name
        )],
        Change::AlterForeignKey { table, from, to } => {
            let mut lines = Vec::new();
            if from.on_delete != to.on_delete {
                lines.push(format!(
                    "{}: ON DELETE {} in the entity, {} in the database",
                    reference(table, to),
                    action(to.on_delete),
                    action(from.on_delete)
                ));
            }
            if from.on_update != to.on_update {
                lines.push(format!(
                    "{}: ON UPDATE {} in the entity, {} in the database",
                    reference(table, to),
                    action(to.on_update),
                    action(from.on_update)
                ));
            }
            lines
        }
        Change::AddCheck { table, check } => vec![format!(
            "{table}: check ({}) missing from the database",
            check.expression
        )],
        Change::DropCheck { table, check } => vec![format!(
            "{table}: check {} ({}) in the database that the entities do not declare",
            check.name, check.expression
        )],
        Change::AddEnum { name, labels } => vec![format!(
            "enum type {name} ({}) missing from the database",
            labels.join(", ")
        )],
        Change::DropEnum { name, labels } => vec![format!(
            "enum type {name} ({}) in the database; the entities use no native enum type of that name",
            labels.join(", ")
        )],
        Change::AlterEnum { name, from, to } => vec![format!(
            "enum type {name}: ({}) in the entities, ({}) in the database",
            to.join(", "),
            from.join(", ")
        )],
    }
}

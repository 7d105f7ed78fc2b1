//! A column or table dropped or renamed: running application instances still use the old
//! name and fail until they are replaced.

use super::{altered_existing, table_name, Hit, Rule};
use crate::{Context, Lock, Severity};
use sqlparser::ast::{AlterTableOperation, ObjectType, Statement};

pub const RULE: Rule = Rule {
    name: "breaking-change",
    severity: Severity::Error,
    check,
};

const EXPAND_CONTRACT: &str = "expand and contract: release code that no longer uses the old \
     name (for a rename, that writes both), migrate, and drop in a later release";

fn check(statement: &Statement, context: &Context) -> Vec<Hit> {
    let hit = |table: String, what: String| Hit {
        table,
        lock: Lock::AccessExclusive,
        problem: format!("{what}: instances still running use it and fail"),
        rewrite: EXPAND_CONTRACT.into(),
    };
    if let Statement::Drop {
        object_type: ObjectType::Table,
        names,
        ..
    } = statement
    {
        return names
            .iter()
            .filter(|n| !context.is_new(&n.to_string()))
            .map(|n| hit(table_name(n), format!("table {} is dropped", table_name(n))))
            .collect();
    }
    let Some((table, operations)) = altered_existing(statement, context) else {
        return vec![];
    };
    operations
        .iter()
        .filter_map(|op| match op {
            // A column the script itself added (a staging column) is nobody else's yet.
            AlterTableOperation::DropColumn { column_names, .. }
                if !column_names
                    .iter()
                    .all(|c| context.is_added(&table, &c.to_string())) =>
            {
                Some(hit(
                    table.clone(),
                    format!(
                        "column(s) {} dropped",
                        column_names
                            .iter()
                            .map(|c| c.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ))
            }
            AlterTableOperation::RenameColumn {
                old_column_name,
                new_column_name,
            } => Some(hit(
                table.clone(),
                format!("column {old_column_name} renamed to {new_column_name}"),
            )),
            AlterTableOperation::RenameTable { table_name } => Some(hit(
                table.clone(),
                format!("table {table} renamed to {table_name}"),
            )),
            _ => None,
        })
        .collect()
}

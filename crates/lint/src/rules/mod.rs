//! The rules. Each is a small module with one `check`: given a statement and what the script
//! created before it, the problems it finds, each with its lock and its safe rewrite.

mod breaking_change;
mod column_type;
mod concurrent_index;
mod not_valid;
mod required_column;
mod set_not_null;
mod unique_constraint;
mod volatile_default;

use crate::{Context, Lock, Severity};
use sqlparser::ast::{AlterTableOperation, ObjectName, Statement};

/// One problem a rule found in a statement.
pub struct Hit {
    pub table: String,
    pub lock: Lock,
    pub problem: String,
    pub rewrite: String,
}

pub struct Rule {
    pub name: &'static str,
    pub severity: Severity,
    pub check: fn(&Statement, &Context) -> Vec<Hit>,
}

pub const ALL: &[Rule] = &[
    concurrent_index::RULE,
    not_valid::RULE,
    column_type::RULE,
    set_not_null::RULE,
    required_column::RULE,
    unique_constraint::RULE,
    volatile_default::RULE,
    breaking_change::RULE,
];

/// The operations of an `ALTER TABLE` on a table the script did not create, with its name.
fn altered_existing<'s>(
    statement: &'s Statement,
    context: &Context,
) -> Option<(String, &'s [AlterTableOperation])> {
    match statement {
        Statement::AlterTable {
            name, operations, ..
        } if !context.is_new(&name.to_string()) => Some((table_name(name), operations)),
        _ => None,
    }
}

/// The hits of `check` over each operation of an `ALTER TABLE` on a table in use.
fn each_operation(
    statement: &Statement,
    context: &Context,
    check: impl Fn(&str, &AlterTableOperation) -> Option<Hit>,
) -> Vec<Hit> {
    match altered_existing(statement, context) {
        Some((table, operations)) => operations
            .iter()
            .filter_map(|op| check(&table, op))
            .collect(),
        None => vec![],
    }
}

fn table_name(name: &ObjectName) -> String {
    crate::unquoted(&name.to_string())
}

//! A `NOT NULL` column added to a table in use without a default: fails on any row.

use super::{each_operation, Hit, Rule};
use crate::{Context, Lock, Severity};
use sqlparser::ast::{AlterTableOperation, ColumnOption, Statement};

pub const RULE: Rule = Rule {
    name: "adding-required-field",
    severity: Severity::Error,
    check,
};

fn check(statement: &Statement, context: &Context) -> Vec<Hit> {
    each_operation(statement, context, |table, op| match op {
        AlterTableOperation::AddColumn { column_def, .. } => {
            let has =
                |f: fn(&ColumnOption) -> bool| column_def.options.iter().any(|o| f(&o.option));
            let required = has(|o| matches!(o, ColumnOption::NotNull));
            let defaulted = has(|o| matches!(o, ColumnOption::Default(_)));
            (required && !defaulted).then(|| Hit {
                table: table.to_owned(),
                lock: Lock::AccessExclusive,
                problem: format!(
                    "{} is NOT NULL with no default: the statement fails on a table with rows",
                    column_def.name
                ),
                rewrite: "add it with a DEFAULT (a constant default costs no rewrite since \
                              PostgreSQL 11), or nullable, fill it, then make it NOT NULL"
                    .into(),
            })
        }
        _ => None,
    })
}

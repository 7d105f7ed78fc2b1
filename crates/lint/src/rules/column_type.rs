//! A column's type changed on a table in use: most changes rewrite the table.

use super::{each_operation, Hit, Rule};
use crate::{Context, Lock, Severity};
use sqlparser::ast::{AlterColumnOperation, AlterTableOperation, Statement};

pub const RULE: Rule = Rule {
    name: "changing-column-type",
    severity: Severity::Error,
    check,
};

fn check(statement: &Statement, context: &Context) -> Vec<Hit> {
    each_operation(statement, context, |table, op| match op {
        AlterTableOperation::AlterColumn {
            column_name,
            op: AlterColumnOperation::SetDataType { data_type, .. },
        } => Some(Hit {
            table: table.to_owned(),
            lock: Lock::AccessExclusive,
            problem: format!(
                "{column_name} becomes {data_type}: unless the types are binary-compatible \
                     (varchar widened, varchar to text), the whole table is rewritten under the \
                     lock"
            ),
            rewrite: "add a column of the new type, fill it in batches, switch readers and \
                          writers to it, then drop the old one (expand and contract)"
                .into(),
        }),
        _ => None,
    })
}

//! A `UNIQUE` constraint added to a table in use: its index is built under the lock.

use super::{each_operation, Hit, Rule};
use crate::{Context, Lock, Severity};
use sqlparser::ast::{AlterTableOperation, Statement, TableConstraint};

pub const RULE: Rule = Rule {
    name: "disallowed-unique-constraint",
    severity: Severity::Error,
    check,
};

fn check(statement: &Statement, context: &Context) -> Vec<Hit> {
    each_operation(statement, context, |table, op| match op {
        AlterTableOperation::AddConstraint {
            constraint: TableConstraint::Unique { .. },
            ..
        } => Some(Hit {
            table: table.to_owned(),
            lock: Lock::AccessExclusive,
            problem: "the constraint's unique index is built under the lock".into(),
            rewrite: "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … UNIQUE \
                          USING INDEX (instant)"
                .into(),
        }),
        _ => None,
    })
}

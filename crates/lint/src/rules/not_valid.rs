//! A foreign key or check added to a table in use without `NOT VALID`: every row is checked
//! under the lock.

use super::{each_operation, Hit, Rule};
use crate::{Context, Lock, Severity};
use sqlparser::ast::{AlterTableOperation, Statement, TableConstraint};

pub const RULE: Rule = Rule {
    name: "constraint-missing-not-valid",
    severity: Severity::Error,
    check,
};

fn check(statement: &Statement, context: &Context) -> Vec<Hit> {
    each_operation(statement, context, |table, op| match op {
        AlterTableOperation::AddConstraint {
            constraint,
            not_valid: false,
        } => {
            let (lock, what) = match constraint {
                TableConstraint::ForeignKey { .. } => (Lock::ShareRowExclusive, "foreign key"),
                TableConstraint::Check { .. } => (Lock::AccessExclusive, "check"),
                _ => return None,
            };
            Some(Hit {
                table: table.to_owned(),
                lock,
                problem: format!("the {what} is validated against every row under the lock"),
                rewrite: format!(
                    "ADD the {what} … NOT VALID, then in a later step ALTER TABLE … \
                         VALIDATE CONSTRAINT (which takes only SHARE UPDATE EXCLUSIVE)"
                ),
            })
        }
        _ => None,
    })
}

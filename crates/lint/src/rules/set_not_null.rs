//! `SET NOT NULL` on a table in use: every row is scanned under the lock.

use super::{each_operation, Hit, Rule};
use crate::{Context, Lock, Severity};
use sqlparser::ast::{AlterColumnOperation, AlterTableOperation, Statement};

pub const RULE: Rule = Rule {
    name: "setting-not-null",
    severity: Severity::Error,
    check,
};

fn check(statement: &Statement, context: &Context) -> Vec<Hit> {
    each_operation(statement, context, |table, op| match op {
        AlterTableOperation::AlterColumn {
            column_name,
            op: AlterColumnOperation::SetNotNull,
        } if !context.is_proven_not_null(table, &column_name.to_string()) => Some(Hit {
            table: table.to_owned(),
            lock: Lock::AccessExclusive,
            problem: format!("{column_name}: every row is scanned for NULLs under the lock"),
            rewrite: format!(
                "ADD CONSTRAINT … CHECK ({column_name} IS NOT NULL) NOT VALID; VALIDATE \
                     CONSTRAINT; then SET NOT NULL (PostgreSQL 12+ trusts the valid check and \
                     skips the scan); then DROP the check"
            ),
        }),
        _ => None,
    })
}

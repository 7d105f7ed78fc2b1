//! `SET NOT NULL` on a table in use: every row is scanned under the lock.

use super::{altered_existing, Hit, Rule};
use crate::{Context, Lock, Severity};
use sqlparser::ast::{AlterColumnOperation, AlterTableOperation, Statement};

pub const RULE: Rule = Rule {
    name: "setting-not-null",
    severity: Severity::Error,
    check,
};

fn check(statement: &Statement, context: &Context) -> Vec<Hit> {
    let Some((table, operations)) = altered_existing(statement, context) else {
        return vec![];
    };
    operations
        .iter()
        .filter_map(|op| match op {
            AlterTableOperation::AlterColumn {
                column_name,
                op: AlterColumnOperation::SetNotNull,
            } => Some(Hit {
                table: table.clone(),
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
        .collect()
}

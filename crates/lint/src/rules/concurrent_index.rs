//! `CREATE INDEX` on a table in use, without `CONCURRENTLY`.

use super::{Hit, Rule};
use crate::{Context, Lock, Severity};
use sqlparser::ast::Statement;

pub const RULE: Rule = Rule {
    name: "require-concurrent-index",
    severity: Severity::Error,
    check,
};

fn check(statement: &Statement, context: &Context) -> Vec<Hit> {
    match statement {
        Statement::CreateIndex(index)
            if !index.concurrently && !context.is_new(&index.table_name.to_string()) =>
        {
            vec![Hit {
                table: index.table_name.to_string(),
                lock: Lock::Share,
                problem: "the index is built under a lock held for the whole build".into(),
                rewrite: "CREATE INDEX CONCURRENTLY, outside a transaction (a failed build \
                          leaves an INVALID index: drop it and build again)"
                    .into(),
            }]
        }
        _ => vec![],
    }
}

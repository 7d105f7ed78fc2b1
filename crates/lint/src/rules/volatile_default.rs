//! A column added to a table in use with a volatile default: every row gets its own value, so
//! the table is rewritten under the lock.

use super::{each_operation, Hit, Rule};
use crate::{Context, Lock, Severity};
use sqlparser::ast::{AlterTableOperation, ColumnOption, Statement};

pub const RULE: Rule = Rule {
    name: "adding-field-with-volatile-default",
    severity: Severity::Error,
    check,
};

/// Functions whose value differs per row (PostgreSQL's `provolatile = 'v'` among the usual
/// defaults); `now()` and `CURRENT_TIMESTAMP` are stable within a transaction, so not here.
const VOLATILE: [&str; 7] = [
    "random(",
    "gen_random_uuid(",
    "uuid_generate_v1(",
    "uuid_generate_v4(",
    "clock_timestamp(",
    "timeofday(",
    "nextval(",
];

fn check(statement: &Statement, context: &Context) -> Vec<Hit> {
    each_operation(statement, context, |table, op| match op {
        AlterTableOperation::AddColumn { column_def, .. } => {
            column_def.options.iter().find_map(|o| match &o.option {
                ColumnOption::Default(expr) => {
                    let text = expr.to_string().to_lowercase();
                    VOLATILE.iter().any(|f| text.contains(f)).then(|| Hit {
                        table: table.to_owned(),
                        lock: Lock::AccessExclusive,
                        problem: format!(
                            "{} defaults to {expr}, computed per row: the whole table is \
                                 rewritten under the lock",
                            column_def.name
                        ),
                        rewrite: "add the column without a default, SET DEFAULT for new \
                                      rows, then fill the existing rows in batches"
                            .into(),
                    })
                }
                _ => None,
            })
        }
        _ => None,
    })
}

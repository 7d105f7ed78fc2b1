//! `manage-db lint`: rules over the SQL a migration sends to PostgreSQL, in the manner of
//! squawk. Each rule is small: it names the lock a statement takes, what that lock blocks on a
//! live table, and the rewrite that does not block.
//!
//! - [`lint`] parses a script with a real SQL parser (sqlparser's PostgreSQL dialect) and runs
//!   every rule over each statement, knowing which tables the script itself created (a table
//!   nobody else uses yet can take any lock).
//! - [`waivers`] reads `lint: allow <rule> -- <why>` comments: a waiver must say why.

mod lock;
pub mod rules;

pub use lock::Lock;
use sqlparser::ast::Statement;
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::parser::Parser;
use std::collections::BTreeSet;

/// How bad a finding is: an error fails `lint` (and stops `upgrade` on a big table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// What one rule says of one statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    /// The statement, as the parser prints it back.
    pub statement: String,
    pub table: String,
    pub lock: Lock,
    /// Why this statement is a problem on a live table.
    pub problem: String,
    /// What to write instead.
    pub rewrite: String,
    /// Set by [`Finding::waive`]: the reason given in the waiver.
    pub waived: Option<String>,
}

impl Finding {
    pub fn waive(&mut self, waivers: &[Waiver]) {
        if let Some(w) = waivers.iter().find(|w| w.rule == self.rule) {
            self.waived = Some(w.why.clone());
        }
    }

    /// Counts against the result: not waived, and an error.
    pub fn is_blocking(&self) -> bool {
        self.waived.is_none() && self.severity == Severity::Error
    }
}

/// What the rules know besides the statement: what the script did before it.
#[derive(Debug, Default)]
pub struct Context {
    /// Tables it created.
    pub created: BTreeSet<String>,
    /// `(table, column)` of columns it added to existing tables.
    added: BTreeSet<(String, String)>,
    /// `(table, constraint) → column` of `CHECK (column IS NOT NULL) NOT VALID` added.
    pending_not_null: std::collections::BTreeMap<(String, String), String>,
    /// `(table, column)` proven NOT NULL by such a check, validated: `SET NOT NULL` then
    /// trusts it and scans nothing (PostgreSQL 12+).
    proven_not_null: BTreeSet<(String, String)>,
}

impl Context {
    pub fn is_new(&self, table: &str) -> bool {
        self.created.contains(&unquoted(table))
    }

    /// Whether the script added `table.column` itself.
    pub fn is_added(&self, table: &str, column: &str) -> bool {
        self.added.contains(&(unquoted(table), unquoted(column)))
    }

    pub fn is_proven_not_null(&self, table: &str, column: &str) -> bool {
        self.proven_not_null
            .contains(&(unquoted(table), unquoted(column)))
    }

    /// Learns what `statement` did that later rules depend on.
    fn observe(&mut self, statement: &Statement) {
        use sqlparser::ast::{AlterTableOperation, Expr, TableConstraint};
        match statement {
            Statement::CreateTable(create) => {
                self.created.insert(unquoted(&create.name.to_string()));
            }
            Statement::AlterTable {
                name, operations, ..
            } => {
                let table = unquoted(&name.to_string());
                for op in operations {
                    match op {
                        AlterTableOperation::AddColumn { column_def, .. } => {
                            self.added
                                .insert((table.clone(), unquoted(&column_def.name.to_string())));
                        }
                        AlterTableOperation::AddConstraint {
                            constraint:
                                TableConstraint::Check {
                                    name: Some(check),
                                    expr,
                                    ..
                                },
                            ..
                        } => {
                            let mut expr = expr.as_ref();
                            while let Expr::Nested(inner) = expr {
                                expr = inner;
                            }
                            if let Expr::IsNotNull(column) = expr {
                                self.pending_not_null.insert(
                                    (table.clone(), unquoted(&check.to_string())),
                                    unquoted(&column.to_string()),
                                );
                            }
                        }
                        AlterTableOperation::ValidateConstraint { name: check } => {
                            let key = (table.clone(), unquoted(&check.to_string()));
                            if let Some(column) = self.pending_not_null.remove(&key) {
                                self.proven_not_null.insert((table.clone(), column));
                            }
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("the SQL could not be parsed as PostgreSQL: {0}")]
pub struct ParseError(pub String);

/// Every finding of every rule over `sql`, in statement order.
pub fn lint(sql: &str) -> Result<Vec<Finding>, ParseError> {
    let statements =
        Parser::parse_sql(&PostgreSqlDialect {}, sql).map_err(|e| ParseError(e.to_string()))?;
    Ok(lint_parsed(&statements))
}

/// [`lint`] over statements recorded one by one (a migration's, as `--sql` records them).
/// A `DO` block, which only checks rows before the schema changes (generated migrations
/// send one per requirement on PostgreSQL), takes no lock worth a rule and is passed over.
pub fn lint_statements<S: AsRef<str>>(statements: &[S]) -> Result<Vec<Finding>, ParseError> {
    let mut parsed = Vec::with_capacity(statements.len());
    for statement in statements {
        let text = statement.as_ref().trim_start();
        if text.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("DO ")) {
            continue;
        }
        parsed.extend(
            Parser::parse_sql(&PostgreSqlDialect {}, text)
                .map_err(|e| ParseError(e.to_string()))?,
        );
    }
    Ok(lint_parsed(&parsed))
}

fn lint_parsed(statements: &[Statement]) -> Vec<Finding> {
    let mut context = Context::default();
    let mut findings = Vec::new();
    for statement in statements {
        for rule in rules::ALL {
            for hit in (rule.check)(statement, &context) {
                findings.push(Finding {
                    rule: rule.name,
                    severity: rule.severity,
                    statement: statement.to_string(),
                    table: unquoted(&hit.table),
                    lock: hit.lock,
                    problem: hit.problem,
                    rewrite: hit.rewrite,
                    waived: None,
                });
            }
        }
        context.observe(statement);
    }
    findings
}

/// A rule switched off for one migration, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiver {
    pub rule: String,
    pub why: String,
}

/// The waivers in a migration's text (Rust or SQL comments): `lint: allow <rule> -- <why>`.
/// A waiver without a reason is not one; it is returned in the second list.
pub fn waivers(text: &str) -> (Vec<Waiver>, Vec<String>) {
    let mut valid = Vec::new();
    let mut unexplained = Vec::new();
    for line in text.lines() {
        let Some((_, rest)) = line.split_once("lint: allow ") else {
            continue;
        };
        let (rule, why) = match rest.split_once("--") {
            Some((rule, why)) => (rule.trim(), why.trim()),
            None => (rest.trim(), ""),
        };
        if why.is_empty() {
            unexplained.push(rule.to_owned());
        } else {
            valid.push(Waiver {
                rule: rule.to_owned(),
                why: why.to_owned(),
            });
        }
    }
    (valid, unexplained)
}

/// A table name without quotes or schema, as `pg_class.relname` has it.
pub fn unquoted(name: &str) -> String {
    let last = name.rsplit('.').next().unwrap_or(name);
    last.trim_matches('"').to_owned()
}

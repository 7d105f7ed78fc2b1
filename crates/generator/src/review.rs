//! `generate` lints what it writes: the new migration's `up`, as it is sent to PostgreSQL,
//! through migration-lint's rules, so that `manage-db lint` and `upgrade`'s gate never reject a
//! file `generate` wrote.
//!
//! What the flags chose knowingly is waived in the file, with that reason: a drop under
//! `--allow-destructive`, a `--rename`. Anything else that lint rejects stops `generate`, with
//! nothing written, unless `--allow-locking "<why>"` gives the reason the lock is acceptable
//! (a small table, a maintenance window); that reason is then written as the waiver.

use crate::plan::{MigrationPlan, Options};
use crate::GenerateError;
use migration_lint::{Finding, Waiver};
use std::collections::BTreeMap;

/// Lint's verdict on a planned migration: every finding (waived ones marked), and the waivers
/// the file must carry for `manage-db lint` to agree.
#[derive(Debug, Clone, Default)]
pub struct Review {
    pub findings: Vec<Finding>,
    pub waivers: Vec<Waiver>,
}

/// Lints `statements` (what `plan`'s `up` sends to PostgreSQL).
pub fn review(
    statements: &[String],
    plan: &MigrationPlan,
    options: &Options,
    allow_locking: Option<&str>,
) -> Result<Review, GenerateError> {
    let mut findings = migration_lint::lint_statements(statements)
        .map_err(|e| GenerateError::LintRejected(vec![format!("the SQL does not parse: {e}")]))?;
    let mut reasons: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for finding in findings.iter().filter(|f| f.is_blocking()) {
        let reason = chosen_by_flags(finding, plan, options)
            .or_else(|| allow_locking.map(|why| format!("--allow-locking: {why}")));
        if let Some(reason) = reason {
            let list = reasons.entry(finding.rule).or_default();
            if !list.contains(&reason) {
                list.push(reason);
            }
        }
    }
    let waivers: Vec<Waiver> = reasons
        .into_iter()
        .map(|(rule, why)| Waiver {
            rule: rule.to_owned(),
            why: why.join("; "),
        })
        .collect();
    for finding in &mut findings {
        finding.waive(&waivers);
    }
    let rejected: Vec<String> = findings
        .iter()
        .filter(|f| f.is_blocking())
        .map(|f| {
            format!(
                "{} on {}: {}\n      {}\n      lock: {}, which blocks {}\n      instead: {}",
                f.rule,
                f.table,
                f.statement,
                f.problem,
                f.lock.name(),
                f.lock.blocks(),
                f.rewrite
            )
        })
        .collect();
    if rejected.is_empty() {
        Ok(Review { findings, waivers })
    } else {
        Err(GenerateError::LintRejected(rejected))
    }
}

/// Why a finding is what the flags asked for, or no hazard at all, if it is.
fn chosen_by_flags(finding: &Finding, plan: &MigrationPlan, options: &Options) -> Option<String> {
    if finding.rule == "changing-column-type" {
        // Lint sees `ALTER COLUMN … TYPE` but not the type before; the plan does. sea-query
        // restates the type with every change of a column, and a text column widened is
        // binary-compatible: only the plan's `rewrites` rewrite the table.
        let column = finding.problem.split(" becomes ").next()?.trim_matches('"');
        let rewritten = format!("{}.{column}:", finding.table);
        return (!plan.rewrites.iter().any(|r| r.starts_with(&rewritten))).then(|| {
            "the type is restated unchanged, or widened binary-compatibly: PostgreSQL does not \
             rewrite the table"
                .to_owned()
        });
    }
    if finding.rule != "breaking-change" {
        return None;
    }
    let statement = finding.statement.to_ascii_uppercase();
    if statement.contains(" RENAME ") && !options.renames.is_empty() {
        return Some(
            "renamed with --rename; release code that uses the new name before this runs"
                .to_owned(),
        );
    }
    if statement.starts_with("DROP") || statement.contains(" DROP COLUMN ") {
        return (options.allow_destructive && !plan.data_loss.is_empty()).then(|| {
            "dropped with --allow-destructive; release code that no longer uses it before this \
             runs"
                .to_owned()
        });
    }
    None
}

/// The waivers as the file writes them: lines `manage-db lint` reads back.
pub fn waiver_lines(waivers: &[Waiver]) -> Vec<String> {
    waivers
        .iter()
        .map(|w| format!("lint: allow {} -- {}", w.rule, w.why))
        .collect()
}

//! How long lint takes per migration: the schema's own first migration (17 tables, their
//! indexes and foreign keys), as it is sent to PostgreSQL, linted 200 times
//! (`cargo bench -p migration-lint`). Exits non-zero over the target (docs/benchmarks.md).

use std::time::{Duration, Instant};

const RUNS: usize = 200;
/// The ceiling is 5 ms per migration; the target sits near what is measured.
const TARGET: Duration = Duration::from_millis(1);

#[tokio::main]
async fn main() {
    let migrations = migration::migrations().expect("migrations");
    let statements =
        migration::statements_of(sea_orm::DbBackend::Postgres, migrations.migration(0), true)
            .await
            .expect("record the first migration");
    let script = statements.join(";\n");
    let mut samples: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let findings = migration_lint::lint(&script).expect("parses");
            let elapsed = start.elapsed();
            assert!(findings.is_empty(), "{findings:?}");
            elapsed
        })
        .collect();
    samples.sort();
    let median = samples[RUNS / 2];
    let ok = median <= TARGET;
    println!(
        "lint one migration ({} statements, {} bytes)  median {median:>9.2?}  target {TARGET:?}  {}",
        statements.len(),
        script.len(),
        if ok { "ok" } else { "OVER" }
    );
    if !ok {
        std::process::exit(1);
    }
}

//! How long reading a live schema takes (`cargo bench -p schema-model`; DATABASE_URL and
//! TEST_MYSQL_URL add PostgreSQL and MariaDB, as for the tests). Exits non-zero when a median
//! misses its target. Figures: docs/benchmarks.md.

use std::time::{Duration, Instant};

const RUNS: usize = 15;
/// The 17-table schema, per backend (SQLite, PostgreSQL, MariaDB), in milliseconds.
const SCHEMA_LIMITS_MS: [f64; 3] = [3.0, 4.0, 18.0];
/// `check`'s whole comparison on the 17-table schema. Before `schema-model`, `check` took
/// 12 ms (SQLite), 28 ms (PostgreSQL) and 12 ms (MariaDB): it must not be slower, and the
/// targets sit at about twice today's figures (capped by those) so that a regression shows.
const CHECK_LIMITS_MS: [f64; 3] = [3.5, 5.0, 12.0];
/// `check` with 1,000 unrelated tables beside the schema (issue 6 asks under 300 ms on
/// PostgreSQL), and with 2,000. MariaDB is left out: creating the tables takes minutes.
const CROWDED_LIMITS_MS: [f64; 3] = [60.0, 50.0, f64::INFINITY];
const DOUBLED_LIMITS_MS: [f64; 3] = [90.0, 100.0, f64::INFINITY];
const UNRELATED: usize = 1000;
/// Doubling the unrelated tables may at most double `check`'s time, plus noise.
const MAX_GROWTH_WHEN_DOUBLED: f64 = 2.5;

fn limit(limits: [f64; 3], backend: &str) -> Duration {
    let i = match backend {
        "sqlite" => 0,
        "postgres" => 1,
        _ => 2,
    };
    Duration::from_secs_f64(limits[i] / 1000.0)
}

/// `manage-db check`'s comparison: the live schema, the entities' and their diff.
async fn median_check(t: &testkit::TestDb) -> (Duration, usize) {
    let mut samples = Vec::new();
    let mut tables = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let live = schema_model::live::read(&t.db).await.expect("read");
        let entities = entity::registry::read_schema(&t.db)
            .await
            .expect("entities");
        std::hint::black_box(schema_model::diff(&live, &entities));
        samples.push(start.elapsed());
        tables = live.tables.len();
    }
    samples.sort();
    (samples[RUNS / 2], tables)
}

/// Tables `other_<i>` for `i` in `range`, each with an index and a foreign key.
async fn add_unrelated_tables(t: &testkit::TestDb, range: std::ops::Range<usize>) {
    let ddl: String = range
        .map(|i| {
            format!(
                "CREATE TABLE other_{i} (id INTEGER PRIMARY KEY, label VARCHAR(40) NOT NULL, \
                 parent INTEGER REFERENCES other_0 (id)); CREATE INDEX other_{i}_label ON other_{i} (label);"
            )
        })
        .collect();
    sea_orm::ConnectionTrait::execute_unprepared(&t.db, &ddl)
        .await
        .expect("create unrelated tables");
}

async fn median_read(t: &testkit::TestDb) -> (Duration, usize) {
    let mut samples = Vec::new();
    let mut tables = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let schema = schema_model::live::read(&t.db).await.expect("read");
        samples.push(start.elapsed());
        tables = schema.tables.len();
    }
    samples.sort();
    (samples[RUNS / 2], tables)
}

fn report(backend: &str, what: &str, (median, tables): (Duration, usize), limit: Duration) -> bool {
    let ok = median <= limit;
    println!(
        "{backend:<9} {what:<40} {tables:>5} tables  median {median:>9.2?}  target {limit:>8.0?}  {}",
        if ok { "ok" } else { "OVER" }
    );
    ok
}

#[tokio::main]
async fn main() {
    let mut all_ok = true;
    for t in testkit::databases().await {
        let backend = t.name;
        migration::migrate_on_boot(&t.db, &Default::default())
            .await
            .expect("migrate");
        all_ok &= report(
            backend,
            "read the migrated schema",
            median_read(&t).await,
            limit(SCHEMA_LIMITS_MS, backend),
        );
        all_ok &= report(
            backend,
            "check: live + entities + diff",
            median_check(&t).await,
            limit(CHECK_LIMITS_MS, backend),
        );
        if backend == "mysql" {
            // Creating 1,000 tables on MariaDB takes minutes: left out of the routine run.
            t.finish().await;
            continue;
        }
        let mut crowded = Vec::new();
        for (from, to) in [(0, UNRELATED), (UNRELATED, 2 * UNRELATED)] {
            add_unrelated_tables(&t, from..to).await;
            let check = median_check(&t).await;
            all_ok &= report(
                backend,
                &format!("check beside {to} unrelated tables"),
                check,
                limit(
                    if to == UNRELATED {
                        CROWDED_LIMITS_MS
                    } else {
                        DOUBLED_LIMITS_MS
                    },
                    backend,
                ),
            );
            crowded.push(check.0);
        }
        let growth = crowded[1].as_secs_f64() / crowded[0].as_secs_f64();
        let linear = growth <= MAX_GROWTH_WHEN_DOUBLED;
        println!(
            "{backend:<9} {:<40} ×{growth:.2} (linear ≈ ×2, target ≤ ×{MAX_GROWTH_WHEN_DOUBLED})  {}",
            "check, 1,000 → 2,000 unrelated tables",
            if linear { "ok" } else { "OVER" }
        );
        all_ok &= linear;
        t.finish().await;
    }
    if !all_ok {
        eprintln!("benchmark targets missed");
        std::process::exit(1);
    }
}

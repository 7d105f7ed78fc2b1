//! How long reading a live schema takes (`cargo bench -p schema-model`; DATABASE_URL and
//! TEST_MYSQL_URL add PostgreSQL and MariaDB, as for the tests). Exits non-zero when a median
//! misses its target. Figures: docs/benchmarks.md.

use std::time::{Duration, Instant};

const RUNS: usize = 15;
/// The 17-table schema, per backend (SQLite, PostgreSQL, MariaDB), in milliseconds.
const SCHEMA_LIMITS_MS: [f64; 3] = [6.0, 12.0, 40.0];
/// The same with 1,000 unrelated tables beside it (issue 6 asks under 300 ms on PostgreSQL).
const CROWDED_LIMITS_MS: [f64; 3] = [100.0, 150.0, f64::INFINITY];
const UNRELATED: usize = 1000;
/// `check`'s whole comparison on the 17-table schema. Before `schema-model`, reading the live
/// schema alone took 12 ms (SQLite), 28 ms (PostgreSQL) and 12 ms (MariaDB); the shadow (the
/// entities' DDL run and rolled back) now dominates on the servers.
const CHECK_LIMITS_MS: [f64; 3] = [25.0, 400.0, 800.0];

fn limit(limits: [f64; 3], backend: &str) -> Duration {
    let i = match backend {
        "sqlite" => 0,
        "postgres" => 1,
        _ => 2,
    };
    Duration::from_secs_f64(limits[i] / 1000.0)
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
        // What `check` does: the live schema, and the entities' through the shadow.
        let ddl = entity::registry::schema_sql(t.db.get_database_backend());
        let mut samples = Vec::new();
        for _ in 0..RUNS {
            let start = Instant::now();
            let live = schema_model::live::read(&t.db).await.expect("read");
            let entities = schema_model::shadow::read(&t.db, &ddl)
                .await
                .expect("shadow");
            let _ = schema_model::diff(&live, &entities);
            samples.push(start.elapsed());
        }
        samples.sort();
        all_ok &= report(
            backend,
            "check: live + entities (shadow) + diff",
            (samples[RUNS / 2], 17),
            limit(CHECK_LIMITS_MS, backend),
        );
        if backend == "mysql" {
            // Creating 1,000 tables on MariaDB takes minutes: left out of the routine run.
            t.finish().await;
            continue;
        }
        let ddl: String = (0..UNRELATED)
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
        all_ok &= report(
            backend,
            "read it beside 1,000 unrelated tables",
            median_read(&t).await,
            limit(CROWDED_LIMITS_MS, backend),
        );
        t.finish().await;
    }
    if !all_ok {
        eprintln!("benchmark targets missed");
        std::process::exit(1);
    }
}

//! How long `manage-db generate` takes on the 17-table schema, build excluded
//! (`cargo bench -p manage-db`; DATABASE_URL and TEST_MYSQL_URL add PostgreSQL and MariaDB).
//! It runs the real binary in this checkout, whose entities match its migrations: the run
//! creates a scratch database, takes the history's replayed schema from its cache (the first
//! run replays every migration and keeps it), renders the entities and plans, which is all of
//! `generate` but writing and verifying a file (timed separately in docs/benchmarks.md).
//! Exits non-zero when a median misses its target.

use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 5;
/// Per backend (SQLite, PostgreSQL, MariaDB), in milliseconds: about twice the medians of
/// docs/benchmarks.md (the replayed history comes from its cache after the first run).
const LIMITS_MS: [f64; 3] = [10.0, 150.0, 20.0];

#[tokio::main]
async fn main() {
    let bin = env!("CARGO_BIN_EXE_manage-db");
    let checkout = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut all_ok = true;
    for (i, t) in testkit::databases().await.into_iter().enumerate() {
        let mut samples = Vec::new();
        for _ in 0..RUNS {
            let start = Instant::now();
            let out = Command::new(bin)
                .args(["generate", "-m", "benchmark nothing"])
                .current_dir(checkout)
                .env("DATABASE_URL", &t.url)
                .env("RUST_LOG", "error")
                .output()
                .expect("run manage-db");
            samples.push(start.elapsed());
            let said = String::from_utf8_lossy(&out.stdout);
            assert!(
                said.contains("Nothing to generate"),
                "{said}{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        samples.sort();
        let median = samples[RUNS / 2];
        let limit = Duration::from_secs_f64(LIMITS_MS[i.min(2)] / 1000.0);
        let ok = median <= limit;
        all_ok &= ok;
        println!(
            "{:<9} generate (17 tables, nothing to write)  median {median:>9.1?}  target {limit:>7.0?}  {}",
            t.name,
            if ok { "ok" } else { "OVER" }
        );
        t.finish().await;
    }
    if !all_ok {
        eprintln!("benchmark targets missed");
        std::process::exit(1);
    }
}

//! Boot-path benchmark: what migrating costs an application at every start.
//!
//! `cargo bench -p migration` (add `DATABASE_URL=postgres://…` to include PostgreSQL).
//! Prints the median of repeated runs against each target, and the process's peak memory;
//! exits non-zero when a median misses its target, so it can gate a release job.

use migration::{migrate_on_boot, BootOptions, Migrator, MigratorTrait};
use std::time::{Duration, Instant};

const RUNS: usize = 30;

struct Target {
    name: &'static str,
    limit: Duration,
}

const NO_OP_BOOT: Target = Target {
    name: "boot when up to date (lock + ledger read)",
    limit: Duration::from_millis(25),
};
const FULL_MIGRATION: Target = Target {
    name: "migrate an empty database to head",
    limit: Duration::from_millis(1500),
};
const SCHEMA_READ: Target = Target {
    name: "read the live schema (what `check` does)",
    limit: Duration::from_millis(250),
};
const PEAK_RSS_MIB: u64 = 64;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn report(backend: &str, target: &Target, samples: Vec<Duration>) -> bool {
    let m = median(samples);
    let ok = m <= target.limit;
    println!(
        "{backend:<9} {:<46} median {:>9.2?}  target {:>8?}  {}",
        target.name,
        m,
        target.limit,
        if ok { "ok" } else { "OVER" }
    );
    ok
}

/// Peak resident memory of this process, from /proc (Linux); `None` elsewhere.
fn peak_rss_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}

#[tokio::main]
async fn main() {
    let mut all_ok = true;
    let backends = testkit::databases().await;
    for t in backends {
        let backend = t.name;
        let mut full = Vec::new();
        for _ in 0..5 {
            let start = Instant::now();
            Migrator::up(&t.db, None).await.expect("up");
            full.push(start.elapsed());
            Migrator::down(&t.db, None).await.expect("down");
        }
        all_ok &= report(backend, &FULL_MIGRATION, full);

        let options = BootOptions::default();
        migrate_on_boot(&t.db, &options).await.expect("first boot");
        let mut boots = Vec::new();
        for _ in 0..RUNS {
            let start = Instant::now();
            let r = migrate_on_boot(&t.db, &options).await.expect("boot");
            boots.push(start.elapsed());
            assert!(r.applied.is_empty());
        }
        all_ok &= report(backend, &NO_OP_BOOT, boots);

        let mut reads = Vec::new();
        for _ in 0..RUNS {
            let start = Instant::now();
            let live = schema_inspect::read_schema(&t.db)
                .await
                .expect("read schema");
            reads.push(start.elapsed());
            assert_eq!(live.tables.len(), 18);
        }
        all_ok &= report(backend, &SCHEMA_READ, reads);
        t.finish().await;
    }
    if let Some(mib) = peak_rss_mib() {
        let ok = mib <= PEAK_RSS_MIB;
        all_ok &= ok;
        println!(
            "peak resident memory {mib} MiB  target {PEAK_RSS_MIB} MiB  {}",
            if ok { "ok" } else { "OVER" }
        );
    }
    if !all_ok {
        eprintln!("benchmark targets missed");
        std::process::exit(1);
    }
}

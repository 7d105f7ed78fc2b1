//! Boot-path benchmark: what migrating costs an application at every start.
//!
//! `cargo bench -p migration` (add `DATABASE_URL=postgres://…` to include PostgreSQL).
//! Prints the median of repeated runs against each target, and the process's peak memory;
//! exits non-zero when a median misses its target, so it can gate a release job.

use migration::{migrate_on_boot, migrate_to_head, BootOptions, Migrations};
use std::time::{Duration, Instant};

const RUNS: usize = 30;
const SCALE_RUNS: usize = 200;

/// A median that must stay under a limit per backend: about twice what the 2-core development
/// machine measures (docs/benchmarks.md), so a real regression shows and noise does not.
struct Target {
    name: &'static str,
    /// SQLite, PostgreSQL, MySQL/MariaDB, in milliseconds.
    limits_ms: [f64; 3],
}

impl Target {
    fn limit(&self, backend: &str) -> Duration {
        let i = match backend {
            "sqlite" => 0,
            "postgres" => 1,
            _ => 2,
        };
        Duration::from_secs_f64(self.limits_ms[i] / 1000.0)
    }
}

const NO_OP_BOOT: Target = Target {
    name: "boot when up to date (one state-row read)",
    limits_ms: [0.2, 0.3, 0.3],
};
/// PostgreSQL's includes pgvector: `CREATE EXTENSION vector` in each new database, the
/// `embeddings` rewrite and its HNSW index (about 180 ms of its 320 ms: docs/benchmarks.md).
const FULL_MIGRATION: Target = Target {
    name: "migrate an empty database to head",
    limits_ms: [20.0, 400.0, 300.0],
};
/// The same boot on SQLite with a million parents and a million children: a boot that applies
/// nothing checks no foreign key, so the data's size must not show.
const NO_OP_BOOT_BIG: Target = Target {
    name: "boot when up to date, 1M parents + 1M children",
    limits_ms: [0.25, 0.0, 0.0],
};
/// A no-op boot with 1,000 applied migrations may cost at most this much more than with one.
/// SQLite, PostgreSQL, MySQL/MariaDB. MariaDB's `COUNT(*)` over the version table reads every
/// index entry (about 50 µs at 1,000), which is what catches another writer of that table.
const SCALE_LIMITS: [f64; 3] = [1.5, 1.5, 2.0];
const PEAK_RSS_MIB: u64 = 32;
/// Once per process, before its first boot compares checksums: recording what the build's
/// migrations send (the 56 statements of the first migration).
const RECORD_CHECKSUMS: Target = Target {
    name: "record the build's checksums (once a process)",
    limits_ms: [0.5, 0.5, 0.5],
};

/// The same, for 1,000 migrations that send nothing: what grows with the history.
const RECORD_CHECKSUMS_1000: Target = Target {
    name: "record 1,000 migrations' checksums (once a process)",
    limits_ms: [0.5, 0.5, 0.5],
};

async fn checksum_recordings_1000(backend: sea_orm::DbBackend) -> Vec<Duration> {
    let names = names(1000);
    let mut samples = Vec::new();
    for _ in 0..RUNS {
        let list = noops(&names);
        let start = Instant::now();
        list.sent(backend).await.expect("recorded");
        samples.push(start.elapsed());
    }
    samples
}

/// What the first boot of a process adds: the build's migrations recorded and hashed.
async fn checksum_recordings(backend: sea_orm::DbBackend) -> Vec<Duration> {
    let mut samples = Vec::new();
    for _ in 0..RUNS {
        // Not the build's cached list: a list of the same migrations, recorded afresh.
        let list = Migrations::of::<migration::Migrator>().expect("migrations");
        let start = Instant::now();
        list.sent(backend).await.expect("recorded");
        samples.push(start.elapsed());
    }
    samples
}

fn names(n: usize) -> Vec<&'static str> {
    (0..n)
        .map(|i| &*Box::leak(format!("m{i:06}_noop").into_boxed_str()))
        .collect()
}

/// Migrations that do nothing (what is measured is the bookkeeping around them), with static
/// names, as compiled migrations have.
fn noops(names: &[&'static str]) -> Migrations {
    testkit::fake::of(names.iter().map(|&name| testkit::fake::fake(name)))
}

/// Median no-op boots with `small` and with `large` applied migrations, each on a fresh
/// database of `like`'s backend. The two are measured in turns, so that whatever else the
/// machine is doing weighs on both alike.
async fn no_op_boots(small: usize, large: usize, like: &testkit::TestDb) -> (Duration, Duration) {
    let options = BootOptions::default();
    let mut setups = Vec::new();
    for n in [small, large] {
        let t = testkit::fresh_like(like).await;
        let list = noops(&names(n));
        migrate_to_head(&list, &t.db, &options)
            .await
            .expect("first boot");
        setups.push((t, list, Vec::new()));
    }
    for _ in 0..SCALE_RUNS {
        for (t, list, samples) in setups.iter_mut() {
            // One list per process, as the build's is: its checksums are recorded once (what
            // that costs is measured apart, see `RECORD_CHECKSUMS_1000`).
            let start = Instant::now();
            let r = migrate_to_head(list, &t.db, &options).await.expect("boot");
            samples.push(start.elapsed());
            assert!(r.applied.is_empty());
        }
    }
    let mut medians = Vec::new();
    for (t, _, samples) in setups {
        t.finish().await;
        medians.push(median(samples));
    }
    (medians[0], medians[1])
}

/// No-op boots on a fresh SQLite database at head that holds 1M `documents` and 1M `chunks`
/// pointing at them (the RAG tables, parent and child).
async fn big_table_boots(like: &testkit::TestDb) -> Vec<Duration> {
    use sea_orm::ConnectionTrait;
    let t = testkit::fresh_like(like).await;
    let options = BootOptions::default();
    migrate_on_boot(&t.db, &options).await.expect("first boot");
    t.db.execute_unprepared(
        "PRAGMA foreign_keys = OFF; \
         CREATE TABLE bench_parent (id INTEGER PRIMARY KEY); \
         CREATE TABLE bench_child (id INTEGER PRIMARY KEY, \
           parent_id INTEGER NOT NULL REFERENCES bench_parent (id)); \
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) \
           INSERT INTO bench_parent SELECT i FROM n; \
         INSERT INTO bench_child SELECT id, id FROM bench_parent; \
         PRAGMA foreign_keys = ON",
    )
    .await
    .expect("fill the tables");
    let boots = timed_boots(&t.db).await;
    t.finish().await;
    boots
}

/// `RUNS` boots of `db`, which is at head: each must apply nothing.
async fn timed_boots(db: &sea_orm::DatabaseConnection) -> Vec<Duration> {
    let options = BootOptions::default();
    let mut boots = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let r = migrate_on_boot(db, &options).await.expect("boot");
        boots.push(start.elapsed());
        assert!(r.applied.is_empty());
    }
    boots
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn report(backend: &str, target: &Target, samples: Vec<Duration>) -> bool {
    let m = median(samples);
    let limit = target.limit(backend);
    let ok = m <= limit;
    println!(
        "{backend:<9} {:<46} median {:>9.2?}  target {:>8?}  {}",
        target.name,
        m,
        limit,
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
            let fresh = testkit::fresh_like(&t).await;
            let start = Instant::now();
            migrate_on_boot(&fresh.db, &BootOptions::default())
                .await
                .expect("up");
            full.push(start.elapsed());
            fresh.finish().await;
        }
        all_ok &= report(backend, &FULL_MIGRATION, full);
        all_ok &= report(
            backend,
            &RECORD_CHECKSUMS,
            checksum_recordings(sea_orm::ConnectionTrait::get_database_backend(&t.db)).await,
        );
        all_ok &= report(
            backend,
            &RECORD_CHECKSUMS_1000,
            checksum_recordings_1000(sea_orm::ConnectionTrait::get_database_backend(&t.db)).await,
        );

        let options = BootOptions::default();
        migrate_on_boot(&t.db, &options).await.expect("first boot");
        all_ok &= report(backend, &NO_OP_BOOT, timed_boots(&t.db).await);

        if backend == "sqlite" {
            all_ok &= report(backend, &NO_OP_BOOT_BIG, big_table_boots(&t).await);
        }

        let (one, thousand) = no_op_boots(1, 1000, &t).await;
        let ratio = thousand.as_secs_f64() / one.as_secs_f64();
        let scale_limit = SCALE_LIMITS[match backend {
            "sqlite" => 0,
            "postgres" => 1,
            _ => 2,
        }];
        let ok = ratio <= scale_limit;
        all_ok &= ok;
        println!(
            "{backend:<9} {:<46} {one:>9.2?} -> {thousand:>9.2?}  x{ratio:.2}  target x{scale_limit}  {}",
            "no-op boot, 1 vs 1,000 applied migrations",
            if ok { "ok" } else { "OVER" }
        );
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

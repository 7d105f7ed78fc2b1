//! Vector search benchmark (docs/benchmarks.md).
//!
//! PostgreSQL with pgvector (when `DATABASE_URL` names one): 100,000 vectors of 384 dimensions,
//! clustered as real embeddings are (1,000 topics, each vector a topic plus noise), in a table
//! of their own with the HNSW index `embeddings.vector` declares (cosine, m = 16,
//! ef_construction = 64). Measures the index build, the latency of 200 queries (p50, p99)
//! with the search's own setting (`rag::search::ef_search`), and recall@10 against the exact
//! answer (the same query with index scans off).
//!
//! Every backend: `rag::nearest` itself over 10,000 embeddings of the real schema (1,536
//! dimensions), unfiltered and to one document: the exact scan on SQLite and MariaDB, the
//! index on PostgreSQL. Exits non-zero when a figure misses its target.

use sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait};
use std::time::{Duration, Instant};

const ROWS: usize = 100_000;
const DIMENSIONS: usize = 384;
const TOPICS: usize = 1_000;
const QUERIES: usize = 200;
const K: usize = 10;

/// Targets near what the 2-core development machine measures (docs/benchmarks.md); the
/// issue's own bound for the query p50 on PostgreSQL is 5 ms.
const HNSW_P50_MS: f64 = 3.0;
const HNSW_P99_MS: f64 = 5.0;
const RECALL_AT_10: f64 = 0.95;
const BUILD_S: f64 = 20.0;

/// `rag::nearest` over 10,000 embeddings of the real schema, by backend, unfiltered or to one
/// document (ms, p50).
fn api_target_ms(backend: DbBackend, one_document: bool) -> f64 {
    match (backend, one_document) {
        (DbBackend::Postgres, false) => 5.0,
        (DbBackend::Postgres, true) => 5.5,
        (DbBackend::MySql, false) => 100.0,
        (DbBackend::MySql, true) => 11.0,
        (_, false) => 120.0,
        (_, true) => 14.0,
    }
}

/// xorshift: deterministic data without a dependency.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> f32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % 20_001) as f32 / 10_000.0 - 1.0
    }
}

fn literal(v: &[f32]) -> String {
    let parts: Vec<String> = v.iter().map(|x| format!("{x:.4}")).collect();
    format!("'[{}]'", parts.join(","))
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * p).round() as usize]
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "ok"
    } else {
        "MISSED"
    }
}

fn line(backend: &str, name: &str, got: String, target: String, ok: bool) -> bool {
    println!(
        "{backend:<9} {name:<58} {got:>10}  target {target:>8}  {}",
        verdict(ok)
    );
    ok
}

async fn postgres(t: &testkit::TestDb) -> bool {
    let db = &t.db;
    let pg = |sql: String| Statement::from_string(DbBackend::Postgres, sql);
    db.execute_unprepared("CREATE EXTENSION IF NOT EXISTS vector")
        .await
        .expect("pgvector (bash .ci/pgvector-install.sh)");
    db.execute_unprepared(
        "CREATE TABLE bench_vectors (id integer PRIMARY KEY, v vector(384) NOT NULL)",
    )
    .await
    .unwrap();
    let mut noise = Noise(0x2545_F491_4F6C_DD1D);
    let topics: Vec<Vec<f32>> = (0..TOPICS)
        .map(|_| (0..DIMENSIONS).map(|_| noise.next()).collect())
        .collect();
    let near = |topic: &[f32], noise: &mut Noise| -> Vec<f32> {
        topic.iter().map(|x| x + 0.3 * noise.next()).collect()
    };
    let load = Instant::now();
    for batch in (0..ROWS).collect::<Vec<_>>().chunks(500) {
        let values: Vec<String> = batch
            .iter()
            .map(|&i| format!("({i}, {})", literal(&near(&topics[i % TOPICS], &mut noise))))
            .collect();
        db.execute_unprepared(&format!(
            "INSERT INTO bench_vectors VALUES {}",
            values.join(",")
        ))
        .await
        .unwrap();
    }
    println!(
        "postgres  loaded {ROWS} vectors of {DIMENSIONS} dimensions in {:.1?}",
        load.elapsed()
    );
    let index = entity::embedding::vector_index();
    let with: Vec<String> = index
        .with
        .iter()
        .map(|p| p.replacen('=', " = ", 1))
        .collect();
    let build = Instant::now();
    db.execute_unprepared(&format!(
        "SET maintenance_work_mem = '512MB'; CREATE INDEX bench_hnsw ON bench_vectors \
         USING {} (v {}) WITH ({})",
        index.method.as_deref().unwrap_or("hnsw"),
        index.opclasses[0],
        with.join(", ")
    ))
    .await
    .unwrap();
    let built = build.elapsed();
    db.execute_unprepared("ANALYZE bench_vectors")
        .await
        .unwrap();

    let queries: Vec<Vec<f32>> = (0..QUERIES)
        .map(|q| near(&topics[(q * 7) % TOPICS], &mut noise))
        .collect();
    let ids = |rows: Vec<sea_orm::QueryResult>| -> Vec<i32> {
        rows.iter()
            .map(|r| r.try_get_by_index::<i32>(0).unwrap())
            .collect()
    };
    let mut latencies = Vec::with_capacity(QUERIES);
    let mut found = 0usize;
    for q in &queries {
        let sql = format!(
            "SELECT id FROM bench_vectors ORDER BY v <=> {} LIMIT {K}",
            literal(q)
        );
        let started = Instant::now();
        let txn = db.begin().await.unwrap();
        txn.execute_unprepared(&format!(
            "SET LOCAL hnsw.ef_search = {}",
            rag::search::ef_search(K)
        ))
        .await
        .unwrap();
        let approximate = ids(txn.query_all_raw(pg(sql.clone())).await.unwrap());
        txn.commit().await.unwrap();
        latencies.push(started.elapsed());
        let txn = db.begin().await.unwrap();
        txn.execute_unprepared("SET LOCAL enable_indexscan = off")
            .await
            .unwrap();
        let exact = ids(txn.query_all_raw(pg(sql)).await.unwrap());
        txn.rollback().await.unwrap();
        found += approximate.iter().filter(|id| exact.contains(id)).count();
    }
    let plan = db
        .query_all_raw(pg(format!(
            "EXPLAIN SELECT id FROM bench_vectors ORDER BY v <=> {} LIMIT {K}",
            literal(&queries[0])
        )))
        .await
        .unwrap();
    let uses_index = plan.iter().any(|r| {
        r.try_get_by_index::<String>(0)
            .unwrap()
            .contains("bench_hnsw")
    });
    let recall = found as f64 / (QUERIES * K) as f64;
    let p50 = percentile(&mut latencies, 0.5);
    let p99 = percentile(&mut latencies, 0.99);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mut ok = line(
        "postgres",
        &format!("HNSW build, {ROWS} × {DIMENSIONS}"),
        format!("{:.1} s", built.as_secs_f64()),
        format!("{BUILD_S} s"),
        built.as_secs_f64() <= BUILD_S,
    );
    ok &= line(
        "postgres",
        "query p50 (k = 10, with its transaction)",
        format!("{:.2} ms", ms(p50)),
        format!("{HNSW_P50_MS} ms"),
        ms(p50) <= HNSW_P50_MS,
    );
    ok &= line(
        "postgres",
        "query p99",
        format!("{:.2} ms", ms(p99)),
        format!("{HNSW_P99_MS} ms"),
        ms(p99) <= HNSW_P99_MS,
    );
    ok &= line(
        "postgres",
        "recall@10",
        format!("{recall:.3}"),
        format!("≥ {RECALL_AT_10}"),
        recall >= RECALL_AT_10,
    );
    ok &= line(
        "postgres",
        "the planner picks the HNSW index",
        uses_index.to_string(),
        "true".into(),
        uses_index,
    );
    ok
}

/// `rag::nearest` itself, as an application calls it, over 10,000 embeddings of the real
/// schema (1,536 dimensions) on `t`'s backend: the exact scan on SQLite and MariaDB, the HNSW
/// index on PostgreSQL (with the search's transaction, search-path check and join to chunks).
/// Unfiltered, then filtered to one document of 500 chunks.
async fn through_the_api(t: &testkit::TestDb) -> bool {
    let backend = t.name;
    migration::migrate_to_head(
        &migration::migrations().unwrap(),
        &t.db,
        &Default::default(),
    )
    .await
    .unwrap();
    // On PostgreSQL the index is built once over the rows, not row by row.
    let index = match t.backend() {
        DbBackend::Postgres => Some(t.set_index_aside("idx-embeddings-vector-hnsw").await),
        _ => None,
    };
    let dimensions = entity::embedding::dimensions();
    let mut noise = Noise(0x9E37_79B9_7F4A_7C15);
    let mut documents = Vec::new();
    for d in 0..20 {
        let chunks = (0..500)
            .map(|c| rag::NewChunk {
                text: format!("chunk {d}/{c}"),
                model: "m".into(),
                vector: rag::Embedding::new((0..dimensions).map(|_| noise.next()).collect()),
            })
            .collect();
        let document = rag::add_document(
            &t.db,
            rag::NewDocument {
                title: format!("doc {d}"),
                content: String::new(),
                datasource_id: None,
                metadata: serde_json::Value::Null,
                chunks,
            },
        )
        .await
        .unwrap();
        documents.push(document.id);
    }
    if let Some(definition) = index {
        t.db.execute_unprepared(&format!(
            "SET maintenance_work_mem = '512MB'; {definition}; ANALYZE"
        ))
        .await
        .unwrap();
    }
    let filters = [
        ("", rag::Filter::default(), false),
        (
            ", one document",
            rag::Filter {
                document_id: Some(documents[7]),
                ..rag::Filter::default()
            },
            true,
        ),
    ];
    let mut ok = true;
    for (label, filter, one_document) in filters {
        let mut samples = Vec::new();
        for _ in 0..20 {
            let q = rag::Embedding::new((0..dimensions).map(|_| noise.next()).collect());
            let started = Instant::now();
            let found = rag::nearest(&t.db, &q, K, &filter).await.unwrap();
            samples.push(started.elapsed());
            assert_eq!(found.len(), K);
        }
        let p50 = percentile(&mut samples, 0.5).as_secs_f64() * 1000.0;
        let target = api_target_ms(t.backend(), one_document);
        let how = match t.backend() {
            DbBackend::Postgres => "rag::nearest",
            _ => "rag::nearest, exact scan",
        };
        ok &= line(
            backend,
            &format!("{how}, 10,000 × {dimensions}{label}, p50"),
            format!("{p50:.1} ms"),
            format!("{target} ms"),
            p50 <= target,
        );
    }
    ok
}

#[tokio::main]
async fn main() {
    let sqlite = testkit::sqlite().await;
    let mut ok = through_the_api(&sqlite).await;
    sqlite.finish().await;
    match testkit::mysql().await {
        Some(t) => {
            ok &= through_the_api(&t).await;
            t.finish().await;
        }
        None => println!("mysql     SKIPPED (set TEST_MYSQL_URL=mysql://…)"),
    }
    match testkit::postgres().await {
        Some(t) => {
            ok &= through_the_api(&t).await;
            t.finish().await;
        }
        None => println!("postgres  SKIPPED (set DATABASE_URL=postgres://…)"),
    }
    if let Some(t) = testkit::postgres().await {
        ok &= postgres(&t).await;
        t.finish().await;
    }
    if !ok {
        std::process::exit(1);
    }
}

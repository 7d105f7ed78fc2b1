//! The `k` chunks nearest to a query vector, by cosine distance (pgvector's `<=>`).

use crate::{checked, Embedding, RagError};
use entity::{chunk, vector};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult, QueryFilter, Statement,
    TransactionSession, TransactionTrait, Value,
};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use uuid::Uuid;

/// The most neighbours one query returns.
pub const MAX_K: usize = 1000;

/// The candidates the HNSW index visits per query, at least (`hnsw.ef_search`; pgvector's
/// default is 40). 64 reaches recall@10 ≥ 0.95 on clustered data at 100,000 vectors
/// (docs/benchmarks.md); a larger `k` visits [`ef_search`]`(k)`.
pub const EF_SEARCH: usize = 64;

/// `hnsw.ef_search` for `k`: [`EF_SEARCH`], or `k` and a margin of 32 when larger (rows the
/// index finds dead or filtered out then rarely leave fewer than `k`), at most pgvector's
/// limit, 1,000.
pub fn ef_search(k: usize) -> usize {
    (k + 32).clamp(EF_SEARCH, 1000)
}

/// Which embeddings a search considers; every field that is set must hold.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only vectors of this embedding model (a query vector is only comparable with those).
    pub model: Option<String>,
    pub document_id: Option<Uuid>,
    /// Only chunks of documents in this collection.
    pub collection_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Neighbour {
    pub chunk: chunk::Model,
    pub embedding_id: Uuid,
    pub model: String,
    /// Cosine distance, 1 − cos θ: 0 for the same direction, 2 for the opposite.
    pub distance: f64,
}

/// The `k` chunks whose embeddings are nearest to `query`, nearest first.
pub async fn nearest<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    query: &Embedding,
    k: usize,
    filter: &Filter,
) -> Result<Vec<Neighbour>, RagError> {
    checked(query)?;
    if !(1..=MAX_K).contains(&k) {
        return Err(RagError::BadK { k, max: MAX_K });
    }
    match db.get_database_backend() {
        DbBackend::Postgres => on_index(db, query, k, filter).await,
        _ => exact_scan(db, query, k, filter).await,
    }
}

/// `FROM embeddings e WHERE …` for `filter` (`WHERE 1 = 1` without one), placeholders
/// written as `placeholder(n)`, numbered from `first`; the values in order. The document and
/// collection filters are semi-joins on `e.chunk_id`, so that the nearest-first order stays
/// on `embeddings` alone, where the HNSW index can answer it.
fn from_where(
    filter: &Filter,
    placeholder: impl Fn(usize) -> String,
    first: usize,
) -> (String, Vec<Value>) {
    let mut conditions = vec!["1 = 1".to_owned()];
    let mut values: Vec<Value> = Vec::new();
    if let Some(model) = &filter.model {
        conditions.push(format!("e.model = {}", placeholder(first + values.len())));
        values.push(model.clone().into());
    }
    if let Some(document) = filter.document_id {
        conditions.push(format!(
            "e.chunk_id IN (SELECT c.id FROM chunks c WHERE c.document_id = {})",
            placeholder(first + values.len())
        ));
        values.push(document.into());
    }
    if let Some(collection) = filter.collection_id {
        conditions.push(format!(
            "e.chunk_id IN (SELECT c.id FROM chunks c JOIN collection_items ci \
             ON ci.document_id = c.document_id WHERE ci.collection_id = {})",
            placeholder(first + values.len())
        ));
        values.push(collection.into());
    }
    (
        format!("FROM embeddings e WHERE {}", conditions.join(" AND ")),
        values,
    )
}

/// The statement [`nearest`] sends to PostgreSQL (for `EXPLAIN`): the `k` nearest embeddings,
/// `ORDER BY e.vector <=> $1 LIMIT k`, which the HNSW index answers, then their chunks.
pub fn postgres_statement(query: &Embedding, k: usize, filter: &Filter) -> Statement {
    statement_ordered_by(query, k, filter, "e.vector <=> $1")
}

/// The same query, exact: ordered by an expression no index answers (the distance plus 0),
/// so PostgreSQL reads the rows that pass the filter (through b-tree indexes where they help)
/// and sorts them. Its own text, so that no plan cached for the index query is reused.
pub fn postgres_exact_statement(query: &Embedding, k: usize, filter: &Filter) -> Statement {
    statement_ordered_by(query, k, filter, "(e.vector <=> $1) + 0")
}

fn statement_ordered_by(query: &Embedding, k: usize, filter: &Filter, order: &str) -> Statement {
    let (from, mut values) = from_where(filter, |n| format!("${n}"), 2);
    let sql = format!(
        "SELECT c.id, c.document_id, c.ordinal, c.text, c.token_count, c.created_at, \
         n.embedding_id, n.model, n.distance FROM (SELECT e.id AS embedding_id, e.chunk_id, \
         e.model, (e.vector <=> $1)::float8 AS distance {from} ORDER BY {order} \
         LIMIT {k}) n JOIN chunks c ON c.id = n.chunk_id ORDER BY n.distance"
    );
    values.insert(0, query.clone().into());
    Statement::from_sql_and_values(DbBackend::Postgres, sql, values)
}

/// PostgreSQL: the index visits [`ef_search`]`(k)` candidates; with a filter, pgvector 0.8's
/// iterative scan goes on until `k` rows pass it, or until it has visited
/// `hnsw.max_scan_tuples` (20,000 by default). When the index yields fewer than `k`
/// rows (a filter that passes fewer than `k` vectors, or one so selective that the scan
/// stopped first), [`postgres_exact_statement`] runs in the same transaction: a search
/// returns `k` rows whenever `k` pass.
async fn on_index<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    query: &Embedding,
    k: usize,
    filter: &Filter,
) -> Result<Vec<Neighbour>, RagError> {
    let txn = db.begin().await?;
    // One round trip: the index's settings, and pgvector's schema on the search path.
    // The iterative scan only where a filter needs it: unfiltered, it costs about 1 ms a query
    // at 10,000 vectors (docs/benchmarks.md), and the margin in `ef_search` covers dead rows.
    let filtered =
        filter.model.is_some() || filter.document_id.is_some() || filter.collection_id.is_some();
    let settings = format!(
        "SET LOCAL hnsw.ef_search = {}; {}{}",
        ef_search(k),
        if filtered {
            "SET LOCAL hnsw.iterative_scan = strict_order; "
        } else {
            ""
        },
        crate::PGVECTOR_ON_SEARCH_PATH
    );
    txn.execute_unprepared(&settings)
        .await
        .map_err(without_pgvector)?;
    let mut rows = txn
        .query_all_raw(postgres_statement(query, k, filter))
        .await
        .map_err(without_pgvector)?;
    if rows.len() < k {
        rows = txn
            .query_all_raw(postgres_exact_statement(query, k, filter))
            .await
            .map_err(without_pgvector)?;
    }
    txn.commit().await?;
    rows.iter()
        .map(|row| {
            Ok(Neighbour {
                chunk: chunk::Model::from_query_result(row, "")?,
                embedding_id: row.try_get("", "embedding_id")?,
                model: row.try_get("", "model")?,
                distance: row.try_get("", "distance")?,
            })
        })
        .collect()
}

/// A query error that says pgvector's type or operator is missing (the column is still bytes,
/// or the extension is gone) is [`RagError::NoVectorSearch`]; any other stays what it is.
fn without_pgvector(e: sea_orm::DbErr) -> RagError {
    let message = e.to_string();
    let about_pgvector = message.contains("vector")
        && (message.contains("does not exist") || message.contains("not found"));
    if about_pgvector {
        RagError::NoVectorSearch(e)
    } else {
        RagError::Db(e)
    }
}

/// A candidate of the exact scan, ordered by distance (the heap keeps the `k` nearest).
struct Candidate {
    distance: f32,
    embedding_id: Uuid,
    chunk_id: Uuid,
    model: String,
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Candidate {}
impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.distance
            .total_cmp(&other.distance)
            .then(self.embedding_id.cmp(&other.embedding_id))
    }
}

/// Rows the exact scan reads at a time.
const SCAN_PAGE: usize = 2048;

/// SQLite and MariaDB: every vector that passes the filter is read, a page at a time in key
/// order, and compared; a heap keeps the `k` nearest, so memory stays O(k + page) whatever
/// the table holds.
async fn exact_scan<C: ConnectionTrait>(
    db: &C,
    query: &Embedding,
    k: usize,
    filter: &Filter,
) -> Result<Vec<Neighbour>, RagError> {
    let backend = db.get_database_backend();
    let (from, values) = from_where(filter, |_| "?".to_owned(), 1);
    let mut heap: BinaryHeap<Candidate> = BinaryHeap::with_capacity(k + 1);
    let mut after: Option<Uuid> = None;
    loop {
        let mut page_values = values.clone();
        let after_key = match after {
            Some(id) => {
                page_values.push(id.into());
                " AND e.id > ?"
            }
            None => "",
        };
        let sql = format!(
            "SELECT e.id AS embedding_id, e.chunk_id, e.model, e.vector {from}{after_key} \
             ORDER BY e.id LIMIT {SCAN_PAGE}"
        );
        let rows = db
            .query_all_raw(Statement::from_sql_and_values(backend, sql, page_values))
            .await?;
        let full = rows.len() == SCAN_PAGE;
        for row in rows {
            let embedding_id: Uuid = row.try_get("", "embedding_id")?;
            after = Some(embedding_id);
            let bytes: Vec<u8> = row.try_get("", "vector")?;
            let Some(stored) = vector::decode(&bytes) else {
                continue;
            };
            if stored.len() != query.dimensions() {
                continue;
            }
            let distance = query.cosine_distance(&stored);
            if heap.len() == k && heap.peek().is_some_and(|worst| distance >= worst.distance) {
                continue;
            }
            heap.push(Candidate {
                distance,
                embedding_id,
                chunk_id: row.try_get("", "chunk_id")?,
                model: row.try_get("", "model")?,
            });
            if heap.len() > k {
                heap.pop();
            }
        }
        if !full {
            break;
        }
    }
    let nearest = heap.into_sorted_vec();
    let chunks = chunk::Entity::find()
        .filter(chunk::Column::Id.is_in(nearest.iter().map(|c| c.chunk_id)))
        .all(db)
        .await?;
    Ok(nearest
        .into_iter()
        .filter_map(|c| {
            let chunk = chunks.iter().find(|ch| ch.id == c.chunk_id)?.clone();
            Some(Neighbour {
                chunk,
                embedding_id: c.embedding_id,
                model: c.model,
                distance: f64::from(c.distance),
            })
        })
        .collect())
}

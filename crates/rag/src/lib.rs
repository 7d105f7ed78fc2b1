//! Retrieval over the knowledge base: documents → chunks → embeddings.
//!
//! - [`store`]: a document with its chunks and their vectors, written in one transaction.
//! - [`search`]: the `k` chunks nearest to a query vector, by cosine distance, optionally
//!   only those of one model, document or collection. On PostgreSQL the query runs on
//!   pgvector's HNSW index (`ORDER BY vector <=> $1 LIMIT k`); on SQLite and MariaDB, which
//!   have no vector index, it is an exact scan: every stored vector that passes the filter is
//!   read and compared, O(rows × dimensions) per query (about 70 ms for 10,000 vectors of
//!   the schema's 1,536 dimensions on SQLite or MariaDB, some 7 µs a vector:
//!   docs/benchmarks.md). Fine for development and small corpora; use PostgreSQL for more.
//!
//! The vectors are [`entity::vector::Embedding`]s of the dimension `embeddings.vector`
//! declares ([`entity::embedding::dimensions`]), every value finite, with a length (not all
//! zero); anything else is refused
//! before any SQL (pgvector would refuse NaN and infinity; SQLite would store them).

use sea_orm::{ConnectionTrait, DbBackend};

pub mod search;
pub mod store;

pub use entity::vector::Embedding;
pub use search::{nearest, Filter, Neighbour};
pub use store::{add_document, NewChunk, NewDocument};

#[derive(Debug, thiserror::Error)]
pub enum RagError {
    #[error(
        "the vector has {got} dimensions, and embeddings.vector holds {expected}\n  hint: \
         embed with the model the knowledge base was built with, or change the column's \
         dimension in the entity (every stored embedding must then be recomputed)"
    )]
    WrongDimensions { expected: usize, got: usize },

    #[error(
        "the vector's value {index} is {value}: an embedding holds finite numbers only\n  \
         hint: the embedding model's output was damaged on the way (NaN or an overflow)"
    )]
    NotFinite { index: usize, value: f32 },

    #[error(
        "the vector has no usable length (the sum of its squares is {norm_squared} in 32-bit \
         floats): all zeros, or values so small or so large that pgvector's cosine distance \
         would be NaN\n  hint: embedding models return vectors of length about 1; normalise \
         the vector, or check what produced it"
    )]
    NoDirection { norm_squared: f32 },

    #[error("k must be between 1 and {max}, not {k}")]
    BadK { k: usize, max: usize },

    #[error(
        "this PostgreSQL database cannot search vectors: {0}\n  hint: the migrations install \
         pgvector and its HNSW index: run `manage-db upgrade`; pgvector 0.8 or later is needed \
         for filtered searches (hnsw.iterative_scan)"
    )]
    NoVectorSearch(sea_orm::DbErr),

    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}

/// `values`, if it has the dimension `embeddings.vector` holds, only finite values, and a
/// length: not all zeros, nor so small or large that the sum of squares in f32 underflows to 0
/// or overflows (cosine distance is undefined there, NaN in pgvector, whose index leaves such
/// vectors out, while an f64 computation would find a number: the backends would disagree).
pub fn checked(values: &Embedding) -> Result<(), RagError> {
    let expected = entity::embedding::dimensions();
    if values.dimensions() != expected {
        return Err(RagError::WrongDimensions {
            expected,
            got: values.dimensions(),
        });
    }
    if let Some(index) = values.as_slice().iter().position(|v| !v.is_finite()) {
        return Err(RagError::NotFinite {
            index,
            value: values.as_slice()[index],
        });
    }
    // Summed as pgvector sums it (in f32), so that the backends agree on what has a length.
    let norm_squared: f32 = values.as_slice().iter().map(|v| v * v).sum();
    if !(norm_squared.is_finite() && norm_squared > 0.0) {
        return Err(RagError::NoDirection { norm_squared });
    }
    Ok(())
}

/// PostgreSQL: puts pgvector's schema on the search path for the rest of the transaction, where
/// the extension lives outside it (Supabase's `extensions`, on a connection whose search path
/// does not list it). Values of its type are sent by name (the driver resolves `vector` with
/// `to_regtype`) and its operators are found by name, both through the search path. Local to
/// the transaction, so safe behind a transaction pooler.
pub(crate) const PGVECTOR_ON_SEARCH_PATH: &str =
    "SELECT set_config('search_path', concat_ws(', ', \
     NULLIF(current_setting('search_path'), ''), quote_ident(n.nspname)), true) \
     FROM pg_catalog.pg_extension e \
     JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'vector' \
     AND NOT n.nspname = ANY (current_schemas(false))";

/// Runs [`PGVECTOR_ON_SEARCH_PATH`] in `txn` on PostgreSQL; nothing elsewhere.
pub(crate) async fn pgvector_on_search_path<C: ConnectionTrait>(
    txn: &C,
) -> Result<(), sea_orm::DbErr> {
    if txn.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    txn.execute_unprepared(PGVECTOR_ON_SEARCH_PATH)
        .await
        .map(drop)
}

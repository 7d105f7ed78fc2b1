//! Retrieval over the knowledge base: documents → chunks → embeddings.
//!
//! - [`store`]: a document with its chunks and their vectors, written in one transaction.
//! - [`search`]: the `k` chunks nearest to a query vector, by cosine distance, optionally
//!   only those of one model, document or collection. On PostgreSQL the query runs on
//!   pgvector's HNSW index (`ORDER BY vector <=> $1 LIMIT k`); on SQLite and MariaDB, which
//!   have no vector index, it is an exact scan: every stored vector that passes the filter is
//!   read and compared, O(rows × dimensions) per query (about 12 ms for 10,000 vectors of 384
//!   dimensions on SQLite: docs/benchmarks.md). Fine for development and small corpora; use
//!   PostgreSQL for more.
//!
//! The vectors are [`entity::vector::Embedding`]s of the dimension `embeddings.vector`
//! declares ([`entity::embedding::dimensions`]); another dimension is refused before any SQL.

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

/// `values`, if it has the dimension `embeddings.vector` holds.
pub fn checked(values: &Embedding) -> Result<(), RagError> {
    let expected = entity::embedding::dimensions();
    if values.dimensions() == expected {
        Ok(())
    } else {
        Err(RagError::WrongDimensions {
            expected,
            got: values.dimensions(),
        })
    }
}

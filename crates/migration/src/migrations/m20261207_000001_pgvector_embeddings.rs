//! embeddings.vector becomes pgvector's `vector(1536)` on PostgreSQL, searched through an HNSW
//! index under cosine distance.
//!
//! Written by hand (the generator does not write extensions). On PostgreSQL:
//! - the `vector` extension is used wherever it is installed (Supabase: schema `extensions`),
//!   or created; a server without pgvector stops here, before any change, with the fix;
//! - every stored vector (little-endian `f32` bytes) is converted, in place; a row of another
//!   length stops the migration before any change, naming the rows;
//! - the HNSW index is built (m = 16, ef_construction = 64).
//!
//! SQLite and MySQL keep the bytes: nothing changes there.
//!
//! `down` turns the vectors back into bytes and drops the index; the extension stays (other
//! objects may use it).
//!
//! The type change rewrites embeddings, and the index is built in the same transaction, under
//! the lock the rewrite holds anyway:
//! lint: allow changing-column-type -- bytea cannot become vector without rewriting the table; a one-time adoption of pgvector, every value converted
//! lint: allow require-concurrent-index -- built in the transaction that rewrites embeddings, which holds ACCESS EXCLUSIVE on it anyway

use crate::schema_change::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const DIMENSIONS: u32 = 1536;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if !is_postgres(manager) {
            return Ok(());
        }
        let schema = require_pgvector(manager).await?;
        bytes_to_vector(manager, &schema, "embeddings", "vector", "id", DIMENSIONS).await?;
        create_index_using(
            manager,
            Some(&schema),
            &IndexUsing {
                table: "embeddings",
                name: "idx-embeddings-vector-hnsw",
                columns: &["vector"],
                opclasses: &["vector_cosine_ops"],
                method: "hnsw",
                with: &["m=16", "ef_construction=64"],
                concurrently: false,
            },
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if !is_postgres(manager) {
            return Ok(());
        }
        drop_index_using(manager, "idx-embeddings-vector-hnsw").await?;
        vector_to_bytes(manager, "embeddings", "vector", "id").await?;
        Ok(())
    }
}

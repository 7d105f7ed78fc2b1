//! `embeddings`: one vector per chunk and model.
//!
//! `vector` is pgvector's `vector(N)` on PostgreSQL, searched through an HNSW index under
//! cosine distance ([`vector_index`]); on SQLite and MariaDB it is a BLOB of little-endian
//! `f32`s ([`crate::vector`]). N is declared once, in the column's type below.

use crate::vector::Embedding;
use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "embeddings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique_key = "chunk_id_model")]
    pub chunk_id: Uuid,
    #[sea_orm(column_type = "String(StringLen::N(128))", unique_key = "chunk_id_model")]
    pub model: String,
    pub dimensions: i32,
    #[sea_orm(column_type = "Vector(Some(1536))")]
    pub vector: Embedding,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub created_at: DateTimeWithTimeZone,
}

/// The dimension every embedding has: N of `vector(N)`, read from the column's declaration.
pub fn dimensions() -> usize {
    match Column::Vector.def().get_column_type() {
        ColumnType::Vector(Some(n)) => *n as usize,
        other => unreachable!("embeddings.vector is declared as {other:?}"),
    }
}

/// The nearest-neighbour index over `vector` on PostgreSQL: pgvector's HNSW under cosine
/// distance (`<=>`). `m` (links per node) and `ef_construction` (the candidate list while
/// building) are pgvector's defaults, which reach recall@10 above 0.95 at the query-time
/// `ef_search` the search sets (docs/benchmarks.md).
pub fn vector_index() -> schema_model::Index {
    schema_model::Index {
        name: "idx-embeddings-vector-hnsw".into(),
        columns: vec!["vector".into()],
        method: Some("hnsw".into()),
        opclasses: vec!["vector_cosine_ops".into()],
        with: vec!["ef_construction=64".into(), "m=16".into()],
        ..Default::default()
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::chunk::Entity",
        from = "Column::ChunkId",
        to = "super::chunk::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Chunk,
}

impl Related<super::chunk::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Chunk.def()
    }
}

stamped_behavior!(created);

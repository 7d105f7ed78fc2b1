//! `embeddings`: one vector per chunk and model; see [`crate::vector`] for the byte layout.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "embeddings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique_key = "chunk_id_model")]
    pub chunk_id: Uuid,
    #[sea_orm(column_type = "String(StringLen::N(128))", unique_key = "chunk_id_model")]
    pub model: String,
    pub dimensions: i32,
    #[sea_orm(column_type = "Blob")]
    pub vector: Vec<u8>,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub created_at: DateTimeWithTimeZone,
}

impl Model {
    /// The vector as floats; `None` if the stored bytes are corrupt.
    pub fn values(&self) -> Option<Vec<f32>> {
        crate::vector::decode(&self.vector)
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

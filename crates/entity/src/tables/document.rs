//! `documents`: a source text of the knowledge base; `content_hash` lets ingestion skip
//! unchanged documents.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "documents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(indexed)]
    pub datasource_id: Option<Uuid>,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub content: String,
    #[sea_orm(column_type = "String(StringLen::N(64))", indexed)]
    pub content_hash: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub metadata: Json,
    #[sea_orm(indexed, default_expr = "Expr::current_timestamp()")]
    pub created_at: DateTimeWithTimeZone,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::datasource::Entity",
        from = "Column::DatasourceId",
        to = "super::datasource::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    Datasource,
    #[sea_orm(has_many = "super::chunk::Entity")]
    Chunk,
    #[sea_orm(has_many = "super::collection_item::Entity")]
    CollectionItem,
}

impl Related<super::datasource::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Datasource.def()
    }
}
impl Related<super::chunk::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Chunk.def()
    }
}
impl Related<super::collection_item::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CollectionItem.def()
    }
}
/// Documents reach their collections through `collection_items`.
impl Related<super::collection::Entity> for Entity {
    fn to() -> RelationDef {
        super::collection_item::Relation::Collection.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::collection_item::Relation::Document.def().rev())
    }
}

stamped_behavior!(created, updated_at);

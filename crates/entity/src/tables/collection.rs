//! `collections`: a user's named set of documents an agent can be pointed at.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "collections")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(indexed)]
    pub owner_id: Uuid,
    pub name: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub description: Option<String>,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub created_at: DateTimeWithTimeZone,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::OwnerId",
        to = "super::user::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Owner,
    #[sea_orm(has_many = "super::collection_item::Entity")]
    CollectionItem,
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Owner.def()
    }
}
impl Related<super::collection_item::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CollectionItem.def()
    }
}
/// Collections reach their documents through `collection_items`.
impl Related<super::document::Entity> for Entity {
    fn to() -> RelationDef {
        super::collection_item::Relation::Document.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::collection_item::Relation::Collection.def().rev())
    }
}

stamped_behavior!(created, updated_at);

//! `agents`: a configured RAG assistant, addressed by a unique slug.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "agents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(indexed)]
    pub owner_id: Uuid,
    pub name: String,
    #[sea_orm(unique, column_type = "String(StringLen::N(128))")]
    pub slug: String,
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
        on_delete = "Restrict"
    )]
    Owner,
    #[sea_orm(has_many = "super::agent_version::Entity")]
    AgentVersion,
    #[sea_orm(has_many = "super::chat_log::Entity")]
    ChatLog,
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Owner.def()
    }
}
impl Related<super::agent_version::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AgentVersion.def()
    }
}
impl Related<super::chat_log::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ChatLog.def()
    }
}

stamped_behavior!(created, updated_at);

//! `users`: counsellors, supervisors and administrators who log in.

use crate::enums::UserRole;
use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique, column_type = "String(StringLen::N(255))")]
    pub email: String,
    /// A password hash (argon2/bcrypt) produced by the auth layer; never a clear-text password.
    #[serde(skip_serializing)]
    pub hashed_password: String,
    pub full_name: String,
    #[sea_orm(indexed)]
    pub role: UserRole,
    #[sea_orm(default_value = true)]
    pub is_active: bool,
    #[sea_orm(indexed, default_expr = "Expr::current_timestamp()")]
    pub created_at: DateTimeWithTimeZone,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::visitor::Entity")]
    Visitor,
    #[sea_orm(has_many = "super::case::Entity")]
    Case,
    #[sea_orm(has_many = "super::reminder::Entity")]
    Reminder,
    #[sea_orm(has_many = "super::agent::Entity")]
    Agent,
    #[sea_orm(has_many = "super::collection::Entity")]
    Collection,
    #[sea_orm(has_many = "super::chat_log::Entity")]
    ChatLog,
}

impl Related<super::visitor::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Visitor.def()
    }
}
impl Related<super::case::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Case.def()
    }
}
impl Related<super::reminder::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Reminder.def()
    }
}
impl Related<super::agent::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Agent.def()
    }
}
impl Related<super::collection::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Collection.def()
    }
}
impl Related<super::chat_log::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ChatLog.def()
    }
}

stamped_behavior!(created, updated_at);

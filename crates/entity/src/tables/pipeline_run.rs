//! `pipeline_runs`: one ingestion/indexing run over a datasource for an agent version.

use crate::enums::RunStatus;
use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "pipeline_runs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(indexed)]
    pub datasource_id: Option<Uuid>,
    #[sea_orm(indexed)]
    pub agent_version_id: Option<Uuid>,
    #[sea_orm(indexed)]
    pub status: RunStatus,
    pub started_at: Option<DateTimeWithTimeZone>,
    pub finished_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(column_type = "JsonBinary")]
    pub stats: Json,
    #[sea_orm(column_type = "Text", nullable)]
    pub error: Option<String>,
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
    #[sea_orm(
        belongs_to = "super::agent_version::Entity",
        from = "Column::AgentVersionId",
        to = "super::agent_version::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    AgentVersion,
}

impl Related<super::datasource::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Datasource.def()
    }
}
impl Related<super::agent_version::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AgentVersion.def()
    }
}

stamped_behavior!(created, updated_at);

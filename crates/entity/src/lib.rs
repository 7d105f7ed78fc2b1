//! SeaORM entities for the career-counselling backend.
//!
//! Two groups of tables share one schema:
//! - counselling records: `users`, `visitors`, `cases`, `sessions`, `reports`, `jobs`, `reminders`;
//! - the RAG knowledge base: `agents`, `agent_versions`, `datasources`, `documents`, `chunks`,
//!   `embeddings`, `collections`, `collection_items`, `chat_logs`, `pipeline_runs`.
//!
//! Every primary key is a UUID generated in Rust (portable across SQLite, PostgreSQL and MySQL),
//! every table has `created_at`, and mutable tables have `updated_at`; both are filled in by
//! `ActiveModelBehavior::before_save`, so callers never have to remember them.

#[macro_use]
mod behavior;

pub mod enums;
pub mod registry;
pub mod vector;

pub mod agent;
pub mod agent_version;
pub mod case;
pub mod chat_log;
pub mod chunk;
pub mod collection;
pub mod collection_item;
pub mod datasource;
pub mod document;
pub mod embedding;
pub mod job;
pub mod pipeline_run;
pub mod reminder;
pub mod report;
pub mod session;
pub mod user;
pub mod visitor;

pub mod prelude {
    pub use crate::agent::Entity as Agent;
    pub use crate::agent_version::Entity as AgentVersion;
    pub use crate::case::Entity as Case;
    pub use crate::chat_log::Entity as ChatLog;
    pub use crate::chunk::Entity as Chunk;
    pub use crate::collection::Entity as Collection;
    pub use crate::collection_item::Entity as CollectionItem;
    pub use crate::datasource::Entity as Datasource;
    pub use crate::document::Entity as Document;
    pub use crate::embedding::Entity as Embedding;
    pub use crate::enums::*;
    pub use crate::job::Entity as Job;
    pub use crate::pipeline_run::Entity as PipelineRun;
    pub use crate::reminder::Entity as Reminder;
    pub use crate::report::Entity as Report;
    pub use crate::session::Entity as Session;
    pub use crate::user::Entity as User;
    pub use crate::visitor::Entity as Visitor;
}

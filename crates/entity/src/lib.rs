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

/// The one list of entities. It declares each module, exports each entity in [`prelude`] and
/// feeds [`registry`], so an entity cannot be compiled in yet missed by `check`.
macro_rules! entities {
    ($($module:ident => $name:ident),+ $(,)?) => {
        $(pub mod $module;)+

        pub mod prelude {
            pub use crate::enums::*;
            $(pub use crate::$module::Entity as $name;)+
        }

        /// Every table the entities define, in the order of this list.
        fn all_tables() -> Vec<registry::TableSpec> {
            vec![$(registry::spec::<$module::Entity>()),+]
        }
    };
}

entities! {
    user => User,
    visitor => Visitor,
    case => Case,
    session => Session,
    report => Report,
    job => Job,
    reminder => Reminder,
    agent => Agent,
    agent_version => AgentVersion,
    datasource => Datasource,
    document => Document,
    chunk => Chunk,
    embedding => Embedding,
    collection => Collection,
    collection_item => CollectionItem,
    chat_log => ChatLog,
    pipeline_run => PipelineRun,
}

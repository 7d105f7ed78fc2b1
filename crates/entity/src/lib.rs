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

/// Declares the entities: each module, its export in [`prelude`], and its place in
/// [`registry`]. Invoked once, by `build.rs`, with every file in `src/tables/`.
macro_rules! entities {
    ($($module:ident => $name:ident @ $path:literal),+ $(,)?) => {
        $(#[path = $path] pub mod $module;)+

        pub mod prelude {
            pub use crate::enums::*;
            $(pub use crate::$module::Entity as $name;)+
        }

        /// Every table the entities define, by module name.
        fn all_tables() -> Vec<registry::TableSpec> {
            vec![$(registry::spec::<$module::Entity>()),+]
        }

        /// Each entity's `CREATE TABLE` and `CREATE INDEX` statements for a backend.
        fn all_statements(schema: &sea_orm::Schema) -> Vec<registry::EntityDdl> {
            vec![$(registry::EntityDdl::of($module::Entity, schema)),+]
        }
    };
}

include!(concat!(env!("OUT_DIR"), "/entities.rs"));

//! One module per migration, in order. A migration is a frozen snapshot: it names its own
//! tables and columns and never imports the entities, which keep evolving.
//!
//! A migration is registered here twice, as plain code (`manage-db generate` does both): its
//! `pub mod` line, and its entry in [`all`], in the order given (oldest first). Plain lines
//! keep adding one cheap to compile: a macro over the list made the compiler redo every
//! module whenever the list grew.

use sea_orm_migration::MigrationTrait;

pub mod m20261124_000001_create_schema;
pub mod m20261207_000001_pgvector_embeddings;

/// Every migration of this build, oldest first (one a line, as `generate` appends them).
#[rustfmt::skip]
pub fn all() -> Vec<Box<dyn MigrationTrait>> {
    vec![
        Box::new(m20261124_000001_create_schema::Migration),
        Box::new(m20261207_000001_pgvector_embeddings::Migration),
    ]
}

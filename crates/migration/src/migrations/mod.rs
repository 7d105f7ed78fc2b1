//! One module per migration, in order. A migration is a frozen snapshot: it names its own
//! tables and columns and never imports the entities, which keep evolving.

pub mod m20261124_000001_create_schema;

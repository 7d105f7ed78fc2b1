//! Reads what the database really has, and compares it with what the entities define.
//!
//! Read-only: nothing here creates or alters anything, so `check` is safe on production.

mod drift;
mod live;

pub use drift::{diff, ColumnDrift, Drift, TableDrift};
pub use live::{
    has_table, list_tables, read_schema, LiveColumn, LiveForeignKey, LiveSchema, LiveTable,
};

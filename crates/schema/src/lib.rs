//! One description of a schema, whatever it is read from.
//!
//! [`model`] is the description; [`live::read`] fills it from a database in a few bulk catalog
//! queries per backend (never one per table, so unrelated tables cost little); [`diff()`] turns
//! two descriptions into typed [`Change`]s, each with both sides and its reverse. Reading the
//! description from the entities, normalising each backend's spellings and moving `check` onto
//! this come next (issue 6); until then `manage-db check` still uses `schema-inspect`.

pub mod diff;
pub mod live;
pub mod model;
pub mod shadow;

pub use diff::{diff, possible_renames, Change};
pub use model::{Check, Column, ForeignKey, Index, ReferentialAction, Schema, Table};

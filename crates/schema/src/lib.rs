//! One description of a schema, whatever it is read from.
//!
//! [`model`] is the description; [`live::read`] fills it from a database in a few bulk catalog
//! queries per backend (never one per table, so unrelated tables cost little). Reading it from
//! the entities and diffing the two into typed changes come next (issue 6); until then
//! `manage-db check` still uses `schema-inspect`.

pub mod live;
pub mod model;

pub use model::{Check, Column, ForeignKey, Index, ReferentialAction, Schema, Table};

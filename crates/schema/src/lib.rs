//! One description of a schema, whatever it is read from, and the differences between two.
//!
//! - [`model`]: the description (typed columns, defaults, keys, indexes incl. partial, foreign
//!   keys with their rules, checks, native enums).
//! - [`live::read`]: from a database, in 3–4 bulk catalog queries per backend (never one per
//!   table, so unrelated tables cost little).
//! - [`declared::read`]: from the entities' DDL ([`SchemaDdl`]), rendered in the server's own
//!   catalog spellings without touching the database; the shadow is its fallback and its oracle.
//! - [`shadow::read`]: from DDL (the entities' `CREATE` statements), run on a throw-away copy
//!   of the same backend and read back, so both sides are spelled by the server itself.
//! - [`diff()`]: typed [`Change`]s from one to the other, each with both sides and its reverse;
//!   [`report::describe`] puts them in words. `manage-db check` is built on these.

pub mod ddl;
pub mod declared;
pub mod diagram;
pub mod diff;
pub mod live;
pub mod model;
pub mod report;
pub mod scratch;
pub mod shadow;

pub use ddl::{SchemaDdl, TableDdl};
pub use diff::{diff, possible_renames, Change};
pub use model::{Check, Column, ForeignKey, Index, ReferentialAction, Schema, Table};

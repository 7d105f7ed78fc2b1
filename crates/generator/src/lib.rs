//! `manage-db generate`: from the schema the existing migrations make and the one the entities
//! declare, a reviewed, reversible sea-orm-migration file.
//!
//! - [`spec`]: tables as a migration declares them (portable sea-query types and defaults).
//! - [`plan()`]: the typed differences ([`schema_model::diff`]) turned into the steps of `up`
//!   and `down`, in dependency order, after the safety stops (renames, data loss, required
//!   columns without a default).
//! - [`step`]: each step, run on a database (to verify) or written as Rust (to keep).
//! - [`render`], [`naming`], [`register`]: the file, its name, and its place in the list.

pub mod naming;
pub mod plan;
pub mod register;
pub mod render;
pub mod review;
pub mod spec;
pub mod step;

pub use plan::{plan, Backfill, MigrationPlan, Options, Rename};
pub use spec::Side;
pub use step::Step;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GenerateError {
    #[error(
        "a dropped and an added column (or table) of the same type may be a rename: {}\n  hint: \
         nothing was written; to keep the data say so with {}; to drop the old one and add the \
         new one empty, pass --allow-destructive",
        .0.join(", "),
        .0.iter().map(|r| format!("--rename {r}")).collect::<Vec<_>>().join(" ")
    )]
    PossibleRename(Vec<String>),

    #[error(
        "this migration would destroy data:\n{}\n  hint: nothing was written; if that is intended, run \
         again with --allow-destructive (the file then names what is lost); to keep the data, \
         copy it elsewhere first with a hand-written step (`manage-db generate --empty`)",
        .0.iter().map(|l| format!("  - {l}")).collect::<Vec<_>>().join("\n")
    )]
    Destructive(Vec<String>),

    #[error(
        "{table}.{column} is added NOT NULL with no default, and existing rows need a value\n  \
         hint: nothing was written; fill the rows already there with \
         --backfill {table}.{column}=VALUE (e.g. 0, true or 'unknown'), or give the field a \
         default (`#[sea_orm(default_value = …)]` or `default_expr`), or make it `Option<…>`"
    )]
    RequiredWithoutDefault { table: String, column: String },

    #[error(
        "{place}: the generator does not write {what}\n  hint: nothing was written; write this \
         change by hand in a template from `manage-db generate --empty -m \"…\"`"
    )]
    Unsupported { place: String, what: String },

    /// Boxed: its six texts would make every `Result` of this crate large.
    #[error(transparent)]
    NoVectorCast(Box<NoVectorCast>),

    #[error(
        "{place}: {why}\n  hint: nothing was written; change the entity so that every backend \
         can hold it"
    )]
    Invalid { place: String, why: String },

    #[error("--rename {rename} names no table or column the migrations make{hint}")]
    UnknownRename { rename: String, hint: String },

    #[error(
        "{0:?} does not say what the migration does\n  hint: describe the change, e.g. \
         -m \"add description to datasources\""
    )]
    MeaninglessMessage(String),

    #[error(
        "lint rejects what this migration would do to tables that may be in use:\n{}\n  hint: \
         nothing was written. Where the table is small or a lock is acceptable, say why with \
         --allow-locking \"<why>\" (written into the file as lint's waiver); otherwise change \
         the entities in smaller steps, each generated on its own (an index or key added to an \
         existing table alone is written in its online form)",
        .0.iter().map(|l| format!("  - {l}")).collect::<Vec<_>>().join("\n")
    )]
    LintRejected(Vec<String>),

    #[error("cannot register the migration: {0}")]
    Register(String),
}

/// An embedding held in a type pgvector cannot cast to `vector(n)`: the reason, and the
/// hand-written conversion for each direction.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{place}: {from} cannot become {to} by a cast that generate can check: {why}\n  hint: \
     nothing was written; convert it by hand in a template from `manage-db generate --empty \
     -m \"…\"`: its `up` calls {up}, which checks every row first and stops with nothing \
     changed if one does not fit, and its `down` calls {down}; then generate again for \
     the rest"
)]
pub struct NoVectorCast {
    pub place: String,
    pub from: String,
    pub to: String,
    pub why: String,
    pub up: String,
    pub down: String,
}

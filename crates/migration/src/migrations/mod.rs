//! One module per migration, in order. A migration is a frozen snapshot: it names its own
//! tables and columns and never imports the entities, which keep evolving.
//!
//! The list below is the only place a migration is registered: it declares the module and
//! puts the migration into [`all`], in the order given (oldest first).

macro_rules! migrations {
    ($($module:ident),+ $(,)?) => {
        $(pub mod $module;)+

        /// Every migration of this build, oldest first.
        pub fn all() -> Vec<Box<dyn sea_orm_migration::MigrationTrait>> {
            vec![$(Box::new($module::Migration)),+]
        }
    };
}

migrations! {
    m20261124_000001_create_schema,
}

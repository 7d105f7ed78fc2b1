//! Migrations made up for tests: each creates its tables (an integer `id` each) and then runs
//! its SQL, in order; `down` drops the tables. Enough to see what ran, and to make one fail.

use migration::sea_orm_migration::prelude::*;
use migration::{MigrationTrait, Migrations};

pub struct Fake {
    name: &'static str,
    tables: Vec<&'static str>,
    sql: Vec<&'static str>,
    online: bool,
}

/// A migration named `name` that does nothing until given tables or SQL.
pub fn fake(name: &'static str) -> Fake {
    Fake {
        name,
        tables: vec![],
        sql: vec![],
        online: false,
    }
}

impl Fake {
    pub fn creates(mut self, table: &'static str) -> Self {
        self.tables.push(table);
        self
    }

    /// Raw SQL run after the tables are created (e.g. a statement that fails).
    pub fn runs(mut self, sql: &'static str) -> Self {
        self.sql.push(sql);
        self
    }

    /// Runs online on PostgreSQL (`use_transaction() -> Some(false)`).
    pub fn online(mut self) -> Self {
        self.online = true;
        self
    }

    pub fn boxed(self) -> Box<dyn MigrationTrait> {
        Box::new(self)
    }
}

impl MigrationName for Fake {
    fn name(&self) -> &str {
        self.name
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Fake {
    fn use_transaction(&self) -> Option<bool> {
        self.online.then_some(false)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in &self.tables {
            let id = ColumnDef::new(Alias::new("id"))
                .integer()
                .primary_key()
                .to_owned();
            let create = Table::create().table(Alias::new(*table)).col(id).to_owned();
            manager.create_table(create).await?;
        }
        for sql in &self.sql {
            manager.get_connection().execute_unprepared(sql).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in self.tables.iter().rev() {
            let drop = Table::drop().table(Alias::new(*table)).to_owned();
            manager.drop_table(drop).await?;
        }
        Ok(())
    }
}

/// A history of migrations that each create one table: `[(name, table), …]`.
pub fn history(steps: &[(&'static str, &'static str)]) -> Migrations {
    of(steps.iter().map(|(name, table)| fake(name).creates(table)))
}

/// A history of the given migrations, in order.
pub fn of(steps: impl IntoIterator<Item = Fake>) -> Migrations {
    Migrations::new(steps.into_iter().map(Fake::boxed).collect()).expect("unique names")
}

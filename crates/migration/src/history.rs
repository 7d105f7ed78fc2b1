//! The migrations a build knows, in order, with constant-time lookup by name.

use crate::{MigrateError, PlanError};
use sea_orm_migration::{MigrationTrait, MigratorTrait};
use std::collections::HashMap;

/// An ordered list of migrations. Position in the list is the history: a migration is "older"
/// than every migration after it.
pub struct Migrations {
    list: Vec<Box<dyn MigrationTrait>>,
    names: Vec<String>,
    index: HashMap<String, usize>,
}

impl Migrations {
    /// Fails if two migrations share a name: the version table could not tell them apart.
    pub fn new(list: Vec<Box<dyn MigrationTrait>>) -> Result<Self, MigrateError> {
        let names: Vec<String> = list.iter().map(|m| m.name().to_owned()).collect();
        let mut index = HashMap::with_capacity(names.len());
        for (i, name) in names.iter().enumerate() {
            if index.insert(name.clone(), i).is_some() {
                return Err(MigrateError::DuplicateMigration(name.clone()));
            }
        }
        Ok(Self { list, names, index })
    }

    /// The migrations of a sea-orm `Migrator`.
    pub fn of<M: MigratorTrait>() -> Result<Self, MigrateError> {
        Self::new(M::migrations())
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn name(&self, position: usize) -> &str {
        &self.names[position]
    }

    pub fn migration(&self, position: usize) -> &dyn MigrationTrait {
        self.list[position].as_ref()
    }

    pub fn position(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    pub fn head(&self) -> Option<&str> {
        self.names.last().map(String::as_str)
    }

    /// A migration named in full or by a unique prefix (`m20261124`).
    pub fn find(&self, spec: &str) -> Result<usize, PlanError> {
        if let Some(i) = self.position(spec) {
            return Ok(i);
        }
        if spec.is_empty() {
            return Err(PlanError::NoSuchRevision(spec.into()));
        }
        let matches: Vec<usize> = (0..self.names.len())
            .filter(|&i| self.names[i].starts_with(spec))
            .collect();
        match matches.as_slice() {
            [i] => Ok(*i),
            [] => Err(PlanError::NoSuchRevision(spec.into())),
            many => Err(PlanError::AmbiguousRevision {
                prefix: spec.into(),
                matches: many.iter().map(|&i| self.names[i].clone()).collect(),
            }),
        }
    }
}

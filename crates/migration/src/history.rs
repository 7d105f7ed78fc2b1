//! The migrations a build knows, in order, with constant-time lookup by name.

use crate::checksum::Sent;
use crate::{MigrateError, PlanError};
use sea_orm::DbBackend;
use sea_orm_migration::{MigrationTrait, MigratorTrait};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: names are short and not attacker-chosen, and the list is hashed at every start.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FnvBuild = BuildHasherDefault<Fnv>;

/// An ordered list of migrations. Position in the list is the history: a migration is "older"
/// than every migration after it.
///
/// Built at every application start, so it does as little as it can up front: the name index
/// is made the first time a lookup needs it (a boot at head never does).
pub struct Migrations {
    list: Vec<Box<dyn MigrationTrait>>,
    index: OnceLock<HashMap<String, usize, FnvBuild>>,
    /// Whether the names ascend in list order.
    sorted: bool,
    /// What each migration sends, per backend (PostgreSQL, MySQL, SQLite): recorded the first
    /// time a checksum is needed.
    sent: [tokio::sync::OnceCell<Vec<Sent>>; 3],
    /// The build's own list ([`crate::migrations`]), which cannot change while the process
    /// runs: its checksums are recorded once per process, whatever number of lists is made.
    is_build: bool,
}

/// The build's checksums, per backend (see `Migrations::is_build`).
static BUILD_SENT: [tokio::sync::OnceCell<Vec<Sent>>; 3] = [
    tokio::sync::OnceCell::const_new(),
    tokio::sync::OnceCell::const_new(),
    tokio::sync::OnceCell::const_new(),
];

impl Migrations {
    /// Fails if two migrations share a name: the version table could not tell them apart.
    pub fn new(list: Vec<Box<dyn MigrationTrait>>) -> Result<Self, MigrateError> {
        // Names are timestamped, so a list is almost always in name order: then one pass of
        // comparisons proves them distinct, and the hash set is only for the rest.
        let sorted = list.windows(2).all(|w| w[0].name() < w[1].name());
        if !sorted {
            let mut seen = HashSet::with_capacity_and_hasher(list.len(), FnvBuild::default());
            if let Some(dup) = list.iter().map(|m| m.name()).find(|n| !seen.insert(*n)) {
                return Err(MigrateError::DuplicateMigration(dup.to_owned()));
            }
        }
        Ok(Self {
            list,
            index: OnceLock::new(),
            sorted,
            sent: Default::default(),
            is_build: false,
        })
    }

    /// The greatest name (what the version table's `MAX(version)` must equal at head).
    pub fn greatest_name(&self) -> Option<&str> {
        if self.sorted {
            self.head()
        } else {
            self.names().max()
        }
    }

    /// What each migration's `up` sends on `backend`, in order (see [`crate::checksum`]).
    pub async fn sent(&self, backend: DbBackend) -> Result<&[Sent], MigrateError> {
        let slot = match backend {
            DbBackend::Postgres => 0,
            DbBackend::MySql => 1,
            _ => 2,
        };
        let cells = if self.is_build {
            &BUILD_SENT
        } else {
            &self.sent
        };
        let all = cells[slot]
            .get_or_try_init(|| crate::checksum::of_all(backend, self))
            .await?;
        Ok(all)
    }

    /// The fingerprint of this build's migrations on `backend`: their names and checksums.
    pub async fn fingerprint(&self, backend: DbBackend) -> Result<String, MigrateError> {
        let sent = self.sent(backend).await?;
        Ok(crate::version_table::fingerprint(
            self.names()
                .zip(sent)
                .map(|(n, s)| (n, s.checksum.as_str())),
        ))
    }

    /// The fingerprint the state row keeps for the recorded `versions`: each known one with
    /// the build's checksum. `kept_edited` (applied, changed since, let through with a warning)
    /// and versions this build does not know are marked so that they never match
    /// [`Self::fingerprint`]: the next start looks again.
    pub async fn fingerprint_of<'v>(
        &self,
        backend: DbBackend,
        versions: impl Iterator<Item = &'v str>,
        kept_edited: &[String],
    ) -> Result<String, MigrateError> {
        let sent = self.sent(backend).await?;
        let entries: Vec<(&str, &str)> = versions
            .map(|v| match self.position(v) {
                Some(_) if kept_edited.iter().any(|e| e == v) => (v, "edited"),
                Some(i) => (v, sent[i].checksum.as_str()),
                None => (v, "unknown"),
            })
            .collect();
        Ok(crate::version_table::fingerprint(entries.into_iter()))
    }

    /// Whether any migration runs online on `backend` (a run may then hold the lock apart from
    /// the migrations: two connections).
    pub fn has_online(&self, backend: DbBackend) -> bool {
        self.list
            .iter()
            .any(|m| crate::online::is_online(m.as_ref(), backend))
    }

    /// Marks this list as the build's own (see `Migrations::is_build`).
    pub(crate) fn of_this_build(mut self) -> Self {
        self.is_build = true;
        self
    }

    /// The migrations of a sea-orm `Migrator`.
    pub fn of<M: MigratorTrait>() -> Result<Self, MigrateError> {
        Self::new(M::migrations())
    }

    /// Names, oldest first.
    pub fn names(&self) -> impl ExactSizeIterator<Item = &str> {
        self.list.iter().map(|m| m.name())
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn name(&self, position: usize) -> &str {
        self.list[position].name()
    }

    pub fn migration(&self, position: usize) -> &dyn MigrationTrait {
        self.list[position].as_ref()
    }

    pub fn position(&self, name: &str) -> Option<usize> {
        self.index
            .get_or_init(|| {
                self.names()
                    .enumerate()
                    .map(|(i, n)| (n.to_owned(), i))
                    .collect()
            })
            .get(name)
            .copied()
    }

    pub fn head(&self) -> Option<&str> {
        self.list.last().map(|m| m.name())
    }

    /// A migration named in full or by a unique prefix (`m20261124`).
    pub fn find(&self, spec: &str) -> Result<usize, PlanError> {
        if let Some(i) = self.position(spec) {
            return Ok(i);
        }
        if spec.is_empty() {
            return Err(PlanError::NoSuchRevision(spec.into()));
        }
        let matches: Vec<usize> = self
            .names()
            .enumerate()
            .filter(|(_, n)| n.starts_with(spec))
            .map(|(i, _)| i)
            .collect();
        match matches.as_slice() {
            [i] => Ok(*i),
            [] => Err(PlanError::NoSuchRevision(spec.into())),
            many => Err(PlanError::AmbiguousRevision {
                prefix: spec.into(),
                matches: many.iter().map(|&i| self.name(i).to_owned()).collect(),
            }),
        }
    }
}

//! The pure core: from the migrations this build knows, the rows of the version table and a
//! request, decide what to run, or refuse with a typed reason. No I/O happens here, so every
//! rule below is unit-tested without a database.

use crate::Migrations;
use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;

/// One row of the version table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliedRevision {
    pub version: String,
    /// Unix seconds, as sea-orm-migration records it.
    pub applied_at: i64,
}

/// Where a command should take the database, in the forms operators know from Alembic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Every known migration applied (`head`).
    Head,
    /// Nothing applied (`base`).
    Base,
    /// A migration named in full or by a unique prefix.
    Revision(String),
    /// `+2`: the next two pending migrations; `-1`: the newest applied one reverted.
    Relative(i64),
}

impl FromStr for Target {
    type Err = std::convert::Infallible;

    fn from_str(spec: &str) -> Result<Self, Self::Err> {
        let spec = spec.trim();
        Ok(match spec {
            "head" | "heads" => Target::Head,
            "base" => Target::Base,
            _ => match (spec.starts_with(['+', '-']), spec.parse::<i64>()) {
                (true, Ok(n)) => Target::Relative(n),
                _ => Target::Revision(spec.to_owned()),
            },
        })
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Head => f.write_str("head"),
            Target::Base => f.write_str("base"),
            Target::Revision(r) => f.write_str(r),
            Target::Relative(n) => write!(f, "{n:+}"),
        }
    }
}

/// What a command asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    Upgrade {
        target: Target,
        /// Apply a pending migration even though a newer one is already applied (two branches
        /// merged out of order). Off by default: the operator should look first.
        allow_out_of_order: bool,
    },
    Downgrade {
        target: Target,
    },
    /// Make the version table say "applied up to target", running no migration.
    Stamp {
        target: Target,
    },
    /// Bring a database whose last run was interrupted back to a known revision: drop what the
    /// interrupted migration created, and record it as not applied.
    Repair,
}

impl Request {
    pub fn upgrade_to_head() -> Self {
        Request::Upgrade {
            target: Target::Head,
            allow_out_of_order: false,
        }
    }
}

/// What the plan needs to know about the database.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DbState {
    /// The version table's rows; empty when the table does not exist.
    pub rows: Vec<AppliedRevision>,
    /// Tables that the pending migrations would create and that already exist. Only read when
    /// nothing is recorded (the only case where it matters), otherwise empty.
    pub existing_tables: Vec<String>,
    /// A migration a crash or failure left half done (backends without transactional DDL).
    pub interrupted: Option<Interrupted>,
}

/// What an interrupted migration left behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interrupted {
    pub version: String,
    /// `up` or `down`.
    pub direction: String,
    /// Tables the migration creates that exist now, newest first, with their row counts.
    pub leftovers: Vec<(String, u64)>,
    /// An online migration (PostgreSQL), which counts its statements: running the same
    /// direction again resumes it.
    pub resumable: bool,
}

impl Interrupted {
    fn describe_leftovers(&self) -> String {
        if self.leftovers.is_empty() {
            return "none of its tables".into();
        }
        self.leftovers
            .iter()
            .map(|(t, n)| format!("{t} ({n} rows)"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The known migrations split by the version table, by position in the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub applied: Vec<usize>,
    pub pending: Vec<usize>,
    /// Recorded as applied, but not part of this build.
    pub unknown: Vec<String>,
    /// The newest applied migration.
    pub current: Option<usize>,
    /// Pending migrations older than `current`: merged out of order.
    pub out_of_order: Vec<usize>,
}

impl Status {
    pub fn new(migrations: &Migrations, rows: &[AppliedRevision]) -> Self {
        let mut recorded = HashSet::with_capacity(rows.len());
        let mut unknown = Vec::new();
        for row in rows {
            match migrations.position(&row.version) {
                Some(i) => {
                    recorded.insert(i);
                }
                None => unknown.push(row.version.clone()),
            }
        }
        let (applied, pending): (Vec<usize>, Vec<usize>) =
            (0..migrations.len()).partition(|i| recorded.contains(i));
        let current = applied.last().copied();
        let out_of_order = match current {
            Some(c) => pending.iter().copied().filter(|&p| p < c).collect(),
            None => vec![],
        };
        Status {
            applied,
            pending,
            unknown,
            current,
            out_of_order,
        }
    }

    /// Every known migration applied, nothing else recorded.
    pub fn at_head(migrations: &Migrations) -> Self {
        Status {
            applied: (0..migrations.len()).collect(),
            pending: vec![],
            unknown: vec![],
            current: migrations.len().checked_sub(1),
            out_of_order: vec![],
        }
    }

    pub fn is_applied(&self, position: usize) -> bool {
        self.applied.binary_search(&position).is_ok()
    }
}

/// What to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Apply these migrations, in this order (oldest first).
    Apply(Vec<usize>),
    /// Revert these migrations, in this order (newest first).
    Revert(Vec<usize>),
    /// Record these as applied and forget those, running no migration.
    Stamp {
        record: Vec<usize>,
        unrecord: Vec<String>,
    },
    /// Drop what an interrupted migration left (newest first) and record it as not applied.
    Repair {
        version: String,
        drop_tables: Vec<String>,
    },
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        match self {
            Plan::Apply(p) | Plan::Revert(p) => p.is_empty(),
            Plan::Stamp { record, unrecord } => record.is_empty() && unrecord.is_empty(),
            Plan::Repair { .. } => false,
        }
    }

    /// The migrations run, by name.
    pub fn names<'m>(&self, migrations: &'m Migrations) -> Vec<&'m str> {
        match self {
            Plan::Apply(p) | Plan::Revert(p) | Plan::Stamp { record: p, .. } => {
                p.iter().map(|&i| migrations.name(i)).collect()
            }
            Plan::Repair { version, .. } => migrations
                .position(version)
                .map(|i| vec![migrations.name(i)])
                .unwrap_or_default(),
        }
    }
}

/// Why a request cannot be planned. Each message names the fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error(
        "Can't locate revision '{revision}': the version table records it as applied, but this build \
         has no such migration (newest known: {newest}).\n  hint: the database was migrated by a newer \
         build or the table was edited by hand; deploy the matching build, or record the real state \
         with `manage-db stamp <revision>`"
    )]
    UnknownRevision { revision: String, newest: String },

    #[error(
        "tables already exist but no migration is recorded as applied: {}\n  hint: if this schema was \
         created by hand or by another tool, adopt it without running SQL: `manage-db stamp head`; \
         otherwise drop those tables first", tables.join(", ")
    )]
    TablesAlreadyExist { tables: Vec<String> },

    #[error("unknown revision '{0}': expected a migration name (or unique prefix), `head`, `base`, `+N` or `-N`; `manage-db history` lists them")]
    NoSuchRevision(String),

    #[error("revision prefix '{prefix}' is ambiguous: it matches {}", matches.join(", "))]
    AmbiguousRevision {
        prefix: String,
        matches: Vec<String>,
    },

    #[error("'{target}' is older than the current revision {current}: upgrade only moves forward\n  hint: `manage-db downgrade {target}`")]
    TargetBehind { target: String, current: String },

    #[error("'{target}' is newer than the current revision {current}: downgrade only moves back\n  hint: `manage-db upgrade {target}`")]
    TargetAhead { target: String, current: String },

    #[error("cannot move {requested} step(s): only {available} migration(s) can be {verb}")]
    NotEnoughSteps {
        requested: u64,
        available: usize,
        verb: &'static str,
    },

    #[error(
        "migration {version} was interrupted while running {direction}, and this backend's DDL \
         cannot roll back: it stopped halfway (of its tables these exist: {leftovers})\n  hint: \
         `manage-db check` shows what it did and did not do; `manage-db repair` undoes it, \
         `manage-db repair --finish` completes it"
    )]
    Interrupted {
        version: String,
        direction: String,
        leftovers: String,
    },

    #[error(
        "the online migration {version} was interrupted while running {direction}: the \
         statements it committed are counted\n  hint: run `manage-db {}` to resume it from the \
         next statement; nothing else can run before it ends",
        if direction == "up" { "upgrade" } else { "downgrade" }
    )]
    OnlineInterrupted { version: String, direction: String },

    #[error("nothing to repair: no migration was interrupted")]
    NothingToRepair,

    #[error(
        "refusing to repair: the tables migration {version} left already hold data: {tables}\n  \
         hint: repair drops them; move the data away or drop them by hand, then run it again"
    )]
    RepairWouldLoseData { version: String, tables: String },

    #[error(
        "migration(s) merged out of order: {} pending but older than the applied {newest_applied}\n  \
         hint: two branches each added a migration. Check that they do not conflict, then apply with \
         `manage-db upgrade --allow-out-of-order` (an application opts in with \
         `BootOptions::allow_out_of_order`)", pending.join(", ")
    )]
    OutOfOrder {
        pending: Vec<String>,
        newest_applied: String,
    },
}

/// Decides what `request` runs on a database in `state`.
pub fn plan(
    migrations: &Migrations,
    state: &DbState,
    request: &Request,
) -> Result<Plan, PlanError> {
    let resuming = |cut: &Interrupted| {
        cut.resumable
            && matches!(
                (request, cut.direction.as_str()),
                (Request::Upgrade { .. }, "up") | (Request::Downgrade { .. }, "down")
            )
    };
    if let Some(cut) = state.interrupted.as_ref().filter(|cut| !resuming(cut)) {
        return match request {
            _ if cut.resumable => Err(PlanError::OnlineInterrupted {
                version: cut.version.clone(),
                direction: cut.direction.clone(),
            }),
            Request::Repair if cut.leftovers.iter().any(|(_, rows)| *rows > 0) => {
                Err(PlanError::RepairWouldLoseData {
                    version: cut.version.clone(),
                    tables: cut.describe_leftovers(),
                })
            }
            Request::Repair => Ok(Plan::Repair {
                version: cut.version.clone(),
                drop_tables: cut.leftovers.iter().map(|(t, _)| t.clone()).collect(),
            }),
            _ => Err(PlanError::Interrupted {
                version: cut.version.clone(),
                direction: cut.direction.clone(),
                leftovers: cut.describe_leftovers(),
            }),
        };
    }
    if *request == Request::Repair {
        return Err(PlanError::NothingToRepair);
    }
    let status = Status::new(migrations, &state.rows);
    let describe_current = || match status.current {
        Some(c) => migrations.name(c).to_owned(),
        None => "base".to_owned(),
    };
    if let Request::Stamp { target } = request {
        // Stamp is how a table naming unknown revisions gets fixed: it forgets them.
        let keep = applied_count_at(migrations, &status, target, Direction::Stamp)?;
        return Ok(Plan::Stamp {
            record: (0..keep).filter(|&i| !status.is_applied(i)).collect(),
            unrecord: status
                .applied
                .iter()
                .filter(|&&i| i >= keep)
                .map(|&i| migrations.name(i).to_owned())
                .chain(status.unknown.iter().cloned())
                .collect(),
        });
    }
    if let Some(revision) = status.unknown.first() {
        return Err(PlanError::UnknownRevision {
            revision: revision.clone(),
            newest: migrations.head().unwrap_or("none").to_owned(),
        });
    }
    match request {
        Request::Upgrade {
            target,
            allow_out_of_order,
        } => {
            let to_apply: Vec<usize> = match target {
                Target::Relative(n) if *n > 0 => {
                    let n = *n as u64;
                    if n > status.pending.len() as u64 {
                        return Err(PlanError::NotEnoughSteps {
                            requested: n,
                            available: status.pending.len(),
                            verb: "applied",
                        });
                    }
                    status.pending[..n as usize].to_vec()
                }
                Target::Relative(_) => return Err(PlanError::NoSuchRevision(target.to_string())),
                _ => {
                    let upto = applied_count_at(migrations, &status, target, Direction::Up)?;
                    if status.current.is_some_and(|c| upto <= c) {
                        return Err(PlanError::TargetBehind {
                            target: target.to_string(),
                            current: describe_current(),
                        });
                    }
                    status
                        .pending
                        .iter()
                        .copied()
                        .filter(|&i| i < upto)
                        .collect()
                }
            };
            let late: Vec<String> = to_apply
                .iter()
                .filter(|i| status.out_of_order.contains(i))
                .map(|&i| migrations.name(i).to_owned())
                .collect();
            if !late.is_empty() && !allow_out_of_order {
                return Err(PlanError::OutOfOrder {
                    pending: late,
                    newest_applied: describe_current(),
                });
            }
            if state.rows.is_empty() && !to_apply.is_empty() && !state.existing_tables.is_empty() {
                return Err(PlanError::TablesAlreadyExist {
                    tables: state.existing_tables.clone(),
                });
            }
            Ok(Plan::Apply(to_apply))
        }
        Request::Downgrade { target } => {
            let newest_first = status.applied.iter().rev().copied();
            let to_revert: Vec<usize> = match target {
                Target::Relative(n) if *n < 0 => {
                    let n = n.unsigned_abs();
                    // At base there is nothing to revert: not an error, as `upgrade` at head.
                    if n > status.applied.len() as u64 && !status.applied.is_empty() {
                        return Err(PlanError::NotEnoughSteps {
                            requested: n,
                            available: status.applied.len(),
                            verb: "reverted",
                        });
                    }
                    newest_first.take(n as usize).collect()
                }
                Target::Relative(_) => return Err(PlanError::NoSuchRevision(target.to_string())),
                _ => {
                    let keep = applied_count_at(migrations, &status, target, Direction::Down)?;
                    if status.current.map_or(0, |c| c + 1) < keep {
                        return Err(PlanError::TargetAhead {
                            target: target.to_string(),
                            current: describe_current(),
                        });
                    }
                    newest_first.filter(|&i| i >= keep).collect()
                }
            };
            Ok(Plan::Revert(to_revert))
        }
        Request::Stamp { .. } | Request::Repair => unreachable!("handled above"),
    }
}

#[derive(Clone, Copy)]
enum Direction {
    Up,
    Down,
    Stamp,
}

/// How many migrations (from the oldest) are applied when the database sits at `target`.
fn applied_count_at(
    migrations: &Migrations,
    status: &Status,
    target: &Target,
    direction: Direction,
) -> Result<usize, PlanError> {
    match target {
        Target::Head => Ok(migrations.len()),
        Target::Base => Ok(0),
        Target::Revision(spec) => Ok(migrations.find(spec)? + 1),
        // For stamp, a relative target counts from the current revision.
        Target::Relative(n) if matches!(direction, Direction::Stamp) => {
            let at = status.current.map_or(0, |c| c + 1) as i64 + n;
            if (0..=migrations.len() as i64).contains(&at) {
                Ok(at as usize)
            } else {
                Err(PlanError::NoSuchRevision(target.to_string()))
            }
        }
        Target::Relative(_) => Err(PlanError::NoSuchRevision(target.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm_migration::prelude::*;

    struct Named(&'static str);
    impl MigrationName for Named {
        fn name(&self) -> &str {
            self.0
        }
    }
    #[async_trait::async_trait]
    impl MigrationTrait for Named {
        async fn up(&self, _: &SchemaManager) -> Result<(), DbErr> {
            Ok(())
        }
    }

    fn known() -> Migrations {
        Migrations::new(
            ["m1_init", "m2_add", "m3_more", "m4_last"]
                .into_iter()
                .map(|n| Box::new(Named(n)) as Box<dyn MigrationTrait>)
                .collect(),
        )
        .unwrap()
    }

    fn state(applied: &[&str]) -> DbState {
        DbState {
            rows: applied
                .iter()
                .map(|v| AppliedRevision {
                    version: (*v).to_owned(),
                    applied_at: 0,
                })
                .collect(),
            existing_tables: vec![],
            interrupted: None,
        }
    }

    fn up(target: &str) -> Request {
        Request::Upgrade {
            target: target.parse().unwrap(),
            allow_out_of_order: false,
        }
    }

    fn down(target: &str) -> Request {
        Request::Downgrade {
            target: target.parse().unwrap(),
        }
    }

    #[test]
    fn parses_alembic_forms() {
        assert_eq!("head".parse::<Target>().unwrap(), Target::Head);
        assert_eq!("base".parse::<Target>().unwrap(), Target::Base);
        assert_eq!("+2".parse::<Target>().unwrap(), Target::Relative(2));
        assert_eq!("-1".parse::<Target>().unwrap(), Target::Relative(-1));
        assert_eq!(
            "m2".parse::<Target>().unwrap(),
            Target::Revision("m2".into())
        );
        assert_eq!(
            "2".parse::<Target>().unwrap(),
            Target::Revision("2".into()),
            "a bare number is a revision prefix, not a step count"
        );
    }

    #[test]
    fn upgrade_applies_pending_up_to_the_target() {
        let m = known();
        assert_eq!(
            plan(&m, &state(&[]), &up("head")),
            Ok(Plan::Apply(vec![0, 1, 2, 3]))
        );
        assert_eq!(
            plan(&m, &state(&["m1_init"]), &up("m3")),
            Ok(Plan::Apply(vec![1, 2]))
        );
        assert_eq!(
            plan(&m, &state(&["m1_init"]), &up("+2")),
            Ok(Plan::Apply(vec![1, 2]))
        );
        assert_eq!(
            plan(
                &m,
                &state(&["m1_init", "m2_add", "m3_more", "m4_last"]),
                &up("head")
            ),
            Ok(Plan::Apply(vec![]))
        );
        assert!(matches!(
            plan(&m, &state(&["m1_init"]), &up("+4")),
            Err(PlanError::NotEnoughSteps { available: 3, .. })
        ));
    }

    #[test]
    fn upgrade_refuses_a_target_behind_the_current_revision() {
        let m = known();
        assert!(matches!(
            plan(&m, &state(&["m1_init", "m2_add"]), &up("m1")),
            Err(PlanError::TargetBehind { .. })
        ));
        assert!(matches!(
            plan(&m, &state(&["m1_init"]), &up("base")),
            Err(PlanError::TargetBehind { .. })
        ));
        // Re-targeting the current revision is a no-op, not a refusal.
        assert_eq!(
            plan(&m, &state(&["m1_init", "m2_add"]), &up("m2_add")),
            Ok(Plan::Apply(vec![]))
        );
    }

    #[test]
    fn unknown_revisions_in_the_table_refuse_everything_but_stamp() {
        let m = known();
        let s = state(&["m1_init", "m9_future"]);
        for request in [up("head"), down("-1")] {
            assert!(matches!(
                plan(&m, &s, &request),
                Err(PlanError::UnknownRevision { ref revision, .. }) if revision == "m9_future"
            ));
        }
        assert_eq!(
            plan(
                &m,
                &s,
                &Request::Stamp {
                    target: Target::Revision("m2".into())
                }
            ),
            Ok(Plan::Stamp {
                record: vec![1],
                unrecord: vec!["m9_future".into()]
            })
        );
    }

    #[test]
    fn existing_tables_refuse_only_when_nothing_is_recorded() {
        let m = known();
        let mut s = state(&[]);
        s.existing_tables = vec!["users".into()];
        assert_eq!(
            plan(&m, &s, &up("head")),
            Err(PlanError::TablesAlreadyExist {
                tables: vec!["users".into()]
            })
        );
    }

    #[test]
    fn out_of_order_pending_needs_an_explicit_opt_in() {
        let m = known();
        let s = state(&["m1_init", "m3_more"]);
        let status = Status::new(&m, &s.rows);
        assert_eq!(status.out_of_order, vec![1]);
        assert_eq!(
            plan(&m, &s, &up("head")),
            Err(PlanError::OutOfOrder {
                pending: vec!["m2_add".into()],
                newest_applied: "m3_more".into()
            })
        );
        assert_eq!(
            plan(
                &m,
                &s,
                &Request::Upgrade {
                    target: Target::Head,
                    allow_out_of_order: true
                }
            ),
            Ok(Plan::Apply(vec![1, 3]))
        );
    }

    #[test]
    fn downgrade_reverts_newest_first() {
        let m = known();
        let s = state(&["m1_init", "m2_add", "m3_more"]);
        assert_eq!(plan(&m, &s, &down("-1")), Ok(Plan::Revert(vec![2])));
        assert_eq!(plan(&m, &s, &down("-2")), Ok(Plan::Revert(vec![2, 1])));
        assert_eq!(plan(&m, &s, &down("m1")), Ok(Plan::Revert(vec![2, 1])));
        assert_eq!(plan(&m, &s, &down("base")), Ok(Plan::Revert(vec![2, 1, 0])));
        assert!(matches!(
            plan(&m, &s, &down("m4")),
            Err(PlanError::TargetAhead { .. })
        ));
        assert!(matches!(
            plan(&m, &s, &down("-4")),
            Err(PlanError::NotEnoughSteps { available: 3, .. })
        ));
        assert_eq!(plan(&m, &state(&[]), &down("-1")), Ok(Plan::Revert(vec![])));
        assert!(matches!(
            plan(&m, &s, &down("zzz")),
            Err(PlanError::NoSuchRevision(_))
        ));
        assert!(matches!(
            plan(&m, &s, &down("m")),
            Err(PlanError::AmbiguousRevision { .. })
        ));
    }

    #[test]
    fn stamp_records_and_forgets() {
        let m = known();
        let stamp = |t: &str| Request::Stamp {
            target: t.parse().unwrap(),
        };
        assert_eq!(
            plan(&m, &state(&[]), &stamp("head")),
            Ok(Plan::Stamp {
                record: vec![0, 1, 2, 3],
                unrecord: vec![]
            })
        );
        assert_eq!(
            plan(&m, &state(&["m1_init", "m2_add"]), &stamp("base")),
            Ok(Plan::Stamp {
                record: vec![],
                unrecord: vec!["m1_init".into(), "m2_add".into()]
            })
        );
    }

    #[test]
    fn an_interrupted_migration_blocks_everything_but_repair() {
        let m = known();
        let mut s = state(&["m1_init"]);
        s.interrupted = Some(Interrupted {
            version: "m2_add".into(),
            direction: "up".into(),
            leftovers: vec![("b".into(), 0), ("a".into(), 0)],
            resumable: false,
        });
        for request in [
            up("head"),
            down("-1"),
            Request::Stamp {
                target: Target::Head,
            },
        ] {
            assert!(matches!(
                plan(&m, &s, &request),
                Err(PlanError::Interrupted { .. })
            ));
        }
        assert_eq!(
            plan(&m, &s, &Request::Repair),
            Ok(Plan::Repair {
                version: "m2_add".into(),
                drop_tables: vec!["b".into(), "a".into()]
            })
        );
        if let Some(cut) = s.interrupted.as_mut() {
            cut.leftovers[0].1 = 3;
        }
        assert!(matches!(
            plan(&m, &s, &Request::Repair),
            Err(PlanError::RepairWouldLoseData { .. })
        ));
        assert_eq!(
            plan(&m, &state(&[]), &Request::Repair),
            Err(PlanError::NothingToRepair)
        );
    }

    #[test]
    fn an_interrupted_online_migration_is_resumed_by_its_own_direction_only() {
        let m = known();
        let mut s = state(&["m1_init"]);
        s.interrupted = Some(Interrupted {
            version: "m2_add".into(),
            direction: "up".into(),
            leftovers: vec![],
            resumable: true,
        });
        assert_eq!(plan(&m, &s, &up("head")), Ok(Plan::Apply(vec![1, 2, 3])));
        for request in [down("-1"), Request::Repair] {
            assert!(matches!(
                plan(&m, &s, &request),
                Err(PlanError::OnlineInterrupted { .. })
            ));
        }
    }

    #[test]
    fn duplicate_names_are_refused() {
        let dup = vec![
            Box::new(Named("m1")) as Box<dyn MigrationTrait>,
            Box::new(Named("m1")),
        ];
        assert!(matches!(
            Migrations::new(dup),
            Err(crate::MigrateError::DuplicateMigration(_))
        ));
    }
}

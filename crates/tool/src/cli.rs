use clap::{Parser, Subcommand};

/// Manage the counselling database schema: inspect, migrate, adopt.
///
/// The database comes from --database-url, else DATABASE_URL_DIRECT, else DATABASE_URL (also
/// read from a .env file), else the local SQLite file counsel.db.
#[derive(Debug, Parser)]
#[command(name = "manage-db", version, propagate_version = true)]
pub struct Cli {
    /// Database URL; overrides the environment. Prefer the environment: arguments are visible
    /// to other users of the machine.
    #[arg(long, global = true, value_name = "URL")]
    pub database_url: Option<String>,

    /// Seconds to wait for another process's migration lock before giving up.
    #[arg(
        long,
        global = true,
        env = "MIGRATION_LOCK_TIMEOUT_SECS",
        default_value_t = 60,
        value_name = "SECS"
    )]
    pub lock_timeout: u64,

    /// PostgreSQL: milliseconds one migration statement may wait for a table lock before the
    /// run is rolled back and retried (so DDL never holds up the application's queries).
    #[arg(
        long,
        global = true,
        env = "MIGRATION_DDL_LOCK_TIMEOUT_MS",
        default_value_t = 5000,
        value_name = "MS"
    )]
    pub ddl_lock_timeout: u64,

    /// Seconds to wait for the database to answer when connecting.
    #[arg(long, global = true, default_value_t = 10, value_name = "SECS")]
    pub connect_timeout: u64,

    /// Log lines on stderr (-v: info, -vv: debug, -vvv: trace); `history -v` also shows what
    /// each migration changes.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report the version table, the tables the entities define, the tables the database has,
    /// and the drift between them. Exits 0 when all is in order, 3 when something needs action.
    Check {
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the newest applied migration.
    Current,
    /// Print the head revision: the newest migration of this build (as Alembic's `heads`).
    Heads,
    /// List every migration with its state, oldest first; with -v, what each one changes.
    History {
        /// Only the migrations from A to B, inclusive: `A:B`, `A:` or `:B` (names, unique
        /// prefixes, `base`, `head`).
        #[arg(short = 'r', long = "rev-range", value_name = "A:B")]
        range: Option<String>,
    },
    /// One migration: its name, whether it is applied, and what it changes, in `check`'s
    /// words.
    Show {
        /// A revision: name, unique prefix, or `head`.
        #[arg(default_value = "head", value_name = "REV")]
        revision: String,
    },
    /// Apply pending migrations: all of them (`head`), up to a revision, or the next N (`+N`).
    Upgrade {
        /// `head` (default), a revision (name or unique prefix), or `+N`.
        #[arg(
            value_name = "REV",
            conflicts_with = "to",
            allow_negative_numbers = true
        )]
        revision: Option<String>,
        /// Same as the positional REV.
        #[arg(long, value_name = "REV")]
        to: Option<String>,
        /// Print the SQL this would run on this database's backend, and run nothing.
        #[arg(long)]
        sql: bool,
        /// Also apply pending migrations older than the newest applied one (merged out of order).
        #[arg(long)]
        allow_out_of_order: bool,
        /// PostgreSQL: run a pending migration even though lint finds a statement that locks a
        /// table larger than --lock-threshold-rows (refused otherwise).
        #[arg(long)]
        allow_locking: bool,
        /// PostgreSQL: the table size (estimated rows, from pg_class) above which a lint error
        /// stops `upgrade`.
        #[arg(long, value_name = "ROWS", default_value_t = 10_000)]
        lock_threshold_rows: u64,
    },
    /// Revert applied migrations (the newest one by default). Asks for confirmation.
    Downgrade {
        /// `-N` (default -1), a revision to go back to (name or unique prefix), or `base`.
        #[arg(value_name = "REV", allow_negative_numbers = true, conflicts_with_all = ["steps", "to"])]
        revision: Option<String>,
        /// How many migrations to revert.
        #[arg(short = 'n', long = "steps", value_name = "N", conflicts_with = "to")]
        steps: Option<u32>,
        /// Revert everything after this revision (`base` reverts all).
        #[arg(long, value_name = "REV")]
        to: Option<String>,
        /// Do not ask for confirmation.
        #[arg(short, long)]
        yes: bool,
        /// Print the SQL this would run on this database's backend, and run nothing.
        #[arg(long)]
        sql: bool,
    },
    /// Record a revision as applied without running any SQL: adopt a database whose tables
    /// already exist, or correct the version table. `stamp base` asks for confirmation.
    Stamp {
        /// Revision to record (name, unique prefix, `head` or `base`).
        #[arg(default_value = "head", value_name = "REV")]
        revision: String,
        /// Do not ask for confirmation.
        #[arg(short, long)]
        yes: bool,
    },
    /// After a migration was interrupted on a backend without transactional DDL (MySQL):
    /// undo what it did (back to where it started), or with --finish complete it. `check`
    /// shows what it did and did not do; this says what each way costs in data, and asks.
    Repair {
        /// Complete the interrupted migration instead of undoing it.
        #[arg(long)]
        finish: bool,
        /// The value a required column added back gets in the rows already there.
        #[arg(long = "backfill", value_name = "TABLE.COLUMN=VALUE")]
        backfills: Vec<String>,
        /// Do not ask for confirmation.
        #[arg(short, long)]
        yes: bool,
    },
    /// Write a migration for what changed in the entities: the existing migrations are
    /// replayed on a scratch database and compared with the entities; the new migration is
    /// verified there (up, then down) before it is written into
    /// crates/migration/src/migrations and registered. Run it from the source checkout:
    /// `cargo run -p manage-db -- generate -m "…"`.
    Generate {
        /// What the migration does, e.g. "add description to datasources" (names the file).
        #[arg(short, long)]
        message: String,
        /// Write a registered, empty template for a hand-written (data) migration.
        #[arg(long)]
        empty: bool,
        #[command(flatten)]
        options: GenerateOptions,
    },
    /// Alembic's spelling of `generate`: `revision --autogenerate -m MSG` is `generate -m MSG`,
    /// and `revision -m MSG` is `generate --empty -m MSG`.
    Revision {
        #[arg(short, long)]
        message: String,
        /// Compare the entities with the migrations and write the difference.
        #[arg(long)]
        autogenerate: bool,
        #[command(flatten)]
        options: GenerateOptions,
    },
    /// The one-command flow, in a source checkout: check, generate (when the entities
    /// changed), rebuild, upgrade, reporting each step. Outside a checkout it is `upgrade`.
    Auto {
        /// What the migration does, needed when the entities changed.
        #[arg(short, long)]
        message: Option<String>,
        /// As for `generate`.
        #[arg(long = "rename", value_name = "OLD=NEW")]
        renames: Vec<String>,
        /// As for `generate`.
        #[arg(long = "backfill", value_name = "TABLE.COLUMN=VALUE")]
        backfills: Vec<String>,
        /// As for `generate`.
        #[arg(long)]
        allow_destructive: bool,
        /// As for `generate`.
        #[arg(long, value_name = "WHY")]
        allow_locking: Option<String>,
        /// When the tables exist but no migration is recorded, record them as migrated
        /// (`stamp head`, no SQL) instead of stopping.
        #[arg(long)]
        adopt: bool,
    },
    /// Lint the SQL each pending migration (or each named one) sends to PostgreSQL, or a SQL
    /// file: the locks it takes on tables in use and the safe rewrite of each. Exits 3 when
    /// an error is not waived (`lint: allow <rule> -- <why>` in the migration).
    Lint {
        /// Revisions to lint (full names or unique prefixes); default: the pending ones.
        revisions: Vec<String>,
        /// Lint this SQL file instead (no database needed; with one, table sizes are shown).
        #[arg(long, value_name = "FILE")]
        sql: Option<std::path::PathBuf>,
    },
    /// Draw the entity-relationship diagram of the entities (no database needed), or with
    /// --live of the database, its differences from the entities marked.
    Diagram {
        /// `mermaid` (renders on GitHub), `dot` (Graphviz), or `svg` (through Graphviz's `dot`).
        #[arg(long, value_enum, default_value_t = DiagramFormat::Mermaid)]
        format: DiagramFormat,
        /// Draw the live database instead, marking what differs from the entities.
        #[arg(long)]
        live: bool,
    },
    /// Accept a reviewed, harmless edit of an applied migration: record the SQL it sends now
    /// as what it sent. `check` and `history` name edited migrations; a boot refuses them.
    Rehash {
        /// The applied migration (full name or unique prefix).
        #[arg(value_name = "REV")]
        revision: String,
    },
    /// Empty the version table (tables and data are kept). Asks for confirmation.
    Reset {
        /// Do not ask for confirmation.
        #[arg(short, long)]
        yes: bool,
    },
}

/// How `generate` (and `revision --autogenerate`) writes the migration.
#[derive(Debug, clap::Args)]
pub struct GenerateOptions {
    /// A rename that keeps its data: `table.old_column=new_column` or
    /// `old_table=new_table`. Repeatable.
    #[arg(long = "rename", value_name = "OLD=NEW")]
    pub renames: Vec<String>,
    /// The value a required column added without a default gets in the rows already
    /// there, or the NULLs of a column made NOT NULL: `table.column=VALUE` (e.g. 0, true or
    /// 'unknown'). Repeatable.
    #[arg(long = "backfill", value_name = "TABLE.COLUMN=VALUE")]
    pub backfills: Vec<String>,
    /// Allow drops and narrowing type changes; the file names the data they destroy.
    #[arg(long)]
    pub allow_destructive: bool,
    /// Compare the entities with the configured database instead of the replayed
    /// migrations (as Alembic does); the migration then guards each drop and creation.
    #[arg(long)]
    pub against_live: bool,
    /// Write the migration although lint rejects a lock it takes on a table in use, for
    /// the reason given (a small table, a maintenance window): the reason goes into the file
    /// as lint's waiver. Without it, such a migration is not written.
    #[arg(long, value_name = "WHY")]
    pub allow_locking: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiagramFormat {
    Mermaid,
    Dot,
    Svg,
}

impl Command {
    /// Commands that change nothing (they must not create a database either).
    pub fn is_read_only(&self) -> bool {
        matches!(
            self,
            Command::Check { .. }
                | Command::Current
                | Command::Heads
                | Command::History { .. }
                | Command::Show { .. }
                | Command::Diagram { .. }
                | Command::Lint { .. }
                | Command::Upgrade { sql: true, .. }
                | Command::Downgrade { sql: true, .. }
        )
    }
}

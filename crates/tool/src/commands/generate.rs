//! `generate` and `auto`: write a migration from the entities' changes, verified on a scratch
//! database before it is written; `auto` goes on to rebuild and upgrade.

use crate::cli::Cli;
use crate::scratch::ScratchDb;
use crate::session::Session;
use crate::ToolError;
use db_config::DbUrl;
use migration::{migrate_to_head, BootOptions, MigrationTrait, Migrations};
use migration_generator::step::StepsMigration;
use migration_generator::{
    naming, register, render, review, Backfill, GenerateError, MigrationPlan, Options, Rename, Side,
};
use schema_model::declared;
use std::io::Write;
use std::path::{Path, PathBuf};
use tracing::Instrument;

/// Where this tool writes migrations, relative to the workspace root.
pub const MIGRATIONS_DIR: &str = "crates/migration/src/migrations";

/// What to generate: the flags of `generate` (and of `auto`).
pub struct Request<'a> {
    /// Needed once there is something to write.
    pub message: Option<&'a str>,
    pub empty: bool,
    pub renames: &'a [String],
    pub backfills: &'a [String],
    pub allow_destructive: bool,
    pub against_live: bool,
    /// The reason a lock lint rejects is acceptable (`--allow-locking WHY`).
    pub allow_locking: Option<&'a str>,
}

impl<'a> Request<'a> {
    /// The request of `generate -m MESSAGE [--empty] [options]`.
    pub fn new(message: &'a str, empty: bool, options: &'a crate::cli::GenerateOptions) -> Self {
        Request {
            message: Some(message),
            empty,
            renames: &options.renames,
            backfills: &options.backfills,
            allow_destructive: options.allow_destructive,
            against_live: options.against_live,
            allow_locking: options.allow_locking.as_deref(),
        }
    }
}

impl From<GenerateError> for ToolError {
    fn from(e: GenerateError) -> Self {
        ToolError::Refused(e.to_string())
    }
}

/// The workspace this binary can write migrations into: the nearest directory, from the
/// current one up, that holds `crates/migration/src/migrations/mod.rs`.
pub fn source_checkout() -> Option<PathBuf> {
    let mut dir = std::env::current_dir().ok()?;
    loop {
        if dir.join(MIGRATIONS_DIR).join("mod.rs").is_file() {
            return Some(dir);
        }
        if !dir.pop() {
            return None;
        }
    }
}

fn no_checkout() -> ToolError {
    ToolError::Refused(format!(
        "generate writes into the source checkout, and none was found here or above (no \
         {MIGRATIONS_DIR}/mod.rs)\n  hint: run it from the workspace: `cargo run -p manage-db -- \
         generate -m \"…\"`"
    ))
}

/// The newest modification time of the files under `dir`.
fn newest_file(dir: &Path) -> Option<std::time::SystemTime> {
    let mut newest = None;
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        let time = if path.is_dir() {
            newest_file(&path)
        } else {
            entry.metadata().ok().and_then(|m| m.modified().ok())
        };
        newest = newest.max(time);
    }
    newest
}

/// Whether the entities or the migrations in the checkout changed since this binary was
/// built: it would then compare what it was built with, not what is there.
pub fn is_stale(checkout: &Path, built_with: &Migrations) -> Result<bool, ToolError> {
    let mod_rs = std::fs::read_to_string(checkout.join(MIGRATIONS_DIR).join("mod.rs"))?;
    let listed = register::listed(&mod_rs);
    let known: Vec<&str> = built_with.names().collect();
    let built = std::env::current_exe()
        .and_then(|exe| exe.metadata())
        .and_then(|m| m.modified())
        .ok();
    let sources = ["crates/entity/src", MIGRATIONS_DIR]
        .iter()
        .filter_map(|d| newest_file(&checkout.join(d)))
        .max();
    Ok(listed != known || matches!((built, sources), (Some(b), Some(s)) if s > b))
}

fn ensure_built_from(checkout: &Path, built_with: &Migrations) -> Result<(), ToolError> {
    if is_stale(checkout, built_with)? {
        return Err(ToolError::Refused(
            "this manage-db was built before the latest changes to the entities or migrations \
             in this checkout, so it would compare the old ones\n  hint: run it through cargo, \
             which rebuilds first: `cargo run -p manage-db -- generate -m \"…\"`"
                .into(),
        ));
    }
    Ok(())
}

fn timestamp() -> String {
    chrono::Utc::now().format("%Y%m%d_%H%M%S").to_string()
}

/// Writes `module`'s file and registers it; returns the file's path.
fn write_migration(checkout: &Path, module: &str, text: &str) -> Result<PathBuf, ToolError> {
    let dir = checkout.join(MIGRATIONS_DIR);
    let mod_rs = dir.join("mod.rs");
    let registered = register::register(&std::fs::read_to_string(&mod_rs)?, module)?;
    let path = dir.join(format!("{module}.rs"));
    std::fs::write(&path, text)?;
    std::fs::write(&mod_rs, registered)?;
    // The renderer lays out statements as rustfmt does; rustfmt then wraps the long lines.
    let formatted = std::process::Command::new("rustfmt")
        .args(["--edition", "2021"])
        .arg(&path)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !formatted {
        tracing::warn!(
            file = %path.display(),
            "rustfmt is not available: the file compiles but keeps some long lines (`cargo fmt` formats it)"
        );
    }
    Ok(path)
}

/// At a terminal, asks about each drop and add that may be a rename (whatever the flags: a
/// rename is never turned into drop + add without a word). Without one, `plan` decides: it
/// stops, or with `--allow-destructive` drops and adds and says so.
fn ask_renames(before: &Side, after: &Side, options: &mut Options) -> Result<(), ToolError> {
    let mut declined: Vec<String> = Vec::new();
    loop {
        // Asked again after each yes: a column renamed is no longer a candidate for another.
        let candidates =
            migration_generator::plan::possible_renames_between(before, after, &options.renames)?;
        let Some(candidate) = candidates.into_iter().find(|c| !declined.contains(c)) else {
            return Ok(());
        };
        match super::confirm::ask(&format!(
            "Is {candidate} a rename (keeps the data)? No drops the old one and adds the new one."
        ))? {
            None => return Ok(()),
            Some(true) => match Rename::parse(&candidate) {
                Some(rename) => options.renames.push(rename),
                None => declined.push(candidate),
            },
            Some(false) => declined.push(candidate),
        }
    }
}

/// At a terminal, asks the value existing rows get for each required column added without a
/// default. An empty answer (or no terminal) leaves `plan` to stop and say what to do.
fn ask_backfills(before: &Side, after: &Side, options: &mut Options) -> Result<(), ToolError> {
    for column in migration_generator::plan::unfilled_required_columns(before, after, options)? {
        let question = format!(
            "{column} is added NOT NULL with no default. Value for the rows already there \
             (e.g. 0, true or 'unknown'; empty to stop):"
        );
        match super::confirm::ask_line(&question)? {
            Some(value) if !value.is_empty() => {
                options
                    .backfills
                    .extend(Backfill::parse(&format!("{column}={value}")));
            }
            _ => return Ok(()),
        }
    }
    Ok(())
}

/// The result of `generate`: the file written, if any.
pub struct Generated {
    pub path: Option<PathBuf>,
}

pub async fn generate(
    cli: &Cli,
    url: &DbUrl,
    request: &Request<'_>,
    out: &mut dyn Write,
) -> Result<Generated, ToolError> {
    let checkout = source_checkout().ok_or_else(no_checkout)?;
    let module = match request.message {
        Some(message) => Some(naming::module_name(message, &timestamp())?),
        None => None,
    };
    if request.empty {
        let (Some(message), Some(module)) = (request.message, &module) else {
            return Err(GenerateError::MeaninglessMessage(String::new()).into());
        };
        let path = write_migration(&checkout, module, &render::empty_file(message))?;
        writeln!(
            out,
            "Wrote {} (registered; fill in up and down)",
            path.display()
        )?;
        return Ok(Generated { path: Some(path) });
    }
    let mut options = Options {
        renames: request
            .renames
            .iter()
            .map(|r| {
                Rename::parse(r).ok_or_else(|| {
                    ToolError::Refused(format!(
                        "--rename {r}: expected table.old_column=new_column or old_table=new_table"
                    ))
                })
            })
            .collect::<Result<_, _>>()?,
        backfills: parse_backfills(request.backfills)?,
        allow_destructive: request.allow_destructive,
        guard: request.against_live,
    };
    let session = Session::open(cli, url.clone()).await?;
    ensure_built_from(&checkout, &session.migrations)?;
    let scratch = ScratchDb::create(&session).await?;
    let result = generate_on(
        &session,
        &scratch,
        &checkout,
        module.as_deref(),
        request,
        &mut options,
        out,
    )
    .await;
    scratch.remove(&session).await;
    session.db.close().await.ok();
    result
}

/// `--backfill table.column=VALUE` arguments.
pub fn parse_backfills(args: &[String]) -> Result<Vec<Backfill>, ToolError> {
    args.iter()
        .map(|b| {
            Backfill::parse(b).ok_or_else(|| {
                ToolError::Refused(format!(
                    "--backfill {b}: expected table.column=VALUE, e.g. users.age=0"
                ))
            })
        })
        .collect()
}

async fn generate_on(
    session: &Session,
    scratch: &ScratchDb,
    checkout: &Path,
    module: Option<&str>,
    request: &Request<'_>,
    options: &mut Options,
    out: &mut dyn Write,
) -> Result<Generated, ToolError> {
    let backend = session.db.get_database_backend();
    let flavour = declared::flavour(&scratch.db).await?.ok_or_else(|| {
        ToolError::Refused(
            "generate knows the catalog spellings of SQLite, PostgreSQL and MariaDB, not of \
             this server\n  hint: generate against one of those (DATABASE_URL); the migration \
             it writes runs on every backend"
                .into(),
        )
    })?;
    let names: Vec<&str> = session.migrations.names().collect();
    let cache = |kind: &str| crate::replay::HistoryCache::new(checkout, kind, &names);
    let history_cache = cache(&format!("{flavour:?}"));
    // Whether the scratch database holds the replayed history (else verification starts from
    // a copy of `before`).
    let mut replayed_here = false;
    let (before, compared_with) = if request.against_live {
        let live = crate::replay::read_schema(&session.db).await?;
        (
            live,
            format!("the live database ({})", session.url.masked()),
        )
    } else {
        let replayed = match history_cache.load() {
            Some(schema) => schema,
            None => {
                replay(scratch, vec![]).await?;
                replayed_here = true;
                let schema = crate::replay::read_schema(&scratch.db).await?;
                history_cache.store(&schema);
                schema
            }
        };
        (
            replayed,
            format!("the existing migrations replayed on {backend:?}"),
        )
    };
    let ddl = entity::registry::schema_ddl(backend);
    let after = declared::render(&ddl, flavour).map_err(|e| {
        ToolError::Refused(format!(
            "{e}\n  hint: write this change by hand (`manage-db generate --empty -m \"…\"`)"
        ))
    })?;
    // The history's own types, where this server's catalog is ambiguous (MariaDB).
    let portable = match flavour {
        declared::Flavour::MariaDb if !request.against_live => {
            let types_cache = cache("portable-types");
            Some(match types_cache.load() {
                Some(schema) => schema,
                None => {
                    let schema = crate::replay::history_on_sqlite(None).await?;
                    types_cache.store(&schema);
                    schema
                }
            })
        }
        _ => None,
    };
    let before_side = Side {
        schema: &before,
        ddl: None,
        flavour,
        types: portable.as_ref(),
    };
    let after_side = Side {
        schema: &after,
        ddl: Some(&ddl),
        flavour,
        types: None,
    };
    ask_renames(&before_side, &after_side, options)?;
    ask_backfills(&before_side, &after_side, options)?;
    let plan = migration_generator::plan(&before_side, &after_side, options)?;
    tracing::debug!(up = ?plan.up, down = ?plan.down, "planned");
    if plan.is_empty() {
        writeln!(
            out,
            "Nothing to generate: the entities match {compared_with}. No file written."
        )?;
        return Ok(Generated { path: None });
    }
    let (Some(message), Some(module)) = (request.message, module) else {
        return Err(ToolError::Refused(format!(
            "the entities changed:\n  {}\n  hint: say what the migration does with -m, e.g. \
             -m \"add description to datasources\"",
            plan.changes.join("\n  ")
        )));
    };
    verify(
        scratch,
        &before_side,
        &after_side,
        module,
        &plan,
        !replayed_here,
    )
    .await?;
    if request.against_live {
        verify_on_history(session, module, &plan).await?;
    }
    let review = lint_plan(module, &plan, options, request.allow_locking).await?;
    let text = render::migration_file(
        &render::Header {
            message,
            compared_with: &compared_with,
            waivers: &review::waiver_lines(&review.waivers),
        },
        &plan,
    );
    let path = write_migration(checkout, module, &text)?;
    writeln!(out, "Wrote {} (registered in mod.rs)", path.display())?;
    for change in &plan.changes {
        writeln!(out, "  {change}")?;
    }
    for finding in &review.findings {
        let level = match (&finding.waived, finding.severity) {
            (Some(_), _) => "waived",
            (None, migration_lint::Severity::Error) => "ERROR",
            (None, migration_lint::Severity::Warning) => "warning",
        };
        writeln!(
            out,
            "  LINT {level} {} on {}: {}",
            finding.rule, finding.table, finding.statement
        )?;
        if let Some(why) = &finding.waived {
            writeln!(out, "    waived in the file: {why}")?;
        }
    }
    if review.findings.is_empty() {
        writeln!(out, "  Lint (PostgreSQL): no finding")?;
    }
    for lost in &plan.data_loss {
        writeln!(out, "  DATA LOSS: {lost}")?;
    }
    for candidate in &plan.unconfirmed_renames {
        writeln!(
            out,
            "  NOT A RENAME: {candidate} was planned as drop + add (--rename {candidate} keeps the data)"
        )?;
    }
    writeln!(
        out,
        "Verified on a scratch {backend:?} database: applied, matched the entities, reverted.\n\
         Next: review the file, then `cargo run -p manage-db -- upgrade`."
    )?;
    Ok(Generated { path: Some(path) })
}

/// Lint's verdict on what `up` sends to PostgreSQL (whatever backend generate ran on: the
/// file runs on every one, and PostgreSQL is where locks matter).
async fn lint_plan(
    module: &str,
    plan: &MigrationPlan,
    options: &Options,
    allow_locking: Option<&str>,
) -> Result<review::Review, ToolError> {
    let new = StepsMigration {
        name: module.to_owned(),
        up: plan.up.clone(),
        down: plan.down.clone(),
    };
    let statements = migration::statements_of(sea_orm::DbBackend::Postgres, &new, true).await?;
    Ok(review::review(&statements, plan, options, allow_locking)?)
}

/// A migration planned from the live database is committed to the history, so it must also
/// apply (and revert) on a database built from the history alone: the live database may hold
/// what no migration made (an index added by hand), which the migration would then drop.
async fn verify_on_history(
    session: &Session,
    module: &str,
    plan: &MigrationPlan,
) -> Result<(), ToolError> {
    let scratch = ScratchDb::create(session).await?;
    let new = StepsMigration {
        name: module.to_owned(),
        up: plan.up.clone(),
        down: plan.down.clone(),
    };
    let result = async {
        let migrations = replay(&scratch, vec![Box::new(new)]).await?;
        revert_newest(&migrations, &scratch).await
    }
    .await;
    scratch.remove(session).await;
    result.map_err(|e| {
        ToolError::Refused(format!(
            "the migration planned from the live database applies there, but not to a database \
             built from the migrations: {e}\n  hint: nothing was written; the live database \
             holds what no migration made. Bring it into the history first: write a migration \
             that makes it (`manage-db generate --empty -m \"…\"`, applied to the live \
             database with `manage-db stamp`), or remove it from the live database by hand, \
             then generate again"
        ))
    })
}

/// Runs the `down` of the newest migration of `migrations` on the scratch database.
async fn revert_newest(migrations: &Migrations, scratch: &ScratchDb) -> Result<(), ToolError> {
    migration::Runner::new(migrations, &scratch.db, Default::default())
        .run(
            &migration::Request::Downgrade {
                target: migration::Target::Relative(-1),
            },
            None,
        )
        .instrument(scratch_span())
        .await?;
    Ok(())
}

/// So that the runner's log lines about the scratch database say so.
fn scratch_span() -> tracing::Span {
    tracing::info_span!("scratch_database")
}

/// Migrates the scratch database through this build's migrations plus `extra`, with the real
/// runner.
async fn replay(
    scratch: &ScratchDb,
    extra: Vec<Box<dyn MigrationTrait>>,
) -> Result<Migrations, ToolError> {
    let mut all = <migration::Migrator as migration::MigratorTrait>::migrations();
    all.extend(extra);
    let migrations = Migrations::new(all)?;
    migrate_to_head(&migrations, &scratch.db, &BootOptions::default())
        .instrument(scratch_span())
        .await?;
    Ok(migrations)
}

/// Runs the new migration's `up` on the scratch database, which must then match the entities,
/// and its `down`, which must give the schema back.
async fn verify(
    scratch: &ScratchDb,
    before: &Side<'_>,
    after: &Side<'_>,
    module: &str,
    plan: &MigrationPlan,
    from_copy: bool,
) -> Result<(), ToolError> {
    let new = StepsMigration {
        name: module.to_owned(),
        up: plan.up.clone(),
        down: plan.down.clone(),
    };
    let migrations = if from_copy {
        // The scratch database starts as a copy of `before`: the live schema, or the history's
        // replayed schema kept from an earlier run (faithful: crates/generator/tests/matrix.rs).
        let copy = StepsMigration {
            name: "m00000000_000000_live_schema".into(),
            up: migration_generator::plan::create_all(before)?,
            down: vec![],
        };
        let migrations = Migrations::new(vec![Box::new(copy), Box::new(new)])?;
        migrate_to_head(&migrations, &scratch.db, &BootOptions::default())
            .instrument(scratch_span())
            .await?;
        migrations
    } else {
        replay(scratch, vec![Box::new(new)]).await?
    };
    let unverified = |what: &str, changes: Vec<schema_model::Change>| {
        let words: Vec<String> = changes
            .iter()
            .flat_map(schema_model::report::describe)
            .collect();
        ToolError::Refused(format!(
            "the generated migration did not verify: {what}:\n  {}\n  hint: nothing was \
             written; please report it with the entity change that caused it",
            words.join("\n  ")
        ))
    };
    let applied = crate::replay::read_schema(&scratch.db).await?;
    let applied_side = Side {
        schema: &applied,
        ddl: None,
        flavour: before.flavour,
        types: None,
    };
    let left = migration_generator::plan::differences(&applied_side, after);
    if !left.is_empty() {
        return Err(unverified(
            "after `up` it still differs from the entities",
            left,
        ));
    }
    revert_newest(&migrations, scratch).await?;
    let reverted = crate::replay::read_schema(&scratch.db).await?;
    let reverted_side = Side {
        schema: &reverted,
        ..applied_side
    };
    let back = migration_generator::plan::differences(&reverted_side, before);
    if !back.is_empty() {
        return Err(unverified(
            "after `down` the schema is not what it was",
            back,
        ));
    }
    Ok(())
}

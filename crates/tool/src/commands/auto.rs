//! `auto`: check → generate (when the entities changed) → rebuild → upgrade, in a source
//! checkout. A deployed binary has no checkout to write into: there it is `upgrade`.

use super::{confirm, generate, migrate};
use crate::cli::Cli;
use crate::session::Session;
use crate::ToolError;
use db_config::DbUrl;
use migration::{Request as MigrationRequest, Target};
use std::io::Write;
use std::process::Command;

pub struct Request<'a> {
    pub message: Option<&'a str>,
    pub renames: &'a [String],
    pub backfills: &'a [String],
    pub allow_destructive: bool,
    pub allow_locking: Option<&'a str>,
    pub adopt: bool,
}

fn upgrade_request() -> MigrationRequest {
    MigrationRequest::Upgrade {
        target: Target::Head,
        allow_out_of_order: false,
    }
}

pub async fn run(
    cli: &Cli,
    url: &DbUrl,
    request: &Request<'_>,
    out: &mut dyn Write,
) -> Result<u8, ToolError> {
    let Some(checkout) = generate::source_checkout() else {
        writeln!(
            out,
            "No source checkout here (a deployed binary): `auto` is `upgrade`."
        )?;
        let session = Session::open(cli, url.clone()).await?;
        let code = migrate::run(&session, &upgrade_request(), true, out).await;
        session.db.close().await.ok();
        return code;
    };

    writeln!(out, "[1/4] check {}", url.masked())?;
    let session = Session::open(cli, url.clone()).await?;
    let stale = generate::is_stale(&checkout, &session.migrations);
    let adopted = match stale {
        Ok(false) => adopt_if_needed(&session, request.adopt, out).await,
        _ => Ok(()),
    };
    session.db.close().await.ok();
    adopted?;
    if stale? {
        // Entities edited since this binary was built: the rebuilt one carries on.
        if std::env::var_os(REBUILT).is_some() {
            return Err(ToolError::Refused(
                "the rebuilt manage-db still predates the checkout's sources".into(),
            ));
        }
        writeln!(
            out,
            "      the entities or migrations changed since this manage-db was built"
        )?;
        rebuild(&checkout)?;
        let args: Vec<String> = std::env::args().skip(1).collect();
        return cargo_run(&checkout, cli, url, &args, out);
    }

    writeln!(out, "[2/4] generate")?;
    let generated = generate::generate(
        cli,
        url,
        &generate::Request {
            message: request.message,
            empty: false,
            renames: request.renames,
            backfills: request.backfills,
            allow_destructive: request.allow_destructive,
            against_live: false,
            allow_locking: request.allow_locking,
        },
        out,
    )
    .await?;

    if generated.path.is_none() {
        writeln!(out, "[3/4] rebuild: not needed, no new migration")?;
        writeln!(out, "[4/4] upgrade")?;
        let session = Session::open(cli, url.clone()).await?;
        let code = migrate::run(&session, &upgrade_request(), true, out).await;
        session.db.close().await.ok();
        return code;
    }
    // This process predates the new migration: the rebuilt binary applies it.
    writeln!(out, "[3/4] rebuild (cargo build -p manage-db)")?;
    rebuild(&checkout)?;
    writeln!(out, "[4/4] upgrade (the rebuilt manage-db)")?;
    cargo_run(&checkout, cli, url, &["upgrade".to_owned()], out)
}

/// Set for the rebuilt `auto`, so that a rebuild that changes nothing cannot loop.
const REBUILT: &str = "COUNSEL_AUTO_REBUILT";

fn cargo() -> std::ffi::OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

fn rebuild(checkout: &std::path::Path) -> Result<(), ToolError> {
    let built = Command::new(cargo())
        .args(["build", "-q", "-p", "manage-db"])
        .current_dir(checkout)
        .status()?;
    if built.success() {
        Ok(())
    } else {
        Err(ToolError::Refused(
            "the rebuild failed; nothing was applied (a migration file written before it \
             stays, registered)\n  hint: fix the build, then `cargo run -p manage-db -- auto`"
                .into(),
        ))
    }
}

/// Runs the freshly built `manage-db args…` and passes its output and exit code on.
fn cargo_run(
    checkout: &std::path::Path,
    cli: &Cli,
    url: &DbUrl,
    args: &[String],
    out: &mut dyn Write,
) -> Result<u8, ToolError> {
    let mut run = Command::new(cargo());
    run.args(["run", "-q", "-p", "manage-db", "--"])
        .args(args)
        .current_dir(checkout)
        .env(REBUILT, "1");
    if cli.database_url.is_some() {
        // Passed on in the environment, where other users of the machine cannot read it.
        run.env("DATABASE_URL_DIRECT", url.expose());
    }
    let output = run.output()?;
    out.write_all(&output.stdout)?;
    std::io::stderr().write_all(&output.stderr)?;
    Ok(output
        .status
        .code()
        .and_then(|c| u8::try_from(c).ok())
        .unwrap_or(crate::error::exit::FAILED))
}

/// A database whose tables exist with no migration recorded is adopted (`stamp head`) when
/// `--adopt` was given or the user agrees; otherwise `auto` stops and says what to do.
async fn adopt_if_needed(
    session: &Session,
    adopt: bool,
    out: &mut dyn Write,
) -> Result<(), ToolError> {
    let applied = migration::status(&session.db, &session.migrations)
        .await?
        .is_some_and(|status| !status.applied.is_empty());
    if applied {
        return Ok(());
    }
    let live = schema_model::live::read(&session.db).await?;
    let existing: Vec<String> = entity::registry::table_names()
        .into_iter()
        .filter(|t| live.tables.contains_key(t))
        .collect();
    if existing.is_empty() {
        return Ok(());
    }
    let question = format!(
        "The tables exist ({}) but no migration is recorded. Record them as migrated \
         (`stamp head`, no SQL is run)?",
        existing.join(", ")
    );
    let agreed = adopt || confirm::ask(&question)?.unwrap_or(false);
    if !agreed {
        return Err(ToolError::Refused(format!(
            "{question}\n  hint: nothing was changed; adopt them with `manage-db auto --adopt` \
             or `manage-db stamp head`, after `manage-db check` shows they match"
        )));
    }
    let stamp = MigrationRequest::Stamp {
        target: Target::Head,
    };
    migrate::run(session, &stamp, true, out).await.map(|_| ())
}

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
    pub allow_destructive: bool,
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
    let adopted = adopt_if_needed(&session, request.adopt, out).await;
    session.db.close().await.ok();
    adopted?;

    writeln!(out, "[2/4] generate")?;
    let generated = generate::generate(
        cli,
        url,
        &generate::Request {
            message: request.message,
            empty: false,
            renames: request.renames,
            allow_destructive: request.allow_destructive,
            against_live: false,
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
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let built = Command::new(&cargo)
        .args(["build", "-q", "-p", "manage-db"])
        .current_dir(&checkout)
        .status()?;
    if !built.success() {
        return Err(ToolError::Refused(
            "the rebuild failed; the new migration file is written and registered, nothing \
             was applied\n  hint: fix the build, then `cargo run -p manage-db -- upgrade`"
                .into(),
        ));
    }
    writeln!(out, "[4/4] upgrade (the rebuilt manage-db)")?;
    let mut upgrade = Command::new(&cargo);
    upgrade
        .args(["run", "-q", "-p", "manage-db", "--", "upgrade"])
        .current_dir(&checkout);
    if cli.database_url.is_some() {
        // Passed on in the environment, where other users of the machine cannot read it.
        upgrade.env("DATABASE_URL_DIRECT", url.expose());
    }
    let output = upgrade.output()?;
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

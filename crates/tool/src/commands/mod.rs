//! One module per subcommand. Each writes its report to `out` and returns the exit code.

pub mod auto;
pub mod check;
pub mod confirm;
pub mod diagram;
pub mod generate;
pub mod history;
pub mod interrupted;
pub mod lint;
pub mod migrate;
pub mod reset;

use crate::cli::{Cli, Command};
use crate::error::Failure;
use crate::session::Session;
use crate::ToolError;
use migration::{Request, Target};
use std::io::Write;

/// Connects and runs the chosen command. Errors come back typed, with the URL needed to
/// scrub them.
pub async fn run(cli: &Cli, out: &mut dyn Write) -> Result<u8, Failure> {
    let spec = match &cli.command {
        Command::Upgrade { revision, to, .. } => {
            Some(("upgrade", revision.as_ref().or(to.as_ref())))
        }
        Command::Downgrade { revision, to, .. } => {
            Some(("downgrade", revision.as_ref().or(to.as_ref())))
        }
        _ => None,
    };
    if let Some((command, Some(spec))) = spec {
        misdirected(command, spec).map_err(|error| Failure { error, url: None })?;
    }
    let url = Session::resolve_url(cli).map_err(|error| Failure { error, url: None })?;
    let scrubbed = |error| Failure {
        error,
        url: Some(url.clone()),
    };
    // These open their own sessions, when and if they need them.
    match &cli.command {
        Command::Heads => {
            return history::heads(out).map_err(|error| Failure { error, url: None });
        }
        Command::Diagram {
            format,
            live: false,
        } => {
            return diagram::of_entities(*format, out)
                .map_err(|error| Failure { error, url: None });
        }
        Command::Generate {
            message,
            empty,
            options,
        } => {
            let request = generate::Request::new(message, *empty, options);
            return generate::generate(cli, &url, &request, out)
                .await
                .map(|_| crate::error::exit::OK)
                .map_err(scrubbed);
        }
        // Alembic's habit: `revision --autogenerate` is `generate`, `revision` is
        // `generate --empty`.
        Command::Revision {
            message,
            autogenerate,
            options,
        } => {
            let request = generate::Request::new(message, !*autogenerate, options);
            return generate::generate(cli, &url, &request, out)
                .await
                .map(|_| crate::error::exit::OK)
                .map_err(scrubbed);
        }
        Command::Auto {
            message,
            renames,
            backfills,
            allow_destructive,
            allow_locking,
            adopt,
        } => {
            let request = auto::Request {
                message: message.as_deref(),
                renames,
                backfills,
                allow_destructive: *allow_destructive,
                allow_locking: allow_locking.as_deref(),
                adopt: *adopt,
            };
            return auto::run(cli, &url, &request, out).await.map_err(scrubbed);
        }
        // A file or named revisions need no database; a PostgreSQL one adds table sizes.
        Command::Lint { revisions, sql } if sql.is_some() || !revisions.is_empty() => {
            let session = match url.backend() {
                db_config::Backend::Postgres => Session::open(cli, url.clone()).await.ok(),
                _ => None,
            };
            let result = match sql {
                Some(path) => lint::file(path, session.as_ref(), out).await,
                None => match migration::migrations() {
                    Ok(m) => lint::migrations(revisions, &m, session.as_ref(), out).await,
                    Err(e) => Err(e.into()),
                },
            };
            if let Some(s) = session {
                s.db.close().await.ok();
            }
            return result.map_err(scrubbed);
        }
        _ => {}
    }
    let session = Session::open(cli, url.clone())
        .await
        .map_err(|error| Failure {
            error,
            url: Some(url.clone()),
        })?;
    let code = dispatch(&session, cli, out).await;
    session.db.close().await.ok();
    code.map_err(|error| Failure {
        error,
        url: Some(url),
    })
}

async fn dispatch(session: &Session, cli: &Cli, out: &mut dyn Write) -> Result<u8, ToolError> {
    match &cli.command {
        Command::Check { json } => check::run(session, *json, out).await,
        Command::Current => history::current(session, out).await,
        Command::History { range } => {
            history::history(session, range.as_deref(), cli.verbose > 0, out).await
        }
        Command::Show { revision } => history::show(session, revision, out).await,
        Command::Diagram { format, .. } => diagram::of_live(session, *format, out).await,
        Command::Upgrade {
            revision,
            to,
            sql,
            allow_out_of_order,
            allow_locking,
            lock_threshold_rows,
        } => {
            let spec = revision.as_deref().or(to.as_deref()).unwrap_or("head");
            let request = Request::Upgrade {
                target: parse_target(spec),
                allow_out_of_order: *allow_out_of_order,
            };
            if !*sql {
                let gate = lint::Gate {
                    threshold_rows: *lock_threshold_rows,
                    allow_locking: *allow_locking,
                };
                lint::gate(session, &request, &gate, out).await?;
            }
            sql_or_run(session, &request, *sql, true, out).await
        }
        Command::Downgrade {
            revision,
            steps,
            to,
            yes,
            sql,
        } => {
            let target = match (revision, steps, to) {
                (Some(spec), _, _) | (None, None, Some(spec)) => parse_target(spec),
                (None, Some(n), _) => Target::Relative(-i64::from(*n)),
                (None, None, None) => Target::Relative(-1),
            };
            let request = Request::Downgrade { target };
            sql_or_run(session, &request, *sql, *yes, out).await
        }
        Command::Stamp { revision, yes } => {
            let request = Request::Stamp {
                target: parse_target(revision),
            };
            migrate::run(session, &request, *yes, out).await
        }
        Command::Repair {
            finish,
            backfills,
            yes,
        } => {
            let backfills = generate::parse_backfills(backfills)?;
            interrupted::repair(session, *finish, backfills, *yes, out).await
        }
        Command::Reset { yes } => reset::run(session, *yes, out).await,
        Command::Rehash { revision } => history::rehash(session, revision, out).await,
        Command::Lint { revisions, .. } => {
            lint::migrations(revisions, &session.migrations, Some(session), out).await
        }
        Command::Generate { .. }
        | Command::Revision { .. }
        | Command::Auto { .. }
        | Command::Heads => {
            unreachable!("run() handles them before connecting")
        }
    }
}

async fn sql_or_run(
    session: &Session,
    request: &Request,
    sql: bool,
    yes: bool,
    out: &mut dyn Write,
) -> Result<u8, ToolError> {
    if sql {
        migrate::print_sql(session, request, out).await
    } else {
        migrate::run(session, request, yes, out).await
    }
}

/// A count given to the command that goes the other way (`upgrade -1`, `downgrade +1`), or
/// without its sign (`downgrade 1`): said with the command that does it, before anything runs.
fn misdirected(command: &str, spec: &str) -> Result<(), ToolError> {
    let spec = spec.trim();
    let count = |s: &str| s.parse::<u32>().ok();
    let hint = match (command, spec.chars().next()) {
        ("upgrade", Some('-')) if count(&spec[1..]).is_some() => {
            format!("`upgrade {spec}` would go back: use `manage-db downgrade {spec}`")
        }
        ("downgrade", Some('+')) if count(&spec[1..]).is_some() => {
            format!("`downgrade {spec}` would go forward: use `manage-db upgrade {spec}`")
        }
        (_, Some(c)) if c.is_ascii_digit() && count(spec).is_some() => {
            let sign = if command == "upgrade" { '+' } else { '-' };
            format!(
                "a count of steps takes a sign: `manage-db {command} {sign}{spec}` ({spec} is \
                 read as a revision name otherwise)"
            )
        }
        _ => return Ok(()),
    };
    Err(ToolError::Usage(hint))
}

fn parse_target(spec: &str) -> Target {
    match spec.parse() {
        Ok(target) => target,
        Err(never) => match never {},
    }
}

use clap::Parser;
use manage_db::cli::Cli;
use manage_db::error::exit;
use std::process::ExitCode;

fn init_logging(verbose: u8) {
    // A command prints its results; log lines (timestamped, for operators) start at -v.
    let default = match verbose {
        0 => "warn",
        1 => "info",
        2 => "debug",
        _ => "trace",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("RUST_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colour codes only for a person at a terminal, never in files or CI logs.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_target(false)
        .init();
}

fn main() -> ExitCode {
    // .env first, so that variables it sets also feed clap's `env` defaults.
    let dotenv = match db_config::load_dotenv() {
        Ok(path) => path,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(exit::FAILED);
        }
    };
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap echoes mistyped arguments, which may be a URL with its password.
            let text = db_config::redact_secrets(&e.render().to_string());
            let code = if e.use_stderr() { 2 } else { 0 };
            if e.use_stderr() {
                eprint!("{text}");
            } else {
                print!("{text}");
            }
            return ExitCode::from(code);
        }
    };
    init_logging(cli.verbose);
    if let Some(path) = dotenv {
        tracing::debug!(path = %path.display(), "loaded .env");
    }
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::from(exit::FAILED);
        }
    };
    let mut stdout = std::io::stdout();
    match runtime.block_on(manage_db::commands::run(&cli, &mut stdout)) {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            eprintln!("error: {failure}");
            let usage = matches!(failure.error, manage_db::ToolError::Usage(_));
            ExitCode::from(if usage { exit::USAGE } else { exit::FAILED })
        }
    }
}

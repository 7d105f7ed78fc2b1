use clap::Parser;
use manage_db::cli::Cli;
use manage_db::error::exit;
use std::process::ExitCode;

fn init_logging(verbose: u8) {
    let default = match verbose {
        0 => "warn,manage_db=info,migration=info,sea_orm_migration=info",
        1 => "debug",
        _ => "trace",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("RUST_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
}

fn main() -> ExitCode {
    // .env first, so that variables it sets also feed clap's `env` defaults.
    let dotenv = db_config::load_dotenv();
    let cli = Cli::parse();
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
            ExitCode::from(exit::FAILED)
        }
    }
}

//! Example application server: migrates the schema at startup, then serves HTTP.
//!
//! `cargo run --example server` (with no configuration: SQLite file ./counsel.db, port 8080).

mod app;

use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();

    let (db, report) = match counsel_db::connect_and_migrate().await {
        Ok(ready) => ready,
        Err(e) => {
            tracing::error!("cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    if report.applied.is_empty() {
        tracing::info!(revision = ?report.current, "schema already up to date");
    } else {
        tracing::info!(applied = ?report.applied, "schema migrated");
    }

    let addr = std::env::var("BIND_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".into());
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(l) => l,
        Err(e) => {
            tracing::error!("cannot listen on {addr}: {e} (set BIND_ADDR to another address)");
            return ExitCode::FAILURE;
        }
    };
    tracing::info!("listening on http://{addr}");
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("shutting down");
    };
    if let Err(e) = axum::serve(listener, app::router(db.clone())).with_graceful_shutdown(shutdown).await {
        tracing::error!("server error: {e}");
        return ExitCode::FAILURE;
    }
    db.close().await.ok();
    ExitCode::SUCCESS
}

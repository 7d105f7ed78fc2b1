//! Example application server: migrates the schema at startup, then serves HTTP.
//!
//! `cargo run --example server` works with no configuration (SQLite file `./counsel.db`,
//! `127.0.0.1:8080`). Settings, from the environment or `.env`:
//! - `DATABASE_URL` (and optionally `DATABASE_URL_DIRECT` for migrations), see `db_config`;
//! - `MIGRATION_LOCK_TIMEOUT_SECS` (default 60);
//! - `BIND_ADDR` (default `127.0.0.1:8080`);
//! - `RUST_LOG` (default `info`).
//!
//! ```text
//! curl localhost:8080/health
//! curl -XPOST localhost:8080/users -H 'content-type: application/json' \
//!      -d '{"email":"ada@example.org","full_name":"Ada Lovelace","role":"counselor"}'
//! curl -XPOST localhost:8080/documents -H 'content-type: application/json' \
//!      -d '{"title":"…","content":"…","chunks":[{"text":"…","model":"m","vector":[0.1,…]}]}'
//! curl 'localhost:8080/search?k=5&vector=0.1,0.2,…'
//! ```
//!
//! Vectors have the dimension of `embeddings.vector` (1536). On PostgreSQL the search runs on
//! pgvector's HNSW index; on SQLite it is an exact scan (see the `rag` crate).

mod app;

use counsel_db::db_config::{DbUrl, Purpose};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
        .init();

    let (db, report) = match counsel_db::connect_and_migrate().await {
        Ok(ready) => ready,
        Err(e) => {
            tracing::error!("cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    // connect_and_migrate has resolved this URL already, so it is valid; the masked Display
    // never shows the password.
    let url = DbUrl::from_env(Purpose::Application)
        .map(|u| u.to_string())
        .unwrap_or_default();
    if report.applied.is_empty() {
        tracing::info!(%url, revision = ?report.current, "schema already up to date");
    } else {
        for name in &report.applied {
            tracing::info!(%url, migration = %name, "applied migration");
        }
        tracing::info!(%url, revision = ?report.current, count = report.applied.len(), "schema migrated");
    }

    let addr = std::env::var("BIND_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".into());
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(l) => l,
        Err(e) => {
            tracing::error!("cannot listen on {addr}: {e} (set BIND_ADDR to another address)");
            db.close().await.ok();
            return ExitCode::FAILURE;
        }
    };
    tracing::info!("listening on http://{addr}");
    let shutdown = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            // Without a signal handler, the server runs until it is killed.
            tracing::warn!("cannot listen for Ctrl-C: {e}");
            std::future::pending::<()>().await;
        }
        tracing::info!("shutting down: finishing requests in flight");
    };
    let served = axum::serve(listener, app::router(db.clone()))
        .with_graceful_shutdown(shutdown)
        .await;
    db.close().await.ok();
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("server error: {e}");
            ExitCode::FAILURE
        }
    }
}

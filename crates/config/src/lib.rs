//! Where the database is, and how to talk about it safely.
//!
//! - [`DbUrl::resolve`] picks the URL: `DATABASE_URL_DIRECT` (migrations only), then
//!   `DATABASE_URL`, then a local SQLite file, so the tools work on a fresh machine.
//! - [`DbUrl`] never shows its password: `Display` and `Debug` are masked, and
//!   [`DbUrl::redact`] scrubs it from any text (driver errors can echo connection strings).
//! - [`connect`] opens a pool with bounded timeouts and turns driver failures into
//!   [`ConnectError`]s that say what to check.

mod connect;
mod url;

pub use crate::connect::{connect, connect_with, ConnectError, ConnectSettings};
pub use crate::url::{Backend, ConfigError, DbUrl, Purpose, UrlSource, DEFAULT_SQLITE_URL};

/// Loads `.env` from the working directory (or a parent) if there is one. Variables already in
/// the environment win, as with every dotenv tool. Returns the file used.
pub fn load_dotenv() -> Option<std::path::PathBuf> {
    dotenvy::dotenv().ok()
}

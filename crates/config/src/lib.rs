//! Where the database is, and how to talk about it safely.
//!
//! - [`DbUrl::resolve`] picks the URL: `DATABASE_URL_DIRECT` (migrations only), then
//!   `DATABASE_URL`, then a local SQLite file, so the tools work on a fresh machine.
//! - [`DbUrl`] never shows its password: `Display` and `Debug` are masked, and
//!   [`DbUrl::redact`] scrubs it from any text (driver errors can echo connection strings).
//! - [`connect`] opens a pool with bounded timeouts and turns driver failures into
//!   [`ConnectError`]s that say what to check.

mod connect;
mod dotenv;
mod pooler;
mod url;

pub use crate::connect::{connect, connect_with, ConnectError, ConnectSettings};
pub use crate::dotenv::{load_dotenv, DotenvError};
pub use crate::pooler::Statements;
pub use crate::url::{
    redact_secrets, Backend, ConfigError, DbUrl, Purpose, UrlSource, DEFAULT_SQLITE_URL,
};

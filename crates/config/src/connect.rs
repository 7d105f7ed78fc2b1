use crate::pooler::{Endpoint, StatementPolicy, Statements};
use crate::url::{Backend, DbUrl, UrlSource};
use sea_orm::sqlx::{
    self, mysql::MySqlConnectOptions, postgres::PgConnectOptions, sqlite::SqliteConnectOptions,
    ConnectOptions as _,
};
use sea_orm::{DatabaseConnection, SqlxMySqlConnector, SqlxPostgresConnector, SqlxSqliteConnector};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

/// How long a pooled connection may sit idle before it is tested (one round trip) on its next
/// use. Servers and poolers close idle clients after minutes, not seconds.
const STALE_AFTER: Duration = Duration::from_secs(10);

/// Pool settings; the defaults keep a dead host from hanging a deploy for sqlx's 30 s default.
#[derive(Debug, Clone)]
pub struct ConnectSettings {
    pub connect_timeout: Duration,
    /// The pool's ceiling. A command-line tool wants 1: sqlx returns a released connection to
    /// the pool in a spawned task, so with room to spare the next query opens another one.
    pub max_connections: u32,
    /// SQLite: how long a writer waits for another's lock. The migration lock on SQLite is
    /// SQLite's own write lock, so a migrator sets this to its lock timeout: one setting.
    pub sqlite_busy_timeout: Duration,
}

impl Default for ConnectSettings {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            max_connections: 10,
            sqlite_busy_timeout: Duration::from_secs(5),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("cannot reach the database at {url}: {detail}\n  hint: is the server running, and are host and port right? ({source_var} selects the database)")]
    Unreachable {
        url: String,
        detail: String,
        source_var: String,
    },
    #[error("the database at {url} refused the connection: {detail}\n  hint: check the user name, password and database name in {source_var}")]
    Rejected {
        url: String,
        detail: String,
        source_var: String,
    },
    #[error(
        "the database {database} does not exist on the server of {url} ({source_var})\n  \
         hint: create it first, e.g. `{create}`, or point {source_var} at one that exists"
    )]
    MissingDatabase {
        url: String,
        database: String,
        source_var: String,
        create: String,
    },
    #[error("cannot open the SQLite database {url}: {detail}\n  hint: does the directory exist and is it writable? add ?mode=rwc to create the file")]
    SqliteOpen { url: String, detail: String },
}

/// Connects with default settings.
pub async fn connect(url: &DbUrl) -> Result<DatabaseConnection, ConnectError> {
    connect_with(url, &ConnectSettings::default()).await
}

pub async fn connect_with(
    url: &DbUrl,
    settings: &ConnectSettings,
) -> Result<DatabaseConnection, ConnectError> {
    tracing::debug!(url = %url, "connecting");
    open_pool(url, settings)
        .await
        .map_err(|e| classify(url, settings, &e))
}

/// The sqlx pool, built here rather than by `sea_orm::Database::connect`: that one records its
/// options, URL and password included, in a tracing span that any subscriber at debug level
/// prints.
async fn open_pool(
    url: &DbUrl,
    settings: &ConnectSettings,
) -> Result<DatabaseConnection, sqlx::Error> {
    fn pool<DB: sqlx::Database>(settings: &ConnectSettings) -> sqlx::pool::PoolOptions<DB> {
        sqlx::pool::PoolOptions::new()
            .max_connections(settings.max_connections)
            .acquire_timeout(settings.connect_timeout)
            // sqlx pings before every acquire by default: a round trip per query. Only a
            // connection idle for a while may have been closed by the server or a pooler.
            .test_before_acquire(false)
            .before_acquire(|conn, meta| {
                Box::pin(async move {
                    if meta.idle_for < STALE_AFTER {
                        return Ok(true);
                    }
                    Ok(<DB::Connection as sqlx::Connection>::ping(conn)
                        .await
                        .is_ok())
                })
            })
    }
    // Statements are not logged: operators want our messages, not SQL.
    Ok(match url.backend() {
        Backend::Postgres => {
            let (options, policy) = postgres_options(url).await?;
            let policy = Arc::new(policy);
            let pool = pool(settings).after_connect(move |conn, _| {
                let policy = Arc::clone(&policy);
                Box::pin(async move {
                    policy.apply(conn).await;
                    Ok(())
                })
            });
            SqlxPostgresConnector::from_sqlx_postgres_pool(pool.connect_with(options).await?)
        }
        Backend::MySql => {
            let options = MySqlConnectOptions::from_str(url.expose())?.disable_statement_logging();
            SqlxMySqlConnector::from_sqlx_mysql_pool(pool(settings).connect_with(options).await?)
        }
        Backend::Sqlite => {
            // Foreign keys: the schema's cascades and RESTRICT rules depend on them (sqlx's
            // default today, stated so no upgrade can switch it off silently). Busy timeout: a
            // second writer waits for the lock instead of failing at once.
            let options = SqliteConnectOptions::from_str(url.expose())?
                .foreign_keys(true)
                .busy_timeout(settings.sqlite_busy_timeout)
                .disable_statement_logging();
            SqlxSqliteConnector::from_sqlx_sqlite_pool(pool(settings).connect_with(options).await?)
        }
    })
}

/// The driver's options, and how the pool's connections send statements (see `pooler`).
/// `?pgbouncer=true` is ours, not libpq's: it is taken out before the driver sees the URL.
async fn postgres_options(url: &DbUrl) -> Result<(PgConnectOptions, StatementPolicy), sqlx::Error> {
    let mut parsed =
        url::Url::parse(url.expose()).map_err(|e| sqlx::Error::Configuration(e.into()))?;
    let mut declared_pooler = false;
    let kept: Vec<(String, String)> = parsed
        .query_pairs()
        .filter(|(key, value)| {
            let ours = key == "pgbouncer";
            declared_pooler |= ours && matches!(value.as_ref(), "true" | "1" | "on");
            !ours
        })
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        parsed.set_query(None);
    } else {
        parsed.query_pairs_mut().clear().extend_pairs(kept);
    }
    let options = PgConnectOptions::from_str(parsed.as_str())?.disable_statement_logging();
    let policy = if declared_pooler {
        StatementPolicy::Declared(Statements::Unnamed)
    } else if url.source() == UrlSource::DatabaseUrlDirect {
        StatementPolicy::Declared(Statements::Named)
    } else {
        StatementPolicy::Detect(endpoint(&options).await)
    };
    Ok((options, policy))
}

/// Where `options` lead: a Unix socket, or the addresses the host name resolves to.
async fn endpoint(options: &PgConnectOptions) -> Endpoint {
    let port = options.get_port();
    let host = options.get_host();
    if options.get_socket().is_some() || host.starts_with('/') {
        return Endpoint::Unix { port };
    }
    let addresses = match tokio::net::lookup_host((host, port)).await {
        Ok(found) => found.map(|a| a.ip()).collect(),
        // The connection itself will report the name; with no address, nothing is direct.
        Err(_) => Vec::new(),
    };
    Endpoint::Tcp { port, addresses }
}

/// The server answered that the URL's database is not there (PostgreSQL's `database "x" does
/// not exist`, MySQL's `Unknown database 'x'`): said as such, with the command that creates it.
fn missing_database(url: &DbUrl, lower_detail: &str) -> Option<ConnectError> {
    let parsed = url::Url::parse(url.expose()).ok()?;
    let database = parsed.path().trim_start_matches('/').to_owned();
    if database.is_empty() {
        return None;
    }
    let name = database.to_lowercase();
    let (host, port) = url.server_address()?;
    let user = parsed.username();
    let create = match url.backend() {
        Backend::Postgres
            if lower_detail.contains(&format!("database \"{name}\" does not exist")) =>
        {
            format!("createdb -h {host} -p {port} -U {user} {database}")
        }
        Backend::MySql if lower_detail.contains(&format!("unknown database '{name}'")) => {
            format!("mysql -h {host} -P {port} -u {user} -p -e 'CREATE DATABASE `{database}`'")
        }
        _ => return None,
    };
    Some(ConnectError::MissingDatabase {
        url: url.masked().to_owned(),
        database,
        source_var: url.source().to_string(),
        create,
    })
}

fn classify(url: &DbUrl, settings: &ConnectSettings, err: &sqlx::Error) -> ConnectError {
    let detail = match err {
        // Nothing answered within the timeout (a refused connection is reported at once).
        sqlx::Error::PoolTimedOut => format!(
            "no answer within {}s{}",
            settings.connect_timeout.as_secs(),
            url.server_address()
                .map(|(host, port)| format!(" from {host}:{port}"))
                .unwrap_or_default()
        ),
        other => url.redact(&other.to_string()),
    };
    let masked = url.masked().to_owned();
    let source_var = url.source().to_string();
    let lower = detail.to_lowercase();
    if url.backend() == Backend::Sqlite {
        return ConnectError::SqliteOpen {
            url: masked,
            detail,
        };
    }
    if let Some(missing) = missing_database(url, &lower) {
        return missing;
    }
    let rejected = [
        "password",
        "authentication",
        "does not exist",
        "access denied",
        "role",
        "unknown database",
    ];
    if rejected.iter().any(|w| lower.contains(w)) {
        ConnectError::Rejected {
            url: masked,
            detail,
            source_var,
        }
    } else {
        ConnectError::Unreachable {
            url: masked,
            detail,
            source_var,
        }
    }
}

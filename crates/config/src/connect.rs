use crate::pooler::{probe, Pooling};
use crate::url::{Backend, DbUrl, Purpose};
use sea_orm::sqlx::{
    self, mysql::MySqlConnectOptions, postgres::PgConnectOptions, sqlite::SqliteConnectOptions,
    ConnectOptions as _,
};
use sea_orm::{DatabaseConnection, SqlxMySqlConnector, SqlxPostgresConnector, SqlxSqliteConnector};
use std::str::FromStr;
use std::time::Duration;

/// Pool settings; the defaults keep a dead host from hanging a deploy for sqlx's 30 s default.
#[derive(Debug, Clone)]
pub struct ConnectSettings {
    pub connect_timeout: Duration,
    pub max_connections: u32,
    /// What the connection is for: it decides the advice if the pooler check fails.
    pub purpose: Purpose,
    /// PostgreSQL: refuse a transaction pooler that mixes up prepared statements (two extra
    /// short connections at connect time).
    pub check_pooler: bool,
    /// SQLite: how long a writer waits for another's lock. The migration lock on SQLite is
    /// SQLite's own write lock, so a migrator sets this to its lock timeout: one setting.
    pub sqlite_busy_timeout: Duration,
}

impl Default for ConnectSettings {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            max_connections: 10,
            purpose: Purpose::Application,
            check_pooler: true,
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
    #[error(
        "{url} ({source_var}) leads to a transaction-mode pooler that does not keep prepared \
         statements apart: statements would run for the wrong client, so nothing was run\n  \
         hint: {fix}"
    )]
    PoolerWithoutPreparedStatements {
        url: String,
        source_var: String,
        fix: &'static str,
    },
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
    probe_server(url, settings.connect_timeout).await?;
    let db = open_pool(url, settings)
        .await
        .map_err(|e| classify(url, &e.to_string()))?;
    if settings.check_pooler && url.backend() == Backend::Postgres {
        check_pooler(&db, url, settings.purpose).await?;
    }
    Ok(db)
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
    }
    // Statements are not logged: operators want our messages, not SQL.
    Ok(match url.backend() {
        Backend::Postgres => {
            let options = PgConnectOptions::from_str(url.expose())?.disable_statement_logging();
            SqlxPostgresConnector::from_sqlx_postgres_pool(
                pool(settings).connect_with(options).await?,
            )
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

async fn check_pooler(
    db: &DatabaseConnection,
    url: &DbUrl,
    purpose: Purpose,
) -> Result<(), ConnectError> {
    match probe(db).await {
        Ok(Pooling::TransactionWithoutStatements) => {
            db.clone().close().await.ok();
            Err(ConnectError::PoolerWithoutPreparedStatements {
                url: url.masked().to_owned(),
                source_var: url.source().to_string(),
                fix: match purpose {
                    Purpose::Migrations => {
                        "migrations need one session: set DATABASE_URL_DIRECT to the database's \
                         direct address (e.g. port 5432, not the pooler's 6543/6432)"
                    }
                    Purpose::Application => {
                        "use the pooler's session mode, a direct URL, or a pooler that tracks \
                         prepared statements (PgBouncer >= 1.21 with max_prepared_statements > 0, \
                         as managed poolers offer)"
                    }
                },
            })
        }
        Ok(pooling) => {
            tracing::debug!(?pooling, "pooler check");
            Ok(())
        }
        // The probe is advice, not a gate: a database that answers the pool but not the probe
        // shows its real problem on the first query.
        Err(e) => {
            tracing::debug!(error = %url.redact(&e.to_string()), "pooler check could not run");
            Ok(())
        }
    }
}

/// The pool retries a refused connection until its timeout and then only says "pool timed
/// out"; one plain TCP connect first gives the real reason at once.
async fn probe_server(url: &DbUrl, timeout: Duration) -> Result<(), ConnectError> {
    let Some((host, port)) = url.server_address() else {
        return Ok(());
    };
    let unreachable = |detail: String| ConnectError::Unreachable {
        url: url.masked().to_owned(),
        detail,
        source_var: url.source().to_string(),
    };
    match tokio::time::timeout(
        timeout,
        tokio::net::TcpStream::connect((host.as_str(), port)),
    )
    .await
    {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(e)) => Err(unreachable(format!("{host}:{port}: {e}"))),
        Err(_) => Err(unreachable(format!(
            "{host}:{port}: no answer within {}s",
            timeout.as_secs()
        ))),
    }
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

fn classify(url: &DbUrl, err: &str) -> ConnectError {
    let detail = url.redact(err);
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

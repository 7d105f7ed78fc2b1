//! Prepared statements behind a transaction pooler.
//!
//! sqlx names its statements (`sqlx_s_N`) and leaves them on the server session. A
//! transaction-mode pooler that does not track them (PgBouncer < 1.21, or
//! `max_prepared_statements = 0`) hands that session to another client after each transaction,
//! so one client's statement runs with another's parameters. Watching whether two connections
//! share a session cannot tell for sure: the pooler may hand the same session back by chance.
//!
//! What can be told for sure, in one round trip on the connection itself, is whether anything
//! sits between this process and PostgreSQL: the server names its own end of the connection
//! (`inet_server_addr()`, `inet_server_port()`), and only a direct connection ends at the
//! address the URL names. Anything else (a pooler of any kind or mode, a port forward) gets
//! unnamed statements, parsed again with every execution, which are right behind any pooler.

use sea_orm::sqlx::{self, postgres::PgConnection, Row};
use std::net::IpAddr;

/// How a new PostgreSQL connection sends its statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Statements {
    /// Named and kept on the server: one parse per statement per connection.
    Named,
    /// Unnamed, parsed with every execution: safe behind any transaction pooler.
    Unnamed,
}

/// What decides [`Statements`] for the connections of one pool.
#[derive(Debug, Clone)]
pub(crate) enum StatementPolicy {
    /// The URL says what it is: `DATABASE_URL_DIRECT` (direct) or `?pgbouncer=true` (pooler).
    Declared(Statements),
    /// Ask each new connection where the server's end of it is.
    Detect(Endpoint),
}

/// Where the URL says the server is.
#[derive(Debug, Clone)]
pub(crate) enum Endpoint {
    Tcp { port: u16, addresses: Vec<IpAddr> },
    Unix { port: u16 },
}

impl StatementPolicy {
    /// Sets up a freshly opened connection; the pool calls this once per connection.
    pub(crate) async fn apply(&self, conn: &mut PgConnection) {
        let statements = match self {
            StatementPolicy::Declared(statements) => *statements,
            StatementPolicy::Detect(endpoint) => match is_direct(conn, endpoint).await {
                Ok(true) => Statements::Named,
                Ok(false) => Statements::Unnamed,
                // Not knowing is treated as not direct: unnamed statements are always right.
                Err(e) => {
                    tracing::debug!(error = %e, "could not tell whether a pooler is in between");
                    Statements::Unnamed
                }
            },
        };
        tracing::debug!(?statements, "new PostgreSQL connection");
        conn.use_unnamed_statements(statements == Statements::Unnamed);
    }
}

/// Whether the server's end of `conn` is the address the URL names. One simple-protocol
/// query, so that nothing named is prepared before the decision.
async fn is_direct(conn: &mut PgConnection, endpoint: &Endpoint) -> Result<bool, sqlx::Error> {
    let row = sqlx::raw_sql(
        "SELECT host(inet_server_addr()) AS addr, inet_server_port()::text AS port, \
         current_setting('port') AS setting_port",
    )
    .fetch_one(&mut *conn)
    .await?;
    let addr: Option<String> = row.try_get("addr")?;
    let port: Option<String> = row.try_get("port")?;
    let setting_port: String = row.try_get("setting_port")?;
    Ok(matches_endpoint(
        endpoint,
        addr.as_deref(),
        port.as_deref(),
        &setting_port,
    ))
}

/// The decision itself, apart from the query: see [`is_direct`].
fn matches_endpoint(
    endpoint: &Endpoint,
    server_addr: Option<&str>,
    server_port: Option<&str>,
    setting_port: &str,
) -> bool {
    match endpoint {
        Endpoint::Tcp { port, addresses } => {
            let addr = server_addr.and_then(|a| a.parse::<IpAddr>().ok());
            let same_port = server_port.and_then(|p| p.parse::<u16>().ok()) == Some(*port);
            same_port && addr.is_some_and(|a| addresses.iter().any(|b| same_ip(a, *b)))
        }
        // A Unix socket has no address; its name carries the port the server listens on.
        Endpoint::Unix { port } => {
            server_addr.is_none() && setting_port.parse::<u16>().ok() == Some(*port)
        }
    }
}

fn same_ip(a: IpAddr, b: IpAddr) -> bool {
    a.to_canonical() == b.to_canonical()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tcp(port: u16, addresses: &[&str]) -> Endpoint {
        Endpoint::Tcp {
            port,
            addresses: addresses.iter().map(|a| a.parse().unwrap()).collect(),
        }
    }

    #[test]
    fn only_the_named_address_and_port_count_as_direct() {
        let local = tcp(5432, &["127.0.0.1", "::1"]);
        assert!(matches_endpoint(
            &local,
            Some("127.0.0.1"),
            Some("5432"),
            "5432"
        ));
        assert!(matches_endpoint(
            &local,
            Some("::ffff:127.0.0.1"),
            Some("5432"),
            "5432"
        ));
        // PgBouncer on the same host: the server's end is its own port, not the pooler's.
        let pooler = tcp(6432, &["127.0.0.1"]);
        assert!(!matches_endpoint(
            &pooler,
            Some("127.0.0.1"),
            Some("5432"),
            "5432"
        ));
        // A pooler on another host at the same port: the server's address differs.
        let remote = tcp(5432, &["10.0.0.5"]);
        assert!(!matches_endpoint(
            &remote,
            Some("10.0.0.9"),
            Some("5432"),
            "5432"
        ));
        // The pooler reaches the server over a Unix socket: no server address at all.
        assert!(!matches_endpoint(&pooler, None, None, "5432"));
    }

    #[test]
    fn a_unix_socket_is_direct_when_its_port_is_the_servers() {
        assert!(matches_endpoint(
            &Endpoint::Unix { port: 5432 },
            None,
            None,
            "5432"
        ));
        assert!(!matches_endpoint(
            &Endpoint::Unix { port: 6432 },
            None,
            None,
            "5432"
        ));
        assert!(!matches_endpoint(
            &Endpoint::Unix { port: 5432 },
            Some("127.0.0.1"),
            Some("5432"),
            "5432"
        ));
    }
}

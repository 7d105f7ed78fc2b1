//! Network fixtures for tests about connections: a TCP relay that counts the connections made
//! through it, and other clients keeping a pooler busy.

use sea_orm::sqlx::{self, postgres::PgConnection, Connection};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::net::{TcpListener, TcpStream};

/// Relays every connection made to its port to `target`, counting them. Stops with the test's
/// runtime.
pub struct CountingRelay {
    pub port: u16,
    accepted: Arc<AtomicUsize>,
}

impl CountingRelay {
    pub async fn start(target: (String, u16)) -> CountingRelay {
        let listener = TcpListener::bind(("127.0.0.1", 0))
            .await
            .expect("bind a relay");
        let port = listener.local_addr().expect("relay address").port();
        let accepted = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&accepted);
        tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                counter.fetch_add(1, Ordering::SeqCst);
                let target = target.clone();
                tokio::spawn(async move {
                    if let Ok(mut server) = TcpStream::connect((target.0.as_str(), target.1)).await
                    {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
            }
        });
        CountingRelay { port, accepted }
    }

    /// Connections accepted so far; resets the count.
    pub fn take(&self) -> usize {
        self.accepted.swap(0, Ordering::SeqCst)
    }
}

/// Clients that keep a pooler busy the way other applications do: each on its own connection,
/// with sqlx's named prepared statements, many short transactions. Their own errors are
/// expected behind a pooler that mixes statements up, and are only counted.
pub struct OtherClients {
    stop: Arc<AtomicBool>,
    tasks: Vec<tokio::task::JoinHandle<(usize, usize)>>,
}

impl OtherClients {
    pub fn start(url: &str, clients: usize) -> OtherClients {
        let stop = Arc::new(AtomicBool::new(false));
        let tasks = (0..clients)
            .map(|client| {
                let url = url.to_owned();
                let stop = Arc::clone(&stop);
                tokio::spawn(async move { busy_client(&url, client, &stop).await })
            })
            .collect();
        OtherClients { stop, tasks }
    }

    /// Stops them; returns how many of their queries succeeded and how many failed.
    pub async fn stop(self) -> (usize, usize) {
        self.stop.store(true, Ordering::SeqCst);
        let mut totals = (0, 0);
        for task in self.tasks {
            if let Ok((ok, failed)) = task.await {
                totals.0 += ok;
                totals.1 += failed;
            }
        }
        totals
    }
}

async fn busy_client(url: &str, client: usize, stop: &AtomicBool) -> (usize, usize) {
    let (mut ok, mut failed) = (0, 0);
    while !stop.load(Ordering::SeqCst) {
        let Ok(mut conn) = PgConnection::connect(url).await else {
            failed += 1;
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            continue;
        };
        for round in 0..50 {
            if stop.load(Ordering::SeqCst) {
                break;
            }
            // Statements of several shapes, so that a mixed-up one fails loudly.
            let result = match round % 3 {
                0 => sqlx::query_scalar::<_, i64>("SELECT $1::bigint + 1")
                    .bind(client as i64)
                    .fetch_one(&mut conn)
                    .await
                    .map(|_| ()),
                1 => sqlx::query("SELECT $1::text, $2::int, $3::int")
                    .bind("other")
                    .bind(1)
                    .bind(2)
                    .fetch_all(&mut conn)
                    .await
                    .map(|_| ()),
                _ => sqlx::query("SELECT pg_backend_pid()")
                    .fetch_one(&mut conn)
                    .await
                    .map(|_| ()),
            };
            match result {
                Ok(()) => ok += 1,
                Err(_) => failed += 1,
            }
        }
        let _ = conn.close().await;
    }
    (ok, failed)
}

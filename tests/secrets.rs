//! No log level prints a password: the library's whole boot path (connect, pooler check, lock,
//! migrate, health) at trace level, on every backend, with a password in the URL.

use std::io::Write;
use std::sync::{Arc, Mutex};

const SECRET: &str = "NeverShowMe42";

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The test database's URL with a password that works on it.
async fn url_with_password(t: &testkit::TestDb) -> Option<String> {
    let mut url = url::Url::parse(&t.url).ok()?;
    match t.name {
        // Trust authentication accepts any password.
        "postgres" => {}
        "mysql" => {
            let database = url.path().trim_start_matches('/').to_owned();
            let user = format!("pw_{}", &database[database.len() - 8..]);
            t.exec(&format!(
                "CREATE USER '{user}'@'%' IDENTIFIED BY '{SECRET}'"
            ))
            .await;
            t.exec(&format!("GRANT ALL ON `{database}`.* TO '{user}'@'%'"))
                .await;
            url.set_username(&user).ok()?;
        }
        _ => return None,
    }
    url.set_password(Some(SECRET)).ok()?;
    Some(url.to_string())
}

#[tokio::test(flavor = "current_thread")]
async fn trace_logs_of_a_whole_boot_never_contain_the_password() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let mut exercised = Vec::new();
    for t in testkit::databases().await {
        let Some(raw) = url_with_password(&t).await else {
            // SQLite has no password; its boot still runs here, so that the log is known to be
            // on even when no server is configured.
            migration::migrate_on_boot(&t.db, &Default::default())
                .await
                .unwrap();
            t.finish().await;
            continue;
        };
        let url = db_config::DbUrl::parse(&raw).unwrap();
        let db = db_config::connect(&url)
            .await
            .expect("connect with a password");
        migration::migrate_on_boot(&db, &Default::default())
            .await
            .unwrap();
        migration::migrate_on_boot(&db, &Default::default())
            .await
            .unwrap();
        // A failing connection too: its error text goes through the same redaction.
        let mut wrong = url::Url::parse(&raw).unwrap();
        wrong.set_path("/no_such_database_here");
        let err = db_config::connect(&db_config::DbUrl::parse(wrong.as_str()).unwrap())
            .await
            .expect_err("no such database");
        assert!(!err.to_string().contains(SECRET), "{err}");
        db.close().await.ok();
        if t.name == "mysql" {
            let user = url
                .expose()
                .split("//")
                .nth(1)
                .and_then(|r| r.split(':').next())
                .unwrap_or_default()
                .to_owned();
            t.exec(&format!("DROP USER IF EXISTS '{user}'@'%'")).await;
        }
        exercised.push(t.name);
        t.finish().await;
    }
    let logs = String::from_utf8_lossy(&captured.0.lock().unwrap()).into_owned();
    // The subscriber takes every level: any line shows it was capturing (SQLite's boot logs
    // no DEBUG line; a server's connection does).
    assert!(
        ["TRACE", "DEBUG", "INFO"]
            .iter()
            .any(|level| logs.contains(level)),
        "the log was captured: {logs}"
    );
    assert!(
        !logs.contains(SECRET),
        "a password reached the log:\n{logs}"
    );
    if exercised.is_empty() {
        testkit::notice(
            "password-in-logs check SKIPPED: no server with passwords is configured \
             (set DATABASE_URL=postgres://… or TEST_MYSQL_URL=mysql://…)",
        );
    } else {
        testkit::notice(&format!(
            "password-in-logs check ran on: {}",
            exercised.join(", ")
        ));
    }
}

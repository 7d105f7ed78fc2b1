//! A throw-away database on the same backend as the session's ("shadow database", as Atlas and
//! Prisma call it): a SQLite file in the temporary directory, or a database the tool creates on
//! the same PostgreSQL or MySQL server and drops afterwards. Never the configured database.

use crate::session::Session;
use crate::ToolError;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend};
use std::path::PathBuf;

pub struct ScratchDb {
    pub db: DatabaseConnection,
    cleanup: Cleanup,
}

enum Cleanup {
    File(PathBuf),
    Server { name: String },
}

impl ScratchDb {
    pub async fn create(session: &Session) -> Result<ScratchDb, ToolError> {
        // Named after this process, and claimed by it while it runs (see
        // `schema_model::scratch`): one left by a killed run is dropped by the next.
        let name = schema_model::scratch::new_name();
        match session.db.get_database_backend() {
            DbBackend::Sqlite => {
                let path = std::env::temp_dir().join(format!("{name}.db"));
                let db = Database::connect(format!("sqlite://{}?mode=rwc", path.display())).await?;
                Ok(ScratchDb {
                    db,
                    cleanup: Cleanup::File(path),
                })
            }
            DbBackend::Postgres | DbBackend::MySql => {
                for gone in schema_model::scratch::drop_abandoned(&session.db).await? {
                    tracing::warn!(
                        "dropped the scratch database {gone}: a killed run abandoned it"
                    );
                }
                schema_model::scratch::claim(&session.db, &name).await?;
                session
                    .db
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await
                    .map_err(|e| {
                        ToolError::Refused(format!(
                            "cannot create the scratch database {name} on the server ({e})\n  \
                             hint: generate replays the migrations on a database of its own, \
                             which needs the CREATE DATABASE privilege (PostgreSQL: CREATEDB)"
                        ))
                    })?;
                let mut url = url::Url::parse(session.url.expose())
                    .map_err(|e| ToolError::Refused(format!("the database URL: {e}")))?;
                url.set_path(&format!("/{name}"));
                // Through the same connection set-up as the session (pooler detection, no
                // password in any log): a second connection, to a second database.
                // MySQL's migration lock holds a session while the migrations run on another,
                // as PostgreSQL's does while an online migration runs.
                let settings = db_config::ConnectSettings {
                    max_connections: 2,
                    ..Default::default()
                };
                let connected = match db_config::DbUrl::parse(url.as_str()) {
                    Ok(scratch_url) => db_config::connect_with(&scratch_url, &settings)
                        .await
                        .map_err(ToolError::from),
                    Err(e) => Err(ToolError::from(e)),
                };
                let db = match connected {
                    Ok(db) => db,
                    Err(e) => {
                        drop_server_database(session, &name).await;
                        return Err(e);
                    }
                };
                Ok(ScratchDb {
                    db,
                    cleanup: Cleanup::Server { name },
                })
            }
            other => Err(ToolError::Refused(format!(
                "generate does not support {other:?}"
            ))),
        }
    }

    /// Closes and removes the scratch database.
    pub async fn remove(self, session: &Session) {
        self.db.close().await.ok();
        match self.cleanup {
            Cleanup::File(path) => {
                let _ = std::fs::remove_file(path);
            }
            Cleanup::Server { name } => {
                drop_server_database(session, &name).await;
                schema_model::scratch::release(&session.db, &name).await;
            }
        }
    }
}

async fn drop_server_database(session: &Session, name: &str) {
    let sql = match session.db.get_database_backend() {
        DbBackend::Postgres => format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        _ => format!("DROP DATABASE IF EXISTS {name}"),
    };
    if let Err(e) = session.db.execute_unprepared(&sql).await {
        tracing::warn!(database = name, "could not drop the scratch database: {e}");
    }
}

//! The history replayed where nothing is at stake: schemas read back without the bookkeeping
//! tables, and the schema each migration leaves on an in-memory SQLite database (which keeps
//! every type as declared), for `generate`, `show` and `history -v`.

use crate::ToolError;
use migration::{Request, Runner, Target};
use schema_model::Schema;
use sea_orm::{Database, DatabaseConnection};

/// The schema of `db`, without the migrator's own tables.
pub async fn read_schema(db: &DatabaseConnection) -> Result<Schema, ToolError> {
    let mut schema = schema_model::live::read(db).await?;
    for table in migration::BOOKKEEPING_TABLES {
        schema.tables.remove(table);
    }
    Ok(schema)
}

/// The schema the first `count` migrations of this build make (all of them: `None`), on an
/// in-memory SQLite database.
pub async fn history_on_sqlite(count: Option<usize>) -> Result<Schema, ToolError> {
    Ok(schemas_on_sqlite(count.unwrap_or(usize::MAX))
        .await?
        .pop()
        .unwrap_or_default())
}

/// The schema before any migration, then after each of the first `count`, in order (on an
/// in-memory SQLite database, one migration at a time).
pub async fn schemas_on_sqlite(count: usize) -> Result<Vec<Schema>, ToolError> {
    let db = Database::connect("sqlite::memory:").await?;
    let all = migration::migrations()?;
    let mut schemas = vec![Schema::default()];
    for position in 0..count.min(all.len()) {
        let request = Request::Upgrade {
            target: Target::Revision(all.name(position).to_owned()),
            allow_out_of_order: false,
        };
        Runner::new(&all, &db, Default::default())
            .run(&request, None)
            .await?;
        schemas.push(read_schema(&db).await?);
    }
    db.close().await.ok();
    Ok(schemas)
}

/// Replayed schemas kept between runs of `generate`, under the checkout's `target/`: the
/// history is replayed once per change to it, not at every run (the replay grows with the
/// history; reading the cache does not). A key covers what the schema depends on: the server
/// kind, the build's migration list and the text of every migration file in the checkout.
pub struct HistoryCache {
    path: std::path::PathBuf,
}

impl HistoryCache {
    pub fn new(checkout: &std::path::Path, kind: &str, migrations: &[&str]) -> Self {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        kind.hash(&mut hasher);
        migrations.hash(&mut hasher);
        let dir = checkout.join(crate::commands::generate::MIGRATIONS_DIR);
        let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
            .map(|entries| entries.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        for file in files {
            file.file_name().hash(&mut hasher);
            std::fs::read(&file).unwrap_or_default().hash(&mut hasher);
        }
        HistoryCache {
            path: checkout
                .join("target/manage-db-cache")
                .join(format!("{kind}-{:016x}.json", hasher.finish())),
        }
    }

    /// The schema kept under this key, if any (an unreadable entry is a miss).
    pub fn load(&self) -> Option<Schema> {
        let text = std::fs::read(&self.path).ok()?;
        serde_json::from_slice(&text).ok()
    }

    /// Keeps `schema`; a cache that cannot be written is only slower next time.
    pub fn store(&self, schema: &Schema) {
        let written = self
            .path
            .parent()
            .map(std::fs::create_dir_all)
            .transpose()
            .ok()
            .and_then(|_| serde_json::to_vec(schema).ok())
            .map(|json| std::fs::write(&self.path, json));
        if !matches!(written, Some(Ok(()))) {
            tracing::debug!(path = %self.path.display(), "could not keep the replayed schema");
        }
    }
}

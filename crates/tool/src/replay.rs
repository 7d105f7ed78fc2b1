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

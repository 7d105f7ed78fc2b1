//! pgvector on PostgreSQL: the extension (used wherever it is installed, created if missing,
//! refused with the fix if the server lacks it), a byte column turned into `vector(N)` with
//! its values, and an index with an access method and operator class. Other backends store
//! vectors as little-endian `f32` bytes and need none of it.

use super::*;

/// Where pgvector's objects live, for naming them: `"extensions".` on Supabase, `"public".`
/// where it was created in `public`; empty where nothing can be known (`--sql`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VectorSchema(String);

impl VectorSchema {
    /// `name` qualified by pgvector's schema: `"extensions".vector`.
    pub fn qualify(&self, name: &str) -> String {
        format!("{}{name}", self.0)
    }
}

/// The error when the server has no pgvector: what to install, and where Supabase's switch is.
pub fn pgvector_missing() -> DbErr {
    DbErr::Migration(
        "this PostgreSQL server does not have the pgvector extension (`vector`), which \
         embeddings.vector needs; nothing was changed\n  hint: install it on the server \
         (Debian/Ubuntu: `apt install postgresql-<major>-pgvector`; other systems: \
         https://github.com/pgvector/pgvector#installation), or on Supabase switch on `vector` \
         under Database → Extensions; then upgrade again"
            .to_owned(),
    )
}

/// Makes sure pgvector is there and says where: an installed extension is used wherever it
/// lives (never created again); a missing one is created, in the schema `extensions` if the
/// database has one (Supabase's convention), else in the current schema; a server without it
/// stops the migration with [`pgvector_missing`] before any change. Elsewhere it does nothing
/// (vectors are bytes there).
pub async fn require_pgvector(manager: &SchemaManager<'_>) -> Result<VectorSchema, DbErr> {
    if !is_postgres(manager) {
        return Ok(VectorSchema(String::new()));
    }
    let db = manager.get_connection();
    let row = db
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT (SELECT n.nspname::text FROM pg_catalog.pg_extension e \
                     JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace \
                     WHERE e.extname = 'vector') AS installed_in, \
                    EXISTS (SELECT 1 FROM pg_catalog.pg_available_extensions \
                            WHERE name = 'vector') AS available, \
                    to_regnamespace('extensions') IS NOT NULL AS has_extensions_schema, \
                    current_schema()::text AS current",
        ))
        .await?;
    let Some(row) = row else {
        // Recorded (`--sql`, checksums): what a server without the extension runs.
        db.execute_unprepared("CREATE EXTENSION IF NOT EXISTS vector")
            .await?;
        return Ok(VectorSchema(String::new()));
    };
    let installed_in: Option<String> = row.try_get("", "installed_in")?;
    if let Some(schema) = installed_in {
        see_types_in(manager, &schema).await?;
        return Ok(VectorSchema(format!(
            "{}.",
            quote(DbBackend::Postgres, &schema)
        )));
    }
    if !row.try_get::<bool>("", "available")? {
        return Err(pgvector_missing());
    }
    let schema: String = if row.try_get::<bool>("", "has_extensions_schema")? {
        "extensions".into()
    } else {
        row.try_get("", "current")?
    };
    let name = schema;
    let schema = quote(DbBackend::Postgres, &name);
    db.execute_unprepared(&format!(
        "CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA {schema}"
    ))
    .await
    .map_err(|e| {
        DbErr::Migration(format!(
            "cannot create the pgvector extension: {e}\n  hint: creating an extension takes \
             a superuser or the database owner; ask for `CREATE EXTENSION vector` to be run, \
             or on Supabase switch on `vector` under Database → Extensions; nothing was changed"
        ))
    })?;
    see_types_in(manager, &name).await?;
    Ok(VectorSchema(format!("{schema}.")))
}

/// Puts `schema` on the search path for the rest of the migration's transaction, unless it is
/// there: values of pgvector's type are sent by its name, which the server resolves there.
async fn see_types_in(manager: &SchemaManager<'_>, schema: &str) -> Result<(), DbErr> {
    manager
        .get_connection()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT set_config('search_path', current_setting('search_path') || ', ' || \
             quote_ident($1), true) WHERE NOT $1 = ANY (current_schemas(false))",
            [Value::String(Some(schema.to_owned()))],
        ))
        .await?;
    Ok(())
}

/// Rows of `table` whose `column` (little-endian `f32` bytes) is not `dimensions` long.
async fn require_dimensions(
    manager: &SchemaManager<'_>,
    table: &str,
    column: &str,
    dimensions: u32,
) -> Result<(), DbErr> {
    let q = |n: &str| quote(DbBackend::Postgres, n);
    let sql = format!(
        "SELECT COUNT(*) FROM {} WHERE octet_length({}) <> {}",
        q(table),
        q(column),
        dimensions * 4
    );
    match first_number(manager, &sql, vec![]).await? {
        Some(n) if n > 0 => Err(DbErr::Migration(format!(
            "{n} row(s) of {table} hold a {column} that is not {dimensions} f32s long \
             ({} bytes): they cannot become vector({dimensions}); nothing was changed\n  hint: \
             recompute them with the model of {dimensions} dimensions, or delete them \
             (`SELECT id FROM {table} WHERE octet_length({column}) <> {}` lists them)",
            dimensions * 4,
            dimensions * 4,
        ))),
        _ => Ok(()),
    }
}

/// Turns `table.column`, little-endian `f32` bytes, into pgvector's `vector(dimensions)`,
/// converting every row's value (keyed by `key`), the column keeping its place. Stops before
/// any change when a row has another length.
pub async fn bytes_to_vector(
    manager: &SchemaManager<'_>,
    schema: &VectorSchema,
    table: &str,
    column: &str,
    key: &str,
    dimensions: u32,
) -> Result<(), DbErr> {
    require_dimensions(manager, table, column, dimensions).await?;
    let vector = schema.qualify(&format!("vector({dimensions})"));
    let retyped = Retype {
        table,
        column,
        key,
        old_type: "bytea",
        new_type: &vector,
    };
    retype_in_place(manager, &retyped, |row| {
        let bytes: Vec<u8> = row.try_get("", "value")?;
        let values: Vec<f32> = bytes
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        Ok(Value::Vector(Some(values.into())))
    })
    .await
}

/// The way back: `table.column` from `vector` to little-endian `f32` bytes, with its values.
pub async fn vector_to_bytes(
    manager: &SchemaManager<'_>,
    table: &str,
    column: &str,
    key: &str,
) -> Result<(), DbErr> {
    let retyped = Retype {
        table,
        column,
        key,
        old_type: "vector",
        new_type: "bytea",
    };
    retype_in_place(manager, &retyped, |row| {
        let vector: sea_orm::prelude::PgVector = row.try_get("", "value")?;
        let bytes: Vec<u8> = vector
            .as_slice()
            .iter()
            .flat_map(|x| x.to_le_bytes())
            .collect();
        Ok(Value::Bytes(Some(bytes)))
    })
    .await
}

/// A column given a new type whose values no SQL cast computes.
struct Retype<'a> {
    table: &'a str,
    column: &'a str,
    /// A column that tells the rows apart (the primary key).
    key: &'a str,
    /// Named in the query that reads the values: a prepared statement of the same text, cached
    /// on the connection from before the type changed, would fail ("cached plan must not
    /// change result type").
    old_type: &'a str,
    new_type: &'a str,
}

/// Gives `retype.column` its new type, each row's value computed by `convert` (from the row's
/// `value`): staged in a column of the new type, then `ALTER COLUMN … TYPE … USING` the staged
/// one, so the column keeps its place; the staging column goes.
async fn retype_in_place(
    manager: &SchemaManager<'_>,
    retype: &Retype<'_>,
    convert: impl Fn(&sea_orm::QueryResult) -> Result<Value, DbErr>,
) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let q = |n: &str| quote(DbBackend::Postgres, n);
    let Retype {
        table,
        column,
        key,
        old_type,
        new_type,
    } = *retype;
    // Named after the new type, for the same reason as `old_type`: the UPDATE's parameter is
    // typed by the statement prepared for it.
    let as_type: String = new_type
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let staged = format!("{column}__as_{}", as_type.trim_matches('_'));
    db.execute_unprepared(&format!(
        "ALTER TABLE {} ADD COLUMN {} {new_type}",
        q(table),
        q(&staged)
    ))
    .await?;
    let rows = db
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            format!(
                "SELECT {}::text AS key, {}::{old_type} AS value FROM {}",
                q(key),
                q(column),
                q(table)
            ),
        ))
        .await?;
    let update = format!(
        "UPDATE {} SET {} = $1 WHERE {}::text = $2",
        q(table),
        q(&staged),
        q(key)
    );
    for row in rows {
        let id: String = row.try_get("", "key")?;
        db.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            update.clone(),
            [convert(&row)?, Value::String(Some(id))],
        ))
        .await?;
    }
    db.execute_unprepared(&format!(
        "ALTER TABLE {} ALTER COLUMN {} TYPE {new_type} USING {}",
        q(table),
        q(column),
        q(&staged)
    ))
    .await?;
    db.execute_unprepared(&format!(
        "ALTER TABLE {} DROP COLUMN {}",
        q(table),
        q(&staged)
    ))
    .await?;
    Ok(())
}

/// An index with an access method (`hnsw`, `ivfflat`, `gin`, …), operator classes and storage
/// parameters: what sea-query cannot declare. Such an index exists on PostgreSQL only (the
/// others store vectors as bytes, with nothing to index them by): elsewhere creating or
/// dropping one does nothing.
pub struct IndexUsing<'a> {
    pub table: &'a str,
    pub name: &'a str,
    pub columns: &'a [&'a str],
    /// One per column (`""` for the type's default), or none: `vector_cosine_ops`, …
    pub opclasses: &'a [&'a str],
    pub method: &'a str,
    /// Storage parameters as `name=value`: `m=16`, `ef_construction=64`, `lists=100`.
    pub with: &'a [&'a str],
    /// Built `CONCURRENTLY`, in an online migration (see [`super::online`]).
    pub concurrently: bool,
}

/// Creates `index` on PostgreSQL unless an index of that name is there; the operator classes
/// are named in pgvector's schema when `schema` is given.
pub async fn create_index_using(
    manager: &SchemaManager<'_>,
    schema: Option<&VectorSchema>,
    index: &IndexUsing<'_>,
) -> Result<(), DbErr> {
    if !is_postgres(manager) || has_index(manager, index.table, index.name).await? == Some(true) {
        return Ok(());
    }
    let q = |n: &str| quote(DbBackend::Postgres, n);
    let columns: Vec<String> = index
        .columns
        .iter()
        .enumerate()
        .map(
            |(k, column)| match index.opclasses.get(k).filter(|o| !o.is_empty()) {
                Some(opclass) => format!(
                    "{} {}",
                    q(column),
                    schema.map_or_else(|| (*opclass).to_owned(), |s| s.qualify(opclass))
                ),
                None => q(column),
            },
        )
        .collect();
    let with: Vec<String> = index
        .with
        .iter()
        .map(|p| p.replacen('=', " = ", 1))
        .collect();
    let with = if with.is_empty() {
        String::new()
    } else {
        format!(" WITH ({})", with.join(", "))
    };
    manager
        .get_connection()
        .execute_unprepared(&format!(
            "CREATE INDEX {}{} ON {} USING {} ({}){with}",
            if index.concurrently {
                "CONCURRENTLY "
            } else {
                ""
            },
            q(index.name),
            q(index.table),
            index.method,
            columns.join(", ")
        ))
        .await?;
    Ok(())
}

/// Drops an index made by [`create_index_using`] (PostgreSQL only, like the index).
pub async fn drop_index_using(manager: &SchemaManager<'_>, name: &str) -> Result<(), DbErr> {
    if !is_postgres(manager) {
        return Ok(());
    }
    manager
        .get_connection()
        .execute_unprepared(&format!(
            "DROP INDEX IF EXISTS {}",
            quote(DbBackend::Postgres, name)
        ))
        .await?;
    Ok(())
}

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
            "cannot create the pgvector extension: {e}\n  hint: pgvector is not a trusted \
             extension, so creating it takes a superuser: ask one to run `CREATE EXTENSION \
             vector` once in this database (or on Supabase switch on `vector` under Database → \
             Extensions), then upgrade again; nothing was changed"
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
            "SELECT set_config('search_path', concat_ws(', ', \
             NULLIF(current_setting('search_path'), ''), quote_ident($1)), true) \
             WHERE NOT $1 = ANY (current_schemas(false))",
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
    // The values are read as `vector`, found by name: where pgvector lives outside the search
    // path (Supabase's `extensions`), that schema joins it for the migration's transaction.
    let installed_in = manager
        .get_connection()
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT n.nspname::text FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n \
             ON n.oid = e.extnamespace WHERE e.extname = 'vector'",
        ))
        .await?;
    if let Some(row) = installed_in {
        see_types_in(manager, &row.try_get_by_index::<String>(0)?).await?;
    }
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

/// The name of `table.column`'s type on PostgreSQL (`vector`, `_float4` for `real[]`,
/// `jsonb`), with its modifier (a vector's dimensions); `None` where nothing can be known
/// (`--sql`) or the column is not there.
async fn column_type(
    manager: &SchemaManager<'_>,
    table: &str,
    column: &str,
) -> Result<Option<(String, i32)>, DbErr> {
    let row = manager
        .get_connection()
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT t.typname::text AS name, a.atttypmod AS modifier \
             FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid \
             WHERE a.attrelid = to_regclass($1) AND a.attname = $2 AND NOT a.attisdropped",
            [
                Value::String(Some(quote(DbBackend::Postgres, table))),
                Value::String(Some(column.to_owned())),
            ],
        ))
        .await?;
    row.map(|r| Ok((r.try_get("", "name")?, r.try_get("", "modifier")?)))
        .transpose()
}

/// How values of another type become `vector(n)`: the rows that cannot, and the cast.
struct VectorCast<'a> {
    /// Rows whose value `{c}` (the quoted column) is not `n` finite 32-bit floats.
    unfit: String,
    /// The value as a vector: `{c}::vector(n)`, or through its text.
    using: String,
    /// What an unfit row holds instead, for the error.
    what: &'a str,
}

/// The largest finite 32-bit float: a vector's element must not be larger.
const F32_MAX: &str = "3.4028234663852886e38";

/// Gives `table.column` the type `vector(dimensions)` through `cast`, after checking every row
/// can take it (else it stops with nothing changed, naming the rows); nothing happens where the
/// column is a vector already (a database built from the history) or off PostgreSQL.
async fn cast_to_vector(
    manager: &SchemaManager<'_>,
    table: &str,
    column: &str,
    dimensions: u32,
    cast: impl FnOnce(&str, &str) -> VectorCast<'static>,
) -> Result<(), DbErr> {
    if !is_postgres(manager) {
        return Ok(());
    }
    let schema = require_pgvector(manager).await?;
    if matches!(column_type(manager, table, column).await?, Some((name, _)) if name == "vector") {
        return Ok(());
    }
    let q = |n: &str| quote(DbBackend::Postgres, n);
    let vector = schema.qualify(&format!("vector({dimensions})"));
    let VectorCast { unfit, using, what } = cast(&q(column), &vector);
    super::rows::require(
        manager,
        table,
        format!("SELECT COUNT(*) FROM {} WHERE {unfit}", q(table)),
        &format!(
            "hold a {column} that is not {dimensions} finite numbers ({what}), which \
             vector({dimensions}) needs"
        ),
        &format!(
            "fix or recompute those rows first (SELECT * FROM {table} WHERE {}), or delete them",
            unfit.replace(&q(column), column)
        ),
    )
    .await?;
    manager
        .get_connection()
        .execute_unprepared(&format!(
            "ALTER TABLE {} ALTER COLUMN {} TYPE {vector} USING {using}",
            q(table),
            q(column)
        ))
        .await?;
    Ok(())
}

/// Turns `table.column`, an array of numbers (`real[]`, `double precision[]`, `integer[]`,
/// `numeric[]`: how SQLAlchemy's `ARRAY(Float)` stores embeddings), into `vector(dimensions)`
/// with pgvector's own cast. Every row is checked first: one that is not a one-dimensional
/// array of `dimensions` finite numbers stops the migration with nothing changed. Does nothing
/// where the column is already a vector, or off PostgreSQL.
pub async fn array_to_vector(
    manager: &SchemaManager<'_>,
    table: &str,
    column: &str,
    dimensions: u32,
) -> Result<(), DbErr> {
    cast_to_vector(manager, table, column, dimensions, |c, vector| VectorCast {
        unfit: format!(
            "{c} IS NOT NULL AND (array_ndims({c}) IS DISTINCT FROM 1 OR cardinality({c}) <> \
             {dimensions} OR EXISTS (SELECT 1 FROM unnest({c}) AS element(v) WHERE v IS NULL \
             OR NOT abs(v::numeric) <= {F32_MAX}))"
        ),
        using: format!("{c}::{vector}"),
        what: "another length, NULLs, NaN, or numbers too large",
    })
    .await
}

/// Turns `table.column`, JSON (`json` or `jsonb`) arrays of numbers, into `vector(dimensions)`
/// through their text, which is pgvector's own (`[1, 2, 3]`). PostgreSQL has no cast from
/// JSON to a vector, so every row is checked first: one that is not an array of `dimensions`
/// finite numbers stops the migration with nothing changed. Does nothing where the column is
/// already a vector, or off PostgreSQL.
pub async fn json_to_vector(
    manager: &SchemaManager<'_>,
    table: &str,
    column: &str,
    dimensions: u32,
) -> Result<(), DbErr> {
    cast_to_vector(manager, table, column, dimensions, |c, vector| VectorCast {
        // CASE, so that the length is asked only of arrays (it raises on anything else).
        unfit: format!(
            "{c} IS NOT NULL AND CASE WHEN jsonb_typeof({c}::jsonb) = 'array' THEN \
             jsonb_array_length({c}::jsonb) <> {dimensions} OR EXISTS (SELECT 1 FROM \
             jsonb_array_elements({c}::jsonb) AS element(v) WHERE jsonb_typeof(v) <> 'number' \
             OR NOT abs((v #>> '{{}}')::numeric) <= {F32_MAX}) ELSE true END"
        ),
        using: format!("{c}::text::{vector}"),
        what: "not an array, another length, or other than numbers",
    })
    .await
}

/// The way back from [`array_to_vector`] or [`json_to_vector`]: `table.column` from `vector`
/// to `sql_type` (`real[]`, `double precision[]`, `jsonb`, …), every value kept (as 32-bit
/// floats). Does nothing where the column is not a vector, or off PostgreSQL.
pub async fn vector_to(
    manager: &SchemaManager<'_>,
    table: &str,
    column: &str,
    sql_type: &str,
) -> Result<(), DbErr> {
    if !is_postgres(manager) {
        return Ok(());
    }
    if matches!(column_type(manager, table, column).await?, Some((name, _)) if name != "vector") {
        return Ok(());
    }
    let q = |n: &str| quote(DbBackend::Postgres, n);
    // pgvector casts a vector to real[] only; JSON and text read its text.
    let via = if sql_type.ends_with("[]") {
        "real[]"
    } else {
        "text"
    };
    manager
        .get_connection()
        .execute_unprepared(&format!(
            "ALTER TABLE {table} ALTER COLUMN {column} TYPE {sql_type} USING {column}::{via}::{sql_type}",
            table = q(table),
            column = q(column),
        ))
        .await?;
    Ok(())
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

/// Rows converted at a time: one page read in key order, one UPDATE for its values (256
/// vectors of 1,536 dimensions are some 1.5 MB each way).
const RETYPE_PAGE: usize = 256;

/// Gives `retype.column` its new type, each row's value computed by `convert` (from the row's
/// `value`): staged in a column of the new type, then `ALTER COLUMN … TYPE … USING` the staged
/// one, so the column keeps its place; the staging column goes. The rows are read a page at a
/// time in key order and each page written back by one UPDATE that finds its rows through the
/// key's own type (its index), so memory stays one page and the time linear in the rows.
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
    // `None` under `--sql`: no rows to convert there.
    let key_type = key_type(manager, table, key).await?;
    db.execute_unprepared(&format!(
        "ALTER TABLE {} ADD COLUMN {} {new_type}",
        q(table),
        q(&staged)
    ))
    .await?;
    if let Some(key_type) = key_type {
        let read = |after: &str| {
            format!(
                "SELECT {k}::text AS key, {c}::{old_type} AS value FROM {t} {after} \
                 ORDER BY {k} LIMIT {RETYPE_PAGE}",
                k = q(key),
                c = q(column),
                t = q(table),
            )
        };
        let mut after: Option<String> = None;
        loop {
            let page = match &after {
                None => Statement::from_string(DbBackend::Postgres, read("")),
                Some(last) => Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    read(&format!("WHERE {} > $1::{key_type}", q(key))),
                    [Value::String(Some(last.clone()))],
                ),
            };
            let rows = db.query_all_raw(page).await?;
            let Some(last) = rows.last() else {
                break;
            };
            after = Some(last.try_get("", "key")?);
            let mut values = Vec::with_capacity(rows.len() * 2);
            let mut tuples = Vec::with_capacity(rows.len());
            for row in &rows {
                values.push(Value::String(Some(row.try_get("", "key")?)));
                values.push(convert(row)?);
                tuples.push(format!(
                    "(${}::{key_type}, ${}::{new_type})",
                    values.len() - 1,
                    values.len()
                ));
            }
            db.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                format!(
                    "UPDATE {t} SET {s} = page.value FROM (VALUES {tuples}) AS page(key, value) \
                     WHERE {t}.{k} = page.key",
                    t = q(table),
                    s = q(&staged),
                    k = q(key),
                    tuples = tuples.join(", "),
                ),
                values,
            ))
            .await?;
            if rows.len() < RETYPE_PAGE {
                break;
            }
        }
    } else {
        // Only a comment (which checksums leave out): what a person applying the script by
        // hand must know.
        db.execute_unprepared(&format!(
            "-- {table}.{column}: this script does not convert the stored values (`manage-db \
             upgrade` does, a page at a time): run by hand on a table that holds rows, the \
             next statement stops where the column is NOT NULL and leaves it NULL otherwise"
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

/// The SQL type of `table.key` (`uuid`, `bigint`, …), to compare keys as themselves, through
/// their index; `None` where nothing can be known (`--sql`). The key must be unique on its
/// own (a primary key or unique index over it alone, without NULLs): with duplicates, one
/// UPDATE would give them all one row's value, and paging would skip some.
async fn key_type(
    manager: &SchemaManager<'_>,
    table: &str,
    key: &str,
) -> Result<Option<String>, DbErr> {
    let row = manager
        .get_connection()
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            // One row always (NULLs without such a column); none under `--sql`.
            "SELECT format_type(a.atttypid, a.atttypmod) AS sql_type, a.attnotnull AND \
             EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indrelid = a.attrelid \
             AND i.indisunique AND i.indnkeyatts = 1 AND i.indkey[0] = a.attnum \
             AND i.indpred IS NULL) AS is_unique \
             FROM (SELECT 1) one LEFT JOIN pg_catalog.pg_attribute a \
             ON a.attrelid = to_regclass($1) AND a.attname = $2 AND NOT a.attisdropped",
            [quote(DbBackend::Postgres, table).into(), key.into()],
        ))
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let sql_type: Option<String> = row.try_get("", "sql_type")?;
    let is_unique: Option<bool> = row.try_get("", "is_unique")?;
    match (sql_type, is_unique) {
        (Some(sql_type), Some(true)) => Ok(Some(sql_type)),
        (Some(_), _) => Err(DbErr::Migration(format!(
            "{table}.{key} is not unique and NOT NULL on its own, so it cannot tell the rows \
             apart while their values are converted; nothing was changed\n  hint: name the \
             table's primary key"
        ))),
        (None, _) => Err(DbErr::Migration(format!(
            "{table} has no column {key} to key its rows by; nothing was changed\n  hint: \
             name the table's primary key"
        ))),
    }
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

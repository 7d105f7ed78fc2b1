//! The schema some DDL declares, rendered without a database: each type and default is spelled
//! the way the target server's catalog reports it, so it compares directly with
//! [`crate::live::read`].
//!
//! Only spellings proven against the servers are known: the tests run the same DDL through
//! [`crate::shadow`] and require identical results. Anything else is [`Unsupported`], and
//! [`read`] then falls back to the shadow, which is always right but costs a round of DDL on
//! the server (about 200 ms on PostgreSQL, 400 ms on MariaDB, against under 1 ms here).

use crate::ddl::{table_ref_name, SchemaDdl, TableDdl};
use crate::model::{Check, Column, ForeignKey, Index, ReferentialAction, Schema, Table};
use crate::shadow;
use sea_orm::sea_query::backend::TableBuilder;
use sea_orm::sea_query::{
    ColumnDef, ColumnType, Expr, ForeignKeyAction, IndexCreateStatement, Keyword,
    MysqlQueryBuilder, PostgresQueryBuilder, SqliteQueryBuilder, Value,
};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, Statement};

/// A server whose catalog spellings [`render`] knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    Sqlite,
    Postgres,
    /// MariaDB with `explicit_defaults_for_timestamp` on (its default since 10.10).
    MariaDb,
}

impl Flavour {
    fn backend(self) -> DbBackend {
        match self {
            Flavour::Sqlite => DbBackend::Sqlite,
            Flavour::Postgres => DbBackend::Postgres,
            Flavour::MariaDb => DbBackend::MySql,
        }
    }
}

/// Something in the DDL whose catalog spelling is not known on this server.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{place}: {what} has no known catalog spelling on {flavour:?}")]
pub struct Unsupported {
    pub place: String,
    pub what: String,
    pub flavour: Flavour,
}

/// The flavour of the server behind `db`, or `None` when its spellings are not known here
/// (MySQL, or MariaDB with `explicit_defaults_for_timestamp` off, which gives timestamps
/// implicit defaults and NOT NULL).
pub async fn flavour<C: ConnectionTrait>(db: &C) -> Result<Option<Flavour>, DbErr> {
    Ok(match db.get_database_backend() {
        DbBackend::Sqlite => Some(Flavour::Sqlite),
        DbBackend::Postgres => Some(Flavour::Postgres),
        DbBackend::MySql => {
            let row = db
                .query_one_raw(Statement::from_string(
                    DbBackend::MySql,
                    "SELECT CAST(VERSION() AS CHAR) AS version, \
                     CAST(@@explicit_defaults_for_timestamp AS SIGNED) AS explicit_defaults",
                ))
                .await?;
            let Some(row) = row else { return Ok(None) };
            let version: String = row.try_get("", "version")?;
            let explicit_defaults: i64 = row.try_get("", "explicit_defaults")?;
            (version.contains("MariaDB") && explicit_defaults == 1).then_some(Flavour::MariaDb)
        }
        _ => None,
    })
}

/// The schema `ddl` creates on the server behind `db`: rendered when every part of it has a
/// known spelling there, otherwise read back from a shadow.
pub async fn read(db: &DatabaseConnection, ddl: &SchemaDdl) -> Result<Schema, DbErr> {
    if let Some(flavour) = flavour(db).await? {
        match render(ddl, flavour) {
            Ok(schema) => return Ok(schema),
            Err(unsupported) => {
                tracing::debug!(%unsupported, "reading the entities' schema through a shadow")
            }
        }
    }
    shadow::read(db, &ddl.sql(db.get_database_backend())).await
}

/// The schema `ddl` would create on a `flavour` server, as [`crate::live::read`] would read it.
pub fn render(ddl: &SchemaDdl, flavour: Flavour) -> Result<Schema, Unsupported> {
    let mut schema = Schema::default();
    for table in &ddl.tables {
        let name = table.name();
        let rendered = render_table(&name, table, flavour)?;
        schema.tables.insert(name, rendered);
    }
    if flavour == Flavour::Postgres {
        for (table, index) in &ddl.postgres.indexes {
            let Some(rendered) = schema.tables.get_mut(table) else {
                return Err(Unsupported {
                    place: format!("{table}: index {}", index.name),
                    what: "an index on a table the schema does not create".into(),
                    flavour,
                });
            };
            let mut index = index.clone();
            index.with.sort();
            rendered.indexes.push(index);
            rendered.indexes.sort_by(|a, b| a.name.cmp(&b.name));
        }
    }
    Ok(schema)
}

fn render_table(name: &str, ddl: &TableDdl, flavour: Flavour) -> Result<Table, Unsupported> {
    let unsupported = |place: String, what: String| Unsupported {
        place,
        what,
        flavour,
    };
    let mut table = Table::default();
    for def in ddl.create.get_columns() {
        let place = format!("{name}.{}", def.get_column_name());
        render_column(&mut table, def, flavour).map_err(|what| unsupported(place, what))?;
    }
    let inline = ddl.create.get_indexes().len();
    for (position, index) in ddl
        .create
        .get_indexes()
        .iter()
        .chain(&ddl.indexes)
        .enumerate()
    {
        let spec = index.get_index_spec();
        let place = format!("{name}: index {}", spec.get_name().unwrap_or("(unnamed)"));
        let columns = index_columns(index, flavour).map_err(|what| unsupported(place, what))?;
        if index.is_primary_key() {
            table.primary_key = columns;
        } else {
            table.indexes.push(Index {
                name: spec.get_name().unwrap_or_default().to_owned(),
                columns,
                unique: index.is_unique_key(),
                predicate: None,
                // Declared inside CREATE TABLE: a table constraint (a plain key on MariaDB).
                constraint: position < inline && flavour != Flavour::MariaDb,
                ..Default::default()
            });
        }
    }
    for statement in ddl.create.get_foreign_key_create_stmts() {
        let fk = statement.get_foreign_key();
        let ref_table = fk.get_ref_table().and_then(table_ref_name).ok_or_else(|| {
            unsupported(
                format!("{name}: foreign key"),
                "a reference that is not a table".into(),
            )
        })?;
        let action = |a: Option<ForeignKeyAction>| match a {
            Some(a) => referential_action(a),
            // The server's default: MariaDB reports it as RESTRICT.
            None if flavour == Flavour::MariaDb => ReferentialAction::Restrict,
            None => ReferentialAction::NoAction,
        };
        table.foreign_keys.push(ForeignKey {
            name: fk.get_name().unwrap_or_default().to_owned(),
            columns: fk.get_columns(),
            ref_table,
            ref_columns: fk.get_ref_columns(),
            on_delete: action(fk.get_on_delete()),
            on_update: action(fk.get_on_update()),
        });
    }
    if flavour == Flavour::MariaDb {
        add_implicit_foreign_key_indexes(&mut table);
    }
    table.indexes.sort_by(|a, b| a.name.cmp(&b.name));
    table.foreign_keys.sort_by(|a, b| a.name.cmp(&b.name));
    table.checks.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(table)
}

/// Adds one column (and its primary-key part, unique index and JSON check) to `table`.
fn render_column(table: &mut Table, def: &ColumnDef, flavour: Flavour) -> Result<(), String> {
    let name = def.get_column_name();
    let spec = def.get_column_spec();
    if spec.auto_increment {
        return Err("auto-increment".into());
    }
    if spec.check.is_some() || spec.generated.is_some() || spec.extra.is_some() {
        return Err("a column check, generated expression or extra clause".into());
    }
    let column_type = def
        .get_column_type()
        .ok_or_else(|| "a column without a type".to_owned())?;
    let declared = declared_type(flavour, column_type);
    let sql_type = catalog_type(flavour, &declared)
        .ok_or_else(|| format!("type `{declared}` ({column_type:?})"))?;
    let default = match &spec.default {
        None => None,
        Some(expr) => Some(
            catalog_default(flavour, expr, &sql_type)
                .ok_or_else(|| format!("default {expr:?} on `{sql_type}`"))?,
        ),
    };
    // The servers force a key column NOT NULL; SQLite reports what was declared.
    let nullable =
        spec.nullable != Some(false) && !(spec.primary_key && flavour != Flavour::Sqlite);
    if spec.primary_key {
        table.primary_key.push(name.clone());
    }
    if spec.unique {
        table.indexes.push(Index {
            name: format!("{name}_key"),
            columns: vec![name.clone()],
            unique: true,
            predicate: None,
            // A UNIQUE column makes a constraint, except on MariaDB where it is a plain key.
            constraint: flavour != Flavour::MariaDb,
            ..Default::default()
        });
    }
    if flavour == Flavour::MariaDb && declared == "json" {
        // MariaDB's JSON is an alias of LONGTEXT with a check named after the column.
        table.checks.push(Check {
            name: name.clone(),
            expression: format!("json_valid(`{name}`)"),
        });
    }
    table.columns.push(Column {
        name,
        sql_type,
        nullable,
        default,
    });
    Ok(())
}

fn index_columns(index: &IndexCreateStatement, flavour: Flavour) -> Result<Vec<String>, String> {
    let sql = flavour.backend().build(index).to_string();
    // Neither a partial index's WHERE nor an expression part has a getter; seen in the SQL.
    if sql.contains(" WHERE ") {
        return Err("a partial index".into());
    }
    let columns = index.get_index_spec().get_column_names();
    if columns.is_empty() {
        return Err("an index with no plain column".into());
    }
    Ok(columns)
}

/// InnoDB gives every foreign key an index led by its columns, named after the constraint,
/// unless one exists already.
fn add_implicit_foreign_key_indexes(table: &mut Table) {
    for fk in &table.foreign_keys {
        let led_by = |columns: &[String]| columns.starts_with(&fk.columns);
        if led_by(&table.primary_key) || table.indexes.iter().any(|i| led_by(&i.columns)) {
            continue;
        }
        table.indexes.push(Index {
            name: fk.name.clone(),
            columns: fk.columns.clone(),
            unique: false,
            predicate: None,
            constraint: false,
            ..Default::default()
        });
    }
}

fn referential_action(action: ForeignKeyAction) -> ReferentialAction {
    match action {
        ForeignKeyAction::Restrict => ReferentialAction::Restrict,
        ForeignKeyAction::Cascade => ReferentialAction::Cascade,
        ForeignKeyAction::SetNull => ReferentialAction::SetNull,
        ForeignKeyAction::SetDefault => ReferentialAction::SetDefault,
        _ => ReferentialAction::NoAction,
    }
}

/// The type as sea-query writes it into the DDL for this server, lower-cased.
fn declared_type(flavour: Flavour, column_type: &ColumnType) -> String {
    let mut sql = String::new();
    match flavour {
        // Qualified: SQLite's builder has a private inherent method of the same name.
        Flavour::Sqlite => {
            TableBuilder::prepare_column_type(&SqliteQueryBuilder, column_type, &mut sql)
        }
        Flavour::Postgres => {
            TableBuilder::prepare_column_type(&PostgresQueryBuilder, column_type, &mut sql)
        }
        Flavour::MariaDb => {
            TableBuilder::prepare_column_type(&MysqlQueryBuilder, column_type, &mut sql)
        }
    }
    sql.trim().to_lowercase()
}

/// How the server's catalog spells a declared type: PostgreSQL's `format_type`, MariaDB's
/// `COLUMN_TYPE`, SQLite's declared text.
fn catalog_type(flavour: Flavour, declared: &str) -> Option<String> {
    let (base, args) = match declared.split_once('(') {
        Some((base, rest)) => (
            base.trim(),
            Some(rest.trim_end_matches(')').replace(' ', "")),
        ),
        None => (declared, None),
    };
    let with_args = |name: &str| match &args {
        Some(args) => format!("{name}({args})"),
        None => name.to_owned(),
    };
    match flavour {
        // SQLite keeps the declared type text as written.
        Flavour::Sqlite => Some(declared.to_owned()),
        Flavour::Postgres => Some(match (base, &args) {
            ("varchar", _) => with_args("character varying"),
            ("char", Some(_)) => with_args("character"),
            ("bool" | "boolean", None) => "boolean".into(),
            ("int" | "integer", None) => "integer".into(),
            ("decimal" | "numeric", _) => with_args("numeric"),
            // pgvector's type, read unqualified wherever the extension lives (live/postgres.rs).
            ("vector", _) => with_args("vector"),
            ("timestamp", None) => "timestamp without time zone".into(),
            ("time", None) => "time without time zone".into(),
            (
                "smallint"
                | "bigint"
                | "real"
                | "double precision"
                | "text"
                | "date"
                | "json"
                | "jsonb"
                | "uuid"
                | "bytea"
                | "timestamp with time zone"
                | "timestamp without time zone"
                | "time without time zone"
                | "inet"
                | "cidr"
                | "macaddr",
                None,
            ) => base.into(),
            _ => return None,
        }),
        Flavour::MariaDb => Some(match (base, &args) {
            ("tinyint", None) => "tinyint(4)".into(),
            ("smallint", None) => "smallint(6)".into(),
            ("int", None) => "int(11)".into(),
            ("bigint", None) => "bigint(20)".into(),
            ("bool" | "boolean", None) => "tinyint(1)".into(),
            ("json", None) => "longtext".into(),
            ("varchar" | "char" | "binary" | "varbinary" | "decimal", Some(_)) => with_args(base),
            (
                "text" | "blob" | "date" | "time" | "datetime" | "timestamp" | "float" | "double"
                | "mediumtext" | "longtext" | "mediumblob" | "longblob",
                None,
            ) => base.into(),
            _ => return None,
        }),
    }
}

/// How the server's catalog spells a default (PostgreSQL's `pg_get_expr`, MariaDB's
/// `COLUMN_DEFAULT`, SQLite's `dflt_value`), for the defaults whose spelling is known.
fn catalog_default(flavour: Flavour, expr: &Expr, sql_type: &str) -> Option<String> {
    let value = match expr {
        Expr::Keyword(Keyword::CurrentTimestamp) => {
            return Some(match flavour {
                Flavour::MariaDb => "current_timestamp()".into(),
                _ => "CURRENT_TIMESTAMP".into(),
            })
        }
        Expr::Value(value) | Expr::Constant(value) => value,
        _ => return None,
    };
    let integer = |n: i128| match flavour {
        // PostgreSQL spells a negative or wider-than-int4 default as a cast string
        // ('-1'::integer, '9000000000'::bigint).
        Flavour::Postgres if !(0..=i128::from(i32::MAX)).contains(&n) => None,
        _ => Some(n.to_string()),
    };
    match value {
        Value::Bool(Some(b)) => Some(match flavour {
            Flavour::Postgres => b.to_string(),
            Flavour::MariaDb => u8::from(*b).to_string(),
            Flavour::Sqlite => b.to_string().to_uppercase(),
        }),
        Value::TinyInt(Some(n)) => integer((*n).into()),
        Value::SmallInt(Some(n)) => integer((*n).into()),
        Value::Int(Some(n)) => integer((*n).into()),
        Value::BigInt(Some(n)) => integer((*n).into()),
        Value::TinyUnsigned(Some(n)) => integer((*n).into()),
        Value::SmallUnsigned(Some(n)) => integer((*n).into()),
        Value::Unsigned(Some(n)) => integer((*n).into()),
        Value::BigUnsigned(Some(n)) => integer((*n).into()),
        // Quotes and backslashes are escaped differently by each catalog: not claimed.
        Value::String(Some(s)) if !s.contains(['\'', '\\']) => match flavour {
            Flavour::Postgres => {
                let cast = sql_type.split('(').next().unwrap_or(sql_type);
                matches!(cast, "character varying" | "text").then(|| format!("'{s}'::{cast}"))
            }
            _ => Some(format!("'{s}'")),
        },
        _ => None,
    }
}

/// Types tried, in order, when reading a catalog spelling back into a type: the first that
/// this server spells that way wins, so ambiguous spellings resolve to the type this project's
/// entities use (MariaDB's `timestamp` is `TimestampWithTimeZone`, `binary(16)` is `Uuid`).
fn candidate_types(catalog: &str) -> Vec<ColumnType> {
    use sea_orm::sea_query::StringLen;
    let numbers: Vec<u32> = catalog
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    let mut types = vec![
        ColumnType::TimestampWithTimeZone,
        ColumnType::Uuid,
        ColumnType::JsonBinary,
        ColumnType::Boolean,
        ColumnType::Text,
        ColumnType::Integer,
        ColumnType::BigInteger,
        ColumnType::SmallInteger,
        ColumnType::TinyInteger,
        ColumnType::Float,
        ColumnType::Double,
        ColumnType::Date,
        ColumnType::Time,
        ColumnType::DateTime,
        ColumnType::Blob,
        ColumnType::Json,
    ];
    match numbers[..] {
        [n] => types.extend([
            ColumnType::Vector(Some(n)),
            ColumnType::String(StringLen::N(n)),
            ColumnType::Char(Some(n)),
            ColumnType::Binary(n),
            ColumnType::VarBinary(StringLen::N(n)),
        ]),
        [p, s] => types.push(ColumnType::Decimal(Some((p, s)))),
        _ => {}
    }
    types.extend([
        ColumnType::String(StringLen::None),
        ColumnType::Decimal(None),
        ColumnType::Timestamp,
    ]);
    types
}

/// The type that this server spells `catalog` (a [`crate::Column::sql_type`]): what a
/// migration declares to get that column back. `None` when no known type is spelled so.
pub fn column_type_for(flavour: Flavour, catalog: &str) -> Option<ColumnType> {
    candidate_types(catalog).into_iter().find(|candidate| {
        catalog_type(flavour, &declared_type(flavour, candidate)).as_deref() == Some(catalog)
    })
}

/// The default expression this server spells `catalog` on a column of type `sql_type`.
pub fn default_for(flavour: Flavour, catalog: &str, sql_type: &str) -> Option<Expr> {
    // Other spellings of "now" (SQLAlchemy's `now()`) are the same default.
    let canonical = crate::diff::canonical_default(catalog);
    let catalog = canonical.as_str();
    let unquoted = catalog
        .strip_prefix('\'')
        .and_then(|rest| rest.split_once('\''))
        .map(|(text, _)| text.to_owned());
    let mut candidates = vec![Expr::current_timestamp()];
    // MariaDB spells TRUE as 1: a boolean only where the column is one.
    if matches!(sql_type, "boolean" | "tinyint(1)") {
        candidates.extend([Expr::val(true), Expr::val(false)]);
    }
    let digits = unquoted.as_deref().unwrap_or(catalog);
    if let Ok(n) = digits.parse::<i64>() {
        candidates.push(Expr::val(n));
    }
    if let Some(text) = unquoted {
        candidates.push(Expr::val(text));
    }
    // Both sides canonical: MariaDB prints `current_timestamp()`, which is the same now.
    candidates.into_iter().find(|e| {
        catalog_default(flavour, e, sql_type)
            .is_some_and(|spelled| crate::diff::canonical_default(&spelled) == catalog)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Flavour; 3] = [Flavour::Sqlite, Flavour::Postgres, Flavour::MariaDb];

    #[test]
    fn every_spelling_reads_back_into_a_type_spelled_the_same() {
        use sea_orm::sea_query::StringLen;
        let types = [
            ColumnType::String(StringLen::N(32)),
            ColumnType::String(StringLen::None),
            ColumnType::Char(Some(3)),
            ColumnType::Text,
            ColumnType::SmallInteger,
            ColumnType::Integer,
            ColumnType::BigInteger,
            ColumnType::Boolean,
            ColumnType::Float,
            ColumnType::Double,
            ColumnType::Decimal(Some((12, 2))),
            ColumnType::Date,
            ColumnType::Time,
            ColumnType::DateTime,
            ColumnType::TimestampWithTimeZone,
            ColumnType::Json,
            ColumnType::JsonBinary,
            ColumnType::Uuid,
            ColumnType::Blob,
        ];
        for flavour in ALL {
            for ty in &types {
                let spelled = catalog_type(flavour, &declared_type(flavour, ty)).unwrap();
                let back = column_type_for(flavour, &spelled)
                    .unwrap_or_else(|| panic!("{flavour:?} {spelled}"));
                let again = catalog_type(flavour, &declared_type(flavour, &back));
                assert_eq!(
                    again.as_deref(),
                    Some(spelled.as_str()),
                    "{flavour:?} {ty:?}"
                );
            }
        }
        // Where a spelling is ambiguous, the entities' choice wins.
        assert_eq!(
            column_type_for(Flavour::MariaDb, "binary(16)"),
            Some(ColumnType::Uuid)
        );
        assert_eq!(
            column_type_for(Flavour::MariaDb, "varchar(255)"),
            Some(ColumnType::String(StringLen::N(255)))
        );
        assert_eq!(column_type_for(Flavour::Postgres, "money"), None);
    }

    #[test]
    fn every_default_spelling_reads_back() {
        for flavour in ALL {
            for (expr, sql_type) in [
                (Expr::current_timestamp(), "timestamp"),
                (Expr::val(true), "boolean"),
                (Expr::val(false), "tinyint(1)"),
                (Expr::val(3), "integer"),
                (Expr::val("pending"), "text"),
            ] {
                let spelled = catalog_default(flavour, &expr, sql_type).unwrap();
                let back = default_for(flavour, &spelled, sql_type)
                    .unwrap_or_else(|| panic!("{flavour:?} {spelled}"));
                assert_eq!(
                    catalog_default(flavour, &back, sql_type).as_deref(),
                    Some(spelled.as_str()),
                    "{flavour:?}"
                );
            }
        }
        // Alembic's spelling of now, and SQLite's parenthesised one, are read as it.
        for now in ["now()", "(CURRENT_TIMESTAMP)"] {
            assert_eq!(
                default_for(Flavour::Postgres, now, "timestamp with time zone"),
                Some(Expr::current_timestamp())
            );
        }
        // PostgreSQL prints a wide integer as a cast string: not claimed.
        let wide = Expr::val(9_000_000_000i64);
        assert_eq!(catalog_default(Flavour::Postgres, &wide, "bigint"), None);
        assert_eq!(
            catalog_default(Flavour::MariaDb, &wide, "bigint(20)").as_deref(),
            Some("9000000000")
        );
    }
}

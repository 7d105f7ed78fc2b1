//! PostgreSQL: four queries over `pg_catalog`, scoped to `current_schema()`.

use super::{query, ColumnRow, ForeignKeyRow, IndexRow, Rows};
use crate::model::{Check, Column};
use sea_orm::{ConnectionTrait, DbErr};

const COLUMNS: &str = r#"
SELECT c.relname::text AS table_name, a.attname::text AS column_name,
       CASE WHEN ext.of_extension AND starts_with(f.spelled, quote_ident(tn.nspname) || '.')
            THEN substr(f.spelled, length(quote_ident(tn.nspname)) + 2)
            ELSE f.spelled END AS sql_type,
       a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_expr
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
JOIN pg_catalog.pg_namespace tn ON tn.oid = ty.typnamespace
CROSS JOIN LATERAL (SELECT format_type(a.atttypid, a.atttypmod) AS spelled) f
-- An extension's type (pgvector's `vector`) is spelled without its schema: Supabase keeps
-- extensions in `extensions`, which format_type then names when it is not on the search path.
CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep
    WHERE dep.classid = 'pg_catalog.pg_type'::regclass AND dep.objid = ty.oid
      AND dep.deptype = 'e') AS of_extension) ext
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
ORDER BY c.relname, a.attnum"#;

const INDEXES: &str = r#"
SELECT t.relname::text AS table_name, i.relname::text AS index_name,
       x.indisunique AS is_unique, x.indisprimary AS is_primary,
       EXISTS (SELECT 1 FROM pg_catalog.pg_constraint uc WHERE uc.conindid = x.indexrelid
               AND uc.conrelid = x.indrelid AND uc.contype IN ('u', 'x')) AS is_constraint,
       pg_get_expr(x.indpred, x.indrelid) AS predicate,
       COALESCE(a.attname::text, pg_get_indexdef(x.indexrelid, k.ord::int4, true)) AS column_name,
       NULLIF(am.amname::text, 'btree') AS method,
       CASE WHEN oc.opcdefault THEN NULL ELSE oc.opcname::text END AS opclass,
       array_to_string(i.reloptions, ',') AS with_params
FROM pg_catalog.pg_index x
JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = i.relam
JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
LEFT JOIN pg_catalog.pg_opclass oc ON oc.oid = x.indclass[(k.ord - 1)::int4]
WHERE n.nspname = current_schema() AND t.relkind IN ('r', 'p') AND NOT t.relispartition
  AND k.ord <= x.indnkeyatts
ORDER BY t.relname, i.relname, k.ord"#;

const CONSTRAINTS: &str = r#"
SELECT t.relname::text AS table_name, con.conname::text AS constraint_name,
       con.contype::text AS constraint_type, pg_get_constraintdef(con.oid, true) AS definition,
       ft.relname::text AS ref_table, con.confupdtype::text AS on_update,
       con.confdeltype::text AS on_delete, a.attname::text AS column_name,
       fa.attname::text AS ref_column
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class t ON t.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
LEFT JOIN pg_catalog.pg_class ft ON ft.oid = con.confrelid
LEFT JOIN LATERAL unnest(CASE WHEN con.contype = 'f' THEN con.conkey END,
                         CASE WHEN con.contype = 'f' THEN con.confkey END)
          WITH ORDINALITY AS k(attnum, ref_attnum, ord) ON true
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
LEFT JOIN pg_catalog.pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = k.ref_attnum
WHERE n.nspname = current_schema() AND con.contype IN ('f', 'c')
  AND t.relkind IN ('r', 'p') AND NOT t.relispartition
ORDER BY t.relname, con.conname, k.ord"#;

const ENUMS: &str = r#"
SELECT t.typname::text AS enum_name, e.enumlabel::text AS label
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
WHERE n.nspname = current_schema()
ORDER BY t.typname, e.enumsortorder"#;

pub(super) async fn read<C: ConnectionTrait>(db: &C) -> Result<Rows, DbErr> {
    let mut rows = Rows::default();
    for r in query(db, COLUMNS).await? {
        rows.columns.push(ColumnRow {
            table: r.try_get("", "table_name")?,
            column: Column {
                name: r.try_get("", "column_name")?,
                sql_type: r.try_get("", "sql_type")?,
                nullable: !r.try_get::<bool>("", "not_null")?,
                default: r.try_get("", "default_expr")?,
            },
            pk_position: None,
        });
    }
    for r in query(db, INDEXES).await? {
        rows.indexes.push(IndexRow {
            table: r.try_get("", "table_name")?,
            index: r.try_get("", "index_name")?,
            unique: r.try_get("", "is_unique")?,
            primary: r.try_get("", "is_primary")?,
            predicate: r.try_get("", "predicate")?,
            column: r.try_get("", "column_name")?,
            constraint: r.try_get("", "is_constraint")?,
            method: r.try_get("", "method")?,
            opclass: r.try_get("", "opclass")?,
            with: r
                .try_get::<Option<String>>("", "with_params")?
                .map(|w| w.split(',').map(str::to_owned).collect())
                .unwrap_or_default(),
        });
    }
    for r in query(db, CONSTRAINTS).await? {
        if r.try_get::<String>("", "constraint_type")? == "c" {
            let table: String = r.try_get("", "table_name")?;
            let name: String = r.try_get("", "constraint_name")?;
            let definition: String = r.try_get("", "definition")?;
            rows.checks.push((
                table,
                Check {
                    name,
                    expression: definition.trim_start_matches("CHECK ").to_owned(),
                },
            ));
            continue;
        }
        rows.foreign_keys.push(ForeignKeyRow::from_catalog(&r)?);
    }
    for r in query(db, ENUMS).await? {
        rows.enums
            .push((r.try_get("", "enum_name")?, r.try_get("", "label")?));
    }
    Ok(rows)
}

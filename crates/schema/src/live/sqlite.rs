//! SQLite: three queries joining `sqlite_master` with the pragma table-valued functions.
//! Checks live only in each table's `CREATE TABLE` text, which is read along with the columns.

use super::{action, query, ColumnRow, ForeignKeyRow, IndexRow, Rows};
use crate::model::{Check, Column};
use sea_orm::{ConnectionTrait, DbErr};

const COLUMNS: &str = r#"
SELECT m.name AS table_name, m.sql AS table_sql, p.name AS column_name, p.type AS declared_type,
       p."notnull" AS not_null, p.dflt_value AS default_value, p.pk AS pk_position
FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
ORDER BY m.name, p.cid"#;

const INDEXES: &str = r#"
SELECT m.name AS table_name, il.name AS index_name, il."unique" AS is_unique,
       il.origin AS origin, ii.name AS column_name, ix.sql AS index_sql
FROM sqlite_master AS m
JOIN pragma_index_list(m.name) AS il
JOIN pragma_index_xinfo(il.name) AS ii
LEFT JOIN sqlite_master AS ix ON ix.type = 'index' AND ix.name = il.name
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND ii."key" = 1
ORDER BY m.name, il.name, ii.seqno"#;

const FOREIGN_KEYS: &str = r#"
SELECT m.name AS table_name, fk.id AS fk_id, fk."table" AS ref_table, fk."from" AS column_name,
       fk."to" AS ref_column, fk.on_update AS on_update, fk.on_delete AS on_delete
FROM sqlite_master AS m JOIN pragma_foreign_key_list(m.name) AS fk
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
ORDER BY m.name, fk.id, fk.seq"#;

pub(super) async fn read<C: ConnectionTrait>(db: &C) -> Result<Rows, DbErr> {
    let mut rows = Rows::default();
    let mut last_table = String::new();
    let mut key_names: Vec<(String, Vec<String>, String)> = Vec::new();
    for r in query(db, COLUMNS).await? {
        let table: String = r.try_get("", "table_name")?;
        if table != last_table {
            let sql: String = r.try_get("", "table_sql")?;
            rows.checks
                .extend(checks(&sql).into_iter().map(|c| (table.clone(), c)));
            key_names.extend(
                foreign_key_names(&sql)
                    .into_iter()
                    .map(|(columns, name)| (table.clone(), columns, name)),
            );
            last_table = table.clone();
        }
        let pk: i64 = r.try_get("", "pk_position")?;
        rows.columns.push(ColumnRow {
            table,
            column: Column {
                name: r.try_get("", "column_name")?,
                sql_type: r.try_get::<String>("", "declared_type")?.to_lowercase(),
                nullable: r.try_get::<i64>("", "not_null")? == 0,
                default: r.try_get("", "default_value")?,
            },
            pk_position: (pk > 0).then_some(pk),
        });
    }
    for r in query(db, INDEXES).await? {
        let origin: String = r.try_get("", "origin")?;
        if origin == "pk" {
            continue; // The primary key comes from the columns' pk positions.
        }
        let sql: Option<String> = r.try_get("", "index_sql")?;
        rows.indexes.push(IndexRow {
            table: r.try_get("", "table_name")?,
            index: r.try_get("", "index_name")?,
            unique: r.try_get::<i64>("", "is_unique")? == 1,
            primary: false,
            predicate: sql.as_deref().and_then(predicate),
            column: r.try_get("", "column_name")?,
            // `u`: made by a UNIQUE clause of the table (an autoindex), not CREATE INDEX.
            constraint: origin == "u",
            ..Default::default()
        });
    }
    // A key's columns arrive one row each; its name is looked up once all are known.
    let first_key = rows.foreign_keys.len();
    for r in query(db, FOREIGN_KEYS).await? {
        let table: String = r.try_get("", "table_name")?;
        let id: i64 = r.try_get("", "fk_id")?;
        let ref_table: String = r.try_get("", "ref_table")?;
        rows.foreign_keys.push(ForeignKeyRow {
            // The catalog has no constraint name: `CONSTRAINT name FOREIGN KEY (…)` in the
            // table's SQL gives it (below); else (sea-query writes none on SQLite) it is the
            // name the migrations give a key elsewhere, `fk_<table>_<columns>`.
            name: format!("{table}\u{0}{id}"),
            table,
            column: r.try_get("", "column_name")?,
            // `REFERENCES parent` without columns means its primary key.
            ref_column: r
                .try_get::<Option<String>>("", "ref_column")?
                .unwrap_or_else(|| "id".to_owned()),
            ref_table,
            on_delete: action(&r.try_get::<String>("", "on_delete")?)?,
            on_update: action(&r.try_get::<String>("", "on_update")?)?,
        });
    }
    let keys = &mut rows.foreign_keys[first_key..];
    let mut start = 0;
    while start < keys.len() {
        let end = (start..keys.len())
            .find(|&i| keys[i].name != keys[start].name || keys[i].table != keys[start].table)
            .unwrap_or(keys.len());
        let columns: Vec<String> = keys[start..end].iter().map(|k| k.column.clone()).collect();
        let table = keys[start].table.clone();
        let mut name = key_names
            .iter()
            .find(|(t, c, _)| *t == table && *c == columns)
            .map(|(_, _, name)| name.clone())
            .unwrap_or_else(|| format!("fk_{table}_{}", columns.join("_")));
        name.truncate(63);
        keys[start..end]
            .iter_mut()
            .for_each(|k| k.name = name.clone());
        start = end;
    }
    Ok(rows)
}

/// `CONSTRAINT name FOREIGN KEY (columns)` clauses of a `CREATE TABLE` text: the names SQLite
/// keeps only there. Each as (columns, name).
fn foreign_key_names(table_sql: &str) -> Vec<(Vec<String>, String)> {
    let unquote = |word: &str| {
        word.trim()
            .trim_matches(|c| matches!(c, '"' | '`' | '[' | ']'))
            .to_owned()
    };
    let upper = table_sql.to_ascii_uppercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = upper[from..].find("CONSTRAINT ") {
        let name_start = from + at + "CONSTRAINT ".len();
        from = name_start;
        let rest = &table_sql[name_start..];
        let Some(name_end) = rest.trim_start().find(char::is_whitespace) else {
            break;
        };
        let skipped = rest.len() - rest.trim_start().len();
        let name = unquote(&rest[skipped..skipped + name_end]);
        let after = upper[name_start + skipped + name_end..].trim_start();
        if let Some(columns) = after.strip_prefix("FOREIGN KEY") {
            let offset = upper.len() - columns.len();
            let open = table_sql[offset..].find('(').map(|i| offset + i + 1);
            let close = open.and_then(|o| table_sql[o..].find(')').map(|i| o + i));
            if let (Some(open), Some(close)) = (open, close) {
                let columns = table_sql[open..close].split(',').map(unquote).collect();
                out.push((columns, name));
            }
        }
    }
    out
}

/// The `WHERE` of a `CREATE INDEX … WHERE …` statement.
fn predicate(index_sql: &str) -> Option<String> {
    let upper = index_sql.to_ascii_uppercase();
    let at = upper.rfind(" WHERE ")?;
    Some(index_sql[at + 7..].trim().to_owned())
}

/// `[CONSTRAINT name] CHECK (…)` clauses of a `CREATE TABLE` text, outside quotes.
fn checks(table_sql: &str) -> Vec<Check> {
    let chars: Vec<char> = table_sql.chars().collect();
    let upper: Vec<char> = table_sql.to_ascii_uppercase().chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut quote: Option<char> = None;
    let mut last_constraint: Option<String> = None;
    while i < chars.len() {
        let c = chars[i];
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        if matches!(c, '\'' | '"' | '`') {
            quote = Some(c);
            i += 1;
            continue;
        }
        let word_start = i == 0 || !chars[i - 1].is_alphanumeric() && chars[i - 1] != '_';
        if word_start
            && upper[i..].starts_with(&['C', 'O', 'N', 'S', 'T', 'R', 'A', 'I', 'N', 'T', ' '])
        {
            let rest: String = chars[i + 11..].iter().collect();
            let name: String = rest
                .trim_start()
                .trim_start_matches(['"', '`', '['])
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            last_constraint = Some(name);
        }
        if word_start && upper[i..].starts_with(&['C', 'H', 'E', 'C', 'K']) {
            let Some(open) = (i + 5..chars.len()).find(|&j| !chars[j].is_whitespace()) else {
                break;
            };
            if chars[open] == '(' {
                let mut depth = 0;
                let mut end = open;
                for (j, &ch) in chars.iter().enumerate().skip(open) {
                    match ch {
                        '(' => depth += 1,
                        ')' => {
                            depth -= 1;
                            if depth == 0 {
                                end = j;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                let expression: String = chars[open + 1..end].iter().collect();
                let name = last_constraint
                    .take()
                    .unwrap_or_else(|| format!("check{}", out.len() + 1));
                out.push(Check {
                    name,
                    expression: expression.trim().to_owned(),
                });
                i = end + 1;
                continue;
            }
        }
        if c == ',' {
            last_constraint = None;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_named_and_unnamed_checks_outside_quotes() {
        let sql = r#"CREATE TABLE t ("check" text CHECK (length("check") > 0), n int,
            CONSTRAINT n_positive CHECK (n > 0 AND (n < 10)), note text DEFAULT 'CHECK (x)')"#;
        let found = checks(sql);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].expression, r#"length("check") > 0"#);
        assert_eq!(found[1].name, "n_positive");
        assert_eq!(found[1].expression, "n > 0 AND (n < 10)");
        assert_eq!(
            predicate("CREATE INDEX i ON t (a) WHERE deleted_at IS NULL").as_deref(),
            Some("deleted_at IS NULL")
        );
        let sql = r#"CREATE TABLE "c" ( "id" uuid_text NOT NULL, "a" int, "b" int,
            CONSTRAINT "fk_c_a_b" FOREIGN KEY ("a", "b") REFERENCES "p" ("x", "y"),
            CONSTRAINT n_positive CHECK (a > 0), CONSTRAINT fk_plain FOREIGN KEY (id) REFERENCES q)"#;
        assert_eq!(
            foreign_key_names(sql),
            vec![
                (vec!["a".to_owned(), "b".to_owned()], "fk_c_a_b".to_owned()),
                (vec!["id".to_owned()], "fk_plain".to_owned()),
            ]
        );
    }
}

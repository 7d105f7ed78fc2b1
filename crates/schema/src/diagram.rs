//! The entity-relationship diagram of a schema: Mermaid (renders on GitHub and in most docs)
//! or Graphviz DOT (which `dot -Tsvg` turns into SVG). Pure: a schema in, text out. Where a
//! second schema is given (the entities beside a live database), what differs is marked.

use crate::model::{Schema, Table};
use std::fmt::Write;

/// What differs from the other side, per table or column, in a few words.
fn column_drift(
    table: &str,
    column: &str,
    schema: &Schema,
    other: Option<&Schema>,
) -> Option<String> {
    let other = other?;
    let Some(theirs) = other.tables.get(table) else {
        return Some("table not in the entities".into());
    };
    let ours = schema.tables.get(table)?.column(column)?;
    match theirs.column(column) {
        None => Some("not in the entities".into()),
        Some(c) if c.sql_type != ours.sql_type => {
            Some(format!("entity: {}", short_type(&c.sql_type)))
        }
        Some(c) if c.nullable != ours.nullable => Some(format!(
            "entity: {}",
            if c.nullable { "NULL" } else { "NOT NULL" }
        )),
        Some(_) => None,
    }
}

/// A catalog type as one short word a diagram can hold (`character varying(255)` → `varchar`).
fn short_type(sql_type: &str) -> String {
    let base = sql_type.split('(').next().unwrap_or(sql_type).trim();
    match base {
        "character varying" => "varchar".into(),
        "character" => "char".into(),
        "timestamp with time zone" => "timestamptz".into(),
        "timestamp without time zone" => "timestamp".into(),
        "time without time zone" => "time".into(),
        "double precision" => "double".into(),
        other => other.replace(' ', "_"),
    }
}

/// The key marks of a column: primary key, foreign key, unique.
fn keys(table: &Table, column: &str) -> Vec<&'static str> {
    let mut marks = Vec::new();
    if table.primary_key.iter().any(|c| c == column) {
        marks.push("PK");
    }
    if table
        .foreign_keys
        .iter()
        .any(|fk| fk.columns.iter().any(|c| c == column))
    {
        marks.push("FK");
    }
    if table
        .indexes
        .iter()
        .any(|i| i.unique && i.columns == [column])
    {
        marks.push("UK");
    }
    marks
}

/// Columns of `table` in `other` that `schema` lacks, to be drawn as missing.
fn missing_columns<'a>(
    table: &str,
    schema: &Schema,
    other: Option<&'a Schema>,
) -> Vec<&'a crate::model::Column> {
    let (Some(ours), Some(theirs)) = (
        schema.tables.get(table),
        other.and_then(|o| o.tables.get(table)),
    ) else {
        return vec![];
    };
    theirs
        .columns
        .iter()
        .filter(|c| ours.column(&c.name).is_none())
        .collect()
}

/// Tables of `other` that `schema` lacks, to be drawn as missing.
fn missing_tables<'a>(schema: &Schema, other: Option<&'a Schema>) -> Vec<(&'a String, &'a Table)> {
    other
        .map(|o| {
            o.tables
                .iter()
                .filter(|(name, _)| !schema.tables.contains_key(*name))
                .collect()
        })
        .unwrap_or_default()
}

/// Mermaid `erDiagram` of `schema`; with `other` (what `schema` should be), differences are
/// marked in the attributes' comments and missing tables are drawn empty with a note.
pub fn mermaid(schema: &Schema, other: Option<&Schema>) -> String {
    let mut out = String::from("erDiagram\n");
    for (name, table) in &schema.tables {
        let _ = writeln!(out, "    {name} {{");
        for column in &table.columns {
            let marks = keys(table, &column.name).join(", ");
            let mut line = format!("        {} {}", short_type(&column.sql_type), column.name);
            if !marks.is_empty() {
                let _ = write!(line, " {marks}");
            }
            match column_drift(name, &column.name, schema, other) {
                Some(drift) => {
                    let _ = write!(line, " \"DRIFT: {drift}\"");
                }
                None if column.nullable => line.push_str(" \"nullable\""),
                None => {}
            }
            let _ = writeln!(out, "{line}");
        }
        for column in missing_columns(name, schema, other) {
            let _ = writeln!(
                out,
                "        {} {} \"DRIFT: not in the database\"",
                short_type(&column.sql_type),
                column.name
            );
        }
        let _ = writeln!(out, "    }}");
    }
    for (name, _) in missing_tables(schema, other) {
        let _ = writeln!(
            out,
            "    {name} {{\n        missing {name} \"DRIFT: not in the database\"\n    }}"
        );
    }
    for (name, table) in &schema.tables {
        for fk in &table.foreign_keys {
            let optional = fk
                .columns
                .iter()
                .any(|c| table.column(c).is_some_and(|c| c.nullable));
            let parent = if optional { "o|" } else { "||" };
            let _ = writeln!(
                out,
                "    {} }}o--{parent} {} : \"{}\"",
                name,
                fk.ref_table,
                fk.columns.join(", ")
            );
        }
    }
    out
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Graphviz DOT of `schema`, tables as HTML-like records; differences with `other` in red.
pub fn dot(schema: &Schema, other: Option<&Schema>) -> String {
    let mut out = String::from(
        "digraph schema {\n    graph [rankdir=LR, fontname=\"Helvetica\"];\n    node [shape=plain, fontname=\"Helvetica\"];\n    edge [fontname=\"Helvetica\", fontsize=10];\n",
    );
    let table_node = |out: &mut String, name: &str, rows: Vec<(String, Option<String>)>| {
        let _ = write!(
            out,
            "    \"{name}\" [label=<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\"><tr><td bgcolor=\"lightgrey\"><b>{}</b></td></tr>",
            escape_html(name)
        );
        for (text, drift) in rows {
            match drift {
                Some(drift) => {
                    let _ = write!(
                        out,
                        "<tr><td align=\"left\"><font color=\"red\">{} ({})</font></td></tr>",
                        escape_html(&text),
                        escape_html(&drift)
                    );
                }
                None => {
                    let _ = write!(
                        out,
                        "<tr><td align=\"left\">{}</td></tr>",
                        escape_html(&text)
                    );
                }
            }
        }
        let _ = writeln!(out, "</table>>];");
    };
    for (name, table) in &schema.tables {
        let missing = missing_columns(name, schema, other).into_iter().map(|c| {
            (
                format!("{}: {}", c.name, short_type(&c.sql_type)),
                Some("not in the database".to_owned()),
            )
        });
        let rows = table
            .columns
            .iter()
            .map(|c| {
                let marks = keys(table, &c.name);
                let marks = if marks.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", marks.join(", "))
                };
                let null = if c.nullable { "?" } else { "" };
                (
                    format!("{}{null}: {}{marks}", c.name, short_type(&c.sql_type)),
                    column_drift(name, &c.name, schema, other),
                )
            })
            .chain(missing)
            .collect();
        table_node(&mut out, name, rows);
    }
    for (name, _) in missing_tables(schema, other) {
        table_node(
            &mut out,
            name,
            vec![(String::new(), Some("not in the database".into()))],
        );
    }
    for (name, table) in &schema.tables {
        for fk in &table.foreign_keys {
            let _ = writeln!(
                out,
                "    \"{name}\" -> \"{}\" [label=\"{}\"];",
                fk.ref_table,
                fk.columns.join(", ")
            );
        }
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Column, ForeignKey, ReferentialAction};

    fn schema(with_note: bool) -> Schema {
        let mut users = Table::default();
        users.columns.push(Column {
            name: "id".into(),
            sql_type: "uuid".into(),
            nullable: false,
            default: None,
        });
        users.primary_key.push("id".into());
        let mut visits = users.clone();
        visits.columns.push(Column {
            name: "user_id".into(),
            sql_type: "uuid".into(),
            nullable: true,
            default: None,
        });
        if with_note {
            visits.columns.push(Column {
                name: "note".into(),
                sql_type: "character varying(40)".into(),
                nullable: true,
                default: None,
            });
        }
        visits.foreign_keys.push(ForeignKey {
            name: "fk".into(),
            columns: vec!["user_id".into()],
            ref_table: "users".into(),
            ref_columns: vec!["id".into()],
            on_delete: ReferentialAction::SetNull,
            on_update: ReferentialAction::NoAction,
        });
        let mut s = Schema::default();
        s.tables.insert("users".into(), users);
        s.tables.insert("visits".into(), visits);
        s
    }

    #[test]
    fn mermaid_draws_keys_optional_references_and_marks_drift() {
        let plain = mermaid(&schema(false), None);
        assert!(plain.contains("uuid id PK"), "{plain}");
        assert!(plain.contains("uuid user_id FK \"nullable\""), "{plain}");
        assert!(
            plain.contains("visits }o--o| users : \"user_id\""),
            "{plain}"
        );
        let live = schema(true);
        let marked = mermaid(&live, Some(&schema(false)));
        assert!(
            marked.contains("varchar note \"DRIFT: not in the entities\""),
            "{marked}"
        );
    }

    #[test]
    fn dot_draws_records_and_edges() {
        let text = dot(&schema(true), Some(&schema(false)));
        assert!(
            text.contains("\"visits\" -> \"users\" [label=\"user_id\"]"),
            "{text}"
        );
        assert!(
            text.contains("<font color=\"red\">note?: varchar (not in the entities)"),
            "{text}"
        );
    }
}

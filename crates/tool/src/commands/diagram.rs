//! `diagram`: the entity-relationship diagram of the entities, or of the live database with
//! its differences from the entities marked (`schema_model::diagram` draws it).

use crate::cli::DiagramFormat;
use crate::error::exit;
use crate::session::Session;
use crate::ToolError;
use schema_model::declared::{self, Flavour};
use schema_model::{diagram, Schema};
use std::io::Write;

/// The entities as PostgreSQL (production) spells them; no database is needed.
pub fn of_entities(format: DiagramFormat, out: &mut dyn Write) -> Result<u8, ToolError> {
    let ddl = entity::registry::schema_ddl(sea_orm::DbBackend::Postgres);
    let schema = declared::render(&ddl, Flavour::Postgres)
        .map_err(|e| ToolError::Refused(format!("cannot draw the entities: {e}")))?;
    draw(&schema, None, format, out)
}

/// The live database, with what differs from the entities marked.
pub async fn of_live(
    session: &Session,
    format: DiagramFormat,
    out: &mut dyn Write,
) -> Result<u8, ToolError> {
    let live = crate::replay::read_schema(&session.db).await?;
    let entities = entity::registry::read_schema(&session.db).await?;
    draw(&live, Some(&entities), format, out)
}

fn draw(
    schema: &Schema,
    other: Option<&Schema>,
    format: DiagramFormat,
    out: &mut dyn Write,
) -> Result<u8, ToolError> {
    match format {
        DiagramFormat::Mermaid => write!(out, "{}", diagram::mermaid(schema, other))?,
        DiagramFormat::Dot => write!(out, "{}", diagram::dot(schema, other))?,
        DiagramFormat::Svg => out.write_all(&svg(&diagram::dot(schema, other))?)?,
    }
    Ok(exit::OK)
}

/// The SVG Graphviz's `dot` makes of `source`.
fn svg(source: &str) -> Result<Vec<u8>, ToolError> {
    use std::process::{Command, Stdio};
    let missing = |e: std::io::Error| {
        ToolError::Refused(format!(
            "cannot run Graphviz's `dot` ({e}), which draws the SVG\n  hint: install Graphviz \
             (`apt-get install graphviz`, `brew install graphviz`), or use --format mermaid \
             or --format dot"
        ))
    };
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(missing)?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(source.as_bytes())?;
    }
    let output = child.wait_with_output()?;
    if !output.status.success() {
        return Err(ToolError::Refused(format!(
            "Graphviz's `dot` failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    Ok(output.stdout)
}

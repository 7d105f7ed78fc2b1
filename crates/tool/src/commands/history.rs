use crate::error::exit;
use crate::session::Session;
use crate::ToolError;
use migration::{applied_revisions, check_known, known_revisions, AppliedRevision};
use std::io::Write;

/// The version table as this build understands it. Fails on a revision it does not know.
pub struct Ledger {
    pub known: Vec<String>,
    pub rows: Vec<AppliedRevision>,
}

impl Ledger {
    pub async fn read<C: sea_orm::ConnectionTrait>(
        session: &Session,
        conn: &C,
    ) -> Result<Self, ToolError> {
        let rows = applied_revisions(conn).await.map_err(|e| session.fail(e))?;
        check_known(&rows).map_err(|e| session.fail(e))?;
        Ok(Ledger {
            known: known_revisions(),
            rows,
        })
    }

    pub fn is_applied(&self, revision: &str) -> bool {
        self.rows.iter().any(|r| r.version == revision)
    }

    pub fn applied_count(&self) -> usize {
        self.known.iter().filter(|k| self.is_applied(k)).count()
    }

    /// Newest applied migration.
    pub fn current(&self) -> Option<&str> {
        self.known
            .iter()
            .rev()
            .find(|k| self.is_applied(k))
            .map(String::as_str)
    }

    pub fn head(&self) -> Option<&str> {
        self.known.last().map(String::as_str)
    }
}

pub fn describe_current(ledger: &Ledger) -> String {
    match ledger.current() {
        None => "base (no migration applied)".into(),
        Some(c) if Some(c) == ledger.head() => format!("{c} (head)"),
        Some(c) => format!(
            "{c} ({} pending)",
            ledger.known.len() - ledger.applied_count()
        ),
    }
}

pub async fn current(session: &Session, out: &mut dyn Write) -> Result<u8, ToolError> {
    let ledger = Ledger::read(session, &session.db).await?;
    writeln!(out, "{}", describe_current(&ledger))?;
    Ok(exit::OK)
}

pub async fn history(session: &Session, out: &mut dyn Write) -> Result<u8, ToolError> {
    let ledger = Ledger::read(session, &session.db).await?;
    for name in &ledger.known {
        let state = match ledger.rows.iter().find(|r| &r.version == name) {
            Some(row) => format!("applied {}", format_time(row.applied_at)),
            None => "pending".into(),
        };
        let mut marks = Vec::new();
        if Some(name.as_str()) == ledger.head() {
            marks.push("head");
        }
        if Some(name.as_str()) == ledger.current() {
            marks.push("current");
        }
        let marks = if marks.is_empty() {
            String::new()
        } else {
            format!("  ({})", marks.join(", "))
        };
        writeln!(out, "{name}  {state}{marks}")?;
    }
    Ok(exit::OK)
}

fn format_time(unix_seconds: i64) -> String {
    chrono::DateTime::from_timestamp(unix_seconds, 0)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
        .unwrap_or_else(|| format!("at {unix_seconds}"))
}

/// `--sql` for upgrade and downgrade: the script for `names` in this database's dialect, run
/// nowhere.
pub async fn print_script(
    session: &Session,
    ledger: &Ledger,
    direction: migration::Direction,
    names: &[String],
    out: &mut dyn Write,
) -> Result<u8, ToolError> {
    if names.is_empty() {
        let verb = if direction == migration::Direction::Up {
            "apply"
        } else {
            "revert"
        };
        writeln!(
            out,
            "-- nothing to {verb}: the database is at {}",
            describe_current(ledger)
        )?;
    } else {
        let backend = sea_orm::ConnectionTrait::get_database_backend(&session.db);
        let script = migration::sql_script(backend, direction, names)
            .await
            .map_err(|e| session.fail(e))?;
        write!(out, "{script}")?;
    }
    Ok(exit::OK)
}

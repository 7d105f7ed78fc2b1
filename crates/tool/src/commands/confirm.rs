use crate::ToolError;
use std::io::{BufRead, IsTerminal, Write};

/// Asks before a destructive step. Without a terminal to ask on, refuses unless `--yes`
/// was given, so a script can never destroy data by accident.
pub fn confirm(what: &str, yes: bool) -> Result<(), ToolError> {
    if yes {
        return Ok(());
    }
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err(ToolError::Refused(format!(
            "{what}\nrefusing to continue without confirmation: stdin is not a terminal; pass --yes to proceed"
        )));
    }
    let mut stderr = std::io::stderr();
    write!(stderr, "{what}\nContinue? [y/N] ")?;
    stderr.flush()?;
    let mut answer = String::new();
    stdin.lock().read_line(&mut answer)?;
    if matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
        Ok(())
    } else {
        Err(ToolError::Refused("aborted; nothing was changed".into()))
    }
}

/// A yes/no question at the terminal; `None` when there is no terminal to ask on.
pub fn ask(question: &str) -> Result<Option<bool>, ToolError> {
    Ok(ask_line(&format!("{question} [y/N]"))?
        .map(|answer| matches!(answer.to_ascii_lowercase().as_str(), "y" | "yes")))
}

/// A question answered with a line at the terminal (trimmed); `None` without a terminal.
pub fn ask_line(question: &str) -> Result<Option<String>, ToolError> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Ok(None);
    }
    let mut stderr = std::io::stderr();
    write!(stderr, "{question} ")?;
    stderr.flush()?;
    let mut answer = String::new();
    stdin.lock().read_line(&mut answer)?;
    Ok(Some(answer.trim().to_owned()))
}

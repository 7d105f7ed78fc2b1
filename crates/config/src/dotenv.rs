//! `.env` in the working directory, strictly: a file that exists but cannot be read or parsed
//! is an error naming the file and the line, never a silent fall-back to the local SQLite file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DotenvError {
    #[error("cannot read {}: {detail}\n  hint: fix its permissions or remove it", path.display())]
    Unreadable { path: PathBuf, detail: String },
    // The line itself is not shown: it may hold a password.
    #[error("{}:{line}: cannot parse this line (expected NAME=value; quote values with spaces or #)\n  hint: nothing was run; fix the line or remove the file", path.display())]
    Syntax { path: PathBuf, line: usize },
}

/// Loads `./.env` if it exists. Variables already in the environment win; within the file a
/// variable set twice keeps its last value, as a shell would. Returns the file used.
pub fn load_dotenv() -> Result<Option<PathBuf>, DotenvError> {
    let path = PathBuf::from(".env");
    if !path.exists() {
        return Ok(None);
    }
    for (name, value) in read(&path)? {
        if std::env::var_os(&name).is_none() {
            std::env::set_var(name, value);
        }
    }
    Ok(Some(path))
}

/// The number of the first line at which `text` stops parsing: the shortest run of its first
/// lines that fails. (The parser's own error holds a fragment of the line, such as what
/// follows `$(`, which need not be a whole line of the file.)
fn first_bad_line(text: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    (1..=lines.len())
        .find(|&n| {
            let prefix = lines[..n].join("\n");
            dotenvy::from_read_iter(prefix.as_bytes()).any(|item| item.is_err())
        })
        .unwrap_or(lines.len())
}

/// The variables a `.env` file sets, last value winning.
pub fn read(path: &Path) -> Result<BTreeMap<String, String>, DotenvError> {
    let text = std::fs::read_to_string(path).map_err(|e| DotenvError::Unreadable {
        path: path.to_owned(),
        detail: e.to_string(),
    })?;
    let iter = dotenvy::from_read_iter(text.as_bytes());
    let mut vars = BTreeMap::new();
    for item in iter {
        match item {
            Ok((name, value)) => {
                vars.insert(name, value);
            }
            Err(dotenvy::Error::LineParse(..)) => {
                return Err(DotenvError::Syntax {
                    path: path.to_owned(),
                    line: first_bad_line(&text),
                });
            }
            Err(e) => {
                return Err(DotenvError::Unreadable {
                    path: path.to_owned(),
                    detail: e.to_string(),
                })
            }
        }
    }
    Ok(vars)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(content: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("dotenv_{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{}.env", content.len()));
        std::fs::write(&path, content).unwrap();
        path
    }

    #[test]
    fn last_value_wins_and_bad_lines_are_named_without_their_content() {
        let vars = read(&file("A=1\n# note\nA=2\nB='x y'\n")).unwrap();
        assert_eq!(vars["A"], "2");
        assert_eq!(vars["B"], "x y");
        let err = read(&file("A=1\nDATABASE_URL postgres://u:Secret9@h/db\n")).unwrap_err();
        assert!(
            matches!(err, DotenvError::Syntax { line: 2, .. }),
            "{err:?}"
        );
        assert!(!err.to_string().contains("Secret9"), "{err}");
        // A command substitution is refused on its own line, whatever the parser quotes of it.
        let err = read(&file("A=1\n# note\nB=2\nTOKEN=$(cat /run/secret)\nC=3\n")).unwrap_err();
        assert!(
            matches!(err, DotenvError::Syntax { line: 4, .. }),
            "{err:?}"
        );
        let _ = std::fs::remove_dir_all(file("").parent().unwrap());
    }
}

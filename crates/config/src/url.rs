use std::fmt;

/// Used when neither variable is set: a file next to where the command runs, created on demand.
pub const DEFAULT_SQLITE_URL: &str = "sqlite://counsel.db?mode=rwc";

/// Who the connection is for: migrations may use a direct (non-pooled) URL, e.g. to bypass
/// PgBouncer in transaction mode, which breaks advisory locks and DDL transactions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Application,
    Migrations,
}

/// Which setting the URL came from, so `check` can tell the operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlSource {
    CommandLine,
    DatabaseUrlDirect,
    DatabaseUrl,
    Default,
}

impl fmt::Display for UrlSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UrlSource::CommandLine => "--database-url",
            UrlSource::DatabaseUrlDirect => "DATABASE_URL_DIRECT",
            UrlSource::DatabaseUrl => "DATABASE_URL",
            UrlSource::Default => "default (no DATABASE_URL set)",
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
    MySql,
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
            Backend::MySql => "mysql",
        })
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("{variable} is set but empty; set it to a URL such as postgres://user@host:5432/db, or unset it to use {DEFAULT_SQLITE_URL}")]
    Empty { variable: &'static str },
    #[error("{variable} is not a valid database URL ({reason}); expected e.g. postgres://user:password@host:5432/db or sqlite://path/to/file.db?mode=rwc")]
    Malformed {
        variable: &'static str,
        reason: String,
    },
    #[error(
        "{variable} uses the unsupported scheme '{scheme}'; use postgres://, mysql:// or sqlite://"
    )]
    UnsupportedScheme {
        variable: &'static str,
        scheme: String,
    },
}

/// A validated database URL. Holds the secret; shows only the masked form.
#[derive(Clone, PartialEq, Eq)]
pub struct DbUrl {
    raw: String,
    masked: String,
    password: Option<String>,
    backend: Backend,
    source: UrlSource,
}

impl DbUrl {
    /// Resolves from the process environment (call [`crate::load_dotenv`] first to honour `.env`).
    pub fn from_env(purpose: Purpose) -> Result<Self, ConfigError> {
        Self::resolve(purpose, |name| std::env::var(name).ok())
    }

    /// Resolves with an explicit lookup, so the rules are testable without touching the
    /// process environment.
    pub fn resolve(
        purpose: Purpose,
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let mut candidates = Vec::new();
        if purpose == Purpose::Migrations {
            candidates.push(("DATABASE_URL_DIRECT", UrlSource::DatabaseUrlDirect));
        }
        candidates.push(("DATABASE_URL", UrlSource::DatabaseUrl));
        for (variable, source) in candidates {
            if let Some(value) = lookup(variable) {
                if value.trim().is_empty() {
                    return Err(ConfigError::Empty { variable });
                }
                return Self::parse_from(value.trim(), variable, source);
            }
        }
        Self::parse_from(DEFAULT_SQLITE_URL, "default URL", UrlSource::Default)
    }

    /// The default SQLite file, `counsel.db`, in `dir` rather than the working directory (a
    /// tool run from a subdirectory of the workspace uses the workspace's file).
    pub fn default_in(dir: &std::path::Path) -> Result<Self, ConfigError> {
        let raw = format!("sqlite://{}?mode=rwc", dir.join("counsel.db").display());
        Self::parse_from(&raw, "default URL", UrlSource::Default)
    }

    /// Parses a URL given directly (e.g. on the command line).
    pub fn parse(value: &str) -> Result<Self, ConfigError> {
        Self::parse_from(value.trim(), "--database-url", UrlSource::CommandLine)
    }

    fn parse_from(
        raw: &str,
        variable: &'static str,
        source: UrlSource,
    ) -> Result<Self, ConfigError> {
        let scheme = raw
            .split_once(':')
            .map(|(s, _)| s.to_ascii_lowercase())
            .ok_or_else(|| ConfigError::Malformed {
                variable,
                reason: "it has no scheme such as postgres:// or sqlite://".into(),
            })?;
        let backend = match scheme.as_str() {
            "sqlite" => Backend::Sqlite,
            "postgres" | "postgresql" => Backend::Postgres,
            "mysql" | "mariadb" => Backend::MySql,
            other => {
                return Err(ConfigError::UnsupportedScheme {
                    variable,
                    scheme: mask_text(other, None),
                })
            }
        };
        // The driver knows one spelling per backend (`mariadb://`, `SQLITE://` would fail later
        // with a misleading hint): rewrite the scheme to it.
        let canonical = match backend {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
            Backend::MySql => "mysql",
        };
        let raw = &format!("{canonical}{}", &raw[scheme.len()..]);
        if backend == Backend::Sqlite {
            // sqlite: URLs are paths, not authorities; nothing to mask.
            return Ok(DbUrl {
                raw: raw.into(),
                masked: raw.into(),
                password: None,
                backend,
                source,
            });
        }
        let parsed = ::url::Url::parse(raw).map_err(|e| ConfigError::Malformed {
            variable,
            reason: match e {
                // A `#`, `/`, `?` or `@` in the password ends the authority early.
                ::url::ParseError::InvalidPort | ::url::ParseError::InvalidDomainCharacter
                    if raw.contains('@') =>
                {
                    format!(
                        "{e}; if the password contains #, /, ?, @ or :, percent-encode them \
                         (# is %23, / is %2F, ? is %3F, @ is %40, : is %3A)"
                    )
                }
                other => other.to_string(),
            },
        })?;
        if parsed.host_str().is_none_or(str::is_empty) {
            return Err(ConfigError::Malformed {
                variable,
                reason: "it names no host".into(),
            });
        }
        let password = parsed.password().map(str::to_owned);
        let mut shown = parsed.clone();
        if password.is_some() {
            // set_password only fails for URLs that cannot have one, which these can.
            let _ = shown.set_password(Some("***"));
        }
        Ok(DbUrl {
            raw: raw.into(),
            masked: shown.to_string(),
            password,
            backend,
            source,
        })
    }

    /// The real URL, for the driver only. Never log it.
    pub fn expose(&self) -> &str {
        &self.raw
    }

    /// The URL with its password replaced by `***`.
    pub fn masked(&self) -> &str {
        &self.masked
    }

    /// Host and port of a server URL (default ports filled in); `None` for SQLite.
    pub fn server_address(&self) -> Option<(String, u16)> {
        let default_port = match self.backend {
            Backend::Sqlite => return None,
            Backend::Postgres => 5432,
            Backend::MySql => 3306,
        };
        let parsed = ::url::Url::parse(&self.raw).ok()?;
        let host = parsed.host_str()?.trim_matches(['[', ']']).to_owned();
        Some((host, parsed.port().unwrap_or(default_port)))
    }

    /// The file of a SQLite URL; `None` for servers and in-memory databases.
    pub fn sqlite_file(&self) -> Option<std::path::PathBuf> {
        if self.backend != Backend::Sqlite {
            return None;
        }
        let rest = self.raw.strip_prefix("sqlite:")?;
        let rest = rest.strip_prefix("//").unwrap_or(rest);
        let path = rest.split('?').next().unwrap_or_default();
        (!path.is_empty() && path != ":memory:").then(|| path.into())
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn source(&self) -> UrlSource {
        self.source
    }

    /// Removes the password (raw and percent-decoded) from any text, e.g. a driver error.
    pub fn redact(&self, text: &str) -> String {
        mask_text(text, self.password.as_deref())
    }
}

/// Scrubs a known password and anything shaped like `scheme://user:secret@` from text.
fn mask_text(text: &str, password: Option<&str>) -> String {
    let mut out = text.to_owned();
    if let Some(pw) = password.filter(|p| !p.is_empty()) {
        out = out.replace(pw, "***");
        if let Ok(decoded) = ::url::form_urlencoded::parse(format!("p={pw}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
            .ok_or(())
        {
            if !decoded.is_empty() {
                out = out.replace(&decoded, "***");
            }
        }
    }
    mask_userinfo(&out)
}

/// Scrubs anything shaped like `scheme://user:secret@` from text whose URL is not known, e.g. a
/// command-line parser's error echoing a mistyped argument.
pub fn redact_secrets(text: &str) -> String {
    mask_userinfo(text)
}

/// Replaces the secret in every `://user:secret@` sequence.
fn mask_userinfo(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find("://") {
        let (head, tail) = rest.split_at(pos + 3);
        out.push_str(head);
        let end = tail
            .find(|c: char| c.is_whitespace() || c == '/' || c == '"' || c == '\'')
            .unwrap_or(tail.len());
        let authority = &tail[..end];
        match (authority.rfind('@'), authority.find(':')) {
            (Some(at), Some(colon)) if colon < at => {
                out.push_str(&authority[..=colon]);
                out.push_str("***");
                out.push_str(&authority[at..]);
            }
            _ => out.push_str(authority),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

impl fmt::Display for DbUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked)
    }
}

impl fmt::Debug for DbUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DbUrl")
            .field("url", &self.masked)
            .field("backend", &self.backend)
            .field("source", &self.source)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn migrations_prefer_direct_url_and_fall_back() {
        let both = [
            ("DATABASE_URL", "postgres://app@pool:6432/db"),
            ("DATABASE_URL_DIRECT", "postgres://app@db:5432/db"),
        ];
        let m = DbUrl::resolve(Purpose::Migrations, env(&both)).unwrap();
        assert_eq!(m.expose(), "postgres://app@db:5432/db");
        assert_eq!(m.source(), UrlSource::DatabaseUrlDirect);
        let a = DbUrl::resolve(Purpose::Application, env(&both)).unwrap();
        assert_eq!(a.expose(), "postgres://app@pool:6432/db");
        let only = [("DATABASE_URL", "postgres://app@pool:6432/db")];
        assert_eq!(
            DbUrl::resolve(Purpose::Migrations, env(&only))
                .unwrap()
                .source(),
            UrlSource::DatabaseUrl
        );
        let none = DbUrl::resolve(Purpose::Migrations, env(&[])).unwrap();
        assert_eq!(none.expose(), DEFAULT_SQLITE_URL);
        assert_eq!(none.backend(), Backend::Sqlite);
    }

    #[test]
    fn passwords_never_show() {
        let u = DbUrl::parse("postgres://admin:s3cr%40t@db.internal:5432/prod").unwrap();
        assert_eq!(u.masked(), "postgres://admin:***@db.internal:5432/prod");
        assert!(!format!("{u} {u:?}").contains("s3cr"));
        let err =
            "error connecting to postgres://admin:s3cr%40t@db.internal: password s3cr@t rejected";
        let clean = u.redact(err);
        assert!(!clean.contains("s3cr"), "{clean}");
    }

    #[test]
    fn bad_urls_are_explained() {
        assert!(matches!(
            DbUrl::resolve(Purpose::Application, env(&[("DATABASE_URL", " ")])),
            Err(ConfigError::Empty { .. })
        ));
        let e = DbUrl::parse("redis://:pw@localhost").unwrap_err();
        assert!(matches!(e, ConfigError::UnsupportedScheme { .. }));
        assert!(DbUrl::parse("localhost:5432").is_err());
        let e = DbUrl::parse("postgres://user:pw@:5432/db").unwrap_err();
        assert!(!e.to_string().contains("pw@"), "{e}");
        let e = DbUrl::parse("postgres://user:p#ss/word@db:5432/app").unwrap_err();
        assert!(e.to_string().contains("percent-encode"), "{e}");
        assert!(!e.to_string().contains("ss/word"), "{e}");
    }

    #[test]
    fn sqlite_urls_name_their_file() {
        let file = |u: &str| DbUrl::parse(u).unwrap().sqlite_file();
        assert_eq!(
            file("sqlite://counsel.db?mode=rwc"),
            Some("counsel.db".into())
        );
        assert_eq!(file("sqlite:///var/x.db"), Some("/var/x.db".into()));
        assert_eq!(file("sqlite::memory:"), None);
        assert_eq!(file("postgres://h/db"), None);
    }

    #[test]
    fn other_spellings_of_a_scheme_become_the_drivers_own() {
        let u = DbUrl::parse("mariadb://root@127.0.0.1:3306/app").unwrap();
        assert_eq!(u.expose(), "mysql://root@127.0.0.1:3306/app");
        assert_eq!(u.backend(), Backend::MySql);
        let u = DbUrl::parse("SQLITE://local.db?mode=rwc").unwrap();
        assert_eq!(u.expose(), "sqlite://local.db?mode=rwc");
        let u = DbUrl::parse("postgresql://app@db/x").unwrap();
        assert_eq!(u.expose(), "postgres://app@db/x");
        assert_eq!(
            redact_secrets("unexpected argument 'postgres://u:Hidden1@h/db' found"),
            "unexpected argument 'postgres://u:***@h/db' found"
        );
    }
}

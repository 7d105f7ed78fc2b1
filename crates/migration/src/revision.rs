//! Naming revisions on the command line: a full migration name, a unique prefix of one
//! (`m20261124_000001`), `head` (the newest) or `base` (before the first).

use crate::MigrateError;

/// A point in the migration history: `Base` is "nothing applied".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Base,
    /// Index into the known migrations.
    At(usize),
}

/// Resolves `spec` against `known` (oldest first).
pub fn resolve(spec: &str, known: &[String]) -> Result<Target, MigrateError> {
    let spec = spec.trim();
    match spec {
        "base" => return Ok(Target::Base),
        "head" | "heads" => {
            return known
                .len()
                .checked_sub(1)
                .map(Target::At)
                .ok_or_else(|| MigrateError::NoSuchRevision(spec.into()))
        }
        _ => {}
    }
    if let Some(i) = known.iter().position(|k| k == spec) {
        return Ok(Target::At(i));
    }
    let matches: Vec<usize> = if spec.is_empty() {
        vec![]
    } else {
        (0..known.len())
            .filter(|&i| known[i].starts_with(spec))
            .collect()
    };
    match matches.as_slice() {
        [i] => Ok(Target::At(*i)),
        [] => Err(MigrateError::NoSuchRevision(spec.into())),
        many => Err(MigrateError::AmbiguousRevision {
            prefix: spec.into(),
            matches: many.iter().map(|&i| known[i].clone()).collect(),
        }),
    }
}

/// How many migrations are applied when the database sits at `target`.
pub fn applied_count(target: &Target) -> usize {
    match target {
        Target::Base => 0,
        Target::At(i) => i + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Vec<String> {
        vec!["m1_init".into(), "m2_add".into(), "m20_more".into()]
    }

    #[test]
    fn resolves_names_prefixes_and_aliases() {
        assert_eq!(resolve("head", &known()).unwrap(), Target::At(2));
        assert_eq!(resolve("base", &known()).unwrap(), Target::Base);
        assert_eq!(resolve("m2_add", &known()).unwrap(), Target::At(1));
        assert_eq!(resolve("m1", &known()).unwrap(), Target::At(0));
        assert!(matches!(
            resolve("m2", &known()),
            Err(MigrateError::AmbiguousRevision { .. })
        ));
        assert!(matches!(
            resolve("zzz", &known()),
            Err(MigrateError::NoSuchRevision(_))
        ));
        assert!(matches!(
            resolve("", &known()),
            Err(MigrateError::NoSuchRevision(_))
        ));
        assert!(matches!(
            resolve("head", &[]),
            Err(MigrateError::NoSuchRevision(_))
        ));
        assert_eq!(applied_count(&Target::At(1)), 2);
    }
}

//! A migration's module name: a timestamp (so names sort by creation) and a slug of its
//! message, which must say what the migration does.

use crate::GenerateError;

/// Messages that describe nothing.
const MEANINGLESS: &[&str] = &[
    "update",
    "updates",
    "fix",
    "fixes",
    "wip",
    "change",
    "changes",
    "migration",
    "migrate",
    "misc",
    "stuff",
    "test",
    "tmp",
    "temp",
    "todo",
    "new",
    "auto",
    "generated",
    "schema",
];

/// `m{YYYYMMDD_HHMMSS}_{slug}` for a message such as "Add description to datasources".
pub fn module_name(message: &str, timestamp: &str) -> Result<String, GenerateError> {
    let slug = slug(message);
    let words: Vec<&str> = slug.split('_').filter(|w| !w.is_empty()).collect();
    let says_something = words
        .iter()
        .any(|w| !MEANINGLESS.contains(w) && w.len() > 1);
    if words.is_empty() || !says_something {
        return Err(GenerateError::MeaninglessMessage(message.to_owned()));
    }
    let mut slug = words.join("_");
    slug.truncate(60);
    Ok(format!("m{timestamp}_{}", slug.trim_end_matches('_')))
}

fn slug(message: &str) -> String {
    message
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_becomes_a_sortable_module_name() {
        assert_eq!(
            module_name("Add description to datasources!", "20261125_101500").unwrap(),
            "m20261125_101500_add_description_to_datasources"
        );
    }

    #[test]
    fn messages_that_say_nothing_are_refused() {
        for message in [
            "",
            "  ",
            "update",
            "WIP",
            "fix!",
            "changes",
            "schema update",
            "---",
        ] {
            assert_eq!(
                module_name(message, "20261125_101500"),
                Err(GenerateError::MeaninglessMessage(message.into())),
                "{message:?}"
            );
        }
    }
}

//! Adding a migration to `migrations/mod.rs`: a `pub mod` line and an entry of the `all()`
//! list, both plain code. (A macro that declared both from one list made the compiler redo
//! every migration module whenever the list grew: 57 s against 4 s at 200 migrations.)

use crate::GenerateError;

/// Where the `all()` list starts and ends in `mod_rs`.
fn list_bounds(mod_rs: &str) -> Result<(usize, usize), GenerateError> {
    let start = mod_rs
        .find("vec![")
        .map(|at| at + "vec![".len())
        .ok_or_else(|| GenerateError::Register("no `vec![` list of migrations in mod.rs".into()))?;
    let end = start
        + mod_rs[start..].find(']').ok_or_else(|| {
            GenerateError::Register("the list of migrations is not closed".into())
        })?;
    Ok((start, end))
}

/// `mod_rs` with `module` declared after the last `pub mod` line and appended to the list.
pub fn register(mod_rs: &str, module: &str) -> Result<String, GenerateError> {
    if listed(mod_rs).contains(&module) {
        return Err(GenerateError::Register(format!(
            "{module} is already registered"
        )));
    }
    let (start, end) = list_bounds(mod_rs)?;
    let body = mod_rs[start..end].trim_end();
    let separator = if body.is_empty() || body.ends_with(',') {
        ""
    } else {
        ","
    };
    let with_entry = format!(
        "{}{body}{separator}\n        Box::new({module}::Migration),\n    {}",
        &mod_rs[..start],
        &mod_rs[end..]
    );
    let declaration = format!("pub mod {module};\n");
    let at = match with_entry.rfind("\npub mod ") {
        Some(last) => last + 1 + with_entry[last + 1..].find('\n').map_or(0, |n| n + 1),
        None => with_entry
            .find("\n/// Every migration")
            .map(|at| at + 1)
            .ok_or_else(|| {
                GenerateError::Register("no `pub mod` line or `pub fn all` in mod.rs".into())
            })?,
    };
    Ok(format!(
        "{}{declaration}{}",
        &with_entry[..at],
        &with_entry[at..]
    ))
}

/// The modules of the `all()` list, in order.
pub fn listed(mod_rs: &str) -> Vec<&str> {
    let Ok((start, end)) = list_bounds(mod_rs) else {
        return vec![];
    };
    mod_rs[start..end]
        .split(',')
        .filter_map(|entry| {
            entry
                .trim()
                .strip_prefix("Box::new(")?
                .strip_suffix("::Migration)")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOD_RS: &str = "//! doc\n\npub mod m1_first;\n\npub fn all() -> Vec<Box<dyn MigrationTrait>> {\n    vec![\n        Box::new(m1_first::Migration),\n    ]\n}\n";

    #[test]
    fn appends_to_the_list_in_order() {
        let once = register(MOD_RS, "m2_second").unwrap();
        assert_eq!(
            once,
            "//! doc\n\npub mod m1_first;\npub mod m2_second;\n\npub fn all() -> Vec<Box<dyn MigrationTrait>> {\n    vec![\n        Box::new(m1_first::Migration),\n        Box::new(m2_second::Migration),\n    ]\n}\n"
        );
        let twice = register(&once, "m3_third").unwrap();
        assert_eq!(listed(&twice), ["m1_first", "m2_second", "m3_third"]);
        assert!(
            twice.contains("pub mod m2_second;\npub mod m3_third;\n"),
            "{twice}"
        );
    }

    #[test]
    fn refuses_a_duplicate_or_a_missing_list() {
        assert!(register(MOD_RS, "m1_first").is_err());
        assert!(register("fn main() {}", "m2").is_err());
    }
}

//! Adding a module to the one `migrations!` list in `migrations/mod.rs`.

use crate::GenerateError;

/// `mod_rs` with `module` appended to its `migrations! { … }` list.
pub fn register(mod_rs: &str, module: &str) -> Result<String, GenerateError> {
    let start = mod_rs
        .find("migrations! {")
        .ok_or_else(|| GenerateError::Register("no `migrations! {` list in mod.rs".into()))?;
    let end = start
        + mod_rs[start..].find('}').ok_or_else(|| {
            GenerateError::Register("the `migrations!` list is not closed".into())
        })?;
    let list = &mod_rs[start..end];
    if list
        .split(|c: char| c == ',' || c.is_whitespace())
        .any(|m| m == module)
    {
        return Err(GenerateError::Register(format!(
            "{module} is already registered"
        )));
    }
    let body = list.trim_end();
    let separator = if body.ends_with(',') || body.ends_with('{') {
        ""
    } else {
        ","
    };
    Ok(format!(
        "{}{body}{separator}\n    {module},\n{}",
        &mod_rs[..start],
        &mod_rs[end..]
    ))
}

/// The modules of the `migrations!` list, in order.
pub fn listed(mod_rs: &str) -> Vec<&str> {
    let Some(start) = mod_rs.find("migrations! {") else {
        return vec![];
    };
    let list = &mod_rs[start + "migrations! {".len()..];
    let list = &list[..list.find('}').unwrap_or(list.len())];
    list.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|m| !m.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOD_RS: &str = "//! doc\n\nmigrations! {\n    m1_first,\n}\n";

    #[test]
    fn appends_to_the_list_in_order() {
        let once = register(MOD_RS, "m2_second").unwrap();
        assert_eq!(
            once,
            "//! doc\n\nmigrations! {\n    m1_first,\n    m2_second,\n}\n"
        );
        let twice = register(&once, "m3_third").unwrap();
        assert!(
            twice.contains("    m2_second,\n    m3_third,\n}"),
            "{twice}"
        );
    }

    #[test]
    fn refuses_a_duplicate_or_a_missing_list() {
        assert!(register(MOD_RS, "m1_first").is_err());
        assert!(register("fn main() {}", "m2").is_err());
    }
}

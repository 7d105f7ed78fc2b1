//! Every file in `src/tables/` is an entity: this script lists them for `lib.rs`, so that adding
//! a table is adding a file, with no list to edit and none to forget.

use std::fmt::Write as _;
use std::path::Path;

fn pascal_case(snake: &str) -> String {
    snake
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn main() {
    // Read when the script runs, not baked in when it is compiled: two checkouts sharing one
    // CARGO_TARGET_DIR may share this script's binary, and each must list its own tables.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest_dir).join("src/tables");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut modules: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .filter_map(|path| {
            let module = path.file_stem()?.to_str()?.to_owned();
            Some((module, path.display().to_string()))
        })
        .collect();
    modules.sort();
    let mut out = String::from("entities! {\n");
    for (module, path) in &modules {
        println!("cargo:rerun-if-changed={path}");
        let _ = writeln!(out, "    {module} => {} @ {path:?},", pascal_case(module));
    }
    out.push_str("}\n");
    let target =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("entities.rs");
    std::fs::write(&target, out)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
}

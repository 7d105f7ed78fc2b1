//! Embeds each migration's lint waivers (`lint: allow <rule> -- <why>` lines of its source) in
//! the build, so that a deployed binary's `upgrade` gate honours what the migration's author
//! wrote, with no source checkout beside it (see `lint_waivers`).

use std::fmt::Write;
use std::path::Path;

fn main() {
    let dir = Path::new("src/migrations");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("src/migrations")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension().is_some_and(|e| e == "rs")
                && path.file_stem().is_some_and(|s| s != "mod")
        })
        .collect();
    files.sort();
    let mut table = String::from(
        "/// Each migration's `lint: allow` lines, as its source says them (written by build.rs).\n\
         static WAIVERS: &[(&str, &str)] = &[\n",
    );
    for path in files {
        let source = std::fs::read_to_string(&path).expect("a migration's source");
        let lines: Vec<&str> = source
            .lines()
            .filter(|line| line.contains("lint: allow "))
            .map(str::trim)
            .collect();
        if lines.is_empty() {
            continue;
        }
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a UTF-8 name");
        let _ = writeln!(table, "    ({name:?}, {:?}),", lines.join("\n"));
    }
    table.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("waivers.rs");
    std::fs::write(out, table).expect("write waivers.rs");
}

//! The build script lists the entity files of the crate it is run for, not of the checkout it
//! was compiled in: two checkouts sharing one `CARGO_TARGET_DIR` may share its binary.

use std::path::{Path, PathBuf};
use std::process::Command;

/// This crate's compiled build script: `<target>/<profile>/build/entity-*/build-script-build`.
fn build_script() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    let build = exe
        .parent()
        .and_then(Path::parent)
        .expect("the test binary runs from <target>/<profile>/deps")
        .join("build");
    std::fs::read_dir(&build)
        .expect("the build directory")
        .flatten()
        .map(|e| e.path().join("build-script-build"))
        .filter(|p| {
            p.is_file()
                && p.parent()
                    .and_then(Path::file_name)
                    .is_some_and(|n| n.to_string_lossy().starts_with("entity-"))
        })
        .max_by_key(|p| p.metadata().and_then(|m| m.modified()).ok())
        .expect("entity's compiled build script")
}

#[test]
fn the_build_script_lists_the_tables_of_the_crate_it_runs_for() {
    let other = std::env::temp_dir().join(format!("counsel_t_entity_{}", std::process::id()));
    let tables = other.join("src/tables");
    std::fs::create_dir_all(&tables).unwrap();
    std::fs::write(tables.join("only_here.rs"), "").unwrap();
    let out_dir = other.join("out");
    std::fs::create_dir_all(&out_dir).unwrap();
    let run = Command::new(build_script())
        .env("CARGO_MANIFEST_DIR", &other)
        .env("OUT_DIR", &out_dir)
        .output()
        .expect("run the build script");
    let listed = std::fs::read_to_string(out_dir.join("entities.rs")).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&other);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(listed.contains("only_here => OnlyHere"), "{listed}");
    assert!(
        !listed.contains("user =>"),
        "the compile-time checkout's tables: {listed}"
    );
}

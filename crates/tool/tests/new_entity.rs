//! Adding a table is adding a file: a scratch copy of the workspace gains one entity file, with
//! no list edited, and the rebuilt `manage-db check` reports the table as missing.
//!
//! Its own test binary, because it runs a cargo build (about a minute in debug).

use std::path::{Path, PathBuf};
use std::process::Command;

const NOTE_ENTITY: &str = r#"//! Added by the test: an entity nobody registered anywhere.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "scratch_notes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub body: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
"#;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sh(cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().expect("spawn");
    assert!(
        out.status.success(),
        "{cmd:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[tokio::test]
async fn an_entity_added_as_a_file_is_reported_by_check() {
    let root = workspace_root();
    let scratch = std::env::temp_dir().join(format!(
        "{}scratch_{}",
        testkit::PREFIX,
        uuid::Uuid::new_v4().simple()
    ));
    std::fs::create_dir_all(&scratch).unwrap();
    for item in ["Cargo.toml", "Cargo.lock", "src", "crates"] {
        sh(Command::new("cp")
            .arg("-r")
            .arg(root.join(item))
            .arg(&scratch));
    }
    // Reuse the compiled dependencies. A real copy, not hard links: cargo hashes workspace
    // crates relative to the workspace root, so the scratch build writes files of the same
    // names, some in place, and a link would write into the real build.
    let target = scratch.join("target/debug");
    std::fs::create_dir_all(&target).unwrap();
    for dir in ["deps", "build", ".fingerprint"] {
        sh(Command::new("cp")
            .arg("-a")
            .arg(root.join("target/debug").join(dir))
            .arg(&target));
    }
    std::fs::write(
        scratch.join("crates/entity/src/tables/scratch_note.rs"),
        NOTE_ENTITY,
    )
    .unwrap();

    sh(Command::new(env!("CARGO"))
        .args(["build", "--offline", "-q", "-p", "manage-db"])
        .current_dir(&scratch)
        .env("CARGO_TARGET_DIR", scratch.join("target")));
    let bin = target.join("manage-db");

    for t in testkit::databases().await {
        let run = |args: &[&str]| {
            Command::new(&bin)
                .args(args)
                .current_dir(&scratch)
                .env("DATABASE_URL", &t.url)
                .env_remove("DATABASE_URL_DIRECT")
                .output()
                .expect("run scratch manage-db")
        };
        let up = run(&["upgrade"]);
        assert!(up.status.success(), "[{}] {up:?}", t.name);
        let check = run(&["check"]);
        let text = String::from_utf8_lossy(&check.stdout);
        assert_eq!(check.status.code(), Some(3), "[{}] {text}", t.name);
        assert!(
            text.contains("scratch_notes: table missing from the database"),
            "[{}] {text}",
            t.name
        );
        t.finish().await;
    }
    let _ = std::fs::remove_dir_all(&scratch);
}

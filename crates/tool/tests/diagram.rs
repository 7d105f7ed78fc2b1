//! `manage-db diagram`: the entities' diagram is the one in the README (a golden file:
//! `UPDATE_GOLDEN=1` rewrites it), DOT and SVG draw the same tables, and `--live` marks drift
//! on every backend.

use std::process::{Command, Output, Stdio};

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md");
const BEGIN: &str =
    "<!-- diagram: manage-db diagram (checked by crates/tool/tests/diagram.rs) -->\n```mermaid\n";
const END: &str = "```\n<!-- /diagram -->";

fn diagram(args: &[&str], url: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_manage-db"));
    cmd.arg("diagram")
        .args(args)
        .current_dir(std::env::temp_dir())
        .env_remove("DATABASE_URL_DIRECT")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null());
    match url {
        Some(url) => cmd.env("DATABASE_URL", url),
        None => cmd.env_remove("DATABASE_URL"),
    };
    cmd.output().expect("run manage-db diagram")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_readme_shows_the_entities_diagram() {
    let drawn = stdout(&diagram(&[], None));
    assert_eq!(drawn.matches(" {\n").count(), 17, "17 tables:\n{drawn}");
    let readme = std::fs::read_to_string(README).expect("README.md");
    let start = readme.find(BEGIN).expect("the README's diagram markers") + BEGIN.len();
    let end = start
        + readme[start..]
            .find(END)
            .expect("the README's diagram end marker");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let updated = format!("{}{drawn}{}", &readme[..start], &readme[end..]);
        std::fs::write(README, updated).expect("write README.md");
        return;
    }
    assert_eq!(
        &readme[start..end],
        drawn,
        "the README's diagram is not the entities' (UPDATE_GOLDEN=1 cargo test -p manage-db --test diagram rewrites it)"
    );
}

#[test]
fn dot_and_svg_draw_every_table() {
    let dot = stdout(&diagram(&["--format", "dot"], None));
    for table in entity::registry::table_names() {
        assert!(dot.contains(&format!("\"{table}\" [label=<")), "{table}");
    }
    assert!(dot.contains("\"visitors\" -> \"users\""), "{dot}");
    let svg = diagram(&["--format", "svg"], None);
    if svg.status.success() {
        let svg = String::from_utf8_lossy(&svg.stdout);
        assert!(svg.contains("<svg"), "{svg}");
        assert!(svg.contains("embeddings"), "{svg}");
    } else {
        let said = String::from_utf8_lossy(&svg.stderr);
        assert!(said.contains("apt-get install graphviz"), "{said}");
        testkit::notice(
            "diagram --format svg: Graphviz is not installed, only its error was checked",
        );
    }
}

#[tokio::test]
async fn live_marks_what_differs_from_the_entities() {
    for t in testkit::databases().await {
        let migrations = migration::migrations().unwrap();
        migration::migrate_to_head(&migrations, &t.db, &Default::default())
            .await
            .unwrap();
        t.exec("ALTER TABLE visitors ADD COLUMN legacy_code VARCHAR(20)")
            .await;
        let drawn = stdout(&diagram(&["--live"], Some(&t.url)));
        assert!(
            drawn.contains("legacy_code \"DRIFT: not in the entities\""),
            "[{}] {drawn}",
            t.name
        );
        assert!(
            !drawn.contains("counsel_migrations"),
            "[{}] {drawn}",
            t.name
        );
        t.finish().await;
    }
}

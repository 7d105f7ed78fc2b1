//! Adding a table is adding a file: a scratch copy of the workspace gains one entity file, with
//! no list edited, and the rebuilt `manage-db check` reports the table as missing.
//!
//! Its own test binary, because it runs a cargo build.

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

#[tokio::test]
async fn an_entity_added_as_a_file_is_reported_by_check() {
    let scratch = testkit::workspace::ScratchWorkspace::copy_of(env!("CARGO_MANIFEST_DIR"));
    scratch.write("crates/entity/src/tables/scratch_note.rs", NOTE_ENTITY);
    let bin = scratch.build_manage_db();

    for t in testkit::databases().await {
        let up = scratch.manage_db(&bin, &t.url, &["upgrade"]);
        assert!(up.status.success(), "[{}] {up:?}", t.name);
        let check = scratch.manage_db(&bin, &t.url, &["check"]);
        let text = String::from_utf8_lossy(&check.stdout);
        assert_eq!(check.status.code(), Some(3), "[{}] {text}", t.name);
        assert!(
            text.contains("scratch_notes: table missing from the database"),
            "[{}] {text}",
            t.name
        );
        t.finish().await;
    }
}

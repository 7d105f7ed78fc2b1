//! Each rule against the statement it is about, on a table in use and on one the script just
//! created, and against its own safe rewrite: the cases are generated from one table of
//! (rule, statement, lock, rewrite) rows, so every rule is held to all three.

use migration_lint::{lint, waivers, Lock, Severity};

/// `(rule, statement on "cases", the lock, the rewrite that must pass)`.
const CASES: &[(&str, &str, Lock, &str)] = &[
    (
        "require-concurrent-index",
        r#"CREATE INDEX "idx_cases_status" ON "cases" ("status")"#,
        Lock::Share,
        r#"CREATE INDEX CONCURRENTLY "idx_cases_status" ON "cases" ("status")"#,
    ),
    (
        "constraint-missing-not-valid",
        r#"ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_visitor" FOREIGN KEY ("visitor_id") REFERENCES "visitors" ("id")"#,
        Lock::ShareRowExclusive,
        r#"ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_visitor" FOREIGN KEY ("visitor_id") REFERENCES "visitors" ("id") NOT VALID; ALTER TABLE "cases" VALIDATE CONSTRAINT "fk_cases_visitor""#,
    ),
    (
        "constraint-missing-not-valid",
        r#"ALTER TABLE "cases" ADD CONSTRAINT "ck_cases_score" CHECK ("score" >= 0)"#,
        Lock::AccessExclusive,
        r#"ALTER TABLE "cases" ADD CONSTRAINT "ck_cases_score" CHECK ("score" >= 0) NOT VALID"#,
    ),
    (
        "changing-column-type",
        r#"ALTER TABLE "cases" ALTER COLUMN "title" TYPE text"#,
        Lock::AccessExclusive,
        r#"ALTER TABLE "cases" ADD COLUMN "title_text" text"#,
    ),
    (
        "setting-not-null",
        r#"ALTER TABLE "cases" ALTER COLUMN "title" SET NOT NULL"#,
        Lock::AccessExclusive,
        r#"ALTER TABLE "cases" ADD CONSTRAINT "ck_title" CHECK ("title" IS NOT NULL) NOT VALID; ALTER TABLE "cases" VALIDATE CONSTRAINT "ck_title"; ALTER TABLE "cases" ALTER COLUMN "title" SET NOT NULL; ALTER TABLE "cases" DROP CONSTRAINT "ck_title""#,
    ),
    (
        "adding-required-field",
        r#"ALTER TABLE "cases" ADD COLUMN "priority" integer NOT NULL"#,
        Lock::AccessExclusive,
        r#"ALTER TABLE "cases" ADD COLUMN "priority" integer NOT NULL DEFAULT 0"#,
    ),
    (
        "disallowed-unique-constraint",
        r#"ALTER TABLE "cases" ADD CONSTRAINT "uq_cases_title" UNIQUE ("title")"#,
        Lock::AccessExclusive,
        r#"CREATE UNIQUE INDEX CONCURRENTLY "uq_cases_title" ON "cases" ("title")"#,
    ),
    (
        "adding-field-with-volatile-default",
        r#"ALTER TABLE "cases" ADD COLUMN "token" uuid DEFAULT gen_random_uuid()"#,
        Lock::AccessExclusive,
        r#"ALTER TABLE "cases" ADD COLUMN "token" uuid; ALTER TABLE "cases" ALTER COLUMN "token" SET DEFAULT gen_random_uuid()"#,
    ),
    (
        "breaking-change",
        r#"ALTER TABLE "cases" DROP COLUMN "notes""#,
        Lock::AccessExclusive,
        r#"ALTER TABLE "cases" ADD COLUMN "notes_v2" text"#,
    ),
    (
        "breaking-change",
        r#"ALTER TABLE "cases" RENAME COLUMN "notes" TO "summary""#,
        Lock::AccessExclusive,
        r#"ALTER TABLE "cases" ADD COLUMN "summary" text"#,
    ),
    (
        "breaking-change",
        r#"ALTER TABLE "cases" RENAME TO "case_files""#,
        Lock::AccessExclusive,
        r#"CREATE VIEW "case_files" AS SELECT * FROM "cases""#,
    ),
    (
        "breaking-change",
        r#"DROP TABLE "cases""#,
        Lock::AccessExclusive,
        r#"SELECT 1"#,
    ),
];

#[test]
fn each_rule_names_its_statement_lock_and_rewrite_on_a_table_in_use() {
    for (rule, statement, lock, _) in CASES {
        let findings = lint(statement).unwrap_or_else(|e| panic!("{statement}: {e}"));
        assert_eq!(findings.len(), 1, "{statement}: {findings:?}");
        let f = &findings[0];
        assert_eq!(f.rule, *rule, "{statement}");
        assert_eq!(f.lock, *lock, "{statement}");
        assert_eq!(f.table, "cases", "{statement}");
        assert_eq!(f.severity, Severity::Error);
        assert!(f.is_blocking());
        assert!(!f.rewrite.is_empty() && !f.problem.is_empty());
        assert!(!f.statement.is_empty());
    }
}

#[test]
fn a_table_the_script_creates_can_take_any_lock() {
    let create = r#"CREATE TABLE "cases" ("id" uuid PRIMARY KEY, "title" varchar(200), "notes" text, "score" integer, "status" text, "visitor_id" uuid)"#;
    for (_, statement, _, _) in CASES {
        let script = format!("{create};\n{statement}");
        let findings = lint(&script).unwrap();
        assert!(findings.is_empty(), "{script}: {findings:?}");
    }
}

#[test]
fn every_safe_rewrite_passes() {
    for (rule, _, _, rewrite) in CASES {
        let findings = lint(rewrite).unwrap_or_else(|e| panic!("{rewrite}: {e}"));
        assert!(
            findings.iter().all(|f| f.rule != *rule),
            "{rewrite}: {findings:?}"
        );
    }
}

#[test]
fn a_waiver_needs_a_reason_and_covers_only_its_rule() {
    let text =
        "// lint: allow require-concurrent-index -- the table is empty in every deployment\n\
                // lint: allow breaking-change\n";
    let (valid, unexplained) = waivers(text);
    assert_eq!(valid.len(), 1);
    assert_eq!(unexplained, ["breaking-change"]);
    let script = format!("{}; {}", CASES[0].1, CASES[8].1);
    let mut findings = lint(&script).unwrap();
    for f in &mut findings {
        f.waive(&valid);
    }
    let blocking: Vec<_> = findings
        .iter()
        .filter(|f| f.is_blocking())
        .map(|f| f.rule)
        .collect();
    assert_eq!(blocking, ["breaking-change"]);
    assert_eq!(
        findings[0].waived.as_deref(),
        Some("the table is empty in every deployment")
    );
}

#[test]
fn sql_that_is_not_postgresql_is_an_error_not_a_pass() {
    assert!(lint("CREATE INDEX ON").is_err());
}

/// `SET NOT NULL` passes only once a check proving it was validated, on that table and column.
#[test]
fn set_not_null_is_trusted_only_after_its_check_is_validated() {
    let fires = |sql: &str| {
        lint(sql)
            .unwrap()
            .iter()
            .any(|f| f.rule == "setting-not-null")
    };
    let add = r#"ALTER TABLE "cases" ADD CONSTRAINT "ck" CHECK ("title" IS NOT NULL) NOT VALID"#;
    let validate = r#"ALTER TABLE "cases" VALIDATE CONSTRAINT "ck""#;
    let set = |column: &str| format!(r#"ALTER TABLE "cases" ALTER COLUMN "{column}" SET NOT NULL"#);
    assert!(fires(&format!("{add}; {}", set("title"))), "not validated");
    assert!(!fires(&format!("{add}; {validate}; {}", set("title"))));
    assert!(
        fires(&format!("{add}; {validate}; {}", set("status"))),
        "another column"
    );
    assert!(
        fires(&format!(
            r#"{add}; ALTER TABLE "visitors" VALIDATE CONSTRAINT "ck"; {}"#,
            set("title")
        )),
        "another table's constraint"
    );
}

#[test]
fn a_column_the_script_added_can_be_dropped_but_not_one_it_did_not() {
    let staged = "ALTER TABLE embeddings ADD COLUMN v2 bytea; \
                  ALTER TABLE embeddings DROP COLUMN v2;";
    let rules: Vec<&str> = lint(staged).unwrap().iter().map(|f| f.rule).collect();
    assert!(!rules.contains(&"breaking-change"), "{rules:?}");
    let other = "ALTER TABLE embeddings ADD COLUMN v2 bytea; \
                 ALTER TABLE embeddings DROP COLUMN v1;";
    let rules: Vec<&str> = lint(other).unwrap().iter().map(|f| f.rule).collect();
    assert!(rules.contains(&"breaking-change"), "{rules:?}");
}

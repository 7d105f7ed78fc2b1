//! `upgrade` on PostgreSQL lints what is pending: an error on a table above the threshold is
//! refused with nothing run, unless `--allow-locking`; on a smaller table it is said and passes;
//! the online form passes whatever the size.

use manage_db::commands::lint::{gate, Gate};
use manage_db::session::Session;
use migration::Request;
use testkit::fake::{fake, of};

fn history(index: &'static str) -> migration::Migrations {
    of([
        fake("m1_big")
            .creates("gate_big")
            .runs("INSERT INTO gate_big (id) SELECT g FROM generate_series(1, 20000) g")
            .runs("ANALYZE gate_big"),
        fake("m2_index").runs(index),
    ])
}

#[tokio::test]
async fn a_locking_statement_on_a_big_table_is_refused_unless_allowed() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    let url = || db_config::DbUrl::parse(&t.url).unwrap();
    let plain = "CREATE INDEX gate_big_id ON gate_big (id)";
    // Only the first migration, so that the table and its statistics are there.
    let first = Session::with_migrations(
        url(),
        of([fake("m1_big")
            .creates("gate_big")
            .runs("INSERT INTO gate_big (id) SELECT g FROM generate_series(1, 20000) g")
            .runs("ANALYZE gate_big")]),
    )
    .await
    .unwrap();
    first
        .runner()
        .run(&Request::upgrade_to_head(), None)
        .await
        .unwrap();

    let session = Session::with_migrations(url(), history(plain))
        .await
        .unwrap();
    let strict = Gate {
        threshold_rows: 10_000,
        allow_locking: false,
    };
    let mut out = Vec::new();
    let err = gate(&session, &Request::upgrade_to_head(), &strict, &mut out)
        .await
        .expect_err("20,000 rows under a SHARE lock");
    let text = err.to_string();
    assert!(
        text.contains("require-concurrent-index on gate_big (about 20000 rows)"),
        "{text}"
    );
    assert!(text.contains("lock: SHARE"), "{text}");
    assert!(text.contains("CONCURRENTLY"), "{text}");
    assert!(text.contains("--allow-locking"), "{text}");

    // Allowed, or a table under the threshold: said, and it passes.
    for gate_options in [
        Gate {
            threshold_rows: 10_000,
            allow_locking: true,
        },
        Gate {
            threshold_rows: 50_000,
            allow_locking: false,
        },
    ] {
        let mut out = Vec::new();
        gate(
            &session,
            &Request::upgrade_to_head(),
            &gate_options,
            &mut out,
        )
        .await
        .unwrap();
        let said = String::from_utf8(out).unwrap();
        assert!(
            said.contains("lint: m2_index: require-concurrent-index"),
            "{said}"
        );
    }

    // The online form passes silently.
    let online = Session::with_migrations(
        url(),
        of([
            fake("m1_big").creates("gate_big"),
            fake("m2_index")
                .runs("CREATE INDEX CONCURRENTLY IF NOT EXISTS gate_big_id ON gate_big (id)")
                .online(),
        ]),
    )
    .await
    .unwrap();
    let mut out = Vec::new();
    gate(&online, &Request::upgrade_to_head(), &strict, &mut out)
        .await
        .unwrap();
    assert!(out.is_empty(), "{}", String::from_utf8_lossy(&out));
    drop((session, online, first));
    t.finish().await;
}

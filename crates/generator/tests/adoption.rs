//! Adopting a database made elsewhere whose embeddings are not pgvector's `vector(1536)`:
//! every way such a column can be held (a vector of this or another dimension, an array of
//! each number type pgvector casts, JSON, text, bytes) × every kind of row that cannot become
//! a vector. `generate --against-live` converts with pgvector's cast where one exists (rows
//! checked first, values kept both ways, no drift, a no-op on a database built from the
//! history), refuses with the reason and the hand-written way where none does, and that way
//! (`json_to_vector`) works too.

use migration::schema_change::{json_to_vector, vector_to};
use migration::sea_orm_migration::prelude::*;
use migration::{migrate_to_head, BootOptions, Migrations, Request, Runner, Target};
use migration_generator::step::StepsMigration;
use migration_generator::{plan, GenerateError, MigrationPlan, Options, Side, Step};
use schema_model::declared::{self, Flavour};
use sea_orm::{ConnectionTrait, DbBackend, Statement};

const DIMENSIONS: usize = 1536;
const INDEX: &str = "idx-embeddings-vector-hnsw";

/// How the adopted database holds embeddings.vector, and how its values came from vectors.
struct Held {
    sql_type: &'static str,
    /// The value as held, from the vector `vector` (None: the table is emptied first).
    from_vector: Option<&'static str>,
    expected: Expected,
}

enum Expected {
    /// The column is no difference: only the HNSW index is made.
    OnlyTheIndex,
    /// Refused as destructive, with this in the reason.
    Destructive(&'static str),
    /// Converted by pgvector's cast; `lossy`: only with --allow-destructive.
    Cast { lossy: bool },
    /// Refused: no cast; the hand-written way is `up` (and `json_to_vector` works, when named).
    NoCast { up: &'static str },
}

fn cases() -> Vec<Held> {
    use Expected::*;
    let array = |sql_type, lossy| Held {
        sql_type,
        from_vector: Some("vector::real[]"),
        expected: Cast { lossy },
    };
    let json = |sql_type| Held {
        sql_type,
        from_vector: Some("vector::text"),
        expected: NoCast {
            up: "json_to_vector(manager, \"embeddings\", \"vector\", 1536)",
        },
    };
    vec![
        Held {
            sql_type: "vector(1536)",
            from_vector: Some("vector"),
            expected: OnlyTheIndex,
        },
        Held {
            sql_type: "vector(768)",
            from_vector: None,
            expected: Destructive("recomputed"),
        },
        array("real[]", false),
        array("integer[]", false),
        array("double precision[]", true),
        array("numeric[]", true),
        json("jsonb"),
        json("json"),
        json("text"),
        Held {
            sql_type: "bytea",
            from_vector: None,
            expected: NoCast {
                up: "bytes_to_vector(manager, &require_pgvector(manager).await?, \"embeddings\", \"vector\", \"id\", 1536)",
            },
        },
    ]
}

/// Rows that cannot become `vector(1536)`, as SQL values of `held` (each with its name).
fn unfit(held: &str) -> Vec<(&'static str, String)> {
    let json_text = |name, json: &str| (name, format!("'{json}'::{held}"));
    let repeated = |element: &str| {
        format!("(SELECT json_agg({element}) FROM generate_series(1, {DIMENSIONS}))::text::{held}")
    };
    if let Some(element) = held.strip_suffix("[]") {
        let mut rows = vec![
            ("another length", format!("ARRAY[1, 2, 3]::{held}")),
            (
                "a NULL element",
                format!(
                    "array_fill(1::{element}, ARRAY[{}]) || NULL::{element}",
                    DIMENSIONS - 1
                ),
            ),
            (
                "two dimensions",
                format!("array_fill(1::{element}, ARRAY[2, {}])", DIMENSIONS / 2),
            ),
        ];
        if element != "integer" {
            rows.push((
                "NaN",
                format!("array_fill('NaN'::{element}, ARRAY[{DIMENSIONS}])"),
            ));
        }
        if matches!(element, "double precision" | "numeric") {
            rows.push((
                "too large for a 32-bit float",
                format!("array_fill(1e39::{element}, ARRAY[{DIMENSIONS}])"),
            ));
        }
        return rows;
    }
    vec![
        json_text("an object", r#"{"vector": [1, 2]}"#),
        json_text("another length", "[1, 2, 3]"),
        json_text("JSON null", "null"),
        ("strings", repeated("'x'::text")),
        ("too large for a 32-bit float", repeated("1e39")),
    ]
}

fn values(seed: f32) -> Vec<f32> {
    (0..DIMENSIONS).map(|i| ((i as f32) * seed).sin()).collect()
}

async fn strings(t: &testkit::TestDb, sql: &str) -> Vec<String> {
    t.db.query_all_raw(Statement::from_string(DbBackend::Postgres, sql.to_owned()))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get_by_index::<String>(0).unwrap())
        .collect()
}

async fn column_type(t: &testkit::TestDb) -> String {
    strings(
        t,
        "SELECT format_type(atttypid, atttypmod) FROM pg_attribute \
         WHERE attrelid = 'embeddings'::regclass AND attname = 'vector'",
    )
    .await
    .remove(0)
}

/// The held values, in a fixed order, as text (what must survive up and down).
async fn held_values(t: &testkit::TestDb) -> Vec<String> {
    strings(t, "SELECT vector::text FROM embeddings ORDER BY model").await
}

/// A database at the head of the history with three embeddings, then made as the adopted one
/// holds them: the HNSW index gone and the column of `held`'s type.
async fn adopted(held: &Held) -> Option<testkit::TestDb> {
    let t = testkit::postgres().await?;
    migrate_to_head(
        &migration::migrations().unwrap(),
        &t.db,
        &BootOptions::default(),
    )
    .await
    .unwrap();
    t.one_chunk().await;
    for (k, seed) in [0.37f32, 1.1, 2.9].into_iter().enumerate() {
        let literal: Vec<String> = values(seed).iter().map(f32::to_string).collect();
        t.exec(&format!(
            "INSERT INTO embeddings (id, chunk_id, model, dimensions, vector) VALUES \
             (gen_random_uuid(), '00000000-0000-0000-0000-000000000002', 'model {k}', {DIMENSIONS}, \
             '[{}]')",
            literal.join(",")
        ))
        .await;
    }
    t.exec(&format!("DROP INDEX \"{INDEX}\"")).await;
    let using = match held.from_vector {
        Some(from) => format!("{from}::{}", held.sql_type),
        None => {
            t.exec("DELETE FROM embeddings").await;
            "NULL".into()
        }
    };
    t.exec(&format!(
        "ALTER TABLE embeddings ALTER COLUMN vector TYPE {} USING {using}",
        held.sql_type
    ))
    .await;
    Some(t)
}

fn postgres(schema: &schema_model::Schema) -> Side<'_> {
    Side {
        schema,
        ddl: None,
        flavour: Flavour::Postgres,
        types: None,
    }
}

/// What `generate --against-live` plans on `t`.
async fn planned(
    t: &testkit::TestDb,
    allow_destructive: bool,
) -> Result<MigrationPlan, GenerateError> {
    let mut live = schema_model::live::read(&t.db).await.unwrap();
    live.tables
        .retain(|name, _| !migration::BOOKKEEPING_TABLES.contains(&name.as_str()));
    let ddl = entity::registry::schema_ddl(DbBackend::Postgres);
    let entities = declared::render(&ddl, Flavour::Postgres).unwrap();
    plan(
        &postgres(&live),
        &Side {
            ddl: Some(&ddl),
            ..postgres(&entities)
        },
        &Options {
            guard: true,
            allow_destructive,
            ..Options::default()
        },
    )
}

fn history_and(extra: Box<dyn MigrationTrait>) -> Migrations {
    let mut all = migration::Migrator::migrations();
    all.push(extra);
    Migrations::new(all).unwrap()
}

async fn downgrade_one(migrations: &Migrations, t: &testkit::TestDb) {
    Runner::new(migrations, &t.db, Default::default())
        .run(
            &Request::Downgrade {
                target: Target::Relative(-1),
            },
            None,
        )
        .await
        .unwrap();
}

async fn no_drift(t: &testkit::TestDb, what: &str) {
    let live = schema_model::live::read(&t.db).await.unwrap();
    let ddl = entity::registry::schema_ddl(DbBackend::Postgres);
    let entities = declared::render(&ddl, Flavour::Postgres).unwrap();
    let drift: Vec<_> = schema_model::diff(&entities, &live)
        .into_iter()
        .filter(|c| {
            let c = format!("{c:?}");
            !c.contains("seaql_migrations") && !c.contains("counsel_migration")
        })
        .collect();
    assert!(drift.is_empty(), "[{what}] {drift:#?}");
}

/// The stored vectors, as pgvector prints them, after a conversion.
async fn vectors(t: &testkit::TestDb) -> Vec<Vec<f32>> {
    strings(t, "SELECT vector::text FROM embeddings ORDER BY model")
        .await
        .iter()
        .map(|text| {
            text.trim_matches(['[', ']'])
                .split(',')
                .map(|x| x.trim().parse().unwrap())
                .collect()
        })
        .collect()
}

/// Each row that cannot become a vector stops `run` with nothing changed; the rows are then
/// removed again.
async fn every_unfit_row_stops<F, Fut>(t: &testkit::TestDb, held: &str, run: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Result<(), String>>,
{
    let before = held_values(t).await;
    for (kind, value) in unfit(held) {
        t.exec(&format!(
            "INSERT INTO embeddings (id, chunk_id, model, dimensions, vector) VALUES \
             (gen_random_uuid(), '00000000-0000-0000-0000-000000000002', 'unfit', {DIMENSIONS}, {value})"
        ))
        .await;
        let err = run().await.expect_err(kind);
        assert!(
            err.contains("1 row(s) of embeddings hold a vector that is not 1536 finite numbers")
                && err.contains("nothing was changed"),
            "[{held}, {kind}] {err}"
        );
        assert_eq!(
            column_type(t).await,
            held,
            "[{held}, {kind}] the type is kept"
        );
        t.exec("DELETE FROM embeddings WHERE model = 'unfit'").await;
        assert_eq!(
            held_values(t).await,
            before,
            "[{held}, {kind}] the values are kept"
        );
    }
}

#[tokio::test]
async fn every_way_of_holding_embeddings_is_converted_by_a_cast_or_refused_with_the_way() {
    let mut exercised = Vec::new();
    for held in cases() {
        let Some(t) = adopted(&held).await else {
            testkit::notice("adoption test SKIPPED: no PostgreSQL (set DATABASE_URL)");
            return;
        };
        let name = held.sql_type;
        match held.expected {
            Expected::OnlyTheIndex => {
                let planned = planned(&t, false).await.unwrap();
                assert_eq!(planned.changes.len(), 1, "[{name}] {:#?}", planned.changes);
                assert!(planned.changes[0].contains("index USING hnsw"), "[{name}]");
                let migrations = history_and(Box::new(StepsMigration {
                    name: "m99990101_000000_adopt".into(),
                    up: planned.up,
                    down: planned.down,
                }));
                migrate_to_head(&migrations, &t.db, &BootOptions::default())
                    .await
                    .unwrap();
                no_drift(&t, name).await;
            }
            Expected::Destructive(reason) => {
                let Err(GenerateError::Destructive(lost)) = planned(&t, false).await else {
                    panic!("[{name}] not refused as destructive")
                };
                assert!(lost.iter().any(|l| l.contains(reason)), "[{name}] {lost:?}");
            }
            Expected::NoCast { up } => {
                let refused = planned(&t, true).await.unwrap_err();
                let GenerateError::NoVectorCast(_) = &refused else {
                    panic!("[{name}] {refused}")
                };
                let said = refused.to_string();
                assert!(
                    said.contains(&format!("{name} cannot become vector(1536)"))
                        && said.contains(up)
                        && said.contains("generate --empty"),
                    "[{name}] {said}"
                );
                if up.starts_with("json_to_vector") {
                    converted_by_hand(&t, name).await;
                }
            }
            Expected::Cast { lossy } => {
                if lossy {
                    let Err(GenerateError::Destructive(lost)) = planned(&t, false).await else {
                        panic!("[{name}] rounding is not consented to")
                    };
                    assert!(
                        lost.iter().any(|l| l.contains("rounded to a 32-bit float")),
                        "[{name}] {lost:?}"
                    );
                }
                converted_by_cast(&t, name, planned(&t, lossy).await.unwrap()).await;
            }
        }
        exercised.push(name);
        t.finish().await;
    }
    testkit::notice(&format!("adoption exercised: {}", exercised.join(", ")));
}

/// `migrations` on `t`: each row that cannot become a vector stops it with nothing changed;
/// without them the column becomes `vector(1536)`.
async fn converts_once_every_unfit_row_has_stopped_it(
    t: &testkit::TestDb,
    held: &str,
    migrations: &Migrations,
) {
    every_unfit_row_stops(t, held, || async {
        migrate_to_head(migrations, &t.db, &BootOptions::default())
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    })
    .await;
    migrate_to_head(migrations, &t.db, &BootOptions::default())
        .await
        .unwrap();
    assert_eq!(column_type(t).await, "vector(1536)", "[{held}]");
}

/// `down` gives the column back as it was held, value for value.
async fn down_gives_back(
    t: &testkit::TestDb,
    held: &str,
    migrations: &Migrations,
    before: &[String],
) {
    downgrade_one(migrations, t).await;
    assert_eq!(column_type(t).await, held, "[{held}] down");
    assert_eq!(
        held_values(t).await,
        before,
        "[{held}] down keeps the values"
    );
}

async fn converted_by_cast(t: &testkit::TestDb, held: &str, planned: MigrationPlan) {
    assert!(
        planned
            .up
            .iter()
            .any(|s| matches!(s, Step::ArrayToVector { .. })),
        "[{held}] {:#?}",
        planned.up
    );
    let expected = strings(
        t,
        "SELECT vector::real[]::text FROM embeddings ORDER BY model",
    )
    .await;
    let before = held_values(t).await;
    let migrations = history_and(Box::new(StepsMigration {
        name: "m99990101_000000_adopt".into(),
        up: planned.up.clone(),
        down: planned.down.clone(),
    }));
    converts_once_every_unfit_row_has_stopped_it(t, held, &migrations).await;
    // Every number as the array held it, rounded to a 32-bit float.
    let converted = vectors(t).await;
    for (vector, array) in converted.iter().zip(&expected) {
        let array: Vec<f32> = array
            .trim_matches(['{', '}'])
            .split(',')
            .map(|x| x.parse().unwrap())
            .collect();
        assert_eq!(vector, &array, "[{held}]");
    }
    no_drift(t, held).await;

    // `down` gives the column back as it was held, value for value.
    down_gives_back(t, held, &migrations, &before).await;

    // Committed to the history, it runs where embeddings were always vectors: nothing to do.
    let built = testkit::fresh_like(t).await;
    migrate_to_head(&migrations, &built.db, &BootOptions::default())
        .await
        .unwrap();
    no_drift(&built, &format!("{held} on the history")).await;
    built.finish().await;
}

/// The hand-written migration the refusal describes, for JSON held as `held`.
struct ByHand {
    held: String,
}

impl MigrationName for ByHand {
    fn name(&self) -> &str {
        "m99990101_000000_embeddings_json_to_vector"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for ByHand {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        json_to_vector(manager, "embeddings", "vector", 1536).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        vector_to(manager, "embeddings", "vector", &self.held).await
    }
}

async fn converted_by_hand(t: &testkit::TestDb, held: &str) {
    let expected = vectors(t).await;
    let before = held_values(t).await;
    let migrations = history_and(Box::new(ByHand { held: held.into() }));
    converts_once_every_unfit_row_has_stopped_it(t, held, &migrations).await;
    assert_eq!(vectors(t).await, expected, "[{held}] every value kept");
    // The rest is then generated: only the HNSW index is left.
    let rest = planned(t, false).await.unwrap();
    assert_eq!(rest.changes.len(), 1, "[{held}] {:#?}", rest.changes);
    down_gives_back(t, held, &migrations, &before).await;
}

//! The HTTP routes of the example server, kept apart from `main` so the integration tests
//! (`tests/server.rs`) can drive the same router in-process.
//!
//! Every error is a JSON body `{ "error": "..." }`; database details go to the log only.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use entity::enums::UserRole;
use entity::{user, visitor};
use sea_orm::{
    ActiveModelTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait, ModelTrait, QueryOrder,
    Set, SqlErr,
};
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

/// Marks an account without a usable password: passwords belong to the auth layer, which sets
/// a real argon2/bcrypt hash; no hash function ever produces `!`, so nobody can log in as the
/// user until then.
pub const LOCKED_PASSWORD: &str = "!";

pub fn router(db: DatabaseConnection) -> Router {
    Router::new()
        .route("/health", get(health))
        .route("/users", post(create_user))
        .route("/users/{id}", get(get_user))
        .route(
            "/users/{id}/visitors",
            post(create_visitor).get(list_visitors),
        )
        .route("/documents", post(create_document))
        .route("/search", get(search))
        .with_state(db)
}

#[derive(Debug)]
pub enum ApiError {
    NotFound(&'static str),
    Conflict(String),
    /// Well-formed JSON whose values are unacceptable.
    Invalid(String),
    /// The request itself was malformed (bad JSON, wrong content type, bad id), with the
    /// status axum chose for it.
    BadRequest(StatusCode, String),
    Internal,
}

impl From<DbErr> for ApiError {
    fn from(err: DbErr) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => {
                ApiError::Conflict("already exists".into())
            }
            Some(SqlErr::ForeignKeyConstraintViolation(_)) => {
                ApiError::Invalid("refers to a missing record".into())
            }
            _ => {
                // The detail goes to the log, not to the client.
                tracing::error!(error = %err, "database error");
                ApiError::Internal
            }
        }
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        ApiError::BadRequest(rejection.status(), rejection.body_text())
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        ApiError::BadRequest(rejection.status(), rejection.body_text())
    }
}

impl From<counsel_db::rag::RagError> for ApiError {
    fn from(err: counsel_db::rag::RagError) -> Self {
        use counsel_db::rag::RagError;
        match err {
            RagError::WrongDimensions { .. }
            | RagError::NotFinite { .. }
            | RagError::NoDirection { .. }
            | RagError::BadK { .. } => ApiError::Invalid(err.to_string()),
            RagError::Db(e) => ApiError::from(e),
            RagError::NoVectorSearch(_) => {
                tracing::error!(error = %err, "vector search is not available");
                ApiError::Internal
            }
        }
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> Self {
        ApiError::BadRequest(rejection.status(), rejection.body_text())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            ApiError::NotFound(what) => (StatusCode::NOT_FOUND, format!("{what} not found")),
            ApiError::Conflict(m) => (StatusCode::CONFLICT, m),
            ApiError::Invalid(m) => (StatusCode::UNPROCESSABLE_ENTITY, m),
            ApiError::BadRequest(status, m) => (status, m),
            ApiError::Internal => (StatusCode::INTERNAL_SERVER_ERROR, "internal error".into()),
        };
        (status, Json(json!({ "error": message }))).into_response()
    }
}

/// Liveness plus the schema revision, read from the database on every call: 503 if the
/// database cannot answer.
async fn health(State(db): State<DatabaseConnection>) -> Response {
    let database = match db.get_database_backend() {
        DbBackend::Sqlite => "sqlite",
        DbBackend::Postgres => "postgres",
        DbBackend::MySql => "mysql",
        _ => "other",
    };
    let unavailable = |reason: &str| {
        let body = json!({ "status": "unavailable", "reason": reason, "database": database });
        (StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response()
    };
    let status = match migration::migrations() {
        Ok(migrations) => migration::status(&db, &migrations).await.map(|s| {
            s.map(|s| {
                (
                    s.current.map(|c| migrations.name(c).to_owned()),
                    s.pending.len(),
                )
            })
        }),
        Err(err) => Err(err),
    };
    match status {
        Ok(Some((revision, pending))) => Json(
            json!({ "status": "ok", "revision": revision, "pending": pending, "database": database }),
        )
        .into_response(),
        Ok(None) => unavailable("the schema is not migrated: the version table is missing"),
        Err(err) => {
            tracing::warn!(error = %err, "health check cannot read the schema revision");
            unavailable("cannot read the schema revision")
        }
    }
}

/// No password: see [`LOCKED_PASSWORD`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    pub email: String,
    pub full_name: String,
    pub role: UserRole,
}

async fn create_user(
    State(db): State<DatabaseConnection>,
    body: Result<Json<NewUser>, JsonRejection>,
) -> Result<(StatusCode, Json<user::Model>), ApiError> {
    let Json(body) = body?;
    let email = body.email.trim().to_lowercase();
    let full_name = body.full_name.trim();
    if !valid_email(&email) || full_name.is_empty() {
        return Err(ApiError::Invalid(
            "a valid email and a non-empty full_name are required".into(),
        ));
    }
    let created = user::ActiveModel {
        email: Set(email),
        full_name: Set(full_name.to_owned()),
        role: Set(body.role),
        hashed_password: Set(LOCKED_PASSWORD.into()),
        is_active: Set(true),
        ..Default::default()
    }
    .insert(&db)
    .await
    .map_err(|e| match ApiError::from(e) {
        ApiError::Conflict(_) => ApiError::Conflict("a user with this email already exists".into()),
        other => other,
    })?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Deliberately loose (one `@` with text on both sides); the column holds at most 255 chars.
fn valid_email(email: &str) -> bool {
    matches!(email.split_once('@'), Some((local, domain)) if !local.is_empty() && !domain.is_empty() && !domain.contains('@'))
        && email.len() <= 255
}

async fn get_user(
    State(db): State<DatabaseConnection>,
    id: Result<Path<Uuid>, PathRejection>,
) -> Result<Json<user::Model>, ApiError> {
    let Path(id) = id?;
    user::Entity::find_by_id(id)
        .one(&db)
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound("user"))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewVisitor {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub notes: Option<String>,
}

async fn create_visitor(
    State(db): State<DatabaseConnection>,
    counselor_id: Result<Path<Uuid>, PathRejection>,
    body: Result<Json<NewVisitor>, JsonRejection>,
) -> Result<(StatusCode, Json<visitor::Model>), ApiError> {
    let Path(counselor_id) = counselor_id?;
    let Json(body) = body?;
    if body.name.trim().is_empty() {
        return Err(ApiError::Invalid("name is required".into()));
    }
    if user::Entity::find_by_id(counselor_id)
        .one(&db)
        .await?
        .is_none()
    {
        return Err(ApiError::NotFound("user"));
    }
    let created = visitor::ActiveModel {
        counselor_id: Set(counselor_id),
        name: Set(body.name.trim().to_owned()),
        email: Set(body.email),
        phone: Set(body.phone),
        notes: Set(body.notes),
        ..Default::default()
    }
    .insert(&db)
    .await
    .map_err(|e| match ApiError::from(e) {
        // The counsellor was deleted between the check and the insert.
        ApiError::Invalid(_) => ApiError::NotFound("user"),
        other => other,
    })?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// The counsellor's visitors, oldest first, through the `users` → `visitors` relation.
async fn list_visitors(
    State(db): State<DatabaseConnection>,
    counselor_id: Result<Path<Uuid>, PathRejection>,
) -> Result<Json<Vec<visitor::Model>>, ApiError> {
    let Path(counselor_id) = counselor_id?;
    let counselor = user::Entity::find_by_id(counselor_id)
        .one(&db)
        .await?
        .ok_or(ApiError::NotFound("user"))?;
    let visitors = counselor
        .find_related(visitor::Entity)
        .order_by_asc(visitor::Column::CreatedAt)
        .order_by_asc(visitor::Column::Id)
        .all(&db)
        .await?;
    Ok(Json(visitors))
}

/// `POST /documents`: a document with its chunks, each with its embedding, stored in one
/// transaction. Every vector must have the dimension of `embeddings.vector` (422 otherwise).
async fn create_document(
    State(db): State<DatabaseConnection>,
    body: Result<Json<counsel_db::rag::NewDocument>, JsonRejection>,
) -> Result<(StatusCode, Json<serde_json::Value>), ApiError> {
    let Json(body) = body?;
    if body.title.trim().is_empty() || body.chunks.is_empty() {
        return Err(ApiError::Invalid(
            "a non-empty title and at least one chunk are required".into(),
        ));
    }
    let chunks = body.chunks.len();
    let document = counsel_db::rag::add_document(&db, body).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "id": document.id, "title": document.title, "chunks": chunks })),
    ))
}

/// `GET /search?k=5&vector=0.1,0.2,…[&model=…][&document_id=…][&collection_id=…]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchQuery {
    pub k: Option<usize>,
    /// The query vector, comma-separated.
    pub vector: String,
    pub model: Option<String>,
    pub document_id: Option<Uuid>,
    pub collection_id: Option<Uuid>,
}

/// The `k` chunks nearest to the query vector, nearest first, with their cosine distances.
async fn search(
    State(db): State<DatabaseConnection>,
    query: Result<Query<SearchQuery>, QueryRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let Query(query) = query?;
    let values: Result<Vec<f32>, _> = query
        .vector
        .split(',')
        .map(|v| v.trim().parse::<f32>())
        .collect();
    let values = values.map_err(|_| {
        ApiError::BadRequest(
            StatusCode::BAD_REQUEST,
            "vector must be comma-separated numbers".into(),
        )
    })?;
    let filter = counsel_db::rag::Filter {
        model: query.model,
        document_id: query.document_id,
        collection_id: query.collection_id,
    };
    let found = counsel_db::rag::nearest(
        &db,
        &counsel_db::rag::Embedding::new(values),
        query.k.unwrap_or(5),
        &filter,
    )
    .await?;
    let results: Vec<serde_json::Value> = found
        .into_iter()
        .map(|n| {
            json!({
                "chunk_id": n.chunk.id,
                "document_id": n.chunk.document_id,
                "ordinal": n.chunk.ordinal,
                "text": n.chunk.text,
                "model": n.model,
                "distance": n.distance,
            })
        })
        .collect();
    Ok(Json(json!({ "results": results })))
}

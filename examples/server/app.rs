//! The HTTP routes of the example server, kept apart from `main` so the integration tests can
//! drive the same router in-process.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use entity::enums::UserRole;
use entity::{user, visitor};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, ModelTrait, QueryOrder, Set, SqlErr};
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

pub fn router(db: DatabaseConnection) -> Router {
    Router::new()
        .route("/health", get(health))
        .route("/users", post(create_user))
        .route("/users/{id}", get(get_user))
        .route("/users/{id}/visitors", post(create_visitor).get(list_visitors))
        .with_state(db)
}

#[derive(Debug)]
pub enum ApiError {
    NotFound(&'static str),
    Conflict(String),
    Invalid(String),
    Internal,
}

impl From<DbErr> for ApiError {
    fn from(err: DbErr) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => ApiError::Conflict("already exists".into()),
            Some(SqlErr::ForeignKeyConstraintViolation(_)) => ApiError::Invalid("refers to a missing record".into()),
            _ => {
                // The detail goes to the log, not to the client.
                tracing::error!(error = %err, "database error");
                ApiError::Internal
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            ApiError::NotFound(what) => (StatusCode::NOT_FOUND, format!("{what} not found")),
            ApiError::Conflict(m) => (StatusCode::CONFLICT, m),
            ApiError::Invalid(m) => (StatusCode::UNPROCESSABLE_ENTITY, m),
            ApiError::Internal => (StatusCode::INTERNAL_SERVER_ERROR, "internal error".into()),
        };
        (status, Json(json!({ "error": message }))).into_response()
    }
}

/// Liveness plus the schema revision, read from the database on every call.
async fn health(State(db): State<DatabaseConnection>) -> Response {
    match migration::applied_revisions(&db).await {
        Ok(applied) => {
            let known = migration::known_revisions();
            let revision = known.iter().rev().find(|k| applied.iter().any(|a| &&a.version == k));
            let pending = known.iter().filter(|k| !applied.iter().any(|a| &a.version == *k)).count();
            let backend = format!("{:?}", db.get_database_backend()).to_lowercase();
            Json(json!({ "status": "ok", "revision": revision, "pending": pending, "database": backend }))
                .into_response()
        }
        Err(err) => {
            tracing::warn!(error = %err, "health check cannot read the schema revision");
            (StatusCode::SERVICE_UNAVAILABLE, Json(json!({ "status": "unavailable" }))).into_response()
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct NewUser {
    pub email: String,
    pub full_name: String,
    pub role: UserRole,
}

async fn create_user(
    State(db): State<DatabaseConnection>,
    Json(body): Json<NewUser>,
) -> Result<(StatusCode, Json<user::Model>), ApiError> {
    let email = body.email.trim().to_lowercase();
    if !email.contains('@') || body.full_name.trim().is_empty() {
        return Err(ApiError::Invalid("a valid email and a full_name are required".into()));
    }
    let created = user::ActiveModel {
        email: Set(email),
        full_name: Set(body.full_name.trim().to_owned()),
        role: Set(body.role),
        // Passwords belong to the auth service; "!" marks an account that cannot log in yet.
        hashed_password: Set("!".into()),
        is_active: Set(true),
        ..Default::default()
    }
    .insert(&db)
    .await?;
    Ok((StatusCode::CREATED, Json(created)))
}

async fn get_user(State(db): State<DatabaseConnection>, Path(id): Path<Uuid>) -> Result<Json<user::Model>, ApiError> {
    user::Entity::find_by_id(id).one(&db).await?.map(Json).ok_or(ApiError::NotFound("user"))
}

#[derive(Debug, Deserialize)]
pub struct NewVisitor {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub notes: Option<String>,
}

async fn create_visitor(
    State(db): State<DatabaseConnection>,
    Path(counselor_id): Path<Uuid>,
    Json(body): Json<NewVisitor>,
) -> Result<(StatusCode, Json<visitor::Model>), ApiError> {
    if body.name.trim().is_empty() {
        return Err(ApiError::Invalid("name is required".into()));
    }
    if user::Entity::find_by_id(counselor_id).one(&db).await?.is_none() {
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
    .await?;
    Ok((StatusCode::CREATED, Json(created)))
}

async fn list_visitors(
    State(db): State<DatabaseConnection>,
    Path(counselor_id): Path<Uuid>,
) -> Result<Json<Vec<visitor::Model>>, ApiError> {
    let counselor = user::Entity::find_by_id(counselor_id).one(&db).await?.ok_or(ApiError::NotFound("user"))?;
    let visitors = counselor
        .find_related(visitor::Entity)
        .order_by_asc(visitor::Column::CreatedAt)
        .all(&db)
        .await?;
    Ok(Json(visitors))
}

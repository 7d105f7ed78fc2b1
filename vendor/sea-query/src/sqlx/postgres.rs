pub use sea_query_derive::sqlx_postgres_query as query;
pub use sea_query_derive::sqlx_postgres_query_as as query_as;

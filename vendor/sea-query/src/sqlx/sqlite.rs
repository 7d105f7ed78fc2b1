pub use sea_query_derive::sqlx_sqlite_query as query;
pub use sea_query_derive::sqlx_sqlite_query_as as query_as;

pub use sea_query_derive::sqlx_mysql_query as query;
pub use sea_query_derive::sqlx_mysql_query_as as query_as;

#[cfg(feature = "with-json")]
pub use serde_json::{self, Value as Json};

#[cfg(feature = "with-chrono")]
pub use chrono::{self, DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime, NaiveTime, Utc};

#[cfg(feature = "with-time")]
pub use time::{self, OffsetDateTime, PrimitiveDateTime};

#[cfg(feature = "with-jiff")]
pub use jiff::{self, Timestamp};

#[cfg(feature = "with-rust_decimal")]
pub use rust_decimal::{self, Decimal};

#[cfg(feature = "with-bigdecimal")]
pub use bigdecimal::{self, BigDecimal};

#[cfg(feature = "with-uuid")]
pub use uuid::{self, Uuid};

#[cfg(feature = "with-ipnetwork")]
pub use ipnetwork::{self, IpNetwork};

#[cfg(feature = "with-ipnetwork")]
pub use std::net::{self, IpAddr};

#[cfg(feature = "with-mac_address")]
pub use mac_address::{self, MacAddress};

#[cfg(feature = "postgres-range")]
pub use sea_query_postgres_types::range::RangeType;

//! [`Embedding`]: one vector of `f32`, the value of `embeddings.vector`.
//!
//! On PostgreSQL the column is pgvector's `vector(N)` and the value travels as a pgvector
//! `vector`. SQLite and MariaDB have no vector type: there the column is a BLOB of
//! little-endian `f32`s, 4 bytes per dimension ([`encode`], [`decode`]). The same Rust type
//! reads and writes both through plain sea-orm (the vendored sea-query-sqlx binds a vector as
//! those bytes where the server has no vector type: vendor/README.md).

use sea_orm::sea_query::{ArrayType, ColumnType, Nullable, Value, ValueType, ValueTypeErr};
use sea_orm::{ColIdx, QueryResult, TryGetError, TryGetable};
use serde::{Deserialize, Serialize};

/// An embedding vector.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Embedding(Vec<f32>);

impl Embedding {
    pub fn new(values: Vec<f32>) -> Self {
        Embedding(values)
    }

    pub fn as_slice(&self) -> &[f32] {
        &self.0
    }

    pub fn into_vec(self) -> Vec<f32> {
        self.0
    }

    pub fn dimensions(&self) -> usize {
        self.0.len()
    }

    /// pgvector's cosine distance (`<=>`): 1 − cos θ, in [0, 2]; 1 when either vector is zero
    /// (pgvector returns NaN there, which sorts last; 1 keeps the order total and close).
    pub fn cosine_distance(&self, other: &[f32]) -> f32 {
        let (mut dot, mut a, mut b) = (0.0_f64, 0.0_f64, 0.0_f64);
        for (x, y) in self.0.iter().zip(other) {
            let (x, y) = (f64::from(*x), f64::from(*y));
            dot += x * y;
            a += x * x;
            b += y * y;
        }
        if a == 0.0 || b == 0.0 {
            return 1.0;
        }
        (1.0 - dot / (a.sqrt() * b.sqrt())) as f32
    }
}

impl From<Vec<f32>> for Embedding {
    fn from(values: Vec<f32>) -> Self {
        Embedding(values)
    }
}

impl From<Embedding> for Value {
    fn from(e: Embedding) -> Value {
        Value::Vector(Some(sea_orm::prelude::PgVector::from(e.0)))
    }
}

impl Nullable for Embedding {
    fn null() -> Value {
        Value::Vector(None)
    }
}

impl ValueType for Embedding {
    fn try_from(v: Value) -> Result<Self, ValueTypeErr> {
        match v {
            Value::Vector(Some(v)) => Ok(Embedding(v.to_vec())),
            Value::Bytes(Some(bytes)) => decode(&bytes).map(Embedding).ok_or(ValueTypeErr),
            _ => Err(ValueTypeErr),
        }
    }

    fn type_name() -> String {
        "Embedding".to_owned()
    }

    fn array_type() -> ArrayType {
        ArrayType::Bytes
    }

    fn column_type() -> ColumnType {
        ColumnType::Vector(None)
    }
}

impl TryGetable for Embedding {
    fn try_get_by<I: ColIdx>(res: &QueryResult, index: I) -> Result<Self, TryGetError> {
        // A pgvector `vector` on PostgreSQL; the bytes elsewhere (and in a `bytea` column that
        // predates pgvector).
        match sea_orm::prelude::PgVector::try_get_by(res, index) {
            Ok(v) => Ok(Embedding(v.to_vec())),
            Err(TryGetError::Null(column)) => Err(TryGetError::Null(column)),
            Err(_) => {
                let bytes = Vec::<u8>::try_get_by(res, index)?;
                decode(&bytes).map(Embedding).ok_or_else(|| {
                    TryGetError::DbErr(sea_orm::DbErr::Type(format!(
                        "{index:?}: {} bytes are not a whole number of f32s",
                        bytes.len()
                    )))
                })
            }
        }
    }
}

/// Encodes a vector as little-endian `f32` bytes (the BLOB layout).
pub fn encode(values: &[f32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// Decodes little-endian `f32` bytes; `None` when the length is not a multiple of 4.
pub fn decode(bytes: &[u8]) -> Option<Vec<f32>> {
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    Some(
        bytes
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_torn_bytes() {
        let v = vec![0.25_f32, -1.5, f32::MAX, 0.0];
        let bytes = encode(&v);
        assert_eq!(bytes.len(), 16);
        assert_eq!(decode(&bytes), Some(v));
        assert_eq!(decode(&bytes[..15]), None);
    }

    #[test]
    fn a_value_converts_from_either_storage() {
        let e = Embedding::new(vec![1.0, -2.0]);
        assert_eq!(
            <Embedding as ValueType>::try_from(Value::from(e.clone())).ok(),
            Some(e.clone())
        );
        assert_eq!(
            <Embedding as ValueType>::try_from(Value::Bytes(Some(encode(&[1.0, -2.0])))).ok(),
            Some(e)
        );
        assert!(<Embedding as ValueType>::try_from(Value::Bytes(Some(vec![1, 2, 3]))).is_err());
    }

    #[test]
    fn cosine_distance_is_pgvectors() {
        let e = Embedding::new(vec![1.0, 0.0]);
        assert!((e.cosine_distance(&[1.0, 0.0])).abs() < 1e-6);
        assert!((e.cosine_distance(&[0.0, 1.0]) - 1.0).abs() < 1e-6);
        assert!((e.cosine_distance(&[-2.0, 0.0]) - 2.0).abs() < 1e-6);
        assert_eq!(e.cosine_distance(&[0.0, 0.0]), 1.0);
    }
}

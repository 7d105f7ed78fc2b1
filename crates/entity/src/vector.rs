//! Embedding vectors are stored as little-endian `f32` bytes: one portable BLOB/BYTEA column
//! on every backend, 4 bytes per dimension, no extension required.

/// Encodes a vector for the `embeddings.vector` column.
pub fn encode(values: &[f32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// Decodes the `embeddings.vector` column; `None` when the byte length is not a multiple of 4.
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
}

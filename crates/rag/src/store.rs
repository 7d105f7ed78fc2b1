//! Writing the knowledge base: a document, its chunks in order, and one embedding per chunk
//! and model, all or nothing.

use crate::{checked, Embedding, RagError};
use entity::{chunk, document, embedding};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set, TransactionSession, TransactionTrait};
use serde::Deserialize;
use uuid::Uuid;

#[derive(Debug, Clone, Deserialize)]
pub struct NewDocument {
    pub title: String,
    pub content: String,
    #[serde(default)]
    pub datasource_id: Option<Uuid>,
    #[serde(default)]
    pub metadata: serde_json::Value,
    pub chunks: Vec<NewChunk>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct NewChunk {
    pub text: String,
    /// The embedding model's name, e.g. `text-embedding-3-small`.
    pub model: String,
    pub vector: Embedding,
}

/// Stores `new` in one transaction: the document, then each chunk (numbered in order) with its
/// embedding. Every vector is checked ([`crate::checked`]) before anything is written.
pub async fn add_document<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    new: NewDocument,
) -> Result<document::Model, RagError> {
    for chunk in &new.chunks {
        checked(&chunk.vector)?;
    }
    let txn = db.begin().await?;
    crate::pgvector_on_search_path(&txn).await?;
    let document = document::ActiveModel {
        datasource_id: Set(new.datasource_id),
        title: Set(new.title),
        content_hash: Set(content_hash(&new.content)),
        content: Set(new.content),
        metadata: Set(if new.metadata.is_null() {
            serde_json::json!({})
        } else {
            new.metadata
        }),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for (ordinal, new_chunk) in new.chunks.into_iter().enumerate() {
        let chunk = chunk::ActiveModel {
            document_id: Set(document.id),
            ordinal: Set(ordinal as i32),
            token_count: Set(new_chunk.text.split_whitespace().count() as i32),
            text: Set(new_chunk.text),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        embedding::ActiveModel {
            chunk_id: Set(chunk.id),
            model: Set(new_chunk.model),
            dimensions: Set(new_chunk.vector.dimensions() as i32),
            vector: Set(new_chunk.vector),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(document)
}

/// What `documents.content_hash` holds: the SHA-256 of the content, in hex (64 characters).
pub fn content_hash(content: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(content.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

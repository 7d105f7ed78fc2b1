//! `manage-db`: the operator's view of the schema. The binary is a thin shell over this
//! library so that every command is testable in-process and through the real binary.

pub mod cli;
pub mod commands;
pub mod error;
pub mod replay;
pub mod scratch;
pub mod session;

pub use error::ToolError;

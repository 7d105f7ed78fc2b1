mod column;
mod explain;
mod index;
mod select;

pub use column::*;
pub use explain::ExplainTable;
pub use index::*;
pub use select::*;

pub(crate) use explain::ExplainTableTarget;
pub(crate) use explain::MySqlExplainOptions;
pub(crate) use explain::MySqlExplainSchemaSpec;

//! What spans many reports: the library they are loaded into, which of
//! them are of one place, each report's table cells and the user's choices
//! of them, one place's indicators across the years, and the corpus table
//! as a spreadsheet reads it.

pub mod cells;
pub mod choices;
pub mod export;
pub mod filter;
pub mod library;
pub mod loading;
pub mod places;
pub mod read_cache;
pub mod reuse;
pub mod search;
pub mod tables;
pub mod walk;
pub mod years;

pub use cells::TableCell;
pub use choices::Choices;
pub use filter::ListFilter;
pub use library::{Library, SkipReason, Skipped};
pub use loading::{Loading, Progress, Walking};
pub use places::Series;
pub use tables::Tables;

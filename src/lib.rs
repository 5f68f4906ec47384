//! lawgov-tui: read and compare Chinese governments' annual rule-of-law
//! reports (法治政府建设年度报告).
//!
//! The domain (loading, chrome and metadata, outline, parts check) lives
//! in `library`, `report`, `script` and `text`, and never touches a
//! terminal. `tui` is the thin terminal UI on top of it (kept in the library
//! so tests and benchmarks can drive it without a terminal); `src/main.rs`
//! adds the CLI.

mod bundled;
pub mod catalogue_file;
pub mod catalogues;
pub mod compare;
pub mod corpus;
pub mod figures;
pub mod files;
pub mod followup;
pub mod guard;
pub mod paths;
pub mod report;
pub mod text;
pub mod tui;

pub use catalogues::Catalogues;
pub use corpus::{Library, Skipped};
pub use report::{LoadError, Report};

//! lawgov-tui: read and compare Chinese governments' annual rule-of-law
//! reports (法治政府建设年度报告).
//!
//! The domain (loading, chrome and metadata, outline, parts check) lives
//! in `library`, `report`, `script` and `text`, and never touches a
//! terminal. `tui` is the thin terminal UI on top of it (kept in the library
//! so tests and benchmarks can drive it without a terminal); `src/main.rs`
//! adds the CLI.

pub mod catalogues;
pub mod compare;
pub mod config;
pub mod figures;
pub mod files;
pub mod followup;
pub mod guard;
pub mod library;
pub mod report;
pub mod text;
pub mod tui;
pub mod years;

pub use catalogues::Catalogues;
pub use library::{Library, Skipped};
pub use report::{LoadError, Report};

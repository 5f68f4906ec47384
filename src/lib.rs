//! lawgov-tui: read and compare Chinese governments' annual rule-of-law
//! reports (法治政府建设年度报告).
//!
//! The domain (loading, chrome and metadata, outline, parts check) lives
//! here, independent of any terminal; `src/main.rs` puts a CLI and a TUI on
//! top.

pub mod library;
pub mod report;
pub mod script;
pub mod text;

pub use library::{Library, Skipped};
pub use report::{LoadError, Report};

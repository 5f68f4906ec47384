//! Where a user's own files live, and the shape of the errors the
//! catalogues give for them.

use std::path::PathBuf;

/// `<config dir>/lawgov-tui/NAME`: a user's catalogue that extends the
/// built-in one (`indicators.toml`, `topics.toml`).
pub fn user_file(name: &str) -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "lawgov-tui").map(|d| d.config_dir().join(name))
}

/// Why a catalogue file could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {problem}")]
pub struct CatalogueError {
    pub file: String,
    pub problem: String,
}

/// A parser's message on one line, for a one-line error.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

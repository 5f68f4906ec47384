//! Where a user's own files live, and the shape of the errors the
//! catalogues give for them.

use std::path::{Path, PathBuf};

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

/// A user catalogue's text, with errors that name the file.
pub fn read_user_file(path: &Path) -> Result<String, CatalogueError> {
    std::fs::read_to_string(path).map_err(|e| user_error(path, e.to_string()))
}

pub fn user_error(path: &Path, problem: String) -> CatalogueError {
    CatalogueError {
        file: path.display().to_string(),
        problem,
    }
}

/// The catalogue in use: the built-in one, extended by the user's file
/// `name` when it exists. A broken file leaves the built-in catalogue and
/// the error, for the program to show as a warning.
pub fn builtin_or_user<C>(
    name: &str,
    builtin: fn() -> C,
    with_user_file: fn(&Path) -> Result<C, CatalogueError>,
) -> (C, Option<CatalogueError>) {
    match user_file(name).filter(|p| p.exists()) {
        Some(path) => match with_user_file(&path) {
            Ok(c) => (c, None),
            Err(e) => (builtin(), Some(e)),
        },
        None => (builtin(), None),
    }
}

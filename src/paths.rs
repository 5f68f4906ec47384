//! Where the program keeps the user's files, one answer for every caller:
//! the config folder (catalogues that extend the built-in ones) and the
//! data folder (the report library, the choices of table cells).

use std::path::PathBuf;

use directories::ProjectDirs;

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "lawgov-tui")
}

/// `<config dir>/lawgov-tui`: the user's catalogues (`indicators.toml`,
/// `topics.toml`) that extend the built-in ones.
pub fn config_dir() -> Option<PathBuf> {
    project().map(|d| d.config_dir().to_owned())
}

/// `<data dir>/lawgov-tui/reports`: the user's own library folder, opened
/// with the bundled reports.
pub fn library_dir() -> Option<PathBuf> {
    project().map(|d| d.data_dir().join("reports"))
}

/// `<data dir>/lawgov-tui/read-cache`: the reports read in the
/// background, kept so that a folder opens again without reading its
/// files ([`crate::corpus::read_cache`]).
pub(crate) fn read_cache_dir() -> Option<PathBuf> {
    project().map(|d| d.data_dir().join("read-cache"))
}

/// `<data dir>/lawgov-tui/choices.json`: the user's choices of table cells.
pub(crate) fn choices_file() -> Option<PathBuf> {
    project().map(|d| d.data_dir().join("choices.json"))
}

//! Where a user's own files live, and the shape of the errors the
//! catalogues give for them.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::files::ReadError;

/// `<config dir>/lawgov-tui`: the user's catalogues (`indicators.toml`,
/// `topics.toml`) that extend the built-in ones.
pub fn dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "lawgov-tui").map(|d| d.config_dir().to_owned())
}

/// Why a catalogue file could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {problem}")]
pub struct CatalogueError {
    pub file: String,
    pub problem: String,
}

/// The longest problem a catalogue error quotes, in chars: a parser may
/// echo a whole line of a hostile file.
const MAX_PROBLEM: usize = 240;

/// A parser's message on one line, cut to a readable length, for a
/// one-line error.
pub fn one_line(s: &str) -> String {
    let line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(MAX_PROBLEM) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

/// Puts `more` into `list`: an entry whose id is already there replaces
/// it in place, others go at the end. Linear, however many entries a
/// user's file holds.
pub fn merge_by_id<T>(list: &mut Vec<T>, more: Vec<T>, id: impl Fn(&T) -> &str) {
    let mut at: HashMap<String, usize> = list
        .iter()
        .enumerate()
        .map(|(i, x)| (id(x).to_owned(), i))
        .collect();
    for x in more {
        match at.get(id(&x)) {
            Some(&i) => list[i] = x,
            None => {
                at.insert(id(&x).to_owned(), list.len());
                list.push(x);
            }
        }
    }
}

/// A user catalogue's text, with errors that name the file.
pub fn read_user_file(path: &Path) -> Result<String, CatalogueError> {
    read_small_file(path).map_err(|e| user_error(path, e.to_string()))
}

/// The largest config or choices file read: far beyond any real one.
const MAX_SMALL_FILE: u64 = 16 * 1024 * 1024;

/// A small text file the program keeps or the user writes (catalogues,
/// choices): a regular file only (a FIFO or a device would hang or never
/// end), read no further than the size limit, as UTF-8.
pub fn read_small_file(path: &Path) -> io::Result<String> {
    let bytes = crate::files::read_regular(path, MAX_SMALL_FILE).map_err(|e| match e {
        ReadError::Io(e) => e,
        ReadError::TooLarge { .. } => io::Error::new(
            io::ErrorKind::InvalidData,
            format!("larger than {} MB", MAX_SMALL_FILE / 1024 / 1024),
        ),
        e => io::Error::new(io::ErrorKind::InvalidInput, e.to_string()),
    })?;
    String::from_utf8(bytes)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8 text"))
}

/// Writes a file so that a reader sees the old content or the new, never
/// half of it: a temporary file beside it, flushed, then renamed over it.
/// The folder is made when missing.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

pub fn user_error(path: &Path, problem: String) -> CatalogueError {
    CatalogueError {
        file: path.display().to_string(),
        problem: one_line(&problem),
    }
}

/// A full DFA for a catalogue of the usual size, searched for every label
/// and text; past a few thousand keywords (a user's generated file) the
/// DFA's build time and memory grow out of bounds, so the crate picks.
pub fn automaton_kind(patterns: usize) -> Option<aho_corasick::AhoCorasickKind> {
    (patterns <= 5_000).then_some(aho_corasick::AhoCorasickKind::DFA)
}

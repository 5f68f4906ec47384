//! A user's catalogue file (TOML), read the one way both catalogues
//! (indicators, topics) read theirs: small and safe, entries merged into
//! the built-in ones by id, errors that name the file in one line.

use std::collections::HashMap;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::text::one_line;

/// Why a catalogue file could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {problem}")]
pub struct CatalogueError {
    pub file: String,
    pub problem: String,
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

/// The entries of a user's catalogue file, parsed as `F`.
pub fn read<F: DeserializeOwned>(path: &Path) -> Result<F, CatalogueError> {
    let name = path.display().to_string();
    let text = crate::files::read_small_file(path).map_err(|e| error(&name, e.to_string()))?;
    parse(&name, &text)
}

/// A catalogue's text, parsed as `F`; `name` names it in errors.
pub fn parse<F: DeserializeOwned>(name: &str, text: &str) -> Result<F, CatalogueError> {
    toml::from_str(text).map_err(|e| error(name, e.to_string()))
}

/// An error naming the file, its problem on one line.
pub fn error(name: &str, problem: String) -> CatalogueError {
    CatalogueError {
        file: name.to_owned(),
        problem: one_line(&problem),
    }
}

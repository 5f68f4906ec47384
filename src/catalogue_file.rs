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
    /// Only one entry was refused: the rest of the file is in use.
    pub entry_only: bool,
}

/// The longest word (term, alias, cue) a catalogue takes, in chars. No
/// report's name of a quantity comes near it; a longer word could only
/// slow every command that reads the catalogue.
pub(crate) const LONGEST_WORD: usize = 200;

/// Why an entry of a user's file is refused, if it is: an id that is not
/// lowercase ASCII letters, digits and `_` (ids become CSV headers and
/// JSON keys, and are typed on the command line), or a word longer than
/// [`LONGEST_WORD`].
pub(crate) fn refusal<'a>(
    kind: &str,
    id: &str,
    words: impl IntoIterator<Item = &'a String>,
) -> Option<String> {
    let shown = || crate::text::printable(crate::text::take_chars(id, 60)).into_owned();
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_'))
    {
        return Some(format!(
            "{kind} id {:?} refused: an id is lowercase letters, digits and _",
            shown()
        ));
    }
    let long = words
        .into_iter()
        .find(|w| w.chars().count() > LONGEST_WORD)?;
    Some(format!(
        "{kind} {id:?} refused: a word of {} chars (at most {LONGEST_WORD})",
        long.chars().count()
    ))
}

/// A name from a user's file as report text is shown: control
/// characters and bidirectional overrides made visible symbols.
pub(crate) fn shown_name(name: &str) -> String {
    crate::text::printable(name).into_owned()
}

/// Puts `more` into `list`: an entry whose id is already there replaces
/// it in place, others go at the end. Linear, however many entries a
/// user's file holds.
pub(crate) fn merge_by_id<T>(list: &mut Vec<T>, more: Vec<T>, id: impl Fn(&T) -> &str) {
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
        entry_only: false,
    }
}

/// A warning naming the file: one of its entries was refused.
pub(crate) fn entry_refused(name: &str, problem: String) -> CatalogueError {
    CatalogueError {
        entry_only: true,
        ..error(name, problem)
    }
}

/// A built-in catalogue extended by the user's file at `path`: its
/// `entries` added by `extend`, which refuses an entry with a reason or
/// the whole file with a problem; a warning for each entry refused.
pub(crate) fn extended<C, F: DeserializeOwned, E>(
    path: &Path,
    mut catalogue: C,
    entries: impl FnOnce(F) -> Vec<E>,
    extend: impl FnOnce(&mut C, Vec<E>) -> Result<Vec<String>, String>,
) -> Result<(C, Vec<CatalogueError>), CatalogueError> {
    let file: F = read(path)?;
    let name = path.display().to_string();
    let refused = extend(&mut catalogue, entries(file)).map_err(|p| error(&name, p))?;
    let warnings = refused
        .into_iter()
        .map(|p| entry_refused(&name, p))
        .collect();
    Ok((catalogue, warnings))
}

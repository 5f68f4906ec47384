//! The user's choices of table cells: for a report and an indicator, the
//! figure the user picked (or none at all) over the rule's headline. Kept
//! in the user's data folder as JSON, written atomically, and read by the
//! TUI, `table` and `diff --figures` alike.
//!
//! A report is known by a fingerprint of its text, so a choice follows the
//! report wherever the file moves and lapses when its text changes; a
//! figure by its line, column and text as written.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::figures::Figure;
use crate::report::Report;

/// A figure of a report, as a choice names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FigureRef {
    pub line: usize,
    pub col: usize,
    pub raw: String,
}

impl FigureRef {
    pub fn of(f: &Figure) -> FigureRef {
        FigureRef {
            line: f.line,
            col: f.col,
            raw: f.raw.clone(),
        }
    }

    /// The index of the figure this names in a report's figures.
    pub fn find(&self, report: &Report) -> Option<usize> {
        report
            .figures
            .iter()
            .position(|f| f.line == self.line && f.col == self.col && f.raw == self.raw)
    }
}

/// One choice as the file keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Entry {
    /// The report's fingerprint ([`fingerprint`]).
    report: String,
    /// What the user saw, to make the file readable.
    #[serde(default)]
    file: String,
    indicator: String,
    /// None: the user chose no figure for this cell.
    figure: Option<FigureRef>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Stored {
    version: u32,
    choices: Vec<Entry>,
}

/// Why the choices file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ChoicesError {
    #[error("{}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{}: {problem}", path.display())]
    Malformed { path: PathBuf, problem: String },
}

/// The choices, by (report fingerprint, indicator id).
#[derive(Debug, Clone, Default)]
pub struct Choices {
    by_cell: HashMap<(String, String), Entry>,
    /// Where they are kept, when they are kept.
    path: Option<PathBuf>,
}

impl Choices {
    /// The user's own choices, and why they could not be read (then none
    /// apply, and none made now are kept over the unreadable file).
    pub fn of_user() -> (Choices, Option<ChoicesError>) {
        let Some(path) = crate::paths::choices_file() else {
            return (Choices::default(), None);
        };
        match Choices::load(&path) {
            Ok(c) => (c, None),
            Err(e) => (Choices::default(), Some(e)),
        }
    }

    /// The choices kept in `path` (none when the file does not exist).
    pub fn load(path: &Path) -> Result<Choices, ChoicesError> {
        let mut c = Choices {
            path: Some(path.to_owned()),
            ..Choices::default()
        };
        let text = match crate::files::read_small_file(path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(c),
            Err(source) => {
                return Err(ChoicesError::Read {
                    path: path.to_owned(),
                    source,
                })
            }
        };
        let stored: Stored = serde_json::from_str(&text).map_err(|e| ChoicesError::Malformed {
            path: path.to_owned(),
            problem: crate::text::one_line(&e.to_string()),
        })?;
        for e in stored.choices {
            c.by_cell.insert((e.report.clone(), e.indicator.clone()), e);
        }
        Ok(c)
    }

    /// The user's choice for a cell: Some(Some(figure)), Some(None) for
    /// "no figure", None when the user has not chosen.
    pub fn get(&self, report: &str, indicator: &str) -> Option<Option<&FigureRef>> {
        self.by_cell
            .get(&(report.to_owned(), indicator.to_owned()))
            .map(|e| e.figure.as_ref())
    }

    pub fn is_empty(&self) -> bool {
        self.by_cell.is_empty()
    }

    /// Records a choice (None: no figure) and keeps the file, atomically.
    pub fn set(
        &mut self,
        report: &Report,
        indicator: &str,
        figure: Option<FigureRef>,
    ) -> io::Result<()> {
        let key = (fingerprint(report), indicator.to_owned());
        let entry = Entry {
            report: key.0.clone(),
            file: report.file.clone(),
            indicator: indicator.to_owned(),
            figure,
        };
        self.by_cell.insert(key, entry);
        self.save()
    }

    /// Forgets a choice: the rule's headline fills the cell again.
    pub fn clear(&mut self, report: &Report, indicator: &str) -> io::Result<()> {
        self.by_cell
            .remove(&(fingerprint(report), indicator.to_owned()));
        self.save()
    }

    fn save(&self) -> io::Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let mut choices: Vec<Entry> = self.by_cell.values().cloned().collect();
        choices.sort_by(|a, b| (&a.report, &a.indicator).cmp(&(&b.report, &b.indicator)));
        let text = serde_json::to_string_pretty(&Stored {
            version: 1,
            choices,
        })
        .map_err(io::Error::other)?;
        crate::files::write_atomically(path, text.as_bytes())
    }
}

/// A fingerprint of a report's text: FNV-1a, 64 bits, as hex. Written
/// here because it must stay the same across versions of the program and
/// of the standard library, which `std::hash` does not promise.
pub fn fingerprint(report: &Report) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in report.text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::TextEncoding;

    #[test]
    fn choices_are_kept_across_loads_and_follow_the_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/choices.json");
        let r = Report::parse(
            "a.txt",
            "一、情况\n全年办理法律援助案件120件,其中未成年人案件30件。\n".into(),
            TextEncoding::Utf8,
        );
        let mut c = Choices::load(&path).unwrap();
        assert!(c.is_empty());
        c.set(&r, "legal_aid_cases", Some(FigureRef::of(&r.figures[1])))
            .unwrap();
        c.set(&r, "cppcc_proposals", None).unwrap();
        let again = Choices::load(&path).unwrap();
        let key = fingerprint(&r);
        let chosen = again.get(&key, "legal_aid_cases").unwrap().unwrap();
        assert_eq!(chosen.find(&r), Some(1));
        assert_eq!(again.get(&key, "cppcc_proposals"), Some(None));
        assert_eq!(again.get(&key, "petitions"), None);
        // The same text under another name is the same report.
        let moved = Report::parse("b.txt", r.text.clone(), TextEncoding::Utf8);
        assert_eq!(fingerprint(&moved), key);
        let mut again = again;
        again.clear(&r, "legal_aid_cases").unwrap();
        assert_eq!(
            Choices::load(&path).unwrap().get(&key, "legal_aid_cases"),
            None
        );
        // Nothing but the file is left in the folder.
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub")).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_broken_file_is_one_line_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("choices.json");
        std::fs::write(&path, "{not json").unwrap();
        let e = Choices::load(&path).unwrap_err().to_string();
        assert!(e.contains("choices.json") && !e.contains('\n'), "{e}");
    }
}

//! The user's choices of table cells: for a report and an indicator, the
//! figure the user picked (or none at all) over the rule's headline. Kept
//! in the user's data folder as JSON, written atomically, and read by the
//! TUI, `table` and `diff --figures` alike.
//!
//! A report is known by a fingerprint of its text, so a choice follows the
//! report wherever the file moves and lapses when its text changes; a
//! figure by its line, column and text as written.
//!
//! Several windows may keep choices in one file: each choice is written by
//! reading the file again under a lock and changing only its own cell, so
//! no window drops another's.

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
            .figures()
            .iter()
            .position(|f| f.line == self.line && f.col == self.col && f.raw == self.raw)
    }
}

/// A value the user typed for a cell whose figure the text states in a
/// form the program does not read: the number as typed (a plain decimal),
/// its unit, and the user's note of where the text states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByHand {
    pub value: String,
    pub unit: String,
    #[serde(default)]
    pub note: String,
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
    /// A value typed by hand (then `figure` is none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    by_hand: Option<ByHand>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Stored {
    version: u32,
    choices: Vec<Entry>,
}

/// Why the choices file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ChoicesError {
    #[error("{}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{}: {problem}", path.display())]
    Malformed { path: PathBuf, problem: String },
    #[error("{}: cannot be written: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
}

type Cells = HashMap<(String, String), Entry>;

/// The choices, by (report fingerprint, indicator id).
#[derive(Debug, Clone, Default)]
pub struct Choices {
    by_cell: Cells,
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
            // None apply; a choice made now tries the file again, and says
            // why it cannot be kept rather than overwrite the file.
            Err(e) => (
                Choices {
                    path: Some(path),
                    ..Choices::default()
                },
                Some(e),
            ),
        }
    }

    /// The choices kept in `path` (none when the file does not exist).
    pub fn load(path: &Path) -> Result<Choices, ChoicesError> {
        Ok(Choices {
            by_cell: read_cells(path)?,
            path: Some(path.to_owned()),
        })
    }

    /// The user's choice for a cell: Some(Some(figure)), Some(None) for
    /// "no figure", None when the user has not chosen.
    pub fn get(&self, report: &str, indicator: &str) -> Option<Option<&FigureRef>> {
        self.by_cell
            .get(&(report.to_owned(), indicator.to_owned()))
            .map(|e| e.figure.as_ref())
    }

    /// The value the user typed for a cell, if any.
    pub fn by_hand(&self, report: &str, indicator: &str) -> Option<&ByHand> {
        // A table asks of every cell of every report; the lookup builds
        // the cell's key, which no choice at all makes pointless.
        if self.is_empty() {
            return None;
        }
        self.by_cell
            .get(&(report.to_owned(), indicator.to_owned()))
            .and_then(|e| e.by_hand.as_ref())
    }

    /// Records a value typed by hand for a cell: no figure of the text
    /// fills it, the value does, marked as the user's.
    pub(crate) fn set_by_hand(
        &mut self,
        report: &Report,
        indicator: &str,
        value: ByHand,
    ) -> Result<(), ChoicesError> {
        self.put(report, indicator, None, Some(value))
    }

    pub fn is_empty(&self) -> bool {
        self.by_cell.is_empty()
    }

    /// The key `report`'s choices are looked up by: its [`fingerprint`],
    /// or an empty key when there are no choices to look up, as hashing
    /// costs a pass over the whole text of every report in a table.
    pub fn key_of(&self, report: &Report) -> String {
        match self.is_empty() {
            true => String::new(),
            false => fingerprint(report),
        }
    }

    /// Records a choice (None: no figure): it applies at once, and is
    /// kept in the file with every other window's choices.
    pub fn set(
        &mut self,
        report: &Report,
        indicator: &str,
        figure: Option<FigureRef>,
    ) -> Result<(), ChoicesError> {
        self.put(report, indicator, figure, None)
    }

    fn put(
        &mut self,
        report: &Report,
        indicator: &str,
        figure: Option<FigureRef>,
        by_hand: Option<ByHand>,
    ) -> Result<(), ChoicesError> {
        let key = (fingerprint(report), indicator.to_owned());
        let entry = Entry {
            report: key.0.clone(),
            file: report.file.clone(),
            indicator: indicator.to_owned(),
            figure,
            by_hand,
        };
        self.by_cell.insert(key.clone(), entry.clone());
        self.keep(|cells| {
            cells.insert(key, entry);
        })
    }

    /// Forgets a choice: the rule's headline fills the cell again.
    pub fn clear(&mut self, report: &Report, indicator: &str) -> Result<(), ChoicesError> {
        let key = (fingerprint(report), indicator.to_owned());
        self.by_cell.remove(&key);
        self.keep(|cells| {
            cells.remove(&key);
        })
    }

    /// Makes one change to the file: under a lock, the file is read again,
    /// changed and written, so that choices another window kept meanwhile
    /// stay; they apply here too from then on.
    fn keep(&mut self, change: impl FnOnce(&mut Cells)) -> Result<(), ChoicesError> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        let write_error = |source| ChoicesError::Write {
            path: path.clone(),
            source,
        };
        let target = crate::files::link_target(&path).map_err(write_error)?;
        let _lock = lock_beside(&target).map_err(write_error)?;
        let mut cells = read_cells(&path)?;
        change(&mut cells);
        let mut choices: Vec<Entry> = cells.values().cloned().collect();
        choices.sort_by(|a, b| (&a.report, &a.indicator).cmp(&(&b.report, &b.indicator)));
        let text = serde_json::to_string_pretty(&Stored {
            version: 1,
            choices,
        })
        .map_err(|e| write_error(io::Error::other(e)))?;
        crate::files::write_atomically(&target, text.as_bytes()).map_err(write_error)?;
        self.by_cell = cells;
        Ok(())
    }
}

/// The choices in the file at `path` (through links): none when it does
/// not exist yet.
fn read_cells(path: &Path) -> Result<Cells, ChoicesError> {
    let read = crate::files::link_target(path).and_then(|t| crate::files::read_small_file(&t));
    let text = match read {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Cells::new()),
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
    Ok(stored
        .choices
        .into_iter()
        .map(|e| ((e.report.clone(), e.indicator.clone()), e))
        .collect())
}

/// An exclusive lock on `<file>.lock` beside `file`, held until dropped.
/// A lock file of its own, because the choices file is replaced by a
/// rename on every write and a lock on it would be on the old file.
fn lock_beside(file: &Path) -> io::Result<std::fs::File> {
    let mut name = file.file_name().unwrap_or_default().to_owned();
    name.push(".lock");
    let lock_path = file.with_file_name(name);
    if let Some(dir) = lock_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path)?;
    lock.lock()?;
    Ok(lock)
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
        c.set(&r, "legal_aid_cases", Some(FigureRef::of(&r.figures()[1])))
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
        // Nothing but the file and its lock is left in the folder.
        let mut names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        assert_eq!(names, ["choices.json", "choices.json.lock"]);
    }

    #[test]
    fn a_broken_file_is_one_line_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("choices.json");
        std::fs::write(&path, "{not json").unwrap();
        let e = Choices::load(&path).unwrap_err().to_string();
        assert!(e.contains("choices.json") && !e.contains('\n'), "{e}");
    }

    fn report(text: &str) -> Report {
        Report::parse("a.txt", text.into(), TextEncoding::Utf8)
    }

    /// Two windows on one file: each keeps its choice, neither drops the
    /// other's, and each sees the other's after its own write.
    #[test]
    fn two_windows_keep_both_choices() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("choices.json");
        let r = report("一、情况\n全年办理法律援助案件120件,新收行政复议案件30件。\n");
        let mut one = Choices::load(&path).unwrap();
        let mut two = Choices::load(&path).unwrap();
        one.set(&r, "legal_aid_cases", None).unwrap();
        two.set(&r, "reconsideration_received", None).unwrap();
        let kept = Choices::load(&path).unwrap();
        let key = fingerprint(&r);
        assert_eq!(kept.get(&key, "legal_aid_cases"), Some(None));
        assert_eq!(kept.get(&key, "reconsideration_received"), Some(None));
        assert_eq!(two.get(&key, "legal_aid_cases"), Some(None));
        one.clear(&r, "legal_aid_cases").unwrap();
        let kept = Choices::load(&path).unwrap();
        assert_eq!(kept.get(&key, "legal_aid_cases"), None);
        assert_eq!(kept.get(&key, "reconsideration_received"), Some(None));
    }

    /// A file that does not read is neither applied nor overwritten: a
    /// choice made says why it is not kept.
    #[test]
    fn a_corrupt_file_is_not_overwritten_and_the_choice_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("choices.json");
        std::fs::write(&path, "{not json").unwrap();
        let mut c = Choices {
            path: Some(path.clone()),
            ..Choices::default()
        };
        let r = report("一、情况\n全年办理法律援助案件120件。\n");
        let e = c.set(&r, "legal_aid_cases", None).unwrap_err().to_string();
        assert!(e.contains("choices.json"), "{e}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{not json");
        assert_eq!(c.get(&fingerprint(&r), "legal_aid_cases"), Some(None));
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_file_stays_a_link_and_a_read_only_folder_says_so() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        let link = dir.path().join("choices.json");
        std::os::unix::fs::symlink("real.json", &link).unwrap();
        let r = report("一、情况\n全年办理法律援助案件120件。\n");
        Choices::load(&link)
            .unwrap()
            .set(&r, "legal_aid_cases", None)
            .unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert!(std::fs::read_to_string(&real)
            .unwrap()
            .contains("legal_aid_cases"));
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o500)).unwrap();
        let mut c = Choices::load(&locked.join("choices.json")).unwrap();
        let result = c.set(&r, "legal_aid_cases", None);
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o700)).unwrap();
        // Root writes anywhere: the refusal is only seen as a user.
        if unsafe { libc::geteuid() } != 0 {
            assert!(result
                .unwrap_err()
                .to_string()
                .contains("cannot be written"));
        }
    }
}

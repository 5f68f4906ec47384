//! Where reports come from: the bundled ones, the user's library folder,
//! and any files or folders named on the command line.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::report::{Depth, LoadError, Report};

pub(crate) mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// File extensions a folder scan picks up.
pub const REPORT_EXTENSIONS: &[&str] = &["txt", "htm", "html"];

/// A file that could not be opened, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub file: String,
    pub reason: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.reason)
    }
}

/// The reports loaded for one session, and what was skipped.
#[derive(Debug, Default)]
pub struct Library {
    pub reports: Vec<Report>,
    pub skipped: Vec<Skipped>,
}

impl Library {
    /// The reports compiled into the binary, with the built-in catalogue.
    pub fn bundled() -> Library {
        Library::bundled_to(Depth::full())
    }

    /// [`Library::bundled`], loading each report to `depth`.
    pub fn bundled_to(depth: Depth) -> Library {
        let mut lib = Library::default();
        for (name, bytes) in bundled::BUNDLED {
            lib.add(name.to_string(), Report::from_bytes_to(name, bytes, depth));
        }
        lib
    }

    /// Files and folders named by the user, with the built-in catalogue. A
    /// folder contributes every report below it; a bad file is skipped
    /// with its reason.
    pub fn from_paths(paths: &[PathBuf]) -> Library {
        Library::from_paths_to(paths, Depth::full())
    }

    /// [`Library::from_paths`], loading each report to `depth`.
    pub fn from_paths_to(paths: &[PathBuf], depth: Depth) -> Library {
        let mut lib = Library::default();
        for path in paths {
            lib.add_path(path, depth);
        }
        lib
    }

    /// Adds a file, or every report in a folder.
    fn add_path(&mut self, path: &Path, depth: Depth) {
        let name = path.display().to_string();
        if path.is_dir() {
            let mut files = Vec::new();
            collect_reports(path, &mut files);
            if files.is_empty() {
                self.skipped.push(Skipped {
                    file: name,
                    reason: "folder holds no reports (.txt, .htm, .html)".into(),
                });
            }
            for f in files {
                self.add(f.display().to_string(), Report::open_to(&f, depth));
            }
        } else if path.exists() {
            self.add(name, Report::open_to(path, depth));
        } else {
            self.skipped.push(Skipped {
                file: name,
                reason: "no such file or folder".into(),
            });
        }
    }

    fn add(&mut self, file: String, result: Result<Report, LoadError>) {
        match result {
            Ok(r) => self.reports.push(r),
            Err(e) => self.skipped.push(Skipped {
                file,
                reason: e.to_string(),
            }),
        }
    }
}

/// The user's own library folder: `<data dir>/lawgov-tui/reports`.
pub fn user_library_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "lawgov-tui").map(|d| d.data_dir().join("reports"))
}

/// Folder nesting deeper than this is not a report library.
const MAX_DEPTH: usize = 32;

/// The report files under `dir`, in name order, each real folder and each
/// real file visited once however links lead back to them (a folder that
/// links to itself, or two links to one file).
fn collect_reports(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut seen = HashSet::new();
    walk(dir, out, &mut seen, 0);
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, seen: &mut HashSet<PathBuf>, depth: usize) {
    let first_visit = std::fs::canonicalize(dir).is_ok_and(|real| seen.insert(real));
    if depth > MAX_DEPTH || !first_visit {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out, seen, depth + 1);
        } else if has_report_extension(&p)
            && std::fs::canonicalize(&p).map_or(true, |real| seen.insert(real))
        {
            out.push(p);
        }
    }
}

fn has_report_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| REPORT_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder that links to itself, and a second link to a report, are
    /// walked once: each report opens once.
    #[cfg(unix)]
    #[test]
    fn a_folder_linked_to_itself_opens_each_report_once() {
        let dir = tempfile::tempdir().unwrap();
        let text = "一、总体情况\n全年办理行政复议案件12件，依法推进各项工作取得积极成效。\n";
        std::fs::write(dir.path().join("a.txt"), text).unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/b.txt"), text).unwrap();
        std::os::unix::fs::symlink(".", dir.path().join("self")).unwrap();
        std::os::unix::fs::symlink("..", dir.path().join("sub/up")).unwrap();
        std::os::unix::fs::symlink("a.txt", dir.path().join("again.txt")).unwrap();
        let lib = Library::from_paths(&[dir.path().to_owned()]);
        assert_eq!(lib.reports.len(), 2, "{:?}", lib.skipped);
        assert!(lib.skipped.is_empty());
    }
}

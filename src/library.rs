//! Where reports come from: the bundled ones, the user's library folder,
//! and any files or folders named on the command line.

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
    /// The reports compiled into the binary.
    pub fn bundled() -> Library {
        let mut lib = Library::default();
        for (name, bytes) in bundled::BUNDLED {
            lib.add(name.to_string(), Report::from_bytes(name, bytes));
        }
        lib
    }

    /// Files and folders named by the user. A folder contributes every
    /// report below it; a bad file is skipped with its reason.
    pub fn from_paths(paths: &[PathBuf]) -> Library {
        Library::from_paths_to(paths, Depth::Full)
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
            collect_reports(path, &mut files, 0);
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

/// Folder nesting deeper than this is a link loop or not a report library.
const MAX_DEPTH: usize = 16;

fn collect_reports(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            collect_reports(&p, out, depth + 1);
        } else if has_report_extension(&p) {
            out.push(p);
        }
    }
}

fn has_report_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| REPORT_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

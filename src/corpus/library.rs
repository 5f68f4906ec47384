//! Where reports come from: the bundled ones, the user's library folder,
//! and any files or folders named on the command line.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use super::places::place_groups;
use super::walk::{self, Found, WalkOptions, WalkProblem};
use crate::guard;
use crate::report::{Depth, Level, LoadError, Report};
use crate::text::script;

/// A file or folder that gave no report, and why.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {reason}")]
pub struct Skipped {
    pub file: String,
    pub reason: SkipReason,
}

/// Why a path named or found gave no report.
#[derive(Debug, thiserror::Error)]
pub enum SkipReason {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("folder holds no reports (.txt, .htm, .html, .pdf, .docx)")]
    EmptyFolder,
    #[error("no such file or folder")]
    Missing,
    #[error(transparent)]
    Walk(#[from] WalkProblem),
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
    pub(crate) fn bundled_to(depth: Depth) -> Library {
        let mut lib = Library::default();
        for (name, bytes) in crate::bundled::BUNDLED {
            let report = guarded(|| Report::from_bytes_to(name, bytes, depth));
            lib.add(name.to_string(), report);
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
        Library::from_paths_until(paths, depth, &|| false)
    }

    /// [`Library::from_paths_to`], asking `stop` before each file: a long
    /// load ends as soon as the user asks (a signal, a key), with what was
    /// read so far.
    pub(crate) fn from_paths_until(
        paths: &[PathBuf],
        depth: Depth,
        stop: &dyn Fn() -> bool,
    ) -> Library {
        let mut lib = Library::default();
        for path in paths {
            if stop() {
                break;
            }
            lib.add_path(path, depth, stop);
        }
        lib
    }

    /// Adds a file, or every report in a folder.
    fn add_path(&mut self, path: &Path, depth: Depth, stop: &dyn Fn() -> bool) {
        let (files, skipped) = report_files(&[path.to_owned()]);
        self.skipped.extend(skipped);
        for f in files {
            if stop() {
                return;
            }
            self.read_file(&f, depth);
        }
    }

    /// Groups the reports by place, each group where its first report
    /// stands, and orders a group by who wrote it (the government before
    /// its departments), then by year. One place's reports stand together
    /// whichever script or form names it (南京市鼓楼区 and 鼓楼区).
    #[cfg(test)]
    pub(crate) fn group_by_place(&mut self) {
        self.settle(|_| 0);
    }

    /// Puts the reports in the order `key` gives (ties keep theirs), then
    /// groups them by place as [`Library::group_by_place`] does; where
    /// each report came from: report `j` now is report `moved[j]` before.
    pub(crate) fn settle(&mut self, key: impl Fn(&Report) -> usize) -> Vec<usize> {
        let mut first: Vec<usize> = (0..self.reports.len()).collect();
        first.sort_by_cached_key(|&i| key(&self.reports[i]));
        self.permute(&first);
        let groups = place_groups(&self.reports);
        let mut order: Vec<usize> = (0..self.reports.len()).collect();
        order.sort_by_cached_key(|&i| {
            let r = &self.reports[i];
            // A government's reports stay together however its name is
            // written; each department's stand apart.
            let department = (r.meta.level == Some(Level::Department))
                .then(|| r.meta.issuer.as_deref().map(script::key));
            (groups[i], department, r.meta.year, r.file.clone())
        });
        self.permute(&order);
        order.into_iter().map(|j| first[j]).collect()
    }

    /// Puts report `order[j]` at `j`.
    fn permute(&mut self, order: &[usize]) {
        let mut taken: Vec<Option<Report>> = std::mem::take(&mut self.reports)
            .into_iter()
            .map(Some)
            .collect();
        self.reports = order.iter().filter_map(|&i| taken[i].take()).collect();
    }

    /// Reads one file into the library, or records why it is skipped.
    pub(crate) fn read_file(&mut self, path: &Path, depth: Depth) {
        self.add(
            path.display().to_string(),
            guarded(|| Report::open_to(path, depth)),
        );
    }

    fn add(&mut self, file: String, result: Result<Report, LoadError>) {
        match result {
            Ok(r) => self.reports.push(r),
            Err(e) => self.skipped.push(Skipped {
                file,
                reason: e.into(),
            }),
        }
    }
}

/// The report files the user's paths name: each file, and every report
/// in each folder, in the order given; a path that names nothing to read
/// is skipped with its reason. Nothing is read: for commands that read
/// many reports one at a time.
pub fn report_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Skipped>) {
    let (mut files, mut skipped) = (Vec::new(), Vec::new());
    let _ = each_report_file(paths, &mut |named| {
        match named {
            Named::File(f) => files.push(f),
            Named::Skipped(s) => skipped.push(s),
        }
        ControlFlow::Continue(())
    });
    (files, skipped)
}

/// One thing the user's paths name: a file to read, or a path (a folder
/// or part of one) that gives none, with why.
#[derive(Debug)]
pub enum Named {
    File(PathBuf),
    Skipped(Skipped),
}

/// [`report_files`], each handed to `named` as the walk comes upon it, in
/// the same order: a screen can read the first files while the rest of a
/// large folder is walked. Stops early when `named` breaks.
pub fn each_report_file(
    paths: &[PathBuf],
    named: &mut dyn FnMut(Named) -> ControlFlow<()>,
) -> ControlFlow<()> {
    for path in paths {
        each_in(path, named)?;
    }
    ControlFlow::Continue(())
}

/// A file (a link that leads nowhere too, to say why when it is read), or
/// the reports in a folder and what its walk could not read.
fn each_in(path: &Path, named: &mut dyn FnMut(Named) -> ControlFlow<()>) -> ControlFlow<()> {
    let skip = |file: &Path, reason: SkipReason| {
        Named::Skipped(Skipped {
            file: file.display().to_string(),
            reason,
        })
    };
    if path.is_dir() {
        let mut any = false;
        walk::each_report_under(path, WalkOptions::default(), &mut |found| {
            any = true;
            named(match found {
                Found::File(f) => Named::File(f),
                Found::Problem(at, problem) => skip(&at, problem.into()),
            })
        })?;
        if !any {
            return named(skip(path, SkipReason::EmptyFolder));
        }
        ControlFlow::Continue(())
    } else if path.symlink_metadata().is_ok() {
        named(Named::File(path.to_owned()))
    } else {
        named(skip(path, SkipReason::Missing))
    }
}

/// Reading one file, whose bug costs that file alone.
pub fn guarded(read: impl FnOnce() -> Result<Report, LoadError>) -> Result<Report, LoadError> {
    guard::catch(read).unwrap_or_else(|bug| Err(LoadError::Internal(bug)))
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

    #[test]
    fn reports_of_one_place_stand_together_by_year() {
        let report = |file: &str, title: &str| {
            let text = format!(
                "{title}\n一、主要举措\n全年办结案件12件,全面推进依法行政工作取得新成效。\n"
            );
            Report::parse(file, text, crate::report::TextEncoding::Utf8)
        };
        let mut lib = Library {
            reports: vec![
                report("a", "南京市鼓楼区2023年法治政府建设年度报告"),
                report("b", "張家港市2023年法治政府建設情況報告"),
                report("c", "福州市鼓楼区2023年法治政府建设年度报告"),
                report("d", "2024年鼓楼区法治政府建设情况报告"),
                report("e", "张家港市人民政府2022年法治政府建设情况报告"),
                report("f", "江苏省司法厅2024年法治政府建设情况报告"),
                report("g", "江苏省人民政府2024年法治政府建设情况报告"),
                report("h", "情况报告"),
            ],
            skipped: Vec::new(),
        };
        lib.group_by_place();
        let files: Vec<&str> = lib.reports.iter().map(|r| r.file.as_str()).collect();
        assert_eq!(files, ["a", "d", "e", "b", "c", "g", "f", "h"]);
    }

    /// Settling says where each report came from, so that what is kept
    /// by index (table cells) moves with it.
    #[test]
    fn settling_says_where_each_report_came_from() {
        let mut lib = Library::bundled();
        lib.reports.reverse();
        let before: Vec<String> = lib.reports.iter().map(|r| r.file.clone()).collect();
        let moved = lib.settle(|r| r.file.len());
        assert_eq!(moved.len(), before.len());
        assert_ne!(
            moved,
            (0..before.len()).collect::<Vec<_>>(),
            "nothing moved"
        );
        for (j, r) in lib.reports.iter().enumerate() {
            assert_eq!(r.file, before[moved[j]], "{j}");
        }
    }

    #[test]
    fn a_load_stops_between_files_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..5 {
            let text = format!("一、总体情况\n全年办结案件{i}件。\n");
            std::fs::write(dir.path().join(format!("r{i}.txt")), text).unwrap();
        }
        let asked = std::cell::Cell::new(0);
        let stop = || {
            asked.set(asked.get() + 1);
            asked.get() > 3
        };
        let lib = Library::from_paths_until(&[dir.path().to_owned()], Depth::Outline, &stop);
        assert_eq!(lib.reports.len(), 2, "read until asked to stop");
        let all = Library::from_paths_to(&[dir.path().to_owned()], Depth::Outline);
        assert_eq!(all.reports.len(), 5);
    }

    /// The paths' files and reasons one at a time, in the order a person
    /// reads the paths and folders: each path in turn, a folder's
    /// entries by name, a problem where the walk meets it; and the same
    /// files and reasons, in that order, as `report_files` lists them.
    #[cfg(unix)]
    #[test]
    fn files_and_reasons_come_one_at_a_time_in_the_order_listed() {
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path().join("top");
        let mut deep = top.join("m");
        for _ in 0..40 {
            deep.push("d");
        }
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(deep.join("deep.txt"), "x").unwrap();
        std::fs::write(top.join("a.txt"), "x").unwrap();
        std::fs::write(top.join("z.txt"), "x").unwrap();
        let empty = dir.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        let single = dir.path().join("single.html");
        std::fs::write(&single, "x").unwrap();
        let paths = [top.clone(), dir.path().join("gone.txt"), empty, single];
        let mut named = Vec::new();
        let _ = each_report_file(&paths, &mut |n| {
            named.push(match n {
                Named::File(f) => format!("file {}", f.display()),
                Named::Skipped(s) => format!("skip {s}"),
            });
            ControlFlow::Continue(())
        });
        let d = dir.path().display();
        let too_deep = (0..32).fold(top.join("m"), |p, _| p.join("d"));
        let expected = [
            format!("file {d}/top/a.txt"),
            format!(
                "skip {}: nested deeper than 32 folders; the deeper ones are not read",
                too_deep.display()
            ),
            format!("file {d}/top/z.txt"),
            format!("skip {d}/gone.txt: no such file or folder"),
            format!("skip {d}/empty: folder holds no reports (.txt, .htm, .html, .pdf, .docx)"),
            format!("file {d}/single.html"),
        ];
        assert_eq!(named, expected);
        let (files, skipped) = report_files(&paths);
        let listed: Vec<String> = files
            .iter()
            .map(|f| format!("file {}", f.display()))
            .collect();
        let reasons: Vec<String> = skipped.iter().map(|s| format!("skip {s}")).collect();
        let (in_files, in_skipped): (Vec<String>, Vec<String>) =
            expected.into_iter().partition(|n| n.starts_with("file"));
        assert_eq!((listed, reasons), (in_files, in_skipped));
    }
}

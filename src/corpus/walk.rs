//! The report files under a folder. A folder a user names may hold
//! anything: links back to itself, a link to `/`, folders they cannot
//! read, millions of entries. The walk visits each real folder and file
//! once, follows no link to a folder outside the folder named unless asked
//! (as `rg -L` asks), goes no deeper than a library goes, stops after a
//! bounded number of entries, and says why it skipped or stopped.

use std::collections::HashSet;
use std::fs::FileType;
use std::io;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

/// Folder nesting deeper than this is not a report library.
const MAX_DEPTH: usize = 32;

/// Entries read before a walk stops: far beyond a library of a hundred
/// thousand reports, far short of a whole file system.
pub(crate) const MAX_ENTRIES: usize = 2_000_000;

/// File extensions a folder walk picks up: the formats read, and the
/// office formats that are not, so that a folder's listing names them
/// with how to convert them rather than leaving them out unsaid.
pub(crate) const REPORT_EXTENSIONS: &[&str] =
    &["txt", "htm", "html", "pdf", "docx", "doc", "wps", "rtf"];

/// How to walk.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WalkOptions {
    /// Follow links to folders wherever they lead.
    pub follow_links: bool,
    /// Entries read before the walk stops.
    pub max_entries: usize,
}

impl Default for WalkOptions {
    fn default() -> WalkOptions {
        WalkOptions {
            follow_links: false,
            max_entries: MAX_ENTRIES,
        }
    }
}

/// Why part of a walk gave nothing.
#[derive(Debug, thiserror::Error)]
pub enum WalkProblem {
    #[error("cannot read the folder: {0}")]
    Unreadable(io::Error),
    #[error("stopped after {0} entries; name a smaller folder")]
    TooMany(usize),
    #[error("nested deeper than {MAX_DEPTH} folders; the deeper ones are not read")]
    TooDeep,
}

/// One thing a walk comes upon, in the order it comes upon them.
#[derive(Debug)]
pub(crate) enum Found {
    File(PathBuf),
    Problem(PathBuf, WalkProblem),
}

/// The report files under `dir`, each file and problem handed to `found`
/// as the walk comes upon it: a screen can read the first files of a
/// large tree while the rest is walked. The walk ends early when `found`
/// breaks.
pub(crate) fn each_report_under(
    dir: &Path,
    options: WalkOptions,
    found: &mut dyn FnMut(Found) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut w = Walker {
        options,
        root: std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_owned()),
        seen: HashSet::new(),
        entries: 0,
        found,
    };
    w.walk(dir, 0)
}

struct Walker<'a> {
    options: WalkOptions,
    root: PathBuf,
    seen: HashSet<PathBuf>,
    entries: usize,
    found: &'a mut dyn FnMut(Found) -> ControlFlow<()>,
}

impl Walker<'_> {
    fn walk(&mut self, dir: &Path, depth: usize) -> ControlFlow<()> {
        let Ok(real) = std::fs::canonicalize(dir) else {
            return ControlFlow::Continue(());
        };
        if !self.seen.insert(real.clone()) {
            return ControlFlow::Continue(());
        }
        if depth > MAX_DEPTH {
            return self.problem(dir, WalkProblem::TooDeep);
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => return self.problem(dir, WalkProblem::Unreadable(e)),
        };
        let mut paths = Vec::new();
        for e in entries {
            self.entries += 1;
            if self.entries > self.options.max_entries {
                let root = self.root.clone();
                return self.problem(&root, WalkProblem::TooMany(self.options.max_entries));
            }
            match e {
                // The entry's type comes with the listing on most file
                // systems: a folder of 10,000 reports costs no call per
                // file but for links.
                Ok(e) => paths.push((e.path(), e.file_type().ok())),
                Err(e) => return self.problem(dir, WalkProblem::Unreadable(e)),
            }
        }
        paths.sort_by(|a, b| a.0.cmp(&b.0));
        for (p, kind) in paths {
            if self.entries > self.options.max_entries {
                return ControlFlow::Continue(());
            }
            self.visit(&p, kind, &real, depth)?;
        }
        ControlFlow::Continue(())
    }

    /// `p`, of `kind` as its folder's listing gives it, in the folder
    /// whose real path is `real_dir`.
    fn visit(
        &mut self,
        p: &Path,
        kind: Option<FileType>,
        real_dir: &Path,
        depth: usize,
    ) -> ControlFlow<()> {
        let link = kind.is_none_or(|k| k.is_symlink());
        let is_dir = match kind {
            Some(k) if !k.is_symlink() => k.is_dir(),
            _ => p.is_dir(),
        };
        if !link && !is_dir {
            // A plain file's real path is its folder's and its name.
            let real = p.file_name().map(|n| real_dir.join(n));
            if has_report_extension(p) && real.is_none_or(|r| self.seen.insert(r)) {
                return (self.found)(Found::File(p.to_owned()));
            }
            return ControlFlow::Continue(());
        }
        if is_dir {
            // A link to a folder outside the folder named would take the
            // walk anywhere (a link to `/`): followed only on request.
            let inside = std::fs::canonicalize(p).is_ok_and(|r| r.starts_with(&self.root));
            if !link || inside || self.options.follow_links {
                return self.walk(p, depth + 1);
            }
        } else if has_report_extension(p)
            && std::fs::canonicalize(p).map_or(true, |real| self.seen.insert(real))
        {
            return (self.found)(Found::File(p.to_owned()));
        }
        ControlFlow::Continue(())
    }

    fn problem(&mut self, at: &Path, problem: WalkProblem) -> ControlFlow<()> {
        (self.found)(Found::Problem(at.to_owned(), problem))
    }
}

pub(crate) fn has_report_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| REPORT_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::{symlink, PermissionsExt};

    /// What a walk found: the report files in name order, and the folders it
    /// could not read or stopped in.
    #[derive(Debug, Default)]
    struct Walked {
        files: Vec<PathBuf>,
        problems: Vec<(PathBuf, WalkProblem)>,
    }

    /// The report files under `dir`, all at once.
    fn reports_under(dir: &Path, options: WalkOptions) -> Walked {
        let mut out = Walked::default();
        let _ = each_report_under(dir, options, &mut |found| {
            match found {
                Found::File(f) => out.files.push(f),
                Found::Problem(at, problem) => out.problems.push((at, problem)),
            }
            ControlFlow::Continue(())
        });
        out
    }

    fn names(w: &Walked, root: &Path) -> Vec<String> {
        w.files
            .iter()
            .map(|f| f.strip_prefix(root).unwrap().display().to_string())
            .collect()
    }

    #[test]
    fn a_link_out_of_the_folder_is_followed_only_on_request() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("far.txt"), "x").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        symlink(outside.path(), dir.path().join("out")).unwrap();
        symlink("/", dir.path().join("root")).unwrap();
        symlink(".", dir.path().join("self")).unwrap();
        let w = reports_under(dir.path(), WalkOptions::default());
        assert_eq!(names(&w, dir.path()), ["a.txt"]);
        assert!(w.problems.is_empty(), "{:?}", w.problems);
        // Followed on request, to the outside folder (the link to `/` is
        // not made here: that walk is the bound's test below).
        std::fs::remove_file(dir.path().join("root")).unwrap();
        let follow = WalkOptions {
            follow_links: true,
            ..WalkOptions::default()
        };
        let w = reports_under(dir.path(), follow);
        assert_eq!(names(&w, dir.path()), ["a.txt", "out/far.txt"]);
    }

    /// A link to `/` followed on request walks the file system, and stops
    /// at the bound with a message rather than read it all.
    #[test]
    fn a_walk_of_the_whole_file_system_stops_at_the_bound() {
        let dir = tempfile::tempdir().unwrap();
        symlink("/", dir.path().join("root")).unwrap();
        let options = WalkOptions {
            follow_links: true,
            max_entries: 5_000,
        };
        let w = reports_under(dir.path(), options);
        assert!(
            matches!(w.problems.last(), Some((_, WalkProblem::TooMany(5_000)))),
            "{:?}",
            w.problems
        );
    }

    #[test]
    fn an_unreadable_folder_says_so() {
        if unsafe { libc::geteuid() } == 0 {
            // Root reads every folder: the refusal cannot be made here.
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o000)).unwrap();
        let w = reports_under(dir.path(), WalkOptions::default());
        std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o700)).unwrap();
        assert!(matches!(w.problems[..], [(ref p, WalkProblem::Unreadable(_))] if p == &sub));
    }

    #[test]
    fn a_deep_tree_stops_at_the_bound_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let mut p = dir.path().to_owned();
        for _ in 0..MAX_DEPTH + 3 {
            p.push("d");
        }
        std::fs::create_dir_all(&p).unwrap();
        std::fs::write(p.join("deep.txt"), "x").unwrap();
        std::fs::write(dir.path().join("top.txt"), "x").unwrap();
        let w = reports_under(dir.path(), WalkOptions::default());
        assert_eq!(names(&w, dir.path()), ["top.txt"]);
        assert!(matches!(w.problems[..], [(_, WalkProblem::TooDeep)]));
    }

    /// Each file is handed over as the walk comes upon it, in name order
    /// folder by folder, and the walk stops at once when told.
    #[test]
    fn files_come_one_at_a_time_in_name_order_and_the_walk_stops_when_told() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("b/c")).unwrap();
        for f in [
            "a.txt",
            "b/c/x.pdf",
            "b/d.HTML",
            "b/photo.png",
            "e.docx",
            "z.txt",
        ] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let mut seen = Vec::new();
        let flow = each_report_under(dir.path(), WalkOptions::default(), &mut |found| {
            if let Found::File(f) = found {
                seen.push(f.strip_prefix(dir.path()).unwrap().display().to_string());
            }
            ControlFlow::Continue(())
        });
        assert_eq!(flow, ControlFlow::Continue(()));
        assert_eq!(seen, ["a.txt", "b/c/x.pdf", "b/d.HTML", "e.docx", "z.txt"]);
        let mut calls = 0;
        let flow = each_report_under(dir.path(), WalkOptions::default(), &mut |_| {
            calls += 1;
            match calls {
                2 => ControlFlow::Break(()),
                _ => ControlFlow::Continue(()),
            }
        });
        assert_eq!((flow, calls), (ControlFlow::Break(()), 2));
    }
}

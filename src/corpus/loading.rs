//! Walking the user's folders and reading the report files found in the
//! background, on every core, each report handed over as soon as it is
//! read: a screen can show the first reports of a large folder while the
//! rest are walked and read, and the user can stop at once.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::cells::{rule_cells, TableCell};
use super::library::{each_report_file, guarded, Named, Skipped};
use super::read_cache::{CacheLoad, Stat};
use crate::figures::indicators::Catalogue;
use crate::report::{Depth, Report};

/// One file, read (or a folder the walk could not read).
pub struct Read {
    /// Where the file stands in the walk: the order a load at once gives.
    pub order: usize,
    pub bytes: u64,
    pub result: Result<Report, Skipped>,
    /// The report's table cells as the rule gives them, read before it
    /// let go of its outline and figures ([`Report::lighten`]).
    pub cells: Vec<TableCell>,
}

impl Read {
    /// A report read in the background: its rule's cells read, then its
    /// outline and figures let go, so that a library of thousands holds
    /// little more than their text.
    pub fn light(
        order: usize,
        bytes: u64,
        result: Result<Report, Skipped>,
        catalogue: &Arc<Catalogue>,
    ) -> Read {
        let (result, cells) = match result {
            Ok(mut report) => {
                let cells = rule_cells(&report, catalogue);
                report.lighten(catalogue);
                (Ok(report), cells)
            }
            Err(e) => (Err(e), Vec::new()),
        };
        Read {
            order,
            bytes,
            result,
            cells,
        }
    }
}

/// File `order` of a load: from the cache when it holds the file as it
/// is, else read, and then kept in the cache.
pub(crate) fn read_one(
    order: usize,
    path: &Path,
    catalogue: &Arc<Catalogue>,
    cache: Option<&CacheLoad>,
) -> Read {
    let file = path.display().to_string();
    let stat = Stat::of(path);
    let bytes = stat.map_or(0, |s| s.size());
    let cached = cache
        .zip(stat)
        .and_then(|(c, stat)| c.get(path, &file, stat, catalogue));
    if let Some((report, cells)) = cached {
        return Read {
            order,
            bytes,
            result: Ok(report),
            cells,
        };
    }
    let result = guarded(|| Report::open_to(path, Depth::Full(catalogue))).map_err(|e| Skipped {
        file,
        reason: e.into(),
    });
    let read = Read::light(order, bytes, result, catalogue);
    if let (Some(cache), Some(stat), Ok(report)) = (cache, stat, &read.result) {
        cache.put(path, stat, report, &read.cells);
    }
    read
}

/// How far a load has come.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Progress {
    pub files: usize,
    pub read: usize,
    pub skipped: usize,
    pub bytes: u64,
    pub elapsed: Duration,
    /// The folders are still being walked: `files` are those found so far.
    pub walking: bool,
}

impl Progress {
    /// What is left to read, at the speed so far; none while the files
    /// are still being found, nor before a tenth of them is read (an early
    /// guess is mostly noise).
    pub(crate) fn time_left(&self) -> Option<Duration> {
        let done = self.read + self.skipped;
        if self.walking || done == 0 || done * 10 < self.files.min(1000) {
            return None;
        }
        let per_file = self.elapsed.as_secs_f64() / done as f64;
        Some(Duration::from_secs_f64(
            per_file * self.files.saturating_sub(done) as f64,
        ))
    }

    /// This load's progress with what was read before it (`first`).
    pub fn after(self, first: Progress) -> Progress {
        Progress {
            files: self.files + first.files,
            read: self.read + first.read,
            skipped: self.skipped + first.skipped,
            bytes: self.bytes + first.bytes,
            elapsed: self.elapsed + first.elapsed,
            walking: self.walking || first.walking,
        }
    }

    pub(crate) fn is_done(&self) -> bool {
        !self.walking && self.read + self.skipped >= self.files
    }
}

/// How long a wait for the walk goes without looking whether to stop.
const WAIT: Duration = Duration::from_millis(20);

/// The files the user's paths name, walked on a thread of its own and
/// handed over as they are found, in the order [`report_files`] gives:
/// the first report can be read, and the terminal come up, while a
/// folder of a hundred thousand is still being walked.
///
/// [`report_files`]: super::library::report_files
pub struct Walking {
    found: Receiver<Named>,
    stop: Arc<AtomicBool>,
    /// Files and skipped paths the walk has found so far, and whether it
    /// is over: counted where it walks, not where they are read.
    counted: Arc<AtomicUsize>,
    over: Arc<AtomicBool>,
    /// How many of them were handed over.
    taken: Arc<AtomicUsize>,
    /// Whether the walk may run ahead of what is taken without bound.
    free: Arc<AtomicBool>,
    /// Set when this is dropped: nobody takes what the walk finds.
    gone: Arc<AtomicBool>,
}

/// How far a walk runs ahead of the files taken until it is set free: far
/// enough that the next file is there when asked for, no further, so that
/// a walk of a hundred thousand files leaves the processor to the first
/// frame.
const AHEAD_UNTIL_FREE: usize = 64;

impl Walking {
    pub fn start(paths: Vec<PathBuf>) -> Walking {
        let (send, found) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let counted = Arc::new(AtomicUsize::new(0));
        let over = Arc::new(AtomicBool::new(false));
        let (taken, free) = (
            Arc::new(AtomicUsize::new(0)),
            Arc::new(AtomicBool::new(false)),
        );
        let (stopped, count, done) = (Arc::clone(&stop), Arc::clone(&counted), Arc::clone(&over));
        let (took, freed) = (Arc::clone(&taken), Arc::clone(&free));
        let gone = Arc::new(AtomicBool::new(false));
        let left = Arc::clone(&gone);
        let stopped = move || stopped.load(Ordering::Relaxed) || left.load(Ordering::Relaxed);
        std::thread::spawn(move || {
            let flow = each_report_file(&paths, &mut |named| {
                let n = count.fetch_add(1, Ordering::Relaxed) + 1;
                while !freed.load(Ordering::Relaxed)
                    && !stopped()
                    && n > took.load(Ordering::Relaxed) + AHEAD_UNTIL_FREE
                {
                    std::thread::sleep(Duration::from_millis(1));
                }
                // The receiver gone means nobody waits for the rest.
                if stopped() || send.send(named).is_err() {
                    return ControlFlow::Break(());
                }
                ControlFlow::Continue(())
            });
            if flow.is_continue() {
                done.store(true, Ordering::Release);
            }
        });
        Walking {
            found,
            stop,
            counted,
            over,
            taken,
            free,
            gone,
        }
    }

    /// Lets the walk run ahead of what is taken as far as it goes.
    fn set_free(&self) {
        self.free.store(true, Ordering::Relaxed);
    }

    /// The next file or skipped path, waiting for the walk; none once the
    /// walk is over, or as soon as `stop` says so.
    pub fn next_until(&self, stop: &dyn Fn() -> bool) -> Option<Named> {
        loop {
            if stop() || self.stop.load(Ordering::Relaxed) {
                return None;
            }
            match self.found.recv_timeout(WAIT) {
                Ok(named) => {
                    self.taken.fetch_add(1, Ordering::Relaxed);
                    return Some(named);
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
    }
}

impl Drop for Walking {
    fn drop(&mut self) {
        self.gone.store(true, Ordering::Relaxed);
    }
}

/// A load under way: the files read so far arrive through [`Loading::take`].
pub struct Loading {
    received: Receiver<Read>,
    stop: Arc<AtomicBool>,
    /// Files found by the walk so far (`before` of them read before this
    /// load), and whether it is over.
    found: Arc<AtomicUsize>,
    before: usize,
    walked: Arc<AtomicBool>,
    started: Instant,
    progress: Progress,
}

impl Loading {
    /// Reads what `walking` finds from here on (with `catalogue` for the
    /// figures) on a thread of its own, which spreads the files over the
    /// cores as they are found; the first is numbered `order`. A report
    /// the cache (opened by `cache` on that thread, off the first frame's
    /// way) holds is taken from it, and each is kept in its new file,
    /// which replaces the last once every file is read.
    pub fn start(
        walking: Walking,
        order: usize,
        catalogue: Catalogue,
        cache: impl FnOnce(&Catalogue) -> Option<CacheLoad> + Send + 'static,
    ) -> Loading {
        let (send, received) = mpsc::channel();
        let stop = Arc::clone(&walking.stop);
        let (found, walked) = (Arc::clone(&walking.counted), Arc::clone(&walking.over));
        let stopped = Arc::clone(&stop);
        let before = walking.taken.load(Ordering::Relaxed);
        walking.set_free();
        // `walking` ends at the load's own stop.
        let named = std::iter::from_fn(move || walking.next_until(&|| false));
        std::thread::spawn(move || {
            let cache = cache(&catalogue);
            let catalogue = Arc::new(catalogue);
            named
                .zip(order..)
                .par_bridge()
                .for_each_with(send, |send, (named, order)| {
                    if stopped.load(Ordering::Relaxed) {
                        return;
                    }
                    let read = read_named(named, order, &catalogue, cache.as_ref());
                    // The receiver gone means nobody waits for the rest.
                    if send.send(read).is_err() {
                        stopped.store(true, Ordering::Relaxed);
                    }
                });
            if let Some(cache) = cache.filter(|_| !stopped.load(Ordering::Relaxed)) {
                cache.finish();
            }
        });
        Loading {
            received,
            stop,
            found,
            before,
            walked,
            started: Instant::now(),
            progress: Progress {
                walking: true,
                ..Progress::default()
            },
        }
    }

    /// The files read since the last call, taking at most `budget` of
    /// the caller's time.
    pub fn take(&mut self, budget: Duration) -> Vec<Read> {
        let until = Instant::now() + budget;
        let mut out = Vec::new();
        while Instant::now() < until {
            match self.received.try_recv() {
                Ok(read) => {
                    self.count(&read);
                    out.push(read);
                }
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => break,
            }
        }
        // The walk over means every file it found is counted.
        self.progress.walking = !self.walked.load(Ordering::Acquire);
        self.progress.files = self
            .found
            .load(Ordering::Relaxed)
            .saturating_sub(self.before);
        self.progress.elapsed = self.started.elapsed();
        out
    }

    fn count(&mut self, read: &Read) {
        self.progress.bytes += read.bytes;
        match read.result {
            Ok(_) => self.progress.read += 1,
            Err(_) => self.progress.skipped += 1,
        }
    }

    pub(crate) fn progress(&self) -> Progress {
        self.progress
    }

    /// Asks the readers to stop; files being read finish.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Reads one file the walk found; a path it skipped stands as it is.
fn read_named(
    named: Named,
    order: usize,
    catalogue: &Arc<Catalogue>,
    cache: Option<&CacheLoad>,
) -> Read {
    match named {
        Named::File(path) => read_one(order, &path, catalogue, cache),
        Named::Skipped(skipped) => Read {
            order,
            bytes: 0,
            result: Err(skipped),
            cells: Vec::new(),
        },
    }
}

impl Drop for Loading {
    fn drop(&mut self) {
        self.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait_all(loading: &mut Loading) -> Vec<Read> {
        let mut all = Vec::new();
        let until = Instant::now() + Duration::from_secs(60);
        while !loading.progress().is_done() && Instant::now() < until {
            all.extend(loading.take(Duration::from_millis(50)));
            std::thread::sleep(Duration::from_millis(5));
        }
        all
    }

    #[test]
    fn every_file_arrives_once_read_or_skipped_with_its_reason() {
        let dir = tempfile::tempdir().unwrap();
        let text = "一、总体情况\n全年办理行政复议案件12件，依法推进各项工作取得积极成效。\n";
        let mut files = Vec::new();
        for i in 0..20 {
            let f = dir.path().join(format!("r{i}.txt"));
            std::fs::write(&f, text).unwrap();
            files.push(f);
        }
        let bad = dir.path().join("bad.txt");
        std::fs::write(&bad, [0u8, 1, 2, 0, 0, 0, 3]).unwrap();
        files.push(bad);
        let mut loading = Loading::start(
            Walking::start(files),
            0,
            Catalogue::builtin().clone(),
            |_| None,
        );
        let all = wait_all(&mut loading);
        let p = loading.progress();
        assert_eq!((p.files, p.read, p.skipped), (21, 20, 1));
        assert_eq!(all.len(), 21);
        let mut orders: Vec<usize> = all.iter().map(|r| r.order).collect();
        orders.sort_unstable();
        assert_eq!(orders, (0..21).collect::<Vec<_>>());
        let skipped = all.iter().find_map(|r| r.result.as_ref().err()).unwrap();
        assert!(skipped.file.ends_with("bad.txt"), "{skipped}");
        assert!(p.bytes > 20 * text.len() as u64);
    }

    /// A folder walked in the background gives the files `report_files`
    /// lists, each numbered where it stands in that list (the order a
    /// load at once gives), and the path that gives none with its reason.
    #[test]
    fn a_walked_folder_arrives_numbered_in_the_order_report_files_gives() {
        let dir = tempfile::tempdir().unwrap();
        let text = "一、总体情况\n全年办理行政复议案件12件，依法推进各项工作取得积极成效。\n";
        for sub in ["b", "a", "c"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
            for i in 0..7 {
                std::fs::write(dir.path().join(format!("{sub}/r{i}.txt")), text).unwrap();
            }
        }
        let paths = vec![dir.path().join("gone.txt"), dir.path().to_owned()];
        let mut loading = Loading::start(
            Walking::start(paths.clone()),
            5,
            Catalogue::builtin().clone(),
            |_| None,
        );
        let mut all = wait_all(&mut loading);
        let p = loading.progress();
        assert!(!p.walking);
        assert_eq!((p.files, p.read, p.skipped), (22, 21, 1));
        all.sort_by_key(|r| r.order);
        let orders: Vec<usize> = all.iter().map(|r| r.order).collect();
        assert_eq!(orders, (5..27).collect::<Vec<_>>());
        let Err(gone) = &all[0].result else {
            panic!("the missing path comes first");
        };
        assert_eq!(
            gone.to_string(),
            format!("{}: no such file or folder", paths[0].display())
        );
        let read: Vec<String> = all[1..]
            .iter()
            .map(|r| r.result.as_ref().unwrap().file.clone())
            .collect();
        let (files, _) = super::super::library::report_files(&paths);
        let listed: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
        assert_eq!(read, listed);
    }

    /// A folder walked and read in the background is kept in the read
    /// cache once every file is read: the next load finds each report.
    #[test]
    fn a_walked_load_leaves_its_reports_in_the_cache() {
        use super::super::read_cache::{ReadCache, Stat};
        let dir = tempfile::tempdir().unwrap();
        let reports = dir.path().join("reports");
        std::fs::create_dir(&reports).unwrap();
        let text = "一、总体情况\n全年办理行政复议案件12件，依法推进各项工作取得积极成效。\n";
        for i in 0..6 {
            std::fs::write(reports.join(format!("r{i}.txt")), text).unwrap();
        }
        let (store, roots) = (dir.path().join("cache"), vec![reports.clone()]);
        let catalogue = Catalogue::builtin().clone();
        let (at, named) = (store.clone(), roots.clone());
        let mut loading = Loading::start(Walking::start(roots.clone()), 0, catalogue, move |c| {
            ReadCache::at(at, c).load(&named)
        });
        assert_eq!(wait_all(&mut loading).len(), 6);
        let catalogue = Arc::new(Catalogue::builtin().clone());
        let file = reports.join("r5.txt");
        let stat = Stat::of(&file).unwrap();
        let name = file.display().to_string();
        let until = Instant::now() + Duration::from_secs(30);
        let found = loop {
            let cache = ReadCache::at(store.clone(), &catalogue)
                .load(&roots)
                .unwrap();
            let hit = cache.get(&file, &name, stat, &catalogue).is_some();
            if hit || Instant::now() > until {
                break hit;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(found, "the load's cache was not kept");
    }

    /// Until the load starts, the walk runs only a little ahead of the
    /// files taken; set free, it walks to the end.
    #[test]
    fn a_walk_stays_near_the_files_taken_until_set_free() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..300 {
            std::fs::write(dir.path().join(format!("r{i:03}.txt")), "x").unwrap();
        }
        let walking = Walking::start(vec![dir.path().to_owned()]);
        assert!(walking.next_until(&|| false).is_some());
        std::thread::sleep(Duration::from_millis(200));
        let found = walking.counted.load(Ordering::Relaxed);
        assert!(found <= 1 + AHEAD_UNTIL_FREE + 1, "{found} found");
        walking.set_free();
        let until = Instant::now() + Duration::from_secs(60);
        while !walking.over.load(Ordering::Acquire) && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(walking.counted.load(Ordering::Relaxed), 300);
    }

    #[test]
    fn time_left_waits_for_the_walk_and_a_tenth_of_the_files() {
        let mut p = Progress {
            files: 100,
            read: 5,
            elapsed: Duration::from_secs(1),
            ..Progress::default()
        };
        assert_eq!(p.time_left(), None);
        p.read = 20;
        assert_eq!(p.time_left(), Some(Duration::from_secs(4)));
        p.walking = true;
        assert_eq!(p.time_left(), None, "the total is not known yet");
    }
}

//! Reading many report files in the background, on every core, each
//! report handed over as soon as it is read: a screen can show the first
//! reports of a large folder while the rest are read, and the user can
//! stop at once.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::cells::{rule_cells, TableCell};
use super::library::{guarded, Skipped};
use super::read_cache::{CacheLoad, Stat};
use crate::figures::indicators::Catalogue;
use crate::report::{Depth, Report};

/// One file, read.
pub struct Read {
    /// The file's place in the list given to [`Loading::start`].
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
}

impl Progress {
    /// What is left to read, at the speed so far; none before a tenth of
    /// the files is read (an early guess is mostly noise).
    pub(crate) fn time_left(&self) -> Option<Duration> {
        let done = self.read + self.skipped;
        if done == 0 || done * 10 < self.files.min(1000) {
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
        }
    }

    pub(crate) fn is_done(&self) -> bool {
        self.read + self.skipped >= self.files
    }
}

/// A load under way: the files read so far arrive through [`Loading::take`].
pub struct Loading {
    received: Receiver<Read>,
    stop: Arc<AtomicBool>,
    started: Instant,
    progress: Progress,
}

impl Loading {
    /// Starts reading `files` (with `catalogue` for the figures) on a
    /// thread of its own, which spreads them over the cores; a report
    /// `cache` holds is taken from it, and each is kept in its new file,
    /// which replaces the last once every file is read.
    pub fn start(files: Vec<PathBuf>, catalogue: Catalogue, cache: Option<CacheLoad>) -> Loading {
        let (send, received) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let total = files.len();
        let stopped = Arc::clone(&stop);
        std::thread::spawn(move || {
            let catalogue = Arc::new(catalogue);
            files
                .par_iter()
                .enumerate()
                .for_each_with(send, |send, (order, path)| {
                    if stopped.load(Ordering::Relaxed) {
                        return;
                    }
                    let read = read_one(order, path, &catalogue, cache.as_ref());
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
            started: Instant::now(),
            progress: Progress {
                files: total,
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
        let mut loading = Loading::start(files, Catalogue::builtin().clone(), None);
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

    #[test]
    fn time_left_waits_for_a_tenth_of_the_files() {
        let mut p = Progress {
            files: 100,
            read: 5,
            elapsed: Duration::from_secs(1),
            ..Progress::default()
        };
        assert_eq!(p.time_left(), None);
        p.read = 20;
        assert_eq!(p.time_left(), Some(Duration::from_secs(4)));
    }
}

//! The read cache: the reports of a folder read in the background, kept
//! as the library keeps them (text, metadata, parts check and table cells;
//! see [`Report::lighten`]), so that the folder opened again is read from
//! here instead of from its files.
//!
//! One cache file for each set of paths opened, in the data folder: the
//! entries one after another, then an index of them. A load looks each
//! file up in the last complete load's cache file, reading only that
//! entry, and writes what it has (found or read) to a new file as it
//! goes; when every file is read the new file replaces the old one, so a
//! load stopped halfway leaves the last cache as it was. One file, not one
//! per report: making thousands of small files cost more than reading the
//! reports. An entry is used only when the file's size and modification
//! time, the program's build and the indicator catalogue are those it was
//! written with, and its bytes check; anything else is read from the file.

use std::collections::HashMap;
use std::fs::File;
use std::hash::{Hash, Hasher};
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use rustc_hash::FxHasher;
use tempfile::NamedTempFile;

use super::cells::{Amount, TableCell};
use crate::figures::{Catalogue, Qualifier, Sign};
use crate::report::stored::{static_name, Reader, Writer};
use crate::report::Report;
use crate::text::numeral::Decimal;

/// What a cache file starts and ends with; a new form gets a new mark.
const MARK: &[u8] = b"lawgov-tui read cache 3\n";

/// An entry no report comes near: a larger length is damage.
const MAX_ENTRY: u64 = 256 << 20;

/// Where caches are kept, for one build and catalogue.
#[derive(Debug, Clone)]
pub struct ReadCache {
    dir: PathBuf,
    /// The program's build and the catalogue, as one number: a cache of
    /// another is not read.
    stamp: u64,
}

/// A file's size and modification time, taken before it is read: a file
/// changed while it was read is then read again next time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stat {
    size: u64,
    modified: (u64, u32),
}

impl Stat {
    pub fn size(self) -> u64 {
        self.size
    }

    pub fn of(path: &Path) -> Option<Stat> {
        let m = path.metadata().ok()?;
        let since = m.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Stat {
            size: m.len(),
            modified: (since.as_secs(), since.subsec_nanos()),
        })
    }
}

impl ReadCache {
    /// The caches in the user's data folder
    /// (`<data dir>/lawgov-tui/read-cache`).
    pub fn of_user(catalogue: &Catalogue) -> Option<ReadCache> {
        crate::paths::read_cache_dir().map(|dir| ReadCache::at(dir, catalogue))
    }

    /// The caches in `dir`.
    pub fn at(dir: PathBuf, catalogue: &Catalogue) -> ReadCache {
        let mut h = FxHasher::default();
        env!("CARGO_PKG_VERSION").hash(&mut h);
        build_id().hash(&mut h);
        // The indicators as written (the catalogue's own index is a
        // hash map, whose order changes from run to run).
        format!("{:?}", catalogue.indicators).hash(&mut h);
        ReadCache {
            dir,
            stamp: h.finish(),
        }
    }

    /// The cache of a load of `paths` (the files and folders named): the
    /// last complete load's entries to read, and a new file to write.
    /// None when the folder cannot be written.
    pub fn load(&self, paths: &[PathBuf]) -> Option<CacheLoad> {
        let mut h = FxHasher::default();
        for p in paths {
            key(p)?.hash(&mut h);
        }
        let path = self.dir.join(format!("{:016x}", h.finish()));
        std::fs::create_dir_all(&self.dir).ok()?;
        self.remove_abandoned();
        let new = NamedTempFile::new_in(&self.dir).ok()?;
        let mut out = Output {
            file: BufWriter::new(new),
            at: 0,
            index: Vec::new(),
            broken: false,
        };
        out.write(MARK);
        out.write(&self.stamp.to_le_bytes());
        Some(CacheLoad {
            old: Old::open(&path, self.stamp),
            path,
            out: Mutex::new(out),
            found: Mutex::new(Vec::new()),
        })
    }
}

impl ReadCache {
    /// Removes the new files of loads that never finished: a program
    /// ended during a load (a signal, `q`) exits without waiting for its
    /// readers. A file written to in the last ten minutes may be another
    /// program's load under way, and stays.
    fn remove_abandoned(&self) {
        const ABANDONED: std::time::Duration = std::time::Duration::from_secs(600);
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            let old = e
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > ABANDONED);
            if name.to_string_lossy().starts_with(".tmp") && old {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// One load's cache: the last load's file, read by entry, and the new.
pub struct CacheLoad {
    path: PathBuf,
    old: Option<Old>,
    out: Mutex<Output>,
    /// The entries of the last file found again, by hash: copied to the
    /// new file at the end, or, when nothing else was read, the last file
    /// kept as it is.
    found: Mutex<Vec<u64>>,
}

/// The last complete load's cache file and its index.
struct Old {
    file: Mutex<File>,
    /// Entry by the hash of its key: where it starts and its length.
    index: HashMap<u64, (u64, u64)>,
}

/// The new cache file being written.
struct Output {
    file: BufWriter<NamedTempFile>,
    at: u64,
    index: Vec<(u64, u64, u64)>,
    broken: bool,
}

impl Output {
    fn write(&mut self, bytes: &[u8]) {
        if self.file.write_all(bytes).is_err() {
            self.broken = true;
        }
        self.at += bytes.len() as u64;
    }
}

impl Old {
    fn open(path: &Path, stamp: u64) -> Option<Old> {
        let mut file = File::open(path).ok()?;
        let len = file.metadata().ok()?.len();
        let head = MARK.len() as u64 + 8;
        let mut at = |from: u64, n: u64| read_at(&mut file, from, n);
        let start = at(0, head.min(len))?;
        (start.strip_prefix(MARK)? == stamp.to_le_bytes()).then_some(())?;
        // The end: the index's offset, then the mark.
        let tail_len = 8 + MARK.len() as u64;
        let tail = at(len.checked_sub(tail_len)?, tail_len)?;
        let (offset, mark) = tail.split_at(8);
        (mark == MARK).then_some(())?;
        let offset = u64::from_le_bytes(offset.try_into().ok()?);
        let index_len = len.checked_sub(tail_len)?.checked_sub(offset)?;
        let index = at(offset, index_len)?;
        let mut r = Reader::new(&index);
        let n = r.count()?;
        let mut map = HashMap::with_capacity(n);
        for _ in 0..n {
            let (hash, from, len) = (r.uint()?, r.uint()?, r.uint()?);
            (from >= head && len <= MAX_ENTRY && from.checked_add(len)? <= offset).then_some(())?;
            map.insert(hash, (from, len));
        }
        Some(Old {
            file: Mutex::new(file),
            index: map,
        })
    }

    fn entry(&self, hash: u64) -> Option<Vec<u8>> {
        let &(from, len) = self.index.get(&hash)?;
        read_at(&mut *self.file.lock().ok()?, from, len)
    }
}

/// `n` bytes of `file` from `from`.
fn read_at(file: &mut File, from: u64, n: u64) -> Option<Vec<u8>> {
    let mut buf = vec![0; usize::try_from(n).ok()?];
    file.seek(SeekFrom::Start(from)).ok()?;
    file.read_exact(&mut buf).ok()?;
    Some(buf)
}

impl CacheLoad {
    /// The report at `path` (named `file`) as the last load kept it, when
    /// its entry holds for `stat`; it is kept again in the new file.
    pub fn get(
        &self,
        path: &Path,
        file: &str,
        stat: Stat,
        catalogue: &Arc<Catalogue>,
    ) -> Option<(Report, Vec<TableCell>)> {
        let key = key(path)?;
        let hash = hash_of(&key);
        let entry = self.old.as_ref()?.entry(hash)?;
        let (sum, body) = entry.split_first_chunk::<8>()?;
        (u64::from_le_bytes(*sum) == checksum(body)).then_some(())?;
        let mut r = Reader::new(body);
        let held = r.str()? == key
            && r.uint()? == stat.size
            && (r.uint()?, u32::try_from(r.uint()?).ok()?) == stat.modified;
        if !held {
            return None;
        }
        let report = r.str_bytes()?;
        let cells = read_cells(&mut r)?;
        r.is_empty().then_some(())?;
        let found = (Report::from_stored(file, report, catalogue)?, cells);
        if let Ok(mut hashes) = self.found.lock() {
            hashes.push(hash);
        }
        Some(found)
    }

    /// Keeps `report` (read from `path` as it was at `stat`) and its
    /// cells in the new file.
    pub fn put(&self, path: &Path, stat: Stat, report: &Report, cells: &[TableCell]) {
        let (Some(key), Some(stored)) = (key(path), report.stored()) else {
            return;
        };
        let mut w = Writer::default();
        w.str(&key);
        w.uint(stat.size);
        w.uint(stat.modified.0);
        w.uint(u64::from(stat.modified.1));
        w.usize(stored.len());
        w.bytes.extend_from_slice(&stored);
        write_cells(&mut w, cells);
        let mut entry = Vec::with_capacity(8 + w.bytes.len());
        entry.extend_from_slice(&checksum(&w.bytes).to_le_bytes());
        entry.extend_from_slice(&w.bytes);
        self.append(hash_of(&key), &entry);
    }

    fn append(&self, hash: u64, entry: &[u8]) {
        let Ok(mut out) = self.out.lock() else {
            return;
        };
        let at = out.at;
        out.write(entry);
        out.index.push((hash, at, entry.len() as u64));
    }

    /// Every file was read: the new cache file replaces the last. A
    /// cache that cannot be written is no error: the reports are read
    /// from their files next time.
    pub fn finish(self) {
        let (Ok(mut out), Ok(found)) = (self.out.into_inner(), self.found.into_inner()) else {
            return;
        };
        if let Some(old) = &self.old {
            if out.index.is_empty() && found.len() == old.index.len() {
                // Every entry found and nothing else read: the last file
                // is this load's, and now the most recently used.
                if let Ok(file) = old.file.lock() {
                    let _ = file.set_modified(SystemTime::now());
                }
                evict(&self.path, MAX_OTHER_SETS, MAX_OTHER_BYTES);
                return;
            }
            for hash in found {
                if let Some(entry) = old.entry(hash) {
                    let at = out.at;
                    out.write(&entry);
                    out.index.push((hash, at, entry.len() as u64));
                }
            }
        }
        let offset = out.at;
        let mut w = Writer::default();
        w.usize(out.index.len());
        for &(hash, from, len) in &out.index {
            w.uint(hash);
            w.uint(from);
            w.uint(len);
        }
        out.write(&w.bytes);
        out.write(&offset.to_le_bytes());
        out.write(MARK);
        if out.broken {
            return;
        }
        // Not flushed to the disk, as the user's own files are: a cache
        // lost to a crash is only read again.
        if let Ok(file) = out.file.into_inner() {
            if file.persist(&self.path).is_ok() {
                evict(&self.path, MAX_OTHER_SETS, MAX_OTHER_BYTES);
            }
        }
    }
}

/// How many other sets of paths keep their cache files, the most
/// recently used first; and how many bytes those may take in all.
const MAX_OTHER_SETS: usize = 8;
const MAX_OTHER_BYTES: u64 = 2 << 30;

/// Removes the cache files of the sets of paths used longest ago, beyond
/// `max_sets` other than `current`'s or `max_bytes` in all. Only files
/// named as caches are looked at; the current one always stays.
fn evict(current: &Path, max_sets: usize, max_bytes: u64) {
    let Some(dir) = current.parent() else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut others: Vec<(SystemTime, u64, PathBuf)> = entries
        .flatten()
        .filter(|e| is_cache_name(&e.file_name().to_string_lossy()))
        .filter(|e| e.path() != current)
        .filter_map(|e| {
            let m = e.metadata().ok()?;
            Some((m.modified().ok()?, m.len(), e.path()))
        })
        .collect();
    others.sort_by_key(|o| std::cmp::Reverse(o.0));
    let mut bytes = 0;
    for (n, (_, len, path)) in others.into_iter().enumerate() {
        bytes += len;
        if n >= max_sets || bytes > max_bytes {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// A cache file's name: the hash of its set of paths, in hex.
fn is_cache_name(name: &str) -> bool {
    name.len() == 16 && name.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The path as the cache knows it: absolute, so that one file named two
/// ways is one entry.
fn key(path: &Path) -> Option<String> {
    std::path::absolute(path)
        .ok()
        .and_then(|p| p.to_str().map(str::to_owned))
}

fn hash_of(key: &str) -> u64 {
    let mut h = FxHasher::default();
    key.hash(&mut h);
    h.finish()
}

/// The running program's file size and time: a build of the same version
/// reads reports otherwise, so its caches are not read.
fn build_id() -> (u64, u64) {
    let exe = std::env::current_exe().and_then(std::fs::metadata);
    exe.map_or((0, 0), |m| {
        let t = m.modified().unwrap_or(SystemTime::UNIX_EPOCH);
        let nanos = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        (m.len(), nanos as u64)
    })
}

fn checksum(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    bytes.hash(&mut h);
    h.finish()
}

const QUALIFIERS: [Qualifier; 5] = [
    Qualifier::MoreThan,
    Qualifier::Nearly,
    Qualifier::About,
    Qualifier::Over,
    Qualifier::Within,
];
const SIGNS: [Sign; 2] = [Sign::Up, Sign::Down];

fn write_cells(w: &mut Writer, cells: &[TableCell]) {
    w.usize(cells.len());
    for c in cells {
        w.str(&c.indicator);
        w.usize(c.figure);
        w.bool(c.chosen);
        let a = &c.amount;
        let (mantissa, scale) = a.value.parts();
        w.u128(mantissa);
        w.uint(u64::from(scale));
        w.str(a.unit);
        w.pick(
            a.qualifier
                .and_then(|q| QUALIFIERS.iter().position(|&x| x == q)),
        );
        w.pick(a.sign.and_then(|s| SIGNS.iter().position(|&x| x == s)));
    }
}

fn read_cells(r: &mut Reader) -> Option<Vec<TableCell>> {
    let n = r.count()?;
    let mut cells = Vec::with_capacity(n);
    for _ in 0..n {
        let indicator = r.string()?;
        let figure = r.usize()?;
        let chosen = r.bool()?;
        let mantissa = r.u128()?;
        let scale = u32::try_from(r.uint()?).ok()?;
        cells.push(TableCell {
            indicator,
            figure,
            chosen,
            amount: Amount {
                value: Decimal::from_parts(mantissa, scale)?,
                unit: static_name(r.str()?)?,
                qualifier: r.pick(&QUALIFIERS)?,
                sign: r.pick(&SIGNS)?,
            },
        });
    }
    Some(cells)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::loading::{read_one, Read};

    /// Each bundled report and wild opening, as a file in `dir`.
    fn pages(dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for (name, bytes) in crate::bundled::BUNDLED {
            let path = dir.join(name.trim_start_matches("data/"));
            std::fs::write(&path, bytes).unwrap();
            out.push(path);
        }
        let wild = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shared/dev/wild");
        for e in std::fs::read_dir(wild).unwrap() {
            let from = e.unwrap().path();
            if from.extension().is_some_and(|x| x == "txt") {
                let to = dir.join(from.file_name().unwrap());
                std::fs::copy(&from, &to).unwrap();
                out.push(to);
            }
        }
        out.sort();
        out
    }

    fn same(a: &Report, b: &Report) {
        assert_eq!(a.file, b.file);
        assert_eq!(a.text, b.text, "{}", a.file);
        assert_eq!(a.encoding, b.encoding, "{}", a.file);
        assert_eq!(
            format!("{:?}", a.lines),
            format!("{:?}", b.lines),
            "{}",
            a.file
        );
        assert_eq!(a.meta, b.meta, "{}", a.file);
        assert_eq!(a.parts, b.parts, "{}", a.file);
        assert_eq!(a.file_map, b.file_map, "{}", a.file);
        assert_eq!(a.block_spans(), b.block_spans(), "{}", a.file);
        assert_eq!(a.figures(), b.figures(), "{}", a.file);
        assert_eq!(a.sections(), b.sections(), "{}", a.file);
        assert_eq!(a.items(), b.items(), "{}", a.file);
    }

    /// Loads `files` through the cache in `dir` as the background load
    /// does, the cache's new file replacing the last at the end.
    fn load(dir: &Path, files: &[PathBuf], catalogue: &Arc<Catalogue>) -> Vec<Read> {
        let cache = ReadCache::at(dir.join("cache"), catalogue).load(&[dir.into()]);
        let reads = files
            .iter()
            .enumerate()
            .map(|(i, f)| read_one(i, f, catalogue, cache.as_ref()))
            .collect();
        cache.expect("a cache").finish();
        reads
    }

    /// A report taken from the cache is the report read from its file:
    /// text, lines, metadata, parts, cells, and the outline and figures
    /// read again from it; and the second load reads no file.
    #[test]
    fn a_cached_report_is_the_report_read_from_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let files = pages(dir.path());
        assert!(files.len() > 30, "{}", files.len());
        let catalogue = Arc::new(Catalogue::builtin().clone());
        let first = load(dir.path(), &files, &catalogue);
        let cache = ReadCache::at(dir.path().join("cache"), &catalogue)
            .load(&[dir.path().into()])
            .unwrap();
        for (path, read) in files.iter().zip(&first) {
            let file = path.display().to_string();
            let stat = Stat::of(path).unwrap();
            let (hit, cells) = cache.get(path, &file, stat, &catalogue).expect("kept");
            same(read.result.as_ref().unwrap(), &hit);
            assert_eq!(cells, read.cells, "{file}");
        }
        drop(cache);
        // Each file rewritten with other bytes of its length, its time set
        // back: a load that read a file would see them.
        for f in &files {
            let modified = f.metadata().unwrap().modified().unwrap();
            let len = f.metadata().unwrap().len() as usize;
            std::fs::write(
                f,
                &"某某市2024年法治政府建设情况报告\n".repeat(len).as_bytes()[..len],
            )
            .unwrap();
            let file = std::fs::File::options().write(true).open(f).unwrap();
            file.set_modified(modified).unwrap();
        }
        // Found in the cache of the last load, and kept again for the next.
        for _ in 0..2 {
            let again = load(dir.path(), &files, &catalogue);
            for (a, b) in first.iter().zip(&again) {
                same(a.result.as_ref().unwrap(), b.result.as_ref().unwrap());
                assert_eq!(a.cells, b.cells);
            }
        }
        // A file whose time changes is read again.
        let f = &files[0];
        std::fs::File::options()
            .write(true)
            .open(f)
            .unwrap()
            .set_modified(SystemTime::now())
            .unwrap();
        // The others are copied from the last file into the new one.
        for _ in 0..2 {
            let read = load(dir.path(), &files, &catalogue);
            let text = &read[0].result.as_ref().unwrap().text;
            assert!(text.starts_with("某某市2024年"), "{}", &text[..40]);
            for (a, b) in first.iter().zip(&read).skip(1) {
                same(a.result.as_ref().unwrap(), b.result.as_ref().unwrap());
                assert_eq!(a.cells, b.cells);
            }
        }
    }

    /// One catalogue makes one stamp however it was built: a new run
    /// finds the entries of the last.
    #[test]
    fn the_same_catalogue_built_again_finds_the_same_entries() {
        let dir = tempfile::tempdir().unwrap();
        let user = dir.path().join("indicators.toml");
        std::fs::write(&user, "").unwrap();
        let a = ReadCache::at(dir.path().into(), Catalogue::builtin());
        // Built again from the files, with an index of its own.
        let (again, problems) = Catalogue::with_user_file(&user).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        let b = ReadCache::at(dir.path().into(), &again);
        assert_eq!(a.stamp, b.stamp);
    }

    /// An entry is not used for a file changed since, another catalogue,
    /// or bytes that do not check; none of them is an error, and a load
    /// stopped halfway leaves the last cache as it was.
    #[test]
    fn a_stale_or_damaged_cache_is_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let files = &pages(dir.path())[..3];
        let path = &files[0];
        let catalogue = Arc::new(Catalogue::builtin().clone());
        load(dir.path(), files, &catalogue);
        let file = path.display().to_string();
        let stat = Stat::of(path).unwrap();
        let cache = ReadCache::at(dir.path().join("cache"), &catalogue);
        let open = || cache.load(&[dir.path().into()]).unwrap();
        assert!(open().get(path, &file, stat, &catalogue).is_some());
        let grown = Stat {
            size: stat.size + 1,
            ..stat
        };
        assert!(open().get(path, &file, grown, &catalogue).is_none());
        let touched = Stat {
            modified: (stat.modified.0, stat.modified.1 ^ 1),
            ..stat
        };
        assert!(open().get(path, &file, touched, &catalogue).is_none());
        let mut other = Catalogue::builtin().clone();
        other.indicators.pop();
        let other = ReadCache::at(dir.path().join("cache"), &other);
        let other = other.load(&[dir.path().into()]).unwrap();
        assert!(other.get(path, &file, stat, &catalogue).is_none());
        // Another set of paths has a cache of its own.
        let elsewhere = cache.load(&[dir.path().join("x")]).unwrap();
        assert!(elsewhere.get(path, &file, stat, &catalogue).is_none());
        drop((other, elsewhere));
        // A load not finished leaves the last cache.
        drop(open());
        assert!(open().get(path, &file, stat, &catalogue).is_some());
        let kept: Vec<PathBuf> = std::fs::read_dir(dir.path().join("cache"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(kept.len(), 1, "nothing but the last load's: {kept:?}");
        let good = std::fs::read(&kept[0]).unwrap();
        let cuts = [
            0,
            MARK.len(),
            good.len() / 3,
            good.len() / 2,
            good.len() - 1,
        ];
        for cut in cuts {
            std::fs::write(&kept[0], &good[..cut]).unwrap();
            assert!(open().get(path, &file, stat, &catalogue).is_none(), "{cut}");
        }
        // In the entry (its checksum, its key, its text), or the end.
        let entry = MARK.len() + 8;
        for at in [
            entry + 3,
            entry + 20,
            entry + 300,
            good.len() - MARK.len() - 3,
        ] {
            let mut flipped = good.clone();
            flipped[at] ^= 0x20;
            std::fs::write(&kept[0], &flipped).unwrap();
            assert!(open().get(path, &file, stat, &catalogue).is_none(), "{at}");
        }
        std::fs::write(&kept[0], &good).unwrap();
        assert!(open().get(path, &file, stat, &catalogue).is_some());
    }

    /// The sets of paths used longest ago lose their cache files first;
    /// the current set's file and files not named as caches stay.
    #[test]
    fn the_caches_used_longest_ago_are_removed_first() {
        let dir = tempfile::tempdir().unwrap();
        let now = SystemTime::now();
        let make = |name: &str, age_s: u64, len: usize| {
            let path = dir.path().join(name);
            std::fs::write(&path, vec![0u8; len]).unwrap();
            let file = File::options().write(true).open(&path).unwrap();
            file.set_modified(now - std::time::Duration::from_secs(age_s))
                .unwrap();
            path
        };
        let names: Vec<String> = (0..6).map(|i| format!("{i:016x}")).collect();
        for (i, name) in names.iter().enumerate() {
            make(name, 100 * (i as u64 + 1), 10);
        }
        let current = make("00000000000000ff", 10_000, 10);
        make("notes.txt", 10_000, 10);
        let left = || {
            let mut n: Vec<String> = std::fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            n.sort();
            n
        };
        evict(&current, 3, 1 << 20);
        let mut want: Vec<String> = names[..3].to_vec();
        want.extend(["00000000000000ff".to_owned(), "notes.txt".to_owned()]);
        want.sort();
        assert_eq!(left(), want, "the three used last stay");
        evict(&current, 3, 25);
        assert_eq!(left().len(), 4, "two of 10 bytes fit in 25: {:?}", left());
        assert!(left().contains(&names[1]) && !left().contains(&names[2]));
    }

    /// No prefix of a stored report reads as a report, and none panics.
    #[test]
    fn a_stored_report_cut_anywhere_reads_as_none() {
        let catalogue = Arc::new(Catalogue::builtin().clone());
        let r = crate::corpus::Library::bundled().reports.remove(0);
        let stored = r.stored().unwrap();
        assert!(Report::from_stored("x", &stored, &catalogue).is_some());
        for cut in 0..stored.len() {
            assert!(
                Report::from_stored("x", &stored[..cut], &catalogue).is_none(),
                "{cut}"
            );
        }
    }
}

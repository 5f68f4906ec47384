//! The program at the users' scale: generated corpora of 1,000 and 10,000
//! reports (100,000 with `LAWGOV_BENCH_100K=1`), read by the release
//! binary as a child process, as a user runs it.
//!
//! `cargo bench --bench corpus`. For each corpus it prints plain tables:
//! - the headless commands over the whole folder (`check --json`,
//!   `figures --csv`, `table --csv`, `years --json`) and `outline` of one
//!   file: wall time, CPU time (`wait4`) and peak RSS of the child (through
//!   GNU time when installed, see [`run`]), one run each (the median of 3
//!   at 1,000 reports), page cache warm;
//! - start-up: `outline FILE`, user+sys CPU, median of 20 runs;
//! - `grep -rc 行政复议 DIR` (rg when installed): what a search over the
//!   folder costs without the program;
//! - the TUI in tmux (160x48): time to the first frame showing the report
//!   list, RSS then (VmRSS, VmHWM), time until every report is loaded (the
//!   list's title no longer says it is reading) and RSS then, time to the
//!   corpus view (`c`) and RSS once it is idle, CPU used idle over 5 s,
//!   and whether `q` quits; launched twice with a data folder of its own,
//!   the second launch reading what the first kept in the read cache.
//!
//! Before measuring it checks that 50 files (evenly spread) read back with
//! their generated place and year (`outline --json`), and counts how many
//! of all the reports `check --json` reads back the same way.
//!
//! Run without `--bench` (`cargo test --benches`) it only writes the
//! 1,000-report corpus and checks it. Settings:
//! - `LAWGOV_BENCH_100K=1`: the 100,000-report corpus too (about 1 GB;
//!   not written when the disk has less than 3 GB free);
//! - `LAWGOV_BENCH_SIZES=1000,10000`: exactly these corpora;
//! - `LAWGOV_BENCH_NO_TUI=1`: no TUI measurements;
//! - `LAWGOV_BENCH_CORPUS=DIR`: where the corpora are written (default
//!   `target/tmp`);
//! - `LAWGOV_BENCH_TIMEOUT_S` (default 1800): a headless command is killed
//!   after this long; the TUI gets 180 s to show its first frame;
//! - `LAWGOV_BENCH_MEM_LIMIT_MB` (default half the machine's memory, 0 for
//!   none): the address-space limit of the commands over a corpus (not of
//!   the start-up runs, see [`How::StartUp`]), so that a command that
//!   grows without bound fails instead of taking the machine.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use lawgov_tui::text::script;

mod common;

use common::generated::{self, Generated};

const BIN: &str = env!("CARGO_BIN_EXE_lawgov-tui");

/// What one child process cost.
#[derive(Debug, Clone, Default)]
struct Run {
    wall: Duration,
    cpu: Duration,
    max_rss_kb: u64,
    /// Exit status, or 128 + signal.
    status: i32,
    timed_out: bool,
    out_bytes: u64,
}

fn env_flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0")
}

fn out_dir() -> PathBuf {
    let dir = generated::corpus_dir(0).with_file_name("corpus-out");
    fs::create_dir_all(&dir).expect("output dir");
    dir
}

fn timeout() -> Duration {
    Duration::from_secs(
        std::env::var("LAWGOV_BENCH_TIMEOUT_S")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1800),
    )
}

/// The children's address-space limit in bytes (None: unlimited).
fn mem_limit() -> Option<u64> {
    let mb = match std::env::var("LAWGOV_BENCH_MEM_LIMIT_MB") {
        Ok(v) => v
            .parse::<u64>()
            .expect("LAWGOV_BENCH_MEM_LIMIT_MB: a number"),
        Err(_) => {
            let info = fs::read_to_string("/proc/meminfo").unwrap_or_default();
            let kb: u64 = info
                .lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
                .unwrap_or(0);
            kb / 1024 / 2
        }
    };
    (mb > 0).then_some(mb * 1024 * 1024)
}

/// GNU time, when installed: the children's peak RSS is read through it.
const TIME: &str = "/usr/bin/time";

/// How a child is run and measured.
#[derive(Clone, Copy, PartialEq, Eq)]
enum How {
    /// A command over a corpus: its peak RSS too, under the memory limit.
    Whole,
    /// A process start on one file: its CPU alone. No memory limit is
    /// set, since setting one forks this bench (instead of spawning the
    /// child apart from it) and the child is then charged for the copy
    /// of the bench's memory it tears down at `exec`: milliseconds, more
    /// than the program's own start.
    StartUp,
}

/// Runs `program args`, stdout to `out`, and measures it with `wait4`.
///
/// A child's `ru_maxrss` counts the memory of the process it was forked
/// from (Linux keeps the larger of the RSS before and after `exec`), so a
/// small program forked from this bench, which holds a corpus' manifest
/// and parsed output, would show the bench's RSS. For [`How::Whole`], the
/// program is run under GNU time (a small process) and the peak its own
/// fork reports is taken; the CPU time is then the program's plus
/// time's own (well under a millisecond).
fn run(program: &str, args: &[OsString], out: &Path, how: How) -> Run {
    let peak_rss = how == How::Whole;
    let stdout = fs::File::create(out).expect("stdout file");
    let stderr = fs::File::create(out.with_extension("stderr")).expect("stderr file");
    let rss_file = out.with_extension("rss");
    let via_time = peak_rss && Path::new(TIME).exists();
    let mut cmd = if via_time {
        let mut c = Command::new(TIME);
        c.arg("-f").arg("%M").arg("-o").arg(&rss_file).arg(program);
        c
    } else {
        Command::new(program)
    };
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(stderr);
    use std::os::unix::process::CommandExt;
    // Its own process group, so that the watchdog ends time and program.
    cmd.process_group(0);
    if let Some(limit) = mem_limit().filter(|_| how == How::Whole) {
        // SAFETY: setrlimit is async-signal-safe; nothing else runs here.
        unsafe {
            cmd.pre_exec(move || {
                let r = libc::rlimit {
                    rlim_cur: limit,
                    rlim_max: limit,
                };
                libc::setrlimit(libc::RLIMIT_AS, &r);
                Ok(())
            });
        }
    }
    let start = Instant::now();
    let child = cmd.spawn().expect("spawn");
    let pid = child.id() as libc::pid_t;
    // A watchdog kills the child when it runs too long.
    let (done, stop) = mpsc::channel::<()>();
    let limit = timeout();
    let watchdog = std::thread::spawn(move || {
        if stop.recv_timeout(limit).is_err() {
            // SAFETY: a plain kill of our own child's process group.
            unsafe { libc::kill(-pid, libc::SIGKILL) };
            true
        } else {
            false
        }
    });
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid; wait4 fills it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our child; status and usage are valid pointers.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    let _ = done.send(());
    let timed_out = watchdog.join().unwrap_or(false);
    assert_eq!(r, pid, "wait4");
    // The child is reaped: `child` must not wait for it again.
    std::mem::forget(child);
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    let max_rss_kb = if via_time {
        // Its last line; "Command exited with non-zero status N" may precede.
        fs::read_to_string(&rss_file)
            .ok()
            .and_then(|s| s.lines().last().and_then(|l| l.trim().parse().ok()))
            .unwrap_or(0)
    } else if peak_rss {
        usage.ru_maxrss as u64
    } else {
        0
    };
    Run {
        wall,
        cpu: tv(usage.ru_utime) + tv(usage.ru_stime),
        max_rss_kb,
        status: if libc::WIFEXITED(status) {
            libc::WEXITSTATUS(status)
        } else {
            128 + libc::WTERMSIG(status)
        },
        timed_out,
        out_bytes: fs::metadata(out).map_or(0, |m| m.len()),
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn secs(d: Duration) -> String {
    if d < Duration::from_secs(1) {
        format!("{:.1} ms", d.as_secs_f64() * 1000.0)
    } else {
        format!("{:.2} s", d.as_secs_f64())
    }
}

fn mib_kb(kb: u64) -> String {
    format!("{:.1} MiB", kb as f64 / 1024.0)
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / 1024.0 / 1024.0)
}

fn os(s: impl Into<OsString>) -> OsString {
    s.into()
}

/// The place and year `outline --json` reads from 50 files spread over
/// the corpus are the generated ones.
fn check_readback(g: &Generated) {
    let n = g.entries.len();
    let mut wrong = Vec::new();
    for i in 0..50 {
        let e = &g.entries[i * n / 50];
        let out = Command::new(BIN)
            .arg("outline")
            .arg("--json")
            .arg(g.file(e))
            .output()
            .expect("outline --json");
        assert!(out.status.success(), "outline {}: {:?}", e.path, out);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("outline json");
        let place = json["meta"]["place"].as_str().unwrap_or("");
        let year = json["meta"]["year"].as_u64().unwrap_or(0);
        if script::fold(place) != script::fold(&e.place) || year != e.year as u64 {
            wrong.push(format!(
                "{}: read {place} {year}, written {} {}",
                e.path, e.place, e.year
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of 50 files read back wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    println!("readback: 50 of 50 sampled files give their place and year (outline --json)");
}

/// How many reports of `check --json`'s output read back with their
/// generated place and year.
fn count_readback(g: &Generated, json: &Path) -> String {
    let Ok(bytes) = fs::read(json) else {
        return "no output".into();
    };
    let Ok(serde_json::Value::Array(items)) = serde_json::from_slice(&bytes) else {
        return "output is no JSON array".into();
    };
    let expected: std::collections::HashMap<PathBuf, (&str, u16)> = g
        .entries
        .iter()
        .map(|e| (g.file(e), (e.place.as_str(), e.year)))
        .collect();
    let mut right = 0;
    // Wrong readings by place: (written, read) → count.
    let mut wrong: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for item in &items {
        let file = PathBuf::from(item["file"].as_str().unwrap_or(""));
        let place = script::fold(item["place"].as_str().unwrap_or("(none)"));
        let year = item["year"].as_u64().unwrap_or(0);
        // Folded both sides: 乾安縣 folds to 干安县, and so does 乾安县.
        match expected.get(&file) {
            Some((p, y)) if script::fold(p) == place && *y as u64 == year => right += 1,
            Some((p, y)) => {
                let read = if script::fold(p) == place {
                    format!("year {year} for {y}")
                } else {
                    place
                };
                *wrong.entry((p.to_string(), read)).or_default() += 1
            }
            None => {
                *wrong
                    .entry((file.display().to_string(), "not generated".into()))
                    .or_default() += 1
            }
        }
    }
    let mut s = format!(
        "{right} of {} reports ({} in the output) read back with their place and year",
        g.entries.len(),
        items.len()
    );
    for ((written, read), count) in wrong.iter().take(20) {
        s.push_str(&format!(
            "\n    {written}: read as {read} ({count} reports)"
        ));
    }
    s
}

fn free_disk(path: &Path) -> u64 {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).expect("path");
    // SAFETY: an all-zero statvfs is valid; statvfs fills it.
    let mut s: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: c is a valid C string, s a valid pointer.
    if unsafe { libc::statvfs(c.as_ptr(), &mut s) } != 0 {
        return 0;
    }
    s.f_bavail as u64 * s.f_frsize as u64
}

struct Tmux {
    socket: String,
    /// The server's socket file, removed at the end.
    path: String,
}

impl Tmux {
    fn new() -> Self {
        let mut t = Tmux {
            socket: format!("lawgov-bench-{}", std::process::id()),
            path: String::new(),
        };
        // A server of our own, kept up by an idle session, so that the
        // measured session's start does not include the server's; panes
        // stay when their program ends, to read how it ended.
        t.ok(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "idle",
            "-x",
            "160",
            "-y",
            "48",
            "sleep 86400",
            ";",
            "set-option",
            "-wg",
            "remain-on-exit",
            "on",
        ]);
        t.path = t
            .ok(&["display", "-p", "#{socket_path}"])
            .trim()
            .to_string();
        t
    }

    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux")
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args);
        assert!(out.status.success(), "tmux {args:?}: {out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn capture(&self) -> Option<String> {
        let out = self.cmd(&["capture-pane", "-p", "-t", "bench"]);
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    fn dead(&self) -> Option<String> {
        let s = self.ok(&[
            "display",
            "-p",
            "-t",
            "bench",
            "#{pane_dead} #{pane_dead_status} #{pane_dead_signal}",
        ]);
        let mut f = s.split_whitespace();
        (f.next() == Some("1")).then(|| f.collect::<Vec<_>>().join(" "))
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
        if !self.path.is_empty() {
            let _ = fs::remove_file(&self.path);
        }
    }
}

fn proc_status(pid: u32) -> (u64, u64) {
    let s = fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        s.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// utime + stime of a process.
fn cpu_time(pid: u32) -> Duration {
    let s = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after = s.rsplit_once(')').map_or("", |(_, a)| a);
    let f: Vec<u64> = after
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    // Fields 14 and 15 of stat; `after` starts at field 3.
    let ticks = f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0);
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    Duration::from_nanos(ticks * 1_000_000_000 / hz)
}

/// Polls the pane every 10 ms until `want` is on it; None when the
/// program ends or `limit` passes first.
fn wait_for(t: &Tmux, want: &str, start: Instant, limit: Duration) -> Option<Duration> {
    loop {
        if let Some(screen) = t.capture() {
            if screen.contains(want) {
                return Some(start.elapsed());
            }
        }
        if start.elapsed() > limit || t.dead().is_some() {
            return None;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

struct TuiResult {
    lines: Vec<String>,
}

fn tui(dir: &Path, n: usize, data: &Path) -> TuiResult {
    let mut lines = Vec::new();
    let t = Tmux::new();
    let ulimit = mem_limit().map_or(String::new(), |b| format!("ulimit -v {}; ", b / 1024));
    let command = format!(
        "{ulimit}XDG_DATA_HOME='{}' exec '{BIN}' '{}'",
        data.display(),
        dir.display()
    );
    let start = Instant::now();
    t.ok(&[
        "new-session",
        "-d",
        "-s",
        "bench",
        "-x",
        "160",
        "-y",
        "48",
        &command,
    ]);
    let pid: u32 = t
        .ok(&["display", "-p", "-t", "bench", "#{pane_pid}"])
        .trim()
        .parse()
        .expect("pane pid");
    // The first frame shows the report list, loaded or not; the load is
    // over when its title no longer says it is reading.
    let want = "Reports (".to_owned();
    let Some(first) = wait_for(&t, &want, start, Duration::from_secs(180)) else {
        let how = t
            .dead()
            .map_or("still loading after 180 s: stopped".into(), |s| {
                format!("ended before its first frame (status/signal {s})")
            });
        let (rss, hwm) = proc_status(pid);
        lines.push(format!(
            "TUI: no frame with \"{want}\": {how}; VmRSS {} VmHWM {}",
            mib_kb(rss),
            mib_kb(hwm)
        ));
        if let Some(screen) = t.capture() {
            lines.push(format!(
                "  screen: {}",
                screen.trim().lines().next().unwrap_or("")
            ));
        }
        return TuiResult { lines };
    };
    let (rss, hwm) = proc_status(pid);
    lines.push(format!(
        "TUI first frame (report list)     {:>10}   VmRSS {:>11}  VmHWM {:>11}",
        secs(first),
        mib_kb(rss),
        mib_kb(hwm)
    ));
    let cpu_at_frame = cpu_time(pid);
    lines.push(format!(
        "  CPU used to the first frame     {:>10}",
        secs(cpu_at_frame)
    ));
    let loaded = format!("Reports ({n}) ─");
    match wait_for(&t, &loaded, start, Duration::from_secs(600)) {
        None => lines.push(format!("TUI: not all {n} reports loaded within 600 s")),
        Some(all) => {
            let (rss, hwm) = proc_status(pid);
            lines.push(format!(
                "TUI all {n} loaded                {:>10}   VmRSS {:>11}  VmHWM {:>11}",
                secs(all),
                mib_kb(rss),
                mib_kb(hwm)
            ));
            lines.push(format!(
                "  CPU used to the full load       {:>10}",
                secs(cpu_time(pid))
            ));
        }
    }
    let press = Instant::now();
    t.ok(&["send-keys", "-t", "bench", "c"]);
    match wait_for(&t, "Corpus ·", press, Duration::from_secs(600)) {
        None => lines.push("TUI corpus view: did not show within 600 s".into()),
        Some(shown) => {
            // Then until it is idle: no CPU used over 500 ms (at most 60 s).
            let mut before = cpu_time(pid);
            let settle = Instant::now();
            loop {
                std::thread::sleep(Duration::from_millis(500));
                let now = cpu_time(pid);
                if now == before || settle.elapsed() > Duration::from_secs(60) {
                    break;
                }
                before = now;
            }
            let (rss, hwm) = proc_status(pid);
            lines.push(format!(
                "TUI corpus view (c)               {:>10}   VmRSS {:>11}  VmHWM {:>11}",
                secs(shown),
                mib_kb(rss),
                mib_kb(hwm)
            ));
            let a = cpu_time(pid);
            std::thread::sleep(Duration::from_secs(5));
            let b = cpu_time(pid);
            lines.push(format!(
                "TUI idle in the corpus view, 5 s: {:>10} CPU ({:.2}% of a core)",
                secs(b - a),
                (b - a).as_secs_f64() / 5.0 * 100.0
            ));
        }
    }
    let quit = Instant::now();
    t.ok(&["send-keys", "-t", "bench", "q"]);
    let mut ended = None;
    while quit.elapsed() < Duration::from_secs(10) {
        if t.dead().is_some() {
            ended = Some(quit.elapsed());
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    // tmux marks the pane dead when the terminal closes and learns the
    // status a moment later, when it reaps the process.
    let mut status = String::new();
    for _ in 0..100 {
        status = t.dead().unwrap_or_default();
        if !status.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    lines.push(match ended {
        Some(d) => format!(
            "TUI q: quit in {}{}",
            secs(d),
            match status.split_whitespace().next() {
                Some(code) => format!(" (exit status {code})"),
                None => String::new(),
            }
        ),
        None => "TUI q: still running after 10 s".into(),
    });
    TuiResult { lines }
}

fn sizes(full: bool) -> Vec<usize> {
    if let Ok(v) = std::env::var("LAWGOV_BENCH_SIZES") {
        return v
            .split(',')
            .map(|s| {
                s.trim()
                    .replace('_', "")
                    .parse()
                    .expect("LAWGOV_BENCH_SIZES")
            })
            .filter(|&n: &usize| {
                // About 1 GB on disk: only when asked for by name.
                let ok = n < 100_000 || env_flag("LAWGOV_BENCH_100K");
                if !ok {
                    println!("corpus {n}: skipped, set LAWGOV_BENCH_100K=1 to write it");
                }
                ok
            })
            .collect();
    }
    match (full, env_flag("LAWGOV_BENCH_100K")) {
        (false, _) => vec![1_000],
        (true, false) => vec![1_000, 10_000],
        (true, true) => vec![1_000, 10_000, 100_000],
    }
}

fn measure_corpus(n: usize, full: bool) {
    let base = generated::corpus_dir(n);
    let parent = base.parent().expect("corpus parent").to_path_buf();
    fs::create_dir_all(&parent).expect("corpus parent");
    if n >= 100_000 && !base.join("MANIFEST.tsv").exists() {
        let free = free_disk(&parent);
        if free < 3 << 30 {
            println!(
                "corpus {n}: skipped, {} free on the disk (needs 3 GiB)",
                mib(free)
            );
            return;
        }
    }
    let t = Instant::now();
    let g = generated::corpus(n);
    let provinces: std::collections::HashSet<&str> =
        g.entries.iter().map(|e| e.province.as_str()).collect();
    let places: std::collections::HashSet<&str> =
        g.entries.iter().map(|e| e.place.as_str()).collect();
    println!();
    println!(
        "== corpus {n}: {} files, {} places, {} provinces, {} ({}), {} in {}",
        g.entries.len(),
        places.len(),
        provinces.len(),
        mib(g.bytes),
        g.dir.display(),
        if g.written { "written" } else { "reused" },
        secs(t.elapsed())
    );
    check_readback(&g);
    if !full {
        return;
    }
    let dir = g.dir.as_os_str().to_owned();
    let one = g.file(&g.entries[0]);
    let out = out_dir();
    let runs = if n <= 1_000 { 3 } else { 1 };
    let commands: Vec<(&str, Vec<OsString>)> = vec![
        (
            "check DIR --json",
            vec![os("check"), dir.clone(), os("--json")],
        ),
        (
            "figures DIR --csv",
            vec![os("figures"), dir.clone(), os("--csv")],
        ),
        (
            "table DIR --csv",
            vec![os("table"), dir.clone(), os("--csv")],
        ),
        (
            "years DIR --json",
            vec![os("years"), dir.clone(), os("--json")],
        ),
        ("outline FILE", vec![os("outline"), one.clone().into()]),
        (
            "outline FILE --json",
            vec![os("outline"), one.clone().into(), os("--json")],
        ),
    ];
    let mut table = vec![format!(
        "{:<22} {:>8} {:>10} {:>10} {:>12} {:>12}  {}",
        "command", "reports", "wall", "cpu", "peak RSS", "output", "exit"
    )];
    let mut check_json = None;
    for (i, (name, args)) in commands.iter().enumerate() {
        let file = out.join(format!("{n}-{i}.out"));
        let mut all: Vec<Run> = (0..runs)
            .map(|_| run(BIN, args, &file, How::Whole))
            .collect();
        all.sort_by_key(|r| r.wall);
        let r = all[all.len() / 2].clone();
        let exit = if r.timed_out {
            format!("killed after {}", secs(timeout()))
        } else {
            let err = fs::read_to_string(file.with_extension("stderr")).unwrap_or_default();
            let first = err.lines().next().unwrap_or("");
            if r.status == 0 {
                "0".to_string()
            } else {
                format!("{} {}", r.status, first)
            }
        };
        let line = format!(
            "{:<22} {:>8} {:>10} {:>10} {:>12} {:>12}  {}{}",
            name,
            if name.starts_with("outline") { 1 } else { n },
            secs(r.wall),
            secs(r.cpu),
            mib_kb(r.max_rss_kb),
            mib(r.out_bytes),
            exit,
            if runs > 1 { " (median of 3)" } else { "" }
        );
        println!("{line}");
        table.push(line);
        if i == 0 {
            check_json = Some(file);
        }
    }
    if let Some(f) = &check_json {
        let line = format!("check --json: {}", count_readback(&g, f));
        println!("{line}");
        table.push(line);
    }
    // Start-up: outline of one file, CPU and wall, median of 20.
    let file = out.join(format!("{n}-startup.out"));
    let starts: Vec<Run> = (0..20)
        .map(|_| {
            run(
                BIN,
                &[os("outline"), one.clone().into()],
                &file,
                How::StartUp,
            )
        })
        .collect();
    let line = format!(
        "start-up: outline FILE, median of 20: user+sys {}, wall {}",
        secs(median(starts.iter().map(|r| r.cpu).collect())),
        secs(median(starts.iter().map(|r| r.wall).collect())),
    );
    println!("{line}");
    table.push(line);
    // What a search of the folder costs without the program.
    let rg = Command::new("rg")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let (tool, args) = if rg {
        ("rg", vec![os("-c"), os("行政复议"), dir.clone()])
    } else {
        ("grep", vec![os("-rc"), os("行政复议"), dir.clone()])
    };
    let file = out.join(format!("{n}-grep.out"));
    let r = run(tool, &args, &file, How::Whole);
    let line = format!(
        "search baseline: {tool} {}c 行政复议 DIR: wall {}, cpu {}, peak RSS {} (UTF-8 files only match)",
        if rg { "-" } else { "-r" },
        secs(r.wall),
        secs(r.cpu),
        mib_kb(r.max_rss_kb)
    );
    println!("{line}");
    table.push(line);
    if !env_flag("LAWGOV_BENCH_NO_TUI") {
        // A data folder of its own: the first launch finds no read cache,
        // the second the one the first wrote.
        let data = tempfile::tempdir().expect("a data folder");
        for launch in ["first launch (no read cache)", "second launch (read cache)"] {
            println!("TUI, {launch}:");
            table.push(format!("TUI, {launch}:"));
            for line in tui(&g.dir, g.entries.len(), data.path()).lines {
                println!("{line}");
                table.push(line);
            }
        }
    }
    println!();
    println!("-- summary, corpus {n} ({}) --", mib(g.bytes));
    for line in table {
        println!("{line}");
    }
}

fn corpus_at_scale(c: &mut Criterion) {
    // `cargo bench` passes --bench; `cargo test --benches` does not.
    let full = std::env::args().any(|a| a == "--bench");
    assert!(
        Path::new(BIN).exists(),
        "{BIN}: build it first (cargo build --release)"
    );
    println!("binary: {BIN}");
    for n in sizes(full) {
        measure_corpus(n, full);
    }
    // One file's outline, sampled: the cost of a process start and a load.
    let g = generated::corpus(1_000);
    let one = g.file(&g.entries[0]);
    let mut group = c.benchmark_group("child process");
    group.sample_size(20);
    group.bench_function("outline one generated report", |b| {
        b.iter(|| {
            let out = Command::new(BIN)
                .arg("outline")
                .arg(&one)
                .stdout(Stdio::null())
                .status()
                .expect("outline");
            assert!(out.success());
        })
    });
    group.finish();
}

criterion_group!(benches, corpus_at_scale);
criterion_main!(benches);

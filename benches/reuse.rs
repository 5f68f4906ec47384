//! `lawgov-tui reuse` at the users' scale: the generated corpora of 1,000
//! and 10,000 reports (five families of near copies, see
//! `common/generated.rs`), read by the release binary as a child process.
//!
//! `cargo bench --bench reuse` prints, for each corpus, the wall and CPU
//! time and the peak RSS of `reuse DIR --json` (through GNU time), the
//! size of the corpus' text (decoded, as UTF-8) beside it, and what the
//! output holds (groups, their members, pairs). The targets (issue 31):
//! 10,000 reports within 30 s on two cores and a peak within twice the
//! text. Run without `--bench` (`cargo test --benches`) it only runs
//! `reuse` on the bundled reports. `LAWGOV_BENCH_SIZES=1000` picks the
//! corpora; `LAWGOV_BENCH_CORPUS=DIR` says where they are written.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

mod common;

use common::generated::{self, Generated};

const BIN: &str = env!("CARGO_BIN_EXE_lawgov-tui");
/// GNU time: the child's own peak RSS and CPU time.
const TIME: &str = "/usr/bin/time";

/// What one run of `reuse` cost and gave.
struct Measured {
    wall: Duration,
    cpu_s: f64,
    peak_kb: u64,
    output: serde_json::Value,
}

fn measure(dir: &Path) -> Measured {
    let out = std::env::temp_dir().join(format!("lawgov-reuse-{}.json", std::process::id()));
    let times = out.with_extension("time");
    let start = Instant::now();
    let status = Command::new(TIME)
        .arg("-f")
        .arg("%U %S %M")
        .arg("-o")
        .arg(&times)
        .arg(BIN)
        .arg("reuse")
        .arg(dir)
        .arg("--json")
        .stdout(std::fs::File::create(&out).expect("output file"))
        .status()
        .expect("run reuse under GNU time");
    let wall = start.elapsed();
    assert!(status.success(), "reuse {}: {status}", dir.display());
    let t = std::fs::read_to_string(&times).expect("GNU time's output");
    let f: Vec<f64> = t
        .lines()
        .last()
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    let output = serde_json::from_slice(&std::fs::read(&out).expect("output")).expect("json");
    let _ = std::fs::remove_file(&out);
    let _ = std::fs::remove_file(&times);
    Measured {
        wall,
        cpu_s: f.first().unwrap_or(&0.0) + f.get(1).unwrap_or(&0.0),
        peak_kb: f.get(2).copied().unwrap_or(0.0) as u64,
        output,
    }
}

/// The corpus' text as the program holds it: each file decoded, as UTF-8.
fn text_bytes(g: &Generated) -> u64 {
    g.entries
        .iter()
        .map(|e| {
            let bytes = std::fs::read(g.file(e)).expect("corpus file");
            match e.gb18030 {
                true => encoding_rs::GB18030.decode(&bytes).0.len() as u64,
                false => bytes.len() as u64,
            }
        })
        .sum()
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / 1024.0 / 1024.0
}

fn report(name: &str, files: usize, text: u64, m: &Measured) {
    let groups = m.output["groups"].as_array().map_or(0, Vec::len);
    let members: usize = m.output["groups"].as_array().map_or(0, |g| {
        g.iter()
            .map(|x| x["members"].as_array().map_or(0, Vec::len))
            .sum()
    });
    let pairs = m.output["pairs"].as_array().map_or(0, Vec::len);
    let peak = m.peak_kb * 1024;
    println!(
        "{name:<14} {files:>6} reports  text {:>7.1} MiB  wall {:>6.2} s  cpu {:>6.2} s  peak RSS {:>7.1} MiB ({:.2}× text)  {groups} groups ({members} reports), {pairs} pairs",
        mib(text),
        m.wall.as_secs_f64(),
        m.cpu_s,
        mib(peak),
        peak as f64 / text.max(1) as f64,
    );
}

fn sizes() -> Vec<usize> {
    std::env::var("LAWGOV_BENCH_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000])
}

fn main() {
    assert!(Path::new(TIME).exists(), "{TIME} (GNU time) is needed");
    let full = std::env::args().any(|a| a == "--bench");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let bundled = measure(&data);
    let text: u64 = std::fs::read_dir(&data)
        .expect("data")
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    report("bundled", 5, text, &bundled);
    if !full {
        return;
    }
    println!(
        "binary: {BIN}; cores: {}",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    for n in sizes() {
        let t = Instant::now();
        let g = generated::corpus(n);
        println!(
            "corpus {n}: {} ({:.1} MiB on disk) {} in {:.1} s",
            g.dir.display(),
            mib(g.bytes),
            if g.written { "written" } else { "reused" },
            t.elapsed().as_secs_f64()
        );
        let text = text_bytes(&g);
        let m = measure(&g.dir);
        report(&format!("generated {n}"), g.entries.len(), text, &m);
    }
}

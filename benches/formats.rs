//! Load speed per format: the five bundled reports as .txt, as a web page,
//! as Word and as PDF (tests/fixtures/formats, made by
//! scripts/make-format-fixtures.py), each loaded in full.
//!
//! `cargo bench --bench formats`. Target (issue 29): a PDF or Word file
//! costs at most 10× the same text as .txt. Every group's throughput is
//! the .txt bytes, so the MB/s of two formats compare the same text.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use lawgov_tui::report::Depth;
use lawgov_tui::Report;

const REPORTS: &[&str] = &[
    "changzhou-2024",
    "hongze-2023",
    "mianyang-2024",
    "yixing-2024",
    "zhangjiagang-2023",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The text as a plain web page: one `<p>` a line.
fn page(text: &str) -> Vec<u8> {
    let mut out =
        String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n");
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        out.push_str(&format!("<p>{}</p>\n", escape(line)));
    }
    out.push_str("</body></html>\n");
    out.into_bytes()
}

/// Each report's (file name, bytes) in one format.
fn files(ext: &str) -> Vec<(String, Vec<u8>)> {
    REPORTS
        .iter()
        .map(|name| {
            let txt = root().join(format!("tests/shared/reports/{name}.txt"));
            let bytes = match ext {
                "txt" => std::fs::read(&txt).expect("report"),
                "html" => page(&std::fs::read_to_string(&txt).expect("report")),
                _ => std::fs::read(root().join(format!("tests/fixtures/formats/{name}.{ext}")))
                    .expect("fixture"),
            };
            (format!("{name}.{ext}"), bytes)
        })
        .collect()
}

fn load_all(files: &[(String, Vec<u8>)]) -> usize {
    files
        .iter()
        .map(|(name, bytes)| {
            Report::from_bytes_to(name, bytes, Depth::full()).map_or(0, |r| r.figures().len())
        })
        .sum()
}

fn load_per_format(c: &mut Criterion) {
    let text_bytes: u64 = files("txt").iter().map(|(_, b)| b.len() as u64).sum();
    let mut g = c.benchmark_group("load per format (5 reports, full)");
    g.throughput(Throughput::Bytes(text_bytes));
    for ext in ["txt", "html", "docx", "pdf"] {
        let files = files(ext);
        // Every form must load, or the timing would be of an error.
        assert!(load_all(&files) > 0, "{ext}");
        g.bench_function(ext, |b| b.iter(|| load_all(black_box(&files))));
    }
    g.finish();
}

criterion_group!(benches, load_per_format);
criterion_main!(benches);

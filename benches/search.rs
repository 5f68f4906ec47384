//! Search across reports at the users' scale: the generated corpus of
//! 10,000 reports (see `common/generated.rs`; `LAWGOV_BENCH_SEARCH_N` for
//! another of its sizes, 1000 or 100000), loaded once, then
//! - the search texts built (what the first search in a session costs,
//!   from reports let go of their outlines as the TUI keeps them);
//! - a common phrase (行政复议, tens of thousands of hits), the same in
//!   Traditional (the same hits), a rare one (one place's name) and a
//!   regular expression, each over every report on every core.
//!
//! `cargo bench --bench search`; `cargo test --benches` only checks that
//! it runs, on 1,000 reports.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion};
use lawgov_tui::corpus::library::report_files;
use lawgov_tui::corpus::search::Query;
use lawgov_tui::figures::Catalogue;
use lawgov_tui::report::{Depth, Report};
use rayon::prelude::*;

mod common;

fn size(full: bool) -> usize {
    match std::env::var("LAWGOV_BENCH_SEARCH_N") {
        Ok(n) => n
            .trim()
            .replace('_', "")
            .parse()
            .expect("LAWGOV_BENCH_SEARCH_N"),
        Err(_) if full => 10_000,
        Err(_) => 1_000,
    }
}

fn load(n: usize) -> Vec<Report> {
    let g = common::generated::corpus(n);
    let (files, skipped): (Vec<PathBuf>, _) = report_files(std::slice::from_ref(&g.dir));
    assert!(skipped.is_empty(), "{skipped:?}");
    let t = Instant::now();
    // As the TUI holds a library: each report let go of its outline and
    // figures, read again for the search's index and not kept.
    let catalogue = Arc::new(Catalogue::builtin().clone());
    let reports: Vec<Report> = files
        .par_iter()
        .filter_map(|f| Report::open_to(f, Depth::Outline).ok())
        .map(|mut r| {
            r.lighten(&catalogue);
            r
        })
        .collect();
    println!(
        "corpus {n}: {} reports, {} MiB of text, read in {:.1} s",
        reports.len(),
        reports.iter().map(|r| r.text.len()).sum::<usize>() >> 20,
        t.elapsed().as_secs_f64()
    );
    reports
}

fn count(q: &Query, reports: &[Report]) -> (usize, usize) {
    let found = q.search(reports);
    (found.len(), found.iter().map(|f| f.hits.len()).sum())
}

fn search_at_scale(c: &mut Criterion) {
    let full = std::env::args().any(|a| a == "--bench");
    let n = size(full);
    let reports = load(n);
    // One generated place's name: a phrase few reports hold.
    let place = reports[reports.len() / 2]
        .meta
        .place
        .clone()
        .expect("a generated report names its place");
    let queries = [
        (
            "phrase 行政复议".to_owned(),
            Query::phrase("行政复议").unwrap(),
        ),
        (
            "phrase 行政複議 (Traditional)".to_owned(),
            Query::phrase("行政複議").unwrap(),
        ),
        (
            format!("phrase {place} (one place)"),
            Query::phrase(&place).unwrap(),
        ),
        (
            r"regex 复议.{0,12}\d+件".to_owned(),
            Query::pattern(r"复议.{0,12}\d+件").unwrap(),
        ),
    ];
    for (name, q) in &queries {
        let (reports_hit, hits) = count(q, &reports);
        println!("{name}: {hits} hits in {reports_hit} reports");
        assert!(hits > 0, "{name}");
    }
    let mut group = c.benchmark_group(format!("search {n} reports"));
    group.sample_size(10);
    for (name, q) in &queries {
        group.bench_function(name.as_str(), |b| b.iter(|| q.search(&reports)));
    }
    group.finish();
}

criterion_group!(benches, search_at_scale);
criterion_main!(benches);

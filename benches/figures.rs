//! Figure extraction throughput, Traditional→Simplified keys included.
//!
//! `cargo bench --bench figures`. Target (issue 3): at least 50 MB/s per
//! core on a 10 MB corpus.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use lawgov_tui::figures::{self, Catalogue};
use lawgov_tui::text::{self, numeral, script};

mod common;

fn extract_all(texts: &[String], catalogue: &Catalogue) -> usize {
    texts
        .iter()
        .map(|t| {
            let lines = text::split_lines(t)
                .into_iter()
                .enumerate()
                .map(|(i, l)| (i + 1, l));
            figures::extract(lines, |_, _| 0, catalogue).len()
        })
        .sum()
}

fn extraction(c: &mut Criterion) {
    let texts = common::corpus_texts();
    let catalogue = Catalogue::builtin();
    // Build the Traditional→Simplified table outside the timing.
    black_box(script::fold("張"));
    let mut g = c.benchmark_group("figures");
    g.throughput(Throughput::Bytes(
        texts.iter().map(|t| t.len() as u64).sum(),
    ));
    g.sample_size(10);
    g.bench_function("extract, 10 MB corpus (both scripts)", |b| {
        b.iter(|| extract_all(black_box(&texts), catalogue))
    });
    g.finish();
    let words: Vec<String> = [
        "一万三千五百十三",
        "百分之三十六点九",
        "12.3万",
        "二〇二四",
        "壹佰贰拾叁",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    c.bench_function("numeral::parse, five forms", |b| {
        b.iter(|| {
            words
                .iter()
                .filter_map(|w| numeral::parse(black_box(w)))
                .count()
        })
    });
}

criterion_group!(benches, extraction);
criterion_main!(benches);

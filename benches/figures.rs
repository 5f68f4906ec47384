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

/// One sentence of `bytes` bytes with no 。 in it: clauses joined by
/// commas, each with figures, as a page with its full stops (and
/// semicolons, which end a sentence too) lost reads.
fn long_sentence(bytes: usize) -> String {
    const CLAUSES: [&str; 6] = [
        "全年市政府共收到行政复议案件{}件",
        "审结{}件",
        "其中通过协调、调解方式撤回{}件",
        "实质化解率达{}.5%",
        "组织{}名行政执法人员开展培训",
        "对{}件规范性文件和65件政策文件进行合法性审查",
    ];
    let mut out = String::with_capacity(bytes + 64);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&CLAUSES[i % CLAUSES.len()].replace("{}", &(i % 997 + 3).to_string()));
        out.push('，');
        i += 1;
    }
    out
}

fn one_long_sentence(c: &mut Criterion) {
    let catalogue = Catalogue::builtin();
    black_box(script::fold("張"));
    let mut g = c.benchmark_group("figures, one sentence without 。");
    g.sample_size(10);
    // LONG_SENTENCE_KB=128,512 measures sizes the quadratic reading of
    // old could finish.
    let sizes: Vec<usize> = std::env::var("LONG_SENTENCE_KB")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1024, 31 * 1024]);
    for kb in sizes {
        let text = long_sentence(kb * 1024);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("{kb} KB"), |b| {
            b.iter(|| figures::extract([(1, text.as_str())].into_iter(), |_, _| 0, catalogue).len())
        });
    }
    g.finish();
}

criterion_group!(benches, extraction, one_long_sentence);
criterion_main!(benches);

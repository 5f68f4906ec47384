//! Load + outline throughput, and time from start to first frame.
//!
//! `cargo bench --bench load`. Targets (issue 2): load + outline at least
//! 100 MB/s per core; first frame within 50 ms. "load + outline" is
//! decoding, chrome, metadata, outline and parts check (what `outline`
//! and `check` load); "full load" adds figure extraction (what the TUI
//! loads), whose own target the figures bench checks.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use lawgov_tui::report::Depth;
use lawgov_tui::text::script;
use lawgov_tui::tui::{ui, App};
use lawgov_tui::{Catalogues, Library, Report};

mod common;

use common::{bundled_texts, corpus};

fn load_all(files: &[(String, Vec<u8>)], depth: Depth) -> usize {
    files
        .iter()
        .map(|(name, bytes)| {
            Report::from_bytes_to(name, bytes, depth).map_or(0, |r| r.sections().len())
        })
        .sum()
}

fn load_outline(c: &mut Criterion) {
    let bundled = bundled_texts();
    let corpus = corpus();
    // Build the Traditional→Simplified table outside the timings.
    black_box(script::fold("張"));
    for (group, depth) in [
        ("load+outline", Depth::Outline),
        ("full load", Depth::full()),
    ] {
        let mut g = c.benchmark_group(group);
        g.throughput(Throughput::Bytes(
            bundled.iter().map(|(_, b)| b.len() as u64).sum(),
        ));
        g.bench_function("bundled reports", |b| {
            b.iter(|| load_all(black_box(&bundled), depth))
        });
        g.throughput(Throughput::Bytes(
            corpus.iter().map(|(_, b)| b.len() as u64).sum(),
        ));
        g.sample_size(10);
        g.bench_function("10 MB corpus (both scripts, UTF-8 and GB18030)", |b| {
            b.iter(|| load_all(black_box(&corpus), depth))
        });
        if matches!(depth, Depth::Outline) {
            // Each encoding's half alone: what decoding GB18030 costs.
            for (name, utf8) in [("UTF-8 half", true), ("GB18030 half", false)] {
                let half: Vec<(String, Vec<u8>)> = corpus
                    .iter()
                    .filter(|(_, b)| std::str::from_utf8(b).is_ok() == utf8)
                    .cloned()
                    .collect();
                g.throughput(Throughput::Bytes(
                    half.iter().map(|(_, b)| b.len() as u64).sum(),
                ));
                g.bench_function(format!("10 MB corpus, {name}"), |b| {
                    b.iter(|| load_all(black_box(&half), depth))
                });
            }
        }
        g.finish();
    }
}

/// What happens between start and the first frame: load the bundled
/// reports, build the app state, draw once (here into a test backend of
/// the same size as a 160x48 terminal).
fn first_frame(c: &mut Criterion) {
    c.bench_function("start to first frame (160x48)", |b| {
        b.iter(|| {
            let app = App::new(Library::bundled(), Catalogues::builtin().clone(), 160, 48);
            let mut t = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
            t.draw(|f| ui::draw(&app, ui::theme::Theme { color: true }, f))
                .expect("draw");
            black_box(t.backend().buffer().area.width)
        })
    });
}

/// A report of 71,000 headings (31 MB): from its bytes to the first frame
/// drawn. No step may be quadratic in the number of sections (issue 17:
/// within 2 s).
fn many_headings(c: &mut Criterion) {
    let mut text = String::new();
    let mut n = 0;
    while text.len() < 31_000_000 {
        n += 1;
        text.push_str(&format!(
            "{}、第{n}部分的标题\n",
            ["一", "二", "三", "四", "五", "六", "七", "八", "九"][n % 9]
        ));
        for k in 1..=8 {
            text.push_str(&format!(
                "{k}.第{k}项工作\n本项工作依法推进，办理行政复议案件{n}件，纠错率为{k}.5%，持续深化法治政府建设，取得积极成效。这一段写得足够长，以免被当作网页框架。\n"
            ));
        }
    }
    let bytes = text.into_bytes();
    let mut g = c.benchmark_group("many headings");
    g.sample_size(10);
    g.bench_function(
        "31 MB, 71,000 headings: bytes to first frame (160x48)",
        |b| {
            b.iter(|| {
                let report = Report::from_bytes("big.txt", black_box(&bytes)).expect("loads");
                assert!(
                    report.headings().len() > 70_000,
                    "{}",
                    report.headings().len()
                );
                let lib = Library {
                    reports: vec![report],
                    skipped: Vec::new(),
                };
                let app = App::new(lib, Catalogues::builtin().clone(), 160, 48);
                let mut t = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
                t.draw(|f| ui::draw(&app, ui::theme::Theme { color: true }, f))
                    .expect("draw");
                black_box(t.backend().buffer().area.width)
            })
        },
    );
    g.finish();
}

criterion_group!(benches, load_outline, first_frame, many_headings);
criterion_main!(benches);

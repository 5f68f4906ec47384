//! Comparing two reports: alignment, text marks and figures face to face.
//!
//! `cargo bench --bench compare`. Targets (issue 4): any two bundled
//! reports within 10 ms on one core; two 60K-character reports within
//! 50 ms; no pair over 100 ms: `compare` works within a 60 ms budget and
//! cuts what is left (see `compare::BUDGET`); the 600K cases, ten times a
//! long report, check that bound, one of them as the user meets it: from
//! the key that opens the compare view to the view drawn.

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use lawgov_tui::compare::{compare, compare_within, topics};
use lawgov_tui::figures::Catalogue;
use lawgov_tui::report::TextEncoding;
use lawgov_tui::tui::action::Action;
use lawgov_tui::tui::{ui, App};
use lawgov_tui::{Catalogues, Library, Report};

mod common;

fn parse(name: &str, text: String) -> Report {
    Report::parse(name, text, TextEncoding::Utf8)
}

/// Reports joined until `chars` characters: a long report with many
/// sections.
fn joined(texts: &[&String], chars: usize) -> String {
    let mut out = String::new();
    while out.chars().count() < chars {
        for t in texts {
            out.push_str(t);
            out.push('\n');
        }
    }
    out
}

/// Next year's version: every fifth sentence reworded, every ninth cut.
fn edited(text: &str) -> String {
    let mut out = String::new();
    for (i, s) in text.split_inclusive('。').enumerate() {
        match (i % 5, i % 9) {
            (_, 0) => {}
            (0, _) => {
                out.push_str("本年度继续");
                out.push_str(s);
            }
            _ => out.push_str(s),
        }
    }
    out
}

fn benches(c: &mut Criterion) {
    let topics = topics::TopicCatalogue::builtin();
    let indicators = Catalogue::builtin();
    let texts: Vec<(String, String)> = common::bundled_texts()
        .into_iter()
        .map(|(n, b)| (n, String::from_utf8(b).expect("utf-8")))
        .collect();
    let reports: Vec<Report> = texts.iter().map(|(n, t)| parse(n, t.clone())).collect();
    black_box(compare(&reports[0], &reports[1], topics, indicators));

    let mut g = c.benchmark_group("compare");
    g.sample_size(20);
    for i in 0..reports.len() {
        for j in i + 1..reports.len() {
            let name = format!("bundled {} vs {}", texts[i].0, texts[j].0);
            g.bench_function(name, |b| {
                b.iter(|| compare(black_box(&reports[i]), &reports[j], topics, indicators))
            });
        }
    }

    let t: Vec<&String> = texts.iter().map(|(_, t)| t).collect();
    let far_a = parse("a.txt", joined(&[t[0], t[1], t[2]], 60_000));
    let far_b = parse("b.txt", joined(&[t[3], t[4]], 60_000));
    g.bench_function("60K chars, two cities", |b| {
        b.iter(|| compare(black_box(&far_a), &far_b, topics, indicators))
    });
    let close_text = joined(&t, 60_000);
    let close_a = parse("a.txt", close_text.clone());
    let close_b = parse("b.txt", edited(&close_text));
    g.bench_function("60K chars, one city two years", |b| {
        b.iter(|| compare(black_box(&close_a), &close_b, topics, indicators))
    });
    let big_text = joined(&t, 600_000);
    let big_a = parse("a.txt", big_text.clone());
    let big_b = parse("b.txt", edited(&big_text));
    g.sample_size(10);
    g.bench_function("600K chars, one city two years (the bound)", |b| {
        b.iter(|| compare(black_box(&big_a), &big_b, topics, indicators))
    });
    bench_tui(&mut g, "600K chars, one city two years", big_a, big_b);
    let one_a = parse("a.txt", big_text.replace('\n', ""));
    let one_b = parse("b.txt", edited(&big_text).replace('\n', ""));
    g.bench_function("600K chars in one section each (the bound)", |b| {
        b.iter(|| compare(black_box(&one_a), &one_b, topics, indicators))
    });
    bench_tui(&mut g, "600K chars in one section each", one_a, one_b);
    g.finish();
    bounds(c, topics, indicators);
    years(c, &close_text);
    generated_followups(c);
}

/// Policy words the generated plans are made of: enough of them that
/// each plan names its own pair, as real plans do.
const POLICY_WORDS: [&str; 40] = [
    "养老服务",
    "职业教育",
    "生态保护",
    "城市更新",
    "数字政府",
    "乡村振兴",
    "科技创新",
    "产业基础",
    "营商环境",
    "社会救助",
    "医疗保障",
    "住房保障",
    "食品安全",
    "安全生产",
    "应急管理",
    "市场监管",
    "水利设施",
    "能源保供",
    "交通网络",
    "文化旅游",
    "对外贸易",
    "外资企业",
    "民营企业",
    "小微企业",
    "粮食生产",
    "耕地保护",
    "森林防火",
    "污染防治",
    "碳排放权",
    "新型储能",
    "工业互联",
    "集成电路",
    "跨境电商",
    "政务服务",
    "法律援助",
    "社区治理",
    "信访工作",
    "公共卫生",
    "学前教育",
    "体育设施",
];
const PLAN_VERBS: [&str; 8] = [
    "实施", "推进", "加快", "制定", "扩大", "深化", "完善", "健全",
];

/// A year's report of `n` plans, five to a paragraph and ten paragraphs
/// to a section, and the next year's whose review reports every third of
/// them reworded and says as much again of other things: the shape that
/// made follow-up grow with the product of plans and passages.
fn generated_years(n: usize) -> (String, String) {
    let words = POLICY_WORDS.len();
    let plan = |i: usize| {
        let (x, y) = (
            POLICY_WORDS[i % words],
            POLICY_WORDS[(i / words + i * 7) % words],
        );
        format!("{}{x}和{y}第{i}号工程", PLAN_VERBS[i % PLAN_VERBS.len()])
    };
    let mut a = String::from("某某区2023年政府工作报告\n一、2022年工作回顾\n全年经济运行总体平稳。\n二、2023年工作安排\n");
    let mut b = String::from("某某区2024年政府工作报告\n一、2023年工作回顾\n");
    for i in 0..n {
        if i % 50 == 0 {
            a.push_str(&format!(
                "（{}）{}\n",
                i / 50 + 1,
                POLICY_WORDS[i / 50 % words]
            ));
        }
        a.push_str(&plan(i));
        a.push_str(if i % 5 == 4 { "。\n" } else { "，" });
        if i % 3 == 0 {
            b.push_str(&format!(
                "{}取得新进展，",
                plan(i).replacen("第", "首批第", 1)
            ));
            b.push_str(&format!(
                "{}和{}稳步推进。\n",
                POLICY_WORDS[(i * 3) % words],
                POLICY_WORDS[(i * 11) % words]
            ));
        }
    }
    b.push_str("二、2024年工作安排\n继续推进各项工作。\n");
    (a, b)
}

/// Follow-up of generated years of 5,000 and 20,000 plans: whole (it
/// grows with what the plans and the review share, each plan keeping a
/// few candidate passages), and within the TUI's budget, where the plans
/// left unchecked are counted.
fn generated_followups(c: &mut Criterion) {
    let mut g = c.benchmark_group("follow-up bounds");
    g.sample_size(10);
    for n in [5_000, 20_000] {
        let (a, b) = generated_years(n);
        let (a, b) = (parse("a-2023.txt", a), parse("b-2024.txt", b));
        g.bench_function(format!("{n} generated plans, whole"), |bench| {
            bench.iter(|| lawgov_tui::followup::followup(black_box(&a), &b))
        });
        let budget = lawgov_tui::compare::BUDGET;
        let cut = lawgov_tui::followup::followup_within(&a, &b, budget);
        println!(
            "{n} generated plans within {budget:?}: {} of {} promises left unchecked",
            cut.unchecked,
            cut.promises.len()
        );
        g.bench_function(
            format!("{n} generated plans, within the TUI's budget"),
            |bench| bench.iter(|| lawgov_tui::followup::followup_within(black_box(&a), &b, budget)),
        );
    }
    g.finish();
}

/// One government's two years of 60,000 characters each: the follow-up
/// of the first's plans in the second, and the years screen from the key
/// to the view drawn (target: within 100 ms each).
fn years(c: &mut Criterion, text: &str) {
    let a = parse("a-2023.txt", text.to_owned());
    let b = parse("b-2024.txt", edited(text).replace("2024年", "2025年"));
    let mut g = c.benchmark_group("years");
    g.sample_size(20);
    g.bench_function("follow-up, 60K chars, one city two years", |bench| {
        bench.iter(|| lawgov_tui::followup::followup(black_box(&a), &b))
    });
    let mut app = App::new(
        Library {
            reports: vec![a, b],
            skipped: Vec::new(),
        },
        Catalogues::builtin().clone(),
        200,
        50,
    );
    let mut term = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    let theme = ui::theme::Theme { color: true };
    g.bench_function(
        "years screen, two 60K-char years, key y to view drawn",
        |bench| {
            bench.iter(|| {
                app.update(Action::Years);
                term.draw(|f| ui::draw(&app, theme, f)).expect("draw");
                app.update(Action::Back);
            })
        },
    );
    g.bench_function(
        "follow-up screen, two 60K-char years, key f to view drawn",
        |bench| {
            app.update(Action::Years);
            bench.iter(|| {
                app.update(Action::Followup);
                term.draw(|f| ui::draw(&app, theme, f)).expect("draw");
                app.update(Action::Back);
            });
            app.update(Action::Back);
        },
    );
    g.finish();
}

/// A report of `bytes` bytes made of very short sections (a heading and a
/// few words each, 50 to a part): the shape that once made comparing
/// grow with the product of the two reports' sections.
fn short_sections(bytes: usize, seed: usize) -> String {
    const WORDS: [&str; 10] = [
        "行政复议",
        "行政执法",
        "依法行政",
        "政务服务",
        "矛盾纠纷",
        "人民调解",
        "法律顾问",
        "营商环境",
        "执法监督",
        "法律援助",
    ];
    let mut out = String::from("某某市2024年法治政府建设情况报告\n");
    let mut i = seed;
    while out.len() < bytes {
        let word = WORDS[(i * 7 + i / 3) % WORDS.len()];
        match i % 50 {
            0 => out.push_str(&format!("{}.{word}\n", i / 50 % 99 + 1)),
            n => out.push_str(&format!("({n}){word}。\n")),
        }
        i += 1;
    }
    out
}

/// Peak resident memory of this process so far, in MB.
fn peak_mb() -> f64 {
    // SAFETY: getrusage fills the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    usage.ru_maxrss as f64 / 1024.0
}

/// The bounds on any input: two 200 KB reports of short sections, and a
/// 30 MB report against a 31 MB one, compared whole (`diff`) and within
/// the TUI's budget. Peak memory is printed after each: comparing adds
/// little to what the two loaded reports take.
fn bounds(c: &mut Criterion, topics: &topics::TopicCatalogue, indicators: &Catalogue) {
    let mut g = c.benchmark_group("compare bounds");
    g.sample_size(10);
    for (name, a_bytes, b_bytes) in [
        ("200 KB of short sections each", 200_000, 200_000),
        ("30 MB against 31 MB", 30_000_000, 31_000_000),
    ] {
        let a = parse("a.txt", short_sections(a_bytes, 1));
        let b = parse("b.txt", short_sections(b_bytes, 2));
        let loaded = peak_mb();
        g.bench_function(format!("{name}, whole"), |bench| {
            bench
                .iter(|| compare_within(black_box(&a), &b, topics, indicators, None, Duration::MAX))
        });
        g.bench_function(format!("{name}, within the budget"), |bench| {
            bench.iter(|| compare(black_box(&a), &b, topics, indicators))
        });
        println!(
            "{name}: peak memory {loaded:.0} MB with both loaded, {:.0} MB after comparing",
            peak_mb()
        );
    }
    g.finish();
}

/// The bound as the user meets it: from the key that opens the compare
/// view (A marked, B selected) to the view drawn at 200x50.
fn bench_tui(g: &mut BenchmarkGroup<WallTime>, name: &str, a: Report, b: Report) {
    let mut app = App::new(
        Library {
            reports: vec![a, b],
            skipped: Vec::new(),
        },
        Catalogues::builtin().clone(),
        200,
        50,
    );
    app.update(Action::Mark);
    app.update(Action::FocusPrev);
    app.update(Action::Down);
    let mut term = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    let theme = ui::theme::Theme { color: true };
    g.bench_function(format!("{name}, key d to view drawn (the bound)"), |b| {
        b.iter(|| {
            app.update(Action::Compare);
            assert_eq!(app.stack.len(), 2, "{:?}", app.session.message);
            term.draw(|f| ui::draw(&app, theme, f)).expect("draw");
            app.update(Action::Back);
        })
    });
}

criterion_group!(compare_benches, benches);
criterion_main!(compare_benches);

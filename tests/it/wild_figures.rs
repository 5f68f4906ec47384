//! Figures, indicators and table cells of the 32 wild openings
//! (`tests/shared/dev/wild`: real pages from 13 provinces, 2016-2025, both
//! scripts) against their hand gold (`gold.json` figures and
//! `indicator-map.json`), as the reference evaluator counts them:
//!
//! - a figure matches on line, value, unit (Traditional → Simplified) and
//!   qualifier, as a multiset;
//! - an indicator is right when the figure of the same line and span
//!   (raw, either script) has it in the gold, wrong otherwise, and missed
//!   when the gold names one that no figure of ours carries;
//! - a cell is right when it holds the gold's figure (line and raw),
//!   wrong when another, empty when none, and spurious when the gold has
//!   no figure for that indicator.
//!
//! `cargo test --test it -- --nocapture wild_figures` prints the counts and
//! every miss.

use std::collections::BTreeMap;

use lawgov_tui::corpus::cells;
use lawgov_tui::text::script::to_simplified;
use lawgov_tui::{Catalogues, Report};
use serde_json::Value;

use crate::common::shared_dir;

const FIGURES_BAR: f64 = 0.95;
const INDICATORS_BAR: f64 = 0.95;
const CELLS_BAR: f64 = 0.90;

fn json(name: &str) -> Value {
    let path = shared_dir().join("dev/wild").join(name);
    serde_json::from_str(&std::fs::read_to_string(path).expect("wild gold")).expect("json")
}

#[derive(Default, Debug)]
struct Counts {
    /// Figures: matched, ours only, gold only.
    figures: [usize; 3],
    /// Indicators: right, wrong, missed.
    indicators: [usize; 3],
    /// Cells: right, wrong, empty, spurious.
    cells: [usize; 4],
}

/// A figure's identity as the evaluator matches it.
type FigureKey = (u64, String, String, Option<String>);

fn value_key(v: f64) -> String {
    format!("{v:.6}")
}

fn gold_figures(gold: &Value) -> BTreeMap<FigureKey, usize> {
    let mut out = BTreeMap::new();
    for g in gold["figures"].as_array().expect("figures") {
        let key = (
            g["line"].as_u64().expect("line"),
            value_key(g["value"].as_f64().expect("value")),
            to_simplified(g["unit"].as_str().expect("unit")),
            g["qualifier"].as_str().map(str::to_owned),
        );
        *out.entry(key).or_insert(0) += 1;
    }
    out
}

fn our_figures(r: &Report) -> BTreeMap<FigureKey, usize> {
    let mut out = BTreeMap::new();
    for f in r.figures() {
        // The gold counts lines as the file has them, as every output does.
        let key = (
            r.file_position(f.line, f.col).0 as u64,
            value_key(f.value.to_f64()),
            to_simplified(f.unit),
            f.qualifier.map(|q| q.name().to_owned()),
        );
        *out.entry(key).or_insert(0) += 1;
    }
    out
}

fn count_figures(file: &str, gold: &Value, r: &Report, c: &mut Counts) {
    let (g, o) = (gold_figures(gold), our_figures(r));
    let keys: std::collections::BTreeSet<&FigureKey> = g.keys().chain(o.keys()).collect();
    for k in keys {
        let (a, b) = (
            g.get(k).copied().unwrap_or(0),
            o.get(k).copied().unwrap_or(0),
        );
        c.figures[0] += a.min(b);
        c.figures[1] += b.saturating_sub(a);
        c.figures[2] += a.saturating_sub(b);
        if a != b {
            println!("{file} figure {k:?}: gold {a}, ours {b}");
        }
    }
}

fn count_indicators(file: &str, map: &Value, r: &Report, c: &mut Counts) {
    let gold: BTreeMap<(u64, String), Option<String>> = map["figures"][file]
        .as_array()
        .expect("map figures")
        .iter()
        .map(|g| {
            let key = (
                g["line"].as_u64().unwrap(),
                to_simplified(g["raw"].as_str().unwrap()),
            );
            (key, g["indicator"].as_str().map(str::to_owned))
        })
        .collect();
    let mut mapped = std::collections::BTreeSet::new();
    for f in r.figures().iter().filter(|f| f.indicator.is_some()) {
        let key = (r.file_line(f.line) as u64, to_simplified(&f.raw));
        let want = gold.get(&key).cloned().flatten();
        if want.as_deref() == f.indicator.as_deref() {
            c.indicators[0] += 1;
        } else {
            c.indicators[1] += 1;
            println!(
                "{file} L{} {}: ours {:?}, gold {want:?}",
                key.0, f.raw, f.indicator
            );
        }
        mapped.insert(key);
    }
    for (key, want) in &gold {
        if want.is_some() && !mapped.contains(key) {
            c.indicators[2] += 1;
            println!("{file} L{} {}: missed, gold {want:?}", key.0, key.1);
        }
    }
}

fn count_cells(file: &str, map: &Value, r: &Report, c: &mut Counts) {
    let gold = map["cells"][file].as_object().expect("map cells");
    let ours: BTreeMap<String, usize> = cells::cells(r, &Catalogues::builtin().indicators, None)
        .into_iter()
        .map(|cell| (cell.indicator, cell.figure))
        .collect();
    for (id, g) in gold {
        let want = (
            g["line"].as_u64().unwrap() as usize,
            to_simplified(g["raw"].as_str().unwrap()),
        );
        match ours.get(id).map(|&i| &r.figures()[i]) {
            Some(f) if (r.file_line(f.line), to_simplified(&f.raw)) == want => c.cells[0] += 1,
            Some(f) => {
                c.cells[1] += 1;
                println!(
                    "{file} cell {id}: ours {} L{}, gold {} L{}",
                    f.raw,
                    r.file_line(f.line),
                    want.1,
                    want.0
                );
            }
            None => {
                c.cells[2] += 1;
                println!("{file} cell {id}: empty, gold {} L{}", want.1, want.0);
            }
        }
    }
    for (id, &i) in &ours {
        if !gold.contains_key(id) {
            c.cells[3] += 1;
            println!(
                "{file} cell {id}: ours {}, none in the gold",
                r.figures()[i].raw
            );
        }
    }
}

#[test]
fn wild_figures_indicators_and_cells_reach_their_bars() {
    let gold = json("gold.json");
    let map = json("indicator-map.json");
    let mut c = Counts::default();
    let files = gold.as_object().expect("gold object");
    assert_eq!(files.len(), 32, "the 32 wild openings");
    for (file, g) in files {
        let r = Report::open(&shared_dir().join("dev/wild").join(file)).expect("opening");
        count_figures(file, g, &r, &mut c);
        count_indicators(file, &map, &r, &mut c);
        count_cells(file, &map, &r, &mut c);
    }
    let ratio = |a: usize, b: usize| a as f64 / (a + b).max(1) as f64;
    let [matched, ours, golds] = c.figures;
    let (precision, recall) = (ratio(matched, ours), ratio(matched, golds));
    let [right, wrong, missed] = c.indicators;
    let indicators = ratio(right, wrong);
    let [cells_right, cells_wrong, empty, spurious] = c.cells;
    let cells = ratio(cells_right, cells_wrong + empty);
    println!(
        "wild openings: figures P {precision:.3} R {recall:.3}; indicators right {right} wrong {wrong} missed {missed} (P {indicators:.3}); cells right {cells_right} wrong {cells_wrong} empty {empty} spurious {spurious}"
    );
    assert!(precision >= FIGURES_BAR, "figures precision {precision:.3}");
    assert!(recall >= FIGURES_BAR, "figures recall {recall:.3}");
    assert!(
        indicators >= INDICATORS_BAR,
        "indicators precision {indicators:.3}"
    );
    assert!(wrong <= 1, "{wrong} figures mapped to the wrong indicator");
    assert!(cells >= CELLS_BAR, "cells right {cells:.3}");
    assert_eq!(
        spurious, 0,
        "cells filled where the report states no such figure"
    );
}

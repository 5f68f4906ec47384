//! Which indicator each figure is, and which figure fills each table cell,
//! against the hand gold `tests/shared/gold/indicator-map.json`: what a
//! researcher comparing cities reads in the corpus view and `table`.

use std::collections::BTreeMap;

use crate::common::{gold_names, report, shared_dir};
use lawgov_tui::corpus::cells;
use lawgov_tui::figures::Figure;
use lawgov_tui::Catalogues;
use serde_json::Value;

const PRECISION_BAR: f64 = 0.95;
const RECALL_BAR: f64 = 0.90;
const CELLS_BAR: f64 = 0.95;

fn map() -> Value {
    let path = shared_dir().join("gold/indicator-map.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("indicator map")).expect("json")
}

/// Pairs each gold entry with one of our figures at the same line and
/// column (entries that share a span pair with the figure of the same
/// indicator first). Returns, per gold entry, our figure's index.
fn pair(golds: &[Value], ours: &[Figure]) -> Vec<Option<usize>> {
    let mut used = vec![false; ours.len()];
    let mut out = vec![None; golds.len()];
    let at = |g: &Value| {
        (
            g["line"].as_u64().unwrap() as usize,
            g["col"].as_u64().unwrap() as usize,
        )
    };
    for pass in 0..2 {
        for (gi, g) in golds.iter().enumerate() {
            if out[gi].is_some() {
                continue;
            }
            let want = g["indicator"].as_str();
            let found = ours.iter().enumerate().position(|(oi, f)| {
                !used[oi]
                    && (f.line, f.col) == at(g)
                    && (pass == 1 || f.indicator.as_deref() == want)
            });
            if let Some(oi) = found {
                used[oi] = true;
                out[gi] = Some(oi);
            }
        }
    }
    out
}

#[test]
fn figures_map_to_indicators_by_meaning_and_cells_hold_the_headline() {
    let map = map();
    let catalogue = &Catalogues::builtin().indicators;
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let (mut cells_right, mut cells_total, mut cells_extra) = (0, 0, 0);
    for name in gold_names() {
        let r = report(&name);
        let golds = map["figures"][&name].as_array().unwrap();
        let pairs = pair(golds, r.figures());
        let mut paired = vec![false; r.figures().len()];
        for (g, p) in golds.iter().zip(&pairs) {
            let want = g["indicator"].as_str();
            let got = p.and_then(|oi| r.figures()[oi].indicator.as_deref());
            if let Some(oi) = p {
                paired[*oi] = true;
            }
            match (want, got) {
                (Some(w), Some(o)) if w == o => tp += 1,
                (w, o) => {
                    if o.is_some() {
                        fp += 1;
                    }
                    if w.is_some() {
                        fn_ += 1;
                    }
                    if w.is_some() || o.is_some() {
                        println!(
                            "{name} L{}:{} {}: gold {} ours {}",
                            g["line"],
                            g["col"],
                            g["raw"],
                            w.unwrap_or("-"),
                            o.unwrap_or("-")
                        );
                    }
                }
            }
        }
        for (oi, f) in r.figures().iter().enumerate() {
            if !paired[oi] && f.indicator.is_some() {
                fp += 1;
                println!(
                    "{name} L{}:{} {}: not in the gold, ours {:?}",
                    f.line, f.col, f.raw, f.indicator
                );
            }
        }
        let gold_cells = map["cells"][&name].as_object().unwrap();
        let ours: BTreeMap<String, usize> = cells::cells(&r, catalogue, None)
            .into_iter()
            .map(|c| (c.indicator, c.figure))
            .collect();
        for (id, g) in gold_cells {
            cells_total += 1;
            let want = (
                g["line"].as_u64().unwrap() as usize,
                g["col"].as_u64().unwrap() as usize,
            );
            match ours.get(id).map(|&fi| &r.figures()[fi]) {
                Some(f) if (f.line, f.col) == want => cells_right += 1,
                other => println!(
                    "{name} cell {id}: gold {} at L{}:{}, ours {:?}",
                    g["raw"],
                    want.0,
                    want.1,
                    other.map(|f| (&f.raw, f.line, f.col))
                ),
            }
        }
        for (id, &fi) in &ours {
            if !gold_cells.contains_key(id) {
                cells_extra += 1;
                let f = &r.figures()[fi];
                println!(
                    "{name} cell {id}: none in the gold, ours {} at L{}:{}",
                    f.raw, f.line, f.col
                );
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let cells = cells_right as f64 / cells_total.max(1) as f64;
    println!(
        "indicators: precision {precision:.3} recall {recall:.3} ({tp} right, {fp} wrong, {fn_} missed); cells {cells_right}/{cells_total} = {cells:.3}, {cells_extra} filled where the gold has none"
    );
    assert!(precision >= PRECISION_BAR, "precision {precision:.3}");
    assert!(recall >= RECALL_BAR, "recall {recall:.3}");
    assert!(cells >= CELLS_BAR, "cells {cells:.3}");
    assert_eq!(cells_extra, 0, "cells filled where the gold has none");
}

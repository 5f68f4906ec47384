//! Figures against the gold annotations: precision and recall per report,
//! non-figures left out, labels naming the same thing; and the numeral
//! parser against the oracle table.

use crate::common::{gold, gold_names, report, shared_dir};
use lawgov_tui::figures;
use lawgov_tui::figures::Figure;
use lawgov_tui::text::script;
use serde_json::Value;

const BAR: f64 = 0.95;
const LABEL_BAR: f64 = 0.90;

fn gold_key(g: &Value) -> (usize, f64, String, Option<String>) {
    (
        g["line"].as_u64().unwrap() as usize,
        g["value"].as_f64().unwrap(),
        script::fold(g["unit"].as_str().unwrap()),
        g["qualifier"].as_str().map(str::to_owned),
    )
}

fn our_key(f: &Figure) -> (usize, f64, String, Option<String>) {
    (
        f.line,
        f.value.to_f64(),
        f.unit.to_string(),
        f.qualifier.map(|q| q.name().to_owned()),
    )
}

fn same(
    a: &(usize, f64, String, Option<String>),
    b: &(usize, f64, String, Option<String>),
) -> bool {
    a.0 == b.0 && (a.1 - b.1).abs() <= 1e-9 * a.1.abs().max(1.0) && a.2 == b.2 && a.3 == b.3
}

/// Pairs each gold figure with one of ours (same line, value, unit,
/// qualifier), nearest column first. Returns (gold index, our index).
fn pair(golds: &[Value], ours: &[Figure]) -> Vec<(usize, usize)> {
    let mut used = vec![false; ours.len()];
    let mut pairs = Vec::new();
    for (gi, g) in golds.iter().enumerate() {
        let gk = gold_key(g);
        let col = g["col"].as_u64().unwrap() as usize;
        let best = ours
            .iter()
            .enumerate()
            .filter(|(oi, f)| !used[*oi] && same(&gk, &our_key(f)))
            .min_by_key(|(_, f)| f.col.abs_diff(col));
        if let Some((oi, _)) = best {
            used[oi] = true;
            pairs.push((gi, oi));
        }
    }
    pairs
}

/// Labels name the same thing when they share a run of characters (as
/// Simplified keys) at least three long, or the whole of a shorter label.
fn labels_agree(a: &str, b: &str) -> bool {
    let a: Vec<char> = script::key(a).chars().collect();
    let b: Vec<char> = script::key(b).chars().collect();
    let need = 3.min(a.len()).min(b.len()).max(1);
    (0..a.len()).any(|i| (i + need <= a.len()) && b.windows(need).any(|w| w == &a[i..i + need]))
}

#[test]
fn figures_reach_the_precision_and_recall_bar() {
    let mut failures = Vec::new();
    println!(
        "{:<20} {:>5} {:>5} {:>5} {:>9} {:>6} {:>6} {:>6}",
        "report", "gold", "ours", "match", "precision", "recall", "labels", "kinds"
    );
    for name in gold_names() {
        let r = report(&name);
        let g = gold(&name);
        let golds = g["figures"].as_array().unwrap();
        let pairs = pair(golds, r.figures());
        let precision = pairs.len() as f64 / r.figures().len().max(1) as f64;
        let recall = pairs.len() as f64 / golds.len().max(1) as f64;
        let agree = pairs
            .iter()
            .filter(|(gi, oi)| {
                labels_agree(
                    golds[*gi]["label"].as_str().unwrap(),
                    &r.figures()[*oi].label,
                )
            })
            .count();
        let label_rate = agree as f64 / pairs.len().max(1) as f64;
        let kinds = pairs
            .iter()
            .filter(|(gi, oi)| {
                let (g, f) = (&golds[*gi], &r.figures()[*oi]);
                g["kind"].as_str() == Some(f.kind.name())
                    && g["sign"].as_str() == f.sign.map(|s| s.symbol())
            })
            .count();
        let kind_rate = kinds as f64 / pairs.len().max(1) as f64;
        println!(
            "{name:<20} {:>5} {:>5} {:>5} {precision:>9.3} {recall:>6.3} {label_rate:>6.3} {kind_rate:>6.3}",
            golds.len(),
            r.figures().len(),
            pairs.len()
        );
        let matched_gold: Vec<usize> = pairs.iter().map(|p| p.0).collect();
        let matched_ours: Vec<usize> = pairs.iter().map(|p| p.1).collect();
        for (_, gf) in golds
            .iter()
            .enumerate()
            .filter(|(i, _)| !matched_gold.contains(i))
        {
            println!(
                "  missed  line {} col {} {} ({} {})",
                gf["line"], gf["col"], gf["raw"], gf["value"], gf["unit"]
            );
        }
        for (_, f) in r
            .figures()
            .iter()
            .enumerate()
            .filter(|(i, _)| !matched_ours.contains(i))
        {
            println!(
                "  extra   line {} col {} {} ({} {} {:?})",
                f.line, f.col, f.raw, f.value, f.unit, f.qualifier
            );
        }
        for (gi, oi) in &pairs {
            let (gl, ol) = (
                golds[*gi]["label"].as_str().unwrap(),
                &r.figures()[*oi].label,
            );
            if !labels_agree(gl, ol) {
                println!(
                    "  label   line {} {}: gold {gl} / ours {ol}",
                    r.figures()[*oi].line,
                    r.figures()[*oi].raw
                );
            }
        }
        for (gi, oi) in &pairs {
            let (g, f) = (&golds[*gi], &r.figures()[*oi]);
            if g["kind"].as_str() != Some(f.kind.name())
                || g["sign"].as_str() != f.sign.map(|s| s.symbol())
            {
                println!(
                    "  kind    line {} {}: gold {} {} / ours {} {:?}",
                    f.line,
                    f.raw,
                    g["kind"],
                    g["sign"],
                    f.kind.name(),
                    f.sign
                );
            }
        }
        if precision < BAR || recall < BAR || label_rate < LABEL_BAR || kind_rate < BAR {
            failures.push(name);
        }
    }
    assert!(failures.is_empty(), "under the bar: {failures:?}");
}

#[test]
fn gold_non_figures_are_left_out() {
    for name in gold_names() {
        let r = report(&name);
        for nf in gold(&name)["non_figures"].as_array().unwrap() {
            let line = nf["line"].as_u64().unwrap() as usize;
            let col = nf["col"].as_u64().unwrap() as usize;
            let len = nf["raw"].as_str().unwrap().chars().count();
            let hit = r
                .figures()
                .iter()
                .find(|f| f.line == line && f.col < col + len && col < f.col + f.len);
            assert!(
                hit.is_none(),
                "{name}: non-figure {} (line {line}) taken as {:?}",
                nf["raw"],
                hit.map(|f| &f.raw)
            );
        }
    }
}

#[test]
fn every_oracle_numeral_parses_to_its_value() {
    let table = std::fs::read_to_string(shared_dir().join("oracle/numerals.tsv")).unwrap();
    let mut rows = 0;
    for line in table.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let (text, want) = line.split_once('\t').unwrap();
        let (want, percent) = match want.strip_suffix('%') {
            Some(w) => (w, true),
            None => (want, false),
        };
        let (value, unit, _) =
            figures::quantity(text).unwrap_or_else(|| panic!("{text} does not parse"));
        assert_eq!(value.to_string(), want, "{text}");
        assert_eq!(unit == "%", percent, "{text}: percent");
        rows += 1;
    }
    assert!(rows >= 40, "{rows} rows");
}

#[test]
fn figures_point_at_their_text() {
    for name in gold_names() {
        let r = report(&name);
        for f in r.figures() {
            let line: Vec<char> = r.line(f.line).chars().collect();
            let at: String = line[f.col..f.col + f.len].iter().collect();
            assert_eq!(at, f.raw, "{name} line {}", f.line);
            assert!(r.sections().get(f.section).is_some());
        }
    }
}

//! Labels are whole words: a figure's label starts and ends where an
//! independent segmenter (jieba, over the line's Simplified key) puts a
//! word boundary, on the bundled reports and the national government's
//! work reports. A label is found in its line nearest its figure; labels
//! composed from a list ("规范性文件备案率" of "规范性文件审查率、备案率")
//! are not spans of the text and are left out.

use std::collections::HashSet;

use crate::common::shared_dir;
use lawgov_tui::text::script;
use lawgov_tui::Report;

const BAR: f64 = 0.97;

/// Where the label stands in the line: the occurrence nearest the figure.
fn span(line: &[char], label: &[char], col: usize) -> Option<usize> {
    if label.is_empty() || label.len() > line.len() {
        return None;
    }
    (0..=line.len() - label.len())
        .filter(|&i| line[i..i + label.len()] == *label)
        .min_by_key(|&i| i.abs_diff(col))
}

#[test]
fn labels_start_and_end_on_word_boundaries() {
    let jieba = jieba_rs::Jieba::new();
    let mut files: Vec<_> = ["reports", "national"]
        .iter()
        .flat_map(|d| std::fs::read_dir(shared_dir().join(d)).unwrap())
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let (mut good, mut total, mut composed) = (0, 0, 0);
    for path in files {
        let r = Report::open(&path).unwrap();
        for f in r.figures() {
            let key: Vec<char> = script::key(r.line(f.line)).chars().collect();
            let label: Vec<char> = script::key(&f.label).chars().collect();
            let Some(at) = span(&key, &label, f.col) else {
                composed += 1;
                continue;
            };
            let line: String = key.iter().collect();
            let mut bounds = HashSet::from([0, key.len()]);
            for t in jieba.cut(&line, true) {
                bounds.insert(t.start);
                bounds.insert(t.end);
            }
            for (edge, pos) in [("start", at), ("end", at + label.len())] {
                total += 1;
                if bounds.contains(&pos) {
                    good += 1;
                } else {
                    let lo = pos.saturating_sub(6);
                    let hi = (pos + 6).min(key.len());
                    println!(
                        "{} L{} {}: label {} {edge} splits a word: {}|{}",
                        path.file_name().unwrap().to_string_lossy(),
                        f.line,
                        f.raw,
                        f.label,
                        key[lo..pos].iter().collect::<String>(),
                        key[pos..hi].iter().collect::<String>()
                    );
                }
            }
        }
    }
    let rate = good as f64 / total.max(1) as f64;
    println!("label boundaries on word boundaries: {good}/{total} = {rate:.3} ({composed} composed labels left out)");
    assert!(rate >= BAR, "{rate:.3}");
}

//! The genre's stock phrases: what nearly every 法治政府建设年度报告 writes
//! (the formulae it opens with, the words of its trade), so that two
//! reports sharing one says nothing about them in particular. Comparing
//! never marks them as shared, and reuse never counts them as a passage.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use rustc_hash::FxHashSet as HashSet;

use crate::text::chars::is_han;
use crate::text::script;

/// The genre's stock phrases: what nearly every report says, so that two
/// reports sharing it says nothing. The list in `assets/stock-phrases.txt`
/// and, where many reports are loaded, the four-character runs most of
/// them use.
#[derive(Debug, Clone)]
pub struct Stock {
    phrases: AhoCorasick,
}

/// Loaded reports enough to say what the genre's reports commonly write.
const STOCK_MIN_REPORTS: usize = 6;

impl Stock {
    /// The list kept in `assets/`.
    pub fn builtin() -> &'static Stock {
        static STOCK: OnceLock<Stock> = OnceLock::new();
        STOCK.get_or_init(|| Stock::new(builtin_phrases().map(str::to_owned).collect()))
    }

    /// The list in `assets/`, and every four-character run that at least
    /// half of `texts` use (when there are enough of them to tell).
    pub fn of<'a>(texts: impl Iterator<Item = &'a str>) -> Stock {
        let texts: Vec<&str> = texts.collect();
        let mut phrases: Vec<String> = builtin_phrases().map(str::to_owned).collect();
        if texts.len() >= STOCK_MIN_REPORTS {
            let mut df: rustc_hash::FxHashMap<[char; 4], usize> = Default::default();
            for t in &texts {
                let keys: Vec<char> = script::key(t).chars().collect();
                let mut seen: HashSet<[char; 4]> = HashSet::default();
                for w in keys.windows(4) {
                    if w.iter().all(|&c| is_han(c)) {
                        seen.insert([w[0], w[1], w[2], w[3]]);
                    }
                }
                for g in seen {
                    *df.entry(g).or_default() += 1;
                }
            }
            let half = texts.len().div_ceil(2);
            phrases.extend(
                df.into_iter()
                    .filter(|&(_, n)| n >= half)
                    .map(|(g, _)| g.iter().collect::<String>()),
            );
        }
        Stock::new(phrases)
    }

    /// For each char of `key` (a Simplified key, as [`script::key`]
    /// gives it), whether a stock phrase covers it.
    pub fn covered(&self, key: &str) -> Vec<bool> {
        let mut char_at = vec![0usize; key.len() + 1];
        for (n, (i, c)) in key.char_indices().enumerate() {
            char_at[i..i + c.len_utf8()].fill(n);
            char_at[i + c.len_utf8()] = n + 1;
        }
        let mut out = vec![false; char_at[key.len()]];
        for hit in self.phrases.find_overlapping_iter(key) {
            out[char_at[hit.start()]..char_at[hit.end()]].fill(true);
        }
        out
    }

    fn new(phrases: Vec<String>) -> Stock {
        Stock {
            phrases: AhoCorasick::new(phrases).expect("stock phrases"),
        }
    }
}

fn builtin_phrases() -> impl Iterator<Item = &'static str> {
    include_str!("../../assets/stock-phrases.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Reports read for the stock phrases of many: a sample spread over them,
/// each to [`SAMPLE_CHARS`], so that reading it stays quick however many
/// reports there are.
pub const SAMPLE: usize = 30;
pub(crate) const SAMPLE_CHARS: usize = 10_000;

/// The indices of `len` reports that [`Stock::of`] reads: every n-th, at
/// most [`SAMPLE`] of them.
pub fn sample(len: usize) -> impl Iterator<Item = usize> {
    (0..len).step_by(len.div_ceil(SAMPLE).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_most_loaded_reports_write_is_stock() {
        let texts: Vec<String> = (0..6)
            .map(|i| {
                let rare = if i < 2 { "河长制湖长制" } else { "" };
                format!("全年推进智慧矫正平台建设{rare}工作{i}。")
            })
            .collect();
        let stock = Stock::of(texts.iter().map(String::as_str));
        let found = |t: &str| stock.covered(t).contains(&true);
        assert!(found("智慧矫正"), "five of six write it");
        assert!(!found("河长制湖"), "two of six");
        assert!(found("习近平法治思想"), "the built-in list stays");
        let few = Stock::of(texts[..3].iter().map(String::as_str));
        assert!(
            !few.covered("智慧矫正").contains(&true),
            "three reports tell nothing"
        );
    }

    #[test]
    fn covered_counts_chars_not_bytes() {
        let c = Stock::builtin().covered("全年坚持习近平法治思想,a");
        let want: Vec<bool> = "全年坚持习近平法治思想,a"
            .chars()
            .enumerate()
            .map(|(i, _)| (4..11).contains(&i))
            .collect();
        assert_eq!(c, want);
    }

    #[test]
    fn a_sample_is_spread_and_bounded() {
        assert_eq!(sample(3).collect::<Vec<_>>(), [0, 1, 2]);
        let big: Vec<usize> = sample(10_000).collect();
        assert!(
            big.len() <= SAMPLE && big.len() >= SAMPLE - 1,
            "{}",
            big.len()
        );
        assert!(*big.last().unwrap() > 9_000);
        assert_eq!(sample(0).count(), 0);
    }
}

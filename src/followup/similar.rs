//! How much of one sentence another repeats: Han-character bigrams of
//! their Simplified keys, so that the scripts compare equal.

use rustc_hash::FxHashMap as HashMap;

use crate::text::grams;

/// A text's bigrams, each once, sorted.
fn gram_set(t: &str) -> Vec<u64> {
    let mut g = Vec::new();
    grams::for_grams(t, |key| g.push(key));
    g.sort_unstable();
    g.dedup();
    g
}

/// For each of `later`, the one of `earlier` that covers most of it and
/// the share it covers: the share of its bigrams (each counted once) the
/// earlier text has too, whatever else that one says. Found through an
/// index of the earlier texts' bigrams: the work grows with the bigrams
/// they share, not with the product of their numbers.
pub(crate) fn best_covers(later: &[&str], earlier: &[&str]) -> Vec<Option<(usize, f32)>> {
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::default();
    for (i, t) in earlier.iter().enumerate() {
        for g in gram_set(t) {
            postings.entry(g).or_default().push(i as u32);
        }
    }
    let mut shared = vec![0u32; earlier.len()];
    let mut touched = Vec::new();
    later
        .iter()
        .map(|t| {
            let grams = gram_set(t);
            for g in &grams {
                for &i in postings.get(g).map_or(&[][..], Vec::as_slice) {
                    if shared[i as usize] == 0 {
                        touched.push(i as usize);
                    }
                    shared[i as usize] += 1;
                }
            }
            // The most shared, the first of equals: as a scan in order.
            let best = touched
                .iter()
                .map(|&i| (shared[i], i))
                .max_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
            for i in touched.drain(..) {
                shared[i] = 0;
            }
            best.filter(|_| !grams.is_empty())
                .map(|(n, i)| (i, n as f32 / grams.len() as f32))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn either_script_counts_the_same() {
        let best = best_covers(
            &["持續深化行政復議體制改革", "新建公园三座", ""],
            &["推进法治政府建设", "深化行政复议体制改革"],
        );
        // 深化 化行 行政 政复 复议 议体 体制 制改 改革 of 持续 续深 and those.
        let (i, share) = best[0].expect("a cover");
        assert_eq!(i, 1);
        assert!((share - 9.0 / 11.0).abs() < 1e-6, "{share}");
        assert_eq!(best[1], None);
        assert_eq!(best[2], None);
    }
}

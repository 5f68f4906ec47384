//! How much of one sentence another repeats: Han-character bigrams of
//! their Simplified keys, so that the scripts compare equal.

use crate::text::grams;

/// The share of `a`'s bigrams (each counted once) that `b` has too: how
/// much of a sentence another repeats, whatever else that one says.
pub fn covered(a: &str, b: &str) -> f32 {
    let grams = |t: &str| -> Vec<u64> {
        let mut g = Vec::new();
        grams::for_grams(t, |key| g.push(key));
        g.sort_unstable();
        g.dedup();
        g
    };
    let (ga, gb) = (grams(a), grams(b));
    if ga.is_empty() {
        return 0.0;
    }
    let shared = ga.iter().filter(|g| gb.binary_search(g).is_ok()).count();
    shared as f32 / ga.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn either_script_counts_the_same() {
        assert!(covered("持續深化行政復議體制改革", "深化行政复议体制改革") > 0.8);
        assert_eq!(covered("", "深化"), 0.0);
    }
}

//! How alike two passages are: Han-character bigrams of their Simplified
//! keys (so the scripts compare equal), weighted by tf-idf over all the
//! passages read, so that the words every report uses (法治, 推进, 工作)
//! count for little and the words of one plan count for much.

use crate::text::grams::{self, Counts, GramIds};

pub use crate::text::grams::{cosine, Vector};

/// The vectors of several lists of passages, weighed together.
pub fn vectors(lists: &[&[&str]]) -> Vec<Vec<Vector>> {
    let mut ids = GramIds::default();
    let counts: Vec<Vec<Counts>> = lists
        .iter()
        .map(|list| list.iter().map(|t| ids.counts(t)).collect())
        .collect();
    grams::tf_idf(counts, ids.len())
}

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
    fn either_script_and_common_words_count_little() {
        let plans = ["持續深化行政復議體制改革", "推进法治政府建设"];
        let said = [
            "深化行政复议体制改革,全年收案120件",
            "推进法治政府建设取得新成效",
            "推进法治政府建设示范创建",
        ];
        let v = vectors(&[&plans, &said]);
        let (p, s) = (&v[0], &v[1]);
        assert!(cosine(&p[0], &s[0]) > 0.5, "{}", cosine(&p[0], &s[0]));
        assert!(cosine(&p[0], &s[1]) == 0.0);
        assert!((cosine(&p[1], &p[1]) - 1.0).abs() < 1e-5);
        assert!(covered("持續深化行政復議體制改革", "深化行政复议体制改革") > 0.8);
        assert_eq!(covered("", "深化"), 0.0);
    }
}

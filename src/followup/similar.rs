//! How alike two passages are: Han-character bigrams of their Simplified
//! keys (so the scripts compare equal), weighted by tf-idf over all the
//! passages read, so that the words every report uses (法治, 推进, 工作)
//! count for little and the words of one plan count for much.

use rustc_hash::FxHashMap as HashMap;

use crate::text::grams;

/// A passage's bigrams by id, sorted, with unit-length weights.
pub type Vector = Vec<(u32, f32)>;

/// The vectors of several lists of passages, weighed together.
pub fn vectors(lists: &[&[&str]]) -> Vec<Vec<Vector>> {
    let mut ids: HashMap<u64, u32> = HashMap::default();
    let counts: Vec<Vec<Vec<(u32, f32)>>> = lists
        .iter()
        .map(|list| list.iter().map(|t| counts(t, &mut ids)).collect())
        .collect();
    let mut df = vec![0u32; ids.len()];
    for v in counts.iter().flatten() {
        for &(g, _) in v {
            df[g as usize] += 1;
        }
    }
    let n = counts.iter().map(Vec::len).sum::<usize>() as f32;
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((n + 1.0) / (d as f32 + 1.0)).ln())
        .collect();
    counts
        .into_iter()
        .map(|list| {
            list.into_iter()
                .map(|mut v| {
                    for (g, w) in &mut v {
                        *w = (1.0 + w.ln()) * idf[*g as usize];
                    }
                    grams::normalise(&mut v, |(_, w)| w);
                    v
                })
                .collect()
        })
        .collect()
}

/// A text's bigram counts, by id, sorted by id.
fn counts(text: &str, ids: &mut HashMap<u64, u32>) -> Vec<(u32, f32)> {
    let mut grams: Vec<u32> = Vec::new();
    grams::for_grams(text, |key| {
        let next = ids.len() as u32;
        grams.push(*ids.entry(key).or_insert(next));
    });
    grams.sort_unstable();
    let mut out: Vec<(u32, f32)> = Vec::new();
    for g in grams {
        match out.last_mut() {
            Some((last, n)) if *last == g => *n += 1.0,
            _ => out.push((g, 1.0)),
        }
    }
    out
}

/// The cosine of two vectors (both of unit length).
pub fn cosine(a: &Vector, b: &Vector) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
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

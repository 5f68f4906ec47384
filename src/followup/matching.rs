//! Each promise against the review's passages: tf-idf vectors of
//! Han-character bigrams over Simplified keys (`text::grams`), in which
//! the genre's stock verbs and modifiers count for little, so that what
//! is particular to a commitment decides. The passages that share a
//! bigram with a promise are found through an inverted index, and only
//! the best few are kept: the work grows with what the texts share, not
//! with the product of their sizes, and stops at a deadline.

use std::time::Instant;

use super::umbrella;
use super::words::STOCK;
use crate::text::grams::{self, normalise, Counts, GramIds, Vector};
use crate::text::script;

/// A stock bigram's weight against one particular to the texts.
const STOCK_WEIGHT: f32 = 0.3;
/// Passages kept per promise, best first.
pub(crate) const KEPT: usize = 8;
/// A bigram in more passages than this is left out of the index (its
/// weight is small: no real review has one in a thousand of its
/// passages) and counted only for the passages kept, so that a plan's
/// cost is bounded however long the review.
const POSTINGS_CAP: usize = 1_024;

/// The best passages of each promise, and how far the work got.
#[derive(Debug, Clone, Default)]
pub(crate) struct Matches {
    /// Per promise read: (score, passage) best first.
    pub best: Vec<Vec<(f32, usize)>>,
    /// Promises left unread at the deadline (from the end).
    pub unread: usize,
}

/// Scores `promises` against `passages` until `deadline`.
pub fn matches(promises: &[&str], passages: &[&str], deadline: Instant) -> Matches {
    let unread = Matches {
        best: Vec::new(),
        unread: promises.len(),
    };
    let mut ids = GramIds::default();
    let stock = stock_ids(&mut ids);
    let (Some(pc), Some(uc)) = (
        counts(promises, &mut ids, deadline),
        counts(passages, &mut ids, deadline),
    ) else {
        return unread;
    };
    let n = ids.len();
    let mut weighed = grams::tf_idf(vec![pc, uc], n).into_iter();
    let (mut pv, mut uv) = (
        weighed.next().unwrap_or_default(),
        weighed.next().unwrap_or_default(),
    );
    let is_stock = {
        let mut v = vec![false; n];
        stock.iter().for_each(|&g| v[g as usize] = true);
        v
    };
    pv.iter_mut()
        .chain(uv.iter_mut())
        .for_each(|v| discount(v, &is_stock));
    let index = Index::new(&uv, n);
    let mut out = Matches::default();
    let mut acc = Accumulator::new(uv.len());
    for (i, v) in pv.iter().enumerate() {
        if i % 16 == 0 && Instant::now() >= deadline {
            out.unread = pv.len() - i;
            break;
        }
        out.best.push(index.best(v, &uv, &mut acc));
    }
    out
}

/// The bigram counts of each text's key, umbrella terms expanded; None
/// when the deadline passes first.
fn counts(texts: &[&str], ids: &mut GramIds, deadline: Instant) -> Option<Vec<Counts>> {
    let mut out = Vec::with_capacity(texts.len());
    for (i, t) in texts.iter().enumerate() {
        if i % 256 == 0 && Instant::now() >= deadline {
            return None;
        }
        out.push(ids.counts(&umbrella::expand(&script::key(t))));
    }
    Some(out)
}

/// The ids of the stock words' bigrams.
fn stock_ids(ids: &mut GramIds) -> Vec<u32> {
    STOCK.split_whitespace().flat_map(|w| ids.of(w)).collect()
}

/// Stock bigrams weigh `STOCK_WEIGHT` of what they did; the vector is
/// made of unit length again.
fn discount(v: &mut Vector, is_stock: &[bool]) {
    for (g, w) in v.iter_mut() {
        if is_stock[*g as usize] {
            *w *= STOCK_WEIGHT;
        }
    }
    normalise(v, |(_, w)| w);
}

/// For each bigram, the passages that have it and its weight there.
struct Index {
    postings: Vec<Vec<(u32, f32)>>,
}

impl Index {
    fn new(passages: &[Vector], n: usize) -> Index {
        let mut postings = vec![Vec::new(); n];
        for (j, v) in passages.iter().enumerate() {
            for &(g, w) in v {
                postings[g as usize].push((j as u32, w));
            }
        }
        for p in &mut postings {
            if p.len() > POSTINGS_CAP {
                p.clear();
                p.shrink_to_fit();
            }
        }
        Index { postings }
    }

    /// The [`KEPT`] passages most alike to `v`: summed through the index,
    /// then scored exactly (a capped bigram counts there too).
    fn best(&self, v: &Vector, passages: &[Vector], acc: &mut Accumulator) -> Vec<(f32, usize)> {
        for &(g, w) in v {
            for &(j, wb) in &self.postings[g as usize] {
                acc.add(j as usize, w * wb);
            }
        }
        let mut top = acc.take();
        if top.len() > KEPT {
            top.select_nth_unstable_by(KEPT - 1, |x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            top.truncate(KEPT);
        }
        for (score, j) in &mut top {
            *score = grams::cosine(v, &passages[*j]);
        }
        top.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        top
    }
}

/// Dense sums over passages, reset through the list of those touched.
struct Accumulator {
    sums: Vec<f32>,
    touched: Vec<usize>,
}

impl Accumulator {
    fn new(n: usize) -> Accumulator {
        Accumulator {
            sums: vec![0.0; n],
            touched: Vec::new(),
        }
    }

    fn add(&mut self, j: usize, x: f32) {
        if self.sums[j] == 0.0 {
            self.touched.push(j);
        }
        self.sums[j] += x;
    }

    fn take(&mut self) -> Vec<(f32, usize)> {
        let out = self
            .touched
            .iter()
            .map(|&j| (std::mem::take(&mut self.sums[j]), j))
            .collect();
        self.touched.clear();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_particular_decides_in_either_script() {
        let promises = ["推進國家實驗室建設", "深化国有企业混合所有制改革"];
        let passages = [
            "加强国家实验室建设",
            "深入实施国企改革三年行动",
            "稳步推进农业农村等领域改革",
        ];
        let far = Instant::now() + std::time::Duration::from_secs(60);
        let m = matches(&promises, &passages, far);
        assert_eq!(m.best[0][0].1, 0);
        assert!(m.best[0][0].0 > 0.5, "{:?}", m.best[0]);
        assert!(m.best[1].iter().all(|&(s, _)| s < 0.3), "{:?}", m.best[1]);
        let past = Instant::now();
        assert_eq!(matches(&promises, &passages, past).unread, 2);
    }
}

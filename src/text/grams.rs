//! Han-character bigrams, the unit in which comparing and following up
//! measure how alike two texts are: over Simplified keys, so that either
//! script compares equal, and never across a punctuation mark or a digit.

use rustc_hash::FxHashMap as HashMap;

use crate::text::chars::is_han;
use crate::text::script;

/// A text's bigrams by id, each with its (summed) count.
pub type Counts = Vec<(u32, f32)>;

/// Bigrams by id with tf-idf weights of unit length.
pub(crate) type Vector = Vec<(u32, f32)>;

/// Calls `f` with every bigram of Han characters, as one number.
pub(crate) fn for_grams(text: &str, mut f: impl FnMut(u64)) {
    let mut prev: Option<char> = None;
    for c in text.chars().map(script::fold_char) {
        if !is_han(c) {
            prev = None;
            continue;
        }
        if let Some(p) = prev {
            f(((p as u64) << 32) | c as u64);
        }
        prev = Some(c);
    }
}

/// Scales weights to unit length (a zero vector stays zero).
pub(crate) fn normalise<T>(items: &mut [T], weight: impl Fn(&mut T) -> &mut f32) {
    let norm = items
        .iter_mut()
        .map(|x| *weight(x) * *weight(x))
        .sum::<f32>()
        .sqrt();
    if norm > 0.0 {
        items.iter_mut().for_each(|x| *weight(x) /= norm);
    }
}

/// Bigrams numbered as they are first met, so that the texts read together
/// share one dense numbering.
#[derive(Debug, Default)]
pub(crate) struct GramIds(HashMap<u64, u32>);

impl GramIds {
    /// The ids of a text's bigrams, in text order.
    pub fn of(&mut self, text: &str) -> Vec<u32> {
        let mut out = Vec::with_capacity(text.len() / 3);
        for_grams(text, |key| {
            let next = self.0.len() as u32;
            out.push(*self.0.entry(key).or_insert(next));
        });
        out
    }

    /// A text's bigram counts, sorted by id.
    pub fn counts(&mut self, text: &str) -> Counts {
        let mut grams = self.of(text);
        grams.sort_unstable();
        let mut out: Counts = Vec::new();
        for g in grams {
            match out.last_mut() {
                Some((last, n)) if *last == g => *n += 1.0,
                _ => out.push((g, 1.0)),
            }
        }
        out
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }
}

/// tf-idf over every text of every list, weighed together, each vector
/// of unit length: a bigram every text has counts for nothing, one of a
/// single text for most. The term frequency is dampened (1 + ln f), and a
/// count below one (a title's or a subsection's share) counts as one.
pub(crate) fn tf_idf(lists: Vec<Vec<Counts>>, n_grams: usize) -> Vec<Vec<Vector>> {
    let mut df = vec![0u32; n_grams];
    for counts in lists.iter().flatten() {
        for &(g, _) in counts {
            df[g as usize] += 1;
        }
    }
    let n = lists.iter().map(Vec::len).sum::<usize>() as f32;
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((n + 1.0) / (d as f32 + 1.0)).ln())
        .collect();
    let vector = |mut v: Counts| {
        for (g, f) in v.iter_mut() {
            *f = (1.0 + f.ln().max(0.0)) * idf[*g as usize];
        }
        normalise(&mut v, |(_, w)| w);
        v
    };
    lists
        .into_iter()
        .map(|list| list.into_iter().map(vector).collect())
        .collect()
}

/// The cosine of two vectors sorted by id (both of unit length).
pub(crate) fn cosine(a: &Vector, b: &Vector) -> f32 {
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

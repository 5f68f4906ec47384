//! Han-character bigrams, the unit in which comparing and following up
//! measure how alike two texts are: over Simplified keys, so that either
//! script compares equal, and never across a punctuation mark or a digit.

use crate::text::chars::is_han;
use crate::text::script;

/// Calls `f` with every bigram of Han characters, as one number.
pub fn for_grams(text: &str, mut f: impl FnMut(u64)) {
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
pub fn normalise<T>(items: &mut [T], weight: impl Fn(&mut T) -> &mut f32) {
    let norm = items
        .iter_mut()
        .map(|x| *weight(x) * *weight(x))
        .sum::<f32>()
        .sqrt();
    if norm > 0.0 {
        items.iter_mut().for_each(|x| *weight(x) /= norm);
    }
}

//! Word lists looked up at a position: "which of these words starts (or
//! ends) here?", the question the scanner and the labeller ask at almost
//! every character near a figure. Indexed by first and last character so
//! that a position costs one hash lookup, not a pass over the list.

// Keys are chars: a fast non-cryptographic hash suits them.
use rustc_hash::FxHashMap as HashMap;

pub(crate) struct Words {
    words: Vec<Vec<char>>,
    /// Word indices by first char, longest word first.
    by_first: HashMap<char, Vec<usize>>,
    /// Word indices by last char, longest word first.
    by_last: HashMap<char, Vec<usize>>,
    /// Which chars of the Basic Multilingual Plane start or end a word, a
    /// bit each: most chars do neither, and are turned away without a
    /// hash lookup.
    firsts: Vec<u64>,
    lasts: Vec<u64>,
}

/// One bit per char of the Basic Multilingual Plane.
const BMP_WORDS: usize = 0x1_0000 / 64;

fn set(bits: &mut [u64], c: char) {
    if let Some(w) = bits.get_mut(c as usize / 64) {
        *w |= 1 << (c as usize % 64);
    }
}

/// Whether `c` may be in the set: chars beyond the plane always may.
fn may(bits: &[u64], c: char) -> bool {
    bits.get(c as usize / 64)
        .is_none_or(|w| w & (1 << (c as usize % 64)) != 0)
}

/// Whether two words of equal length are the same. Words are a few
/// chars long: comparing them in line beats a call to `memcmp`, which
/// slice equality makes at each place a word is tried.
#[inline]
fn same(a: &[char], b: &[char]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

impl Words {
    pub fn new<'a>(list: impl IntoIterator<Item = &'a str>) -> Words {
        let words: Vec<Vec<char>> = list.into_iter().map(|w| w.chars().collect()).collect();
        let mut by_first: HashMap<char, Vec<usize>> = HashMap::default();
        let mut by_last: HashMap<char, Vec<usize>> = HashMap::default();
        for (i, w) in words.iter().enumerate() {
            if let (Some(&f), Some(&l)) = (w.first(), w.last()) {
                by_first.entry(f).or_default().push(i);
                by_last.entry(l).or_default().push(i);
            }
        }
        for v in by_first.values_mut().chain(by_last.values_mut()) {
            v.sort_by_key(|&i| std::cmp::Reverse(words[i].len()));
        }
        let (mut firsts, mut lasts) = (vec![0; BMP_WORDS], vec![0; BMP_WORDS]);
        for &c in by_first.keys() {
            set(&mut firsts, c);
        }
        for &c in by_last.keys() {
            set(&mut lasts, c);
        }
        Words {
            words,
            by_first,
            by_last,
            firsts,
            lasts,
        }
    }

    /// The longest word that starts at `chars[at]`: (index in the list,
    /// length in chars).
    pub fn at(&self, chars: &[char], at: usize) -> Option<(usize, usize)> {
        let c = chars.get(at)?;
        if !may(&self.firsts, *c) {
            return None;
        }
        self.by_first.get(c)?.iter().find_map(|&i| {
            let w = &self.words[i];
            chars
                .get(at..at + w.len())
                .filter(|s| same(s, w))
                .map(|_| (i, w.len()))
        })
    }

    /// The longest word that ends just before `chars[at]`.
    pub fn before(&self, chars: &[char], at: usize) -> Option<(usize, usize)> {
        let c = chars.get(at.checked_sub(1)?)?;
        if !may(&self.lasts, *c) {
            return None;
        }
        self.by_last.get(c)?.iter().find_map(|&i| {
            let w = &self.words[i];
            let start = at.checked_sub(w.len())?;
            same(&chars[start..at], w).then_some((i, w.len()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_word_wins_both_ways() {
        let w = Words::new(["同比", "同比增长", "增长", "长"]);
        let c: Vec<char> = "同比增长5%".chars().collect();
        assert_eq!(w.at(&c, 0), Some((1, 4)));
        assert_eq!(w.before(&c, 4), Some((1, 4)));
        assert_eq!(w.at(&c, 4), None);
        assert_eq!(w.before(&c, 0), None);
        assert_eq!(w.before(&c, 2), Some((0, 2)));
    }
}

//! Word lists looked up at a position: "which of these words starts (or
//! ends) here?", the question the scanner and the labeller ask at almost
//! every character near a figure. Held as two tries of chars, one of the
//! words and one of them read backwards, so that a position costs a walk
//! of the chars that match, not a pass over the list.

use super::trie::Trie;

pub(crate) struct Words {
    forward: Trie,
    /// The words read from their last char back.
    backward: Trie,
}

impl Words {
    pub fn new<'a>(list: impl IntoIterator<Item = &'a str>) -> Words {
        let words: Vec<&str> = list.into_iter().collect();
        let reversed: Vec<String> = words.iter().map(|w| w.chars().rev().collect()).collect();
        Words {
            forward: Trie::new(words.iter().copied()),
            backward: Trie::new(reversed.iter().map(String::as_str)),
        }
    }

    /// The longest word that starts at `chars[at]`: (index in the list,
    /// length in chars).
    pub fn at(&self, chars: &[char], at: usize) -> Option<(usize, usize)> {
        self.forward.longest_at(chars, at)
    }

    /// The longest word that ends just before `chars[at]`.
    pub fn before(&self, chars: &[char], at: usize) -> Option<(usize, usize)> {
        self.backward
            .longest(chars.get(..at)?.iter().rev().copied())
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

    /// The longest word at a place by a pass over the whole list, the
    /// first of equal words winning, as the lists were read before.
    fn by_pass(list: &[Vec<char>], fits: impl Fn(&[char]) -> bool) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for (i, w) in list.iter().enumerate() {
            if !w.is_empty() && fits(w) && best.is_none_or(|b| w.len() > b.1) {
                best = Some((i, w.len()));
            }
        }
        best
    }

    #[test]
    fn a_place_finds_what_a_pass_over_the_list_finds() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shared/reports");
        let mut text = String::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            text += &std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
        }
        let chars: Vec<char> = text.chars().take(40_000).collect();
        // Words of one to five chars taken from the text itself, with
        // repeats and words inside words, and one empty.
        let mut list: Vec<Vec<char>> = vec![Vec::new()];
        for (n, at) in (0..chars.len() - 5).step_by(97).enumerate() {
            list.push(chars[at..at + 1 + n % 5].to_vec());
        }
        let strings: Vec<String> = list.iter().map(|w| w.iter().collect()).collect();
        let words = Words::new(strings.iter().map(String::as_str));
        let mut found = 0;
        for at in 0..=chars.len() {
            let starts = by_pass(&list, |w| chars[at..].starts_with(w));
            let ends = by_pass(&list, |w| chars[..at].ends_with(w));
            assert_eq!(words.at(&chars, at), starts, "at {at}");
            assert_eq!(words.before(&chars, at), ends, "before {at}");
            found += usize::from(starts.is_some());
        }
        assert!(found > 1000, "{found}");
    }
}

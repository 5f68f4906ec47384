//! The catalogue's words as a trie of chars, searched for the longest
//! word at each place, leftmost first.
//!
//! Written here rather than taken from `aho_corasick`: its DFA over the
//! UTF-8 bytes of a few thousand Chinese words runs to megabytes, so
//! each byte of a line's key cost a miss in the cache, three per char. A
//! sentence is already a list of chars, and a word starts at few of
//! them: a trie of chars, turned away at most places by one bit, reads it
//! several times faster and needs no string of the key.

// Keys are chars: a fast non-cryptographic hash suits them.
use rustc_hash::FxHashMap as HashMap;

#[derive(Debug, Clone)]
pub(crate) struct Trie {
    /// Which chars of the Basic Multilingual Plane start a word, a bit
    /// each, and how many bits are set in the words before each: the
    /// node a first char leads to is found by counting, without a hash.
    firsts: Vec<u64>,
    ranks: Vec<u32>,
    /// The node each first char leads to, in the order of its bit.
    first_nodes: Vec<u32>,
    /// The same for first chars beyond the plane.
    other_firsts: HashMap<char, u32>,
    nodes: Vec<Node>,
    /// Every node's edges, a node's in a run sorted by char.
    edges: Vec<(char, u32)>,
}

#[derive(Debug, Clone, Copy)]
struct Node {
    /// The node's edges: `edges[from..from + len]`.
    from: u32,
    len: u32,
    /// The word that ends here, if one does.
    word: Option<u32>,
}

/// One bit per char of the Basic Multilingual Plane.
const BMP_WORDS: usize = 0x1_0000 / 64;

impl Trie {
    /// The trie of `words`; a word's index is its place in the list, the
    /// first of equal words keeping it.
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Trie {
        // Built with a map per node, then laid flat for the search.
        let mut children: Vec<std::collections::BTreeMap<char, u32>> = Vec::new();
        let mut ends: Vec<Option<u32>> = Vec::new();
        let mut roots: std::collections::BTreeMap<char, u32> = Default::default();
        for (i, word) in words.into_iter().enumerate() {
            let mut chars = word.chars();
            let Some(first) = chars.next() else { continue };
            let mut node = *roots.entry(first).or_insert_with(|| {
                children.push(Default::default());
                ends.push(None);
                (children.len() - 1) as u32
            });
            for c in chars {
                let next = children.len() as u32;
                node = *children[node as usize].entry(c).or_insert(next);
                if node == next {
                    children.push(Default::default());
                    ends.push(None);
                }
            }
            ends[node as usize].get_or_insert(i as u32);
        }
        let mut edges = Vec::new();
        let nodes = children
            .iter()
            .zip(&ends)
            .map(|(c, &word)| {
                let from = edges.len() as u32;
                edges.extend(c.iter().map(|(&c, &n)| (c, n)));
                Node {
                    from,
                    len: c.len() as u32,
                    word,
                }
            })
            .collect();
        let mut firsts = vec![0u64; BMP_WORDS];
        let (mut first_nodes, mut other_firsts) = (Vec::new(), HashMap::default());
        // In order of char, so in the order of the bits.
        for (&c, &node) in &roots {
            match firsts.get_mut(c as usize / 64) {
                Some(w) => {
                    *w |= 1 << (c as usize % 64);
                    first_nodes.push(node);
                }
                None => {
                    other_firsts.insert(c, node);
                }
            }
        }
        let ranks = firsts
            .iter()
            .scan(0, |before, w| {
                let rank = *before;
                *before += w.count_ones();
                Some(rank)
            })
            .collect();
        Trie {
            firsts,
            ranks,
            first_nodes,
            other_firsts,
            nodes,
            edges,
        }
    }

    /// The node a word's first char `c` leads to, if a word starts so.
    #[inline(always)]
    fn root(&self, c: char) -> Option<u32> {
        let (at, bit) = (c as usize / 64, c as usize % 64);
        match self.firsts.get(at) {
            Some(&w) if w & (1 << bit) == 0 => None,
            Some(&w) => {
                let rank = self.ranks[at] + (w & ((1 << bit) - 1)).count_ones();
                Some(self.first_nodes[rank as usize])
            }
            None => self.other_firsts.get(&c).copied(),
        }
    }

    /// The longest word that `chars` open with: (its index, its length
    /// in chars).
    #[inline]
    pub fn longest(&self, mut chars: impl Iterator<Item = char>) -> Option<(usize, usize)> {
        let mut node = &self.nodes[self.root(chars.next()?)? as usize];
        let mut best = node.word.map(|w| (w as usize, 1));
        for (n, c) in chars.enumerate() {
            let edges = &self.edges[node.from as usize..(node.from + node.len) as usize];
            let Ok(e) = edges.binary_search_by_key(&c, |e| e.0) else {
                break;
            };
            node = &self.nodes[edges[e].1 as usize];
            if let Some(w) = node.word {
                best = Some((w as usize, n + 2));
            }
        }
        best
    }

    /// The longest word that starts at `chars[at]`.
    #[inline]
    pub fn longest_at(&self, chars: &[char], at: usize) -> Option<(usize, usize)> {
        self.longest(chars.get(at..)?.iter().copied())
    }

    /// The longest words in `chars`, leftmost first, none overlapping:
    /// (the char index where each ends, its length in chars, its index).
    pub fn words_in<'s, 'c>(
        &'s self,
        chars: &'c [char],
    ) -> impl Iterator<Item = (usize, usize, usize)> + use<'s, 'c> {
        let mut at = 0;
        std::iter::from_fn(move || {
            while at < chars.len() {
                match self.longest_at(chars, at) {
                    Some((word, len)) => {
                        at += len;
                        return Some((at, len, word));
                    }
                    None => at += 1,
                }
            }
            None
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(trie: &Trie, text: &str) -> Vec<(usize, usize, usize)> {
        let chars: Vec<char> = text.chars().collect();
        trie.words_in(&chars).collect()
    }

    #[test]
    fn the_longest_word_wins_and_the_search_goes_on_after_it() {
        let t = Trie::new(["行政", "行政复议", "复议案件", "案件", "件"]);
        assert_eq!(hits(&t, "受理行政复议案件"), [(6, 4, 1), (8, 2, 3)]);
        assert_eq!(hits(&t, "行政复"), [(2, 2, 0)]);
        assert_eq!(hits(&t, "无关"), []);
    }

    #[test]
    fn the_first_of_equal_words_keeps_its_index() {
        let t = Trie::new(["案件", "", "案件"]);
        assert_eq!(hits(&t, "案件"), [(2, 2, 0)]);
    }
}

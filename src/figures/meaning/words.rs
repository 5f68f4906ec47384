//! The catalogue's words around a figure: found once per sentence that
//! holds figures, then read zone by zone.

use std::ops::Range;

use super::super::found::{self, is_sentence_end};
use super::super::indicators::{Catalogue, Role, Said};

/// A catalogue word found in a sentence: its char range in the line's key
/// and what it says of which indicators.
pub(super) struct Word<'a> {
    pub at: Range<usize>,
    roles: &'a [Said],
    /// The word is followed by 率 (after a closing quote: “一网通办”率):
    /// a subject so written names its rate.
    names_rate: bool,
}

/// The catalogue's words of one line, in order of their start.
pub(super) struct Words<'a> {
    pub words: Vec<Word<'a>>,
}

impl<'a> Words<'a> {
    /// The words of the sentences that hold figures: the others are
    /// never read.
    pub fn read(catalogue: &'a Catalogue, key: &[char], found: &[found::Found]) -> Words<'a> {
        let mut words = Vec::new();
        let mut figures = found.iter().map(|f| f.start).peekable();
        let mut start = 0;
        for (j, &c) in key.iter().enumerate() {
            let end = j + 1 == key.len() || is_sentence_end(c);
            if !end {
                continue;
            }
            let sentence = start..j + 1;
            start = j + 1;
            let mut held = false;
            while figures.next_if(|&f| f < sentence.end).is_some() {
                held = true;
            }
            if !held {
                continue;
            }
            // Leftmost-longest hits come in order and never overlap.
            let first = words.len();
            words.extend(word_hits(catalogue, &key[sentence.clone()], sentence.start));
            for w in &mut words[first..] {
                w.names_rate = names_rate(key, w.at.end);
            }
        }
        Words { words }
    }

    /// The words wholly inside any of `ranges`.
    pub fn within(&self, ranges: &[Range<usize>], into: &mut Found) {
        for r in ranges.iter().filter(|r| !r.is_empty()) {
            let from = self.words.partition_point(|w| w.at.start < r.start);
            for w in self.words[from..].iter().take_while(|w| w.at.start < r.end) {
                if w.at.end <= r.end {
                    into.add(w);
                }
            }
        }
    }
}

/// The catalogue's words in `key`, their char ranges offset by `base`.
pub(super) fn word_hits<'a, 'k>(
    catalogue: &'a Catalogue,
    key: &'k [char],
    base: usize,
) -> impl Iterator<Item = Word<'a>> + use<'a, 'k> {
    catalogue
        .words_ending(key)
        .map(move |(end, len, roles)| Word {
            at: base + end - len..base + end,
            roles,
            names_rate: false,
        })
}

/// What the catalogue's words say in a zone: (indicator, role, length).
#[derive(Default)]
pub(super) struct Found {
    pub hits: Vec<Said>,
}

/// Whether 率 follows `end`, after at most one closing quote.
fn names_rate(key: &[char], end: usize) -> bool {
    let at = match key.get(end) {
        Some('”' | '"' | '’' | '」' | '』') => end + 1,
        _ => end,
    };
    key.get(at) == Some(&'率')
}

/// How far back, in chars, a short name may echo a longer one.
const ECHO_REACH: usize = 40;

impl Words<'_> {
    /// A figure's noun said again in short ("制定并公布年度重大行政决策事项
    /// 目录,20件决策事项依法完成备案"): where the sentence before wrote it
    /// inside a longer name, the words of that name that reach into it
    /// from before are the figure's own too.
    pub fn echo(&self, key: &[char], noun: &Range<usize>, before: &Range<usize>, into: &mut Found) {
        let n = noun.len();
        let han = key[noun.clone()]
            .iter()
            .all(|&c| crate::text::chars::is_han(c));
        if n < 3 || !han || before.len() <= n {
            return;
        }
        // A short name echoes a name said shortly before it.
        let from = (before.start + 1).max(before.end.saturating_sub(ECHO_REACH));
        // The first char is compared alone first: most places differ
        // there, and a slice comparison is a call to memcmp.
        let said = (from..=before.end - n).rev().find(|&j| {
            key[j] == key[noun.start]
                && key[j..j + n] == key[noun.clone()]
                && crate::text::chars::is_han(key[j - 1])
        });
        let Some(at) = said else { return };
        let from = self.words.partition_point(|w| w.at.end <= at);
        for w in self.words[from..].iter().take_while(|w| w.at.start < at) {
            into.add(w);
        }
    }
}

impl Found {
    pub fn add(&mut self, w: &Word) {
        self.hits.extend_from_slice(w.roles);
        if w.names_rate {
            let about = w.roles.iter().filter(|h| h.1 == Role::About);
            self.hits.extend(about.map(|h| (h.0, Role::NamedRate, h.2)));
        }
    }

    /// The longest word of `role` for indicator `i`, if any.
    pub fn longest(&self, i: usize, role: Role) -> Option<usize> {
        self.hits
            .iter()
            .filter(|h| h.0 == i && h.1 == role)
            .map(|h| h.2)
            .max()
    }
}

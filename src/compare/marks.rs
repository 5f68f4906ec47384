//! What two paired texts share, and what each alone says.
//!
//! The mode depends on how much they share, measured, not guessed: the
//! share of characters inside a run of [`CLOSE_GRAM`] characters that the
//! other text also has. Two years of one city share long runs (a third or
//! more of the text); two cities share a few stock phrases (a few percent
//! over the whole reports, though two short openings can share a third of
//! their text in one slogan). So the reports as a whole decide, and a pair
//! of sections on its own only when it is nearly the same text.
//! - close texts get a character diff (imara-diff's Histogram over
//!   Simplified keys): what is the same, what one side alone has;
//! - distant texts get no character diff, which would be noise, but their
//!   shared phrases (runs of [`PHRASE_GRAM`] or more characters) and key
//!   terms marked, and the key terms only one side uses.

use std::time::Instant;

use rustc_hash::FxHashSet as HashSet;

use crate::text::chars::is_han;

use imara_diff::{Algorithm, Diff, InternedInput};
use serde::Serialize;

use super::topics::TopicCatalogue;
use crate::text::script;
use crate::text::stock::Stock;

/// Runs this long that both texts contain say the texts are versions of
/// one another.
const CLOSE_GRAM: usize = 8;
/// At or above this share of characters in shared runs, two reports are
/// versions of one another: their pairs get a character diff.
pub const CLOSE_SHARE: f32 = 0.2;
/// A pair of sections of distant reports gets a character diff only at or
/// above this share: the same passage, reused.
pub const PAIR_CLOSE_SHARE: f32 = 0.6;
/// The shortest run of characters marked as a phrase both sides use.
const PHRASE_GRAM: usize = 4;
/// Above this many characters on either side the diff works on sentences
/// instead of characters, which bounds its time on any input.
pub(crate) const CHAR_DIFF_MAX: usize = 40_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// A character diff: close texts.
    Diff,
    /// Shared phrases and key terms: distant texts.
    Phrases,
    /// One section with nothing to compare it with.
    Alone,
    /// Paired, but the comparison ran out of time before marking it.
    Unmarked,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Diff => "diff",
            Mode::Phrases => "phrases",
            Mode::Alone => "alone",
            Mode::Unmarked => "unmarked",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    /// Diff mode: text both sides have.
    Same,
    /// Diff mode: text this side alone has. Phrases mode: a key term this
    /// side alone uses.
    Only,
    /// Phrases mode: a phrase or key term both sides use.
    Shared,
}

/// A marked run of a text, in chars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub len: usize,
    pub mark: Mark,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Marked {
    pub mode: Mode,
    /// The measured share (0-1) of characters in runs both texts have.
    pub share: f32,
    pub a: Vec<Span>,
    pub b: Vec<Span>,
}

impl Marked {
    pub fn alone() -> Marked {
        Marked::empty(Mode::Alone)
    }

    pub fn unmarked() -> Marked {
        Marked::empty(Mode::Unmarked)
    }

    fn empty(mode: Mode) -> Marked {
        Marked {
            mode,
            share: 0.0,
            a: Vec::new(),
            b: Vec::new(),
        }
    }
}

/// How the caller wants a pair compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// A character diff: the reports are close.
    Diff,
    /// A character diff only if the pair itself is nearly the same text.
    Measure,
    /// Phrases whatever the share: the caller is out of time.
    Phrases,
}

/// Compares two texts; `terms` gives the key terms (the topic keywords).
/// Unmarked when `deadline` passes before the marks are done.
pub fn mark(
    a: &str,
    b: &str,
    terms: &TopicCatalogue,
    stock: &Stock,
    want: Want,
    deadline: Instant,
) -> Marked {
    let ka: Vec<char> = script::key(a).chars().collect();
    let kb: Vec<char> = script::key(b).chars().collect();
    let share = share(&ka, &kb);
    let diff_it = match want {
        Want::Diff => true,
        Want::Measure => share >= PAIR_CLOSE_SHARE,
        Want::Phrases => false,
    };
    if diff_it {
        let (a, b) = diff(&ka, &kb);
        return Marked {
            mode: Mode::Diff,
            share,
            a,
            b,
        };
    }
    let Some((a, b)) = phrases(&ka, &kb, terms, stock, deadline) else {
        return Marked::unmarked();
    };
    // The share the header shows is the share of what is marked.
    let shared = |spans: &[Span]| -> usize {
        spans
            .iter()
            .filter(|s| s.mark == Mark::Shared)
            .map(|s| s.len)
            .sum()
    };
    let total = ka.len() + kb.len();
    Marked {
        mode: Mode::Phrases,
        share: match total {
            0 => 0.0,
            n => (shared(&a) + shared(&b)) as f32 / n as f32,
        },
        a,
        b,
    }
}

/// Letters, digits and Han characters (keys have ASCII digits already);
/// punctuation and space break runs. Ranges, not Unicode tables: this runs
/// for every character compared.
fn is_text(c: char) -> bool {
    c.is_ascii_alphanumeric() || is_han(c) || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// Hashes of every run of `n` text characters (no punctuation or space).
fn grams(k: &[char], n: usize) -> HashSet<u64> {
    let mut set = HashSet::with_capacity_and_hasher(k.len(), Default::default());
    set.extend(windows(k, n).map(|(_, h)| h));
    set
}

/// (start, hash) of every window of `n` text characters: a rolling
/// polynomial hash, so each window costs O(1) whatever `n`.
fn windows(k: &[char], n: usize) -> impl Iterator<Item = (usize, u64)> + '_ {
    const BASE: u64 = 0x100_0000_01b3;
    let top = (1..n).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let mut bad = 0usize;
    let mut hash = 0u64;
    k.iter().enumerate().filter_map(move |(i, &c)| {
        bad += usize::from(!is_text(c));
        hash = hash.wrapping_mul(BASE).wrapping_add(c as u64);
        if i + 1 < n {
            return None;
        }
        let start = i + 1 - n;
        let out = (bad == 0).then_some((start, hash));
        let first = k[start];
        bad -= usize::from(!is_text(first));
        hash = hash.wrapping_sub((first as u64).wrapping_mul(top));
        out
    })
}

/// Marks the characters of `k` inside a window of `n` that `other` has.
fn covered(k: &[char], n: usize, other: &HashSet<u64>) -> Vec<bool> {
    let mut cover = vec![false; k.len()];
    for (i, h) in windows(k, n) {
        if other.contains(&h) {
            cover[i..i + n].iter_mut().for_each(|c| *c = true);
        }
    }
    cover
}

/// Whole reports are measured on their first this many characters each:
/// as telling as the whole (versions of a report keep its order, two
/// cities share little anywhere), and it keeps the measure within the
/// comparison's time budget for reports of any length.
pub(crate) const SHARE_CHARS: usize = 100_000;

/// The share of both texts' characters that lie in runs of
/// [`CLOSE_GRAM`] characters the other text has too, over the first
/// [`SHARE_CHARS`] of each (as for a pair of sections).
pub(crate) fn text_share(a: &str, b: &str) -> f32 {
    let key = |t: &str| -> Vec<char> {
        script::key(crate::text::take_chars(t, SHARE_CHARS))
            .chars()
            .collect()
    };
    share(&key(a), &key(b))
}

fn share(ka: &[char], kb: &[char]) -> f32 {
    let ka = &ka[..ka.len().min(SHARE_CHARS)];
    let kb = &kb[..kb.len().min(SHARE_CHARS)];
    let total = ka.len() + kb.len();
    if total == 0 {
        return 0.0;
    }
    let ca = covered(ka, CLOSE_GRAM, &grams(kb, CLOSE_GRAM));
    let cb = covered(kb, CLOSE_GRAM, &grams(ka, CLOSE_GRAM));
    let n = ca.iter().chain(&cb).filter(|&&c| c).count();
    n as f32 / total as f32
}

/// A character diff; long texts are diffed sentence by sentence.
fn diff(ka: &[char], kb: &[char]) -> (Vec<Span>, Vec<Span>) {
    let (ta, tb) = if ka.len().max(kb.len()) > CHAR_DIFF_MAX {
        (sentences(ka), sentences(kb))
    } else {
        (chars(ka), chars(kb))
    };
    let mut input: InternedInput<&[char]> = InternedInput::default();
    input.update_before(ta.iter().map(|r| &ka[r.clone()]));
    input.update_after(tb.iter().map(|r| &kb[r.clone()]));
    let mut d = Diff::compute(Algorithm::Histogram, &input);
    d.postprocess_no_heuristic(&input);
    let (mut ma, mut mb) = (vec![Mark::Same; ka.len()], vec![Mark::Same; kb.len()]);
    for h in d.hunks() {
        for t in h.before {
            ma[ta[t as usize].clone()].fill(Mark::Only);
        }
        for t in h.after {
            mb[tb[t as usize].clone()].fill(Mark::Only);
        }
    }
    (
        runs(&ma.into_iter().map(Some).collect::<Vec<_>>()),
        runs(&mb.into_iter().map(Some).collect::<Vec<_>>()),
    )
}

type Tokens = Vec<std::ops::Range<usize>>;

fn chars(k: &[char]) -> Tokens {
    (0..k.len()).map(|i| i..i + 1).collect()
}

/// Sentences, each ending after its stop (。；！？ or a line end).
fn sentences(k: &[char]) -> Tokens {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in k.iter().enumerate() {
        if matches!(c, '。' | '；' | ';' | '！' | '!' | '？' | '?' | '\n') {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < k.len() {
        out.push(start..k.len());
    }
    out
}

/// Shared phrases and key terms, and the key terms one side alone uses;
/// None when `deadline` passes between its linear steps (a pair of very
/// long sections).
fn phrases(
    ka: &[char],
    kb: &[char],
    terms: &TopicCatalogue,
    stock: &Stock,
    deadline: Instant,
) -> Option<(Vec<Span>, Vec<Span>)> {
    let in_time = || (Instant::now() < deadline).then_some(());
    let shared = |k: &[char], other: &[char]| -> Option<Vec<Option<Mark>>> {
        let set = grams(other, PHRASE_GRAM);
        in_time()?;
        let marks = covered(k, PHRASE_GRAM, &set)
            .into_iter()
            .map(|c| c.then_some(Mark::Shared))
            .collect();
        in_time()?;
        Some(marks)
    };
    let mut ma = shared(ka, kb)?;
    let mut mb = shared(kb, ka)?;
    let (sa, sb): (String, String) = (ka.iter().collect(), kb.iter().collect());
    mark_terms(ka, &terms.terms_in(&sa), &sb, &mut ma);
    mark_terms(kb, &terms.terms_in(&sb), &sa, &mut mb);
    distinctive(ka, &sa, stock, &mut ma);
    distinctive(kb, &sb, stock, &mut mb);
    Some((runs(&ma), runs(&mb)))
}

/// Leaves shared only what is particular to the two texts: never a stock
/// phrase of the genre, a year or another number, and never a run left
/// shorter than a phrase.
fn distinctive(k: &[char], text: &str, stock: &Stock, marks: &mut [Option<Mark>]) {
    let plain = |m: &mut Option<Mark>| {
        if *m == Some(Mark::Shared) {
            *m = None;
        }
    };
    for (m, _) in marks
        .iter_mut()
        .zip(stock.covered(text))
        .filter(|(_, s)| *s)
    {
        plain(m);
    }
    for (i, &c) in k.iter().enumerate() {
        let dated = matches!(c, '年' | '月' | '日' | '号' | '%' | '.')
            && i > 0
            && k[i - 1].is_ascii_digit();
        if c.is_ascii_digit() || dated {
            plain(&mut marks[i]);
        }
    }
    let mut i = 0;
    while i < marks.len() {
        if marks[i] != Some(Mark::Shared) {
            i += 1;
            continue;
        }
        let end = (i..marks.len())
            .find(|&j| marks[j] != Some(Mark::Shared))
            .unwrap_or(marks.len());
        if end - i < PHRASE_GRAM {
            marks[i..end].iter_mut().for_each(plain);
        }
        i = end;
    }
}

/// A term is shared when the other text has it anywhere, even inside a
/// longer term (决策 in 重大行政决策); else this side alone uses it.
fn mark_terms(k: &[char], terms: &[(usize, usize)], other: &str, marks: &mut [Option<Mark>]) {
    for &(s, n) in terms {
        let term: String = k[s..s + n].iter().collect();
        let m = if other.contains(&term) {
            Mark::Shared
        } else {
            Mark::Only
        };
        marks[s..s + n].fill(Some(m));
    }
}

/// Runs of equal marks as spans; unmarked characters make no span.
fn runs(marks: &[Option<Mark>]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (i, m) in marks.iter().enumerate() {
        let Some(m) = *m else { continue };
        match out.last_mut() {
            Some(s) if s.mark == m && s.start + s.len == i => s.len += 1,
            _ => out.push(Span {
                start: i,
                len: 1,
                mark: m,
            }),
        }
    }
    out
}

/// One line of a marked text, ready to show: its text (with control
/// characters made visible) and the marked char ranges in it.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkedLine {
    pub text: String,
    pub marks: Vec<(std::ops::Range<usize>, Mark)>,
}

/// Splits a text (blocks joined by `\n`) and its spans into lines.
pub fn marked_lines(text: &str, spans: &[Span]) -> Vec<MarkedLine> {
    let mut out = Vec::new();
    let mut start = 0;
    // Spans come sorted and disjoint, so their ends rise too: the first
    // span still open only moves forward, which keeps this linear.
    let mut first = 0;
    for line in text.split('\n') {
        let n = line.chars().count();
        let end = start + n;
        first += spans[first..].partition_point(|s| s.start + s.len <= start);
        let marks = spans[first..]
            .iter()
            .take_while(|s| s.start < end)
            .map(|s| {
                (
                    s.start.max(start) - start..(s.start + s.len).min(end) - start,
                    s.mark,
                )
            })
            .collect();
        out.push(MarkedLine {
            text: crate::text::printable(line).into_owned(),
            marks,
        });
        start = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, len: usize, mark: Mark) -> Span {
        Span { start, len, mark }
    }

    #[test]
    fn marked_lines_split_spans_at_line_ends() {
        // "一二三\n四五\n\n六": a span from 二 to 四 crosses a line end; one
        // on the empty line's position marks nothing there.
        let spans = [
            span(1, 4, Mark::Same),
            span(5, 1, Mark::Only),
            span(8, 1, Mark::Shared),
        ];
        let lines = marked_lines("一二三\n四五\n\n六", &spans);
        let marks: Vec<_> = lines.iter().map(|l| l.marks.clone()).collect();
        assert_eq!(
            marks,
            vec![
                vec![(1..3, Mark::Same)],
                vec![(0..1, Mark::Same), (1..2, Mark::Only)],
                vec![],
                vec![(0..1, Mark::Shared)],
            ]
        );
    }
}

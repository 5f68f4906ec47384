//! Extraction, line by line: the scan finds the numbers and their units,
//! the labels are assigned, and the meaning (which indicator, whether
//! cumulative) is read against the catalogue.

use std::time::Instant;

use super::found::{is_clause_end, is_sentence_end};
use super::{label, meaning, scan, typography, Catalogue, Figure};
use crate::text::script;

/// Extracts the figures of the text lines of a report; `section_of` gives
/// the section of a (line, col) position.
pub fn extract<'a>(
    lines: impl Iterator<Item = (usize, &'a str)>,
    section_of: impl Fn(usize, usize) -> usize,
    catalogue: &Catalogue,
) -> Vec<Figure> {
    extract_until(lines, section_of, catalogue, None).0
}

/// [`extract`], stopping at `deadline`: the figures read by then, and the
/// line reading stopped in when it did.
pub fn extract_until<'a>(
    lines: impl Iterator<Item = (usize, &'a str)>,
    section_of: impl Fn(usize, usize) -> usize,
    catalogue: &Catalogue,
    deadline: Option<Instant>,
) -> (Vec<Figure>, Option<usize>) {
    let mut out = Vec::new();
    let mut scratch = Scratch::default();
    for (no, line) in lines {
        // Most lines are one piece: no list is built for them.
        let whole = [(0, line)];
        let cut;
        let line_pieces = match short(line) {
            true => &whole[..],
            false => {
                cut = pieces(line);
                &cut[..]
            }
        };
        for &(offset, piece) in line_pieces {
            // A piece is read in well under a millisecond.
            if deadline.is_some_and(|d| Instant::now() >= d) {
                return (out, Some(no));
            }
            let first = out.len();
            line_into(piece, &mut scratch, catalogue, &mut out);
            for f in &mut out[first..] {
                f.col += offset;
                f.line = no;
                f.section = section_of(no, f.col);
            }
        }
    }
    (out, None)
}

/// The longest sentence read as one, in chars. A report's longest runs
/// to about 450; a longer one is a page whose full stops were lost, and
/// reading it whole would cost its length for each of its clauses.
const SENTENCE_REACH: usize = 1000;

/// A line in the pieces its figures are read in, each with its offset in
/// chars: the whole line, unless a sentence runs past
/// [`SENTENCE_REACH`], which is cut at its last clause end before the
/// reach (or, with none, between two chars no number spans). Every piece
/// is read in time linear in its length, so the line is too, whatever its
/// punctuation.
fn pieces(line: &str) -> Vec<(usize, &str)> {
    if short(line) {
        return vec![(0, line)];
    }
    let mut out = Vec::new();
    // Positions are (chars, bytes) into the line: the piece's start, the
    // current sentence's start, and the end of its last clause so far.
    let mut piece = (0, 0);
    let mut sentence = piece;
    let mut clause_end = None;
    let mut at = piece;
    let mut rest = line.chars();
    while let Some(c) = rest.next() {
        at = (at.0 + 1, at.1 + c.len_utf8());
        let key = script::key_char(c);
        if is_sentence_end(key) {
            (sentence, clause_end) = (at, None);
        } else if is_clause_end(key) {
            clause_end = Some(at);
        }
        if at.0 - sentence.0 < SENTENCE_REACH || at.1 == line.len() {
            continue;
        }
        let cut = clause_end.unwrap_or_else(|| between_numbers(line, sentence, at));
        out.push((piece.0, &line[piece.1..cut.1]));
        (piece, sentence, clause_end, at) = (cut, cut, None, cut);
        rest = line[cut.1..].chars();
    }
    out.push((piece.0, &line[piece.1..]));
    out
}

/// Whether a line is too short to hold a sentence [`pieces`] would cut:
/// most lines are, and are not walked char by char. (Chars are never
/// more than bytes, and counting them is a fast pass over the bytes.)
fn short(line: &str) -> bool {
    line.len() <= SENTENCE_REACH || line.chars().count() <= SENTENCE_REACH
}

/// A place to cut before `at` (and after `from`) that no number spans:
/// between two chars neither of which could be a number's, or `at`
/// itself when the last few chars are all digits.
fn between_numbers(line: &str, from: (usize, usize), at: (usize, usize)) -> (usize, usize) {
    let numeric = |c: char| scan::could_start_number(c) || matches!(c, '.' | '．' | '点');
    let mut cut = at;
    let mut after = line[at.1..].chars().next();
    for c in line[from.1..at.1].chars().rev().take(64) {
        if !numeric(c) && after.is_none_or(|a| !numeric(a)) {
            return cut;
        }
        cut = (cut.0 - 1, cut.1 - c.len_utf8());
        after = Some(c);
    }
    at
}

#[cfg(test)]
pub fn line(text: &str) -> Vec<Figure> {
    let mut out = Vec::new();
    let catalogue = Catalogue::builtin();
    line_into(text, &mut Scratch::default(), catalogue, &mut out);
    out
}

/// Buffers one line's scan needs, kept from line to line so that a report
/// costs a few allocations rather than two per line.
#[derive(Default)]
pub(crate) struct Scratch {
    orig: Vec<char>,
    key: Vec<char>,
    /// The line's chars as written, when it was tidied (see
    /// [`typography`]), and where each char of the tidied line stands in
    /// it; both empty when the line needed no tidying.
    written: Vec<char>,
    at: Vec<usize>,
}

/// [`line`], appending to `out` and reusing `scratch`.
pub(crate) fn line_into(
    text: &str,
    scratch: &mut Scratch,
    catalogue: &Catalogue,
    out: &mut Vec<Figure>,
) {
    if !text.chars().any(scan::could_start_number) {
        return;
    }
    let Scratch {
        orig,
        key,
        written,
        at,
    } = scratch;
    orig.clear();
    key.clear();
    script::chars_and_keys(text, orig, key);
    let tidied = typography::tidy(orig, key, written, at);
    let found = scan::find(key);
    if found.is_empty() {
        return;
    }
    let found = label::assign(key, orig, found);
    let read = meaning::read(catalogue, key, &found);
    // Spans of the tidied line, in the line as written.
    let written: &[char] = if tidied { written } else { orig };
    let span = |s: usize, e: usize| match tidied {
        true => (at[s], at[e - 1] + 1),
        false => (s, e),
    };
    out.extend(found.into_iter().zip(read).map(|(f, meaning)| {
        let (start, end) = span(f.start, f.end);
        Figure {
            raw: written[start..end].iter().collect(),
            value: f.value,
            unit: f.unit,
            qualifier: f.qualifier,
            kind: f.kind,
            sign: f.sign,
            label: f.label,
            indicator: meaning
                .indicator
                .map(|i| catalogue.indicators[i].id.clone()),
            cumulative: meaning.cumulative,
            total: meaning.total,
            section: 0,
            line: 0,
            col: start,
            len: end - start,
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_short_sentences_is_one_piece() {
        let line = "收到行政复议案件256件,审结226件。".repeat(200);
        assert_eq!(pieces(&line), [(0, line.as_str())]);
    }

    #[test]
    fn a_sentence_is_cut_only_past_the_reach() {
        let at_reach = "审".repeat(SENTENCE_REACH - 4) + "226件";
        assert!(at_reach.len() > SENTENCE_REACH);
        assert_eq!(pieces(&at_reach), [(0, at_reach.as_str())]);
        let past = at_reach.clone() + "审";
        assert!(pieces(&past).len() > 1, "{:?}", pieces(&past).len());
    }

    #[test]
    fn a_long_sentence_is_cut_at_clause_ends_and_never_inside_a_number() {
        for line in [
            "审结226件,".repeat(3000),
            "审结226件".repeat(3000),
            "1".repeat(5000) + "件",
        ] {
            let p = pieces(&line);
            assert!(p.len() > 1, "{}", p.len());
            let joined: String = p.iter().map(|(_, s)| *s).collect();
            assert_eq!(joined, line);
            let mut col = 0;
            for (offset, piece) in &p {
                assert_eq!(*offset, col);
                assert!(piece.chars().count() <= SENTENCE_REACH);
                col += piece.chars().count();
            }
            for w in p.windows(2) {
                let (end, start) = (w[0].1.chars().last(), w[1].1.chars().next());
                let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
                assert!(
                    !digit(end) || !digit(start) || !line.contains('审'),
                    "a number is cut"
                );
            }
            if line.contains(',') {
                assert!(p.iter().all(|(_, s)| s.starts_with('审')), "{p:?}");
            }
        }
    }
}

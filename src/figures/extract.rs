//! Extraction, line by line: the scan finds the numbers and their units,
//! the labels are assigned, and the meaning (which indicator, whether
//! cumulative) is read against the catalogue.

use super::{label, meaning, scan, typography, Catalogue, Figure};
use crate::text::script;

/// Extracts the figures of the text lines of a report; `section_of` gives
/// the section of a (line, col) position.
pub fn extract<'a>(
    lines: impl Iterator<Item = (usize, &'a str)>,
    section_of: impl Fn(usize, usize) -> usize,
    catalogue: &Catalogue,
) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut scratch = Scratch::default();
    for (no, line) in lines {
        let first = out.len();
        line_into(line, &mut scratch, catalogue, &mut out);
        for f in &mut out[first..] {
            f.line = no;
            f.section = section_of(no, f.col);
        }
    }
    out
}

/// The figures of one line, in order, mapped to the built-in catalogue;
/// `line` and `section` are left for the caller.
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
pub struct Scratch {
    orig: Vec<char>,
    key: Vec<char>,
    /// The key as a string, for the catalogue's word search.
    key_text: String,
    /// The line's chars as written, when it was tidied (see
    /// [`typography`]), and where each char of the tidied line stands in
    /// it; both empty when the line needed no tidying.
    written: Vec<char>,
    at: Vec<usize>,
}

/// [`line`], appending to `out` and reusing `scratch`.
pub fn line_into(text: &str, scratch: &mut Scratch, catalogue: &Catalogue, out: &mut Vec<Figure>) {
    if !text.chars().any(scan::could_start_number) {
        return;
    }
    let Scratch {
        orig,
        key,
        key_text,
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
    if tidied {
        key_text.clear();
        key_text.extend(key.iter());
    } else {
        script::key_text(text, key, key_text);
    }
    let read = meaning::read(catalogue, key, key_text, &found);
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
            unit: f.unit.to_owned(),
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

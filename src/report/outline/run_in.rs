//! Numbering and run-in headings. A page that lost its line breaks runs
//! its headings into the paragraphs (`…取得积极成效。一.深入学习…(一)持续…`);
//! a marker there starts a heading only where it continues the document's
//! numbering, so that 一是 items, lists after a colon and ordinary text are
//! never split.

use std::ops::Range;
use std::sync::LazyLock;

use super::markers::{marker_at, Form, Marker};
use aho_corasick::packed::Searcher;

use crate::text::{self, script};

/// The numbers seen so far at each marker level (1-4).
#[derive(Debug, Default)]
pub(super) struct Numbering {
    /// The last number at each level since the last heading above it.
    last: [Option<u32>; 5],
    /// The last number at each level anywhere: some reports number (一)…
    /// straight through their parts.
    ever: [Option<u32>; 5],
}

impl Numbering {
    /// Whether `m` is the next heading of its level.
    pub(super) fn continued_by(&self, m: &Marker) -> bool {
        let level = usize::from(m.level);
        let Some(value) = m.value else {
            return false;
        };
        value == self.last[level].map_or(1, |v| v + 1)
            || self.ever[level].is_some_and(|v| value == v + 1)
    }

    pub(super) fn record(&mut self, m: &Marker) {
        let level = usize::from(m.level);
        if let Some(v) = m.value {
            self.last[level] = Some(v);
            self.ever[level] = Some(v);
        }
        for deeper in &mut self.last[level + 1..] {
            *deeper = None;
        }
    }
}

/// Where a heading may run in: after a sentence's end, or after the colon
/// of `报告如下:` (the colons last: [`next`] tells them by their index). The packed (SIMD) searcher finds them at memchr speed
/// in a single pass; a regex would walk every paragraph char by char.
fn stops() -> &'static Searcher {
    // Eight patterns: the packed searcher's fastest form holds no more
    // (a full-width ． ending a sentence is left to the rare page).
    static STOPS: LazyLock<Searcher> = LazyLock::new(|| {
        Searcher::new(["。", "！", "？", "!", "?", ".", "：", ":"]).expect("stops")
    });
    &STOPS
}

/// A marker one level down inside a heading's title, the title having run
/// on into it: (一) after a part's title, 1. after (一)'s, (1) after 1.'s.
/// As a pattern on keys for tests; read by hand in [`in_title_markers`].
#[cfg(test)]
const IN_TITLE: &str = r"[(〔][一二三四五六七八九十]{1,3}[)〕]|[0-9]{1,2}[.、]|\([0-9]{1,2}\)";

/// Where each [`IN_TITLE`] marker starts in `s` (bytes), leftmost first,
/// each looked for from the end of the last. By hand: the pattern, widened
/// to every char keyed to its chars, cost more to build than a report's
/// headings take to read.
fn in_title_markers(s: &str) -> Vec<usize> {
    let keys: Vec<(usize, char)> = s
        .char_indices()
        .map(|(i, c)| (i, script::key_char(c)))
        .collect();
    let key = |i: usize| keys.get(i).map(|k| k.1);
    // How many of the next chars from `i`, up to `most`, are `class`.
    let run = |i: usize, most: usize, class: fn(char) -> bool| {
        (i..keys.len())
            .take(most)
            .take_while(|&j| class(keys[j].1))
            .count()
    };
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let digit = |c: char| c.is_ascii_digit();
    // The end of the marker at `i`, in chars: the pattern's branches in
    // order. A run stops at the first char not of its class, so no
    // shorter run could be followed by the closing char where it is not.
    let marker_end = |i: usize| -> Option<usize> {
        let opens = key(i)?;
        if matches!(opens, '(' | '〔') {
            let n = run(i + 1, 3, numeral);
            if n > 0 && matches!(key(i + 1 + n), Some(')' | '〕')) {
                return Some(i + 2 + n);
            }
        }
        let n = run(i, 2, digit);
        if n > 0 && matches!(key(i + n), Some('.' | '、')) {
            return Some(i + n + 1);
        }
        let n = run(i + 1, 2, digit);
        (opens == '(' && n > 0 && key(i + 1 + n) == Some(')')).then_some(i + 2 + n)
    };
    let mut starts = Vec::new();
    let mut i = 0;
    while i < keys.len() {
        match marker_end(i) {
            Some(end) => {
                starts.push(keys[i].0);
                i = end;
            }
            None => i += 1,
        }
    }
    starts
}

/// The chars a run-in heading's title is read up to, besides a full stop.
const TITLE_ENDS: [char; 5] = [';', '；', '!', '！', '?'];

/// Where a run-in heading's title ends: a full stop (。 or a dot that
/// ends a sentence) or another sentence end.
fn title_end(s: &str) -> Option<usize> {
    let stop = text::stops::find_full_stop(s).map(|(i, _)| i);
    // The other ends only matter before the stop.
    let other = s[..stop.unwrap_or(s.len())].find(TITLE_ENDS);
    other.or(stop)
}

/// The next run-in heading in `seg` (a line's text from its current
/// segment's start, which `current` marks when it is a heading): its byte
/// offset in `seg` and its marker. `merged` says the line has already
/// shown lost line breaks, which lets the deeper levels (1. and (1),
/// common in lists inside paragraphs) run in too.
pub(super) fn next(
    seg: &str,
    current: Option<&Marker>,
    numbering: &Numbering,
    merged: bool,
) -> Option<(usize, Marker)> {
    let from = current.map_or(0, |m| m.bytes);
    if let Some(m) = current.filter(|m| m.level <= 3 && m.form != Form::Bracketed) {
        let title_end = title_end(&seg[from..]).map_or(seg.len(), |i| from + i);
        if let Some(hit) = title_run_on(seg, from..title_end, m, numbering) {
            return Some(hit);
        }
    }
    stops().find_iter(&seg[from..]).find_map(|hit| {
        let dot = hit.pattern().as_usize() == 5;
        if dot && !text::stops::dot_ends_sentence(seg, from + hit.start()) {
            return None;
        }
        let after = &seg[from + hit.end()..];
        let at = seg.len() - after.trim_start_matches(is_space).len();
        let first = script::key_char(seg[at..].chars().next()?);
        if !may_run_in(first) {
            return None;
        }
        let marker = marker_at(&seg[at..])?;
        let colon = hit.pattern().as_usize() >= 6;
        runs_in(&seg[at..], &marker, colon, numbering, merged).then_some((at, marker))
    })
}

fn is_space(c: char) -> bool {
    text::normal_char(c) == ' '
}

/// The first chars (as keys) of the markers that may run in.
fn may_run_in(c: char) -> bool {
    "一二三四五六七八九十(〔【〖第".contains(c) || c.is_ascii_digit() || ('①'..='⑳').contains(&c)
}

/// A marker one level down right after a heading's title, which has no
/// stop: `一.深入学习贯彻…(一)持续…`, `(一)…提升1.高标准…`.
fn title_run_on(
    seg: &str,
    title: Range<usize>,
    part: &Marker,
    numbering: &Numbering,
) -> Option<(usize, Marker)> {
    in_title_markers(&seg[title.clone()])
        .into_iter()
        .filter(|&hit| hit > 0)
        .find_map(|hit| {
            let at = title.start + hit;
            // "提升1.5倍" is a number, which `marker_at` turns away.
            let marker = marker_at(&seg[at..])?;
            // The part's own numbering is recorded before its title is read.
            let next_level = marker.level == part.level + 1;
            (next_level && numbering.continued_by(&marker)).then_some((at, marker))
        })
}

fn runs_in(rest: &str, marker: &Marker, colon: bool, numbering: &Numbering, merged: bool) -> bool {
    match marker.form {
        Form::Spaced => false,
        // 【…】 starts a sentence of its own.
        Form::Bracketed => !colon,
        Form::Numbered => {
            let deep_ok = marker.level <= 2 || merged;
            deep_ok
                && numbering.continued_by(marker)
                && !is_list_item(rest, marker)
                && !counts_on(&rest[marker.bytes..])
        }
    }
}

/// `三、四月份`: numerals listed, no heading's marker.
fn counts_on(title: &str) -> bool {
    title
        .chars()
        .next()
        .map(script::key_char)
        .is_some_and(|c| "一二三四五六七八九十".contains(c))
}

/// `一、…；二、…`: an item of a list inside a sentence, which a ; and the
/// next item's marker end.
fn is_list_item(rest: &str, marker: &Marker) -> bool {
    let Some(end) = title_end(rest) else {
        return false;
    };
    let mark = rest[end..].chars().next().unwrap_or('。');
    if !matches!(mark, ';' | '；') {
        return false;
    }
    let after = rest[end + mark.len_utf8()..].trim_start_matches(is_space);
    marker_at(after).is_some_and(|next| {
        next.level == marker.level
            && next
                .value
                .zip(marker.value)
                .is_some_and(|(n, m)| n == m + 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::samples;

    #[test]
    fn the_in_title_rule_is_its_pattern() {
        let re = crate::text::pattern::text_regex(IN_TITLE);
        let mut lines = samples::bundled_lines();
        lines.extend(samples::wild_lines());
        lines.extend(
            [
                "（一）",
                "(一二三四)",
                "〔十〕",
                "(一〕",
                "12.",
                "123、",
                "１２．",
                "(12)",
                "(123)",
                "（１）",
                "(一)1.(1)",
                "1.5倍",
                "((1)",
                "(1",
                "1",
                "(",
            ]
            .map(str::to_owned),
        );
        let mut seen = 0;
        for s in samples::cuts(lines, 40) {
            let want: Vec<usize> = re.find_iter(&s).map(|m| m.start()).collect();
            assert_eq!(in_title_markers(&s), want, "{s:?}");
            seen += want.len();
        }
        assert!(seen > 100, "{seen}");
    }
}

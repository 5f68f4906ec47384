//! Sentences and clauses of a run of keys, as char ranges: a sentence
//! ends after 。！？； (kept), a clause after a comma or colon, never
//! inside quotes, titles or brackets (“互联网＋监管”, 《…》, (一)).

use std::ops::Range;

use crate::text::chars::is_han;

fn is_stop(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';')
}

fn is_clause_end(c: char) -> bool {
    matches!(c, ',' | ':')
}

/// How far inside quotes or brackets `c` takes the text, or out of them.
fn depth_change(c: char) -> i32 {
    match c {
        '“' | '《' | '(' | '「' | '[' | '‘' => 1,
        '”' | '》' | ')' | '」' | ']' | '’' => -1,
        _ => 0,
    }
}

/// Splits `range` after each char `ends` accepts, outside quotes and
/// brackets (only when `nested` says so).
fn split(
    keys: &[char],
    range: Range<usize>,
    ends: impl Fn(char) -> bool,
    nested: bool,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut depth) = (range.start, 0i32);
    for i in range.clone() {
        let c = keys[i];
        if nested {
            depth = (depth + depth_change(c)).max(0);
        }
        if ends(c) && depth == 0 {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < range.end {
        out.push(start..range.end);
    }
    out.retain(|r| han_count(&keys[r.clone()]) > 0);
    out
}

/// The sentences of `keys[range]`, each with its stop. A quote never
/// holds a sentence end that splits (“…。” closes with its sentence).
pub fn sentences(keys: &[char], range: Range<usize>) -> Vec<Range<usize>> {
    split(keys, range, is_stop, false)
}

/// The clauses of a sentence, each with its comma.
pub fn clauses(keys: &[char], sentence: Range<usize>) -> Vec<Range<usize>> {
    split(keys, sentence, is_clause_end, true)
}

/// `range` without the spaces and punctuation at its ends (a closing
/// quote or bracket stays).
pub fn trim(keys: &[char], range: Range<usize>) -> Range<usize> {
    let keep = |c: char| is_han(c) || c.is_alphanumeric() || depth_change(c) != 0 || c == '%';
    let mut r = range;
    while r.start < r.end && !keep(keys[r.start]) {
        r.start += 1;
    }
    while r.end > r.start && !keep(keys[r.end - 1]) {
        r.end -= 1;
    }
    if r.end > r.start && depth_change(keys[r.start]) < 0 {
        r.start += 1;
    }
    r
}

pub(crate) fn han_count(keys: &[char]) -> usize {
    keys.iter().filter(|&&c| is_han(c)).count()
}

pub(crate) fn has_digit(keys: &[char]) -> bool {
    keys.iter().any(char::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_never_split_inside_quotes() {
        let keys: Vec<char> =
            "大力推行“互联网+监管,提升”,提升监管能力。加强数字政府建设;推进改革。"
                .chars()
                .collect();
        let s = sentences(&keys, 0..keys.len());
        assert_eq!(s.len(), 3);
        let c = clauses(&keys, s[0].clone());
        let text: Vec<String> = c
            .iter()
            .map(|r| keys[trim(&keys, r.clone())].iter().collect())
            .collect();
        assert_eq!(text, ["大力推行“互联网+监管,提升”", "提升监管能力"]);
    }
}

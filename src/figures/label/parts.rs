//! The things one value or a list of values is said of: "审查率、备案率、
//! 合格率均达到100%" gives three labels, "刑事、治安警情立案数分别下降
//! 28.2%、9.2%" two, each completed from its neighbours.

use std::ops::Range;

use super::super::found::is_clause_end;
use super::lists::{predicate_at, LEAD_WORDS};

/// The `n` things the nearest earlier clause of the sentence lists
/// ("刑事、治安警情"), completed, as written and as keys.
pub(super) fn listed_before(
    key: &[char],
    orig: &[char],
    before: usize,
    n: usize,
) -> Option<Vec<(String, Vec<char>)>> {
    // One value is said of one thing: no list to find.
    if n < 2 {
        return None;
    }
    let sentence = (0..before)
        .rev()
        .find(|&j| matches!(key[j], '。' | ';' | '!' | '?'))
        .map_or(0, |j| j + 1);
    let mut end = before;
    while end > sentence {
        let start = (sentence..end - 1)
            .rev()
            .find(|&j| is_clause_end(key[j]))
            .map_or(sentence, |j| j + 1);
        let seps: Vec<usize> = (start..end).filter(|&j| key[j] == '、').collect();
        if seps.len() + 1 == n {
            // The first thing starts after the clause's lead words, the
            // last ends where its predicate starts.
            let mut first = start;
            while let Some((_, k)) = LEAD_WORDS
                .at(key, first)
                .filter(|&(_, k)| first + k < seps[0])
            {
                first += k;
            }
            let last_start = seps[n - 2] + 1;
            let last_end = (last_start + 1..end)
                .find(|&j| predicate_at(key, j))
                .unwrap_or(end);
            let mut bounds = vec![first];
            for &s in &seps {
                bounds.push(s);
                bounds.push(s + 1);
            }
            bounds.push(last_end);
            let ranges: Vec<Range<usize>> = bounds.chunks(2).map(|c| c[0]..c[1]).collect();
            let of = |text: &[char]| -> Vec<Vec<char>> {
                ranges.iter().map(|r| text[r.clone()].to_vec()).collect()
            };
            let keys = complete_parts(&of(key));
            return Some(
                complete_parts(&of(orig))
                    .into_iter()
                    .zip(keys.into_iter().map(|k| k.chars().collect()))
                    .collect(),
            );
        }
        end = start.saturating_sub(1);
    }
    None
}

pub(super) fn same_ending(parts: &[(String, Vec<char>)]) -> bool {
    let last = |s: &(String, Vec<char>)| s.1.last().copied();
    parts.iter().all(|p| last(p) == last(&parts[0]))
}

/// Completes short parts from a long one: "规范性文件审查率、备案率" gives
/// 规范性文件备案率; "刑事、治安警情立案数" gives 刑事警情立案数.
pub(super) fn complete_parts(parts: &[Vec<char>]) -> Vec<String> {
    let Some((first, last)) = parts.first().zip(parts.last()) else {
        return Vec::new();
    };
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let short = p.len() <= 4;
            let s: String = if i > 0 && short && p.last() == first.last() && first.len() > p.len() {
                first[..first.len() - p.len()].iter().chain(p).collect()
            } else if i + 1 < parts.len()
                && short
                && p.last() != last.last()
                && last.len() > p.len()
            {
                p.iter().chain(&last[p.len()..]).collect()
            } else {
                p.iter().collect()
            };
            s
        })
        .collect()
}

//! What a figure counts: the noun phrase around it.
//!
//! Reports put the counted noun before the number ("办理行政复议案件35件",
//! "纠错率为6.8%") or after a measure word ("组织800余名执法人员"). The
//! label is the clause text before the figure, with verbs and adverbs of
//! measurement trimmed ("均达到", "同比增长"), or the noun after it when the
//! text before is only a verb. One value said of several rates
//! ("审查率、备案率、合格率均达到100%") becomes one figure per rate; a list of
//! values after 分别 gets one label each.

use super::found::{is_clause_end, is_phrase_end, Found};

use super::Kind;

mod lists;
mod parts;

pub(in crate::figures) use lists::predicate_at;
use lists::*;
use parts::{complete_parts, listed_before, same_ending};

/// Where a label of the text `start..end` starts: the whole when it is
/// short; else the longest tail of at most [`MAX_LABEL`] chars that starts
/// where a word does, or, when no word starts in that stretch, the
/// shortest longer one. Never inside a word: a label that cannot be cut
/// at a word stays whole. A list (A、B、C) is not cut into.
fn word_start(key: &[char], start: usize, end: usize) -> usize {
    if end - start <= MAX_LABEL {
        return start;
    }
    // A list's items are one label: never cut after its 、, nor inside
    // brackets or quotes (PM2.5)平均浓度 has lost its opening bracket).
    let boundary = |j: usize| {
        let prev = key[j - 1];
        !matches!(prev, '、' | '(' | '“' | '《')
            && (is_phrase_end(prev)
                || (prev == '年' && j >= 2 && key[j - 2].is_ascii_digit())
                || AFTER_WORDS.before(key, j).is_some()
                || CUT_WORDS.at(key, j).is_some())
    };
    let from = end - MAX_LABEL;
    (from..end - 1)
        .find(|&j| boundary(j))
        .or_else(|| (start + 1..from).rev().find(|&j| boundary(j)))
        .unwrap_or(start)
}

/// Gives every figure its label; figures that serve several labels are
/// repeated, one per label.
pub(super) fn assign(key: &[char], orig: &[char], found: Vec<Found>) -> Vec<Found> {
    let mut out = Vec::with_capacity(found.len());
    let mut i = 0;
    while i < found.len() {
        let chain = chain_len(key, &found, i);
        let ctx = Context::new(key, &found, i);
        // Only a list of values or a shared value needs the parts; the
        // things a list of values is said of may stand in an earlier
        // clause ("刑事、治安警情实现五连降，立案数分别下降28.2%、9.2%").
        let parts = if (chain > 1 && ctx.respectively) || (chain == 1 && ctx.each) {
            let here = ctx.parts(key, orig);
            match here.len() == chain || !ctx.respectively {
                true => here,
                false => listed_before(key, orig, ctx.start, chain).unwrap_or(here),
            }
        } else {
            Vec::new()
        };
        if chain > 1 && ctx.respectively && parts.len() == chain {
            for (f, (part, part_key)) in found[i..i + chain].iter().zip(parts) {
                out.push(Found {
                    label: part,
                    part: Some(part_key),
                    ..f.clone()
                });
            }
        } else if chain == 1 && ctx.each && parts.len() > 1 && same_ending(&parts) {
            for (part, part_key) in parts {
                out.push(Found {
                    label: part,
                    part: Some(part_key),
                    ..found[i].clone()
                });
            }
        } else {
            let mut label = ctx.label(key, orig, &found[i]);
            if label.is_empty() {
                label = subject_before(key, orig, found[i].start)
                    .or_else(|| out.last().map(|f: &Found| f.label.clone()))
                    .unwrap_or_default();
            }
            for f in &found[i..i + chain] {
                out.push(Found {
                    label: label.clone(),
                    ..f.clone()
                });
            }
        }
        i += chain;
    }
    out
}

/// How many figures from `i` on form a list joined by 、 ("28.2%、9.2%").
fn chain_len(key: &[char], found: &[Found], i: usize) -> usize {
    let mut n = 1;
    while let Some(next) = found.get(i + n) {
        let prev = &found[i + n - 1];
        let same = next.kind == prev.kind && next.unit == prev.unit;
        if next.start == prev.end + 1 && key[prev.end] == '、' && same {
            n += 1;
        } else {
            break;
        }
    }
    n
}

/// The text before a figure, trimmed, and what the trimmed words said.
struct Context {
    /// The label text range before the figure, in chars.
    start: usize,
    end: usize,
    /// 均/都 was trimmed: one value for each of several labels.
    each: bool,
    /// 分别 was trimmed: values in the order of the labels.
    respectively: bool,
    /// The text before runs on from the previous figure ("6个部门30项"):
    /// it is that figure's noun, not this one's.
    follows_figure: bool,
}

impl Context {
    fn new(key: &[char], found: &[Found], i: usize) -> Context {
        let f = &found[i];
        let mut start = (0..f.start)
            .rev()
            .find(|&j| is_clause_end(key[j]))
            .map_or(0, |j| j + 1);
        let mut follows_figure = false;
        if let Some(prev) = i.checked_sub(1).map(|j| &found[j]) {
            if prev.end > start {
                start = prev.end.min(f.start);
                follows_figure = true;
                while start < f.start && matches!(key[start], '、' | '和' | '及' | '与') {
                    start += 1;
                    follows_figure = false;
                }
            }
        }
        let mut end = f.start;
        let mut each = false;
        let mut respectively = false;
        while let Some((i, n)) = TAIL_WORDS
            .before(key, end)
            .filter(|&(_, n)| end >= start + n)
        {
            let w = TAIL[i];
            each |= w.contains('均') || w.contains('都');
            respectively |= w.contains("分别");
            end -= n;
        }
        loop {
            let lead = LEAD_WORDS.at(key, start).filter(|&(_, n)| start + n <= end);
            let item = item_marker(key, start, end);
            match (lead, item) {
                (Some((_, n)), _) => start += n,
                (None, Some(n)) => start += n,
                (None, None) => break,
            }
        }
        // An opening quote or title mark stays when the label closes it:
        // “一网通办”事项.
        let opens = |j: usize| {
            let closer = match key[j] {
                '“' => '”',
                '《' => '》',
                '(' => ')',
                _ => return false,
            };
            key[j + 1..end].contains(&closer)
        };
        while start < end && is_phrase_end(key[start]) && !opens(start) {
            start += 1;
        }
        Context {
            start,
            end,
            each,
            respectively,
            follows_figure,
        }
    }

    /// The text before, split where it lists several things
    /// ("审查率、备案率、合格率"), each part completed from its neighbours:
    /// as written, and as keys.
    fn parts(&self, key: &[char], orig: &[char]) -> Vec<(String, Vec<char>)> {
        let mut ranges = Vec::new();
        let mut from = self.start;
        for (j, &c) in key.iter().enumerate().take(self.end).skip(self.start) {
            if matches!(c, '、' | '和' | '及' | '与') {
                ranges.push(from..j);
                from = j + 1;
            }
        }
        ranges.push(from..self.end);
        ranges.retain(|r| !r.is_empty());
        let of = |text: &[char]| -> Vec<Vec<char>> {
            ranges.iter().map(|r| text[r.clone()].to_vec()).collect()
        };
        let keys = complete_parts(&of(key));
        complete_parts(&of(orig))
            .into_iter()
            .zip(keys.into_iter().map(|k| k.chars().collect()))
            .collect()
    }

    /// The label of a figure; empty when the clause says nothing of
    /// what is counted (the caller then borrows the previous one).
    fn label(&self, key: &[char], orig: &[char], f: &Found) -> String {
        if f.noun_unit {
            // 四大行动 counts 行动; 6大类 counts 大类, one word; 2000多万农户
            // counts 农户.
            let counted = &orig[f.num_start..f.end];
            let big = counted.iter().position(|&c| c == '大');
            if let Some(at) = big.filter(|&at| at + 1 < counted.len()) {
                let head = &counted[at + 1..];
                let from = if head.len() >= 2 { at + 1 } else { at };
                return counted[from..].iter().collect();
            }
            let noun = f.unit.chars().count();
            if noun >= 2 {
                return orig[f.end - noun..f.end].iter().collect();
            }
        }
        let mut end = self.end;
        // "…烟草局等5家单位": the text before lists examples of the noun
        // that follows.
        let examples = end > self.start && key[end - 1] == '等';
        if examples {
            end -= 1;
        }
        let before = &orig[self.start..end];
        let after = noun_after(key, f.end, f.end + 1);
        let noun_follows = !after.is_empty() && PREDICATE_WORDS.at(key, after.start).is_none();
        let verb_before = NO_NOUN_WORDS.before(key, end).is_some();
        // "参加人员17.8万余人次,…": the people were named before their count;
        // what follows is another phrase.
        let people_before = PEOPLE_UNITS.contains(&f.unit)
            && !self.follows_figure
            && PEOPLE.before(key, end).is_some();
        let use_after = !after.is_empty()
            && f.kind != Kind::Money
            && !people_before
            && (examples
                || (noun_follows
                    && (f.kind == Kind::Count
                        || before.len() < 2
                        || self.follows_figure
                        || verb_before)));
        if use_after {
            let after = match PEOPLE_UNITS.contains(&f.unit) {
                true => people_end(key, after),
                false => after,
            };
            return orig[after].iter().collect();
        }
        let before = without_titles(key, self.start, end, before);
        if before.len() < 2 {
            return orig[after].iter().collect();
        }
        let start = end - before.len();
        let cut = word_start(key, start, end);
        orig[cut..start + before.len()].iter().collect()
    }
}

/// A label that lists titles ("完成《A》《B》等") names what comes before
/// the first title.
fn without_titles<'a>(key: &[char], start: usize, end: usize, before: &'a [char]) -> &'a [char] {
    match (start..end).find(|&j| key[j] == '《') {
        Some(j) if j - start >= 2 => &before[..j - start],
        _ => before,
    }
}

/// 一是, 二是…: an item marker at the start of a label, whole inside it
/// (trimmed tail words can end the label on the 是).
fn item_marker(key: &[char], start: usize, end: usize) -> Option<usize> {
    let label = &key[start..end];
    let n = label
        .iter()
        .take_while(|&&c| crate::text::numeral::is_chinese_numeral(c))
        .count();
    (n > 0 && label.get(n) == Some(&'是')).then_some(n + 1)
}

/// The noun phrase right after a figure, up to a phrase end, 的 or the
/// next number.
/// The noun a figure ending at `end` counts, as its meaning is read: a
/// verb right after the unit means no noun, and a noun ends at a body
/// counted ("32个职能部门线上办理事项": the figure counts departments, the
/// items belong to the predicate).
pub(super) fn after_unit(key: &[char], end: usize) -> std::ops::Range<usize> {
    let noun = noun_after(key, end, end);
    let body = (end + 1..noun.end).find(|&j| BODIES.before(key, j).is_some());
    end..body.unwrap_or(noun.end)
}

/// The noun phrase after a figure ending at `end`, the predicate check
/// starting at `from`.
fn noun_after(key: &[char], end: usize, from: usize) -> std::ops::Range<usize> {
    let noun = noun_until_stop(key, end, from);
    // A quote the noun opens but does not close is the next phrase's
    // (申请材料“线下当场办、线上半天办”).
    let open = noun.clone().rev().find(|&j| key[j] == '“');
    match open {
        Some(j) if !key[j..noun.end].contains(&'”') && j >= noun.start + 2 => noun.start..j,
        _ => noun,
    }
}

/// The noun after a figure up to a phrase end, a predicate or a number.
fn noun_until_stop(key: &[char], end: usize, from: usize) -> std::ops::Range<usize> {
    let limit = key.len().min(end + 2 * MAX_LABEL);
    // A short aside in brackets is part of the noun: 村(社区)调解委员会.
    let aside = |j: usize| key[j] == '(' && (j + 2..key.len().min(j + 7)).any(|k| key[k] == ')');
    let mut j = end;
    let stop = loop {
        if j >= limit {
            break None;
        }
        if aside(j) {
            j = (j + 2..limit)
                .find(|&k| key[k] == ')')
                .map_or(limit, |k| k + 1);
            continue;
        }
        let c = key[j];
        let predicate =
            j >= from && predicate_at(key, j) && (j == end || long_predicate_at(key, j));
        if (is_phrase_end(c) && !matches!(c, '“' | '”'))
            || matches!(c, '的' | '和' | '及' | '与')
            || (c == '以' && key.get(j + 1) == Some(&'及'))
            || c.is_ascii_digit()
            || predicate
        {
            break Some(j);
        }
        j += 1;
    };
    match stop {
        // 政府规章立、改、废: the noun's last char begins a list of one-char
        // verbs; the noun ends before it.
        Some(stop) if stop <= end + MAX_LABEL && verb_list_at(key, stop) && stop > end + 2 => {
            end..stop - 1
        }
        Some(stop) if stop <= end + MAX_LABEL => end..stop,
        // No end in sight: the noun ends where a word does, not at a
        // count of chars.
        _ => {
            let far = stop.unwrap_or(limit);
            let word_end = (end + 2..=far.min(end + MAX_LABEL))
                .rev()
                .find(|&j| CUT_WORDS.before(key, j).is_some() || CUT_WORDS.at(key, j).is_some());
            end..word_end.unwrap_or(far)
        }
    }
}

/// The measure words that count people.
const PEOPLE_UNITS: [&str; 4] = ["人", "名", "人次", "位"];

/// A noun of people after a people count ends with its head: 国家工作人员
/// of 92.4万名国家工作人员学法考法.
fn people_end(key: &[char], noun: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let end = (noun.start + 2..=noun.end).find(|&j| PEOPLE.before(key, j).is_some());
    noun.start..end.unwrap_or(noun.end)
}

/// Whether a list of one-char items starts just before `sep` (立、改、废,
/// 查、改、治): the item before `sep` and the one after it are one char
/// each.
fn verb_list_at(key: &[char], sep: usize) -> bool {
    let han = |j: usize| key.get(j).is_some_and(|&c| crate::text::chars::is_han(c));
    let single_end = |j: usize| {
        key.get(j)
            .is_none_or(|&c| matches!(c, '、' | '和' | '及' | '与') || is_phrase_end(c))
    };
    key.get(sep) == Some(&'、') && sep >= 2 && han(sep - 1) && han(sep + 1) && single_end(sep + 2)
}

/// The subject of the clause before `at` in its sentence: its text up to
/// where its predicate starts ("粮食产量再上新台阶,达到1.37万亿斤": the
/// harvest, not the step), for a figure whose own clause names nothing.
fn subject_before(key: &[char], orig: &[char], at: usize) -> Option<String> {
    let clause_start = (0..at).rev().find(|&j| is_clause_end(key[j]))?;
    if super::found::is_sentence_end(key[clause_start]) {
        return None;
    }
    let start = (0..clause_start)
        .rev()
        .find(|&j| is_clause_end(key[j]))
        .map_or(0, |j| j + 1);
    let mut start = start;
    while let Some((_, n)) = LEAD_WORDS
        .at(key, start)
        .filter(|&(_, n)| start + n < clause_start)
    {
        start += n;
    }
    let end =
        (start + 2..clause_start).find(|&j| predicate_at(key, j) || MOVES.at(key, j).is_some())?;
    let subject = &orig[start..end];
    (subject.len() >= 2
        && subject.len() <= MAX_LABEL
        && subject.iter().all(|&c| crate::text::chars::is_han(c)))
    .then(|| subject.iter().collect())
}

#[cfg(test)]
mod tests;

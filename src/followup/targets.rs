//! The year's targets (今年发展主要预期目标是：国内生产总值增长6%以上；城镇
//! 新增就业1100万人以上，…。): each target is a promise of its own, and one
//! that sets a figure is kept only where the next report states that
//! figure, met or missed.

use std::ops::Range;

use serde::Serialize;

use super::clauses;
use crate::figures::{Figure, Qualifier, Sign};
use crate::text::script;

/// The words that open the list of targets, before its colon.
const MARKER: [char; 4] = ['预', '期', '目', '标'];
/// Words that may stand between the marker and its colon (是, 为).
const MAX_GAP: usize = 2;

/// Where a run of keys lists the targets: the span from the start of the
/// sentence that opens the list to the list's end (its 。), and each
/// target's range.
pub fn targets(keys: &[char]) -> Option<(Range<usize>, Vec<Range<usize>>)> {
    let (marker, colon) = find_marker(keys)?;
    let end = keys[colon..]
        .iter()
        .position(|&c| c == '。')
        .map_or(keys.len(), |i| colon + i + 1);
    let start = keys[..marker]
        .iter()
        .rposition(|&c| c == '。')
        .map_or(0, |i| i + 1);
    Some((start..end, split(keys, colon + 1..end)))
}

/// The marker's start and its colon's position.
fn find_marker(keys: &[char]) -> Option<(usize, usize)> {
    (0..keys.len().saturating_sub(MARKER.len())).find_map(|i| {
        if keys[i..i + MARKER.len()] != MARKER {
            return None;
        }
        let after = i + MARKER.len();
        (after..(after + MAX_GAP + 1).min(keys.len()))
            .find(|&j| keys[j] == ':')
            .map(|colon| (i, colon))
    })
}

/// Words that carry on the target before them (地区生产总值增长8%，达到296
/// 亿元): the piece they open is part of it.
const GOES_ON: &str = "达到 增长 下降 降低 控制在 保持在 完成 突破 提高 力争";

/// The list cut at its commas and semicolons, a piece that carries on the
/// one before joined to it.
fn split(keys: &[char], list: Range<usize>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut start = list.start;
    for i in list.clone() {
        let at_end = i + 1 == list.end;
        if matches!(keys[i], ',' | ';' | '。') || at_end {
            let piece = clauses::trim(keys, start..i + usize::from(at_end));
            start = i + 1;
            if clauses::han_count(&keys[piece.clone()]) < 2 {
                continue;
            }
            match out.last_mut() {
                Some(last) if goes_on(&keys[piece.clone()]) => last.end = piece.end,
                _ => out.push(piece),
            }
        }
    }
    out
}

fn goes_on(piece: &[char]) -> bool {
    piece.first().is_some_and(char::is_ascii_digit)
        || GOES_ON
            .split_whitespace()
            .any(|w| piece.starts_with(&w.chars().collect::<Vec<_>>()))
}

/// What the next report states of a figure a promise set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetStated {
    /// The figure as the plan wrote it ("6%以上").
    pub set: String,
    /// The figure as the next report writes it ("8.1%").
    pub stated: String,
    pub outcome: Outcome,
}

/// How the stated figure stands to the one set: met or missed where the
/// plan set a floor or a ceiling (以上, 超过; 以内), else above, below or
/// near (within a tenth) the figure set, for the reader to judge (a
/// price target of 3%左右 is a ceiling, a growth target a floor).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Met,
    Missed,
    Above,
    Below,
    Near,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Met => "met",
            Outcome::Missed => "missed",
            Outcome::Above => "above",
            Outcome::Below => "below",
            Outcome::Near => "near",
        }
    }
}

/// A share of the figure set within which a figure stated is near it.
const NEAR: f64 = 0.1;

fn outcome(set: &Figure, stated: &Figure) -> Outcome {
    let signed = |f: &Figure| match f.sign {
        Some(Sign::Down) => -f.value.to_f64(),
        _ => f.value.to_f64(),
    };
    // A target to bring something down is met by going further down.
    let way = if set.sign == Some(Sign::Down) {
        -1.0
    } else {
        1.0
    };
    let (a, b) = (way * signed(set), way * signed(stated));
    match set.qualifier {
        Some(Qualifier::MoreThan | Qualifier::Over) if b >= a => Outcome::Met,
        Some(Qualifier::MoreThan | Qualifier::Over) => Outcome::Missed,
        Some(Qualifier::Within) if b <= a => Outcome::Met,
        Some(Qualifier::Within) => Outcome::Missed,
        _ if (b - a).abs() <= NEAR * a.abs() => Outcome::Near,
        _ if b > a => Outcome::Above,
        _ => Outcome::Below,
    }
}

/// Words a label ends with that say how its figure moves or when, not
/// what it counts (…失业率全年控制在): taken off to find what is counted.
const MOVES: &str = "增长 下降 降低 提高 涨幅 上涨 增速 增幅 保持在 保持 达到 突破 完成 实际 \
     控制在 控制 超过 拟按 按 为 再降 增加 减少 全年 今年 年末 年均 平均";

/// The last two Han chars of what a figure counts (能耗 of 单位国内生产
/// 总值能耗): the head of the noun phrase, which the next report must name
/// for its figure to be this one. None when the label is too short to say.
fn head(label: &str) -> Option<[char; 2]> {
    let mut key: Vec<char> = script::key(label)
        .chars()
        .filter(|&c| crate::text::chars::is_han(c))
        .collect();
    while let Some(w) = MOVES
        .split_whitespace()
        .map(|w| w.chars().collect::<Vec<char>>())
        .find(|w| key.len() > w.len() + 1 && key.ends_with(w))
    {
        key.truncate(key.len() - w.len());
    }
    let n = key.len();
    (n >= 2).then(|| [key[n - 2], key[n - 1]])
}

/// The figure of the next report that states one the promise set: the
/// same unit, and the head of what it counts named in the passage.
pub fn stated(set: &[&Figure], said: &[&Figure], passage_keys: &[char]) -> Option<TargetStated> {
    set.iter().find_map(|a| {
        if let Some(h) = head(&a.label) {
            passage_keys.windows(2).find(|w| *w == h)?;
        }
        let b = said.iter().find(|b| b.unit == a.unit)?;
        Some(TargetStated {
            set: a.raw.clone(),
            stated: b.raw.clone(),
            outcome: outcome(a, b),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<char> {
        script::key(s).chars().collect()
    }

    fn texts(k: &[char], ranges: &[Range<usize>]) -> Vec<String> {
        ranges
            .iter()
            .map(|r| k[r.clone()].iter().collect())
            .collect()
    }

    #[test]
    fn the_targets_paragraph_is_split_into_targets() {
        let k = keys(
            "我们要坚定信心。今年发展主要预期目标是：国内生产总值增长6%以上；城镇新增就业\
             1100万人以上，城镇调查失业率5.5%左右；进出口量稳质升，国际收支基本平衡。经济增速是综合性指标。",
        );
        let (span, t) = targets(&k).expect("targets");
        assert_eq!(
            texts(&k, &t),
            [
                "国内生产总值增长6%以上",
                "城镇新增就业1100万人以上",
                "城镇调查失业率5.5%左右",
                "进出口量稳质升",
                "国际收支基本平衡",
            ]
        );
        assert_eq!(
            k[span].iter().collect::<String>().chars().next(),
            Some('今')
        );
        // A local report's target runs on past its comma.
        let k = keys(
            "经济社会发展主要预期目标是:地区生产总值增长8%,达到296亿元;公共财政预算收入增长7%。",
        );
        let (_, t) = targets(&k).expect("targets");
        assert_eq!(
            texts(&k, &t),
            ["地区生产总值增长8%,达到296亿元", "公共财政预算收入增长7%"]
        );
    }

    #[test]
    fn what_a_figure_counts_is_its_head() {
        assert_eq!(head("单位国内生产总值能耗"), Some(['能', '耗']));
        assert_eq!(head("居民消费价格涨幅"), Some(['价', '格']));
        assert_eq!(head("粮食产量保持"), Some(['产', '量']));
        assert_eq!(head("城镇调查失业率全年控制"), Some(['业', '率']));
        assert_eq!(head(""), None);
    }
}

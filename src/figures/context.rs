//! Where a figure's meaning is written. A report says what a number
//! counts in the words around it, but not always in the same place:
//!
//! - its own words: the text of its clause before it, the noun after its
//!   unit ("组织800名执法人员"), and the clause's predicate after its last
//!   figure ("对111件议题开展了合法性审查"), unless the clause lists a
//!   breakdown ("6件规范性文件和65件政策文件进行合法性审查": the shared
//!   predicate is said of the sum, not of either part);
//! - the clauses it leans on, when its own words name nothing
//!   ("收到行政复议案件256件，审结226件": 审结 names no noun, so the
//!   reconsideration cases of the clause before are what it counts);
//! - the sentence it belongs to, whose subject may govern every clause
//!   ("人民调解组织开展排查855次，受理纠纷40785件").
//!
//! The indicator catalogue reads these zones, nearest first, to decide
//! which quantity a figure is. All ranges are in chars of the line's key.

use std::ops::Range;
use std::sync::LazyLock;

use super::found::{is_clause_end, is_sentence_end, Found};
use super::label::{after_unit, predicate_at};
use super::words::Words;
use crate::text::chars::is_han;

/// The zones of one figure.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Zones {
    /// Its own words: before it in its clause, the noun after its unit,
    /// and the predicate its clause ends with (empty for a breakdown).
    pub before: Range<usize>,
    pub after: Range<usize>,
    pub tail: Range<usize>,
    /// The whole clause it stands in.
    pub clause: Range<usize>,
    /// Earlier clauses of the sentence it leans on, when its clause names
    /// no noun of its own; empty otherwise.
    pub carried: Range<usize>,
    /// The sentence before its clause.
    pub sentence: Range<usize>,
    /// Its clause opens with 其中: a part of what was counted before it.
    pub part_of_previous: bool,
    /// Its clause is a noun and the figure, with no verb, after a clause
    /// of the sentence with a figure in the same unit: the next item of a
    /// list whose verb the sentence gave once ("保留的政务服务事项515项,
    /// 行政许可事项218项").
    pub listed: bool,
}

/// Words that say nothing of what is counted: verbs of handling and
/// outcome, adverbs, the place's own name, and the generic rate words.
/// A clause made of these and figures leans on the clause before.
const WEAK: &[&str] = &[
    "其中",
    "共计",
    "合计",
    "总计",
    "累计",
    "共",
    "全年",
    "年内",
    "本年度",
    "当年",
    "目前",
    "同时",
    "此外",
    "另有",
    "通过",
    "方式",
    "依法",
    "新收",
    "收到",
    "受理",
    "审结",
    "办结",
    "结案",
    "化解",
    "调处",
    "调解",
    "和解",
    "协调",
    "撤回",
    "终止",
    "维持",
    "撤销",
    "驳回",
    "责令履行",
    "确认违法",
    "纠错",
    "直接",
    "保留",
    "占比",
    "比例",
    "比重",
    "同比",
    "环比",
    "增长",
    "增加",
    "下降",
    "减少",
    "上升",
    "降低",
    "提高",
    "提升",
    "达到",
    "达",
    "为",
    "约",
    "近",
    "超过",
    "超",
    "逾",
    "一审",
    "二审",
    "新增",
    "败诉",
    "胜诉",
    "采纳",
    "办理",
    "完成",
    "实现",
    "其他",
    "分别",
    "均",
    "各",
    "以上",
    "左右",
    "余",
    "多",
    "了",
    "的",
    "和",
    "及",
    "与",
    "已",
    "并",
    "且",
    "还",
    "又",
    "进行",
    "开展",
    "成功率",
    "办结率",
    "满意率",
    "全市",
    "全区",
    "全县",
    "全省",
    "我市",
    "我区",
    "我县",
    "本市",
    "本区",
    "保持",
    "持续",
    "稳定",
    "在",
    "是",
];

static WEAK_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(WEAK.iter().copied()));

/// Words that join the things a clause lists.
fn is_conjunction(key: &[char], at: usize) -> bool {
    matches!(key.get(at), Some('、' | '和' | '及' | '与'))
}

/// The zones of each figure of a line (`found` in order; figures one
/// value gives several labels share their span).
pub(super) fn zones(key: &[char], found: &[Found]) -> Vec<Zones> {
    let clauses = clauses(key);
    // The figures of each clause, as a range of `found`.
    let of_clause: Vec<Range<usize>> = clauses
        .iter()
        .map(|c| {
            found.partition_point(|f| f.start < c.start)..found.partition_point(|f| f.start < c.end)
        })
        .collect();
    // Whether each clause names nothing, read when a figure asks.
    let mut weak: Vec<Option<bool>> = vec![None; clauses.len()];
    let mut is_weak = |c: usize| {
        *weak[c]
            .get_or_insert_with(|| names_nothing(key, &clauses[c], &found[of_clause[c].clone()]))
    };
    let mut out = Vec::with_capacity(found.len());
    for (c, clause) in clauses.iter().enumerate() {
        let figures = &found[of_clause[c].clone()];
        if figures.is_empty() {
            continue;
        }
        let sentence_start = (0..clause.start)
            .rev()
            .find(|&j| is_sentence_end(key[j]))
            .map_or(0, |j| j + 1);
        // Lean back over clauses that name nothing, to the one that does.
        let mut k = c;
        if is_weak(c) {
            while k > 0 && clauses[k - 1].start >= sentence_start {
                k -= 1;
                if !is_weak(k) {
                    break;
                }
            }
        }
        let zones = Zones {
            carried: clauses[k].start.min(clause.start)..clause.start,
            sentence: sentence_start..clause.start,
            part_of_previous: opens_with(key, clause.start, "其中"),
            clause: clause.clone(),
            ..Zones::default()
        };
        let listed = c > 0
            && clauses[c - 1].start >= sentence_start
            && of_clause[c - 1]
                .clone()
                .any(|j| found[j].unit == figures[0].unit)
            && !(clause.start..figures[0].start).any(|j| predicate_at(key, j));
        for (k, [before, after, tail]) in own_words(key, figures, clause).into_iter().enumerate() {
            out.push(Zones {
                before,
                after,
                tail,
                listed: listed && figures[k].start == figures[0].start,
                ..zones.clone()
            });
        }
    }
    out
}

/// The line's clauses, each up to and without its closing mark.
fn clauses(key: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (j, &c) in key.iter().enumerate() {
        if is_clause_end(c) {
            out.push(start..j);
            start = j + 1;
        }
    }
    out.push(start..key.len());
    out
}

/// Whether the clause's text, less its figures, is made only of words
/// that name nothing.
fn names_nothing(key: &[char], clause: &Range<usize>, figures: &[Found]) -> bool {
    let mut j = clause.start;
    let mut left = 0;
    let mut next = figures.iter().peekable();
    // Two chars that name something settle it: the rest of a long clause
    // is not read.
    while j < clause.end && left < 2 {
        while next.next_if(|f| f.end <= j && f.start < j).is_some() {}
        if let Some(f) = next.next_if(|f| f.start == j) {
            j = f.end.max(j + 1);
        } else if let Some((_, n)) = WEAK_WORDS.at(key, j) {
            j += n;
        } else {
            left += usize::from(is_han(key[j]) && key[j] != '率');
            j += 1;
        }
    }
    left < 2
}

/// Whether the text from `at` opens with `word`, after spaces.
fn opens_with(key: &[char], at: usize, word: &str) -> bool {
    let at = (at..key.len()).find(|&j| key[j] != ' ').unwrap_or(at);
    crate::text::numeral::starts_with(key, at, word)
}

/// The own words of each of a clause's figures (in order; figures that
/// share a span share their words).
fn own_words(key: &[char], figures: &[Found], clause: &Range<usize>) -> Vec<[Range<usize>; 3]> {
    // A span of years (连续三年) says how long, not what: it does not cut
    // the clause between the figures around it.
    let mut spans: Vec<&Found> = figures.iter().filter(|f| !is_span_of_years(f)).collect();
    spans.dedup_by_key(|g| g.start);
    // A list of figures (joined by 、和及与) is a breakdown: the predicate
    // after it is said of the sum.
    let listed = spans.windows(2).any(|w| joined(key, w[0].end, w[1].start));
    let tail = match spans.last() {
        Some(last) if !listed => after_unit(key, last.end).end.min(clause.end)..clause.end,
        _ => clause.end..clause.end,
    };
    let mut by_span: Vec<(usize, [Range<usize>; 3])> = Vec::with_capacity(spans.len());
    for (at, f) in spans.iter().enumerate() {
        let after = after_unit(key, f.end);
        let before_start = match at.checked_sub(1).map(|p| spans[p]) {
            None => clause.start,
            // A figure with no noun of its own after it counts the noun
            // before it, even the one the figure before classifies
            // ("54个主题活动3000余场": the events are 3000).
            Some(prev) if after.is_empty() && !joined(key, prev.end, f.start) => prev.end,
            Some(prev) => start_after(key, prev, f.start),
        };
        by_span.push((f.start, [before_start..f.start, after, tail.clone()]));
    }
    // Figures and spans are in the same order: walk both.
    let mut next = by_span.iter().peekable();
    figures
        .iter()
        .map(|f| {
            while next.next_if(|(start, _)| *start < f.start).is_some() {}
            match next.peek() {
                Some((start, own)) if *start == f.start => own.clone(),
                _ => Default::default(),
            }
        })
        .collect()
}

/// 连续三年, 三年来: a span of years that qualifies what follows.
fn is_span_of_years(f: &Found) -> bool {
    f.kind == super::Kind::Duration && matches!(f.unit, "年" | "周年")
}

/// Whether a conjunction stands between two places.
fn joined(key: &[char], from: usize, to: usize) -> bool {
    (from..to).any(|j| is_conjunction(key, j))
}

/// Where the words of the figure after `prev` start: after `prev`'s own
/// noun ("35个部门1283个事项": 部门 is 35's), or right after `prev` when a
/// predicate or a conjunction follows it ("两期对执法人员800余人": the
/// people are 800's).
fn start_after(key: &[char], prev: &Found, until: usize) -> usize {
    let noun = after_unit(key, prev.end);
    if noun.is_empty() || prev.noun_unit {
        let mut j = prev.end;
        while j < until && is_conjunction(key, j) {
            j += 1;
        }
        return j;
    }
    let mut j = noun.end.min(until);
    while j < until && is_conjunction(key, j) {
        j += 1;
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::scan;

    fn zones_of(line: &str) -> (Vec<char>, Vec<Found>, Vec<Zones>) {
        let key: Vec<char> = crate::text::script::key(line).chars().collect();
        let found = super::super::label::assign(&key, &key, scan::find(&key));
        let z = zones(&key, &found);
        (key, found, z)
    }

    fn text(key: &[char], r: &Range<usize>) -> String {
        key[r.clone()].iter().collect()
    }

    fn own_text(line: &str, i: usize) -> Vec<String> {
        let (key, _, z) = zones_of(line);
        [&z[i].before, &z[i].after, &z[i].tail]
            .into_iter()
            .filter(|r| !r.is_empty())
            .map(|r| text(&key, r))
            .collect()
    }

    #[test]
    fn a_noun_between_two_figures_goes_with_the_right_one() {
        assert_eq!(
            own_text("全市35个部门1283个政务服务事项全部实现一网通办", 0),
            ["全市", "部门", "全部实现一网通办"]
        );
        assert_eq!(
            own_text("全市35个部门1283个政务服务事项全部实现一网通办", 1),
            ["政务服务事项", "全部实现一网通办"]
        );
        assert_eq!(
            own_text("全年分两期对全区行政执法人员800余人进行全覆盖式培训", 1),
            ["对全区行政执法人员", "进行全覆盖式培训"]
        );
    }

    #[test]
    fn a_breakdown_does_not_share_the_predicate() {
        let line = "对6件市政府行政规范性文件和65件政策文件进行合法性审查";
        assert_eq!(own_text(line, 1), ["政策文件"]);
        assert_eq!(
            own_text("对111件市政府常务会议题开展了合法性审查", 0),
            ["对", "市政府常务会议题", "开展了合法性审查"]
        );
    }

    #[test]
    fn a_clause_that_names_nothing_leans_on_the_one_before() {
        let line = "全年市政府共收到行政复议案件256件,审结226件,其中通过协调、调解方式撤回43件,实质化解率达32.82%。";
        let (key, _, z) = zones_of(line);
        assert_eq!(
            text(&key, &z[1].carried),
            "全年市政府共收到行政复议案件256件,"
        );
        assert_eq!(
            text(&key, &z[2].carried),
            "全年市政府共收到行政复议案件256件,审结226件,"
        );
        assert!(z[2].part_of_previous);
        assert!(z[0].carried.is_empty());
        let line = "全区审批事项线上办理353项,占比25.43%,自然人事项249项,占比70.5%。";
        let (key, _, z) = zones_of(line);
        assert_eq!(text(&key, &z[1].carried), "全区审批事项线上办理353项,");
        assert_eq!(text(&key, &z[3].carried), "自然人事项249项,");
    }
}

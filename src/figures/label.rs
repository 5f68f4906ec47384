//! What a figure counts: the noun phrase around it.
//!
//! Reports put the counted noun before the number ("办理行政复议案件35件",
//! "纠错率为6.8%") or after a measure word ("组织800余名执法人员"). The
//! label is the clause text before the figure, with verbs and adverbs of
//! measurement trimmed ("均达到", "同比增长"), or the noun after it when the
//! text before is only a verb. One value said of several rates
//! ("审查率、备案率、合格率均达到100%") becomes one figure per rate; a list of
//! values after 分别 gets one label each.

use std::ops::Range;

use std::sync::LazyLock;

use super::found::{is_clause_end, is_phrase_end, Found};

use super::words::Words;
use super::Kind;

/// Words trimmed from the end of the text before a figure, longest first
/// within each group of the same ending.
const TAIL: &[&str] = &[
    "同比增长",
    "同比下降",
    "同比提高",
    "同比减少",
    "分别达到",
    "分别下降",
    "平均为",
    "平均达",
    "降低到",
    "降低至",
    "提高到",
    "提高至",
    "提升至",
    "降至",
    "降到",
    "降为",
    "升至",
    "增至",
    "减至",
    "分别增长",
    "分别为",
    "均达到",
    "均达",
    "均为",
    "均在",
    "均是",
    "都达到",
    "都为",
    "达到",
    "达",
    "为",
    "是",
    "在",
    "共计",
    "合计",
    "总计",
    "累计",
    "共",
    "计",
    "约",
    "近",
    "超过",
    "超",
    "逾",
    "同比",
    "增长",
    "下降",
    "提高",
    "上升",
    "提升",
    "提速",
    "增加",
    "减少",
    "降低",
    "降幅",
    "增幅",
    "精简",
    "压缩",
    "缩短",
    "平均",
    "月均",
    "年均",
    "分别",
    "均",
    "都",
    "了",
    "有",
    "至",
    "到",
    "已",
    "实现",
    "连续",
];

/// Words trimmed from the start of a label.
const LEAD: &[&str] = &[
    "其中",
    "全年",
    "共",
    "累计",
    "并",
    "且",
    "已",
    "先后",
    "同时",
    "此外",
    "另外",
    "目前",
    "截至目前",
    "今年以来",
    "年内",
    "共有",
    "全市",
    "全区",
    "全县",
    "全省",
    "我市",
    "我区",
    "我县",
    "积极",
    "有效",
    "依法",
    "进一步",
];

/// Verbs that take the counted noun as their object ("组织800名执法人员").
const VERBS: &[&str] = &[
    "实现", "开展", "办理", "受理", "组织", "举办", "培训", "审查", "制定", "清理", "完成", "化解",
    "收到", "出台", "发布", "公布", "建立", "建成", "设立", "聘请", "覆盖", "涉及", "新增", "处理",
    "调处", "提出", "解决", "梳理", "修改", "废止", "评查", "召开", "签订", "印发", "帮助", "服务",
    "挽回", "减免", "培育", "选派", "组建", "打造", "推出", "开设", "编制", "审核", "备案", "成立",
    "配备", "落实", "参加", "参与", "引导", "分", "对", "向", "为", "推动", "推进", "形成", "汇编",
    "收集", "征集", "办结", "接待", "走访", "指导",
];

/// Words after a figure that begin a predicate, not a noun.
const ADVERBS: &[&str] = &[
    "进一步",
    "依法",
    "按时",
    "按期",
    "及时",
    "进行",
    "被",
    "获",
    "得到",
    "通过",
    "全部",
    "均",
    "已",
    "不",
    "以",
    "在",
    "从",
    "将",
    "纳入",
    "次",
    "参加",
    "参与",
    "接受",
    "得以",
    "予以",
    "大幅",
    "有效",
    "同比",
];

static TAIL_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(TAIL.iter().copied()));
static LEAD_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(LEAD.iter().copied()));
/// Verbs and adverbs: where a predicate starts.
static PREDICATE_WORDS: LazyLock<Words> =
    LazyLock::new(|| Words::new(VERBS.iter().chain(ADVERBS).copied()));
/// Verbs and lead words: text before a figure that names no noun.
static NO_NOUN_WORDS: LazyLock<Words> =
    LazyLock::new(|| Words::new(VERBS.iter().chain(LEAD).copied()));

/// Longest label kept, in chars, where a word starts to cut it: the end
/// of a long clause is what it counts.
const MAX_LABEL: usize = 18;

/// Words of the genre a label may start or end beside (besides the verbs,
/// adverbs and lead and tail words above): the places and bodies that
/// open a noun phrase.
const OPENERS: &[&str] = &[
    "全市",
    "全区",
    "全县",
    "全省",
    "全国",
    "各级",
    "各类",
    "市政府",
    "区政府",
    "县政府",
    "市委",
    "区委",
    "县委",
    "市级",
    "区级",
    "县级",
    "镇街",
    "乡镇",
    "重点",
    "年度",
    "全面",
    "深入",
    "持续",
    "累计",
    "共计",
    "其中",
    "同时",
    "积极",
    "推动",
    "推进",
    "实行",
    "建立",
    "健全",
    "完善",
    "加强",
    "强化",
    "深化",
    "落实",
    "全年",
    "今年",
    "去年",
    "当年",
];

/// The words of two chars or more of these lists.
fn long_words(lists: &[&[&'static str]]) -> Words {
    Words::new(
        lists
            .iter()
            .flat_map(|l| l.iter().copied())
            .filter(|w| w.chars().count() >= 2),
    )
}

/// Every word a label may be cut beside.
static CUT_WORDS: LazyLock<Words> =
    LazyLock::new(|| long_words(&[VERBS, ADVERBS, LEAD, TAIL, OPENERS]));

/// Words a label may start after: the predicate and lead words before a
/// noun. Not the openers, which begin the noun (a label starts at 市委 in
/// 市委常委会会议, never after it).
static AFTER_WORDS: LazyLock<Words> = LazyLock::new(|| long_words(&[VERBS, ADVERBS, LEAD, TAIL]));

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
                label = out
                    .last()
                    .map(|f: &Found| f.label.clone())
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
        let use_after = !after.is_empty()
            && f.kind != Kind::Money
            && (examples
                || (noun_follows
                    && (f.kind == Kind::Count
                        || before.len() < 2
                        || self.follows_figure
                        || verb_before)));
        if use_after {
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

/// The `n` things the nearest earlier clause of the sentence lists
/// ("刑事、治安警情"), completed, as written and as keys.
fn listed_before(
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

/// Bodies a figure counts ("32个职能部门"): the noun ends there, whatever
/// follows is another phrase's.
const BODY_HEADS: &[&str] = &["部门", "单位", "机关", "乡镇", "街道", "镇街", "社区", "村"];

static BODIES: LazyLock<Words> = LazyLock::new(|| Words::new(BODY_HEADS.iter().copied()));

/// Whether a predicate starts at `j`: a verb or adverb that is not the
/// first half of a compound noun ("服务" in 政务服务事项, "培训" in 培训班).
/// A predicate that ends a noun inside it: an adverb (均, 已), or a verb
/// of two chars or more; a one-char verb (分, 对, 为) there is more often
/// part of a word (部分).
fn long_predicate_at(key: &[char], j: usize) -> bool {
    PREDICATE_WORDS.at(key, j).is_some_and(|(_, n)| n >= 2) || ADVERB_WORDS.at(key, j).is_some()
}

static ADVERB_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(ADVERBS.iter().copied()));

pub(super) fn predicate_at(key: &[char], j: usize) -> bool {
    PREDICATE_WORDS
        .at(key, j)
        .is_some_and(|(_, n)| NOUN_HEADS.at(key, j + n).is_none())
}

/// The heads of compound nouns whose first half is a verb.
const HEADS: &[&str] = &[
    "事项", "中心", "站", "点", "平台", "体系", "人员", "机构", "案件", "组织", "队伍", "窗口",
    "热线", "专线", "网点", "场所", "阵地", "基地", "项目", "资金", "文件", "清单", "班", "对象",
    "材料", "意见", "建议", "报告", "率",
];

static NOUN_HEADS: LazyLock<Words> = LazyLock::new(|| Words::new(HEADS.iter().copied()));

fn same_ending(parts: &[(String, Vec<char>)]) -> bool {
    let last = |s: &(String, Vec<char>)| s.1.last().copied();
    parts.iter().all(|p| last(p) == last(&parts[0]))
}

/// Completes short parts from a long one: "规范性文件审查率、备案率" gives
/// 规范性文件备案率; "刑事、治安警情立案数" gives 刑事警情立案数.
fn complete_parts(parts: &[Vec<char>]) -> Vec<String> {
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

#[cfg(test)]
mod tests {
    use crate::figures::extract::line;

    fn labels(text: &str) -> Vec<String> {
        line(text).into_iter().map(|f| f.label).collect()
    }

    #[test]
    fn label_is_the_clause_before() {
        assert_eq!(labels("全年办理行政复议案件35件。"), ["办理行政复议案件"]);
        assert_eq!(labels("行政复议纠错率为6.8%，"), ["行政复议纠错率"]);
        // A quoted name keeps both its quotes; a quote the label does
        // not close is left out.
        assert_eq!(
            labels("网上可办率达98%,“一网通办”事项1876项。"),
            ["网上可办率", "“一网通办”事项"]
        );
        assert_eq!(labels("推行“一件事”,办件量3200件。"), ["办件量"]);
        // A long label starts at the body that opens it, and a list is
        // never cut after its 、.
        assert_eq!(
            labels("市委常委会会议、市政府常务会议集体学法12次。"),
            ["市委常委会会议、市政府常务会议集体学法"]
        );
        assert_eq!(
            labels("全年审核市政府规章、行政规范性文件、政策措施文件860件。"),
            ["市政府规章、行政规范性文件、政策措施文件"]
        );
    }

    #[test]
    fn label_is_the_noun_after_a_verb() {
        assert_eq!(labels("组织800余名执法人员参加培训"), ["执法人员"]);
        assert_eq!(labels("全年分两期对执法人员开展培训"), ["对执法人员"]);
        assert_eq!(labels("实现6个部门30项高频事项"), ["部门", "高频事项"]);
    }

    #[test]
    fn one_value_several_rates() {
        assert_eq!(
            labels("规范性文件审查率、备案率、合格率均达到100%"),
            ["规范性文件审查率", "规范性文件备案率", "规范性文件合格率"]
        );
    }

    #[test]
    fn values_respectively() {
        assert_eq!(
            labels("刑事、治安警情立案数分别下降28.2%、9.2%"),
            ["刑事警情立案数", "治安警情立案数"]
        );
    }
}

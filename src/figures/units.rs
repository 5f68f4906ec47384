//! The words that follow a number in the reports: measure words, units of
//! time and money, and the nouns counted without a measure word. All in
//! Simplified key form (see [`crate::text::script::key`]), so Traditional text
//! matches them too.

use std::sync::LazyLock;

use super::words::Words;
use super::Kind;
pub use crate::text::numeral::starts_with;

/// Measure words and units, with the kind of figure they make.
const UNITS: &[(&str, Kind)] = &[
    // Counts of people, cases, items, events.
    ("人次", Kind::Count),
    ("场次", Kind::Count),
    ("家次", Kind::Count),
    ("件次", Kind::Count),
    ("户次", Kind::Count),
    ("批次", Kind::Count),
    ("车次", Kind::Count),
    ("个", Kind::Count),
    ("件", Kind::Count),
    ("项", Kind::Count),
    ("条", Kind::Count),
    ("份", Kind::Count),
    ("名", Kind::Count),
    ("家", Kind::Count),
    ("人", Kind::Count),
    ("户", Kind::Count),
    ("次", Kind::Count),
    ("场", Kind::Count),
    ("期", Kind::Count),
    ("支", Kind::Count),
    ("批", Kind::Count),
    ("篇", Kind::Count),
    ("张", Kind::Count),
    ("部", Kind::Count),
    ("种", Kind::Count),
    ("类", Kind::Count),
    ("套", Kind::Count),
    ("本", Kind::Count),
    ("册", Kind::Count),
    ("座", Kind::Count),
    ("所", Kind::Count),
    ("处", Kind::Count),
    ("宗", Kind::Count),
    ("例", Kind::Count),
    ("位", Kind::Count),
    ("笔", Kind::Count),
    ("单", Kind::Count),
    ("卷", Kind::Count),
    ("起", Kind::Count),
    ("轮", Kind::Count),
    ("台", Kind::Count),
    ("辆", Kind::Count),
    ("块", Kind::Count),
    ("封", Kind::Count),
    ("组", Kind::Count),
    ("队", Kind::Count),
    ("村", Kind::Count),
    ("镇", Kind::Count),
    ("度", Kind::Count),
    ("吨", Kind::Count),
    ("亩", Kind::Count),
    ("公里", Kind::Count),
    ("千米", Kind::Count),
    ("平方米", Kind::Count),
    ("平方公里", Kind::Count),
    ("立方米", Kind::Count),
    ("公顷", Kind::Count),
    ("公斤", Kind::Count),
    ("千克", Kind::Count),
    ("斤", Kind::Count),
    ("千瓦时", Kind::Count),
    ("千瓦", Kind::Count),
    ("课时", Kind::Count),
    ("学时", Kind::Count),
    // Money: 万/亿 are part of the number, so 万元 is 元.
    ("元", Kind::Money),
    ("美元", Kind::Money),
    ("欧元", Kind::Money),
    ("港元", Kind::Money),
    // Time.
    ("个工作日", Kind::Duration),
    ("工作日", Kind::Duration),
    ("个月", Kind::Duration),
    ("小时", Kind::Duration),
    ("分钟", Kind::Duration),
    ("周年", Kind::Duration),
    ("天", Kind::Duration),
    ("秒", Kind::Duration),
    ("周", Kind::Duration),
    // Levels and changes.
    ("个百分点", Kind::Rate),
    ("百分点", Kind::Rate),
    ("倍", Kind::Ratio),
];

/// Nouns counted with no measure word (五部门, 四部委, 六方面) and head
/// nouns after 大 (四大行动, 6大基础库). Only after a number.
const COUNTED_NOUNS: &[&str] = &[
    "部门",
    "部委",
    "方面",
    "领域",
    "行业",
    "行动",
    "工程",
    "体系",
    "机制",
    "平台",
    "板块",
    "任务",
    "清单",
    "中心",
    "系统",
    "专项",
    "环节",
    "区域",
    "片区",
    "园区",
    "产业",
    "举措",
    "措施",
    "库",
    "类",
    "项",
    "奖项",
    "区",
    "县",
    "乡镇",
    "街道",
    "单位",
    "人口",
    "家庭",
    "农户",
    "农民",
    "毕业生",
    "职工",
    "群众",
    "老人",
    "儿童",
    "学生",
    "经营主体",
    "市场主体",
    "企业",
];

/// Units that count one quantity, so that figures in them compare: the
/// one table every comparison reads (years, figures face to face, the
/// corpus chart). Money is in 元 and rates in % already.
const SAME_QUANTITY: &[&[&str]] = &[&["人", "名", "位"], &["件", "宗"], &["场", "场次"]];

/// Whether figures in units `a` and `b` count one quantity: the same
/// unit, or two of one row of [`SAME_QUANTITY`] (1,200 人 and 1,300 名
/// are both people).
pub(crate) fn same_quantity(a: &str, b: &str) -> bool {
    a == b
        || SAME_QUANTITY
            .iter()
            .any(|row| row.contains(&a) && row.contains(&b))
}

static UNIT_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(UNITS.iter().map(|(u, _)| *u)));
static NOUN_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(COUNTED_NOUNS.iter().copied()));

/// A unit starting at `chars[at]`: its key text and kind, longest first.
pub(crate) fn unit_at(chars: &[char], at: usize) -> Option<(&'static str, Kind)> {
    UNIT_WORDS.at(chars, at).map(|(i, _)| UNITS[i])
}

/// A counted noun starting at `chars[at]`, longest first.
pub(crate) fn counted_noun_at(chars: &[char], at: usize) -> Option<&'static str> {
    NOUN_WORDS.at(chars, at).map(|(i, _)| COUNTED_NOUNS[i])
}

/// The last counted noun that ends inside `chars[from..to]`: the head of
/// "四大营商环境优化行动" is 行动. Returns (noun, end).
pub(crate) fn head_noun(chars: &[char], from: usize, to: usize) -> Option<(&'static str, usize)> {
    let (at, noun) = (from..to)
        .rev()
        .find_map(|i| counted_noun_at(chars, i).map(|n| (i, n)))?;
    let end = at + noun.chars().count();
    // The whole word that ends there: 奖项, not its last char 项.
    let whole = (from..at)
        .rev()
        .take(3)
        .filter_map(|i| counted_noun_at(chars, i).map(|n| (i, n)))
        .find(|&(i, n)| i + n.chars().count() == end)
        .map_or(noun, |(_, n)| n);
    (end <= to).then_some((whole, end))
}

/// True when `chars[..at]` ends with `s`.
pub fn ends_with(chars: &[char], at: usize, s: &str) -> bool {
    let n = s.chars().count();
    at >= n && starts_with(chars, at - n, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn longest_unit_wins() {
        assert_eq!(unit_at(&chars("人次"), 0).unwrap().0, "人次");
        assert_eq!(unit_at(&chars("个工作日内"), 0).unwrap().0, "个工作日");
        assert_eq!(unit_at(&chars("个部门"), 0).unwrap().0, "个");
        assert!(unit_at(&chars("月"), 0).is_none());
    }

    #[test]
    fn head_noun_is_the_last_one() {
        let c = chars("营商环境优化行动，");
        assert_eq!(head_noun(&c, 0, 8), Some(("行动", 8)));
        let c = chars("基础库、");
        assert_eq!(head_noun(&c, 0, 3), Some(("库", 3)));
        let c = chars("奖项,");
        assert_eq!(head_noun(&c, 0, 2), Some(("奖项", 2)));
    }
}

#[cfg(test)]
mod same_quantity_tests {
    use super::same_quantity;

    #[test]
    fn one_table_says_which_units_compare() {
        assert!(same_quantity("人", "名") && same_quantity("名", "位"));
        assert!(same_quantity("件", "宗") && same_quantity("件", "件"));
        assert!(!same_quantity("人", "人次") && !same_quantity("件", "项"));
        assert!(!same_quantity("个", "件"));
    }
}

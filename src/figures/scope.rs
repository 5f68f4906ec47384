//! Whose figure it is, by the words before it in its clause: the whole
//! area's total (共计, 全市共: a table takes it over another figure of its
//! paragraph), or only some bodies' (有关部门, 部分乡镇: no indicator of
//! the area). Asked only of figures that are an indicator.

use std::ops::Range;
use std::sync::LazyLock;

use super::words::Words;

/// Words that give a figure as the whole area's total.
const TOTAL: &[&str] = &[
    "共计",
    "合计",
    "总计",
    "总共",
    "一共",
    "共有",
    "总量",
    "总数",
    "全市共",
    "全区共",
    "全县共",
    "全省共",
    "全市各级",
    "全区各级",
    "全县各级",
];

/// Words that give a figure as only some bodies'.
const SOME_BODIES: &[&str] = &[
    "有关部门",
    "相关部门",
    "部分部门",
    "部分单位",
    "部分乡镇",
    "部分街道",
    "部分地区",
    "部分区县",
    "个别",
];

static TOTAL_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(TOTAL.iter().copied()));
static SOME_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(SOME_BODIES.iter().copied()));

/// Whether the words `before` a figure give it as the area's total.
pub(super) fn total(key: &[char], before: &Range<usize>) -> bool {
    says(key, before, &TOTAL_WORDS) || lone_gong(key, before)
}

/// Whether the words `before` a figure give it as only some bodies'.
pub(super) fn some_bodies(key: &[char], before: &Range<usize>) -> bool {
    says(key, before, &SOME_WORDS)
}

fn says(key: &[char], r: &Range<usize>, words: &Words) -> bool {
    let within = &key[..r.end.min(key.len())];
    r.clone().any(|j| words.at(within, j).is_some())
}

/// 共 as a word of its own among the figure's words before it: "共120件",
/// "共收到…", never 公共 or 共同.
fn lone_gong(key: &[char], before: &Range<usize>) -> bool {
    before.clone().any(|j| {
        key[j] == '共'
            && !matches!(
                j.checked_sub(1).map(|p| key[p]),
                Some('公' | '中' | '总' | '一')
            )
            && !matches!(key.get(j + 1), Some('同' | '享' | '建' | '治' | '识'))
    })
}

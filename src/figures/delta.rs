//! A count, amount or duration stated as what was taken away or added:
//! "精简行政许可事项140项", "取消证明事项16项", "累计压缩办理时限900余个工作日",
//! "信访量减少120件". Such a figure is the size of a change to a stock,
//! not the stock: 140 items cut is not the number of approval items, 900
//! working days saved over many matters is no processing time. Only an
//! indicator whose quantity is itself what was removed (`delta = true`
//! in the catalogue) takes one. A level reached ("压缩至2小时内",
//! "减少到120次") is the stock again.

use std::sync::LazyLock;

use super::found::is_clause_end;
use super::words::Words;

/// Verbs that take something away or add to it, governing the figure.
/// Reductions, and 增加: 提高 and 提升 more often govern a quality
/// ("提升执法能力") than the count after it, and 撤销 an outcome (a
/// decision annulled in review) as often as a cut.
const VERBS: &[&str] = &[
    "取消", "精简", "下放", "削减", "压减", "压降", "压缩", "缩短", "缩减", "减少", "减量", "核减",
    "节省", "节约", "裁减", "下降", "降低", "增加",
];

/// Words after which the figure is the level reached, not the change.
const LEVEL: &[char] = &['至', '到', '为', '后', '成', '在'];

/// How far before the figure a verb still governs it (the object
/// between: "压缩办理时限", "精简行政许可事项").
const REACH: usize = 12;

static VERB_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(VERBS.iter().copied()));

/// Whether the figure starting at `start` (hedges included) is governed,
/// in its clause, by a verb of change with no level word between.
pub(super) fn governed(key: &[char], start: usize) -> bool {
    let mut j = start;
    while j > 0 && start - j < REACH {
        let c = key[j - 1];
        if is_clause_end(c) || c == '、' || LEVEL.contains(&c) || c.is_ascii_digit() {
            return false;
        }
        if VERB_WORDS.before(key, j).is_some() {
            return true;
        }
        j -= 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_figure(line: &str, figure: &str) -> bool {
        let key: Vec<char> = line.chars().collect();
        let at = line
            .find(figure)
            .map(|b| line[..b].chars().count())
            .unwrap();
        governed(&key, at)
    }

    #[test]
    fn a_change_is_not_its_stock() {
        assert!(at_figure("精简行政许可事项140项", "140"));
        assert!(at_figure("累计压缩办理时限900余个工作日", "900"));
        assert!(at_figure("取消证明事项16项", "16"));
        assert!(!at_figure("办理时限压缩至2小时内", "2"));
        assert!(!at_figure("现区级保留的行政许可事项218项", "218"));
        assert!(!at_figure("压缩审批环节,办理行政许可事项218项", "218"));
    }
}

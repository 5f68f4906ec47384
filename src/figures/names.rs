//! Numbers that name rather than count: the ordinal of a session
//! (六次全会, 十四届人大二次会议, 二次、三次、四次全会) and the fixed sets of
//! political language (八项规定, 行政执法三项制度, 五项原则, 四大工程,
//! 四个意识), whose numeral is part of the name: a report that "落实中央八项
//! 规定精神" states no count of rules.

use super::units::starts_with;
use crate::text::numeral::{self, Number};

/// 六次全会, 十四届人大二次会议, 五次、六次全会: the ordinal of a session,
/// not a count of meetings ("召开常务会议12次" is one). `end` is where the
/// 次 ends.
pub(super) fn session_ordinal(key: &[char], start: usize, end: usize) -> bool {
    let meeting = |at: usize| {
        ["全会", "全体会议", "会议"]
            .iter()
            .any(|w| starts_with(key, at, w))
    };
    // 届 a few words back in the same phrase: 十四届县人大二次、三次会议.
    let after_term = (start.saturating_sub(12)..start)
        .rev()
        .take_while(|&j| !super::found::is_clause_end(key[j]))
        .any(|j| key[j] == '届');
    // A list of ordinals shares the meeting its last one names:
    // 二次、三次、四次全会.
    let end = past_listed_sessions(key, end);
    starts_with(key, end, "全会")
        || starts_with(key, end, "全体会议")
        || (meeting(end) && after_term)
}

/// Past every "、N次" that follows `end`.
fn past_listed_sessions(key: &[char], mut end: usize) -> usize {
    while key.get(end) == Some(&'、') {
        let digits = (end + 1..key.len())
            .take_while(|&j| numeral::is_chinese_numeral(key[j]) || key[j].is_ascii_digit())
            .count();
        let next = end + 1 + digits;
        if digits == 0 || key.get(next) != Some(&'次') {
            break;
        }
        end = next + 1;
    }
    end
}

/// The heads of the fixed sets political language names by a small
/// number: 八项规定, 五项原则, 三项制度, 四大工程, 五大理念, 四个意识,
/// 四个自信, 两个维护, 两个确立, 四个全面.
const SET_NAMES: &[&str] = &[
    "规定",
    "原则",
    "制度",
    "工程",
    "理念",
    "战略",
    "意识",
    "自信",
    "维护",
    "确立",
    "全面",
    "纪律",
    "禁令",
    "基本原则",
];

/// Whether a number written in Chinese numerals, ending at `end`, is the
/// numeral of a fixed set's name: a small number, a measure word of sets
/// (项 个 大 条), then one of [`SET_NAMES`]. Written in Arabic digits the
/// same words count things ("出台3项制度").
pub(super) fn names_a_set(key: &[char], end: usize, num: &Number) -> bool {
    let small = num.value.as_int().is_some_and(|v| (2..=10).contains(&v));
    num.chinese
        && small
        && matches!(key.get(end), Some('项' | '个' | '大' | '条'))
        && SET_NAMES.iter().any(|w| starts_with(key, end + 1, w))
}

#[cfg(test)]
mod tests {
    fn raws(line: &str) -> Vec<String> {
        crate::figures::extract::line(line)
            .into_iter()
            .map(|f| f.raw)
            .collect()
    }

    #[test]
    fn listed_session_ordinals_are_no_counts() {
        for line in [
            "学习贯彻十九届二次、三次、四次全会精神。",
            "召开十四届县人大二次、三次会议。",
            "深入学习党的二十届二中、三中全会精神,市委五次、六次全体会议。",
        ] {
            assert!(raws(line).is_empty(), "{line}: {:?}", raws(line));
        }
        assert_eq!(raws("召开常务会议12次、专题会议3次。"), ["12次", "3次"]);
    }

    #[test]
    fn the_numerals_of_fixed_names_are_no_counts() {
        for line in [
            "严格落实中央八项规定精神,坚持和平共处五项原则。",
            "全面推行行政执法三项制度,实施四大工程。",
            "增强四个意识、坚定四个自信、做到两个维护。",
        ] {
            assert!(raws(line).is_empty(), "{line}: {:?}", raws(line));
        }
        assert_eq!(raws("出台3项制度,荣获四大奖项。"), ["3项", "四大奖项"]);
    }
}

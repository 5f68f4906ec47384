//! The place a report names as its own only in its body, for a report
//! whose title, metadata, signature and opening name none (a page that
//! lost its title, a department's report that says only 市市场监管局).
//! What the genre writes of its own place:
//!
//! - 习近平总书记关于湖北工作的重要讲话 / 考察上海重要讲话精神: the leader's
//!   words on the place's own work;
//! - 法治上海建设: the place's own rule-of-law programme;
//! - a department named by its level alone in the opening (市市场监管局):
//!   the division of that level the text names most (绍兴市 in
//!   《绍兴市电梯安全管理规定》).
//!
//! A place named as the object of help or comparison (对口支援某地,
//! 学习某地经验) is never the report's. Every place must be a division the
//! gazetteer knows; the reading is marked inferred.

use std::sync::LazyLock;

use regex::Regex;

use super::divisions::{self, gazetteer};
use super::place::Level;
use super::LineKind;
use crate::text::script;

/// A place read from the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub place: String,
    /// The department the opening names, with its place (绍兴市市场监管局).
    pub body: Option<String>,
    pub level: Level,
    pub division: Option<u32>,
}

/// Phrases that name the report's own place in group 1.
static OWN_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"关于(\p{Han}{2,10}?)工作的?重要(?:讲话|指示)",
        r"|考察(\p{Han}{2,10}?)(?:时的?)?重要讲话",
        r"|法治(\p{Han}{2,8}?)建设",
    ))
    .expect("own place")
});

/// An opening that names its writer by its level alone, first or after
/// the year: 2023年,市市场监管局….
static LEVEL_DEPARTMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|(?:19|20)\d{2}\s*年(?:度|以来)?\s*[,，]\s*)([省市区县])(\p{Han}{1,10}?(?:局|委|办|厅))")
        .expect("level department")
});

/// Words before a place that make it another's: help, exchange, travel.
const NOT_OWN_BEFORE: &[&str] = &[
    "对口", "支援", "帮扶", "协作", "学习", "借鉴", "赴", "前往", "与", "同", "援",
];

/// How much of the body is read: the opening sections say who writes.
const MAX_CHARS: usize = 20_000;

/// The place the body names as the report's own, if any.
pub(crate) fn infer(lines: &[&str], kinds: &[LineKind], opening: Option<&str>) -> Option<Found> {
    let mut body = String::new();
    for (line, _) in lines
        .iter()
        .zip(kinds)
        .filter(|(_, k)| **k == LineKind::Text)
    {
        body.push_str(&script::key(line));
        body.push('\n');
        if body.len() > MAX_CHARS * 3 {
            break;
        }
    }
    own_place(&body).or_else(|| department_place(&body, &script::key(opening?)))
}

/// The first place a phrase of the genre names as the report's own.
fn own_place(body: &str) -> Option<Found> {
    OWN_PLACE.captures_iter(body).find_map(|c| {
        let m = c.iter().skip(1).flatten().next()?;
        let d = whole_division(m.as_str())?;
        let name = gazetteer().get(d).name;
        Some(Found {
            place: name.to_owned(),
            body: None,
            level: level_of(name),
            division: Some(d),
        })
    })
}

/// The division a text names whole: its full or short name.
fn whole_division(s: &str) -> Option<u32> {
    let key: Vec<char> = s.chars().collect();
    let named = divisions::named_at(&key, 0, None).filter(|n| n.end == key.len())?;
    divisions::pick(&named.candidates)
}

/// The level a division's unit word says.
fn level_of(name: &str) -> Level {
    if name.ends_with('省') || name.ends_with("自治区") {
        Level::Province
    } else if name.ends_with('区') || name.ends_with('县') || name.ends_with('旗') {
        Level::County
    } else {
        Level::City
    }
}

/// A department the opening names by its level (市市场监管局): its place
/// is the division of that level the body names most, not as another's.
fn department_place(body: &str, opening: &str) -> Option<Found> {
    let c = LEVEL_DEPARTMENT.captures(opening)?;
    let unit = c.get(1)?.as_str();
    let department = c.get(2)?.as_str();
    let g = gazetteer();
    let mut counts: Vec<(u32, usize, usize)> = Vec::new();
    for m in divisions::current_names_in(body) {
        let name = &body[m.clone()];
        let before = &body[..m.start];
        let tail: String = before
            .chars()
            .rev()
            .take(4)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if !name.ends_with(unit) || NOT_OWN_BEFORE.iter().any(|w| tail.ends_with(w)) {
            continue;
        }
        let Some(d) = divisions::pick(g.named(name)) else {
            continue;
        };
        match counts.iter_mut().find(|(x, _, _)| *x == d) {
            Some((_, n, _)) => *n += 1,
            None => counts.push((d, 1, m.start)),
        }
    }
    let (d, _, _) = counts
        .into_iter()
        .max_by_key(|&(_, n, first)| (n, std::cmp::Reverse(first)))?;
    let name = g.get(d).name;
    Some(Found {
        place: name.to_owned(),
        body: Some(format!("{name}{department}")),
        level: Level::Department,
        division: Some(d),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn infer_from(text: &str) -> Option<Found> {
        let lines: Vec<&str> = text.lines().collect();
        let kinds = vec![LineKind::Text; lines.len()];
        infer(&lines, &kinds, lines.first().copied())
    }

    #[test]
    fn the_leaders_words_on_the_places_work_name_it() {
        let f = infer_from("2023年,省政府深入学习贯彻习近平总书记关于湖北工作的重要讲话精神。")
            .unwrap();
        assert_eq!((f.place.as_str(), f.level), ("湖北省", Level::Province));
        let f = infer_from("2023年,全市深入贯彻习近平总书记考察上海重要讲话精神。").unwrap();
        assert_eq!(f.place, "上海市");
        let f = infer_from("2023年,全市推进法治廣州建設。").unwrap();
        assert_eq!(f.place, "广州市");
        assert_eq!(infer_from("2023年,推进法治中国建设、法治政府建设。"), None);
    }

    #[test]
    fn a_department_by_its_level_is_of_the_city_the_body_names() {
        let text = "2023年,市市场监管局在市委市政府的坚强领导下,深入学习贯彻习近平法治思想。\n\
                    对口支援阿克苏市,学习杭州市经验。《绍兴市电梯安全管理规定》正式施行。";
        let f = infer_from(text).unwrap();
        assert_eq!(f.place, "绍兴市");
        assert_eq!(f.body.as_deref(), Some("绍兴市市场监管局"));
        assert_eq!(f.level, Level::Department);
        // Only a place helped or learnt from: none.
        let text =
            "2023年,市市场监管局深入学习贯彻习近平法治思想。\n对口支援阿克苏市,学习杭州市经验。";
        assert_eq!(infer_from(text), None);
        // A pronoun names nothing.
        assert_eq!(
            infer_from("2024年,我区坚持依法行政,盐渎街道开展述法。"),
            None
        );
    }
}

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

use super::divisions::{self, gazetteer};
use super::place::Level;
use super::LineKind;
use crate::text::{classes, script};

/// A place read from the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub place: String,
    /// The department the opening names, with its place (绍兴市市场监管局).
    pub body: Option<String>,
    pub level: Level,
    pub division: Option<u32>,
}

/// Phrases that name the report's own place in group 1. As a pattern for
/// tests; read by hand in [`own_place_names`].
#[cfg(test)]
const OWN_PLACE: &str = concat!(
    r"关于(\p{Han}{2,10}?)工作的?重要(?:讲话|指示)",
    r"|考察(\p{Han}{2,10}?)(?:时的?)?重要讲话",
    r"|法治(\p{Han}{2,8}?)建设",
);

/// An opening that names its writer by its level alone, first or after
/// the year: 2023年,市市场监管局…. As a pattern for tests; read by hand
/// in [`level_department`].
#[cfg(test)]
const LEVEL_DEPARTMENT: &str =
    r"(?:^|(?:19|20)\d{2}\s*年(?:度|以来)?\s*[,，]\s*)([省市区县])(\p{Han}{1,10}?(?:局|委|办|厅))";

/// The ends of a place named by [`OWN_PLACE`], after its run of Han
/// chars: the phrase's opening words, the fewest and most chars the place
/// may have, and what may follow it, tried in order.
const OWN_PLACE_PHRASES: [(&str, usize, usize, &[&str]); 3] = [
    (
        "关于",
        2,
        10,
        &[
            "工作的重要讲话",
            "工作的重要指示",
            "工作重要讲话",
            "工作重要指示",
        ],
    ),
    ("考察", 2, 10, &["时的重要讲话", "时重要讲话", "重要讲话"]),
    ("法治", 2, 8, &["建设"]),
];

/// The places each [`OWN_PLACE`] match names, leftmost first, each looked
/// for from the end of the last. By hand: the pattern's runs of a class
/// of 90,000 chars cost more to build than a report takes to read.
fn own_place_names(body: &str) -> impl Iterator<Item = &str> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(i) = body.get(from..)?.find(['关', '考', '法']) {
            let at = from + i;
            match own_place_at(body, at) {
                Some((place, end)) => {
                    from = end;
                    return Some(place);
                }
                None => from = at + body[at..].chars().next().map_or(1, char::len_utf8),
            }
        }
        None
    })
}

/// The [`OWN_PLACE`] match at byte `at`: the place and where it ends. The
/// place is the fewest Han chars after which the phrase goes on.
fn own_place_at(body: &str, at: usize) -> Option<(&str, usize)> {
    let &(opens, least, most, ends) = OWN_PLACE_PHRASES
        .iter()
        .find(|p| body[at..].starts_with(p.0))?;
    let start = at + opens.len();
    let mut end = start;
    for (n, c) in body[start..].chars().take(most).enumerate() {
        if !classes::is_han_script(c) {
            return None;
        }
        end += c.len_utf8();
        if n + 1 >= least {
            if let Some(tail) = ends.iter().find(|e| body[end..].starts_with(*e)) {
                return Some((&body[start..end], end + tail.len()));
            }
        }
    }
    None
}

/// The level and the department of a [`LEVEL_DEPARTMENT`] opening (市,
/// 市场监管局): at its start, or after its year. By hand, as
/// [`own_place_names`].
fn level_department(opening: &str) -> Option<(&str, &str)> {
    std::iter::once(0)
        .chain(
            opening
                .char_indices()
                .filter_map(|(i, _)| after_year_clause(&opening[i..]).map(|n| i + n)),
        )
        .find_map(|at| department_at(opening, at))
}

/// The bytes a year clause at the start of `s` takes (2023年, 2023年度 ,
/// 2023年以来，), with the spaces after its comma.
fn after_year_clause(s: &str) -> Option<usize> {
    let century = s.starts_with("19") || s.starts_with("20");
    let mut chars = s.char_indices().skip(2).peekable();
    let digits = century
        && chars.next_if(|&(_, c)| classes::is_digit(c)).is_some()
        && chars.next_if(|&(_, c)| classes::is_digit(c)).is_some();
    if !digits {
        return None;
    }
    while chars.next_if(|&(_, c)| classes::is_space(c)).is_some() {}
    chars.next_if(|&(_, c)| c == '年')?;
    let at = chars.peek().map_or(s.len(), |&(i, _)| i);
    let rest = &s[at..];
    let word = ["度", "以来"]
        .into_iter()
        .find(|w| rest.starts_with(w))
        .map_or(0, str::len);
    let mut chars = s[at + word..].char_indices().peekable();
    while chars.next_if(|&(_, c)| classes::is_space(c)).is_some() {}
    chars.next_if(|&(_, c)| c == ',' || c == '，')?;
    while chars.next_if(|&(_, c)| classes::is_space(c)).is_some() {}
    Some(at + word + chars.peek().map_or(s.len() - at - word, |&(i, _)| i))
}

/// A level's char at byte `at`, then the fewest Han chars (one to ten)
/// that end in a department's word.
fn department_at(opening: &str, at: usize) -> Option<(&str, &str)> {
    let level = opening[at..]
        .chars()
        .next()
        .filter(|c| "省市区县".contains(*c))?;
    let start = at + level.len_utf8();
    let mut end = start;
    for c in opening[start..].chars().take(10) {
        if !classes::is_han_script(c) {
            return None;
        }
        end += c.len_utf8();
        if let Some(last) = opening[end..]
            .chars()
            .next()
            .filter(|c| "局委办厅".contains(*c))
        {
            let department_end = end + last.len_utf8();
            return Some((&opening[at..start], &opening[start..department_end]));
        }
    }
    None
}

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
    own_place_names(body).find_map(|m| {
        let d = whole_division(m)?;
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
    let (unit, department) = level_department(opening)?;
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

    /// Keyed texts the hand-written rules are held to their patterns on:
    /// the bundled reports and wild pages whole and line by line, each
    /// line cut every way, and phrases at the rules' edges.
    fn sample_keys() -> Vec<String> {
        use crate::report::samples;
        let mut lines = samples::bundled_lines();
        lines.extend(samples::wild_lines());
        let whole = [lines.join("\n")];
        lines.extend(
            [
                "习近平总书记关于湖北工作的重要讲话精神",
                "关于上海工作重要指示",
                "关于一二三四五六七八九十一工作的重要讲话",
                "考察广东时的重要讲话,考察浙江时重要讲话,考察江苏重要讲话",
                "法治中国建设、法治一二三四五六七八九建设、法治上海建设",
                "关于关于湖北工作的重要讲话",
                "2023年,市市场监管局在市委领导下",
                "市交通运输局2023年工作",
                "2023年度 , 区一二三四五六七八九十一局",
                "2023年以来，县委办",
                "１９９９年,省厅",
                "2023 年,市局",
            ]
            .map(str::to_owned),
        );
        let mut keys: Vec<String> = samples::cuts(lines, 40)
            .iter()
            .map(|l| script::key(l))
            .collect();
        keys.extend(whole.iter().map(|t| script::key(t)));
        keys
    }

    #[test]
    fn the_own_place_and_level_rules_are_their_patterns() {
        let own = regex::Regex::new(OWN_PLACE).unwrap();
        let level = regex::Regex::new(LEVEL_DEPARTMENT).unwrap();
        let (mut places, mut departments) = (0, 0);
        for k in sample_keys() {
            let want: Vec<&str> = own
                .captures_iter(&k)
                .filter_map(|c| c.iter().skip(1).flatten().next().map(|m| m.as_str()))
                .collect();
            assert_eq!(own_place_names(&k).collect::<Vec<_>>(), want, "{k:?}");
            places += want.len();
            let want = level
                .captures(&k)
                .map(|c| (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str()));
            assert_eq!(level_department(&k), want, "{k:?}");
            departments += usize::from(want.is_some());
        }
        assert!(places > 20 && departments > 5, "{places} {departments}");
    }

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

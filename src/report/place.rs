//! Places and the bodies that write reports: "重庆市綦江区人民政府",
//! "浙江省市场监督管理局", "张家港市". A name is read as a chain of
//! administrative units, each ending in its unit word (省, 市, 区, 县…),
//! then, optionally, the body (人民政府, 司法局…). Pronouns (我市, 本区,
//! 全县) name no place. Places compare as the same when their most
//! specific units agree and no unit both give differs: 南京市鼓楼区 and
//! 鼓楼区, 張家港市 and 张家港市.

use serde::Serialize;

use super::divisions;
use crate::text::chars::is_han;
use crate::text::script;

/// The level of government a report speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Province,
    City,
    /// A district, county or banner under a city.
    County,
    /// A development zone or new area.
    Zone,
    /// A town, township or street office (镇, 乡, 街道).
    Township,
    /// A department of a government (司法局, 市场监督管理局).
    Department,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::City => "city",
            Level::County => "county",
            Level::Zone => "zone",
            Level::Township => "township",
            Level::Department => "department",
        }
    }
}

/// A body named in the text, as written: the place, and the whole name
/// when a body follows the place ("宜兴市人民政府").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Org {
    /// The place's own name as written, without its parents (龙岗区 for
    /// 深圳市龙岗区); with its parent where the name alone is more than
    /// one division's (南京市鼓楼区).
    pub place: String,
    /// The place and its body, when the text names one.
    pub body: Option<String>,
    pub level: Level,
    /// The gazetteer's division the place is, or lies in (a zone, town or
    /// street); none when the name is not one, or more than one.
    pub division: Option<u32>,
    /// Whether the gazetteer knows the place: a division, or a zone, town
    /// or street under one.
    pub verified: bool,
    /// The chars the name takes at the text's start, spaces not counted.
    pub len: usize,
}

/// Unit words that end an administrative unit, longest first.
const UNITS: &[(&str, Level)] = &[
    ("特别行政区", Level::Province),
    ("自治区", Level::Province),
    ("省", Level::Province),
    ("经济技术开发区", Level::Zone),
    ("高新技术产业开发区", Level::Zone),
    ("开发区", Level::Zone),
    ("高新区", Level::Zone),
    ("经开区", Level::Zone),
    ("新区", Level::Zone),
    ("园区", Level::Zone),
    ("示范区", Level::Zone),
    ("保税区", Level::Zone),
    ("自治州", Level::City),
    ("自治县", Level::County),
    ("自治旗", Level::County),
    ("地区", Level::City),
    ("市", Level::City),
    ("州", Level::City),
    ("盟", Level::City),
    ("区", Level::County),
    ("县", Level::County),
    ("旗", Level::County),
    ("街道", Level::Township),
    ("镇", Level::Township),
    ("乡", Level::Township),
];

/// The chars a body's whole name may take at a text's start (a national
/// bureau, three divisions, a zone and a department): the rest of a long
/// line is never read.
const MAX_NAME_CHARS: usize = 64;

/// The chars unit words start with (see [`UNITS`]; a test holds the two
/// together).
const UNIT_FIRST_CHARS: &str = "特自省经高开新园示保地市州盟区县旗街镇乡";

/// A unit's name before its unit word: at least one char, at most this.
const MAX_NAME: usize = 8;

/// Words before a unit word that make it no place: pronouns and the
/// generic words of the genre (全市, 我区, 本县, 各区, 城市…).
const NOT_NAMES: &[&str] = &[
    "全",
    "我",
    "本",
    "该",
    "各",
    "全省各",
    "城",
    "都",
    "辖",
    "县域",
    "市区",
    "城区",
    "地",
    "社",
    "小",
    "分",
    "行政",
    "片",
    "园",
    "校",
    "新城",
    // 自治区党委: the region, said of itself.
    "自治",
    // 乡镇, 城乡, 村镇, 集镇: words of the genre, not towns.
    "乡",
    "乡镇",
    "镇",
    "村",
    "集",
    "重",
    "市",
];

/// Bodies that write reports: a government, or a department of one.
/// 行政公署 is the government of a 地区 or 盟.
const BODIES: &[&str] = &[
    "人民政府",
    "政府",
    "人民政府办公室",
    "政府办公室",
    "办公厅",
    "行政公署",
    "办事处",
];

/// A national body whose local bureaus report under its name
/// (国家税务总局广州市税务局): the place follows it.
const NATIONAL_PREFIX: &[&str] = &["国家税务总局", "国家金融监督管理总局"];

/// Department names end in one of these.
const DEPARTMENT_ENDS: &[char] = &['局', '厅', '委', '办', '署', '会', '院', '心'];

/// Reads the body a text names at its start (a title less its 关于 and
/// year, the opening words of a sentence): None when it names no place.
pub(crate) fn org_at_start(text: &str) -> Option<Org> {
    // Spaces inside a name (宜兴 市, from a justified or converted page)
    // are no part of it.
    let chars: Vec<char> = text
        .chars()
        .filter(|&c| !c.is_whitespace() && crate::text::normal_char(c) != ' ')
        .take(MAX_NAME_CHARS)
        .collect();
    let key: Vec<char> = chars.iter().map(|&c| script::key_char(c)).collect();
    let national = NATIONAL_PREFIX
        .iter()
        .find(|p| crate::text::numeral::starts_with(&key, 0, p))
        .map_or(0, |p| p.chars().count());
    let read = read_place(&key, &chars, national)?;
    let (at, level) = (read.end, read.level);
    let org = |body: Option<String>, level: Level| Org {
        len: body.as_ref().map_or(at, |b| b.chars().count()),
        place: read.own.clone(),
        body,
        level,
        division: read.division,
        verified: read.verified,
    };
    let rest: String = key[at..].iter().collect();
    if national == 0 {
        if let Some(b) = BODIES.iter().find(|b| rest.starts_with(*b)) {
            let end = at + b.chars().count();
            let level = governed(level, b);
            return Some(org(Some(chars[..end].iter().collect()), level));
        }
    }
    // A department: 市场监督管理局, 司法局 (a name of a few chars, then its
    // ending, before 关于 or a verb).
    let dept = (1..=10).find(|&n| {
        let end = at + n;
        end <= key.len()
            && DEPARTMENT_ENDS.iter().any(|e| key[end - 1] == *e)
            && !key[at..end].iter().any(|&c| !is_han(c))
    });
    // 县委, 市委: the place's party committee, which writes with its
    // government and is no department of it.
    let party = key.get(at + 1) == Some(&'委') && "省市区县州盟旗".contains(key[at])
        || ["党委", "党工委"]
            .iter()
            .any(|p| crate::text::numeral::starts_with(&key, at, p));
    // 管委 goes on to 管委会, 委员 to 委员会, 办 to 办公室: the body's
    // whole name.
    let dept = dept.map(|n| {
        let rest: String = key[at + n..].iter().take(2).collect();
        match key[at + n - 1] {
            '委' if rest.starts_with("员会") => n + 2,
            '委' if rest.starts_with('会') => n + 1,
            '办' if rest == "公室" || rest == "事处" => n + 2,
            _ => n,
        }
    });
    if let Some(n) = dept.filter(|&n| (n >= 2 && !party) || national > 0) {
        return Some(org(
            Some(chars[..at + n].iter().collect()),
            Level::Department,
        ));
    }
    Some(org(None, level))
}

/// A place read at the start of a text: where it ends, its own name as
/// written, and what the gazetteer knows of it.
struct PlaceRead {
    end: usize,
    own: String,
    level: Level,
    division: Option<u32>,
    verified: bool,
}

/// Divisions one under another (河北 唐山, 深圳市 龙岗区), then perhaps a
/// zone, town or street; else a name in the shape of one, which the
/// gazetteer does not know.
fn read_place(key: &[char], chars: &[char], from: usize) -> Option<PlaceRead> {
    let chain = division_chain(key, from);
    let at = chain.last().map_or(from, |(_, n)| n.end);
    if let Some((end, level)) = sub_unit_at(key, at) {
        let parent = chain.last();
        // 苏州工业园区: a zone named only by its kind keeps its city's name.
        let unit: String = key[at..end].iter().collect();
        let name = UNITS
            .iter()
            .find_map(|(u, _)| unit.strip_suffix(u))
            .unwrap_or(&unit);
        let generic = GENERIC_ZONE_NAMES.contains(&name);
        let start = match parent {
            Some((start, _)) if generic => *start,
            _ => at,
        };
        if parent.is_some() || start == from {
            return Some(PlaceRead {
                end,
                own: chars[start..end].iter().collect(),
                level,
                division: parent.and_then(|(_, n)| divisions::pick(&n.candidates)),
                verified: parent.is_some(),
            });
        }
    }
    // A chain ends on a full name: a short name (常州) qualifies another.
    let full = chain.iter().rposition(|(_, n)| !n.short);
    if let Some(last) = full {
        let (start, named) = &chain[last];
        let division = divisions::pick(&named.candidates);
        let g = divisions::gazetteer();
        let ambiguous = division.is_none_or(|d| g.is_ambiguous(d));
        let own_start = match last.checked_sub(1) {
            Some(parent) if ambiguous => chain[parent].0,
            _ => *start,
        };
        let name: String = key[*start..named.end].iter().collect();
        return Some(PlaceRead {
            end: named.end,
            own: chars[own_start..named.end].iter().collect(),
            level: division_level(&name),
            division,
            verified: true,
        });
    }
    unknown_place(key, chars, from)
}

/// The divisions named one under another from `from`, each with where it
/// starts.
fn division_chain(key: &[char], from: usize) -> Vec<(usize, divisions::Named)> {
    let mut chain: Vec<(usize, divisions::Named)> = Vec::new();
    let mut at = from;
    loop {
        let parent = chain.last().map(|(_, n)| n.candidates.as_slice());
        let Some(named) = divisions::named_at(key, at, parent) else {
            break;
        };
        let name: String = key[at..named.end].iter().collect();
        // 城区, 郊区: words of the genre before they are names.
        let generic = parent.is_none() && GENERIC_DIVISION_NAMES.contains(&name.as_str());
        // 新县城, 市场: a unit word that begins a longer word ends no name.
        let unit = UNITS.iter().find(|(u, _)| name.ends_with(u));
        let runs_on = !named.short && unit.is_some_and(|(u, _)| continues_word(key, named.end, u));
        if generic || runs_on {
            break;
        }
        // The name under it says which of a name's divisions the parent
        // is (河北 is a province and a district of 天津; 河北唐山, the province).
        let g = divisions::gazetteer();
        if let Some((_, parent)) = chain.last_mut() {
            parent
                .candidates
                .retain(|&p| named.candidates.iter().any(|&c| g.within(c, p)));
        }
        chain.push((at, named.clone()));
        at = named.end;
    }
    chain
}

/// Division names that are words of the genre first (城区 is five
/// districts' name and every city's downtown).
const GENERIC_DIVISION_NAMES: &[&str] = &["城区", "郊区", "矿区"];

/// Zone names that say only what kind of zone it is.
const GENERIC_ZONE_NAMES: &[&str] = &[
    "工业",
    "经济",
    "经济技术",
    "高新技术",
    "高新技术产业",
    "产业",
    "保税",
    "综合保税",
    "高新",
];

/// A zone, town or street (镇, 街道, 开发区…) at `at`.
fn sub_unit_at(key: &[char], at: usize) -> Option<(usize, Level)> {
    unit_at(key, at).filter(|(_, l)| matches!(l, Level::Zone | Level::Township))
}

/// The level of a division by its unit word; a 新区 with a code is a
/// district, never a zone.
fn division_level(name: &str) -> Level {
    match UNITS.iter().find(|(u, _)| name.ends_with(u)) {
        Some((_, Level::Zone)) | None => Level::County,
        Some((_, level)) => *level,
    }
}

/// Chars no place name holds: pronouns and the words that run a sentence
/// into a place's unit word (为全市, 在省, 和全市).
const NOT_IN_NAMES: &[char] = &[
    '全', '我', '本', '该', '各', '此', '为', '在', '和', '与', '及', '的', '对', '向', '由', '从',
    '把', '将', '是', '了', '出', '台',
];

/// A place the gazetteer does not know, in the shape of one: each unit a
/// name of two to four chars before its unit word, none holding a word of
/// a sentence. The callers take it only where a text states its own name
/// (a title's or a sentence's start).
fn unknown_place(key: &[char], chars: &[char], from: usize) -> Option<PlaceRead> {
    let mut at = from;
    let mut level = None;
    while let Some((end, l)) = unit_at(key, at) {
        let name_len = (at..end)
            .find(|&i| {
                UNITS
                    .iter()
                    .any(|(u, _)| crate::text::numeral::starts_with(key, i, u))
            })
            .map_or(0, |i| i - at);
        if !(2..=4).contains(&name_len) || key[at..end].iter().any(|c| NOT_IN_NAMES.contains(c)) {
            return None;
        }
        at = end;
        level = Some(l);
    }
    Some(PlaceRead {
        end: at,
        own: chars[from..at].iter().collect(),
        level: level?,
        division: None,
        verified: false,
    })
}

/// A new area with a people's government is a district (浦东新区人民政府);
/// zones are run by committees (管委会).
fn governed(level: Level, body: &str) -> Level {
    if level == Level::Zone && body.ends_with("政府") {
        Level::County
    } else {
        level
    }
}

/// The unit that starts at `at`: where it ends and its level.
fn unit_at(key: &[char], at: usize) -> Option<(usize, Level)> {
    for len in 1..=MAX_NAME {
        let name_end = at + len;
        if name_end >= key.len() {
            return None;
        }
        if !is_han(key[name_end - 1]) {
            return None;
        }
        // One look at the char after the name spares most lengths the
        // unit words.
        if !UNIT_FIRST_CHARS.contains(key[name_end]) {
            continue;
        }
        let name: String = key[at..name_end].iter().collect();
        for &(unit, level) in UNITS {
            if crate::text::numeral::starts_with(key, name_end, unit)
                && !NOT_NAMES.contains(&name.as_str())
            {
                // 市场, 区域, 县城: a unit word that begins a longer word
                // is no unit.
                let end = name_end + unit.chars().count();
                if continues_word(key, end, unit) {
                    continue;
                }
                // 常州市, 沙市区: a unit word right before another is part
                // of the name.
                if let Some(&(next, next_level)) = UNITS.iter().find(|(u, l)| {
                    // 宜兴市镇街: a town word after a city is the genre's
                    // 镇街 (towns and streets), not part of the name.
                    *l != Level::Township
                        && u.chars().count() == 1
                        && key.get(end) == u.chars().next().as_ref()
                }) {
                    if !continues_word(key, end + 1, next) {
                        return Some((end + 1, next_level));
                    }
                }
                return Some((end, level));
            }
        }
    }
    None
}

/// Whether the unit word ending at `end` is the start of another word
/// (市场监督, 区域, 县城, 省级): then it ends no unit.
fn continues_word(key: &[char], end: usize, unit: &str) -> bool {
    let next = key.get(end).copied();
    matches!(
        (unit, next),
        ("市", Some('场' | '民' | '级' | '委' | '直' | '属' | '长'))
            | ("区", Some('域' | '级' | '委' | '长' | '划'))
            | ("县", Some('城' | '级' | '委' | '长' | '域'))
            | ("省", Some('级' | '委' | '长' | '直' | '属'))
            | ("州", Some('长'))
    )
}

/// The units of a place, most specific last, as Simplified keys: 南京市
/// 鼓楼区 gives [南京市, 鼓楼区].
pub fn units(place: &str) -> Vec<String> {
    let key: Vec<char> = script::key(place).chars().collect();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some((end, _)) = unit_at(&key, at) {
        out.push(key[at..end].iter().collect());
        at = end;
    }
    if at < key.len() {
        out.push(key[at..].iter().collect());
    }
    out
}

/// Whether two places are the same: their most specific units agree and
/// no unit named in both differs at the same level. 南京市鼓楼区 is 鼓楼区;
/// 福州市鼓楼区 is not 南京市鼓楼区.
pub(crate) fn same_place(a: &str, b: &str) -> bool {
    let (ua, ub) = (units(a), units(b));
    let (Some(la), Some(lb)) = (ua.last(), ub.last()) else {
        return false;
    };
    if la != lb {
        return false;
    }
    // Compare the parents both name, from the nearest up.
    ua.iter()
        .rev()
        .skip(1)
        .zip(ub.iter().rev().skip(1))
        .all(|(x, y)| x == y || x.ends_with('省') != y.ends_with('省'))
}

/// A key that groups the reports of one place: its most specific unit.
pub(crate) fn place_key(place: &str) -> String {
    units(place).pop().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(s: &str) -> Option<(String, Option<String>, Level)> {
        org_at_start(s).map(|o| (o.place, o.body, o.level))
    }

    #[test]
    fn bodies_at_the_start_of_a_title_or_sentence() {
        // A party committee is its place's, not a department.
        assert_eq!(
            org("丰县县委、县政府坚持以习近平法治思想为指导"),
            Some(("丰县".into(), None, Level::County))
        );
        assert_eq!(
            org("苏州工业园区2023年法治政府建设"),
            Some(("苏州工业园区".into(), None, Level::Zone))
        );
        assert_eq!(
            org("重庆市綦江区2023年法治政府建设情况"),
            Some(("綦江区".into(), None, Level::County))
        );
        assert_eq!(
            org("宜兴市人民政府2024年法治政府建设"),
            Some(("宜兴市".into(), Some("宜兴市人民政府".into()), Level::City))
        );
        assert_eq!(
            org("浙江省市场监督管理局关于2023年度"),
            Some((
                "浙江省".into(),
                Some("浙江省市场监督管理局".into()),
                Level::Department
            ))
        );
        assert_eq!(
            org("广州市司法局始终坚持"),
            Some((
                "广州市".into(),
                Some("广州市司法局".into()),
                Level::Department
            ))
        );
        assert_eq!(
            org("張家港市人民政府"),
            Some((
                "張家港市".into(),
                Some("張家港市人民政府".into()),
                Level::City
            ))
        );
        assert_eq!(
            org("江夏区2020年"),
            Some(("江夏区".into(), None, Level::County))
        );
        assert_eq!(
            org("南京江北新区2024年"),
            Some(("江北新区".into(), None, Level::Zone))
        );
        // (text, place, body, level) in the forms other regions write.
        for (text, place, body, level) in [
            (
                "上海市浦东新区人民政府2023年法治政府建设情况报告",
                "浦东新区",
                Some("上海市浦东新区人民政府"),
                Level::County,
            ),
            (
                "锡林郭勒盟行政公署关于2021年度法治政府建设情况的报告",
                "锡林郭勒盟",
                Some("锡林郭勒盟行政公署"),
                Level::City,
            ),
            (
                "國家稅務總局廣州市稅務局2023年法治政府建設年度報告",
                "廣州市",
                Some("國家稅務總局廣州市稅務局"),
                Level::Department,
            ),
            (
                "双塔街道2023年法治政府建设工作报告",
                "双塔街道",
                None,
                Level::Township,
            ),
            (
                "苏州市姑苏区双塔街道办事处",
                "双塔街道",
                Some("苏州市姑苏区双塔街道办事处"),
                Level::Township,
            ),
            (
                "周庄镇人民政府2024年度法治政府建设情况报告",
                "周庄镇",
                Some("周庄镇人民政府"),
                Level::Township,
            ),
            ("宜兴市镇街综合执法", "宜兴市", None, Level::City),
        ] {
            assert_eq!(
                org(text),
                Some((place.into(), body.map(str::to_owned), level)),
                "{text}"
            );
        }
        for none in [
            "自治区党委、政府深入学习贯彻",
            "乡镇街道",
            "城乡融合",
            "我市坚持",
            "全区各级",
            "本县2024年",
            "法治政府建设",
            "市场监管",
        ] {
            assert_eq!(org(none), None, "{none}");
        }
    }

    /// Every place is one the gazetteer knows, read under its own name.
    #[test]
    fn places_are_divisions_under_their_own_names() {
        for (text, place, level) in [
            (
                "杭州市人民政府關於杭州市2021年法治政府建設",
                "杭州市",
                Level::City,
            ),
            (
                "河北唐山芦台经济开发区管委会2022年度",
                "芦台经济开发区",
                Level::Department,
            ),
            ("深圳市龙岗区人民政府2022年", "龙岗区", Level::County),
            // 鼓楼区 is four cities' district: its city stays with it.
            ("南京市鼓楼区2023年", "南京市鼓楼区", Level::County),
            ("海南区人民政府2023年", "海南区", Level::County),
            ("苏州工业园区2023年", "苏州工业园区", Level::Zone),
        ] {
            let got = org_at_start(text).unwrap();
            assert_eq!((got.place.as_str(), got.level), (place, level), "{text}");
            assert!(got.verified, "{text}");
        }
        let haenan = org_at_start("海南区人民政府").unwrap();
        let (province, _) = divisions::province_and_code(haenan.division);
        assert_eq!(province.as_deref(), Some("内蒙古自治区"));
        for none in ["依法治市委出台本市", "为全市", "在省", "范区", "和平发展"]
        {
            assert!(org_at_start(none).is_none_or(|o| !o.verified), "{none}");
        }
    }

    #[test]
    fn unit_words_start_with_the_chars_listed() {
        for (unit, _) in UNITS {
            let first = unit.chars().next().unwrap();
            assert!(UNIT_FIRST_CHARS.contains(first), "{unit}");
        }
    }

    #[test]
    fn places_compare_by_their_most_specific_unit() {
        assert!(same_place("南京市鼓楼区", "鼓楼区"));
        assert!(same_place("張家港市", "张家港市"));
        assert!(same_place("江苏省苏州市", "苏州市"));
        assert!(!same_place("南京市鼓楼区", "福州市鼓楼区"));
        assert!(!same_place("苏州市", "常州市"));
        assert_eq!(place_key("南京市鼓楼区"), place_key("鼓樓區"));
    }
}

//! Finding the figures of one line: numbers with a unit, outside titles
//! and quotes, that are not years, dates, ordinals, tiers or versions.
//!
//! The scan runs on the line's key (Simplified, full-width folded to
//! ASCII), which has exactly the characters of the line, so every index
//! is also an index into the text as written.

use std::sync::LazyLock;

use super::found::{is_clause_end, is_phrase_end, Found};
use super::names;
use super::units::{self, ends_with, starts_with};
use super::words::Words;
use super::{Kind, Qualifier, Sign};
use crate::text::chars::is_han;
use crate::text::numeral::{self, Decimal, Number};
use crate::text::script;

/// Whether `c` can begin a number, as written (before folding): digits,
/// full-width digits, numerals, and the Traditional forms that fold to a
/// numeral (a test checks this list against the fold table). A cheap
/// test: it runs on every character of every line.
pub(super) fn could_start_number(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{FF10}'..='\u{FF19}').contains(&c)
        || numeral::is_chinese_numeral(c)
        || matches!(c, '兩' | '貳' | '參' | '叄' | '陸' | '萬' | '億' | '韆')
}

/// Every figure in a line's key, without labels.
pub(super) fn find(key: &[char]) -> Vec<Found> {
    let shields = shielded(key);
    let mut shield = shields.iter().peekable();
    let mut found: Vec<Found> = Vec::new();
    let mut ordinal_end = None;
    // Numbers of a list that wait for the unit its last one carries
    // ("10.6万、3.8万、3.3万平方公里").
    let mut waiting: Vec<(usize, Number)> = Vec::new();
    let mut i = 0;
    while i < key.len() {
        let c = key[i];
        if !(c.is_ascii_digit() || numeral::is_chinese_numeral(c)) {
            i += 1;
            continue;
        }
        let Some(num) = numeral::scan(key, i) else {
            i = skip_run(key, i);
            continue;
        };
        let end = i + num.len;
        // Numbers are met in order, so the shields are passed in order.
        while shield.next_if(|r| r.end <= i).is_some() {}
        if shield.peek().is_some_and(|r| r.start <= i) {
            i = end;
            continue;
        }
        if is_ordinal(key, i, ordinal_end) {
            ordinal_end = Some(end);
        } else if let Some(f) = candidate(key, i, &num, found.last()) {
            let listed = waiting
                .last()
                .is_some_and(|&(at, n)| at + n.len + 1 == f.start);
            if listed && !f.noun_unit {
                for (at, n) in waiting.drain(..) {
                    found.push(Found {
                        start: at,
                        end: at + n.len,
                        num_start: at,
                        value: n.value,
                        qualifier: n.more.then_some(Qualifier::MoreThan),
                        ..f.clone()
                    });
                }
            }
            waiting.clear();
            // A figure's words are its own: no other figure starts inside
            // them.
            let f_end = f.end;
            found.push(f);
            i = f_end.max(i + 1);
            continue;
        } else if key.get(end) == Some(&'、')
            && key.get(end + 1).is_some_and(|c| c.is_ascii_digit())
        {
            let follows = waiting.last().is_none_or(|&(at, n)| at + n.len + 1 == i);
            if !follows {
                waiting.clear();
            }
            waiting.push((i, num));
        } else {
            waiting.clear();
        }
        i = end.max(i + 1);
    }
    found
}

fn skip_run(key: &[char], mut i: usize) -> usize {
    while i < key.len() && (key[i].is_ascii_digit() || numeral::is_chinese_numeral(key[i])) {
        i += 1;
    }
    i
}

/// 第八, and 九 in 第八、九轮.
fn is_ordinal(key: &[char], at: usize, ordinal_end: Option<usize>) -> bool {
    let prev = at.checked_sub(1).map(|j| key[j]);
    prev == Some('第') || (prev == Some('、') && ordinal_end == Some(at - 1))
}

/// Marks the chars inside 《titles》 and quotes: numbers there are names
/// ("15分钟政务服务圈", 《…2024》), not figures. An opener with no closer
/// on the line shields nothing.
fn shielded(key: &[char]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < key.len() {
        let closer = match key[i] {
            '《' => '》',
            '〈' => '〉',
            '“' => '”',
            '‘' => '’',
            '「' => '」',
            '『' => '』',
            '"' => '"',
            _ => {
                i += 1;
                continue;
            }
        };
        let opener = key[i];
        let mut depth = 0;
        let close = (i + 1..key.len()).find(|&j| {
            if key[j] == opener && opener != closer {
                depth += 1;
            } else if key[j] == closer {
                if depth == 0 {
                    return true;
                }
                depth -= 1;
            }
            false
        });
        match close {
            Some(j) => {
                out.push(i..j + 1);
                i = j + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// A number that is not a quantity whatever follows it.
fn not_a_quantity(key: &[char], at: usize, num: &Number) -> bool {
    let end = at + num.len;
    let prev = at.checked_sub(1).map(|j| key[j]);
    let next = key.get(end).copied();
    // 5G, V2.0, G60: part of a name.
    if prev.is_some_and(|c| c.is_ascii_alphabetic())
        || next.is_some_and(|c| c.is_ascii_alphabetic())
    {
        return true;
    }
    if service_number(key, at, end) {
        return true;
    }
    // 十三届, 三中全会, 三级 (tiers), dates and times of day.
    if matches!(
        next,
        Some('届' | '中' | '级' | '月' | '日' | '号' | '时' | '点')
    ) {
        return true;
    }
    if num.chinese {
        let digits = &key[at..end];
        let has_unit = digits
            .iter()
            .any(|&c| numeral::small_unit(c).is_some() || numeral::big_unit(c).is_some());
        let value = num.value.as_int();
        // 一件事, 一把手, 零接触: a lone 一 or 零 names, it does not count.
        if num.len == 1 && matches!(value, Some(0 | 1)) {
            return true;
        }
        // 二〇二四, 五一: digits with no unit are years and names.
        if !has_unit && num.len > 1 && key[at..end].iter().all(|&c| numeral::digit(c).is_some()) {
            return true;
        }
        // 队伍, 入伍: 伍 is a word's part, not 五 written large.
        if key[at] == '伍' && prev.is_some_and(|c| "队入退落行".contains(c)) {
            return true;
        }
        // 亿万人民: "hundreds of millions", a figure of speech.
        if key[at..end] == ['亿', '万'] {
            return true;
        }
        // 两位数增长: digits of a number, not a count.
        if starts_with(key, end, "位数") {
            return true;
        }
        // 二十大, 十九大: Party congresses.
        if next == Some('大') && value.is_some_and(|v| (11..=30).contains(&v)) {
            return true;
        }
        // 千家万户, 千方百计: four-character idioms of numerals.
        let numeral_at = |j: usize| key.get(j).is_some_and(|&c| numeral::is_chinese_numeral(c));
        if num.len == 1
            && (numeral_at(end + 1) || (at >= 2 && numeral_at(at - 2) && !numeral_at(at - 1)))
        {
            return true;
        }
        return false;
    }
    is_year(key, at, num)
}

/// 12345热线, 12345政务服务便民热线, 12348法网: a service's telephone
/// number names it, it counts nothing.
fn service_number(key: &[char], at: usize, end: usize) -> bool {
    let digits = &key[at..end];
    // 350件热线工单: a measure word after it makes it a count.
    if !(3..=6).contains(&digits.len())
        || !digits.iter().all(char::is_ascii_digit)
        || units::unit_at(key, end).is_some()
    {
        return false;
    }
    if ["平台", "法网", "专线", "热线"]
        .iter()
        .any(|w| starts_with(key, end, w))
    {
        return true;
    }
    // The words up to the next break name a hotline.
    let run = key[end..]
        .iter()
        .take(12)
        .take_while(|&&c| is_han(c))
        .collect::<String>();
    run.contains("热线")
}

/// 2024年, 2021-2025, 2023版: a four-digit year.
fn is_year(key: &[char], at: usize, num: &Number) -> bool {
    let end = at + num.len;
    let four_digits = num.len == 4 && key[at..end].iter().all(|c| c.is_ascii_digit());
    let in_range = num
        .value
        .as_int()
        .is_some_and(|v| (1900..=2100).contains(&v));
    four_digits
        && in_range
        && matches!(
            key.get(end),
            None | Some('年' | '-' | '—' | '–' | '~' | '～' | '至' | '到' | '版' | '.' | '/')
        )
}

/// Hedging words before a number, longest first.
const BEFORE: &[(&str, Qualifier)] = &[
    ("不超过", Qualifier::Within),
    ("不到", Qualifier::Within),
    ("不足", Qualifier::Within),
    ("超过", Qualifier::Over),
    ("将近", Qualifier::Nearly),
    ("接近", Qualifier::Nearly),
    ("大约", Qualifier::About),
    ("约", Qualifier::About),
    ("近", Qualifier::Nearly),
    ("超", Qualifier::Over),
    ("逾", Qualifier::Over),
];

static BEFORE_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(BEFORE.iter().map(|(w, _)| *w)));

/// The hedging word that ends just before `at`: (qualifier, length).
fn hedge_before(key: &[char], at: usize) -> Option<(Qualifier, usize)> {
    BEFORE_WORDS.before(key, at).map(|(i, n)| (BEFORE[i].1, n))
}

/// Direction words before a percentage, and the sign they give.
const DIRECTIONS: &[(&str, Sign)] = &[
    ("增长", Sign::Up),
    ("增加", Sign::Up),
    ("提高", Sign::Up),
    ("上升", Sign::Up),
    ("提升", Sign::Up),
    // 提速: the time taken falls.
    ("提速", Sign::Down),
    ("增幅", Sign::Up),
    ("上涨", Sign::Up),
    ("扩大", Sign::Up),
    ("下降", Sign::Down),
    ("减少", Sign::Down),
    ("降低", Sign::Down),
    ("降幅", Sign::Down),
    ("减幅", Sign::Down),
    ("精简", Sign::Down),
    ("压缩", Sign::Down),
    ("缩短", Sign::Down),
    ("缩减", Sign::Down),
    ("下滑", Sign::Down),
    ("压降", Sign::Down),
    ("压减", Sign::Down),
    ("减量", Sign::Down),
    ("削减", Sign::Down),
    ("核减", Sign::Down),
];

static DIRECTION_WORDS: LazyLock<Words> =
    LazyLock::new(|| Words::new(DIRECTIONS.iter().map(|(w, _)| *w)));

fn candidate(key: &[char], at: usize, num: &Number, prev: Option<&Found>) -> Option<Found> {
    if not_a_quantity(key, at, num) {
        return None;
    }
    let mut start = at;
    let mut qualifier = None;
    // 数十亿元, 数百家: vague, "more than" the lower bound.
    let leads_with_unit =
        numeral::small_unit(key[at]).is_some() || numeral::big_unit(key[at]).is_some();
    // 数十亿元, 上百万家庭: a vague amount, more than its lower bound.
    if num.chinese && leads_with_unit && at > 0 && matches!(key[at - 1], '数' | '上') {
        start -= 1;
        qualifier = Some(Qualifier::MoreThan);
    } else if let Some((q, n)) = hedge_before(key, at) {
        start -= n;
        qualifier = Some(q);
    }
    let mut p = at + num.len;
    let mut more = num.more;
    if !num.percent && matches!(key.get(p), Some('余' | '多')) {
        more = true;
        p += 1;
    }
    let (unit, kind, noun_unit, unit_end) = unit_after(key, start, p, num)?;
    if (unit == "次" && names::session_ordinal(key, start, unit_end))
        || names::names_a_set(key, at + num.len, num)
    {
        return None;
    }
    let mut end = unit_end;
    let after = [
        ("以上", Qualifier::MoreThan),
        ("左右", Qualifier::About),
        ("以内", Qualifier::Within),
    ]
    .into_iter()
    .find(|(w, _)| starts_with(key, end, w));
    let mut after_q = after.map(|(_, q)| q);
    if let Some((w, _)) = after {
        end += w.chars().count();
    } else if kind == Kind::Duration && key.get(end) == Some(&'内') {
        end += 1;
        after_q = Some(Qualifier::Within);
    }
    let qualifier = qualifier
        .or(more.then_some(Qualifier::MoreThan))
        .or(after_q);
    let (kind, sign) = change_of(key, start, kind, prev);
    Some(Found {
        start,
        end,
        num_start: at,
        value: num.value,
        unit,
        noun_unit,
        qualifier,
        kind,
        sign,
        label: String::new(),
        part: None,
    })
}

/// The unit after a number ending at `p`: (unit, kind, is a counted noun,
/// end of the unit).
fn unit_after(
    key: &[char],
    start: usize,
    p: usize,
    num: &Number,
) -> Option<(&'static str, Kind, bool, usize)> {
    if num.percent {
        return Some(("%", Kind::Rate, false, p));
    }
    let unit = units::unit_at(key, p);
    let noun = units::counted_noun_at(key, p);
    let len = |s: &str| s.chars().count();
    match (unit, noun) {
        (Some((u, _)), Some(n)) if len(n) > len(u) => {
            return Some((n, Kind::Count, true, p + len(n)))
        }
        (Some((u, kind)), _) => return Some((u, kind, false, p + len(u))),
        _ => {}
    }
    let next = key.get(p).copied();
    if next == Some('年') {
        // 连续三年, 三年来: a span of years; 三年行动 and 5年规划 are names.
        let span = ends_with(key, start, "连续")
            || matches!(key.get(p + 1), Some('来' | '间'))
            || starts_with(key, p + 1, "以来");
        return span.then_some(("年", Kind::Duration, false, p + 1));
    }
    if next == Some('大') && num.value.as_int().is_some_and(|v| v <= 20) {
        // The noun of 十大 stands before any other number (三大案例被五部委:
        // the 部委 are five's).
        let limit = (p + 1..key.len().min(p + 14))
            .find(|&j| {
                is_phrase_end(key[j])
                    || key[j] == '的'
                    || key[j].is_ascii_digit()
                    || numeral::is_chinese_numeral(key[j])
            })
            .unwrap_or(key.len().min(p + 14));
        let (noun, end) = units::head_noun(key, p + 1, limit)?;
        return Some((noun, Kind::Count, true, end));
    }
    if let Some(noun) = units::counted_noun_at(key, p) {
        return Some((noun, Kind::Count, true, p + noun.chars().count()));
    }
    if bare_rate(key, start, p) {
        return Some(("%", Kind::Rate, false, p));
    }
    if let Some((head, end)) = people_after(key, p, num) {
        return Some((head, Kind::Count, true, end));
    }
    implied_people(key, start, p, num).then_some(("人", Kind::Count, false, p))
}

/// "近1亿农村贫困人口", "2.9亿在校学生": a large number, a few words that
/// qualify them, and the people counted; the head noun is the unit.
fn people_after(key: &[char], p: usize, num: &Number) -> Option<(&'static str, usize)> {
    const HEADS: [&str; 12] = [
        "人口",
        "人员",
        "学生",
        "在校生",
        "中国人",
        "农民工",
        "劳动力",
        "居民",
        "职工",
        "患者",
        "毕业生",
        "群众",
    ];
    if num.value.to_f64() < 10_000.0 || num.percent {
        return None;
    }
    let limit = key.len().min(p + 8);
    for j in p..limit {
        if let Some(h) = HEADS.iter().find(|h| starts_with(key, j, h)) {
            return Some((h, j + h.chars().count()));
        }
        if is_phrase_end(key[j]) || key[j].is_ascii_digit() || key[j] == '的' {
            return None;
        }
    }
    None
}

/// "城镇新增就业超过1200万": a large number with no unit, whose clause
/// counts people; the unit is implied.
fn implied_people(key: &[char], start: usize, end: usize, num: &Number) -> bool {
    const PEOPLE: [&str; 6] = ["就业", "人口", "人数", "劳动力", "人员", "参保"];
    let big = num.value.to_f64() >= 10_000.0 && !num.percent;
    let ends_clause = key.get(end).is_none_or(|&c| is_phrase_end(c) || c == '以');
    let clause_start = (0..start)
        .rev()
        .find(|&j| is_clause_end(key[j]))
        .map_or(0, |j| j + 1);
    let clause: String = key[clause_start..start].iter().collect();
    big && ends_clause && PEOPLE.iter().any(|w| clause.contains(w))
}

/// "纠错率和败诉率均为0": a bare number that a rate is said to equal.
fn bare_rate(key: &[char], start: usize, end: usize) -> bool {
    let ends_clause = key.get(end).is_none_or(|&c| is_phrase_end(c));
    if !ends_clause {
        return false;
    }
    ["均为", "分别为", "均是", "为", "达到", "均达到"]
        .iter()
        .find(|w| ends_with(key, start, w))
        .is_some_and(|w| ends_with(key, start - w.chars().count(), "率"))
}

/// A percentage after a direction word is a change with a sign; the next
/// of a list ("下降28.2%、9.2%") is the same kind of change.
fn change_of(key: &[char], start: usize, kind: Kind, prev: Option<&Found>) -> (Kind, Option<Sign>) {
    if kind != Kind::Rate {
        return (kind, None);
    }
    let mut at = start;
    for filler in ["了", "为", "达"] {
        if ends_with(key, at, filler) {
            at -= 1;
        }
    }
    if let Some((i, _)) = DIRECTION_WORDS.before(key, at) {
        return (Kind::Change, Some(DIRECTIONS[i].1));
    }
    // "精简队伍数量30.2%": the direction word governs a noun first; but
    // "提升至95%" states the level reached.
    let level = at > 0 && matches!(key[at - 1], '至' | '到' | '达' | '为' | '是');
    if !level {
        let window = (at.saturating_sub(8)..at)
            .rev()
            .take_while(|&j| !is_phrase_end(key[j]));
        if let Some((i, _)) = window.filter_map(|j| DIRECTION_WORDS.at(key, j)).next() {
            return (Kind::Change, Some(DIRECTIONS[i].1));
        }
    }
    if let Some(p) = prev.filter(|p| p.kind == Kind::Change && p.end + 1 == start) {
        if matches!(key[p.end], '、' | ',') {
            return (Kind::Change, p.sign);
        }
    }
    (kind, None)
}

/// A quantity written on its own, as in `../shared/oracle/numerals.tsv`:
/// hedging words, the number and a unit ("约6798万元", "12.3万余",
/// "百分之三十六点九"). Returns the value, the unit ("" for none) and the
/// qualifier.
pub fn quantity(text: &str) -> Option<(Decimal, String, Option<Qualifier>)> {
    let key: Vec<char> = script::key(text).chars().collect();
    let hedge = BEFORE_WORDS.at(&key, 0).map(|(i, n)| (BEFORE[i].1, n));
    let at = hedge.map_or(0, |(_, n)| n);
    let num = numeral::scan(&key, at)?;
    let mut p = at + num.len;
    let trailing_more = matches!(key.get(p), Some('余' | '多'));
    let more = num.more || trailing_more;
    p += usize::from(trailing_more);
    let (unit, end) = if num.percent {
        ("%".to_owned(), p)
    } else {
        units::unit_at(&key, p).map_or((String::new(), p), |(u, _)| {
            (u.to_owned(), p + u.chars().count())
        })
    };
    if end != key.len() {
        return None;
    }
    let before = hedge.map(|(q, _)| q);
    Some((
        num.value,
        unit,
        before.or(more.then_some(Qualifier::MoreThan)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_that_folds_to_a_numeral_can_start_one() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let folded = numeral::is_chinese_numeral(script::fold_char(c));
            assert!(!folded || could_start_number(c), "{c}");
        }
    }

    fn spans(line: &str) -> Vec<(String, String, String)> {
        crate::figures::extract::line(line)
            .into_iter()
            .map(|f| (f.raw, f.value.to_string(), f.unit.to_owned()))
            .collect()
    }

    fn raws(line: &str) -> Vec<String> {
        spans(line).into_iter().map(|s| s.0).collect()
    }

    #[test]
    fn counts_money_and_rates() {
        assert_eq!(
            spans("办理涉企免罚轻罚案件3006件，涉及金额约6798万元。"),
            vec![
                ("3006件".into(), "3006".into(), "件".into()),
                ("约6798万元".into(), "67980000".into(), "元".into())
            ]
        );
        assert_eq!(raws("培训800余人，合格率达98.63%。"), ["800余人", "98.63%"]);
    }

    #[test]
    fn names_years_and_ordinals_are_not_figures() {
        for line in [
            "2024年，深入学习二十大精神，落实《实施纲要（2021-2025年）》。",
            "打造“15分钟政务服务圈”，推行“一件事一次办”，升级2.0版本。",
            "位居全省第一，第八、九轮巡察，市镇村三级，拨打12345热线。",
            "6月26日召开十三届六次全会，推进5G建设，千家万户。",
        ] {
            assert!(raws(line).is_empty(), "{line}: {:?}", raws(line));
        }
    }

    #[test]
    fn chinese_numerals_count_real_things() {
        assert_eq!(raws("全年分两期对执法人员开展培训"), ["两期"]);
        assert_eq!(raws("被四部委联合表彰，连续五年获表扬"), ["四部委", "五年"]);
        assert_eq!(raws("涉及金额数十亿元"), ["数十亿元"]);
        assert_eq!(
            raws("开展四大营商环境优化行动，建成6大基础库、专题库"),
            ["四大营商环境优化行动", "6大基础库"]
        );
    }

    #[test]
    fn traditional_text_reads_the_same() {
        let f = crate::figures::extract::line("法律援助服務群眾近11萬人次");
        assert_eq!(f[0].raw, "近11萬人次");
        assert_eq!(f[0].value.to_string(), "110000");
        assert_eq!(f[0].unit, "人次");
        assert_eq!(f[0].qualifier, Some(Qualifier::Nearly));
    }

    #[test]
    fn changes_carry_a_sign_and_lists_share_it() {
        let f = crate::figures::extract::line("刑事、治安警情立案数分别下降28.2%、9.2%");
        assert_eq!(f.len(), 2);
        assert!(f
            .iter()
            .all(|f| f.kind == Kind::Change && f.sign == Some(Sign::Down)));
        let f = crate::figures::extract::line("新收案件同比增长146.57%，审批时限平均提速88%");
        let signs: Vec<_> = f.iter().map(|f| f.sign).collect();
        assert_eq!(
            signs,
            [Some(Sign::Up), Some(Sign::Down)],
            "提速: the time falls"
        );
    }

    #[test]
    fn hedges_before_and_after() {
        let q = |s: &str| crate::figures::extract::line(s)[0].qualifier;
        assert_eq!(q("办理时限压缩至2小时内"), Some(Qualifier::Within));
        assert_eq!(q("政策80%以上实现"), Some(Qualifier::MoreThan));
        assert_eq!(q("授信超1200亿元"), Some(Qualifier::Over));
        assert_eq!(q("清理5181萬余元"), Some(Qualifier::MoreThan));
    }

    #[test]
    fn a_service_number_names_a_hotline() {
        assert_eq!(
            raws("12345政务服务便民热线受理群众诉求42.6万件,12348热线接听咨询3150个。"),
            ["42.6万件", "3150个"]
        );
        assert_eq!(raws("12345平台办结工单8600件。"), ["8600件"]);
        assert_eq!(raws("全年共处理350件热线工单。"), ["350件"]);
    }

    #[test]
    fn session_ordinals_and_word_parts_are_not_counts() {
        for line in [
            "召开十三届市委五次、六次全会和市政府第21次常务会议。",
            "十四届县人大二次会议审议通过。",
            "加强执法队伍建设,鼓励青年入伍。",
            "研发投入保持两位数增长,亿万人民共同奋斗。",
        ] {
            assert!(raws(line).is_empty(), "{line}: {:?}", raws(line));
        }
        assert_eq!(raws("全年召开政府常务会议12次。"), ["12次"]);
    }

    #[test]
    fn cuts_are_changes_with_a_minus_sign() {
        for (line, raw) in [
            ("会议数量压降30%。", "30%"),
            ("发文数量减量15%。", "15%"),
            ("审批时限平均提速88%。", "88%"),
            ("精简队伍数量30.2%。", "30.2%"),
        ] {
            let f = crate::figures::extract::line(line);
            assert_eq!(f[0].raw, raw);
            assert_eq!(
                (f[0].kind, f[0].sign),
                (Kind::Change, Some(Sign::Down)),
                "{line}"
            );
        }
    }

    #[test]
    fn counts_in_the_wider_register() {
        let f = crate::figures::extract::line(
            "惠及2000多万农户,800多万毕业生就业,城镇新增就业超过1200万。",
        );
        let got: Vec<(&str, &str, String)> = f
            .iter()
            .map(|f| (f.raw.as_str(), f.unit, f.value.to_string()))
            .collect();
        assert_eq!(
            got,
            [
                ("2000多万农户", "农户", "20000000".to_owned()),
                ("800多万毕业生", "毕业生", "8000000".to_owned()),
                ("超过1200万", "人", "12000000".to_owned()),
            ]
        );
        assert_eq!(
            raws("粮食产量达到4.2万亿斤,钢铁产能压减六百萬噸。"),
            ["4.2万亿斤", "六百萬噸"]
        );
        assert_eq!(raws("实施四大工程,上百万家庭受益。"), ["上百万家庭"]);
        let f = crate::figures::extract::line(
            "近1亿农村贫困人口实现脱贫,2.9亿在校学生,外汇储备稳定在3万亿美元以上。",
        );
        let got: Vec<(&str, &str)> = f.iter().map(|f| (f.raw.as_str(), f.unit)).collect();
        assert_eq!(
            got,
            [
                ("近1亿农村贫困人口", "人口"),
                ("2.9亿在校学生", "学生"),
                ("3万亿美元以上", "美元")
            ]
        );
        let f = crate::figures::extract::line(
            "水土流失、沙化土地面积分别净减少10.6万、3.8万平方公里。",
        );
        let got: Vec<(&str, &str)> = f.iter().map(|f| (f.raw.as_str(), f.unit)).collect();
        assert_eq!(got, [("10.6万", "平方公里"), ("3.8万平方公里", "平方公里")]);
        let f = crate::figures::extract::line("上百万家庭受益。");
        assert_eq!(
            (f[0].unit, f[0].qualifier),
            ("家庭", Some(Qualifier::MoreThan))
        );
        assert_eq!(f[0].label, "家庭");
    }

    proptest::proptest! {
        #[test]
        fn any_line_extracts_without_panic(s in "[0-9一二两十百千万亿点%余多约近超第年件个项率为、，。“”《》A-Za-z]{0,60}") {
            for f in crate::figures::extract::line(&s) {
                proptest::prop_assert!(f.col + f.len <= s.chars().count());
            }
        }
    }

    #[test]
    fn garbage_yields_nothing_and_no_panic() {
        for line in [
            "",
            "%%%",
            "百分之",
            "数",
            "第",
            "一二三四五六七八九十百千万亿",
            "9999999999999999999999999999999999999件",
            "约",
            "“5",
        ] {
            assert!(raws(line).is_empty(), "{line}: {:?}", raws(line));
        }
    }
}

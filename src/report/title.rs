//! A report's title where a page glued something to it: a site's banner
//! (首页|政务公开|政策文件关于…), column tags ([权威发布]【法治政府】…), a
//! watermark, or, on a page that lost its line breaks, the chrome before
//! and the opening sentence after (…www.x.com湖北省人民政府关于2023年度
//! 法治政府建设情况的报告2023年,省政府坚持…).
//!
//! A title is read by its own form, whatever surrounds it: it starts with
//! its lead (关于, 中共…委, a year, or a place the gazetteer knows, perhaps
//! with its government or department) and ends with what it is (报告,
//! 情况, 总结) after the words of the genre (法治, 依法行政).

use std::ops::Range;

use super::{divisions, place};
use crate::text::{classes, script};

/// The genre's words and what the document is, in a key: the span from
/// 法治 to the end of the title. As a pattern for tests; read by hand in
/// [`bodies`].
#[cfg(test)]
const BODY: &str = concat!(
    r"(?:法治|依法行政)[\p{Han}0-9]{0,30}?",
    r"(?:情况的报告|情况报告|工作报告|年度报告|的报告|报告|工作情况|情况|总结)",
);

/// The genre's words that start a [`BODY`].
const GENRE: [&str; 2] = ["法治", "依法行政"];

/// What the document is, the longer tried first where one holds another.
const KINDS: [&str; 9] = [
    "情况的报告",
    "情况报告",
    "工作报告",
    "年度报告",
    "的报告",
    "报告",
    "工作情况",
    "情况",
    "总结",
];

/// The chars (Han or digits) the genre's words may stand back from what
/// the document is.
const BODY_MAX_GAP: usize = 30;

/// Every [`BODY`] in a key, leftmost first, each from the end of the last
/// (byte ranges). By hand: the pattern's thirty Han classes cost more to
/// build than a page's head takes to read.
fn bodies(k: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let (at, end) = k
            .char_indices()
            .filter(|&(i, _)| i >= from)
            .find_map(|(i, _)| Some((i, body_at(k, i)?)))?;
        from = end;
        Some(at..end)
    })
}

/// Where the [`BODY`] that starts at byte `at` of `k` ends: the fewest
/// chars between the genre's words and a kind.
fn body_at(k: &str, at: usize) -> Option<usize> {
    let genre = GENRE.iter().find(|g| k[at..].starts_with(*g))?;
    let mut end = at + genre.len();
    for gap in 0..=BODY_MAX_GAP {
        if let Some(kind) = KINDS.iter().find(|w| k[end..].starts_with(*w)) {
            return Some(end + kind.len());
        }
        let c = k[end..].chars().next()?;
        if gap == BODY_MAX_GAP || !(classes::is_han_script(c) || c.is_ascii_digit()) {
            return None;
        }
        end += c.len_utf8();
    }
    None
}

/// Column tags before a title: [权威发布], 【法治政府】. As a pattern for
/// tests; read by hand in [`tags_chars`].
#[cfg(test)]
const TAGS: &str = r"^(?:[\[【〔][^\]】〕]{1,12}[\]】〕]\s*)+";

/// The most chars a column tag holds between its brackets.
const TAG_MAX_CHARS: usize = 12;

/// How many chars of `s` the [`TAGS`] at its start take (0 when none).
/// A tag's run of chars stops at its first closing bracket, so no shorter
/// run could match where the longest does not.
fn tags_chars(s: &str) -> usize {
    let chars: Vec<char> = s.chars().collect();
    let closes = |c: &char| matches!(c, ']' | '】' | '〕');
    let (mut at, mut taken) = (0, 0);
    while matches!(chars.get(at), Some('[' | '【' | '〔')) {
        let inside = chars[at + 1..]
            .iter()
            .take(TAG_MAX_CHARS)
            .take_while(|c| !closes(c))
            .count();
        let close = at + 1 + inside;
        if inside == 0 || !chars.get(close).is_some_and(closes) {
            break;
        }
        at = close + 1;
        at += chars[at..]
            .iter()
            .take_while(|&&c| classes::is_space(c))
            .count();
        taken = at;
    }
    taken
}

/// The chars a title's lead may stand back from its genre words.
const MAX_LEAD_CHARS: usize = 40;

/// Separators of a banner or breadcrumb: a title starts after the last.
const SEPARATORS: &[char] = &['|', '>', '»', '›', '｜'];

/// The title a head line holds (its char range in the line), when the
/// line is a title with perhaps a banner or tags glued before it. Spaces
/// inside it (宜兴 市, 法 治) are read past.
pub(crate) fn in_line(line: &str) -> Option<Range<usize>> {
    // Each char but spaces: its char index, its byte offset, its key.
    let kept: Vec<(usize, usize, char)> = line
        .char_indices()
        .enumerate()
        .filter(|(_, (_, c))| !c.is_whitespace() && crate::text::normal_char(*c) != ' ')
        .map(|(n, (b, c))| (n, b, script::key_char(c)))
        .collect();
    let key: Vec<char> = kept.iter().map(|k| k.2).collect();
    let k: String = key.iter().collect();
    // A breadcrumb's column (…>法治政府建设工作情况报告) may come before
    // the title: each phrase of the genre is tried in turn.
    let title = bodies(&k).find_map(|body| {
        let kw = k[..body.start].chars().count();
        let end = kw + k[body].chars().count();
        let start = lead_start(line, &kept, &key, kw)?;
        Some(kept[start].0..kept[end - 1].0 + 1)
    });
    title
}

/// Where a title's lead starts, before the genre words at char `kw`: past
/// banners and tags, where a run of lead words (关于, 中共…委, a year, a
/// known place and its body, 推进) reaches the genre words; else at the
/// first such word; the line's start when it has no banner and nothing
/// leads.
fn lead_start(line: &str, kept: &[(usize, usize, char)], key: &[char], kw: usize) -> Option<usize> {
    let base = key[..kw]
        .iter()
        .rposition(|c| SEPARATORS.contains(c))
        .map_or(0, |i| i + 1);
    let rest: String = key[base..kw].iter().collect();
    let tags = tags_chars(&rest);
    let from = base + tags;
    let window = from.max(kw.saturating_sub(MAX_LEAD_CHARS))..=kw;
    // Each position's lead word, read once: runs from many starts pass
    // over the same words.
    let cache: Vec<std::cell::Cell<Option<Option<usize>>>> =
        (0..=kw).map(|_| std::cell::Cell::new(None)).collect();
    let word = |p: usize, known: bool| {
        if known {
            return lead_word(line, kept, key, p, true, p == from);
        }
        let cell = &cache[p];
        match cell.get() {
            Some(w) => w,
            None => {
                let w = lead_word(line, kept, key, p, false, p == from);
                cell.set(Some(w));
                w
            }
        }
    };
    let reaches = |p: usize, known: bool| {
        let mut at = p;
        while at < kw {
            match word(at, known) {
                Some(n) if n > 0 => at += n,
                _ => return false,
            }
        }
        at == kw
    };
    // A title starts on a word, never on a connector (、 , 度).
    let connector = |p: usize| matches!(key[p], '、' | ',' | '度');
    if let Some(p) = window
        .clone()
        .find(|&p| p < kw && !connector(p) && reaches(p, false))
    {
        return Some(p);
    }
    match window.into_iter().find(|&p| word(p, true).is_some()) {
        Some(p) => Some(p),
        None if base == 0 => Some(from),
        None => None,
    }
}

/// Words a title's lead is made of, besides places.
const LEAD_WORDS: &[&str] = &[
    "关于",
    "全面推进",
    "推进",
    "加强",
    "深化",
    "报送",
    "印发",
    "上报",
    "呈报",
    "公布",
    "年度",
    "度",
    "、",
    ",",
    "全市",
    "全区",
    "全县",
    "全省",
    "全州",
];

/// The length in chars of the lead word at `p` (关于, a year, a place
/// and its body; the gazetteer's places alone when `known`), if one
/// starts there.
fn lead_word(
    line: &str,
    kept: &[(usize, usize, char)],
    key: &[char],
    p: usize,
    known: bool,
    at_start: bool,
) -> Option<usize> {
    let at = |s: &str| crate::text::numeral::starts_with(key, p, s);
    if let Some(w) = LEAD_WORDS.iter().find(|w| at(w)) {
        return Some(w.chars().count());
    }
    if is_year(key, p) {
        let digits = 4 + key[p + 4..].iter().take_while(|c| **c == ' ').count();
        return Some(digits + 1);
    }
    if at("中共") {
        let end = (p + 2..key.len().min(p + 16)).find(|&i| key[i] == '委')?;
        let end = if crate::text::numeral::starts_with(key, end, "委员会") {
            end + 3
        } else {
            end + 1
        };
        return Some(end - p);
    }
    // A place the gazetteer does not know leads only at the title's start
    // or after 关于: asked nowhere else, as a division's name starts with
    // few chars.
    let after_about = p >= 2 && key[p - 2..p] == ['关', '于'];
    let unknown_may_lead = !known && (at_start || after_about);
    if !divisions::may_start_name(key[p]) && !unknown_may_lead {
        return None;
    }
    let org = place::org_at_start(&line[kept[p].1..])?;
    if org.verified {
        return Some(org.len);
    }
    if !at_start && !after_about {
        return None;
    }
    // A name the gazetteer does not know, unless one it knows starts
    // inside it (文件宜兴市 has the shape of a place; 宜兴市 is one).
    let inner_known = (p + 1..p + org.len)
        .any(|q| place::org_at_start(&line[kept[q].1..]).is_some_and(|o| o.verified));
    (!known && !inner_known).then_some(org.len)
}

/// A year and 年 at `p`: 2023年, 2023 年.
fn is_year(key: &[char], p: usize) -> bool {
    let digits = key[p..].iter().take_while(|c| c.is_ascii_digit()).count();
    let after = key[p + digits..].iter().find(|c| **c != ' ');
    digits == 4
        && after == Some(&'年')
        && matches!(key.get(p..p + 2), Some(['1', '9'] | ['2', '0']))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys the hand-written rules are held to their patterns on: the
    /// bundled lines in both scripts and the wild pages' lines, each cut
    /// every way, with spaces and without, and forms at the rules' edges.
    fn sample_keys() -> Vec<String> {
        let mut lines = crate::report::samples::bundled_lines();
        lines.extend(crate::report::samples::wild_lines());
        let gap = "二".repeat(30);
        lines.extend([
            format!("法治{gap}报告"),
            format!("法治{gap}一报告"),
            "法治政府2024年建设情况的报告".to_owned(),
            "依法行政工作情况报告法治总结".to_owned(),
            "法治,报告".to_owned(),
            "[权威发布]【法治政府】 〔2024〕x".to_owned(),
            "[]【x】".to_owned(),
            "[一二三四五六七八九十一二]".to_owned(),
            "[一二三四五六七八九十一二三]".to_owned(),
            "[x\n]\u{3000}[y] z".to_owned(),
            "【【x】".to_owned(),
        ]);
        let keys = lines.iter().flat_map(|l| {
            let k = script::key(l);
            let tight: String = k.chars().filter(|c| !c.is_whitespace()).collect();
            [k, tight]
        });
        let mut keys = crate::report::samples::cuts(keys, 40);
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    #[test]
    fn the_body_and_tags_rules_are_their_patterns() {
        let body = regex::Regex::new(BODY).unwrap();
        let tags = regex::Regex::new(TAGS).unwrap();
        let (mut bodies_seen, mut tags_seen) = (0, 0);
        for k in sample_keys() {
            let want: Vec<Range<usize>> = body.find_iter(&k).map(|m| m.range()).collect();
            assert_eq!(bodies(&k).collect::<Vec<_>>(), want, "{k:?}");
            bodies_seen += want.len();
            let want = tags.find(&k).map_or(0, |m| m.as_str().chars().count());
            assert_eq!(tags_chars(&k), want, "{k:?}");
            tags_seen += usize::from(want > 0);
        }
        assert!(
            bodies_seen > 100 && tags_seen > 5,
            "{bodies_seen} {tags_seen}"
        );
    }

    fn title(line: &str) -> Option<String> {
        let r = in_line(line)?;
        Some(line.chars().skip(r.start).take(r.len()).collect())
    }

    #[test]
    fn a_title_is_read_past_a_banner_or_tags() {
        for (line, want) in [
            (
                "首页|政务公开|政策文件关于德清县2023年度法治政府建设情况的报告",
                "关于德清县2023年度法治政府建设情况的报告",
            ),
            (
                "首页|政务公开|政策文件宜兴市人民政府2024年法治政府建设情况报告",
                "宜兴市人民政府2024年法治政府建设情况报告",
            ),
            (
                "[权威发布]【法治政府】2024年上海市法治政府建设情况报告",
                "2024年上海市法治政府建设情况报告",
            ),
            (
                "全网资源每日更新www.x.com湖北省人民政府关于2023年度法治政府建设情况的报告2023年,省政府坚持",
                "湖北省人民政府关于2023年度法治政府建设情况的报告",
            ),
            (
                "杭州市人民政府關於杭州市2021年法治政府建設年度報告",
                "杭州市人民政府關於杭州市2021年法治政府建設年度報告",
            ),
        ] {
            assert_eq!(title(line).as_deref(), Some(want), "{line}");
        }
        assert_eq!(
            title("【法治政府】双塔街道2023年法治政府建设工作报告").as_deref(),
            Some("双塔街道2023年法治政府建设工作报告")
        );
        assert_eq!(
            title("1、2023年上海市法治政府建设情况报告2023年,在市委").as_deref(),
            Some("2023年上海市法治政府建设情况报告")
        );
        // A breadcrumb's column is no title.
        assert_eq!(title("首页 > 政务公开 > 法治政府建设年度报告"), None);
    }
}

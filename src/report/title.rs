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
use std::sync::LazyLock;

use regex::Regex;

use super::place;
use crate::text::script;

/// The genre's words and what the document is, in a key: the span from
/// 法治 to the end of the title.
static BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:法治|依法行政)[\p{Han}0-9]{0,30}?",
        r"(?:情况的报告|情况报告|工作报告|年度报告|的报告|报告|工作情况|情况|总结)",
    ))
    .expect("title body")
});

/// Column tags before a title: [权威发布], 【法治政府】.
static TAGS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[\[【〔][^\]】〕]{1,12}[\]】〕]\s*)+").expect("tags"));

/// The chars a title's lead may stand back from its genre words.
const MAX_LEAD_CHARS: usize = 40;

/// Separators of a banner or breadcrumb: a title starts after the last.
const SEPARATORS: &[char] = &['|', '>', '»', '›', '｜'];

/// The title a head line holds (its char range in the line), when the
/// line is a title with perhaps a banner or tags glued before it. Spaces
/// inside it (宜兴 市, 法 治) are read past.
pub fn in_line(line: &str) -> Option<Range<usize>> {
    // Each char but spaces: its char index, its byte offset, its key.
    let kept: Vec<(usize, usize, char)> = line
        .char_indices()
        .enumerate()
        .filter(|(_, (_, c))| !c.is_whitespace() && crate::text::normal_char(*c) != ' ')
        .map(|(n, (b, c))| (n, b, script::key_char(c)))
        .collect();
    let key: Vec<char> = kept.iter().map(|k| k.2).collect();
    let k: String = key.iter().collect();
    let body = BODY.find(&k)?;
    let kw = k[..body.start()].chars().count();
    let end = kw + body.as_str().chars().count();
    let start = lead_start(line, &kept, &key, kw)?;
    Some(kept[start].0..kept[end - 1].0 + 1)
}

/// Where a title's lead starts, before the genre words at char `kw`: past
/// banners and tags, at 关于, 中共, a year or a known place; the line's
/// start when it has no banner and nothing else leads.
fn lead_start(line: &str, kept: &[(usize, usize, char)], key: &[char], kw: usize) -> Option<usize> {
    let base = key[..kw]
        .iter()
        .rposition(|c| SEPARATORS.contains(c))
        .map_or(0, |i| i + 1);
    let rest: String = key[base..kw].iter().collect();
    let tags = TAGS.find(&rest).map_or(0, |m| m.as_str().chars().count());
    let from = base + tags;
    let leads = |p: usize| {
        let at = |s: &str| crate::text::numeral::starts_with(key, p, s);
        at("关于")
            || at("中共")
            || is_year(key, p)
            || place::org_at_start(&line[kept[p].1..]).is_some_and(|o| o.verified)
    };
    let first = (from..=kw).take(MAX_LEAD_CHARS + 1).find(|&p| leads(p));
    // A place the gazetteer does not know (双塔街道) right before the lead
    // found (its year) is the title's too.
    let unknown_before = |p: usize| {
        place::org_at_start(&line[kept[from].1..])
            .is_some_and(|o| o.body.is_none() && o.place.chars().count() == p - from)
    };
    match first {
        Some(p) if p > from && unknown_before(p) => Some(from),
        Some(p) => Some(p),
        None if base == 0 => Some(from),
        None => None,
    }
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
        // A breadcrumb's column is no title.
        assert_eq!(title("首页 > 政务公开 > 法治政府建设年度报告"), None);
    }
}

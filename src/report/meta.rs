//! Metadata kept from the chrome and the text (spec §1): title, issuer,
//! place and its level, year covered, publication date, source, script,
//! and where each came from. Values are kept as written; matching happens
//! on Simplified, normal-form keys.
//!
//! Sources are read in order of trust: the title, then the page's labelled
//! metadata (发布机构, 发布日期…), then a real signature block (a body's
//! name beside a date, at the end), then the opening sentence and the
//! headings. A pronoun (我市, 本区) never names a place, a site's clock
//! (今天是…星期一) never dates a report, and a line cut off at the end of a
//! page is no signature.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::body_place;
use super::dates;
use super::divisions;
use super::html::HeadMeta;
use super::outline::Heading;
use super::place::{self, Level, Org};
use super::title;
use super::LineKind;
use crate::text;
use crate::text::classes::{is_digit, is_han_script, is_space};
use crate::text::script::{self, Script};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meta {
    pub issuer: Option<String>,
    pub place: Option<String>,
    pub year: Option<i32>,
    /// ISO date (YYYY-MM-DD).
    pub published: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub script: Script,
    /// The level of government the issuer is.
    pub level: Option<Level>,
    /// The province-level division the place lies in, by its name in the
    /// division code list (Simplified): for grouping and filtering. None
    /// when the gazetteer does not know the place, or knows more than one.
    pub province: Option<String>,
    /// The place's code in the division code list (GB/T 2260), or the code
    /// of the division a zone, town or street lies in: what tells 南京's
    /// 鼓楼区 from 福州's.
    pub division: Option<u32>,
    /// Where each field was read.
    pub sources: Sources,
}

/// Where a field was read: "title", "metadata" (the page's labelled
/// lines), "signature", "opening" (the first sentence), "heading",
/// "page" (a date on the page with no label), "published" (the year
/// before publication), "body" (the report names the place only in its
/// text: 考察上海重要讲话精神, a city department's own city).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Sources {
    pub place: Option<&'static str>,
    pub issuer: Option<&'static str>,
    pub year: Option<&'static str>,
    pub published: Option<&'static str>,
    /// The place was inferred from the body, not stated as the report's:
    /// a reader should be shown it is a guess.
    pub place_inferred: bool,
}

/// A pattern asked only of keys that hold one of the words it cannot
/// match without. Most heads hold none of them, and then the pattern is
/// never built: building one costs more than reading a report's head.
struct Gated {
    words: &'static [&'static str],
    re: LazyLock<Regex>,
}

impl Gated {
    const fn new(words: &'static [&'static str], build: fn() -> Regex) -> Gated {
        Gated {
            words,
            re: LazyLock::new(build),
        }
    }

    /// The pattern, when `k` may hold a match.
    fn on(&self, k: &str) -> Option<&Regex> {
        self.words.iter().any(|w| k.contains(w)).then(|| &*self.re)
    }

    fn is_match(&self, k: &str) -> bool {
        self.on(k).is_some_and(|re| re.is_match(k))
    }
}

static TITLE_LABEL: Gated = Gated::new(&["标"], || {
    Regex::new(r"^标\s*题\s*:?\s*(\S.*)$").expect("title label")
});
/// The words a title of the genre holds. As a pattern for tests; read by
/// hand in [`has_title_words`].
#[cfg(test)]
const TITLE_WORDS: &str = r"法治.*(报告|情况|总结)|(报告|情况)$";

/// Whether a key holds [`TITLE_WORDS`]: 法治 and, later on its line, what
/// the document is; or a key ending in 报告 or 情况.
fn has_title_words(k: &str) -> bool {
    let kind_after = |line: &str| {
        line.find("法治").is_some_and(|i| {
            ["报告", "情况", "总结"]
                .iter()
                .any(|w| line[i + "法治".len()..].contains(w))
        })
    };
    k.ends_with("报告") || k.ends_with("情况") || k.split('\n').any(kind_after)
}
/// A date in brackets that ends a title: the page's, not the title's.
static TITLE_DATE: Gated = Gated::new(&[")", "]"], || {
    Regex::new(r"\s*[(\[]\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*[)\]]\s*$")
        .expect("title date")
});
/// 来源: and its value, when the value is not the next label.
static SOURCE: Gated = Gated::new(&["源"], || {
    Regex::new(r"(?:信息来源|来\s*源)\s*:\s*([^\s:]+)(\s*:)?").expect("source")
});
static PUBLISHER: Gated = Gated::new(&["发布机构", "发文机关", "发布单位"], || {
    Regex::new(r"(?:发布机构|发文机关|发布单位)\s*:?\s*([^\s:]+)(\s*:)?").expect("publisher")
});
/// A site's clock: today's date and weekday, not the report's.
static CLOCK: Gated = Gated::new(&["星期", "今天是", "今日是", "周"], || {
    Regex::new(r"星期[一二三四五六日天]|今天是|今日是|周[一二三四五六日]\s*$").expect("clock")
});
static CN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9〇零一二三四五六七八九]{4})\s*年([0-9〇零一二三四五六七八九十]{1,3})\s*月([0-9〇零一二三四五六七八九十]{1,3})\s*日$")
        .expect("cn date")
});
/// A year: its four digits, then 年. Read by hand in [`first_year`].
#[cfg(test)]
const YEAR_PATTERN: &str = r"((?:19|20)\d{2})\s*年";

/// The first year [`YEAR_PATTERN`] finds in `text`, read with each char
/// taken as `as_key` gives it: the byte range of its four digits. By hand
/// (the pattern's `\d` is every script's digits, costly to compile), as
/// the engine reads it: the leftmost start, each part one way to match.
fn first_year(text: &str, as_key: impl Fn(char) -> char) -> Option<std::ops::Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().map(|(b, c)| (b, as_key(c))).collect();
    let key = |i: usize| chars.get(i).map(|c| c.1);
    (0..chars.len()).find_map(|p| {
        let century = matches!((key(p)?, key(p + 1)?), ('1', '9') | ('2', '0'));
        if !century || !is_digit(key(p + 2)?) || !is_digit(key(p + 3)?) {
            return None;
        }
        let spaces = chars[p + 4..].iter().take_while(|c| is_space(c.1)).count();
        (key(p + 4 + spaces)? == '年')
            .then(|| chars[p].0..chars.get(p + 4).map_or(text.len(), |c| c.0))
    })
}
/// A title's or a sentence's leading words before the body it names: 关于
/// and a verb of sending (关于报送…), the year, and a party committee
/// writing with its government (中共某某市委 某某市人民政府关于…). As a
/// pattern for keys (read by hand in [`lead_chars`]):
#[cfg(test)]
const LEAD: &str = concat!(
    // A site's column tag before the title: 【法治政府】.
    r"^(?:【[^】]{1,12}】\s*)?",
    r"(?:中共\p{Han}{2,12}?委(?:员会)?\s*[、,，]?\s*)?",
    r"(?:关于)?\s*(?:报送|印发|上报|呈报|公布|发布)?\s*",
    r"(?:(?:19|20)\d{2}\s*年度?\s*[,，]?\s*)?(?:关于)?",
);

/// The chars [`LEAD`]'s match takes at the start of the key `k`. By hand,
/// as [`is_signer`]: every part is optional, so each is taken where it
/// can be, the way the pattern's first match takes it.
fn lead_chars(k: &str) -> usize {
    let c: Vec<char> = k.chars().collect();
    let at = |i: usize| c.get(i).copied();
    let starts = |i: usize, w: &str| w.chars().enumerate().all(|(j, x)| at(i + j) == Some(x));
    let spaces = |i: usize| {
        i + c
            .get(i..)
            .map_or(0, |r| r.iter().take_while(|&&x| is_space(x)).count())
    };
    let mut i = 0;
    if at(0) == Some('【') {
        let inner = c[1..].iter().take_while(|&&x| x != '】').count();
        if (1..=12).contains(&inner) && at(1 + inner) == Some('】') {
            i = spaces(2 + inner);
        }
    }
    if starts(i, "中共") {
        let name = i + 2;
        // The shortest name of Han chars before 委.
        let committee = (2..=12).find(|&n| {
            at(name + n) == Some('委') && c[name..name + n].iter().all(|&x| is_han_script(x))
        });
        if let Some(n) = committee {
            let mut j = name + n + 1;
            if starts(j, "员会") {
                j += 2;
            }
            j = spaces(j);
            if matches!(at(j), Some('、' | ',' | '，')) {
                j += 1;
            }
            i = spaces(j);
        }
    }
    if starts(i, "关于") {
        i += 2;
    }
    i = spaces(i);
    if ["报送", "印发", "上报", "呈报", "公布", "发布"]
        .iter()
        .any(|w| starts(i, w))
    {
        i += 2;
    }
    i = spaces(i);
    let century = matches!(
        (at(i), at(i + 1)),
        (Some('1'), Some('9')) | (Some('2'), Some('0'))
    );
    let year = century && at(i + 2).is_some_and(is_digit) && at(i + 3).is_some_and(is_digit);
    if year && at(spaces(i + 4)) == Some('年') {
        let mut j = spaces(i + 4) + 1;
        if at(j) == Some('度') {
            j += 1;
        }
        j = spaces(j);
        if matches!(at(j), Some(',' | '，')) {
            j += 1;
        }
        i = spaces(j);
    }
    if starts(i, "关于") {
        i += 2;
    }
    i
}
static NEXT_PLAN: Gated = Gated::new(&["年"], || {
    Regex::new(r"((?:19|20)\d{2})\s*年.*(安排|计划|打算|思路)").expect("next plan")
});
/// A heading about the year's work: 一、2021年法治政府建设主要举措和成效.
static YEAR_HEADING: Gated = Gated::new(&["年"], || {
    Regex::new(r"((?:19|20)\d{2})\s*年度?.*(举措|成效|工作|情况|进展|开展)").expect("year heading")
});
/// The bodies a signature line ends with.
const SIGNER_ENDS: [&str; 7] = ["人民政府", "政府", "办公室", "委员会", "办公厅", "局", "厅"];

/// A key that is a body's name alone: two to 24 Han chars, then one of
/// [`SIGNER_ENDS`] (the pattern `^\p{Han}{2,24}?(人民政府|…)$`, by hand:
/// its repeat of a class of 90,000 chars cost more to compile than a
/// report's signature lines take to read).
fn is_signer(k: &str) -> bool {
    SIGNER_ENDS.iter().any(|end| {
        k.strip_suffix(end).is_some_and(|name| {
            (2..=24).contains(&name.chars().count()) && name.chars().all(is_han_script)
        })
    })
}

/// The opening paragraph is read as written, with these rules in their
/// text form (see [`crate::text::pattern`]): it is the one long line metadata
/// reads, and keying it cost more than the rest of the metadata.
#[cfg(test)]
static OPENING_PLACE: LazyLock<Regex> =
    LazyLock::new(|| crate::text::pattern::text_regex(OPENING_PLACE_PATTERN));
/// A place before a verb, as a pattern for keys; read by hand in
/// [`opening_places`]. The name before its last unit char may be 14
/// chars long: the longest divisions are autonomous counties named for
/// several peoples (双江拉祜族佤族布朗族傣族自治县); the gazetteer then finds
/// the place that ends the capture.
#[cfg(test)]
const OPENING_PLACE_PATTERN: &str = r"(\p{Han}{1,14}?(?:省|市|区|县|自治州|州|盟|旗))(?:人民政府|政府)?(?:坚持|深入|始终|全面|紧紧|认真|以|围绕|持续|聚焦|牢牢|紧扣|扎实)";
const PLACE_UNITS: [&str; 8] = ["省", "市", "区", "县", "自治州", "州", "盟", "旗"];
const PLACE_VERBS: [&str; 13] = [
    "坚持", "深入", "始终", "全面", "紧紧", "认真", "以", "围绕", "持续", "聚焦", "牢牢", "紧扣",
    "扎实",
];

/// The places an opening names before a verb (…常州市坚持…), in order:
/// the first group of each match of [`OPENING_PLACE_PATTERN`] on the
/// opening's keys, by hand, as the engine finds them (the leftmost start,
/// the shortest name, then units, 人民政府 or 政府 and verbs in the
/// pattern's order). Its repeat of a Han class cost more to compile than
/// an opening takes to read.
fn opening_places(opening: &str) -> impl Iterator<Item = &str> {
    let chars: Vec<(usize, char)> = opening
        .char_indices()
        .map(|(b, c)| (b, script::key_char(c)))
        .collect();
    // Each char's class, read once: a match is tried from every start.
    let han: Vec<bool> = chars.iter().map(|c| is_han_script(c.1)).collect();
    let unit_first: Vec<bool> = chars
        .iter()
        .map(|c| PLACE_UNITS.iter().any(|u| u.starts_with(c.1)))
        .collect();
    let key = move |chars: &[(usize, char)], i: usize| chars.get(i).map(|c| c.1);
    let starts = move |chars: &[(usize, char)], i: usize, w: &str| {
        w.chars()
            .enumerate()
            .all(|(j, x)| key(chars, i + j) == Some(x))
    };
    let len = |w: &str| w.chars().count();
    // Where the place and the match end, for a match starting at `s`.
    let match_at = move |chars: &[(usize, char)], s: usize| -> Option<(usize, usize)> {
        for n in 1..=14 {
            if !han.get(s + n - 1).is_some_and(|&h| h) {
                return None;
            }
            // Most chars start no unit: one look spares the word checks.
            if !unit_first.get(s + n).is_some_and(|&u| u) {
                continue;
            }
            for unit in PLACE_UNITS.iter().filter(|u| starts(chars, s + n, u)) {
                let place = s + n + len(unit);
                for body in ["人民政府", "政府", ""] {
                    let at = place + len(body);
                    if !starts(chars, place, body) {
                        continue;
                    }
                    if let Some(verb) = PLACE_VERBS.iter().find(|v| starts(chars, at, v)) {
                        return Some((place, at + len(verb)));
                    }
                }
            }
        }
        None
    };
    let mut from = 0;
    std::iter::from_fn(move || {
        let (s, (place, end)) =
            (from..chars.len()).find_map(|s| Some((s, match_at(&chars, s)?)))?;
        from = end;
        let byte = |i: usize| chars.get(i).map_or(opening.len(), |c| c.0);
        Some(&opening[byte(s)..byte(place)])
    })
}

#[cfg(test)]
static OPENING_YEAR: LazyLock<Regex> =
    LazyLock::new(|| crate::text::pattern::text_regex(YEAR_PATTERN));
/// Where the year an opening starts on ends, with its comma, in chars of
/// the key `k`: the year in the opening's first words (past a banner
/// glued before it). The pattern `^.{0,30}?(?:19|20)\d{2}\s*年(?:度|以来)?\s*[,，]`
/// by hand, as [`is_signer`] is: the first of 31 starts where the rest
/// matches.
fn opening_year_comma_end(k: &str) -> Option<usize> {
    let chars: Vec<char> = k.chars().collect();
    let year_at = |s: usize| -> Option<usize> {
        let at = |i: usize| chars.get(i).copied();
        let century = matches!((at(s)?, at(s + 1)?), ('1', '9') | ('2', '0'));
        if !century || !is_digit(at(s + 2)?) || !is_digit(at(s + 3)?) {
            return None;
        }
        let spaces =
            |from: usize| from + chars[from..].iter().take_while(|&&c| is_space(c)).count();
        let mut i = spaces(s + 4);
        if at(i)? != '年' {
            return None;
        }
        i += 1;
        match (at(i), at(i + 1)) {
            (Some('度'), _) => i += 1,
            (Some('以'), Some('来')) => i += 2,
            _ => {}
        }
        i = spaces(i);
        matches!(at(i)?, ',' | '，').then_some(i + 1)
    };
    // `.` holds any char but a line break.
    let starts = chars.iter().take(30).take_while(|&&c| c != '\n').count();
    (0..=starts).find_map(year_at)
}

/// A line as written, trimmed, and its key: each line the rules read is
/// keyed once, however many rules read it.
type Keyed<'a> = (&'a str, String);

/// The metadata of a report's lines; `page` is what a web page's head
/// says (empty for a text file).
pub fn extract(
    lines: &[&str],
    kinds: &[LineKind],
    headings: &[Heading],
    script: Script,
    page: &HeadMeta,
) -> Meta {
    let first_text = kinds.iter().position(|k| *k == LineKind::Text);
    let last_text = kinds.iter().rposition(|k| *k == LineKind::Text);
    let keyed = |i: usize| {
        let line = text::trim(lines[i]);
        (line, key(line))
    };
    let zone = |range: std::ops::Range<usize>| -> Vec<Keyed> {
        range
            .filter(|&i| kinds[i] == LineKind::Chrome)
            .map(keyed)
            .collect()
    };
    let head = zone(0..first_text.unwrap_or(lines.len()));
    let tail = zone(last_text.map_or(lines.len(), |l| l + 1)..lines.len());
    let opening = first_text.map(|i| text::trim(lines[i]));

    // The page's head names the title, unless the text's own title holds
    // it and more (a title in two lines, the browser title its second).
    let in_text = find_title(&head);
    let (title, title_date) = match page_title(page) {
        Some(t) => match &in_text.0 {
            Some(own) if own != &t && key(own).contains(&key(&t)) => in_text,
            _ => split_title_date(t),
        },
        None => in_text,
    };
    let signature = find_signature(&tail);
    let mut sources = Sources::default();
    let mut who = find_body(
        &head,
        title.as_deref(),
        signature.as_ref(),
        opening,
        &mut sources,
    );
    if who.place.is_none() {
        if let Some(found) = body_place::infer(lines, kinds, opening) {
            sources.place = Some("body");
            sources.issuer = Some("body");
            sources.place_inferred = true;
            who = Identity {
                place: Some(found.place),
                issuer: found.body,
                level: Some(found.level),
                division: found.division,
            };
        }
    }
    let (province, division) = divisions::province_and_code(who.division);
    let published = title_date
        .map(|d| (d, "title"))
        .or_else(|| {
            page.published
                .as_deref()
                .and_then(date_in)
                .map(|d| (d, "metadata"))
        })
        .or_else(|| find_labelled_date(&head).map(|d| (d, "metadata")))
        .or_else(|| {
            signature
                .as_ref()
                .and_then(|s| s.date.clone())
                .map(|d| (d, "signature"))
        })
        .or_else(|| find_page_date(&head).map(|d| (d, "page")));
    sources.published = published.as_ref().map(|p| p.1);
    let published = published.map(|p| p.0);
    let year = find_year(title.as_deref(), opening, headings, published.as_deref());
    sources.year = year.map(|y| y.1);
    Meta {
        issuer: who.issuer,
        place: who.place,
        year: year.map(|y| y.0),
        published,
        title,
        source: page
            .source
            .clone()
            .or_else(|| find_labelled(&head, &SOURCE))
            .or_else(|| find_labelled(&head, &PUBLISHER)),
        script,
        level: who.level,
        province,
        division,
        sources,
    }
}

/// Keys are Simplified and normal-form, with the same chars as the line,
/// so a match in the key maps back to the line as written.
fn key(line: &str) -> String {
    script::key(line)
}

fn original<'a>(line: &'a str, key: &str, m: regex::Match) -> &'a str {
    let start = key[..m.start()].chars().count();
    let len = m.as_str().chars().count();
    let b0 = super::char_to_byte(line, start);
    let b1 = b0 + super::char_to_byte(&line[b0..], len);
    &line[b0..b1]
}

/// The first group of `re` in a keyed line, as written; a value that is
/// the next label (来源: 发布日期:…) is none.
fn capture_original((line, k): (&str, &str), re: &Gated) -> Option<String> {
    let c = re.on(k)?.captures(k)?;
    if c.get(2).is_some() {
        return None;
    }
    Some(text::trim(original(line, k, c.get(1)?)).to_owned())
}

/// The title (a labelled one, else the first title-like head line), less a
/// date in brackets at its end, and that date.
fn find_title(head: &[Keyed]) -> (Option<String>, Option<String>) {
    let labelled = head
        .iter()
        .find_map(|(l, k)| capture_original((l, k), &TITLE_LABEL));
    let title = labelled.or_else(|| {
        head.iter().enumerate().find_map(|(i, (l, k))| {
            let title = title_of_line(l, k)?;
            // A title in two lines: the government's name above 关于….
            let above = i.checked_sub(1).and_then(|j| {
                let (l, k) = &head[j];
                header_org(l, k)?.body
            });
            match above {
                Some(org) if key(&title).starts_with("关于") => Some(format!("{org}{title}")),
                _ => Some(title),
            }
        })
    });
    match title {
        Some(t) => split_title_date(t),
        None => (None, None),
    }
}

/// The chars a title may run on after its kind (报告, 情况): (全文), 【打印】.
const TITLE_TAIL_MAX_CHARS: usize = 8;

/// The title a head line holds, less a banner or tags glued before it: a
/// short phrase of the genre, never a label, clock, sentence or a
/// document site's header (《…》由会员分享).
fn title_of_line(line: &str, k: &str) -> Option<String> {
    let n = k.chars().count();
    let docshare = k.contains("由会员分享") || k.contains("页珍藏版");
    if !has_title_words(k) || n > 200 || CLOCK.is_match(k) || docshare {
        return None;
    }
    let span = title::in_line(line)?;
    // The title runs to the line's end (a date in brackets, a word or
    // two after its kind); a sentence glued after it is the opening's.
    let start = super::char_to_byte(line, span.start);
    let end = super::char_to_byte(line, span.end);
    let rest = key(&line[end..]);
    let short = text::trim(&rest).chars().count() <= TITLE_TAIL_MAX_CHARS;
    let title = if short || TITLE_DATE.is_match(&rest) {
        text::trim(&line[start..])
    } else {
        text::trim(&line[start..end])
    };
    let tk = key(title);
    let chars = tk.chars().count();
    let plain =
        !tk.contains(':') && !tk.starts_with('《') && text::stops::find_full_stop(&tk).is_none();
    ((6..=80).contains(&chars) && plain).then(|| title.to_owned())
}

/// A title less a date in brackets at its end, and that date.
fn split_title_date(title: String) -> (Option<String>, Option<String>) {
    let k = key(&title);
    match TITLE_DATE.on(&k).and_then(|re| re.find(&k)) {
        Some(m) => {
            let date = date_in(m.as_str());
            let kept =
                text::trim(&title[..super::char_to_byte(&title, k[..m.start()].chars().count())]);
            (Some(kept.to_owned()), date)
        }
        None => (Some(title), None),
    }
}

/// The title a page's head gives: its article title, else the part of
/// the browser title (标题_网站名, 标题 - 网站名) that reads as a title.
fn page_title(page: &HeadMeta) -> Option<String> {
    if let Some(t) = &page.title {
        return Some(t.clone());
    }
    let whole = page.page_title.as_deref()?;
    whole
        .split(['_', '|', '－', '—'])
        .flat_map(|p| p.split(" - "))
        .map(text::trim)
        .find(|p| has_title_words(&key(p)) && p.chars().count() >= 6)
        .map(str::to_owned)
}

/// The first date in a text, as an ISO date.
fn date_in(s: &str) -> Option<String> {
    iso_of(&dates::first_digits_date(s)?)
}

/// A date read in digits, as an ISO date when it is one.
fn iso_of(d: &dates::Dated) -> Option<String> {
    iso(
        d.year.parse().ok()?,
        d.month.parse().ok()?,
        d.day.parse().ok()?,
    )
}

fn find_labelled(head: &[Keyed], re: &Gated) -> Option<String> {
    head.iter().find_map(|(l, k)| capture_original((l, k), re))
}

/// A body's name alone at the end, beside a date: a real signature. A
/// line cut off mid-sentence at a page's end names no signer.
struct Signature {
    org: Org,
    date: Option<String>,
}

fn find_signature(tail: &[Keyed]) -> Option<Signature> {
    let date_at = |i: usize| tail.get(i).and_then(|(_, k)| cn_or_iso_date(k));
    tail.iter().enumerate().find_map(|(i, (l, k))| {
        if !is_signer(k) {
            return None;
        }
        let date = date_at(i + 1).or_else(|| i.checked_sub(1).and_then(date_at))?;
        let org = place::org_at_start(l)?;
        Some(Signature {
            org,
            date: Some(date),
        })
    })
}

/// A date alone on a line, in digits or Chinese numerals.
fn cn_or_iso_date(k: &str) -> Option<String> {
    if let Some(c) = CN_DATE.captures(k) {
        return iso(
            small_number(&c[1])?,
            small_number(&c[2])?,
            small_number(&c[3])?,
        );
    }
    let d = dates::first_digits_date(k)?;
    (k[d.whole.clone()].chars().count() + 2 >= k.chars().count()).then(|| iso_of(&d))?
}

/// Who wrote the report: its place, issuer, level and division.
#[derive(Debug, Default)]
struct Identity {
    place: Option<String>,
    issuer: Option<String>,
    level: Option<Level>,
    division: Option<u32>,
}

/// The place, the issuer and its level, from the title, the page's
/// publisher, the signature, then the opening sentence. The place comes
/// from the first that names a place the gazetteer knows (else the first
/// that states one); the issuer is the first body named for that place,
/// else the place itself.
fn find_body(
    head: &[Keyed],
    title: Option<&str>,
    signature: Option<&Signature>,
    opening: Option<&str>,
    sources: &mut Sources,
) -> Identity {
    let after_lead = |s: &str| -> Option<Org> {
        let k = key(s);
        let lead = lead_chars(&k);
        place::org_at_start(&s[super::char_to_byte(s, lead)..])
    };
    let mut found: Vec<(Org, &'static str)> = Vec::new();
    if let Some(org) = title.and_then(after_lead) {
        found.push((org, "title"));
    }
    if let Some(org) = find_labelled(head, &PUBLISHER).and_then(|p| place::org_at_start(&p)) {
        found.push((org, "metadata"));
    }
    if let Some(s) = signature {
        found.push((s.org.clone(), "signature"));
    }
    if let Some(org) = opening.and_then(opening_org) {
        found.push((org, "opening"));
    }
    if let Some(org) = head.iter().find_map(|(l, k)| header_org(l, k)) {
        found.push((org, "page"));
    }
    let Some((first, from)) = found
        .iter()
        .find(|(o, _)| o.verified)
        .or_else(|| found.first())
        .cloned()
    else {
        return Identity::default();
    };
    sources.place = Some(from);
    let body = found
        .iter()
        .find(|(o, _)| o.body.is_some() && place::same_place(&o.place, &first.place));
    let (issuer, level, from) = match body {
        Some((o, from)) => (o.body.clone(), o.level, *from),
        None => (Some(first.place.clone()), first.level, from),
    };
    sources.issuer = Some(from);
    Identity {
        place: Some(first.place),
        issuer,
        level: Some(level),
        division: first.division,
    }
}

/// A head line that is a government's name and nothing else: a title's
/// first line (连云港市人民政府 / 关于2023年度…的报告) or the site's owner.
fn header_org(line: &str, k: &str) -> Option<Org> {
    // 中共某某市委员会 某某市人民政府: the party committee beside it.
    let lead = lead_chars(k);
    let line = &line[super::char_to_byte(line, lead)..];
    if !is_signer(&key(line)) {
        return None;
    }
    let org = place::org_at_start(line)?;
    (org.body.as_deref() == Some(line)).then_some(org)
}

/// The body the opening sentence is about: its first words after the
/// year (2022年，广州市司法局始终…), past an addressee (苏州市人民政府:),
/// else a place the gazetteer knows before a verb (…常州市坚持以…).
/// Pronouns name nothing.
fn opening_org(opening: &str) -> Option<Org> {
    let k = key(opening);
    let lead = lead_chars(&k);
    // A banner glued before the opening: the body follows its year.
    let after_year = opening_year_comma_end(&k);
    for start in [Some(lead), after_year].into_iter().flatten() {
        let start = &opening[super::char_to_byte(opening, start)..];
        if let Some(org) = place::org_at_start(start).filter(|o| !is_addressee(start, o)) {
            return Some(org);
        }
    }
    opening_places(opening).find_map(|place| known_place_ending(text::trim(place)))
}

/// Whether a body named at the start of `text` is the addressee
/// (苏州市人民政府:), not the writer.
fn is_addressee(text: &str, org: &Org) -> bool {
    let Some(body) = &org.body else {
        return false;
    };
    let Some((before, _)) = text.split_once([':', '：']) else {
        return false;
    };
    let squeezed: String = before.chars().filter(|c| !c.is_whitespace()).collect();
    squeezed == *body
}

/// The place the gazetteer knows that ends `s` (…领导下常州市): the words
/// before it are the sentence's.
fn known_place_ending(s: &str) -> Option<Org> {
    s.char_indices().find_map(|(i, c)| {
        if !divisions::may_start_name(script::key_char(c)) {
            return None;
        }
        let org = place::org_at_start(&s[i..])?;
        (org.verified && s.ends_with(org.place.as_str())).then_some(org)
    })
}

/// The publication date the page's metadata gives, by its label: 发布日期
/// and the like, then 更新时间, then 成文日期 (the day it was signed, which
/// is not when the public could read it); never a site's clock.
fn find_labelled_date(head: &[Keyed]) -> Option<String> {
    let rank = |label: &str| match label {
        "发布日期" | "发布时间" | "公开日期" | "公开时间" => 0,
        "日期" | "时间" => 1,
        "成文日期" | "发文日期" => 3,
        _ => 2,
    };
    head.iter()
        .filter(|(_, k)| !CLOCK.is_match(k))
        .flat_map(|(_, k)| dates::labelled_dates(k))
        .filter_map(|d| Some((rank(d.label), iso_of(&d)?)))
        .min_by_key(|(r, _)| *r)
        .map(|(_, d)| d)
}

/// A date on the page with no label, that is not a clock.
fn find_page_date(head: &[Keyed]) -> Option<String> {
    head.iter()
        .filter(|(_, k)| !CLOCK.is_match(k))
        .find_map(|(_, k)| iso_of(&dates::first_digits_date(k)?))
}

/// Digits, digit-by-digit Chinese (二〇二四) or small Chinese counts (二十八).
fn small_number(s: &str) -> Option<i32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .or((c == '零').then_some(0))
    };
    if !s.contains('十') {
        return s
            .chars()
            .try_fold(0i32, |acc, c| Some(acc * 10 + digit(c)? as i32));
    }
    let (tens, ones) = s.split_once('十')?;
    let tens = if tens.is_empty() {
        1
    } else {
        digit(tens.chars().next()?)? as i32
    };
    let ones = if ones.is_empty() {
        0
    } else {
        digit(ones.chars().next()?)? as i32
    };
    Some(tens * 10 + ones)
}

fn iso(y: i32, m: i32, d: i32) -> Option<String> {
    let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let ok = (1900..=2200).contains(&y)
        && (1..=12).contains(&m)
        && d >= 1
        && d <= days[(m - 1) as usize];
    ok.then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The year covered, and where it was read: in the title, else at the
/// start of the opening paragraph, else in a heading about the year's work,
/// else one before a heading planning a given year, else the year before
/// publication.
fn find_year(
    title: Option<&str>,
    opening: Option<&str>,
    headings: &[Heading],
    published: Option<&str>,
) -> Option<(i32, &'static str)> {
    let year_in = |k: &str| first_year(k, |c| c).and_then(|y| k[y].parse::<i32>().ok());
    let plan = |h: &Heading| {
        let k = key(&h.title);
        let c = NEXT_PLAN.on(&k)?.captures(&k)?;
        Some(c[1].parse::<i32>().ok()? - 1)
    };
    title
        .and_then(|t| year_in(&key(t)))
        .map(|y| (y, "title"))
        .or_else(|| {
            // The opening as written, each char read as its key (as
            // the text form of the pattern reads it).
            let opening = opening?;
            let y = first_year(opening, script::key_char)?;
            Some((key(&opening[y]).parse::<i32>().ok()?, "opening"))
        })
        .or_else(|| {
            headings.iter().find_map(|h| {
                let k = key(&h.title);
                let c = YEAR_HEADING.on(&k)?.captures(&k)?;
                (!NEXT_PLAN.is_match(&k)).then(|| Some((c[1].parse::<i32>().ok()?, "heading")))?
            })
        })
        .or_else(|| headings.iter().find_map(plan).map(|y| (y, "heading")))
        .or_else(|| {
            published
                .and_then(|p| p.get(..4)?.parse::<i32>().ok())
                .map(|y| (y - 1, "published"))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of the bundled reports as keys in both scripts, with every
    /// short head and tail of each: what the hand-written rules are held
    /// to their patterns on.
    fn sample_keys() -> Vec<String> {
        let lines = super::super::samples::bundled_lines();
        let mut keys = super::super::samples::cuts(lines.iter().map(|l| key(l)), 40);
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    #[test]
    fn the_title_words_rule_is_its_pattern() {
        let re = Regex::new(TITLE_WORDS).unwrap();
        let mut keys = sample_keys();
        let wild = super::super::samples::wild_lines();
        keys.extend(super::super::samples::cuts(wild.iter().map(|l| key(l)), 40));
        keys.extend(
            [
                "法治\n报告",
                "报告\n",
                "法治报告\n法治",
                "x\n法治x总结",
                "总结",
                "法治总结",
            ]
            .map(str::to_owned),
        );
        let mut seen = 0;
        for k in &keys {
            assert_eq!(has_title_words(k), re.is_match(k), "{k:?}");
            seen += usize::from(re.is_match(k));
        }
        assert!(seen > 20, "{seen}");
    }

    /// A gate turns away only keys its pattern cannot match: on the
    /// bundled lines and the wild pages' heads (labels, clocks, dates in
    /// brackets), each cut every way.
    #[test]
    fn a_gated_pattern_matches_nothing_its_gate_turns_away() {
        let mut keys = sample_keys();
        let wild = super::super::samples::wild_lines();
        keys.extend(super::super::samples::cuts(wild.iter().map(|l| key(l)), 40));
        keys.extend(
            [
                "标 题:法治政府建设报告",
                "法治政府建设情况(2024-03-01)",
                "来 源:司法局",
                "发文机关:某某市人民政府",
                "发布时间:2024年3月1日",
                "今天是2024年3月1日 星期五",
                "2024年3月1日 周五",
                "二、2025年工作计划",
                "一、2024年度法治政府建设主要举措和成效",
            ]
            .map(key),
        );
        let gates = [
            ("title label", &TITLE_LABEL),
            ("title date", &TITLE_DATE),
            ("source", &SOURCE),
            ("publisher", &PUBLISHER),
            ("clock", &CLOCK),
            ("next plan", &NEXT_PLAN),
            ("year heading", &YEAR_HEADING),
        ];
        for (name, gated) in gates {
            let mut matched = 0;
            for k in &keys {
                if gated.re.is_match(k) {
                    assert!(gated.on(k).is_some(), "{name}: {k:?}");
                    matched += 1;
                }
            }
            assert!(matched > 0, "{name} matched no sample");
        }
    }

    #[test]
    fn the_opening_year_rule_is_its_pattern() {
        let re = Regex::new(r"^.{0,30}?(?:19|20)\d{2}\s*年(?:度|以来)?\s*[,，]").unwrap();
        let mut keys = sample_keys();
        let banner = "法".repeat(30);
        for k in [
            "2024年,全市",
            "2024年度 ,",
            "2024年以来，",
            "2024年以,",
            "2024年度度,",
            "１９９９ 年 ,",
            "1999年\n,",
            "x\n2024年,",
            "2024年2023年,",
            "12024年,",
        ] {
            keys.push(k.to_owned());
        }
        keys.push(format!("{banner}2024年,"));
        keys.push(format!("{banner}a2024年,"));
        let mut hits = 0;
        for k in &keys {
            let want = re.find(k).map(|m| k[..m.end()].chars().count());
            assert_eq!(opening_year_comma_end(k), want, "{k:?}");
            hits += usize::from(want.is_some());
        }
        assert!(hits > 10, "{hits}");
    }

    #[test]
    fn the_lead_rule_is_its_pattern() {
        let re = Regex::new(LEAD).unwrap();
        let mut keys = sample_keys();
        for k in [
            "【法治政府】 关于报送2024年度法治政府建设情况的报告",
            "【一二三四五六七八九十一二】x",
            "【一二三四五六七八九十一二三】x",
            "【】x",
            "【法治\n政府】x",
            "中共常州市委 常州市人民政府关于",
            "中共常州市委员会、常州市人民政府",
            "中共常委委员会,",
            "中共a市委",
            "中共一二三四五六七八九十一二委x",
            "中共一二三四五六七八九十一二三委x",
            "关于 印发 2024 年度 , 关于",
            "２０２４年度，常州",
            "2024年，",
            "1999年度",
            "2099年",
            "21世纪",
            "关于关于",
        ] {
            keys.push(k.to_owned());
        }
        let mut taken = 0;
        for k in &keys {
            let want = re.find(k).map_or(0, |m| m.as_str().chars().count());
            assert_eq!(lead_chars(k), want, "{k:?}");
            taken += usize::from(want > 0);
        }
        assert!(taken > 10, "{taken}");
    }

    /// The places an opening names are the pattern's captures, one for
    /// one, on every bundled line in both scripts and with the pattern's
    /// edges.
    #[test]
    fn opening_places_are_the_patterns_captures() {
        let mut lines: Vec<String> = [
            "2024年,常州市坚持以习近平",
            "常州市人民政府坚持",
            "常州市政府以",
            "常州市政以",
            "江苏省常州市深入推进，无锡市坚持",
            "双江拉祜族佤族布朗族傣族自治县坚持",
            "一二三四五六七八九十一二三四五市坚持",
            "恩施州以及恩施自治州以",
            "市市市以",
            "全县紧扣x县紧紧",
            "a市坚持",
            "",
        ]
        .map(str::to_owned)
        .to_vec();
        lines.extend(super::super::samples::bundled_lines());
        let mut hits = 0;
        for line in &lines {
            let want: Vec<&str> = OPENING_PLACE
                .captures_iter(line)
                .filter_map(|c| Some(c.get(1)?.as_str()))
                .collect();
            let got: Vec<&str> = opening_places(line).collect();
            assert_eq!(got, want, "{line}");
            hits += want.len();
        }
        assert!(hits > 10, "{hits}");
    }

    /// The first year is the pattern's first capture: on keys as the key
    /// pattern reads them, and on lines as written as its text form does.
    #[test]
    fn the_first_year_is_the_patterns_capture() {
        let on_key = Regex::new(YEAR_PATTERN).unwrap();
        let mut keys = sample_keys();
        for k in [
            "2024 年",
            "１９９９年",
            "２０２４ 年",
            "2124年2024年",
            "2024\n年",
            "202年",
            "20２4年",
        ] {
            keys.push(k.to_owned());
        }
        let mut hits = 0;
        for k in &keys {
            let want = on_key.captures(k).map(|c| c.get(1).unwrap().range());
            assert_eq!(first_year(k, |c| c), want, "{k:?}");
            let want = OPENING_YEAR.captures(k).map(|c| c.get(1).unwrap().range());
            assert_eq!(first_year(k, script::key_char), want, "{k:?} as written");
            hits += usize::from(want.is_some());
        }
        for (_, bytes) in crate::bundled::BUNDLED {
            let text = std::str::from_utf8(bytes).expect("utf-8");
            for line in text.lines() {
                let want = OPENING_YEAR
                    .captures(line)
                    .map(|c| c.get(1).unwrap().range());
                assert_eq!(first_year(line, script::key_char), want, "{line}");
            }
        }
        assert!(hits > 10, "{hits}");
    }

    #[test]
    fn the_signer_rule_is_its_pattern() {
        let re = Regex::new(r"^\p{Han}{2,24}?(人民政府|政府|办公室|委员会|办公厅|局|厅)$").unwrap();
        let mut keys = sample_keys();
        let long = "法".repeat(24);
        for k in [
            "〇〇局",
            "常州厅",
            "市局",
            "常州市人民政府",
            "常州 市政府",
            "a常州市政府",
            "ＡＢ局",
        ] {
            keys.push(k.to_owned());
        }
        keys.push(format!("{long}局"));
        keys.push(format!("{long}法局"));
        keys.push(format!("{long}人民政府"));
        let mut hits = 0;
        for k in &keys {
            assert_eq!(is_signer(k), re.is_match(k), "{k}");
            hits += usize::from(re.is_match(k));
        }
        assert!(hits > 10, "{hits}");
    }

    #[test]
    fn small_numbers() {
        assert_eq!(small_number("二〇二四"), Some(2024));
        assert_eq!(small_number("二十八"), Some(28));
        assert_eq!(small_number("十"), Some(10));
        assert_eq!(small_number("十二"), Some(12));
        assert_eq!(small_number("28"), Some(28));
    }

    #[test]
    fn dates_are_validated() {
        assert_eq!(iso(2024, 2, 29), Some("2024-02-29".into()));
        assert_eq!(iso(2024, 13, 1), None);
        assert_eq!(iso(2024, 4, 31), None);
    }

    #[test]
    fn issuer_from_opening_sentence() {
        let o = "2024年,在省委、省政府的正確領導下,常州市堅持以習近平新時代中國特色社會主義思想為指導。";
        let org = opening_org(o).unwrap();
        assert_eq!((org.place.as_str(), org.body), ("常州市", None));
        let org = opening_org("2022年，广州市司法局始终坚持以习近平法治思想为指导。").unwrap();
        assert_eq!(org.body.as_deref(), Some("广州市司法局"));
        assert_eq!(org.level, Level::Department);
        assert!(
            opening_org("2024年，我市坚持以习近平新时代中国特色社会主义思想为指导。").is_none()
        );
        assert!(opening_org("2024年，本区深入贯彻落实党的二十大精神。").is_none());
    }

    /// Autonomous counties and banners named for several peoples have the
    /// longest names of all divisions; the opening names them whole, in
    /// either script, after a clause or glued to it.
    #[test]
    fn the_longest_division_names_are_read_from_the_opening() {
        use ferrous_opencc::{config::BuiltinConfig, OpenCC};
        let s2t = OpenCC::from_config(BuiltinConfig::S2t).unwrap();
        for name in [
            "彭水苗族土家族自治县",
            "秀山土家族苗族自治县",
            "镇沅彝族哈尼族拉祜族自治县",
            "双江拉祜族佤族布朗族傣族自治县",
            "积石山保安族东乡族撒拉族自治县",
            "莫力达瓦达斡尔族自治旗",
        ] {
            for opening in [
                format!("2023年，在县委的正确领导下，{name}坚持依法行政。"),
                format!("2023年，在县委的正确领导下{name}深入推进法治政府建设。"),
            ] {
                for text in [opening.clone(), s2t.convert(&opening)] {
                    // The place in the opening's own script.
                    let place = opening_org(&text).map(|o| script::key(&o.place));
                    assert_eq!(place.as_deref(), Some(name), "{text}");
                }
            }
        }
    }

    /// The opening rules read the line as written, in their text form:
    /// on every bundled line, in both scripts and with full-width digits,
    /// they capture the chars the key form captures in the line's key.
    #[test]
    fn opening_rules_capture_in_text_what_they_capture_in_its_key() {
        let on_key = [
            (&*OPENING_PLACE, Regex::new(OPENING_PLACE_PATTERN).unwrap()),
            (&*OPENING_YEAR, Regex::new(YEAR_PATTERN).unwrap()),
        ];
        let wide = |s: &str| -> String {
            s.chars()
                .map(|c| match c {
                    '0'..='9' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
                    _ => c,
                })
                .collect()
        };
        let span =
            |s: &str, m: regex::Match| (s[..m.start()].chars().count(), m.as_str().chars().count());
        let mut hits = 0;
        for (_, bytes) in crate::bundled::BUNDLED {
            let text = std::str::from_utf8(bytes).expect("utf-8");
            for t in [text.to_owned(), script::to_simplified(text), wide(text)] {
                for line in t.lines() {
                    let k = key(line);
                    for (text_form, key_form) in &on_key {
                        let got = text_form.captures(line).and_then(|c| c.get(1));
                        let want = key_form.captures(&k).and_then(|c| c.get(1));
                        assert_eq!(
                            got.map(|m| span(line, m)),
                            want.map(|m| span(&k, m)),
                            "{line}"
                        );
                        hits += usize::from(got.is_some());
                    }
                }
            }
        }
        assert!(hits > 20, "{hits}");
    }

    fn keyed(lines: &[&'static str]) -> Vec<Keyed<'static>> {
        lines.iter().map(|l| (*l, key(l))).collect()
    }

    #[test]
    fn a_signature_is_a_body_beside_a_date() {
        let tail = keyed(&["張家港市人民政府", "2024年2月28日"]);
        let s = find_signature(&tail).unwrap();
        assert_eq!(s.org.body.as_deref(), Some("張家港市人民政府"));
        assert_eq!(s.date.as_deref(), Some("2024-02-28"));
        let tail = keyed(&["某某县人民政府", "二〇二四年二月二十八日"]);
        assert_eq!(
            find_signature(&tail).unwrap().date.as_deref(),
            Some("2024-02-28")
        );
        // The last line of a page cut off mid-sentence names no signer.
        assert!(find_signature(&keyed(&["进一步发挥市委全面依法治市委员会"])).is_none());
    }

    #[test]
    fn clocks_and_empty_labels_are_not_metadata() {
        let head = keyed(&[
            "今天是:2020年9月14日 星期一",
            "某某区人民政府 2020年9月14日星期一",
            "来源: 发布日期:2022-03-25",
            "更新时间:2022/03/25",
        ]);
        assert_eq!(find_labelled_date(&head).as_deref(), Some("2022-03-25"));
        assert_eq!(find_page_date(&head[..2]), None);
        assert_eq!(find_labelled(&head, &SOURCE), None);
        let head = keyed(&[
            "发布日期:2024-01-25 来源:某某市司法局",
            "更新时间:2024-02-01",
        ]);
        assert_eq!(find_labelled_date(&head).as_deref(), Some("2024-01-25"));
        assert_eq!(
            find_labelled(&head, &SOURCE).as_deref(),
            Some("某某市司法局")
        );
        // Signed on one day, published on another: the public's day.
        let head = keyed(&["索引号:11N000/2020-00012 成文日期:2020-03-25 发布日期:2020-03-30"]);
        assert_eq!(find_labelled_date(&head).as_deref(), Some("2020-03-30"));
    }

    #[test]
    fn a_titles_trailing_date_is_the_pages() {
        let head = keyed(&["关于某某市2023年度法治政府建设情况的报告(2024-03-01)"]);
        let (title, date) = find_title(&head);
        assert_eq!(
            title.as_deref(),
            Some("关于某某市2023年度法治政府建设情况的报告")
        );
        assert_eq!(date.as_deref(), Some("2024-03-01"));
    }

    fn body_of_title(title: &str) -> Option<(String, Option<String>, Level, &'static str)> {
        let mut sources = Sources::default();
        let who = find_body(&[], Some(title), None, None, &mut sources);
        Some((who.place?, who.issuer, who.level?, sources.place?))
    }

    #[test]
    fn bodies_in_every_title_order() {
        for (title, place, issuer, level) in [
            (
                "关于无锡市2024年度法治政府建设情况的报告",
                "无锡市",
                "无锡市",
                Level::City,
            ),
            (
                "2024年无锡市法治政府建设情况报告",
                "无锡市",
                "无锡市",
                Level::City,
            ),
            (
                "无锡市2025年法治政府建设年度报告",
                "无锡市",
                "无锡市",
                Level::City,
            ),
            (
                "重庆市綦江区2023年法治政府建设情况",
                "綦江区",
                "綦江区",
                Level::County,
            ),
            (
                "浙江省市场监督管理局关于2023年度法治政府建设情况的报告",
                "浙江省",
                "浙江省市场监督管理局",
                Level::Department,
            ),
            (
                "中共德清县委 德清县人民政府关于2023年度法治建设情况的报告",
                "德清县",
                "德清县人民政府",
                Level::County,
            ),
            (
                "关于报送德清县2024年度法治政府建设情况的报告",
                "德清县",
                "德清县",
                Level::County,
            ),
        ] {
            let got = body_of_title(title);
            let want = (place.to_owned(), Some(issuer.to_owned()), level, "title");
            assert_eq!(got, Some(want), "{title}");
        }
        assert_eq!(
            body_of_title("市人民政府关于2023年度法治政府建设情况的报告"),
            None
        );
    }

    #[test]
    fn a_head_line_that_is_a_government_names_the_report() {
        let line = "某某市人民政府";
        let org = header_org(line, &key(line)).unwrap();
        assert_eq!(org.body.as_deref(), Some(line));
        let line = "某某市人民政府门户网站";
        assert!(header_org(line, &key(line)).is_none());
    }

    #[test]
    fn a_browser_title_less_the_sites_name() {
        let page = |t: &str| HeadMeta {
            page_title: Some(t.to_owned()),
            ..HeadMeta::default()
        };
        for t in [
            "某某县2023年法治政府建设年度报告_某某县人民政府",
            "某某县人民政府 - 某某县2023年法治政府建设年度报告",
            "某某县2023年法治政府建设年度报告|政务公开",
        ] {
            assert_eq!(
                page_title(&page(t)).as_deref(),
                Some("某某县2023年法治政府建设年度报告"),
                "{t}"
            );
        }
        assert_eq!(page_title(&page("某某县人民政府门户网站")), None);
    }

    #[test]
    fn the_year_of_a_heading_about_the_years_work() {
        let heading = |title: &str| Heading {
            level: 1,
            marker: "一、".into(),
            title: title.into(),
            line: 3,
            inline_body: false,
            col: 0,
        };
        let headings = [
            heading("2022年工作安排"),
            heading("2021年法治政府建设主要举措和成效"),
        ];
        assert_eq!(
            find_year(None, Some("今年以来,全县坚持依法行政。"), &headings, None),
            Some((2021, "heading"))
        );
        assert_eq!(
            find_year(None, None, &headings[..1], None),
            Some((2021, "heading"))
        );
    }
}

//! What a document site writes into a report's lines: a leading bullet
//! (`• `), and a watermark inside a sentence (the site's name, its web
//! address and its slogan between spaces). Both go before the text is
//! read, so a sentence cut by a watermark reads whole again and a bulleted
//! heading is a heading. Lines are never joined or split: line numbers
//! stay those of the file.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::packed::Searcher;
use regex::Regex;

use crate::text::{self, classes};

/// A web address standing between spaces. Government sites (gov.cn) are
/// cited in reports and never watermark them. As a pattern for tests;
/// read by hand in [`address_from`].
#[cfg(test)]
const ADDRESS: &str = r"(?i)(?:^|[\s\u{3000}])((?:https?://)?(?:[a-z0-9-]+\.)+(?:com|cn|net|org|cc|top|vip|info)(?:/[!-~]*)?)(?:$|[\s\u{3000}])";

/// The last labels of an [`ADDRESS`], in the pattern's order.
const TLDS: [&str; 8] = ["com", "cn", "net", "org", "cc", "top", "vip", "info"];

/// Whether `c` is `want` (a lower-case Latin letter) in any case, as the
/// pattern's `(?i)` reads it: ſ is an s and the Kelvin sign a k.
fn is_letter(c: char, want: char) -> bool {
    c.to_ascii_lowercase() == want || (want == 's' && c == 'ſ') || (want == 'k' && c == 'K')
}

/// `[!-~]` case-insensitively: printable ASCII, ſ and the Kelvin sign.
fn is_path_char(c: char) -> bool {
    ('!'..='~').contains(&c) || c == 'ſ' || c == 'K'
}

/// Takes `word` (lower-case ASCII) at byte `at` of `s`, in any case: the
/// byte after it.
fn word_at(s: &str, at: usize, word: &str) -> Option<usize> {
    let mut chars = s[at..].char_indices();
    for want in word.chars() {
        chars.next().filter(|&(_, c)| is_letter(c, want))?;
    }
    Some(chars.next().map_or(s.len(), |(i, _)| at + i))
}

/// The first [`ADDRESS`] in `s` at or after byte `from` (its group: the
/// address without the spaces around it). By hand: the pattern cost more
/// to build than a page takes to read, and most pages cite an address.
fn address_from(s: &str, from: usize) -> Option<std::ops::Range<usize>> {
    let at_start = (from == 0).then(|| address_at(s, 0)).flatten();
    at_start.or_else(|| {
        s[from..].char_indices().find_map(|(i, c)| {
            let after = from + i + c.len_utf8();
            classes::is_space(c).then(|| address_at(s, after)).flatten()
        })
    })
}

/// The address that starts at byte `at` and ends at the text's end or a
/// space. Its labels are taken as many as stand (each a run of letters,
/// digits and dashes, then a dot); the last label is tried after the
/// most of them first, as the pattern's greedy repeat does.
fn address_at(s: &str, at: usize) -> Option<std::ops::Range<usize>> {
    let start = word_at(s, at, "https://")
        .or_else(|| word_at(s, at, "http://"))
        .unwrap_or(at);
    let label_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == 'ſ' || c == 'K';
    let mut dots = Vec::new();
    let mut p = start;
    loop {
        let run: usize = s[p..]
            .chars()
            .take_while(|&c| label_char(c))
            .map(char::len_utf8)
            .sum();
        if run == 0 || !s[p + run..].starts_with('.') {
            break;
        }
        p += run + 1;
        dots.push(p);
    }
    let ends_here = |e: usize| s[e..].chars().next().is_none_or(classes::is_space);
    dots.iter().rev().find_map(|&d| {
        TLDS.iter().find_map(|tld| {
            let e = word_at(s, d, tld)?;
            let end = match s[e..].starts_with('/') {
                true => {
                    e + 1
                        + s[e + 1..]
                            .chars()
                            .take_while(|&c| is_path_char(c))
                            .map(char::len_utf8)
                            .sum::<usize>()
                }
                false => e,
            };
            ends_here(end).then_some(at..end)
        })
    })
}

/// Words of a document site's name or slogan: 某某文库网, 免费下载.
static SITE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(网|文库|文档|范文|资料|站)$|免费|下载|分享|海量|专注|精品|原创|在线阅读")
        .expect("site words")
});
/// Site words no report sentence stands beside an address with: one is a
/// watermark. A name in 网 alone may be a portal a report cites, so it
/// takes a second word.
static DOCUMENT_SITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"文库|文档|范文|资料|免费|下载|分享|海量|专注|精品|原创").expect("document site")
});

/// The longest word of a watermark besides its address.
const WORD_MAX_CHARS: usize = 12;

/// Leading bullets: what a list item or a page widget starts with.
const BULLETS: &[char] = &[
    '•', '●', '◆', '◇', '■', '□', '▪', '▫', '‧', '・', '►', '▶', '·',
];

/// The text less bullets and watermarks, or `None` when it has neither.
pub(crate) fn scrub(text: &str) -> Option<String> {
    let watermarked = may_hold_address(text) && address_from(text, 0).is_some();
    let bulleted = starts_a_line_with_bullet(text);
    if !watermarked && !bulleted {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let (line, tail) = rest.split_at(end);
        let line = unbullet(line);
        out.push_str(&unwatermark(&line));
        let breaks = tail.len() - tail.trim_start_matches(['\n', '\r']).len();
        out.push_str(&tail[..breaks]);
        rest = &tail[breaks..];
    }
    Some(out)
}

/// Whether a letter follows a dot after a letter or digit (`x.com`): rare
/// in report text, where a dot is a decimal point, and found at memchr
/// speed, which spares the address pattern almost every report.
fn may_hold_address(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(b'.', b).any(|i| {
        i > 0
            && b[i - 1].is_ascii_alphanumeric()
            && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
    })
}

/// Whether a bullet starts a line (after its indent).
fn starts_a_line_with_bullet(text: &str) -> bool {
    // One SIMD pass for the bullets; most reports hold none.
    static FINDER: LazyLock<Searcher> = LazyLock::new(|| {
        let bullets = BULLETS.iter().map(|c| c.to_string());
        Searcher::new(bullets).expect("bullets")
    });
    FINDER.find_iter(text).any(|hit| {
        let before = &text[..hit.start()];
        let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
        text::trim(&before[line_start..]).is_empty()
    })
}

/// The line less a bullet and the spaces after it; its indent stays.
fn unbullet(line: &str) -> Cow<'_, str> {
    let body = line.trim_start_matches(|c: char| text::normal_char(c) == ' ' || c == '\t');
    let Some(after) = body.strip_prefix(BULLETS) else {
        return Cow::Borrowed(line);
    };
    let after = after.trim_start_matches(|c: char| text::normal_char(c) == ' ');
    Cow::Owned(format!("{}{after}", &line[..line.len() - body.len()]))
}

/// The line less each watermark: an address with the site words beside
/// it, and the spaces around them.
fn unwatermark(line: &str) -> Cow<'_, str> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    while let Some(address) = address_from(line, from) {
        from = address.end;
        if line[address.clone()].to_ascii_lowercase().contains("gov") {
            continue;
        }
        if let Some(cut) = watermark_around(line, address.start, address.end) {
            cuts.push(cut);
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    for (start, end) in cuts {
        if start >= at {
            out.push_str(&line[at..start]);
            at = end;
        }
    }
    out.push_str(&line[at..]);
    Cow::Owned(out)
}

/// The span of the watermark around an address: the address, up to two
/// site words on each side, and the spaces between and around them; none
/// when the words do not say a document site.
fn watermark_around(line: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let is_space = |c: char| text::normal_char(c) == ' ' || c == '\t';
    let (mut start, mut end) = (start, end);
    for _ in 0..2 {
        let before = line[..start].trim_end_matches(is_space);
        let word_start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| is_space(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        if !site_word(&before[word_start..]) {
            break;
        }
        start = word_start;
    }
    for _ in 0..2 {
        let after = line[end..].trim_start_matches(is_space);
        let skipped = line.len() - end - after.len();
        let word_len = after.find(is_space).unwrap_or(after.len());
        if !site_word(&after[..word_len]) {
            break;
        }
        end += skipped + word_len;
    }
    let words = line[start..end].split(is_space).filter(|w| site_word(w));
    let (count, strong) = words.fold((0, false), |(n, strong), w| {
        (n + 1, strong || DOCUMENT_SITE.is_match(w))
    });
    if !strong && count < 2 {
        return None;
    }
    // The spaces around the watermark go with it; the sentence closes.
    let left = line[..start].trim_end_matches(is_space).len();
    let right = line.len() - line[end..].trim_start_matches(is_space).len();
    Some((left, right))
}

/// A word a site's name or slogan is made of: short, without a stop or a
/// comma, with a site's word.
fn site_word(word: &str) -> bool {
    let chars = word.chars().count();
    (1..=WORD_MAX_CHARS).contains(&chars)
        && !word.chars().any(|c| "。,，;；:：、!！?？".contains(c))
        && SITE_WORDS.is_match(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every address the pattern finds, as the watermark pass looks for
    /// them: each from the end of the last.
    fn addresses(re: &Regex, line: &str) -> Vec<std::ops::Range<usize>> {
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(c) = re.captures_at(line, from) {
            let m = c.get(1).unwrap();
            from = m.end();
            found.push(m.range());
        }
        found
    }

    fn by_hand(line: &str) -> Vec<std::ops::Range<usize>> {
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(m) = address_from(line, from) {
            from = m.end;
            found.push(m);
        }
        found
    }

    #[test]
    fn the_address_rule_is_its_pattern() {
        use crate::report::samples;
        let re = Regex::new(ADDRESS).unwrap();
        let mut lines = samples::bundled_lines();
        lines.extend(samples::wild_lines());
        let whole = lines.join("\n");
        lines.extend(
            [
                "www.example.com",
                " HTTPS://Docin.COM/p-123.html 豆丁网 ",
                "见 http://www.gov.cn/zhengce 和 a.b.com.cn/x?y=1\u{3000}下载",
                "x.community x.com/路径 x.cnn x.cn",
                "a.com.b.cn a-b.Vip\tc.info/",
                "httpſ://x.top ſ.org K.net",
                "http://.com ..com a..com -.cc",
                ".com",
                "x.com.",
                "x.com/ y",
            ]
            .map(str::to_owned),
        );
        let mut seen = 0;
        for line in samples::cuts(lines, 40).iter().chain([&whole]) {
            let want = addresses(&re, line);
            assert_eq!(by_hand(line), want, "{line:?}");
            seen += want.len();
        }
        assert!(seen > 10, "{seen}");
    }

    fn scrubbed(text: &str) -> String {
        scrub(text).unwrap_or_else(|| text.to_owned())
    }

    #[test]
    fn a_watermark_inside_a_sentence_goes_and_the_sentence_closes() {
        assert_eq!(
            scrubbed("全面推进依法行政 某某文库网 www.moumou-wk.com 专注文档分享 工作取得新成效。"),
            "全面推进依法行政工作取得新成效。"
        );
        assert_eq!(
            scrubbed(
                "全年办结案件 范文资料站 https://fanwen.example.cn/doc/123.html 1200件。\n下一行。"
            ),
            "全年办结案件1200件。\n下一行。"
        );
    }

    #[test]
    fn addresses_a_report_cites_stay() {
        for line in [
            "在市政府门户网站(www.moumou.gov.cn)公开。",
            "登录 www.moumou.gov.cn 查询。",
            "全市政务服务网 zwfw.example.com 上线事项1200项。",
        ] {
            let kept = scrubbed(line);
            assert!(kept.contains(".c"), "{line} -> {kept}");
        }
    }

    #[test]
    fn leading_bullets_go_and_the_indent_stays() {
        assert_eq!(
            scrubbed("• 一、加强党的领导\n\u{3000}\u{3000}● 全年召开会议3次。\r\n正文·其中"),
            "一、加强党的领导\n\u{3000}\u{3000}全年召开会议3次。\r\n正文·其中"
        );
        assert!(scrub("一、加强党的领导\n正文。").is_none());
    }
}

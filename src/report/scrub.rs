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

use crate::text;

/// A web address standing between spaces. Government sites (gov.cn) are
/// cited in reports and never watermark them.
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[\s\u{3000}])((?:https?://)?(?:[a-z0-9-]+\.)+(?:com|cn|net|org|cc|top|vip|info)(?:/[!-~]*)?)(?:$|[\s\u{3000}])",
    )
    .expect("address")
});

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
    let watermarked = may_hold_address(text) && ADDRESS.is_match(text);
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
    while let Some(caps) = ADDRESS.captures_at(line, from) {
        let address = caps.get(1).expect("group 1");
        from = address.end();
        if address.as_str().to_ascii_lowercase().contains("gov") {
            continue;
        }
        if let Some(cut) = watermark_around(line, address.start(), address.end()) {
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

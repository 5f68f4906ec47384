//! Which lines are web chrome (spec §1): navigation, metadata tables,
//! widgets, footers and the signature block. Rules are about the genre,
//! never about one site: explicit chrome phrases anywhere, plus the header
//! zone before the report's first paragraph and the short lines after its
//! last one.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::LineFacts;
use super::outline::marker_of;
use super::LineKind;
use crate::text::classes::is_space;
use crate::text::pattern::text_regex;
use crate::text::{self, script};

/// Lines that are chrome wherever they stand, by how they start, as a
/// pattern for keys: read by hand in [`is_chrome_start`].
#[cfg(test)]
const CHROME_START: &str = concat!(
    r"^(?:(您)?当前(的)?位置|网站首页|首页\s|",
    r"(索\s*引\s*号|发布机构|公开日期|发布日期|成文日期|生效日期|发文字号|文\s*号|",
    r"主题分类|分\s*类|标\s*题|有\s*效\s*性|来\s*源|作\s*者|信息来源|浏览次数|点击数|访问量)\s*[:\s]|",
    // A site's footer, however long its line: who runs the site.
    r"(版权所有|主办单位|承办单位|技术支持|网站标识码|主\s*办\s*:))",
);

/// The labels of a page's metadata that start a line, each before a
/// colon or a space; a space in a label stands for any spaces there.
const START_LABELS: [&str; 18] = [
    "索 引 号",
    "发布机构",
    "公开日期",
    "发布日期",
    "成文日期",
    "生效日期",
    "发文字号",
    "文 号",
    "主题分类",
    "分 类",
    "标 题",
    "有 效 性",
    "来 源",
    "作 者",
    "信息来源",
    "浏览次数",
    "点击数",
    "访问量",
];

/// Who runs the site, at a line's start.
const START_OWNERS: [&str; 6] = [
    "版权所有",
    "主办单位",
    "承办单位",
    "技术支持",
    "网站标识码",
    "主 办 :",
];

/// Whether a line is chrome by how it starts: [`CHROME_START`] on its
/// keys, by hand. Each of its choices is tried from the line's start, and
/// one that holds is enough; the pattern cost more to compile than the
/// lines take to read.
fn is_chrome_start(text: &str) -> bool {
    // Most lines are turned away by their first key: no choice starts so.
    let first = text.chars().next().map(script::key_char);
    if !first.is_some_and(|c| "您当网首索发公成生文主分标有来作信浏点访版承技".contains(c))
    {
        return false;
    }
    let tries = |word: &str| {
        let mut k = Keys { text, at: 0 };
        k.eat_spaced(word).then_some(k)
    };
    let here = || tries("");
    let location = here().is_some_and(|mut k| {
        k.eat("您");
        let current = k.eat("当前");
        k.eat("的");
        current && k.eat("位置")
    });
    location
        || tries("网站首页").is_some()
        || tries("首页").is_some_and(|k| k.peek().is_some_and(is_space))
        || START_LABELS.iter().filter_map(|l| tries(l)).any(|mut k| {
            k.peek().is_some_and(is_space) || {
                k.all_spaces();
                k.peek() == Some(':')
            }
        })
        || START_OWNERS.iter().any(|o| tries(o).is_some())
}

/// Chrome phrases anywhere in a line's first [`START_CHARS`] chars:
/// widgets that share a line with other chrome. As a pattern for keys;
/// read by hand in [`phrase_at`].
/// Searched for in the whole text at once (see [`phrase_lines`]), so its
/// spaces are any but line breaks: a match lies in one line.
#[cfg(test)]
const CHROME_ANYWHERE: &str = concat!(
    r"浏览次数|字号[^\S\r\n]*:[^\S\r\n]*\[|字体[^\S\r\n]*:[^\S\r\n]*\[|【[^\S\r\n]*(打印|关闭|字体)|",
    // A document-sharing site's header: 《…》由会员分享,可在线阅读….
    r"由会员分享|页珍藏版",
);

/// A text read key by key from its start, for the rules read by hand.
struct Keys<'a> {
    text: &'a str,
    at: usize,
}

impl Keys<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next().map(script::key_char)
    }

    fn bump(&mut self) {
        self.at += self.text[self.at..]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
    }

    /// Takes `word` when the keys go on with it, else nothing.
    fn eat(&mut self, word: &str) -> bool {
        let from = self.at;
        for c in word.chars() {
            if self.peek() != Some(c) {
                self.at = from;
                return false;
            }
            self.bump();
        }
        true
    }

    /// Takes `word`, any spaces standing where it has a space.
    fn eat_spaced(&mut self, word: &str) -> bool {
        let from = self.at;
        for c in word.chars() {
            if c == ' ' {
                self.all_spaces();
            } else if self.peek() == Some(c) {
                self.bump();
            } else {
                self.at = from;
                return false;
            }
        }
        true
    }

    /// Takes every space, line breaks too (`\s*`).
    fn all_spaces(&mut self) {
        while self.peek().is_some_and(is_space) {
            self.bump();
        }
    }

    /// Takes the spaces of a line (no line breaks).
    fn spaces(&mut self) {
        while self
            .peek()
            .is_some_and(|c| is_space(c) && c != '\r' && c != '\n')
        {
            self.bump();
        }
    }
}

/// The length in bytes of the [`CHROME_ANYWHERE`] match that starts
/// `text`, if one does. Its phrases start with different keys, so one at
/// most is tried, and each part is followed by a char its spaces cannot
/// take. By hand: the pattern cost more to compile than a report takes to
/// read key by key.
fn phrase_at(text: &str) -> Option<usize> {
    let mut k = Keys { text, at: 0 };
    let found = match k.peek()? {
        '浏' => k.eat("浏览次数"),
        '由' => k.eat("由会员分享"),
        '页' => k.eat("页珍藏版"),
        '字' => {
            (k.eat("字号") || k.eat("字体"))
                && {
                    k.spaces();
                    k.eat(":")
                }
                && {
                    k.spaces();
                    k.eat("[")
                }
        }
        '【' => {
            k.eat("【");
            k.spaces();
            k.eat("打印") || k.eat("关闭") || k.eat("字体")
        }
        _ => false,
    };
    found.then_some(k.at)
}

/// The keys the phrases of [`CHROME_ANYWHERE`] start with, as
/// [`phrase_at`] reads them.
#[cfg(test)]
const PHRASE_FIRSTS: [char; 5] = ['浏', '由', '页', '字', '【'];

/// The chars whose key is one of [`PHRASE_FIRSTS`] (a test holds the
/// two together): a search for them skips the text between, which is
/// nearly all of it. Listed, not derived, so that a process reading one
/// report does not key the whole fold table to find them.
const PHRASE_STARTS: [&str; 7] = ["浏", "瀏", "由", "页", "頁", "字", "【"];

/// Seven short patterns: the packed searcher's SIMD form, cheap to build
/// and fast over a whole text.
fn phrase_starts() -> &'static aho_corasick::packed::Searcher {
    static STARTS: LazyLock<aho_corasick::packed::Searcher> = LazyLock::new(|| {
        aho_corasick::packed::Searcher::new(PHRASE_STARTS).expect("phrase starts")
    });
    &STARTS
}

/// The [`CHROME_ANYWHERE`] matches in `text`, as byte ranges, as the
/// engine finds them: the leftmost, then on from its end.
fn chrome_phrases(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(start) = phrase_starts().find_in(text, aho_corasick::Span::from(at..text.len()))
    {
        match phrase_at(&text[start.start()..]) {
            Some(len) => {
                found.push(start.start()..start.start() + len);
                at = start.start() + len;
            }
            None => at = start.end(),
        }
    }
    found
}

/// Footer and widget phrases: chrome when they make up a short line. As a
/// pattern for keys, read by hand in [`is_footer`].
#[cfg(test)]
const FOOTER: &str = concat!(
    r"打印本页|关闭窗口|扫一扫|相关信息|相关链接|相关文件|公网安备|ICP备|版权所有|",
    r"主办单位|承办单位|技术支持|上一篇|下一篇|分享到|此件公开发布|此件不公开|",
    r"网站标识码|返回顶部|网站地图|联系我们|附件下载|",
    r"^抄送\s*:|日\s*印发$",
);

/// What a site's footer says, on a line of its own or run on after a
/// page's last sentence (see `segment`).
pub(super) const SITE_FOOTER: [&str; 16] = [
    "打印本页",
    "关闭窗口",
    "扫一扫",
    "相关信息",
    "相关链接",
    "公网安备",
    "ICP备",
    "版权所有",
    "主办单位",
    "承办单位",
    "技术支持",
    "上一篇",
    "下一篇",
    "分享到",
    "网站标识码",
    "返回顶部",
];

/// The phrases of [`FOOTER`] besides [`SITE_FOOTER`] that may stand
/// anywhere in the line.
const FOOTER_MORE: [&str; 6] = [
    "相关文件",
    "此件公开发布",
    "此件不公开",
    "网站地图",
    "联系我们",
    "附件下载",
];

/// Whether a short line is a footer or a widget: [`FOOTER`] on its key,
/// by hand, since every short line is asked and compiling the pattern
/// cost more than reading them. An official document's 版记 is one too:
/// who gets copies (抄送:), who printed it when (…日印发).
fn is_footer(text: &str) -> bool {
    let key = script::key(text);
    SITE_FOOTER
        .iter()
        .chain(&FOOTER_MORE)
        .any(|p| key.contains(p))
        || key
            .strip_prefix("抄送")
            .is_some_and(|r| r.trim_start_matches(is_space).starts_with(':'))
        || key
            .strip_suffix("印发")
            .is_some_and(|r| r.trim_end_matches(is_space).ends_with('日'))
}

/// A date alone on its line, as a pattern for keys; read by hand in
/// [`is_date_line`].
#[cfg(test)]
const DATE_LINE: &str = r"^[0-9〇零一二三四五六七八九十]{4}\s*年[0-9〇零一二三四五六七八九十]{1,3}\s*月[0-9〇零一二三四五六七八九十]{1,3}\s*日$";

/// A date alone on its line: a signature date or a page stamp. The
/// pattern [`DATE_LINE`] on the line's keys, by hand: every short line is
/// asked, and compiling it cost more than reading them. Its numerals, its
/// spaces and 年月日 are apart, so each run has one length to take.
fn is_date_line(text: &str) -> bool {
    let keys: Vec<char> = text.chars().map(script::key_char).collect();
    let numeral = |c: char| c.is_ascii_digit() || "〇零一二三四五六七八九十".contains(c);
    // The end of the run of chars passing `test` from `from`.
    let run = |from: usize, test: &dyn Fn(char) -> bool| {
        from + keys[from..].iter().take_while(|&&c| test(c)).count()
    };
    let mut at = 0;
    for (unit, lengths) in [('年', 4..=4), ('月', 1..=3), ('日', 1..=3)] {
        let numerals = run(at, &numeral);
        let spaces = run(numerals, &is_space);
        if !lengths.contains(&(numerals - at)) || keys.get(spaces) != Some(&unit) {
            return false;
        }
        at = spaces + 1;
    }
    at == keys.len()
}

/// A licence or copyright notice's opening: what it speaks of (this work,
/// this page, this site). As a pattern for tests; read by hand in
/// [`is_licence_start`].
#[cfg(test)]
const LICENCE_START: &str = r"^(本作品|本文|本页|本站|本网|本网站)";

/// The words of [`LICENCE_START`], as keys.
const LICENCE_OPENERS: [&str; 6] = ["本作品", "本文", "本页", "本站", "本网", "本网站"];

/// Whether a line opens on [`LICENCE_START`]: its first keys are one of
/// its words. By hand: a pattern widened to the text costs more to make
/// than a report takes to read, and almost no line starts with 本.
fn is_licence_start(line: &str) -> bool {
    let head: String = line.chars().take(3).map(script::key_char).collect();
    LICENCE_OPENERS.iter().any(|w| head.starts_with(w))
}

/// What a licence notice says, somewhere in its lines.
static LICENCE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    text_regex(r"(?i)公有领域|著作权|版权|知识共享|许可协议|public\s*domain|creative\s*commons")
});

/// Chars at the end of a text that a licence notice may take: a notice is
/// a few sentences, a report's closing paragraph is not one.
const LICENCE_MAX_CHARS: usize = 600;

const FOOTER_MAX_CHARS: usize = 40;
const TRAILER_MAX_CHARS: usize = 30;

/// Chars of a line's start that chrome phrases must lie in, and the
/// length under which a line may be chrome by its look alone: every
/// chrome line and title is shorter.
pub(crate) const START_CHARS: usize = 80;

/// Classifies every line of `text`; `lines` are its lines, in order.
pub(crate) fn classify(text: &str, lines: &[LineFacts]) -> Vec<LineKind> {
    let phrases = phrase_lines(text, lines);
    let mut kinds: Vec<LineKind> = lines
        .iter()
        .zip(phrases)
        .map(|(k, phrase)| {
            if k.chars == 0 {
                LineKind::Blank
            } else if phrase || is_explicit_chrome(k) {
                LineKind::Chrome
            } else {
                LineKind::Text
            }
        })
        .collect();
    let Some(first) = lines
        .iter()
        .zip(&kinds)
        .position(|(k, kind)| *kind == LineKind::Text && is_body(k))
    else {
        return kinds;
    };
    for kind in kinds.iter_mut().take(first) {
        if *kind == LineKind::Text {
            *kind = LineKind::Chrome;
        }
    }
    mark_trailer(lines, &mut kinds, first);
    kinds
}

/// For each line, whether a [`CHROME_ANYWHERE`] phrase lies in its first
/// [`START_CHARS`] chars. The phrases are rare: one search over the whole
/// text beats one per line, which pays the engine's set-up every time.
fn phrase_lines(text: &str, lines: &[LineFacts]) -> Vec<bool> {
    let offset = |s: &str| {
        let at = (s.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
        debug_assert!(text.get(at..at + s.len()) == Some(s), "a line of the text");
        at
    };
    let starts: Vec<usize> = lines.iter().map(|l| offset(l.text)).collect();
    let mut hits = vec![false; lines.len()];
    for m in chrome_phrases(text) {
        let Some(i) = starts.partition_point(|&s| s <= m.start).checked_sub(1) else {
            continue;
        };
        let window = text::take_chars(lines[i].text, START_CHARS).len();
        if m.end <= starts[i] + window {
            hits[i] = true;
        }
    }
    hits
}

fn is_explicit_chrome(line: &LineFacts) -> bool {
    let (text, chars) = (line.text, line.chars);
    let short = chars < START_CHARS;
    is_chrome_start(text)
        || (chars <= FOOTER_MAX_CHARS && is_footer(text))
        // A page's number, where a PDF's text kept its line breaks.
        || (chars <= FOOTER_MAX_CHARS && super::unwrap::is_page_number(text))
        || (short && is_date_line(text))
        || (short && !line.has_stop() && is_breadcrumb(text))
        || (short && !keys(text).any(char::is_alphanumeric))
}

/// The keys of a line's chars (see [`crate::text::script::key`]).
fn keys(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().map(script::key_char)
}

fn is_breadcrumb(line: &str) -> bool {
    keys(line).any(|c| matches!(c, '>' | '»' | '›'))
}

/// A line that starts the report proper: a heading, or a prose paragraph.
fn is_body(line: &LineFacts) -> bool {
    marker_of(line.text).is_some()
        || (line.chars >= 20 && line.has_stop())
        || (line.chars >= 40 && line.has_clause())
}

/// Short lines after the last paragraph are the signature block and page
/// footer. A trailing sentence ("特此报告。") holds a 。 and stays text.
fn mark_trailer(lines: &[LineFacts], kinds: &mut [LineKind], first_body: usize) {
    let end = licence_start(lines, first_body).unwrap_or(lines.len());
    for kind in &mut kinds[end..] {
        *kind = match kind {
            LineKind::Blank => LineKind::Blank,
            _ => LineKind::Chrome,
        };
    }
    for i in (first_body + 1..end).rev() {
        match kinds[i] {
            LineKind::Blank | LineKind::Chrome => continue,
            LineKind::Text => {
                let k = &lines[i];
                if k.chars <= TRAILER_MAX_CHARS && !k.has_stop() && !is_body(k) {
                    kinds[i] = LineKind::Chrome;
                } else {
                    break;
                }
            }
        }
    }
}

/// Where a licence notice at the text's end starts (a copied page's
/// "本作品…属于公有领域", a site's "本站…版权所有"). Its sentences are
/// long and wrapped anyhow, so the short-line rule alone stops inside it.
fn licence_start(lines: &[LineFacts], first_body: usize) -> Option<usize> {
    let mut chars = 0;
    let mut window = lines.len();
    for i in (first_body + 1..lines.len()).rev() {
        chars += lines[i].chars;
        if chars > LICENCE_MAX_CHARS {
            break;
        }
        window = i;
    }
    // The first opening in the window that a notice's words follow (on
    // its line or after): openings are rare, and without one the words
    // are never looked for.
    let first = (window..lines.len()).find(|&i| is_licence_start(lines[i].text))?;
    (first..lines.len())
        .any(|i| LICENCE_WORDS.is_match(lines[i].text))
        .then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use LineKind::*;

    /// The date-line rule says what its pattern says, on every bundled
    /// line in both scripts, each short head and tail of those, and the
    /// pattern's edges.
    /// The footer rule says what its pattern says, on every bundled line
    /// in both scripts, each short head and tail of those, and the
    /// pattern's edges.
    /// The chrome phrases found by hand are the pattern's matches, span
    /// for span, in every bundled report in both scripts and in the
    /// pattern's edges.
    #[test]
    fn the_licence_start_rule_is_its_pattern() {
        let re = text_regex(LICENCE_START);
        let mut lines = super::super::samples::bundled_lines();
        lines.extend(super::super::samples::wild_lines());
        lines.extend(
            [
                "本网站",
                "本網站所載",
                "本作",
                "本文由",
                "本頁",
                "本",
                "一本文",
                " 本站",
            ]
            .map(str::to_owned),
        );
        let mut seen = 0;
        for line in super::super::samples::cuts(lines, 6) {
            assert_eq!(is_licence_start(&line), re.is_match(&line), "{line:?}");
            seen += usize::from(re.is_match(&line));
        }
        assert!(seen > 5, "{seen}");
    }

    #[test]
    fn the_phrase_starts_are_the_chars_keyed_to_the_phrases_first_keys() {
        let mut want: Vec<char> = PHRASE_FIRSTS
            .into_iter()
            .flat_map(crate::text::pattern::keyed_to)
            .collect();
        let mut listed: Vec<char> = PHRASE_STARTS.iter().flat_map(|s| s.chars()).collect();
        want.sort_unstable();
        listed.sort_unstable();
        assert_eq!(listed, want);
    }

    #[test]
    fn chrome_phrases_are_the_patterns_matches() {
        let re = text_regex(CHROME_ANYWHERE);
        let mut texts: Vec<String> = [
            "字号：[大 中 小]　字體 ： ［大］",
            "【 打印 】【關閉】【字体】【\n打印】【\u{3000}打印",
            "字号:\n[ 字号 :",
            "瀏覽次數：3 由會員分享 頁珍藏版 页珍藏",
            "【【打印",
            "字字号:[",
            "",
        ]
        .map(str::to_owned)
        .to_vec();
        for (_, bytes) in crate::bundled::BUNDLED {
            let text = std::str::from_utf8(bytes).expect("utf-8");
            texts.push(text.to_owned());
            texts.push(script::to_simplified(text));
        }
        // Pages as sites serve them, chrome and all.
        let wild = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shared/dev/wild");
        for entry in std::fs::read_dir(wild).expect("wild pages") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(path).expect("utf-8 page"));
            }
        }
        let mut hits = 0;
        for t in &texts {
            let want: Vec<_> = re.find_iter(t).map(|m| m.range()).collect();
            assert_eq!(chrome_phrases(t), want, "{t:.80}");
            hits += want.len();
        }
        assert!(hits > 20, "{hits}");
    }

    /// The chrome-start rule says what its pattern says, on every bundled
    /// line and wild page line in both scripts, each short head of those,
    /// and the pattern's edges.
    #[test]
    fn the_chrome_start_rule_is_its_pattern() {
        let re = text_regex(CHROME_START);
        let mut lines: Vec<String> = [
            "您当前的位置：首页",
            "當前位置",
            "您的位置",
            "首页 > 新闻",
            "首页>",
            "网站首页",
            "索 引 号：123",
            "索引号123",
            "索引号 123",
            "文　号:",
            "文号",
            "有 效 性 ",
            "来源\n:",
            "标 题\u{3000}",
            "主 办 ：某某",
            "主办单位",
            "主办:",
            "版權所有",
            "发布机构 ：",
            "作者",
            "",
        ]
        .map(str::to_owned)
        .to_vec();
        let mut texts: Vec<String> = Vec::new();
        for (_, bytes) in crate::bundled::BUNDLED {
            texts.push(std::str::from_utf8(bytes).expect("utf-8").to_owned());
        }
        let wild = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shared/dev/wild");
        for entry in std::fs::read_dir(wild).expect("wild pages") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(path).expect("utf-8 page"));
            }
        }
        for t in texts {
            for t in [t.clone(), script::to_simplified(&t)] {
                for line in t.lines() {
                    let line = text::trim(line);
                    let chars: Vec<char> = line.chars().collect();
                    for cut in 0..=chars.len().min(12) {
                        lines.push(chars[..cut].iter().collect());
                    }
                    lines.push(line.to_owned());
                }
            }
        }
        let mut hits = 0;
        for line in &lines {
            assert_eq!(is_chrome_start(line), re.is_match(line), "{line:?}");
            hits += usize::from(re.is_match(line));
        }
        assert!(hits > 40, "{hits}");
    }

    #[test]
    fn the_footer_rule_is_its_pattern() {
        let re = text_regex(FOOTER);
        let mut lines: Vec<String> = [
            "抄送：市委办",
            "抄送 : x",
            "x抄送:",
            "抄送",
            "二〇二四年三月一日印发",
            "3月1日 印發",
            "日印发 ",
            "印发",
            "ＩＣＰ备12号",
            "icp备",
            "打印本頁 關閉窗口",
            "",
        ]
        .map(str::to_owned)
        .to_vec();
        lines.extend(super::super::samples::cuts(
            super::super::samples::bundled_lines(),
            40,
        ));
        let mut hits = 0;
        for line in &lines {
            assert_eq!(is_footer(line), re.is_match(line), "{line:?}");
            hits += usize::from(re.is_match(line));
        }
        assert!(hits > 4, "{hits}");
    }

    #[test]
    fn the_date_line_rule_is_its_pattern() {
        let re = text_regex(DATE_LINE);
        let mut lines: Vec<String> = [
            "2024年3月1日",
            "二〇二四年十二月三十一日",
            "２０２４ 年 ３ 月 １ 日",
            "2024年3月1日 ",
            "20245年3月1日",
            "2024年1234月1日",
            "2024年3月日",
            "2024年 3 月 1 日\u{3000}",
            "2024年3月1日x",
            "二〇二四年十二月三十一日。",
            "",
        ]
        .map(str::to_owned)
        .to_vec();
        lines.extend(super::super::samples::cuts(
            super::super::samples::bundled_lines(),
            30,
        ));
        let mut hits = 0;
        for line in &lines {
            assert_eq!(is_date_line(line), re.is_match(line), "{line:?}");
            hits += usize::from(re.is_match(line));
        }
        assert!(hits > 4, "{hits}");
    }

    fn classify_lines(lines: &[&str]) -> Vec<LineKind> {
        let text = lines.join("\n");
        let facts: Vec<LineFacts> = text::split_lines(&text)
            .into_iter()
            .map(LineFacts::new)
            .collect();
        assert_eq!(facts.len(), lines.len());
        classify(&text, &facts)
    }

    /// Chrome by the explicit rules alone, wherever the line stands.
    fn explicit(line: &str) -> bool {
        let facts = [LineFacts::new(line)];
        phrase_lines(line, &facts)[0] || is_explicit_chrome(&facts[0])
    }

    #[test]
    fn line_facts_know_chars_stops_and_clause_marks() {
        let k = LineFacts::new("\u{3000} 一、依法行政「完成」。 ");
        assert_eq!(k.chars, 11);
        assert_eq!(k.text, "一、依法行政「完成」。");
        assert!(k.has_stop() && k.has_clause());
        for clause in ["a,b", "a;b", "甲，乙", "甲；乙", "甲、乙"] {
            let k = LineFacts::new(clause);
            assert!(k.has_clause() && !k.has_stop(), "{clause}");
        }
        // Other punctuation shares the lead bytes E3 and EF.
        let k = LineFacts::new("「完成」（一）：》");
        assert!(!k.has_clause() && !k.has_stop());
    }

    #[test]
    fn chrome_phrases_count_near_a_long_lines_start_only() {
        let body = "依法行政。".repeat(30);
        let near = format!("來源：市司法局 瀏覽次數：30 {body}");
        let far = format!("{body}浏览次数");
        let across = format!("{}浏览次数{body}", "法".repeat(START_CHARS - 2));
        assert!(explicit(&near));
        assert!(!explicit(&far));
        assert!(!explicit(&across));
        assert!(explicit("本页浏览次数:30"));
        assert!(explicit("  字号：［大 中 小］"));
        // A phrase split over two lines is in neither.
        assert_eq!(
            classify_lines(&["依法行政工作情况报告字号：", "[大 中 小]依法行政"]),
            vec![Text, Text]
        );
    }

    #[test]
    fn header_zone_and_footer_are_chrome() {
        let lines = [
            "市司法局",
            "",
            "首页>专题专栏>报告",
            "某某市人民政府2024年法治政府建设情况报告",
            "来源:市司法局 时间:2025-03-04 15:27:00 浏览次数: 30",
            "2024年,某某市坚持依法行政,法治政府建设取得显著成效,为高质量发展提供了法治保障。",
            "一、政府职能依法全面履行",
            "正文。正文正文正文正文正文正文正文正文正文正文正文。",
            "某某市人民政府",
            "2025年3月4日",
            "|",
            "打印本页 关闭窗口",
        ];
        let kinds = classify_lines(&lines);
        assert_eq!(
            kinds,
            vec![
                Chrome, Blank, Chrome, Chrome, Chrome, Text, Text, Text, Chrome, Chrome, Chrome,
                Chrome
            ]
        );
    }

    #[test]
    fn traditional_and_full_width_chrome() {
        let kinds = classify_lines(&[
            "當前位置:首頁 > 政務公開",
            "１．正文。正文正文正文正文正文正文正文正文正文。",
            "掃一掃在手機打開當前頁",
        ]);
        assert_eq!(kinds, vec![Chrome, Text, Chrome]);
    }

    #[test]
    fn a_licence_notice_after_the_report_is_chrome_however_wrapped() {
        let closing = "让我们紧密团结，砥砺奋进，为实现今年经济社会发展目标任务而不懈奋斗。";
        let body = "一、依法行政工作情况。全面推进依法行政，建设法治政府取得新成效。";
        let notice = [
            "本作品是中华人民共和国的",
            "法律",
            "，国家机关的决议、决定、命令和其他具有立法、行政、司法性质的文件，及其官方正式译文。根据《",
            "中华人民共和国著作权法",
            "》第五条第一项，本作品不适用于该法，属于",
            "公有领域",
            "。",
        ];
        let mut lines = vec![body, closing];
        lines.extend(notice);
        let kinds = classify_lines(&lines);
        assert_eq!(kinds[..2], [Text, Text]);
        assert!(kinds[2..].iter().all(|k| *k == Chrome), "{kinds:?}");
        // Traditional script, one line.
        let kinds = classify_lines(&[
            body,
            closing,
            "本作品在全世界都屬於公有領域，因為作者逝世已經超過100年。",
        ]);
        assert_eq!(kinds, vec![Text, Text, Chrome]);
        // A closing paragraph on copyright law is the report's own.
        let law = "本年度加快修订著作权法实施条例，依法保护知识产权，推进法治政府建设。";
        assert_eq!(classify_lines(&[body, law]), vec![Text, Text]);
    }

    /// The notice's opening is the first opening its words follow: as
    /// when each line was asked for both, from the end up.
    #[test]
    fn a_licence_notice_starts_where_its_words_follow_an_opening() {
        let by_lines = |lines: &[LineFacts], first_body: usize| {
            let (mut chars, mut start, mut said) = (0, None, false);
            for i in (first_body + 1..lines.len()).rev() {
                chars += lines[i].chars;
                if chars > LICENCE_MAX_CHARS {
                    break;
                }
                said |= LICENCE_WORDS.is_match(lines[i].text);
                if said && is_licence_start(lines[i].text) {
                    start = Some(i);
                }
            }
            start
        };
        let kinds = [
            "本站声明",
            "版權所有",
            "正文",
            "本文著作权",
            "其他",
            "本网",
            &"长".repeat(300),
        ];
        let mut found = 0;
        for n in 0..kinds.len().pow(4) {
            let picked: Vec<&str> = (0..4)
                .map(|d| kinds[n / kinds.len().pow(d) % kinds.len()])
                .collect();
            let text = picked.join("\n");
            let lines: Vec<LineFacts> = text::split_lines(&text)
                .into_iter()
                .map(LineFacts::new)
                .collect();
            for first_body in 0..2 {
                let want = by_lines(&lines, first_body);
                assert_eq!(
                    licence_start(&lines, first_body),
                    want,
                    "{picked:?} {first_body}"
                );
                found += usize::from(want.is_some());
            }
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn text_without_body_is_kept() {
        assert_eq!(classify_lines(&["短短一行"]), vec![Text]);
    }
}

//! A page that lost its line breaks (text copied from a page whose
//! paragraphs were `<span>`s, a document site's one-line repost) runs its
//! chrome, title and metadata into the opening sentence, and its
//! signature and footer onto the last one. Those are taken apart here, by
//! their own forms, into lines of their own, so that the page reads as a
//! page with its breaks does: before the first sentence, at each label of
//! the metadata (索引号, 发布日期…), after a date or a clock, around the
//! title, after a salutation (苏州市人民政府:); after the last sentence,
//! around the signature's date and before each footer phrase.
//!
//! The body between stays one line: its headings are read where they
//! run in (see `outline::run_in`). Each line keeps its file line's number.

use std::sync::LazyLock;

use regex::Regex;

use super::file_map::FileMap;
use crate::text::{self, script, stops};

/// Lines with cuts, joined into one text, and where each line of it
/// comes from in the text cut.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Segmented {
    pub text: String,
    pub map: FileMap,
}

/// A line shorter than this holds one thing: it is not taken apart.
const MIN_CHARS: usize = 120;
/// A tail (after the last sentence) longer than this is text, not a
/// signature and a footer.
const MAX_TAIL_CHARS: usize = 300;

/// Labels of a page's metadata that never stand in a sentence: a cut
/// goes before each, joined to its value or not.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"索\s*引\s*号|发布机构|发文机关|发文单位|发文字号|发文日期|成文日期|公开日期|发布日期|",
        r"发布时间|生效日期|效力状态|主题分类|信息来源|文章来源|浏览次数|点击数|访问量|更新时间|",
        r"(?:您)?(?:当前|所在)的?位置|今天是|有\s*效\s*性|字\s*[号体]\s*[:\[【]|",
        // Short labels stand in sentences too: only with their colon or
        // the spaces a table puts after them.
        r"(?:标\s*题|文\s*号|分\s*类|来\s*源|时\s*间|日\s*期|作\s*者|发布于)(?:\s*:|\s+)",
    ))
    .expect("label")
});

/// A label glued to its value, with no colon or space: the page lost the
/// break between its cells (发文日期2020-12-03).
static GLUED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:发文日期|成文日期|公开日期|发布日期|发布时间|更新时间|生效日期)[0-9]")
        .expect("glued")
});

/// What a head taken apart holds at least one of, in either script and
/// width: a label's word, a date's or a widget's mark, a title's kind, a
/// salutation's colon.
fn head_gate() -> &'static aho_corasick::AhoCorasick {
    static GATE: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        // Built as the plain automaton: its search over a head is short,
        // and a faster one costs more to build than a page takes to read.
        aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
            .build([
                "报告", "報告", "情况", "情況", "总结", "總結", "来源", "來源", "发布", "發布",
                "日期", "时间", "時間", "浏览", "瀏覽", "星期", "今天", "字号", "字號", "字体",
                "字體", "位置", "索引", "文号", "文號", "有效", ":", "：", "]", "】", "］", "|",
                "｜", ">", "＞", "»", "›", "•", "●", "◆", "■", "▪",
            ])
            .expect("head gate")
    });
    &GATE
}

/// An opening sentence's first words: its year and a comma.
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s:]*(?:19|20)\d{2}\s*年(?:度|以来)?\s*[,，]").expect("opening")
});

/// Bullets a page puts before each of its widgets.
const BULLETS: &[char] = &['•', '●', '◆', '■', '▪', '·'];

/// A salutation before the opening: who the report is sent to.
static SALUTATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:人民政府|政府|委员会|常委会|委员|同志们|代表)\s*:").expect("salutation")
});

/// The signature's date, in digits or Chinese numerals.
static SIGNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"[0-9〇零一二三四五六七八九]{4}\s*年[0-9〇零一二三四五六七八九十]{1,3}\s*月",
        r"[0-9〇零一二三四五六七八九十]{1,3}\s*日",
        r"|(?:19|20)\d{2}-\d{1,2}-\d{1,2}",
    ))
    .expect("signed")
});

/// What a page's footer says, and the notes after a signature. As a
/// pattern for tests; looked for by hand in [`footer_starts`].
#[cfg(test)]
const FOOTER: &str = concat!(
    r"打印本页|关闭窗口|【打印】|【关闭】|扫一扫|相关信息|相关链接|公网安备|ICP备|",
    r"版权所有|主办单位|承办单位|技术支持|上一篇|下一篇|分享到|网站标识码|返回顶部|",
    r"[(（]此件",
);

/// The words of [`FOOTER`] besides a site's footer words: a widget's
/// buttons and a note after a signature.
const FOOTER_MORE: [&str; 4] = ["【打印】", "【关闭】", "(此件", "（此件"];

/// Where each footer word starts in a key, leftmost first, each looked
/// for from the end of the last.
fn footer_starts(key: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut at = 0;
    while at < key.len() {
        // No word starts another: the first found at a place is the
        // pattern's.
        let mut words = super::chrome::SITE_FOOTER.iter().chain(&FOOTER_MORE);
        match words.find(|w| key[at..].starts_with(*w)) {
            Some(word) => {
                starts.push(at);
                at += word.len();
            }
            None => at += key[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    starts
}

/// The signature's date in a tail's key: none without 年 or a dash, and
/// then the pattern is never built.
fn signed(tail: &str) -> Option<regex::Match<'_>> {
    (tail.contains('年') || tail.contains('-'))
        .then(|| SIGNED.find(tail))
        .flatten()
}

/// The text with the head and tail of its long first and last lines
/// taken apart, or None when there is nothing to take apart.
pub(crate) fn segment(text: &str) -> Option<Segmented> {
    let lines = text::split_lines(text);
    // A char is one to four bytes: most lines are told by their length.
    let long = |l: &&str| {
        l.len() >= 4 * MIN_CHARS
            || (l.len() >= MIN_CHARS && text::trim(l).chars().count() >= MIN_CHARS)
    };
    let first = lines.iter().position(long)?;
    let last = lines.iter().rposition(long)?;
    let mut cuts: Vec<Vec<usize>> = vec![Vec::new(); lines.len()];
    cuts[first] = head_cuts(lines[first]);
    let tail = tail_cuts(lines[last]);
    cuts[last].extend(tail);
    if cuts.iter().all(Vec::is_empty) {
        return None;
    }
    let mut out = Segmented {
        text: String::with_capacity(text.len() + 64),
        map: FileMap::default(),
    };
    for (i, (line, at)) in lines.iter().zip(&mut cuts).enumerate() {
        at.sort_unstable();
        at.dedup();
        let mut from = 0;
        for &cut in at.iter().chain(std::iter::once(&line.len())) {
            let (piece_at, piece) = (from, &line[from..cut]);
            from = cut;
            if text::is_blank(piece) && cut != line.len() {
                continue;
            }
            // Where the piece's text starts: after the cut, and after the
            // spaces the trim takes off.
            let lead = piece
                .chars()
                .take_while(|&c| c.is_whitespace() || text::normal_char(c) == ' ')
                .count();
            let start = line[..piece_at].chars().count() + lead;
            out.text.push_str(text::trim(piece));
            out.text.push('\n');
            out.map.start_line(i + 1, start);
        }
    }
    Some(out)
}

/// Whether a line's start holds a document site's header (《…》由会员分
/// 享…), whose title is the file's name, never cut out as the report's.
fn is_docshare(start: &str) -> bool {
    start.contains("由会员分享") || start.contains("由會員分享") || start.contains("页珍藏版")
}

/// Byte offsets in `line` to cut its head at: the chrome, metadata, title
/// and salutation before the first sentence (past a document site's
/// header, which ends on the first).
fn head_cuts(line: &str) -> Vec<usize> {
    // Only the head is read: the line up to its first sentence's end (past
    // a document site's header, up to the second).
    let first = stops::find_full_stop(line).map_or(line.len(), |(i, n)| i + n);
    let docshare = is_docshare(text::take_chars(line, MIN_CHARS));
    let end = match docshare {
        true => stops::find_full_stop(&line[first..]).map_or(line.len(), |(i, n)| first + i + n),
        false => first,
    };
    // An opening sentence with nothing of a page's head in it (no label,
    // date, widget, title or salutation) is left whole: one pass tells.
    if !docshare && !head_gate().is_match(&line[..end]) {
        return Vec::new();
    }
    let key = script::key(&line[..end]);
    // Byte offsets in the key are not the line's: chars are.
    let at_char = |key_byte: usize| key[..key_byte].chars().count();
    let mut cuts: Vec<usize> = Vec::new();
    let mut from = 0;
    if docshare {
        let Some((i, len)) = stops::find_full_stop(&key) else {
            return Vec::new();
        };
        from = i + len;
        cuts.push(at_char(from));
    }
    let stop = stops::find_full_stop(&key[from..]).map_or(key.len(), |(i, _)| from + i);
    let head = &key[..stop];
    // Where labels end: a title may start there, after a Han char.
    let mut ends: Vec<usize> = Vec::new();
    for m in LABEL.find_iter(&key[from..stop]) {
        let start = from + m.start();
        cuts.push(at_char(start));
        ends.push(at_char(from + m.end()));
        if let Some(g) = GLUED_LABEL.find(&head[start..]) {
            cuts.push(at_char(start + g.end() - 1));
        }
        // A label left empty, the opening glued after it (来源:2025年,…).
        let value = start + m.end() - m.start();
        if let Some(o) = OPENING.find(&head[value..]) {
            cuts.push(at_char(value + o.start()));
        }
    }
    for end in super::dates::date_time_ends(&key[from..stop]) {
        cuts.push(at_char(from + end));
    }
    for (i, c) in key[from..stop].char_indices() {
        if BULLETS.contains(&c) {
            cuts.push(at_char(from + i));
        }
        // A widget's or a tag's bracket closes it: 字号:[ 大 中 小 ].
        if matches!(c, ']' | '】') {
            cuts.push(at_char(from + i) + 1);
        }
    }
    let colon = key[from..stop].contains(':');
    if let Some(m) = colon
        .then(|| SALUTATION.find_iter(&key[from..stop]).last())
        .flatten()
    {
        cuts.push(at_char(from + m.end()));
    }
    let skip = at_char(from);
    ends.extend(&cuts);
    // A title names what it is (报告, 情况, 总结): a head without those
    // words holds none, and is spared the search.
    let kinds = ["报告", "情况", "总结"];
    let titles = if kinds.iter().any(|k| key[from..stop].contains(k)) {
        title_cuts(line, &key[from..stop], skip, &ends)
    } else {
        Vec::new()
    };
    cuts.extend(titles);
    to_bytes(line, cuts)
}

/// The char offsets around each title the head holds (`head` is the
/// key of the line's chars from `from` on). A title starts after a
/// non-Han char or at a cut already found (a label's or a date's end):
/// a title's words inside a sentence (对2020年某区法治政府建设工作情况进行了
/// 自查) are the sentence's.
fn title_cuts(line: &str, head: &str, from: usize, found: &[usize]) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut from = from;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let head_chars = from + head.chars().count();
    while from < head_chars {
        let Some(&(b, _)) = chars.get(from) else {
            break;
        };
        let rest_end = chars.get(head_chars).map_or(line.len(), |c| c.0);
        let Some(span) = super::title::in_line(&line[b..rest_end]) else {
            break;
        };
        let start = from + span.start;
        let after_han = start
            .checked_sub(1)
            .is_some_and(|p| crate::text::chars::is_han(chars[p].1));
        // After a breadcrumb's column (…>法治政府建设年度报告): what a
        // title is, ending the phrase before.
        let before: String = chars[start.saturating_sub(2)..start]
            .iter()
            .map(|c| crate::text::script::key_char(c.1))
            .collect();
        let after_kind = ["报告", "情况", "总结"].contains(&before.as_str());
        if !after_han || after_kind || found.contains(&start) || cuts.contains(&start) {
            cuts.push(start);
            cuts.push(from + span.end);
        }
        from += span.end.max(1);
    }
    cuts
}

/// Byte offsets in `line` to cut its tail at: after its last sentence,
/// around the signature's date, before each footer phrase.
fn tail_cuts(line: &str) -> Vec<usize> {
    // Only the tail is read: from the last sentence's end on.
    let mut last = None;
    let mut from = 0;
    while let Some((i, len)) = stops::find_full_stop(&line[from..]) {
        last = Some(from + i + len);
        from += i + len;
    }
    let Some(last) = last else {
        return Vec::new();
    };
    let before = line[..last].chars().count();
    let key = script::key(&line[last..]);
    let at_char = |key_byte: usize| before + key[..key_byte].chars().count();
    let end = 0;
    let tail = &key[end..];
    let tail_chars = tail.chars().count();
    // Lengths first: a tail that cannot be one spares compiling the
    // patterns.
    if tail_chars == 0 || tail_chars > MAX_TAIL_CHARS {
        return Vec::new();
    }
    let signed = signed(tail);
    let footers = footer_starts(tail);
    if signed.is_none() && footers.is_empty() {
        return Vec::new();
    }
    let mut cuts = vec![at_char(end)];
    if let Some(m) = signed {
        cuts.push(at_char(end + m.start()));
        cuts.push(at_char(end + m.end()));
    }
    for start in footers {
        cuts.push(at_char(end + start));
    }
    to_bytes(line, cuts)
}

/// Char offsets as byte offsets of `line`, inside it and past its start.
fn to_bytes(line: &str, chars: Vec<usize>) -> Vec<usize> {
    let offsets: Vec<usize> = line.char_indices().map(|(b, _)| b).collect();
    chars
        .into_iter()
        .filter(|&c| c > 0)
        .filter_map(|c| offsets.get(c).copied())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The footer's words are found where the pattern of them finds them,
    /// and the gates of the salutation and signature patterns turn away
    /// only keys they cannot match: on the bundled and wild lines,
    /// each cut every way, and tails at the rules' edges.
    #[test]
    fn the_footer_words_and_the_gates_keep_their_patterns_matches() {
        use crate::report::samples;
        let footer = Regex::new(FOOTER).unwrap();
        let mut lines = samples::bundled_lines();
        lines.extend(samples::wild_lines());
        lines.extend(
            [
                "某某市人民政府 2024年3月1日（此件公开发布）",
                "2024-03-01 打印本页 关闭窗口 ICP备12345号 icp备",
                "二〇二四年三月一日",
                "各区人民政府：",
                "发布日期：2024-03-01 10:20 星期五",
            ]
            .map(str::to_owned),
        );
        let mut feet = 0;
        for k in samples::cuts(lines, 40).iter().map(|l| script::key(l)) {
            let want: Vec<usize> = footer.find_iter(&k).map(|m| m.start()).collect();
            assert_eq!(footer_starts(&k), want, "{k:?}");
            feet += want.len();
            assert_eq!(
                signed(&k).map(|m| m.range()),
                SIGNED.find(&k).map(|m| m.range()),
                "{k:?}"
            );
            if SALUTATION.is_match(&k) {
                assert!(k.contains(':'), "{k:?}");
            }
        }
        assert!(feet > 5, "{feet}");
    }

    fn pieces(text: &str) -> Vec<String> {
        match segment(text) {
            Some(s) => s.text.lines().map(str::to_owned).collect(),
            None => text.lines().map(str::to_owned).collect(),
        }
    }

    #[test]
    fn a_one_line_page_is_taken_apart_at_its_head_and_tail() {
        let body = "全年办结行政复议案件120件,依法行政工作取得新成效。".repeat(6);
        let text = format!(
            "当前位置:首页 > 政府信息公开索 引 号 113208/2024-00007发布机构 洪泽区人民政府 公开日期 2024-01-25标  题 关于洪泽区2023年度法治政府建设工作的报告关于洪泽区2023年度法治政府建设工作的报告2023年,洪泽区坚持依法行政。{body}洪泽区人民政府2024年1月25日(此件公开发布)打印本页 关闭窗口"
        );
        let got = pieces(&text);
        assert_eq!(
            got,
            [
                "当前位置:首页 > 政府信息公开",
                "索 引 号 113208/2024-00007",
                "发布机构 洪泽区人民政府",
                "公开日期 2024-01-25",
                "标  题",
                "关于洪泽区2023年度法治政府建设工作的报告",
                "关于洪泽区2023年度法治政府建设工作的报告",
                &format!("2023年,洪泽区坚持依法行政。{body}"),
                "洪泽区人民政府",
                "2024年1月25日",
                "(此件公开发布)",
                "打印本页",
                "关闭窗口",
            ]
        );
        let s = segment(&text).unwrap();
        assert!((1..=s.map.len()).all(|k| s.map.position(k, 0).0 == 1));
    }

    #[test]
    fn pages_with_their_breaks_are_left_alone() {
        let text = "关于洪泽区2023年度法治政府建设工作的报告\n2023年,洪泽区坚持依法行政,全面推进法治政府建设。\n一、主要举措\n洪泽区人民政府\n2024年1月25日\n";
        assert_eq!(segment(text), None);
    }
}

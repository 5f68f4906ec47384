//! Heading markers (spec §2): 一、 (一) 1. (1) and the forms real pages
//! use. Patterns are written for keys and matched on the line as written
//! (see `crate::text::pattern`): （一） and (一), 壹 and 一 alike.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::chars::is_han;
use crate::text::pattern::text_regex;
use crate::text::{self, script};

static LEVEL1: LazyLock<Regex> = LazyLock::new(|| {
    text_regex(r"^(?:[一二三四五六七八九十百零〇两]{1,4}[、.]|第[一二三四五六七八九十]{1,3}部分)")
});
static LEVEL2: LazyLock<Regex> =
    // ( 一 ): a page converted from PDF may space the numeral.
    LazyLock::new(|| text_regex(r"^[(〔] ?[一二三四五六七八九十百零〇两]{1,4} ?[)〕]"));
static LEVEL3: LazyLock<Regex> = LazyLock::new(|| text_regex(r"^[0-9]{1,3}[.、]"));
static LEVEL4: LazyLock<Regex> = LazyLock::new(|| text_regex(r"^(?:\([0-9]{1,3}\)|[①-⑳])"));

/// How a heading's marker is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// 一、 二. (一) 1. (1) ① 第一部分: a heading wherever it starts a line.
    Numbered,
    /// 三 强化考核: a numeral and a space, which ordinary text may also
    /// start with, so a heading only where it continues the numbering.
    Spaced,
    /// 【加强党的领导】: a title in lenticular brackets, the brackets being
    /// its marker; `chars` and `bytes` reach past the 】.
    Bracketed,
}

/// A heading marker at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker {
    pub level: u8,
    pub form: Form,
    /// Its length in chars and in bytes.
    pub chars: usize,
    pub bytes: usize,
    /// Its number (三 is 3, ⑤ is 5); none for brackets.
    pub value: Option<u32>,
}

/// The heading marker at the start of a trimmed line: its level and its
/// length in chars. Numbered markers only: the marks a line is a heading
/// by, whatever comes before it.
pub fn marker_of(line: &str) -> Option<(u8, usize)> {
    numbered(line).map(|m| (m.level, m.chars))
}

/// The heading marker at the start of a trimmed line, in any form.
pub(crate) fn marker_at(line: &str) -> Option<Marker> {
    numbered(line)
        .or_else(|| spaced(line))
        .or_else(|| bracketed(line))
}

fn numbered(line: &str) -> Option<Marker> {
    // Most lines are paragraphs: one look at the first char spares them
    // the regex searches, and picks the one or two that can match.
    let first = script::key_char(line.chars().next()?);
    if !may_start_marker(first) {
        return None;
    }
    let levels: &[(u8, &Regex)] = match first {
        '0'..='9' => &[(3, &LEVEL3)],
        '(' => &[(2, &LEVEL2), (4, &LEVEL4)],
        '〔' => &[(2, &LEVEL2)],
        '①'..='⑳' => &[(4, &LEVEL4)],
        _ => &[(1, &LEVEL1)],
    };
    for &(level, re) in levels {
        // The marker ends where the shortest match does: every pattern
        // above ends on a char its repeats cannot hold, and the shortest
        // match skips finding where the match starts.
        if let Some(end) = re.shortest_match(line) {
            let rest = &line[end..];
            let next = rest.chars().next().map(script::key_char);
            // "1.5万件" is a number, not a heading.
            if level == 3 && next.is_some_and(|c| c.is_ascii_digit()) {
                continue;
            }
            // "2、。" is a fragment a document site left, and a marker
            // alone titles nothing.
            if text::trim(rest).is_empty() || next.is_some_and(is_stop_mark) {
                continue;
            }
            let marker = &line[..end];
            return Some(Marker {
                level,
                form: Form::Numbered,
                chars: marker.chars().count(),
                bytes: end,
                value: number(marker),
            });
        }
    }
    None
}

/// 三 强化考核: Chinese numerals, spaces, then a word.
fn spaced(line: &str) -> Option<Marker> {
    let numerals = line
        .char_indices()
        .take_while(|&(_, c)| is_numeral(script::key_char(c)))
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    let after = &line[numerals..];
    let rest = after.trim_start_matches(|c: char| text::normal_char(c) == ' ');
    let first = rest.chars().next()?;
    let value = number(&line[..numerals])?;
    let word = is_han(first) && !is_numeral(script::key_char(first));
    (rest.len() < after.len() && word && numerals <= 3 * '十'.len_utf8()).then(|| Marker {
        level: 1,
        form: Form::Spaced,
        chars: line[..numerals].chars().count(),
        bytes: numerals,
        value: Some(value),
    })
}

/// Chars a bracketed title may hold: a short phrase, never a page's
/// button or label (【打印】, 【来源】).
const BRACKET_MAX_CHARS: usize = 30;
static NOT_A_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    text_regex(r"打印|关闭|字体|字号|来源|发布|时间|日期|链接|附件|返回|收藏|分享|纠错|点击|下载")
});

/// 【加强党的领导】 at the start of a line (〖〗 alike).
fn bracketed(line: &str) -> Option<Marker> {
    let open = line.chars().next()?;
    let close = match open {
        '【' => '】',
        '〖' => '〗',
        _ => return None,
    };
    let inner_start = open.len_utf8();
    let inner_len = line[inner_start..].find(close)?;
    let inner = &line[inner_start..inner_start + inner_len];
    let chars = inner.chars().count();
    let hans = inner.chars().filter(|&c| is_han(c)).count();
    let phrase = !inner.chars().any(|c| is_stop_mark(script::key_char(c)));
    if chars > BRACKET_MAX_CHARS || hans < 2 || !phrase || NOT_A_TITLE.is_match(inner) {
        return None;
    }
    let bytes = inner_start + inner_len + close.len_utf8();
    Some(Marker {
        level: 2,
        form: Form::Bracketed,
        chars: chars + 2,
        bytes,
        value: None,
    })
}

/// The number a marker says: 三、 is 3, (十二) 12, 1. 1, ⑤ 5.
pub fn number(marker: &str) -> Option<u32> {
    let keys: Vec<char> = marker.chars().map(script::key_char).collect();
    if let Some(&c) = keys.iter().find(|c| ('①'..='⑳').contains(c)) {
        return Some(c as u32 - '①' as u32 + 1);
    }
    let digits: String = keys.iter().filter(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    let numerals: Vec<u32> = keys.iter().filter_map(|&c| numeral_value(c)).collect();
    match numerals.as_slice() {
        [] => None,
        [10] => Some(10),
        [n] => Some(*n),
        [10, n] => Some(10 + n),
        [n, 10] => Some(n * 10),
        [a, 10, b] => Some(a * 10 + b),
        _ => None,
    }
}

fn numeral_value(c: char) -> Option<u32> {
    match c {
        '零' => Some(0),
        '两' => Some(2),
        _ => "〇一二三四五六七八九十"
            .chars()
            .position(|n| n == c)
            .map(|p| p as u32),
    }
}

fn is_numeral(c: char) -> bool {
    numeral_value(c).is_some_and(|v| v > 0)
}

/// Marks that end a sentence or a clause: no title starts with one.
pub(crate) fn is_stop_mark(c: char) -> bool {
    matches!(
        c,
        '。' | ',' | '、' | ';' | ':' | '.' | '!' | '?' | '，' | '；' | '：'
    )
}

/// The first chars of the markers above (a test holds the two together).
fn may_start_marker(c: char) -> bool {
    matches!(
        c,
        '一' | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '零'
            | '〇'
            | '两'
            | '第'
            | '('
            | '〔'
            | '0'..='9'
            | '①'..='⑳'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn every_char_that_starts_a_marker_passes_the_first_look() {
        let tails = [
            "、x",
            "一、x",
            ")x",
            "一)x",
            ".x",
            "1)x",
            "部分x",
            "一部分x",
            "x",
        ];
        // The blocks any marker could begin in, with the full-width and
        // compatibility forms whose keys are markers' chars.
        let blocks = [
            0..0x80,
            0x2460..0x2500,
            0x3000..0x3040,
            0x4E00..0xA000,
            0xF900..0xFB00,
            0xFE50..0xFE70,
            0xFF00..0xFF60,
        ];
        for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
            for re in [&*LEVEL1, &*LEVEL2, &*LEVEL3, &*LEVEL4] {
                for t in tails {
                    let line = format!("{c}{t}");
                    let gate = may_start_marker(script::key_char(c));
                    assert!(!re.is_match(&line) || gate, "{line}");
                }
            }
        }
    }

    #[test]
    fn markers_say_their_numbers() {
        for (marker, n) in [
            ("三、", 3),
            ("十、", 10),
            ("十二、", 12),
            ("二十、", 20),
            ("二十三.", 23),
            ("(十一)", 11),
            ("（兩）", 2),
            ("１２．", 12),
            ("(7)", 7),
            ("⑤", 5),
            ("第三部分", 3),
        ] {
            assert_eq!(number(marker), Some(n), "{marker}");
        }
        assert_eq!(number("【】"), None);
    }
}

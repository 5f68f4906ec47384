//! Heading markers (spec §2): 一、 (一) 1. (1) and the forms real pages
//! use. Patterns are written for keys and matched on the line as written
//! (see `crate::text::pattern`): （一） and (一), 壹 and 一 alike.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::chars::is_han;
use crate::text::pattern::text_regex;
use crate::text::{self, script};

/// The numbered markers of each level, as patterns for keys; read by hand
/// in [`marker_end`] (a test holds the two together).
#[cfg(test)]
const LEVELS: [(u8, &str); 4] = [
    (
        1,
        r"^(?:[一二三四五六七八九十百零〇两]{1,4}[、.]|第[一二三四五六七八九十]{1,3}部分)",
    ),
    // ( 一 ): a page converted from PDF may space the numeral.
    (2, r"^[(〔] ?[一二三四五六七八九十百零〇两]{1,4} ?[)〕]"),
    (3, r"^[0-9]{1,3}[.、]"),
    (4, r"^(?:\([0-9]{1,3}\)|[①-⑳])"),
];

/// The numerals of levels 1 and 2, and those of 第…部分.
const NUMERALS: &str = "一二三四五六七八九十百零〇两";
const PART_NUMERALS: &str = "一二三四五六七八九十";

/// Where the level's numbered marker that starts `line` ends, in bytes:
/// the end of the shortest match of its pattern in [`LEVELS`], read on
/// the keys of the line's first chars. By hand because the four patterns
/// cost more to compile than a report's lines take to read; each has one
/// match at most (its repeats cannot hold the char that follows them).
fn marker_end(level: u8, line: &str) -> Option<usize> {
    // The longest marker, ( 一二三四 ), and the char after its numerals.
    let head: Vec<(usize, char)> = line
        .char_indices()
        .take(9)
        .map(|(i, c)| (i, script::key_char(c)))
        .collect();
    let key = |i: usize| head.get(i).map(|h| h.1);
    let is = |i: usize, set: &str| key(i).is_some_and(|c| set.contains(c));
    // The end of a run of 1..=max chars of `set` from `from`.
    let run = |from: usize, set: &str, max: usize| -> Option<usize> {
        let n = (from..head.len()).take_while(|&i| is(i, set)).count();
        (1..=max).contains(&n).then_some(from + n)
    };
    let space = |i: usize| i + usize::from(key(i) == Some(' '));
    let end = match (level, key(0)?) {
        (1, '第') => run(1, PART_NUMERALS, 3).filter(|&i| is(i, "部") && is(i + 1, "分"))? + 2,
        (1, _) => run(0, NUMERALS, 4).filter(|&i| is(i, "、."))? + 1,
        (2, '(' | '〔') => {
            run(space(1), NUMERALS, 4)
                .map(space)
                .filter(|&i| is(i, ")〕"))?
                + 1
        }
        (3, _) => run(0, "0123456789", 3).filter(|&i| is(i, ".、"))? + 1,
        (4, '①'..='⑳') => 1,
        (4, '(') => run(1, "0123456789", 3).filter(|&i| is(i, ")"))? + 1,
        _ => return None,
    };
    Some(head.get(end).map_or(line.len(), |h| h.0))
}

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
    let levels: &[u8] = match first {
        '0'..='9' => &[3],
        '(' => &[2, 4],
        '〔' => &[2],
        '①'..='⑳' => &[4],
        _ => &[1],
    };
    for &level in levels {
        if let Some(end) = marker_end(level, line) {
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

    /// Each level's marker ends where its pattern's shortest match does,
    /// on every bundled line in both scripts and with full-width digits,
    /// every head of those, and the edges of each pattern.
    #[test]
    fn marker_ends_are_their_patterns() {
        let wide = |s: &str| -> String {
            s.chars()
                .map(|c| match c {
                    '0'..='9' | '(' | ')' | '.' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
                    _ => c,
                })
                .collect()
        };
        let mut lines: Vec<String> = [
            "一二三四、x",
            "一二三四五、x",
            "第十二部分",
            "第一二三四部分",
            "第一部",
            "( 一 )x",
            "(一二三四)x",
            "( 一二三四五)x",
            "〔三〕x",
            "(一〕x",
            "(  一)x",
            "123.x",
            "1234.x",
            "12、",
            "(12)x",
            "(1234)x",
            "(12x",
            "⑳x",
            "①",
            "（１２）x",
            "壹、x",
            "第",
            "(",
            "1",
            "",
        ]
        .map(str::to_owned)
        .to_vec();
        for (_, bytes) in crate::bundled::BUNDLED {
            let text = std::str::from_utf8(bytes).expect("utf-8");
            for t in [text.to_owned(), script::to_simplified(text), wide(text)] {
                for line in t.lines() {
                    let line = text::trim(line);
                    for (cut, _) in line.char_indices().take(12) {
                        lines.push(line[cut..].to_owned());
                    }
                }
            }
        }
        let mut hits = 0;
        for (level, pattern) in LEVELS {
            let re = text_regex(pattern);
            for line in &lines {
                let want = re.shortest_match(line);
                assert_eq!(marker_end(level, line), want, "level {level} on {line:?}");
                hits += usize::from(want.is_some());
            }
        }
        assert!(hits > 100, "{hits}");
    }
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
        let levels: Vec<(u8, Regex)> = LEVELS.iter().map(|&(l, p)| (l, text_regex(p))).collect();
        for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
            for (level, re) in &levels {
                for t in tails {
                    let line = format!("{c}{t}");
                    let gate = may_start_marker(script::key_char(c));
                    let end = re.shortest_match(&line);
                    assert!(end.is_none() || gate, "{line}");
                    assert_eq!(marker_end(*level, &line), end, "level {level} on {line:?}");
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

//! Heading markers (spec §2): 一、 (一) 1. (1) and the forms real pages
//! use. Patterns are written for keys and matched on the line as written
//! (see `crate::pattern`): （一） and (一), 壹 and 一 alike.

use std::sync::LazyLock;

use regex::Regex;

use crate::pattern::text_regex;
use crate::script;

static LEVEL1: LazyLock<Regex> = LazyLock::new(|| {
    text_regex(r"^(?:[一二三四五六七八九十百零〇两]{1,4}、|第[一二三四五六七八九十]{1,3}部分)")
});
static LEVEL2: LazyLock<Regex> =
    LazyLock::new(|| text_regex(r"^[(〔][一二三四五六七八九十百零〇两]{1,4}[)〕]"));
static LEVEL3: LazyLock<Regex> = LazyLock::new(|| text_regex(r"^[0-9]{1,3}[.、]"));
static LEVEL4: LazyLock<Regex> = LazyLock::new(|| text_regex(r"^(?:\([0-9]{1,3}\)|[①-⑳])"));

/// The heading marker at the start of a trimmed line: its level and its
/// length in chars.
pub fn marker_of(line: &str) -> Option<(u8, usize)> {
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
            // "1.5万件" is a number, not a heading.
            let digit_next = rest
                .chars()
                .next()
                .is_some_and(|c| script::key_char(c).is_ascii_digit());
            if level == 3 && digit_next {
                continue;
            }
            if rest.trim().is_empty() {
                continue;
            }
            return Some((level, line[..end].chars().count()));
        }
    }
    None
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
}

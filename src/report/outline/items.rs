//! 一是/二是 items inside paragraphs (spec §2).

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::packed::Searcher;

use super::{Block, BlockKind, Item, Section};
use crate::text;

/// Item markers, 一是 (up to three numerals) or 第一, (the same, then a
/// clause mark): what `[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[,，、]`
/// finds, found here from the 是 and 第 every marker holds. A regex's
/// prefilter stops at every numeral, five times as common in report text,
/// and costs a quarter of the outline. The numerals are the same in both
/// scripts.
fn item_markers(para: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    // The packed (SIMD) searcher: AhoCorasick's default picks a rare-byte
    // prefilter, and the bytes rare in English are common in Han text.
    static ANCHORS: LazyLock<Searcher> =
        LazyLock::new(|| Searcher::new(["是", "第"]).expect("item anchors"));
    const NUMERALS: &str = "一二三四五六七八九十";
    let numeral = |c: char| NUMERALS.contains(c);
    ANCHORS.find_iter(para).filter_map(move |hit| {
        let (before, after) = (&para[..hit.start()], &para[hit.end()..]);
        if hit.pattern().as_usize() == 0 {
            // Regex scans from the left, so four numerals or more give
            // way to the last three.
            let n = before
                .chars()
                .rev()
                .take(3)
                .take_while(|&c| numeral(c))
                .count();
            (n > 0).then(|| hit.start() - n * '一'.len_utf8()..hit.end())
        } else {
            let n = after.chars().take_while(|&c| numeral(c)).count();
            let mark = after[n * '一'.len_utf8()..].chars().next()?;
            ((1..=3).contains(&n) && matches!(mark, ',' | '，' | '、'))
                .then(|| hit.start()..hit.end() + (n * '一'.len_utf8()) + mark.len_utf8())
        }
    })
}

/// An item marker starts its paragraph or follows a stop, a clause mark,
/// a closing bracket or quote, or a space; "统一是" is not an item.
fn starts_item(before: Option<char>) -> bool {
    match before {
        None => true,
        Some(c) => c.is_whitespace() || "。;；:：,，、)）”’\"".contains(c),
    }
}

/// Enough text after an item marker for its start and its short label.
const ITEM_TEXT_CHARS: usize = 64;

pub(super) fn find_items(lines: &[&str], blocks: &[Block], sections: &[Section]) -> Vec<Item> {
    let mut items = Vec::new();
    for block in blocks.iter().filter(|b| b.kind == BlockKind::Paragraph) {
        let para = &lines[block.line - 1][block.bytes.clone()];
        // Matches come in order: count chars from the last one, not from
        // the paragraph's start each time.
        let (mut counted, mut chars) = (0, 0);
        for m in item_markers(para) {
            if !starts_item(para[..m.start].chars().next_back()) {
                continue;
            }
            let after = text::take_chars(&para[m.end..], ITEM_TEXT_CHARS);
            let section = block.section;
            items.push(Item {
                marker: para[m.clone()].to_owned(),
                line: block.line,
                text_start: text::take_chars(after, 12).to_owned(),
                col: {
                    chars += para[counted..m.start].chars().count();
                    counted = m.start;
                    block.col + chars
                },
                heading: heading_at(sections, section),
                section,
                label: item_label(after),
            });
        }
    }
    items
}

fn heading_at(sections: &[Section], section: usize) -> Option<usize> {
    sections.get(section).and_then(|s| s.heading)
}

const ITEM_LABEL_CHARS: usize = 18;

fn item_label(after: &str) -> String {
    let end = after
        .char_indices()
        .find(|&(_, c)| matches!(text::normal_char(c), '。' | ',' | ';' | ':'))
        .map_or(after.len(), |(i, _)| i);
    let label = &after[..end];
    if label.chars().count() > ITEM_LABEL_CHARS {
        format!("{}…", text::take_chars(label, ITEM_LABEL_CHARS))
    } else {
        label.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    proptest::proptest! {
        #[test]
        fn item_markers_are_what_the_item_regex_finds(para in "[一二三十是第，,、。统x]{0,40}|[一二是第，x]{0,60}"       ) {
            let re = Regex::new(r"[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[,，、]").unwrap();
            let want: Vec<_> = re.find_iter(&para).map(|m| m.range()).collect();
            let got: Vec<_> = item_markers(&para).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }
}

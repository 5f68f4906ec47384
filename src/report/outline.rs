//! The section tree (spec §2): headings by their GB/T 9704 marker level,
//! inline-body headings, 一是/二是 items, the preamble, and the blocks of
//! text in reading order.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::packed::Searcher;
use regex::Regex;
use serde::Serialize;

use super::chrome::LineFacts;
use super::LineKind;
use crate::pattern::text_regex;
use crate::{script, text};

/// A heading as the file writes it. `line` is 1-based, `col` the char
/// offset of the marker in that line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heading {
    pub level: u8,
    pub marker: String,
    pub title: String,
    pub line: usize,
    pub inline_body: bool,
    #[serde(skip)]
    pub col: usize,
}

/// An enumeration inside a paragraph: 一是/二是…, 第一,/第二,….
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub marker: String,
    pub line: usize,
    /// The 12 characters after the marker.
    pub text_start: String,
    #[serde(skip)]
    pub col: usize,
    /// Index into the headings of the nearest heading at or before it.
    #[serde(skip)]
    pub heading: Option<usize>,
    /// The section it belongs to.
    #[serde(skip)]
    pub section: usize,
    /// A short title for lists: the text up to the first stop, capped.
    #[serde(skip)]
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// Text before the first heading.
    Preamble,
    Heading,
    /// A report with no headings at all is one section.
    Whole,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub kind: SectionKind,
    pub marker: String,
    pub title: String,
    /// Marker level 1-4 (0 for preamble or whole text).
    pub level: u8,
    /// Depth in the tree, robust to skipped levels.
    pub depth: usize,
    pub parent: Option<usize>,
    pub heading: Option<usize>,
    /// 1-based line where the section starts.
    pub line: usize,
    /// Its blocks and its descendants' blocks.
    pub blocks: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Heading,
    Paragraph,
}

/// A run of report text: a heading (marker and title) or a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    /// 1-based line.
    pub line: usize,
    /// Char offset in the line and length in chars.
    pub col: usize,
    pub len: usize,
    pub section: usize,
    /// The same span in bytes of the line, so that readers of the text
    /// slice it instead of walking it char by char.
    pub bytes: Range<usize>,
}

pub struct Outline {
    pub headings: Vec<Heading>,
    pub items: Vec<Item>,
    pub sections: Vec<Section>,
    pub blocks: Vec<Block>,
}

// Marker patterns are written for keys and matched on the line as
// written (see `crate::pattern`): （一） and (一), 壹 and 一 alike.
static LEVEL1: LazyLock<Regex> = LazyLock::new(|| {
    text_regex(r"^(?:[一二三四五六七八九十百零〇两]{1,4}、|第[一二三四五六七八九十]{1,3}部分)")
});
static LEVEL2: LazyLock<Regex> =
    LazyLock::new(|| text_regex(r"^[(〔][一二三四五六七八九十百零〇两]{1,4}[)〕]"));
static LEVEL3: LazyLock<Regex> = LazyLock::new(|| text_regex(r"^[0-9]{1,3}[.、]"));
static LEVEL4: LazyLock<Regex> = LazyLock::new(|| text_regex(r"^(?:\([0-9]{1,3}\)|[①-⑳])"));

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

/// Parses the text lines, given their facts.
pub fn parse(lines: &[&str], facts: &[LineFacts], kinds: &[LineKind]) -> Outline {
    // A text line is a block, or two (a heading and its inline body).
    let text_lines = kinds.iter().filter(|k| **k == LineKind::Text).count();
    let mut b = Builder {
        blocks: Vec::with_capacity(text_lines + text_lines / 4),
        ..Builder::default()
    };
    for (i, (line, kind)) in lines.iter().zip(kinds).enumerate() {
        if *kind == LineKind::Text {
            b.line(i + 1, line, &facts[i]);
        }
    }
    b.finish(lines)
}

/// Where a line's content lies: from char `lead` (byte `lead_b`), `len`
/// chars, to byte `end_b`.
#[derive(Clone, Copy)]
struct Span {
    lead: usize,
    lead_b: usize,
    len: usize,
    end_b: usize,
}

#[derive(Default)]
struct Builder {
    headings: Vec<Heading>,
    sections: Vec<Section>,
    blocks: Vec<Block>,
    /// Open sections, innermost last.
    stack: Vec<usize>,
}

impl Builder {
    fn line(&mut self, no: usize, line: &str, facts: &LineFacts) {
        // The line less its spaces (`facts.text`, `facts.chars` chars).
        let content = facts.text;
        let lead_b = content.as_ptr() as usize - line.as_ptr() as usize;
        debug_assert!(line.get(lead_b..lead_b + content.len()) == Some(content));
        let lead = line[..lead_b].chars().count();
        let span = Span {
            lead,
            lead_b,
            len: facts.chars,
            end_b: lead_b + content.len(),
        };
        match marker_of(facts.text) {
            Some((level, mlen)) => self.heading(no, line, level, mlen, span),
            None => {
                if self.sections.is_empty() {
                    self.open(preamble(no), None);
                }
                self.push_block(
                    BlockKind::Paragraph,
                    no,
                    (lead, span.len),
                    lead_b..span.end_b,
                );
            }
        }
    }

    fn heading(&mut self, no: usize, line: &str, level: u8, mlen: usize, span: Span) {
        let Span {
            lead,
            lead_b,
            len,
            end_b,
        } = span;
        // Offsets are found in bytes as the line is split, and counted in
        // chars only over the marker and the title, however long the body
        // that follows on the line.
        let content = &line[lead_b..end_b];
        let marker_b = super::char_to_byte(content, mlen);
        let marker = content[..marker_b].to_owned();
        let after = &content[marker_b..];
        let (skip, skip_b) = leading_spaces(after);
        let rest_b = marker_b + skip_b;
        let rest = &after[skip_b..];
        let (title, body) = split_title(rest);
        // The one count of the title's chars: its block's length, and
        // where an inline body starts.
        let title_chars = title.chars().count();
        let title_end_b = if title.as_ptr() == rest.as_ptr() {
            title.len()
        } else {
            super::char_to_byte(rest, title_chars)
        };
        let heading = Heading {
            level,
            marker: marker.clone(),
            title: title.to_owned(),
            line: no,
            inline_body: body.is_some(),
            col: lead,
        };
        while let Some(&top) = self.stack.last() {
            if self.sections[top].kind == SectionKind::Heading && self.sections[top].level < level {
                break;
            }
            self.stack.pop();
        }
        let parent = self.stack.last().copied();
        self.headings.push(heading);
        let section = Section {
            kind: SectionKind::Heading,
            marker,
            title: title.to_owned(),
            level,
            depth: parent.map_or(0, |p| self.sections[p].depth + 1),
            parent,
            heading: Some(self.headings.len() - 1),
            line: no,
            blocks: 0..0,
        };
        self.open(section, parent);
        let head_len = mlen + skip + title_chars;
        let head_bytes = lead_b..lead_b + rest_b + title_end_b;
        self.push_block(BlockKind::Heading, no, (lead, head_len), head_bytes);
        if let Some((body_skip, body_b)) = body {
            // The title, its 。 and the spaces after it.
            let col = lead + head_len + 1 + body_skip;
            self.push_block(
                BlockKind::Paragraph,
                no,
                (col, lead + len - col),
                lead_b + rest_b + body_b..end_b,
            );
        }
    }

    fn open(&mut self, mut section: Section, parent: Option<usize>) {
        section.parent = parent;
        section.blocks = self.blocks.len()..self.blocks.len();
        self.sections.push(section);
        self.stack.push(self.sections.len() - 1);
    }

    fn push_block(
        &mut self,
        kind: BlockKind,
        line: usize,
        (col, len): (usize, usize),
        bytes: Range<usize>,
    ) {
        let section = self.sections.len() - 1;
        self.blocks.push(Block {
            kind,
            line,
            col,
            len,
            section,
            bytes,
        });
        let end = self.blocks.len();
        let mut s = Some(section);
        while let Some(i) = s {
            self.sections[i].blocks.end = end;
            s = self.sections[i].parent;
        }
    }

    fn finish(mut self, lines: &[&str]) -> Outline {
        if self.headings.is_empty() {
            for s in &mut self.sections {
                s.kind = SectionKind::Whole;
                s.title = "全文".into();
            }
        }
        let items = find_items(lines, &self.blocks, &self.sections);
        Outline {
            headings: self.headings,
            items,
            sections: self.sections,
            blocks: self.blocks,
        }
    }
}

fn preamble(line: usize) -> Section {
    Section {
        kind: SectionKind::Preamble,
        marker: String::new(),
        title: "前言".into(),
        level: 0,
        depth: 0,
        parent: None,
        heading: None,
        line,
        blocks: 0..0,
    }
}

/// Title and, when body text follows on the same line (the title is then
/// `rest` up to its first 。), the spaces in chars between that 。 and the
/// body, and the body's byte offset in `rest`. A title alone keeps the
/// line less a final 。.
fn split_title(rest: &str) -> (&str, Option<(usize, usize)>) {
    if let Some(i) = rest.find('。') {
        let after_b = i + '。'.len_utf8();
        let after = &rest[after_b..];
        if !text::trim(after).is_empty() {
            let (skip, skip_b) = leading_spaces(after);
            return (&rest[..i], Some((skip, after_b + skip_b)));
        }
    }
    (text::trim(rest).trim_end_matches('。'), None)
}

/// The spaces (in any width) `s` starts with, in chars and in bytes.
fn leading_spaces(s: &str) -> (usize, usize) {
    let mut chars = 0;
    for (i, c) in s.char_indices() {
        if text::normal_char(c) != ' ' {
            return (chars, i);
        }
        chars += 1;
    }
    (chars, s.len())
}

/// Enough text after an item marker for its start and its short label.
const ITEM_TEXT_CHARS: usize = 64;

fn find_items(lines: &[&str], blocks: &[Block], sections: &[Section]) -> Vec<Item> {
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

    proptest::proptest! {
        #[test]
        fn item_markers_are_what_the_item_regex_finds(para in "[一二三十是第，,、。统x]{0,40}|[一二是第，x]{0,60}"       ) {
            let re = Regex::new(r"[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[,，、]").unwrap();
            let want: Vec<_> = re.find_iter(&para).map(|m| m.range()).collect();
            let got: Vec<_> = item_markers(&para).collect();
            proptest::prop_assert_eq!(got, want);
        }
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

    fn outline(src: &[&str]) -> Outline {
        let kinds = vec![LineKind::Text; src.len()];
        let facts: Vec<LineFacts> = src.iter().map(|l| LineFacts::new(l)).collect();
        parse(src, &facts, &kinds)
    }

    #[test]
    fn every_marker_style() {
        for (line, level, marker) in [
            ("一、政府职能", 1, "一、"),
            ("十一、其他", 1, "十一、"),
            ("第二部分 主要安排", 1, "第二部分"),
            ("(一)坚持高位推进", 2, "(一)"),
            ("（二）全角括号", 2, "（二）"),
            ("1.高标准建设", 3, "1."),
            ("１．全角数字", 3, "１．"),
            ("10、顿号编号", 3, "10、"),
            ("(1)阿拉伯括号", 4, "(1)"),
            ("（２）全角", 4, "（２）"),
            ("①圈码", 4, "①"),
            ("\u{3000}\u{3000}三、缩进的标题", 1, "三、"),
        ] {
            let o = outline(&[line]);
            assert_eq!(o.headings.len(), 1, "{line}");
            assert_eq!(o.headings[0].level, level, "{line}");
            assert_eq!(o.headings[0].marker, marker, "{line}");
        }
    }

    #[test]
    fn numbers_are_not_headings() {
        for line in [
            "1.5万件案件办结。",
            "2024年,全市法治。",
            "一是加强学习。",
            "(一)",
        ] {
            assert!(outline(&[line]).headings.is_empty(), "{line}");
        }
    }

    #[test]
    fn inline_body_splits_at_first_stop() {
        let o = outline(&[
            "(一)坚持高位推进。6月26日,召开会议。",
            "(二)强化数字赋能,持续推进。",
        ]);
        assert_eq!(o.headings[0].title, "坚持高位推进");
        assert!(o.headings[0].inline_body);
        assert_eq!(o.headings[1].title, "强化数字赋能,持续推进");
        assert!(!o.headings[1].inline_body);
        assert_eq!(o.blocks.len(), 3);
        assert_eq!(o.blocks[1].col, 10);
    }

    #[test]
    fn skipped_levels_and_run_on_numbering() {
        let o = outline(&[
            "前言正文。",
            "一、甲",
            "1.子一。正文",
            "(一)乙",
            "2.子二。正文",
            "二、丙",
            "(1)深。正文",
        ]);
        let depth: Vec<usize> = o.sections.iter().map(|s| s.depth).collect();
        let parent: Vec<Option<usize>> = o.sections.iter().map(|s| s.parent).collect();
        assert_eq!(o.sections[0].kind, SectionKind::Preamble);
        assert_eq!(depth, vec![0, 0, 1, 1, 2, 0, 1]);
        assert_eq!(
            parent,
            vec![None, None, Some(1), Some(1), Some(3), None, Some(5)]
        );
        assert_eq!(o.sections[1].blocks, 1..7);
    }

    #[test]
    fn no_headings_is_one_section() {
        let o = outline(&["只有正文。", "第二段。"]);
        assert_eq!(o.sections.len(), 1);
        assert_eq!(o.sections[0].kind, SectionKind::Whole);
        assert_eq!(o.sections[0].blocks, 0..2);
    }

    #[test]
    fn items_in_paragraphs() {
        let o = outline(&[
            "一、甲",
            "一是加强学习培训和宣传教育工作。二是强化监督,唯一是例外。第三,其他",
        ]);
        let markers: Vec<&str> = o.items.iter().map(|i| i.marker.as_str()).collect();
        assert_eq!(markers, vec!["一是", "二是", "第三,"]);
        assert_eq!(o.items[0].text_start, "加强学习培训和宣传教育工");
        assert_eq!(o.items[1].col, 16);
        assert_eq!(o.items[0].heading, Some(0));
    }
}

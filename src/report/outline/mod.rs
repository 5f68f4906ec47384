//! The section tree (spec §2): headings by their GB/T 9704 marker level,
//! inline-body headings, 一是/二是 items, the preamble, and the blocks of
//! text in reading order.

use std::ops::Range;

use serde::Serialize;

use super::lines::LineFacts;
use super::part::Part;
use super::LineKind;
use crate::text;

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
    /// The part of the report it is in, set once the parts are known.
    pub part: Part,
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

#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub headings: Vec<Heading>,
    pub items: Vec<Item>,
    pub sections: Vec<Section>,
    pub blocks: Vec<Block>,
}

mod items;
mod markers;
mod run_in;
mod title_end;

pub use markers::marker_of;
use markers::{marker_at, Form, Marker};

/// The longest title a spaced marker (三 强化考核) may head: longer, the
/// numeral more likely starts a sentence.
const SPACED_TITLE_MAX_CHARS: usize = 40;

/// A sentence that opens on its year: 2024年, 2024年以来, As a
/// pattern on keys for tests; read by hand in [`year_opener`].
#[cfg(test)]
const YEAR_OPENER: &str = r"(?:19|20)[0-9]{2}年(?:以来)?[,，]";

/// Where the first [`YEAR_OPENER`] in `s` starts (bytes). By hand: the
/// pattern, widened to every char keyed to its chars, cost more to build
/// than a report's headings take to read.
fn year_opener(s: &str) -> Option<usize> {
    let keys: Vec<(usize, char)> = s
        .char_indices()
        .map(|(i, c)| (i, crate::text::script::key_char(c)))
        .collect();
    let key = |i: usize| keys.get(i).map(|k| k.1);
    let digit = |i: usize| key(i).is_some_and(|c| c.is_ascii_digit());
    let at = |i: usize| {
        let century = matches!(
            (key(i), key(i + 1)),
            (Some('1'), Some('9')) | (Some('2'), Some('0'))
        );
        if !(century && digit(i + 2) && digit(i + 3) && key(i + 4) == Some('年')) {
            return false;
        }
        let comma = |j: usize| matches!(key(j), Some(',' | '，'));
        // 以来 taken when it stands there: a comma cannot stand at 以.
        match (key(i + 5), key(i + 6)) {
            (Some('以'), Some('来')) => comma(i + 7),
            _ => comma(i + 5),
        }
    };
    (0..keys.len()).find(|&i| at(i)).map(|i| keys[i].0)
}

/// The first of a paragraph's items (see `items`).
const FIRST_ITEM: [&str; 3] = ["一是", "第一,", "第一，"];

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

/// Where a segment of a line lies: from char `lead` (byte `lead_b`),
/// `len` chars, to byte `end_b`.
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
    numbering: run_in::Numbering,
    /// The last text line was a paragraph cut off mid-sentence (a page
    /// break of a document site, a truncated copy).
    cut_off: bool,
}

impl Builder {
    /// A line: one segment, or several where headings run in.
    fn line(&mut self, no: usize, line: &str, facts: &LineFacts) {
        // The line less its spaces (`facts.text`, `facts.chars` chars).
        let content = facts.text;
        let lead_b = content.as_ptr() as usize - line.as_ptr() as usize;
        debug_assert!(line.get(lead_b..lead_b + content.len()) == Some(content));
        let mut span = Span {
            lead: line[..lead_b].chars().count(),
            lead_b,
            len: facts.chars,
            end_b: lead_b + content.len(),
        };
        let mut marker = marker_at(content).filter(|m| self.starts_line(m, content));
        // A heading's title ends unpunctuated; a paragraph, or a heading's
        // body after its stop, does not.
        let paragraph = marker.is_none() || text::stops::find_full_stop(content).is_some();
        self.cut_off = paragraph && !ends_sentence(content);
        let mut merged = false;
        loop {
            let seg = &line[span.lead_b..span.end_b];
            if let Some(m) = &marker {
                self.numbering.record(m);
            }
            let Some((at, next)) = run_in::next(seg, marker.as_ref(), &self.numbering, merged)
            else {
                self.segment(no, line, marker, span);
                return;
            };
            // Only lines with run-in headings pay for counting chars.
            let head = text::trim(&seg[..at]);
            let head_chars = head.chars().count();
            let here = Span {
                len: head_chars,
                end_b: span.lead_b + head.len(),
                ..span
            };
            self.segment(no, line, marker, here);
            let skipped = seg[..at].chars().count();
            span = Span {
                lead: span.lead + skipped,
                lead_b: span.lead_b + at,
                len: span.len - skipped,
                end_b: span.end_b,
            };
            merged |= next.level <= 2;
            marker = Some(next);
        }
    }

    /// Whether a marker at a line's start makes the line a heading.
    fn starts_line(&self, m: &Marker, content: &str) -> bool {
        match m.form {
            // A document site's page number (`3、`) where a sentence was
            // cut off is no heading: it neither continues the numbering
            // nor follows a finished sentence.
            Form::Numbered if m.level >= 3 && self.cut_off => {
                self.numbering.continued_by(m) || m.value == Some(1)
            }
            Form::Numbered | Form::Bracketed => true,
            Form::Spaced => {
                let title = &content
                    [..text::stops::find_full_stop(content).map_or(content.len(), |(i, _)| i)];
                self.numbering.continued_by(m) && title.chars().count() <= SPACED_TITLE_MAX_CHARS
            }
        }
    }

    fn segment(&mut self, no: usize, line: &str, marker: Option<Marker>, span: Span) {
        match marker {
            Some(m) => self.heading(no, line, m, span),
            None => {
                if self.sections.is_empty() {
                    self.open(preamble(no), None);
                }
                let Span {
                    lead,
                    lead_b,
                    len,
                    end_b,
                } = span;
                self.push_block(BlockKind::Paragraph, no, (lead, len), lead_b..end_b);
            }
        }
    }

    fn heading(&mut self, no: usize, line: &str, m: Marker, span: Span) {
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
        // A bracketed title is its own marker: the brackets stay with the
        // words they hold.
        let (mlen, marker_b) = match m.form {
            Form::Bracketed => (0, 0),
            _ => (m.chars, m.bytes),
        };
        let marker = content[..marker_b].to_owned();
        let after = &content[marker_b..];
        let (skip, skip_b) = leading_spaces(after);
        let rest_b = marker_b + skip_b;
        let rest = &after[skip_b..];
        let (title, body) = match m.form {
            Form::Bracketed => split_after(rest, m.bytes),
            _ => split_title(rest),
        };
        // The one count of the title's chars: its block's length, and
        // where an inline body starts. A title trimmed of a tab ends
        // further into `rest` than its length.
        let title_end_b = title.as_ptr() as usize - rest.as_ptr() as usize + title.len();
        let title_chars = match m.form {
            Form::Bracketed => m.chars,
            _ => rest[..title_end_b].chars().count(),
        };
        let heading = Heading {
            level: m.level,
            marker: marker.clone(),
            title: title.to_owned(),
            line: no,
            inline_body: body.is_some(),
            col: lead,
        };
        let rank = nesting_rank(m.level, &marker);
        while let Some(&top) = self.stack.last() {
            let t = &self.sections[top];
            if t.kind == SectionKind::Heading && nesting_rank(t.level, &t.marker) < rank {
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
            level: m.level,
            depth: parent.map_or(0, |p| self.sections[p].depth + 1),
            parent,
            heading: Some(self.headings.len() - 1),
            line: no,
            blocks: 0..0,
            part: Part::Work,
        };
        self.open(section, parent);
        let head_len = mlen + skip + title_chars;
        let head_bytes = lead_b..lead_b + rest_b + title_end_b;
        self.push_block(BlockKind::Heading, no, (lead, head_len), head_bytes);
        if let Some((gap, body_b)) = body {
            let col = lead + head_len + gap;
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
        let items = items::find_items(lines, &self.blocks, &self.sections);
        Outline {
            headings: self.headings,
            items,
            sections: self.sections,
            blocks: self.blocks,
        }
    }
}

/// Whether a line ends as a finished sentence, clause or title may.
fn ends_sentence(line: &str) -> bool {
    line.chars()
        .next_back()
        .map(text::normal_char)
        .is_some_and(|c| {
            matches!(
                c,
                '。' | '!' | '?' | ';' | ':' | '.' | '”' | '」' | ')' | '》' | '…'
            )
        })
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
        part: Part::Opening,
    }
}

/// Title and, when body text follows on the same line (the title is then
/// `rest` up to its first 。), the chars between the title and the body
/// (the 。 and the spaces after it) and the body's byte offset in `rest`.
/// A title alone keeps the line less a final 。.
fn split_title(rest: &str) -> (&str, Option<(usize, usize)>) {
    // A title run into its first item or sentence (二、…完善一是加强…,
    // 六、…原因2024年,常州市…, where a page lost its line breaks) ends
    // where they start.
    let full_stop = text::stops::find_full_stop(rest);
    let stop = full_stop.map_or(rest.len(), |(i, _)| i);
    let first_item = FIRST_ITEM.iter().filter_map(|m| rest[..stop].find(m)).min();
    let opener = year_opener(&rest[..stop]);
    // A title that runs on into its paragraph, no stop between: where
    // the paragraph opens (see `title_end`).
    let run_on = title_end::run_on_end(&rest[..stop]);
    if let Some(i) = first_item
        .into_iter()
        .chain(opener)
        .chain(run_on)
        .filter(|&i| i > 0)
        .min()
    {
        // The spaces of a paragraph's indent go between title and body.
        let title = rest[..i].trim_end_matches(|c: char| text::normal_char(c) == ' ');
        let gap = rest[title.len()..i].chars().count();
        return (title, Some((gap, i)));
    }
    if let Some((i, len)) = full_stop {
        let after_b = i + len;
        let after = &rest[after_b..];
        if !text::trim(after).is_empty() {
            let (skip, skip_b) = leading_spaces(after);
            return (&rest[..i], Some((1 + skip, after_b + skip_b)));
        }
        return (text::trim(&rest[..i]), None);
    }
    (text::trim(rest), None)
}

/// A title `title_b` bytes long, and the body after it as [`split_title`]
/// gives it, past a stop or a colon that may follow the title.
fn split_after(rest: &str, title_b: usize) -> (&str, Option<(usize, usize)>) {
    let after = &rest[title_b..];
    let (punct, punct_b) = match after.chars().next() {
        Some(c @ ('。' | ':' | '：' | '.' | '．')) => (1, c.len_utf8()),
        _ => (0, 0),
    };
    let (skip, skip_b) = leading_spaces(&after[punct_b..]);
    let body = (!text::trim(after)
        .trim_start_matches(['。', ':', '：', '.', '．'])
        .is_empty())
    .then_some((punct + skip, title_b + punct_b + skip_b));
    (&rest[..title_b], body)
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

/// Where a heading nests: by its marker's level, a 第一部分 part above the
/// 一、 headings of its level, so a report in parts holds its 一、 under
/// them.
fn nesting_rank(level: u8, marker: &str) -> u8 {
    let part = marker.trim_end().ends_with("部分");
    level * 2 - u8::from(part)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_opener_rule_is_its_pattern() {
        use crate::report::samples;
        let re = crate::text::pattern::text_regex(YEAR_OPENER);
        let mut lines = samples::bundled_lines();
        lines.extend(samples::wild_lines());
        lines.extend(
            [
                "2024年,",
                "2024年以来，",
                "2024年以,",
                "1999年，",
                "２０２４年，",
                "2124年,",
                "12024年,2023年以来,",
                "2024年 ,",
                "1899年,",
            ]
            .map(str::to_owned),
        );
        let mut seen = 0;
        for s in samples::cuts(lines, 40) {
            let want = re.find(&s).map(|m| m.start());
            assert_eq!(year_opener(&s), want, "{s:?}");
            seen += usize::from(want.is_some());
        }
        assert!(seen > 20, "{seen}");
    }

    fn outline(src: &[&str]) -> Outline {
        let kinds = vec![LineKind::Text; src.len()];
        let facts: Vec<LineFacts> = src.iter().map(|l| LineFacts::new(l)).collect();
        parse(src, &facts, &kinds)
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

    /// Each block's text, as a reader shows it.
    fn block_texts(src: &[&str], o: &Outline) -> Vec<String> {
        o.blocks
            .iter()
            .map(|b| {
                let text = &src[b.line - 1][b.bytes.clone()];
                assert_eq!(text.chars().count(), b.len, "{text}");
                let by_chars: String = src[b.line - 1].chars().skip(b.col).take(b.len).collect();
                assert_eq!(by_chars, text);
                text.to_owned()
            })
            .collect()
    }

    fn titles(o: &Outline) -> Vec<(u8, String)> {
        o.headings
            .iter()
            .map(|h| (h.level, format!("{}{}", h.marker, h.title)))
            .collect()
    }

    #[test]
    fn parts_hold_their_numbered_headings() {
        let o = outline(&[
            "第一部分 2022年主要举措和成效",
            "一、深入学习贯彻习近平法治思想",
            "全年组织学法12次。",
            "( 一 )严格规范执法",
            "开展执法检查150次。",
            "第二部分 存在的不足",
        ]);
        let depth: Vec<(usize, String)> = o
            .sections
            .iter()
            .filter(|s| s.kind == SectionKind::Heading)
            .map(|s| (s.depth, format!("{}{}", s.marker, s.title)))
            .collect();
        assert_eq!(
            depth,
            vec![
                (0, "第一部分2022年主要举措和成效".into()),
                (1, "一、深入学习贯彻习近平法治思想".into()),
                (2, "( 一 )严格规范执法".into()),
                (0, "第二部分存在的不足".into()),
            ]
        );
    }

    #[test]
    fn a_numeral_and_a_full_stop_heads_a_part() {
        let o = outline(&["二.加强党的领导", "正文。", "三．强化考核。全年考核3次。"]);
        assert_eq!(
            titles(&o),
            vec![(1, "二.加强党的领导".into()), (1, "三．强化考核".into())]
        );
    }

    #[test]
    fn a_numeral_and_a_space_heads_a_part_where_the_numbering_continues() {
        let src = [
            "一、完善制度",
            "三 年来的做法是这样的,全市上下一心,各项工作取得了显著的成效,得到了上级肯定。",
            "二 强化考核",
            "正文。",
            "三\u{3000}加强监督。全年监督5次。",
            "五 年来",
        ];
        let o = outline(&src);
        assert_eq!(
            titles(&o),
            vec![
                (1, "一、完善制度".into()),
                (1, "二强化考核".into()),
                (1, "三加强监督".into())
            ]
        );
        assert_eq!(o.headings[2].marker, "三");
        assert!(o.headings[2].inline_body);
        let texts = block_texts(&src, &o);
        assert_eq!(texts[4], "三\u{3000}加强监督");
        assert_eq!(texts[5], "全年监督5次。");
        // A first spaced line is a heading only when it is short.
        let o = outline(&[
            "一 年来,全市上下深入学习贯彻习近平法治思想,坚持依法行政,法治政府建设取得新成效。",
        ]);
        assert!(o.headings.is_empty());
    }

    #[test]
    fn a_title_in_lenticular_brackets_is_a_heading() {
        let src = [
            "一、主要举措",
            "【加强党的领导】全年召开常务会议12次。",
            "〖完善制度体系〗",
            "【打印】【关闭】",
            "【来源:市司法局】",
        ];
        let o = outline(&src);
        assert_eq!(
            titles(&o),
            vec![
                (1, "一、主要举措".into()),
                (2, "【加强党的领导】".into()),
                (2, "〖完善制度体系〗".into())
            ]
        );
        assert!(o.headings[1].inline_body);
        let texts = block_texts(&src, &o);
        assert_eq!(texts[1..3], ["【加强党的领导】", "全年召开常务会议12次。"]);
    }

    #[test]
    fn headings_run_in_where_a_page_lost_its_line_breaks() {
        let src = [concat!(
            "2024年,全区法治政府建设取得积极成效。",
            "一.深入学习贯彻习近平法治思想(一)持续深化理论武装。全年组织学习12次。",
            "(二)完善学法制度。1.建立清单制度。制定清单3份。2.开展述法。述法20人次。",
            "二.依法全面履行政府职能(一)深化放管服改革。取消事项5项。"
        )];
        let o = outline(&src);
        assert_eq!(
            titles(&o),
            vec![
                (1, "一.深入学习贯彻习近平法治思想".into()),
                (2, "(一)持续深化理论武装".into()),
                (2, "(二)完善学法制度".into()),
                (3, "1.建立清单制度".into()),
                (3, "2.开展述法".into()),
                (1, "二.依法全面履行政府职能".into()),
                (2, "(一)深化放管服改革".into()),
            ]
        );
        let depth: Vec<usize> = o.sections.iter().map(|s| s.depth).collect();
        assert_eq!(depth, vec![0, 0, 1, 1, 2, 2, 0, 1]);
        let texts = block_texts(&src, &o);
        assert_eq!(texts[0], "2024年,全区法治政府建设取得积极成效。");
        assert_eq!(texts[3], "全年组织学习12次。");
        assert_eq!(texts.last().unwrap(), "取消事项5项。");
        assert!(o.headings.iter().all(|h| h.line == 1));
    }

    #[test]
    fn lists_and_items_inside_a_paragraph_stay_text() {
        let src = [
            "一、完善制度",
            "主要做法:一、加强学习;二、完善制度;三、强化考核。",
            "一是加强学习。二是完善制度。全区(二)类案件下降。",
            "二、强化监督",
            "监督有力。二、三月份开展检查。按第(一)项办理。1.5万件办结。",
            "今年做到两点。(1)全年培训。(2)全年考核。",
            "检查有力。三、四月份开展检查。",
        ];
        let o = outline(&src);
        assert_eq!(
            titles(&o),
            vec![(1, "一、完善制度".into()), (1, "二、强化监督".into())]
        );
    }

    #[test]
    fn a_marker_before_a_stop_is_a_fragment_not_a_heading() {
        for line in ["2、。近日,全市召开会议。", "三、,其他", "(一)。"] {
            assert!(outline(&[line]).headings.is_empty(), "{line}");
        }
    }

    #[test]
    fn a_run_in_title_ends_where_the_next_level_its_first_item_or_a_sentence_starts() {
        let src = [concat!(
            "全区上下共同努力,各项工作取得积极成效!",
            "一、主要举措(一)政务服务效能全面提升1.高标准建设政务服务体系。建成中心1个。",
            "2.优化审批流程一是精简材料。二是压缩时限。",
            "(二)依法行政制度有效落实3.重大决策程序严格执行。目录公布。",
            "二、存在的不足和原因2024年,全区在推进法治政府建设上还存在一些不足;一是统筹不够。"
        )];
        let o = outline(&src);
        assert_eq!(
            titles(&o),
            vec![
                (1, "一、主要举措".into()),
                (2, "(一)政务服务效能全面提升".into()),
                (3, "1.高标准建设政务服务体系".into()),
                (3, "2.优化审批流程".into()),
                (2, "(二)依法行政制度有效落实".into()),
                (3, "3.重大决策程序严格执行".into()),
                (1, "二、存在的不足和原因".into()),
            ]
        );
        let texts = block_texts(&src, &o);
        assert!(
            texts.contains(&"一是精简材料。二是压缩时限。".to_owned()),
            "{texts:?}"
        );
        assert_eq!(
            texts.last().unwrap(),
            "2024年,全区在推进法治政府建设上还存在一些不足;一是统筹不够。"
        );
    }
}

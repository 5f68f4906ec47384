//! Finding one's way in a report: a section's ancestors, children and
//! heading, the block and section at a place in the file, the figures and
//! items of a section, and where a figure or an item lies in its block.
//! Each question is answered here once, for the TUI and the CLI alike.
//!
//! Sections are in document order, each before its descendants, and each
//! holds at least one block (its heading, or the preamble's first
//! paragraph); so a section's subtree is the run of sections whose first
//! block lies inside its blocks, and figures and items, which are in
//! reading order, fall in one run per section. Every answer is a binary
//! search or a walk over what it returns, never a pass over the report.

use std::ops::Range;

use super::{BlockKind, Hit, Part, Report, SectionKind};
use crate::figures::Figure;

impl Report {
    /// Where heading `h` stands in the file (1-based line, char column):
    /// a heading run into a line stands where its marker does.
    pub fn heading_file_position(&self, h: usize) -> (usize, usize) {
        let block = self
            .sections()
            .iter()
            .find(|s| s.heading == Some(h))
            .and_then(|s| self.blocks().get(s.blocks.start))
            .filter(|b| b.kind == BlockKind::Heading);
        match (block, self.headings().get(h)) {
            (Some(b), _) => self.file_position(b.line, b.col),
            (None, Some(x)) => self.file_position(x.line, 0),
            (None, None) => (0, 0),
        }
    }

    /// The part each section is in, in section order.
    pub fn section_parts(&self) -> Vec<Part> {
        self.sections().iter().map(|s| s.part).collect()
    }

    /// Whether a section is a heading whose text is all in its subsections:
    /// it never fills one side of a pair alone.
    pub fn heading_only(&self, s: usize) -> bool {
        self.sections()[s].kind == SectionKind::Heading
            && self.children(s).next().is_some()
            && self
                .section_blocks(s, false)
                .all(|b| self.blocks()[b].kind == BlockKind::Heading)
    }

    /// "一、" + "依法全面履行政府职能": a section's heading as a list shows it.
    pub fn heading_label(&self, s: usize) -> String {
        self.sections()
            .get(s)
            .map_or_else(String::new, |x| format!("{}{}", x.marker, x.title))
    }

    /// A section's heading path: "一、… › (二)…".
    pub(crate) fn heading_path(&self, s: usize) -> String {
        let mut path: Vec<String> = self.ancestors(s).map(|a| self.heading_label(a)).collect();
        path.reverse();
        path.push(self.heading_label(s));
        path.join(" › ")
    }

    /// The sections that hold `s`, nearest first.
    pub fn ancestors(&self, s: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.sections().get(s).and_then(|x| x.parent), |&p| {
            self.sections()[p].parent
        })
    }

    /// The index just past `s` and its descendants.
    pub fn subtree_end(&self, s: usize) -> usize {
        let Some(sec) = self.sections().get(s) else {
            return self.sections().len();
        };
        let after = &self.sections()[s + 1..];
        s + 1 + after.partition_point(|t| t.blocks.start < sec.blocks.end)
    }

    /// The sections directly under `s`, in order.
    pub fn children(&self, s: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.subtree_end(s);
        std::iter::successors(Some(s + 1).filter(|&c| c < end), move |&c| {
            Some(self.subtree_end(c)).filter(|&n| n < end)
        })
    }

    /// The sections at the top of the tree, in order.
    pub(crate) fn roots(&self) -> impl Iterator<Item = usize> + '_ {
        let n = self.sections().len();
        std::iter::successors(Some(0).filter(|&c| c < n), move |&c| {
            Some(self.subtree_end(c)).filter(|&x| x < n)
        })
    }

    /// The block that holds char `col` of line `line`, if it is report
    /// text.
    pub(crate) fn block_at(&self, line: usize, col: usize) -> Option<usize> {
        let i = self
            .blocks()
            .partition_point(|b| (b.line, b.col) <= (line, col))
            .checked_sub(1)?;
        let b = &self.blocks()[i];
        (b.line == line && col < b.col + b.len.max(1)).then_some(i)
    }

    /// The figures a section states: its own text's, or with its
    /// descendants', as indices into `figures`.
    pub(crate) fn figures_of(&self, s: usize, descendants: bool) -> Range<usize> {
        let last = if descendants {
            self.subtree_end(s)
        } else {
            s + 1
        };
        let start = self.figures().partition_point(|f| f.section < s);
        let end = self.figures().partition_point(|f| f.section < last);
        start..end.max(start)
    }

    /// The 一是/二是 items in a section's own text, as indices into `items`.
    pub fn items_of(&self, s: usize) -> Range<usize> {
        let start = self.items().partition_point(|it| it.section < s);
        let end = self.items().partition_point(|it| it.section <= s);
        start..end.max(start)
    }

    /// A figure's text as a span of its block.
    pub(crate) fn figure_span(&self, f: &Figure) -> Option<Hit> {
        let b = self.block_at(f.line, f.col)?;
        let block = &self.blocks()[b];
        Some(Hit {
            block: b,
            col: f.col - block.col,
            len: f.len.min(block.col + block.len - f.col),
        })
    }

    /// An item's marker (一是) as a span of its block.
    pub(crate) fn item_span(&self, item: usize) -> Option<Hit> {
        let it = self.items().get(item)?;
        let b = self.block_at(it.line, it.col)?;
        Some(Hit {
            block: b,
            col: it.col - self.blocks()[b].col,
            len: it.marker.chars().count(),
        })
    }

    /// The sentence of line `line` that holds char `col`: its char range
    /// in the line, from after the stop before it to its own stop.
    pub(crate) fn sentence_at(&self, line: usize, col: usize) -> Range<usize> {
        let chars: Vec<char> = self.line(line).chars().collect();
        let stop = |c: char| matches!(c, '。' | '；' | ';' | '！' | '!' | '？' | '?');
        let col = col.min(chars.len());
        let start = (0..col)
            .rev()
            .find(|&j| stop(chars[j]))
            .map_or(0, |j| j + 1);
        let end = (col..chars.len())
            .find(|&j| stop(chars[j]))
            .map_or(chars.len(), |j| j + 1);
        start..end
    }

    /// The section whose text holds char `col` of line `line`: the block's
    /// there, else the last section that starts before it.
    pub(crate) fn section_at(&self, line: usize, col: usize) -> usize {
        super::section_at(self.blocks(), line, col)
    }
}

#[cfg(test)]
mod tests {
    use crate::report::Report;
    use crate::report::TextEncoding;

    fn report(text: &str) -> Report {
        Report::parse("t.txt", text.into(), TextEncoding::Utf8)
    }

    const TREE: &str = "2024年，我市坚持依法行政，全面推进法治政府建设，现将有关情况报告如下。\n一、甲\n（一）乙。一是丙3件,二是丁5件。\n1.戊\n（二）己\n二、庚\n办理案件7件。\n";

    #[test]
    fn children_ancestors_and_paths() {
        let r = report(TREE);
        let titles: Vec<String> = r.roots().map(|s| r.heading_label(s)).collect();
        assert_eq!(titles, ["前言", "一、甲", "二、庚"]);
        let kids: Vec<String> = r.children(1).map(|s| r.heading_label(s)).collect();
        assert_eq!(kids, ["（一）乙", "（二）己"]);
        assert_eq!(r.children(2).count(), 1);
        assert_eq!(r.heading_path(3), "一、甲 › （一）乙 › 1.戊");
        assert_eq!(r.ancestors(3).collect::<Vec<_>>(), [2, 1]);
        assert_eq!(r.subtree_end(1), 5);
        assert_eq!(r.subtree_end(5), 6);
    }

    #[test]
    fn figures_and_items_of_a_section() {
        let r = report(TREE);
        let raws = |range: std::ops::Range<usize>| -> Vec<String> {
            r.figures()[range].iter().map(|f| f.raw.clone()).collect()
        };
        assert_eq!(raws(r.figures_of(1, true)), ["3件", "5件"]);
        assert!(r.figures_of(1, false).is_empty());
        assert_eq!(raws(r.figures_of(2, false)), ["3件", "5件"]);
        assert_eq!(raws(r.figures_of(5, false)), ["7件"]);
        assert_eq!(r.items_of(2), 0..2);
        assert!(r.items_of(1).is_empty());
        let text = |span: crate::report::Hit| -> String {
            let chars = r.block_text(span.block).chars();
            chars.skip(span.col).take(span.len).collect()
        };
        assert_eq!(text(r.item_span(1).unwrap()), "二是");
        assert_eq!(text(r.figure_span(&r.figures()[2]).unwrap()), "7件");
    }

    /// The answers agree with a plain scan of the sections on every
    /// bundled report.
    #[test]
    fn answers_agree_with_a_scan_on_the_bundled_reports() {
        for r in crate::corpus::Library::bundled().reports {
            for s in 0..r.sections().len() {
                let scan: Vec<usize> = (0..r.sections().len())
                    .filter(|&c| r.sections()[c].parent == Some(s))
                    .collect();
                assert_eq!(r.children(s).collect::<Vec<_>>(), scan, "{}", r.file);
                let within = r.sections()[s].blocks.clone();
                let scan: Vec<usize> = (0..r.figures().len())
                    .filter(|&i| {
                        let own = &r.sections()[r.figures()[i].section].blocks;
                        within.start <= own.start && own.end <= within.end
                    })
                    .collect();
                assert_eq!(r.figures_of(s, true).collect::<Vec<_>>(), scan);
            }
            let roots: Vec<usize> = (0..r.sections().len())
                .filter(|&c| r.sections()[c].parent.is_none())
                .collect();
            assert_eq!(r.roots().collect::<Vec<_>>(), roots);
        }
    }
}

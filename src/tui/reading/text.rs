//! The reader pane's model: the selected section's text wrapped into rows
//! at the pane's width, the scroll over them, the span to highlight and
//! the figures to mark. Built when the section or the width changes,
//! never while drawing.

use std::ops::Range;

use crate::report::Report;
use crate::report::{BlockKind, Hit};
use crate::text;
use crate::tui::list::Cursor;

#[derive(Debug, Clone, PartialEq)]
pub struct WrappedRow {
    /// Global block index; None for the blank row between paragraphs.
    pub block: Option<usize>,
    /// Char range of the block text shown on this row.
    pub chars: Range<usize>,
    /// The same range in bytes of the block text.
    pub bytes: Range<usize>,
    pub heading: bool,
}

impl WrappedRow {
    fn blank() -> WrappedRow {
        WrappedRow {
            block: None,
            chars: 0..0,
            bytes: 0..0,
            heading: false,
        }
    }
}

/// Wraps a section's blocks (its own and its descendants') to `width`.
pub fn rows(report: &Report, section: usize, width: usize) -> Vec<WrappedRow> {
    match report.sections().get(section) {
        Some(s) => block_rows(report, s.blocks.clone(), width),
        None => Vec::new(),
    }
}

/// Wraps blocks `blocks` of a report to `width`: a blank row before a
/// heading and after a paragraph.
pub(crate) fn block_rows(report: &Report, blocks: Range<usize>, width: usize) -> Vec<WrappedRow> {
    let mut out = Vec::new();
    for b in blocks.filter(|&b| b < report.blocks().len()) {
        let heading = report.blocks()[b].kind == BlockKind::Heading;
        if heading && !out.is_empty() {
            out.push(WrappedRow::blank());
        }
        for text::Piece { chars, bytes } in text::wrap(report.block_text(b), width) {
            out.push(WrappedRow {
                block: Some(b),
                chars,
                bytes,
                heading,
            });
        }
        if !heading {
            out.push(WrappedRow::blank());
        }
    }
    while out.last().is_some_and(|r| r.block.is_none()) {
        out.pop();
    }
    out
}

/// The reader pane.
#[derive(Debug, Clone, Default)]
pub struct Text {
    /// The section shown, when there is one.
    pub section: Option<usize>,
    pub rows: Vec<WrappedRow>,
    /// The scroll over the rows.
    pub cursor: Cursor,
    /// The span to highlight: an item marker, a search hit or a figure.
    pub mark: Option<Hit>,
    /// The figures of the section, to mark in the text.
    pub figures: Vec<Hit>,
    /// The report's passages other loaded reports share, to mark.
    pub reused: Vec<Hit>,
    width: usize,
}

impl Text {
    /// Shows a section (None: nothing) at `width` cells.
    pub fn show(&mut self, report: Option<&Report>, section: Option<usize>, width: usize) {
        self.section = section;
        self.width = width;
        self.rows = match (report, section) {
            (Some(r), Some(s)) => rows(r, s, width),
            _ => Vec::new(),
        };
        self.figures = match (report, section) {
            (Some(r), Some(s)) => r
                .figures_of(s, true)
                .filter_map(|i| r.figure_span(&r.figures()[i]))
                .collect(),
            _ => Vec::new(),
        };
        self.cursor.set_len(self.rows.len());
    }

    /// The pane's text area changed: wrap again, keeping the top row's
    /// text at the top.
    pub(crate) fn resize(&mut self, report: Option<&Report>, width: usize, height: usize) {
        let top = self
            .rows
            .get(self.cursor.offset())
            .and_then(|r| r.block.map(|b| (b, r.chars.start)));
        if width != self.width {
            self.show(report, self.section, width);
        }
        self.cursor.set_height(height);
        if let Some(row) = top.and_then(|(b, col)| self.row_of(b, col)) {
            self.cursor.scroll_to(row);
        }
    }

    /// The row that shows char `col` of `block`.
    pub(crate) fn row_of(&self, block: usize, col: usize) -> Option<usize> {
        self.rows.iter().position(|r| {
            r.block == Some(block) && (r.chars.contains(&col) || r.chars.start == col)
        })
    }

    /// Highlights a span and scrolls it a third of the way down.
    pub fn mark(&mut self, span: Option<Hit>) {
        self.mark = span;
        if let Some(row) = span.and_then(|s| self.row_of(s.block, s.col)) {
            self.cursor.reveal(row, self.cursor.height() / 3);
        }
    }

    /// The block of the row at the top of the pane.
    pub(crate) fn top_block(&self) -> Option<usize> {
        self.rows.get(self.cursor.offset()).and_then(|r| r.block)
    }
}

//! The reader pane's model: the selected section's text wrapped into rows
//! at the pane's width. Built when the selection or the width changes,
//! never while drawing.

use std::ops::Range;

use crate::figures::Figure;
use crate::report::{BlockKind, Hit};
use crate::{text, Report};

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Global block index; None for the blank row between paragraphs.
    pub block: Option<usize>,
    /// Char range of the block text shown on this row.
    pub chars: Range<usize>,
    /// The same range in bytes of the block text.
    pub bytes: Range<usize>,
    pub heading: bool,
}

/// Wraps a section's blocks (its own and its descendants') to `width`.
pub fn rows(report: &Report, section: usize, width: usize) -> Vec<Row> {
    let mut out = Vec::new();
    let Some(s) = report.sections.get(section) else {
        return out;
    };
    for b in s.blocks.clone() {
        let block = &report.blocks[b];
        let heading = block.kind == BlockKind::Heading;
        if heading && !out.is_empty() {
            out.push(Row {
                block: None,
                chars: 0..0,
                bytes: 0..0,
                heading: false,
            });
        }
        for text::Piece { chars, bytes } in text::wrap(report.block_text(b), width) {
            out.push(Row {
                block: Some(b),
                chars,
                bytes,
                heading,
            });
        }
        if !heading {
            out.push(Row {
                block: None,
                chars: 0..0,
                bytes: 0..0,
                heading: false,
            });
        }
    }
    while out.last().is_some_and(|r| r.block.is_none()) {
        out.pop();
    }
    out
}

/// The row that shows char `col` of `block`.
pub fn row_of(rows: &[Row], block: usize, col: usize) -> Option<usize> {
    rows.iter()
        .position(|r| r.block == Some(block) && r.chars.contains(&col))
}

/// The heading path of a section: "一、… › (二)…".
pub fn heading_path(report: &Report, section: usize) -> String {
    let mut parts = Vec::new();
    let mut s = Some(section);
    while let Some(i) = s {
        let Some(sec) = report.sections.get(i) else {
            break;
        };
        parts.push(format!("{}{}", sec.marker, sec.title));
        s = sec.parent;
    }
    parts.reverse();
    parts.join(" › ")
}

/// A figure's span as a span of its block.
pub fn figure_hit(report: &Report, f: &Figure) -> Option<Hit> {
    let i = report
        .blocks
        .iter()
        .position(|b| b.line == f.line && (b.col..b.col + b.len.max(1)).contains(&f.col))?;
    let block = &report.blocks[i];
    Some(Hit {
        block: i,
        col: f.col - block.col,
        len: f.len.min(block.col + block.len - f.col),
    })
}

/// The spans of the figures shown with a section, to mark in the text.
pub fn figure_spans(report: &Report, section: usize) -> Vec<Hit> {
    let Some(blocks) = report.sections.get(section).map(|s| s.blocks.clone()) else {
        return Vec::new();
    };
    report
        .figures
        .iter()
        .filter_map(|f| figure_hit(report, f))
        .filter(|h| blocks.contains(&h.block))
        .collect()
}

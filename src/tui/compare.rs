//! The compare view's model: two reports' paired sections laid out in rows
//! at the screen's width, so that each pair starts on the same row on both
//! sides and one scroll offset moves both. Built when the view opens or
//! the size changes; drawing only reads it.

use std::ops::Range;

use crate::compare::marks::{marked_lines, MarkedLine};
use crate::compare::Comparison;
use crate::text;

/// Below this width the two sides take turns (Tab switches) instead of
/// standing side by side.
pub const TWO_COLUMNS_MIN: u16 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

impl Side {
    pub fn other(self) -> Side {
        match self {
            Side::A => Side::B,
            Side::B => Side::A,
        }
    }

    pub fn letter(self) -> &'static str {
        match self {
            Side::A => "A",
            Side::B => "B",
        }
    }
}

/// Part of one line of a pair's text, on one side.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub line: usize,
    pub chars: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RowKind {
    /// The pair's topic, score and mode, across both columns.
    Header,
    Text {
        a: Option<Cell>,
        b: Option<Cell>,
    },
    /// The empty side of a section alone: "only in A".
    Alone {
        a: Option<Cell>,
        b: Option<Cell>,
    },
    Blank,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub pair: usize,
    pub kind: RowKind,
}

#[derive(Debug, Clone)]
pub struct CompareView {
    /// Indices into the library's reports.
    pub a: usize,
    pub b: usize,
    pub comparison: Comparison,
    /// Each pair's lines, marked, per side.
    pub lines: Vec<[Vec<MarkedLine>; 2]>,
    pub pair: usize,
    pub side: Side,
    pub figures: bool,
    pub figures_scroll: usize,
    pub rows: Vec<Row>,
    /// The first row of each pair.
    pub starts: Vec<usize>,
    pub scroll: usize,
    /// Text rows on screen, and whether both sides show.
    pub height: usize,
    pub two_columns: bool,
    pub column_width: usize,
    width: u16,
}

impl CompareView {
    pub fn new(a: usize, b: usize, comparison: Comparison) -> CompareView {
        let lines = comparison
            .pairs
            .iter()
            .map(|p| {
                [
                    marked_lines(&p.a_text, &p.marked.a),
                    marked_lines(&p.b_text, &p.marked.b),
                ]
            })
            .collect();
        CompareView {
            a,
            b,
            comparison,
            lines,
            pair: 0,
            side: Side::A,
            figures: false,
            figures_scroll: 0,
            rows: Vec::new(),
            starts: Vec::new(),
            scroll: 0,
            height: 1,
            two_columns: true,
            column_width: 1,
            width: 0,
        }
    }

    /// Lays the pairs out for a body of `width` × `height` cells (inside
    /// the borders).
    pub fn layout(&mut self, width: u16, height: usize) {
        self.width = width;
        self.two_columns = width + 2 >= TWO_COLUMNS_MIN;
        self.column_width = if self.two_columns {
            (width as usize).saturating_sub(3) / 2
        } else {
            width as usize
        }
        .max(2);
        self.height = height.max(1);
        self.rows.clear();
        self.starts.clear();
        for i in 0..self.lines.len() {
            self.starts.push(self.rows.len());
            self.lay_pair(i);
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    fn shown(&self, side: Side) -> bool {
        self.two_columns || self.side == side
    }

    fn lay_pair(&mut self, i: usize) {
        let w = self.column_width;
        let wrap = |lines: &[MarkedLine]| -> Vec<Cell> {
            lines
                .iter()
                .enumerate()
                .flat_map(|(n, l)| {
                    text::wrap(&l.text, w)
                        .into_iter()
                        .map(move |chars| Cell { line: n, chars })
                })
                .collect()
        };
        let p = &self.comparison.pairs[i];
        let alone = p.a.is_none() || p.b.is_none();
        let mut a = if self.shown(Side::A) && p.a.is_some() {
            wrap(&self.lines[i][0])
        } else {
            Vec::new()
        };
        let mut b = if self.shown(Side::B) && p.b.is_some() {
            wrap(&self.lines[i][1])
        } else {
            Vec::new()
        };
        self.rows.push(Row {
            pair: i,
            kind: RowKind::Header,
        });
        let n = a.len().max(b.len()).max(1);
        a.resize(
            n,
            Cell {
                line: usize::MAX,
                chars: 0..0,
            },
        );
        b.resize(
            n,
            Cell {
                line: usize::MAX,
                chars: 0..0,
            },
        );
        for (k, (ca, cb)) in a.into_iter().zip(b).enumerate() {
            let some = |c: Cell| (c.line != usize::MAX).then_some(c);
            let (ca, cb) = (some(ca), some(cb));
            let kind = if alone && k == 0 {
                RowKind::Alone { a: ca, b: cb }
            } else {
                RowKind::Text { a: ca, b: cb }
            };
            self.rows.push(Row { pair: i, kind });
        }
        self.rows.push(Row {
            pair: i,
            kind: RowKind::Blank,
        });
    }

    pub fn max_scroll(&self) -> usize {
        self.rows.len().saturating_sub(self.height)
    }

    /// Selects a pair and scrolls its first row to the top.
    pub fn select(&mut self, pair: usize) {
        let n = self.starts.len();
        if n == 0 {
            return;
        }
        self.pair = pair.min(n - 1);
        self.scroll = self.starts[self.pair].min(self.max_scroll());
    }

    pub fn step(&mut self, delta: isize) {
        if self.figures {
            let max = self.comparison.figures.len().saturating_sub(1);
            self.figures_scroll = self.figures_scroll.saturating_add_signed(delta).min(max);
            return;
        }
        self.select(self.pair.saturating_add_signed(delta));
    }

    /// Scrolls by rows; the selected pair follows the top of the view.
    pub fn scroll_by(&mut self, delta: isize) {
        if self.figures {
            return self.step(delta);
        }
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
        if let Some(row) = self.rows.get(self.scroll) {
            self.pair = row.pair;
        }
    }

    pub fn page(&self) -> isize {
        self.height.saturating_sub(1).max(1) as isize
    }

    /// Tab: the other side has focus (and, at narrow widths, shows).
    pub fn switch_side(&mut self) {
        self.side = self.side.other();
        if !self.two_columns {
            let pair = self.pair;
            self.layout(self.width, self.height);
            self.select(pair);
        }
    }

    /// The section the focused side shows for the selected pair, or the
    /// other side's when the focused one has none.
    pub fn focused_section(&self) -> Option<(usize, usize)> {
        let p = self.comparison.pairs.get(self.pair)?;
        match (self.side, p.a, p.b) {
            (Side::A, Some(s), _) | (Side::B, Some(s), None) => Some((self.a, s)),
            (_, _, Some(s)) => Some((self.b, s)),
            _ => None,
        }
    }
}

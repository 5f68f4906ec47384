//! The compare screen's text: two reports' paired sections laid out in rows
//! at the screen's width, so that each pair starts on the same row on both
//! sides and one scroll offset moves both. Laid out pair by pair as far as
//! the view has reached, so that opening two long reports costs one screen
//! of layout, not the whole texts; drawing only reads what is laid out.

use std::ops::Range;

use crate::compare::marks::{marked_lines, MarkedLine};
use crate::compare::Comparison;
use crate::report::Part;
use crate::text;

/// Below this width the two sides take turns (Tab switches) instead of
/// standing side by side.
pub(crate) const TWO_COLUMNS_MIN: u16 = 100;

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
pub struct LineSlice {
    pub line: usize,
    pub chars: Range<usize>,
    /// The same range in bytes of the line's text.
    pub bytes: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RowKind {
    /// The part of the reports the pairs below are in, across both
    /// columns: the first row of the part's first pair.
    Band(Part),
    /// The pair's topic, score and mode, across both columns.
    Header,
    Text {
        a: Option<LineSlice>,
        b: Option<LineSlice>,
    },
    /// The empty side of a section alone: "only in A".
    Alone {
        a: Option<LineSlice>,
        b: Option<LineSlice>,
    },
    Blank,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    pub pair: usize,
    pub kind: RowKind,
}

#[derive(Debug, Clone)]
pub struct CompareView {
    /// Indices into the library's reports.
    pub a: usize,
    pub b: usize,
    pub comparison: Comparison,
    /// Each laid-out pair's lines, marked, per side (pairs in order, so
    /// `lines[i]` exists for every pair a row refers to).
    pub lines: Vec<[Vec<MarkedLine>; 2]>,
    pub pair: usize,
    pub side: Side,
    /// The rows of the pairs laid out so far.
    pub rows: Vec<CompareRow>,
    /// The first row of each pair laid out so far.
    pub starts: Vec<usize>,
    pub scroll: usize,
    /// Text rows on screen, and whether both sides show.
    pub height: usize,
    pub two_columns: bool,
    pub column_width: usize,
    width: u16,
    /// The pair being laid out, when it is not finished.
    laying: Option<Laying>,
}

/// How far the layout of one pair has come.
#[derive(Debug, Clone)]
struct Laying {
    pair: usize,
    /// Where each side's next row starts; None when the side is done or
    /// not shown.
    sides: [Option<Cursor>; 2],
    /// Text rows laid out so far.
    k: usize,
}

/// A place in a side's marked lines.
#[derive(Debug, Clone, Copy, Default)]
struct Cursor {
    line: usize,
    chars: usize,
    bytes: usize,
}

/// The next row of one side, moving its cursor on (to None at the end).
fn next_cell(lines: &[MarkedLine], cursor: &mut Option<Cursor>, w: usize) -> Option<LineSlice> {
    let at = (*cursor)?;
    let Some(line) = lines.get(at.line) else {
        *cursor = None;
        return None;
    };
    let text = &line.text;
    let piece = text::wrap_row(text, at.chars, at.bytes, w);
    *cursor = if piece.bytes.end < text.len() {
        Some(Cursor {
            line: at.line,
            chars: piece.chars.end,
            bytes: piece.bytes.end,
        })
    } else {
        (at.line + 1 < lines.len()).then_some(Cursor {
            line: at.line + 1,
            ..Cursor::default()
        })
    };
    Some(LineSlice {
        line: at.line,
        chars: piece.chars,
        bytes: piece.bytes,
    })
}

impl CompareView {
    /// The pair's number among the pairs, or None for a heading whose
    /// text is all in its subsections: it heads the rows below it and is
    /// no pair.
    pub(crate) fn ordinal(&self, pair: usize) -> Option<usize> {
        let pairs = &self.comparison.pairs;
        match pairs.get(pair) {
            Some(p) if !p.outline => Some(pairs[..=pair].iter().filter(|p| !p.outline).count()),
            _ => None,
        }
    }

    /// How many pairs there are, headings aside.
    pub(crate) fn pair_count(&self) -> usize {
        self.comparison.pairs.iter().filter(|p| !p.outline).count()
    }

    pub fn new(a: usize, b: usize, comparison: Comparison) -> CompareView {
        CompareView {
            a,
            b,
            comparison,
            lines: Vec::new(),
            pair: 0,
            side: Side::A,
            rows: Vec::new(),
            starts: Vec::new(),
            scroll: 0,
            height: 1,
            two_columns: true,
            column_width: 1,
            width: 0,
            laying: None,
        }
    }

    /// Lays the pairs out for a body of `width` × `height` cells (inside
    /// the borders).
    pub(crate) fn layout(&mut self, width: u16, height: usize) {
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
        self.laying = None;
        self.lay_rows(self.scroll + self.height);
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// Lays out rows until `n` exist or every pair is laid out.
    fn lay_rows(&mut self, n: usize) {
        while self.rows.len() < n && self.lay_row() {}
    }

    /// Lays out every pair (what End needs, and tests that check all rows).
    pub fn lay_all(&mut self) {
        while self.lay_row() {}
    }

    /// Lays out the next row: a pair's header, one row of its two texts,
    /// or the blank that closes it. False when every pair is laid out.
    fn lay_row(&mut self) -> bool {
        let Some(mut at) = self.laying.take() else {
            return self.open_pair();
        };
        let i = at.pair;
        if at.k > 0 && at.sides.iter().all(Option::is_none) {
            self.rows.push(CompareRow {
                pair: i,
                kind: RowKind::Blank,
            });
            return true;
        }
        let w = self.column_width;
        let [a, b] = [0, 1].map(|k| next_cell(&self.lines[i][k], &mut at.sides[k], w));
        let p = &self.comparison.pairs[i];
        let kind = if at.k == 0 && (p.a.is_none() || p.b.is_none()) && !p.outline {
            RowKind::Alone { a, b }
        } else {
            RowKind::Text { a, b }
        };
        self.rows.push(CompareRow { pair: i, kind });
        at.k += 1;
        self.laying = Some(at);
        true
    }

    /// Starts the next pair: its marked lines and its header row.
    fn open_pair(&mut self) -> bool {
        let i = self.starts.len();
        let Some(p) = self.comparison.pairs.get(i) else {
            return false;
        };
        if self.lines.len() == i {
            self.lines.push([
                marked_lines(&p.a_text, &p.marked.a),
                marked_lines(&p.b_text, &p.marked.b),
            ]);
        }
        let start = |shown: bool| shown.then_some(Cursor::default());
        self.laying = Some(Laying {
            pair: i,
            sides: [
                start(self.shown(Side::A) && p.a.is_some()),
                start(self.shown(Side::B) && p.b.is_some()),
            ],
            k: 0,
        });
        self.starts.push(self.rows.len());
        let before = i.checked_sub(1).map(|j| self.comparison.pairs[j].part);
        if before != Some(p.part) {
            self.rows.push(CompareRow {
                pair: i,
                kind: RowKind::Band(p.part),
            });
        }
        self.rows.push(CompareRow {
            pair: i,
            kind: RowKind::Header,
        });
        true
    }

    fn shown(&self, side: Side) -> bool {
        self.two_columns || self.side == side
    }

    /// The furthest scroll over the rows laid out so far; scrolling lays
    /// out more first, so this only stops at the true end.
    pub(crate) fn max_scroll(&self) -> usize {
        self.rows.len().saturating_sub(self.height)
    }

    /// Selects a pair and scrolls its first row to the top.
    pub fn select(&mut self, pair: usize) {
        let n = self.comparison.pairs.len();
        if n == 0 {
            return;
        }
        self.pair = pair.min(n - 1);
        while self.starts.len() <= self.pair && self.lay_row() {}
        let start = self.starts[self.pair];
        self.lay_rows(start + self.height);
        self.scroll = start.min(self.max_scroll());
    }

    pub fn step(&mut self, delta: isize) {
        self.select(self.pair.saturating_add_signed(delta));
    }

    /// Scrolls by rows; the selected pair follows the top of the view.
    pub(crate) fn scroll_by(&mut self, delta: isize) {
        let want = self.scroll.saturating_add_signed(delta);
        self.lay_rows(want.saturating_add(self.height));
        self.scroll = want.min(self.max_scroll());
        if let Some(row) = self.rows.get(self.scroll) {
            self.pair = row.pair;
        }
    }

    pub fn page(&self) -> isize {
        self.height.saturating_sub(1).max(1) as isize
    }

    /// Tab: the other side has focus (and, at narrow widths, shows).
    pub(crate) fn switch_side(&mut self) {
        self.side = self.side.other();
        if !self.two_columns {
            let pair = self.pair;
            self.layout(self.width, self.height);
            self.select(pair);
        }
    }

    /// The section the focused side shows for the selected pair, or the
    /// other side's when the focused one has none.
    pub(crate) fn focused_section(&self) -> Option<(usize, usize)> {
        let p = self.comparison.pairs.get(self.pair)?;
        match (self.side, p.a, p.b) {
            (Side::A, Some(s), _) | (Side::B, Some(s), None) => Some((self.a, s)),
            (_, _, Some(s)) => Some((self.b, s)),
            _ => None,
        }
    }
}

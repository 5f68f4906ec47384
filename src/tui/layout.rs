//! The reading screen's areas, computed once per size change; drawing and
//! mouse handling both read them. Helpers for every screen's panes.

use ratatui::layout::{Constraint, Layout, Position, Rect};

/// Below this the panes cannot show a useful line of text.
pub(crate) const MIN_WIDTH: u16 = 60;
pub(crate) const MIN_HEIGHT: u16 = 12;

/// Above this a terminal draws no more: cells past it would cost memory
/// and time for text no one can read at once.
pub(crate) const MAX_WIDTH: u16 = 1000;
pub(crate) const MAX_HEIGHT: u16 = 500;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub reports: Rect,
    pub tree: Rect,
    pub reader: Rect,
    /// Below the reader; empty when the screen is too short for it.
    pub figures: Rect,
}

impl Areas {
    /// Left column: reports over the tree; right: the reader over the
    /// figures. `body` is the screen less the status line.
    pub(crate) fn compute(body: Rect, list_rows: usize) -> Areas {
        let (width, body_h) = (body.width, body.height);
        let left_w = (width * 35 / 100).clamp(26.min(width), 48);
        let reports_h = (list_rows as u16 + 2).clamp(3, (body_h / 3).max(3));
        // The figures pane takes a third of the right column, when that
        // leaves the reader room for a page of text.
        let figures_h = if body_h >= 16 {
            (body_h / 3).clamp(6, 16)
        } else {
            0
        };
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_w), Constraint::Fill(1)]).areas(body);
        let [reports, tree] =
            Layout::vertical([Constraint::Length(reports_h), Constraint::Fill(1)]).areas(left);
        let [reader, figures] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(figures_h)]).areas(right);
        Areas {
            reports,
            tree,
            reader,
            figures,
        }
    }

    pub(crate) fn figures_shown(&self) -> bool {
        self.figures.height > 2
    }
}

/// Rows of content inside a bordered pane.
pub(crate) fn inner_height(r: Rect) -> usize {
    r.height.saturating_sub(2) as usize
}

pub(crate) fn inner_width(r: Rect) -> usize {
    r.width.saturating_sub(2) as usize
}

/// The content row index under a screen position, if inside `r`'s
/// borders.
pub(crate) fn row_in(r: Rect, col: u16, row: u16) -> Option<usize> {
    let inner = Rect::new(
        r.x + 1,
        r.y + 1,
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    );
    inner
        .contains(Position::new(col, row))
        .then(|| (row - inner.y) as usize)
}

/// The screen as the TUI uses it: the terminal, capped, and whether it is
/// too small for the panes.
pub fn screen(width: u16, height: u16) -> (Rect, bool) {
    let r = Rect::new(0, 0, width.min(MAX_WIDTH), height.min(MAX_HEIGHT));
    (r, width < MIN_WIDTH || height < MIN_HEIGHT)
}

/// The screen less its last line, which is the status bar's.
pub fn body(screen: Rect) -> Rect {
    let [body, _status] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(screen);
    body
}

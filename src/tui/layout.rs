//! The screen's areas, computed once per size change; drawing and mouse
//! handling both read them.

use ratatui::layout::{Position, Rect};

/// Below this the panes cannot show a useful line of text.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 12;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub screen: Rect,
    pub reports: Rect,
    pub tree: Rect,
    pub reader: Rect,
    /// Below the reader; empty when the screen is too short for it.
    pub figures: Rect,
    pub status: Rect,
    pub too_small: bool,
}

impl Areas {
    /// Left column: reports over the tree; right: the reader; one status
    /// line at the bottom.
    pub fn compute(width: u16, height: u16, list_rows: usize) -> Areas {
        let screen = Rect::new(0, 0, width, height);
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Areas {
                screen,
                too_small: true,
                ..Areas::default()
            };
        }
        let body_h = height - 1;
        let left_w = (width * 35 / 100).clamp(26, 48);
        let reports_h = (list_rows as u16 + 2).clamp(3, body_h / 3);
        // The figures pane takes a third of the right column, when that
        // leaves the reader room for a page of text.
        let figures_h = if body_h >= 16 {
            (body_h / 3).clamp(6, 16)
        } else {
            0
        };
        let reader_h = body_h - figures_h;
        Areas {
            screen,
            reports: Rect::new(0, 0, left_w, reports_h),
            tree: Rect::new(0, reports_h, left_w, body_h - reports_h),
            reader: Rect::new(left_w, 0, width - left_w, reader_h),
            figures: Rect::new(left_w, reader_h, width - left_w, figures_h),
            status: Rect::new(0, body_h, width, 1),
            too_small: false,
        }
    }

    /// The compare view's text area: the screen less the status line, a
    /// header line and the borders.
    pub fn compare_width(a: Areas) -> u16 {
        a.screen.width.saturating_sub(2)
    }

    pub fn compare_height(a: Areas) -> usize {
        a.screen.height.saturating_sub(4) as usize
    }

    /// Rows of content inside a bordered pane.
    pub fn inner_height(r: Rect) -> usize {
        r.height.saturating_sub(2) as usize
    }

    pub fn inner_width(r: Rect) -> usize {
        r.width.saturating_sub(2) as usize
    }

    /// The content row index under a screen position, if inside `r`.
    pub fn row_in(r: Rect, col: u16, row: u16) -> Option<usize> {
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
}

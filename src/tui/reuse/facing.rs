//! Two reports face to face at a passage they share: each side shows the
//! text around the passage, every shared passage marked and the current
//! one most; both sides scroll together, ←/→ go from passage to passage,
//! and Enter reads the focused side's passage in its report.

use std::ops::Range;

use ratatui::layout::{Constraint, Layout, Rect};

use crate::corpus::reuse::{Shared, SharedPassage};
use crate::report::{Hit, Report};

use crate::tui::action::Action;
use crate::tui::keys::Scope;
use crate::tui::layout::{inner_height, inner_width};
use crate::tui::list::Cursor;
use crate::tui::reading::text::{block_rows, WrappedRow};
use crate::tui::screen::{Route, Transition};
use crate::tui::session::Session;

/// Blocks shown before the place the sides stand at, and after the
/// passage: its context.
const CONTEXT_BLOCKS: usize = 40;
/// Blocks laid out at most: a bound on the work however long the report
/// and the passage.
const MAX_BLOCKS: usize = 400;

/// One side: a report's text around the current passage.
#[derive(Debug, Clone, Default)]
pub struct SideText {
    pub report: usize,
    pub rows: Vec<WrappedRow>,
    pub cursor: Cursor,
    /// The shared passages' chars on this side; the current one's.
    pub marks: Vec<Hit>,
    pub current: Vec<Hit>,
}

#[derive(Debug, Clone)]
pub struct SharedFacing {
    pub shared: Shared,
    pub passage: usize,
    /// The run of the passage the sides stand at.
    pub anchor: usize,
    pub sides: [SideText; 2],
    /// The side Enter reads (0: A, 1: B).
    pub focus: usize,
    pub header: Rect,
    pub panes: [Rect; 2],
}

impl SharedFacing {
    /// Reports `a` and `b` at their `passage`th shared passage, at its
    /// `anchor`th run.
    pub fn new(s: &Session, a: usize, b: usize, passage: usize, anchor: usize) -> SharedFacing {
        let reports = &s.library.reports;
        let shared = s
            .reuse()
            .shared(a, &reports[a], b, &reports[b])
            .unwrap_or(Shared {
                passages: Vec::new(),
                a_share: 0.0,
                b_share: 0.0,
            });
        let side = |report: usize, marks: Vec<Hit>| SideText {
            report,
            marks,
            ..SideText::default()
        };
        let all = |f: fn(&SharedPassage) -> &Vec<Hit>| -> Vec<Hit> {
            shared.passages.iter().flat_map(|p| f(p).clone()).collect()
        };
        let sides = [side(a, all(|p| &p.a_spans)), side(b, all(|p| &p.b_spans))];
        SharedFacing {
            passage: passage.min(shared.passages.len().saturating_sub(1)),
            anchor,
            shared,
            sides,
            focus: 0,
            header: Rect::default(),
            panes: [Rect::default(); 2],
        }
    }

    pub fn scope(&self) -> Scope {
        Scope::SharedFacing
    }

    pub fn current(&self) -> Option<&SharedPassage> {
        self.shared.passages.get(self.passage)
    }

    /// Two header lines, then the two sides side by side.
    pub(crate) fn resize(&mut self, s: &Session, body: Rect) {
        let [header, panes] =
            Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(body);
        self.header = header;
        self.panes = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(panes);
        self.lay_out(s);
    }

    /// Each side's text around the current passage, scrolled to its start.
    fn lay_out(&mut self, s: &Session) {
        let Some(p) = self.shared.passages.get(self.passage) else {
            return;
        };
        let spans = [p.a_spans.clone(), p.b_spans.clone()];
        let at = p.anchors.get(self.anchor).map(|a| [a.a, a.b]);
        for (k, ((side, area), spans)) in
            self.sides.iter_mut().zip(self.panes).zip(spans).enumerate()
        {
            let report = &s.library.reports[side.report];
            let first = spans.first().map(|h| (h.block, h.col));
            let (block, col) = at.map(|at| at[k]).or(first).unwrap_or_default();
            let blocks = around(report, block, &spans);
            // The last column is the scroll bar's.
            let width = inner_width(area).saturating_sub(1).max(2);
            side.rows = block_rows(report, blocks, width);
            side.current = spans;
            side.cursor.set_height(inner_height(area));
            side.cursor.set_len(side.rows.len());
            let row = row_of(&side.rows, block, col);
            side.cursor
                .scroll_to(row.map_or(0, |r| r.saturating_sub(1)));
        }
    }

    pub fn update(&mut self, action: Action, s: &Session) -> Transition {
        match action {
            Action::Up => self.scroll(-1),
            Action::Down => self.scroll(1),
            Action::PageUp => self.scroll(-self.page()),
            Action::PageDown => self.scroll(self.page()),
            Action::Wheel { down, .. } => self.scroll(if down { 3 } else { -3 }),
            Action::Left => self.go(s, -1),
            Action::Right => self.go(s, 1),
            Action::FocusNext | Action::FocusPrev => self.focus = 1 - self.focus,
            Action::Open => return self.read(s),
            Action::Back => return Transition::Back,
            _ => {}
        }
        Transition::Stay
    }

    fn page(&self) -> isize {
        self.sides[0].cursor.page()
    }

    fn scroll(&mut self, by: isize) {
        for side in &mut self.sides {
            side.cursor.scroll(by);
        }
    }

    fn go(&mut self, s: &Session, by: isize) {
        let n = self.shared.passages.len();
        let to = self
            .passage
            .saturating_add_signed(by)
            .min(n.saturating_sub(1));
        if to != self.passage {
            self.passage = to;
            self.anchor = 0;
            self.lay_out(s);
        }
    }

    /// The block at the top of side `k`'s pane.
    pub(crate) fn top_block(&self, k: usize) -> Option<usize> {
        let side = self.sides.get(k)?;
        let rows = &side.rows[side.cursor.offset().min(side.rows.len())..];
        rows.iter().find_map(|r| r.block)
    }

    /// Enter: the focused side's report where its pane stands, the
    /// passage marked there.
    fn read(&self, s: &Session) -> Transition {
        let side = &self.sides[self.focus];
        let Some(block) = self.top_block(self.focus) else {
            return Transition::Stay;
        };
        let report = &s.library.reports[side.report];
        let span = side.current.iter().find(|h| h.block == block).copied();
        Transition::Open(Route::Reading {
            report: side.report,
            section: report.blocks()[block].section,
            span,
        })
    }

    /// What `Y` copies: the current passage as each report writes it,
    /// with where it stands.
    pub fn copy(&self, s: &Session) -> Option<String> {
        let p = self.current()?;
        let cite = |side: &SideText, section: usize, line: usize| -> String {
            let r = &s.library.reports[side.report];
            r.citation(Some(section), Some(line))
        };
        Some(format!(
            "A: {}\n— {}\n\nB: {}\n— {}",
            p.a_text,
            cite(&self.sides[0], p.a.section, p.a.line),
            p.b_text,
            cite(&self.sides[1], p.b.section, p.b.line)
        ))
    }
}

/// The blocks shown of a passage's spans, standing at block `at`: from a
/// little before it to a little after the passage, within a bound.
fn around(report: &Report, at: usize, spans: &[Hit]) -> Range<usize> {
    let last = spans.last().map_or(at, |h| h.block);
    let start = at.saturating_sub(CONTEXT_BLOCKS);
    let end = (last + 1 + CONTEXT_BLOCKS)
        .min(start + MAX_BLOCKS)
        .min(report.blocks().len());
    start..end.max(start)
}

/// The row that shows char `col` of `block`.
fn row_of(rows: &[WrappedRow], block: usize, col: usize) -> Option<usize> {
    rows.iter()
        .position(|r| r.block == Some(block) && (r.chars.contains(&col) || r.chars.start == col))
}

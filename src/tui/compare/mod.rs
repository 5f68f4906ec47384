//! The compare screen: report A against report B, their paired sections
//! side by side, or their figures face to face with a row cursor.

pub mod rows;

use ratatui::layout::{Constraint, Layout, Rect};

use crate::compare::facing::Stated;
use crate::report::Report;

use super::action::Action;
use super::copy;
use super::keys::Scope;
use super::layout::inner_height;
use super::list::Cursor;
use super::screen::{Route, Transition};
use super::session::Session;
use rows::{CompareView, Side};

#[derive(Debug, Clone)]
pub struct Compare {
    pub view: CompareView,
    /// The figures face to face show instead of the text.
    pub figures: bool,
    /// The cursor over the figures' rows.
    pub figure_rows: Cursor,
    pub body: Rect,
}

impl Compare {
    /// Compares report `a` (the marked one) with report `b`.
    pub fn new(s: &Session, a: usize, b: usize) -> Compare {
        let reports = &s.library.reports;
        let with = crate::compare::With {
            choices: Some(&s.choices),
            budget: s.compare_budget,
            stock: s.stock(),
        };
        let comparison = crate::compare::compare_with(
            &reports[a],
            &reports[b],
            &s.catalogues.topics,
            &s.catalogues.indicators,
            &with,
        );
        let n = comparison.figures.len();
        Compare {
            view: CompareView::new(a, b, comparison),
            figures: false,
            figure_rows: Cursor::new(n, 1),
            body: Rect::default(),
        }
    }

    pub fn scope(&self) -> Scope {
        if self.figures {
            Scope::CompareFigures
        } else {
            Scope::Compare
        }
    }

    /// The screen less the status line: a header line, then a bordered
    /// pane.
    pub(crate) fn resize(&mut self, body: Rect) {
        self.body = body;
        let pair = self.view.pair;
        let width = body.width.saturating_sub(2);
        let height = body.height.saturating_sub(3) as usize;
        self.view.layout(width, height);
        self.view.select(pair);
        // The figures table's first row is its header.
        self.figure_rows
            .set_height(inner_height(self.pane()).saturating_sub(1));
    }

    /// The bordered pane under the header line.
    pub fn pane(&self) -> Rect {
        let [_header, pane] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(self.body);
        pane
    }

    pub fn update(&mut self, action: Action, s: &Session) -> Transition {
        let v = &mut self.view;
        if self.figures && self.figure_rows.apply(action) {
            return Transition::Stay;
        }
        match (self.figures, action) {
            (false, Action::Up) => v.step(-1),
            (false, Action::Down) => v.step(1),
            (false, Action::PageUp) => v.scroll_by(-v.page()),
            (false, Action::PageDown) => v.scroll_by(v.page()),
            (false, Action::Top) => v.step(isize::MIN),
            (false, Action::Bottom) => v.step(isize::MAX),
            (false, Action::Wheel { down, .. }) => v.scroll_by(if down { 3 } else { -3 }),
            (_, Action::FocusNext | Action::FocusPrev) => v.switch_side(),
            (_, Action::Click { col, .. }) => self.click(col),
            (_, Action::CompareFigures) => self.figures = !self.figures,
            (_, Action::Open) => return self.open(s),
            (true, Action::Choose) => return self.choose(),
            (_, Action::Back | Action::Compare) => return Transition::Back,
            _ => {}
        }
        Transition::Stay
    }

    /// The screen shows again (after a choice of cell): the figures face
    /// to face are the two tables again.
    pub(crate) fn resume(&mut self, s: &Session) {
        let v = &mut self.view;
        let reports = &s.library.reports;
        v.comparison.figures = crate::compare::facing::of_cells(
            (&reports[v.a], s.cells(v.a)),
            (&reports[v.b], s.cells(v.b)),
            &s.catalogues.indicators,
        );
        self.figure_rows.set_len(v.comparison.figures.len());
    }

    /// e on a row of figures: choose the focused side's figure for it.
    fn choose(&self) -> Transition {
        let v = &self.view;
        let Some(f) = v.comparison.figures.get(self.figure_rows.selected()) else {
            return Transition::Stay;
        };
        let report = match v.side {
            Side::A => v.a,
            Side::B => v.b,
        };
        Transition::Open(Route::Candidates {
            report,
            indicator: f.indicator.clone(),
        })
    }

    /// A click on a side of two columns focuses that side.
    fn click(&mut self, col: u16) {
        if !self.view.two_columns {
            return;
        }
        let side = if col < self.body.x + self.body.width / 2 {
            Side::A
        } else {
            Side::B
        };
        if side != self.view.side {
            self.view.switch_side();
        }
    }

    /// What `Y` copies: the selected pair's two texts, or the row of
    /// figures face to face, each side with where it stands.
    pub fn copy(&self, s: &Session) -> Option<String> {
        let v = &self.view;
        let (a, b) = (&s.library.reports[v.a], &s.library.reports[v.b]);
        if self.figures {
            let f = v.comparison.figures.get(self.figure_rows.selected())?;
            let side = |r: &Report, x: Option<&Stated>| match x {
                Some(x) => format!(
                    "{} {}\n— {}",
                    x.label,
                    x.raw,
                    r.citation(Some(r.section_at(x.line, x.col)), Some(x.line))
                ),
                None => format!("not stated\n— {}", copy::report(r)),
            };
            return Some(format!(
                "{}\nA: {}\nB: {}",
                f.name,
                side(a, f.a.as_ref()),
                side(b, f.b.as_ref())
            ));
        }
        let pair = v.comparison.pairs.get(v.pair)?;
        let side = |r: &Report, text: &str, s: Option<usize>| match s {
            Some(s) => format!(
                "{}\n— {}",
                text.trim_end(),
                r.citation(Some(s), Some(r.sections()[s].line))
            ),
            None => format!("(nothing on this topic)\n— {}", copy::report(r)),
        };
        Some(format!(
            "A: {}\n\nB: {}",
            side(a, &pair.a_text, pair.a),
            side(b, &pair.b_text, pair.b)
        ))
    }

    /// Enter: the focused side's section, or its figure in its sentence.
    fn open(&self, s: &Session) -> Transition {
        let v = &self.view;
        if self.figures {
            let Some(f) = v.comparison.figures.get(self.figure_rows.selected()) else {
                return Transition::Stay;
            };
            let stated = match v.side {
                Side::A => {
                    f.a.as_ref()
                        .map(|x| (v.a, x))
                        .or(f.b.as_ref().map(|x| (v.b, x)))
                }
                Side::B => {
                    f.b.as_ref()
                        .map(|x| (v.b, x))
                        .or(f.a.as_ref().map(|x| (v.a, x)))
                }
            };
            let Some((r, stated)) = stated else {
                return Transition::Stay;
            };
            let report = &s.library.reports[r];
            let span = span_of(report, stated);
            let section = report.section_at(stated.line, stated.col);
            return Transition::Open(Route::Reading {
                report: r,
                section,
                span,
            });
        }
        match v.focused_section() {
            Some((r, section)) => Transition::Open(Route::Reading {
                report: r,
                section,
                span: None,
            }),
            None => Transition::Stay,
        }
    }
}

/// A stated figure as a span of its report's text.
fn span_of(report: &Report, stated: &Stated) -> Option<crate::report::Hit> {
    let b = report.block_at(stated.line, stated.col)?;
    let block = &report.blocks()[b];
    Some(crate::report::Hit {
        block: b,
        col: stated.col - block.col,
        len: stated.len.min(block.col + block.len - stated.col),
    })
}

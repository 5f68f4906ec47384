//! The years screen: one place's reports side by side by year, each
//! indicator any of them states a row, each year's table cell a column,
//! with the change from the year before and a line of bars. Enter reads a
//! cell's sentence; `f` opens the follow-up of the selected year's plans
//! in the next year's report.

use ratatui::layout::Rect;

use crate::corpus::places;
use crate::corpus::years::{self, Row};

use super::action::Action;
use super::copy;
use super::keys::Scope;
use super::layout::inner_height;
use super::list::Cursor;
use super::screen::{Route, Transition};
use super::session::Session;

#[derive(Debug, Clone)]
pub struct Years {
    /// The place's name, as its first report writes it.
    pub name: String,
    /// Library indices of its reports, oldest first.
    pub reports: Vec<usize>,
    pub rows: Vec<Row>,
    pub cursor: Cursor,
    /// The selected year (index into `reports`).
    pub col: usize,
    pub area: Rect,
}

impl Years {
    /// The years of the place report `report` belongs to, that report's
    /// year selected.
    pub fn new(s: &Session, report: usize) -> Years {
        let reports = &s.library.reports;
        let place = places::series_of(s.series(), report)
            .cloned()
            .unwrap_or(places::Series {
                name: reports[report].label(),
                reports: vec![report],
            });
        let of: Vec<&crate::report::Report> = place.reports.iter().map(|&i| &reports[i]).collect();
        let rows = years::rows(&of, &s.catalogues.indicators, Some(&s.choices));
        let col = place.reports.iter().position(|&i| i == report).unwrap_or(0);
        Years {
            name: place.name,
            cursor: Cursor::new(rows.len(), 1),
            reports: place.reports,
            rows,
            col,
            area: Rect::default(),
        }
    }

    pub fn scope(&self) -> Scope {
        Scope::Years
    }

    pub fn resize(&mut self, body: Rect) {
        self.area = body;
        // The header row takes one line of the pane.
        self.cursor.set_height(inner_height(body).saturating_sub(1));
    }

    pub fn update(&mut self, action: Action, s: &mut Session) -> Transition {
        if self.cursor.apply(action) {
            return Transition::Stay;
        }
        match action {
            Action::Left => self.col = self.col.saturating_sub(1),
            Action::Right => self.col = (self.col + 1).min(self.reports.len().saturating_sub(1)),
            Action::Open => return self.read(s),
            Action::Followup => return self.followup(s),
            Action::Back | Action::Years => return Transition::Back,
            _ => {}
        }
        Transition::Stay
    }

    /// The selected cell's figure: its report and its index.
    pub fn selected(&self) -> Option<(usize, usize)> {
        let row = self.rows.get(self.cursor.selected())?;
        let figure = (*row.cells.get(self.col)?)?;
        Some((self.reports[self.col], figure))
    }

    /// What `Y` copies: the selected year's figure with its sentence.
    pub fn copy(&self, s: &Session) -> Option<String> {
        let (r, f) = self.selected()?;
        copy::figure(&s.library.reports[r], f)
    }

    /// Enter: the cell's sentence in its report, or the report when the
    /// cell is empty.
    fn read(&self, s: &Session) -> Transition {
        let Some(&r) = self.reports.get(self.col) else {
            return Transition::Stay;
        };
        let span = self.selected().and_then(|(_, f)| {
            let report = &s.library.reports[r];
            report.figure_span(&report.figures[f])
        });
        Transition::Open(Route::Reading {
            report: r,
            section: 0,
            span,
        })
    }

    /// `f`: the selected year's plans against the next year's report (the
    /// last year against the one before).
    fn followup(&self, s: &mut Session) -> Transition {
        if self.reports.len() < 2 {
            s.say("the follow-up needs two years of one place");
            return Transition::Stay;
        }
        let a = self.col.min(self.reports.len() - 2);
        Transition::Open(Route::Followup {
            a: self.reports[a],
            b: self.reports[a + 1],
        })
    }
}

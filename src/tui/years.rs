//! The years screen: one place's reports side by side by year, each
//! indicator any of them states a row, each year's table cell a column,
//! with the change from the year before and a line of bars. Enter reads a
//! cell's sentence; `f` opens the follow-up of the selected year's plans
//! in the next year's report. Two files of one year are one column; `e`
//! reads the year from its next file.

use ratatui::layout::Rect;

use crate::corpus::places;
use crate::corpus::years::{self, Row, Year};
use crate::text::printable;

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
    /// Its years, oldest first; their reports are library indices.
    pub years: Vec<Year>,
    /// Library index of the report each year is read from.
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
        let mut years = years::years(place.reports.iter().map(|&i| reports[i].meta.year));
        for y in &mut years {
            for r in &mut y.reports {
                *r = place.reports[*r];
            }
            // The year of the report the user came from is read from it.
            if let Some(k) = y.reports.iter().position(|&r| r == report) {
                y.chosen = k;
            }
        }
        let col = years
            .iter()
            .position(|y| y.reports.contains(&report))
            .unwrap_or(0);
        let mut out = Years {
            name: place.name,
            years,
            reports: Vec::new(),
            rows: Vec::new(),
            cursor: Cursor::new(0, 1),
            col,
            area: Rect::default(),
        };
        out.read_rows(s);
        out
    }

    /// The rows of the years' chosen reports.
    fn read_rows(&mut self, s: &Session) {
        self.reports = self.years.iter().map(Year::report).collect();
        let of: Vec<&crate::report::Report> = self
            .reports
            .iter()
            .map(|&i| &s.library.reports[i])
            .collect();
        let cells: Vec<&[crate::corpus::TableCell]> =
            self.reports.iter().map(|&i| s.cells(i)).collect();
        self.rows = years::rows_of_cells(&of, &cells, &s.catalogues.indicators);
        let at = self.cursor.selected();
        self.cursor = Cursor::new(self.rows.len(), 1);
        self.cursor
            .set_height(inner_height(self.area).saturating_sub(1));
        self.cursor.select(at);
    }

    /// `e`: the selected year is read from its next file.
    fn other_file(&mut self, s: &mut Session) {
        let Some(y) = self.years.get_mut(self.col) else {
            return;
        };
        if y.reports.len() < 2 {
            s.say(format!("{} has one file", y.name()));
            return;
        }
        y.choose_next();
        let file = printable(&s.library.reports[y.report()].file).into_owned();
        let message = format!(
            "{} is read from {file} ({} files)",
            y.name(),
            y.reports.len()
        );
        self.read_rows(s);
        s.say(message);
    }

    pub fn scope(&self) -> Scope {
        Scope::Years
    }

    pub(crate) fn resize(&mut self, body: Rect) {
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
            Action::Choose => self.other_file(s),
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
            report.figure_span(&report.figures()[f])
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

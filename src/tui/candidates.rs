//! The candidates screen: every figure of a report that could fill one
//! indicator's table cell, each with its sentence, to choose from, or
//! none at all, or (once chosen) the rule's figure again. A choice is kept
//! in the user's data folder and applies to the corpus view, `table` and
//! `diff --figures` alike.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::corpus::cells;
use crate::corpus::choices::FigureRef;

use super::action::Action;
use super::copy;
use super::keys::Scope;
use super::layout::inner_height;
use super::list::Cursor;
use super::screen::{Route, Transition};
use super::session::Session;

/// A row of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Candidate {
    /// A figure, as an index into the report's figures.
    Figure(usize),
    /// No figure: the cell stays empty.
    Empty,
    /// The rule's figure, forgetting the user's choice.
    Rule,
}

#[derive(Debug, Clone)]
pub struct Candidates {
    pub report: usize,
    pub indicator: String,
    pub rows: Vec<Candidate>,
    pub cursor: Cursor,
    /// The figure in the cell now, and whether the user chose it.
    pub current: Option<usize>,
    pub chosen: bool,
    /// The list's area and the sentence's below it.
    pub list: Rect,
    pub sentence: Rect,
}

impl Candidates {
    pub fn new(s: &Session, report: usize, indicator: &str) -> Candidates {
        let r = &s.library.reports[report];
        let catalogue = &s.catalogues.indicators;
        let cell = s.cell(report, indicator).cloned();
        let mut rows: Vec<Candidate> = cells::candidates(r, catalogue, indicator)
            .into_iter()
            .map(Candidate::Figure)
            .collect();
        rows.push(Candidate::Empty);
        let chosen = cell.as_ref().is_some_and(|c| c.chosen)
            || s.choices
                .get(&crate::corpus::choices::fingerprint(r), indicator)
                .is_some();
        if chosen {
            rows.push(Candidate::Rule);
        }
        let current = cell.map(|c| c.figure);
        let at = rows
            .iter()
            .position(|&row| match (row, current) {
                (Candidate::Figure(f), Some(c)) => f == c,
                (Candidate::Empty, None) => true,
                _ => false,
            })
            .unwrap_or(0);
        let mut c = Candidates {
            report,
            indicator: indicator.to_owned(),
            cursor: Cursor::new(rows.len(), 1),
            rows,
            current,
            chosen,
            list: Rect::default(),
            sentence: Rect::default(),
        };
        c.cursor.select(at);
        c
    }

    pub fn scope(&self) -> Scope {
        Scope::Candidates
    }

    pub fn resize(&mut self, body: Rect) {
        let sentence_h = (body.height / 3).clamp(3, 10).min(body.height);
        [self.list, self.sentence] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(sentence_h)]).areas(body);
        self.cursor.set_height(inner_height(self.list));
    }

    /// What `Y` copies: the selected figure with its sentence.
    pub fn copy(&self, s: &Session) -> Option<String> {
        match self.selected()? {
            Candidate::Figure(f) => copy::figure(&s.library.reports[self.report], f),
            Candidate::Empty | Candidate::Rule => None,
        }
    }

    pub fn selected(&self) -> Option<Candidate> {
        self.rows.get(self.cursor.selected()).copied()
    }

    pub fn update(&mut self, action: Action, s: &mut Session) -> Transition {
        if self.cursor.apply(action) {
            return Transition::Stay;
        }
        match action {
            Action::Open => return self.choose(s),
            Action::Read => return self.read(s),
            Action::Back => return Transition::Back,
            _ => {}
        }
        Transition::Stay
    }

    /// Enter: the selected row becomes the cell's figure (or none, or the
    /// rule's again), kept in the user's choices.
    fn choose(&self, s: &mut Session) -> Transition {
        let Some(row) = self.selected() else {
            return Transition::Stay;
        };
        let report = &s.library.reports[self.report];
        let kept = match row {
            Candidate::Figure(f) => {
                let figure = FigureRef::of(&report.figures[f]);
                s.choices.set(report, &self.indicator, Some(figure))
            }
            Candidate::Empty => s.choices.set(report, &self.indicator, None),
            Candidate::Rule => s.choices.clear(report, &self.indicator),
        };
        s.tables.forget(self.report);
        s.say(match (kept, row) {
            (Err(e), _) => format!("your choice applies now but could not be kept: {e}"),
            (Ok(()), Candidate::Figure(f)) => format!("chosen: {}", report.figures[f].raw),
            (Ok(()), Candidate::Empty) => "chosen: no figure for this cell".into(),
            (Ok(()), Candidate::Rule) => "the rule's figure fills this cell again".into(),
        });
        Transition::Back
    }

    /// The selected figure in the reader, its sentence around it.
    fn read(&self, s: &Session) -> Transition {
        let Some(Candidate::Figure(f)) = self.selected() else {
            return Transition::Stay;
        };
        let report = &s.library.reports[self.report];
        let span = report.figure_span(&report.figures[f]);
        Transition::Open(Route::Reading {
            report: self.report,
            section: 0,
            span,
        })
    }
}

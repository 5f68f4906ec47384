//! The candidates screen: every figure of a report that could fill one
//! indicator's table cell, each with its sentence, to choose from, or
//! none at all, or (once chosen) the rule's figure again. A choice is kept
//! in the user's data folder and applies to the corpus view, `table` and
//! `diff --figures` alike.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::corpus::cells;
use crate::corpus::choices::{ByHand, FigureRef};
use crate::text::printable;

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
    /// A value typed by hand, when the text states it in a form the
    /// program does not read.
    ByHand,
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
    /// The value being typed by hand (`56 件 table on page 3`), while the
    /// field is open.
    pub editing: Option<String>,
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
        // Typing by hand before leaving empty: End still leaves the cell
        // empty, as it did before typing was offered.
        rows.push(Candidate::ByHand);
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
            editing: None,
            list: Rect::default(),
            sentence: Rect::default(),
        };
        c.cursor.select(at);
        c
    }

    pub fn scope(&self) -> Scope {
        match self.editing {
            Some(_) => Scope::ValueField,
            None => Scope::Candidates,
        }
    }

    pub(crate) fn resize(&mut self, body: Rect) {
        let sentence_h = (body.height / 3).clamp(3, 10).min(body.height);
        [self.list, self.sentence] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(sentence_h)]).areas(body);
        self.cursor.set_height(inner_height(self.list));
    }

    /// What `Y` copies: the selected figure with its sentence.
    pub fn copy(&self, s: &Session) -> Option<String> {
        match self.selected()? {
            Candidate::Figure(f) => copy::figure(&s.library.reports[self.report], f),
            Candidate::Empty | Candidate::Rule | Candidate::ByHand => None,
        }
    }

    pub fn selected(&self) -> Option<Candidate> {
        self.rows.get(self.cursor.selected()).copied()
    }

    pub fn update(&mut self, action: Action, s: &mut Session) -> Transition {
        if let Some(field) = &mut self.editing {
            match action {
                Action::SearchInput(c) => field.push(c),
                Action::SearchBackspace => {
                    field.pop();
                }
                Action::SearchConfirm => return self.keep_typed(s),
                Action::Back => self.editing = None,
                _ => {}
            }
            return Transition::Stay;
        }
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

    /// Enter on the field: the typed value fills the cell, marked as the
    /// user's, kept in the choices file; a value that is no number stays
    /// in the field with a word why.
    fn keep_typed(&mut self, s: &mut Session) -> Transition {
        let field = self.editing.clone().unwrap_or_default();
        let units = s
            .catalogues
            .indicators
            .get(&self.indicator)
            .map(|i| (i.unit.clone(), i.units.clone()))
            .unwrap_or_default();
        let typed = match by_hand(&field, &units.0, &units.1) {
            Ok(v) => v,
            Err(why) => {
                s.say(why);
                return Transition::Stay;
            }
        };
        let report = &s.library.reports[self.report];
        let shown = format!("{} {}", typed.value, typed.unit);
        let kept = s.choices.set_by_hand(report, &self.indicator, typed);
        s.tables.forget(self.report);
        s.say(match kept {
            Ok(()) => format!("entered by hand: {}", printable(&shown)),
            Err(e) => format!("your value applies now but could not be kept: {e}"),
        });
        self.editing = None;
        Transition::Back
    }

    /// Enter: the selected row becomes the cell's figure (or none, or the
    /// rule's again), kept in the user's choices.
    fn choose(&mut self, s: &mut Session) -> Transition {
        let Some(row) = self.selected() else {
            return Transition::Stay;
        };
        if row == Candidate::ByHand {
            self.editing = Some(String::new());
            return Transition::Stay;
        }
        let report = &s.library.reports[self.report];
        let kept = match row {
            Candidate::Figure(f) => {
                let figure = FigureRef::of(&report.figures()[f]);
                s.choices.set(report, &self.indicator, Some(figure))
            }
            Candidate::Empty => s.choices.set(report, &self.indicator, None),
            Candidate::Rule => s.choices.clear(report, &self.indicator),
            Candidate::ByHand => return Transition::Stay,
        };
        s.tables.forget(self.report);
        s.say(match (kept, row) {
            (Err(e), _) => format!("your choice applies now but could not be kept: {e}"),
            (Ok(()), Candidate::Figure(f)) => format!("chosen: {}", report.figures()[f].raw),
            (Ok(()), Candidate::Empty) => "chosen: no figure for this cell".into(),
            (Ok(()), Candidate::Rule | Candidate::ByHand) => {
                "the rule's figure fills this cell again".into()
            }
        });
        Transition::Back
    }

    /// The selected figure in the reader, its sentence around it.
    fn read(&self, s: &Session) -> Transition {
        let Some(Candidate::Figure(f)) = self.selected() else {
            return Transition::Stay;
        };
        let report = &s.library.reports[self.report];
        let span = report.figure_span(&report.figures()[f]);
        Transition::Open(Route::Reading {
            report: self.report,
            section: 0,
            span,
        })
    }
}

/// A value typed by hand: a plain number first, then a unit (one the
/// indicator is counted in; else the indicator's own and all that follows
/// is the note), then the note.
pub fn by_hand(field: &str, unit: &str, units: &[String]) -> Result<ByHand, String> {
    let mut words = field.split_whitespace();
    let value = words.next().unwrap_or_default();
    let number = !value.is_empty()
        && value.chars().all(|c| c.is_ascii_digit() || c == '.')
        && value.parse::<f64>().is_ok();
    if !number {
        return Err(
            "type the value as a plain number first, then a unit and your note \
                    (e.g. 56 件 table on page 3)"
                .to_owned(),
        );
    }
    let rest: Vec<&str> = words.collect();
    let (unit, note) = match rest.first() {
        Some(u) if *u == unit || units.iter().any(|x| x == u) => ((*u).to_owned(), &rest[1..]),
        _ => (unit.to_owned(), &rest[..]),
    };
    Ok(ByHand {
        value: value.to_owned(),
        unit,
        note: note.join(" "),
    })
}

#[cfg(test)]
mod tests {
    use super::by_hand;

    #[test]
    fn a_typed_value_is_a_number_a_unit_and_a_note() {
        let units = ["件".to_owned(), "宗".to_owned()];
        let v = by_hand("56 宗 table on page 3", "件", &units).unwrap();
        assert_eq!(
            (&*v.value, &*v.unit, &*v.note),
            ("56", "宗", "table on page 3")
        );
        let v = by_hand("12.5 from the annex", "件", &units).unwrap();
        assert_eq!(
            (&*v.value, &*v.unit, &*v.note),
            ("12.5", "件", "from the annex")
        );
        assert!(by_hand("about 56", "件", &units).is_err());
        assert!(by_hand("", "件", &units).is_err());
        assert!(by_hand("1.2.3", "件", &units).is_err());
    }
}

//! The corpus screen: every loaded report against the main indicators,
//! each cell the report's table cell (the headline, or the user's choice),
//! sortable by column, with a bar chart of the selected indicator. Built
//! when the screen opens and again when it shows after a choice; drawing
//! only reads it.

use std::cmp::Ordering;

use ratatui::layout::{Constraint, Layout, Rect};

use super::action::Action;
use super::columns::{Chooser, Outcome, Picked};
use super::copy;
use super::keys::Scope;
use super::layout::inner_height;
use super::list::Cursor;
use super::screen::{Route, Transition};
use super::session::Session;
use crate::corpus::cells::Amount;
use crate::corpus::choices::fingerprint;
use crate::corpus::export::{self, ExportCell, ExportRow};
use crate::figures::units::same_quantity;
use crate::text::printable;

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub id: String,
    pub name: String,
    pub unit: String,
}

/// One report's figure for one indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusCell {
    pub value: f64,
    /// The value as tables show it ("≈6798万元", "6.8%").
    pub text: String,
    pub unit: String,
    /// The figure, as an index into the report's figures; none for a
    /// value the user typed by hand.
    pub figure: Option<usize>,
    /// The figure's value as exports write it; none for a value typed by
    /// hand.
    pub amount: Option<Amount>,
    /// The user's note to a value typed by hand.
    pub by_hand: Option<String>,
    /// The user chose this figure over the rule's.
    pub chosen: bool,
}

impl CorpusCell {
    /// The cell as the table shows it: the user's choices carry a star.
    pub fn shown(&self) -> String {
        if self.by_hand.is_some() {
            format!("{}✎", self.text)
        } else if self.chosen {
            format!("{}*", self.text)
        } else {
            self.text.clone()
        }
    }
}

/// The table's column of report names, at most.
const MAX_NAME: usize = 24;
/// A column of values, at least and at most.
const MIN_COL: usize = 8;
const MAX_COL: usize = 22;

/// A cell no figure fills but a value the user typed by hand; `key` is
/// the report's fingerprint, None when the user has made no choice.
fn by_hand_cell(s: &Session, key: Option<&str>, id: &str) -> Option<CorpusCell> {
    let v = s.choices.by_hand(key?, id)?;
    Some(CorpusCell {
        value: v.value.parse().unwrap_or(0.0),
        text: crate::text::printable(&format!("{} {}", v.value, v.unit)).into_owned(),
        unit: v.unit.clone(),
        figure: None,
        amount: None,
        chosen: true,
        by_hand: Some(crate::text::printable(&v.note).into_owned()),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Descending,
    Ascending,
}

#[derive(Debug, Clone)]
pub struct Corpus {
    pub columns: Vec<Column>,
    /// Per report (library order), per column; boxed, since most of a
    /// large table's cells are empty.
    pub cells: Vec<Vec<Option<Box<CorpusCell>>>>,
    /// Report indices in the order shown.
    pub order: Vec<usize>,
    /// The reports in the table, in library order.
    pub shown: Vec<usize>,
    /// The selected row (into `order`) and the rows on screen.
    pub rows: Cursor,
    /// The selected column.
    pub col: usize,
    pub sort: Option<(usize, Sort)>,
    /// The indicators of the catalogue shown as columns, and whether
    /// those no report fills are hidden.
    pub picked: Picked,
    /// Per indicator of the catalogue, how many of the table's reports
    /// state it: read once with the cells, for hiding empty columns and
    /// for the chooser.
    pub filled: Vec<usize>,
    /// The column chooser, while it is open over the table.
    pub chooser: Option<Chooser>,
    /// What the title calls the columns: "main ", "chosen " or nothing
    /// (all of them).
    pub which: &'static str,
    /// What drawing reads, computed with the cells so that a frame
    /// computes nothing: each report's label (printable, library order),
    /// each column's width in cells, and the width of the report column.
    pub labels: Vec<String>,
    pub widths: Vec<usize>,
    pub name_cells: usize,
    /// The table's and the chart's areas.
    pub table: Rect,
    pub chart: Rect,
}

impl Corpus {
    /// The table of the reports `shown` (library order: the report list's
    /// filter, so that a table and its export hold what the user chose),
    /// the row of report `at` selected.
    pub fn new(s: &Session, at: Option<usize>, shown: Vec<usize>) -> Corpus {
        let mut rows = Cursor::new(shown.len(), 1);
        rows.select(
            at.and_then(|a| shown.iter().position(|&r| r == a))
                .unwrap_or(0),
        );
        let mut c = Corpus {
            cells: Vec::new(),
            columns: Vec::new(),
            picked: s
                .columns
                .clone()
                .filter(|p| p.shown.len() == s.catalogues.indicators.indicators.len())
                .unwrap_or_else(|| Picked::main(&s.catalogues.indicators)),
            filled: Vec::new(),
            chooser: None,
            which: "",
            order: shown.clone(),
            shown,
            rows,
            col: 0,
            sort: None,
            labels: Vec::new(),
            widths: Vec::new(),
            name_cells: 0,
            table: Rect::default(),
            chart: Rect::default(),
        };
        c.count_filled(s);
        c.choose_columns(s);
        c
    }

    /// How many of the table's reports state each indicator, from the
    /// cells computed once per report.
    fn count_filled(&mut self, s: &Session) {
        let catalogue = &s.catalogues.indicators.indicators;
        let at: std::collections::HashMap<&str, usize> = catalogue
            .iter()
            .enumerate()
            .map(|(k, i)| (i.id.as_str(), k))
            .collect();
        let mut filled = vec![0; catalogue.len()];
        for &r in &self.shown {
            for c in s.cells(r) {
                if let Some(&k) = at.get(c.indicator.as_str()) {
                    filled[k] += 1;
                }
            }
        }
        self.filled = filled;
    }

    /// The columns the user asked for (the indicators checked, empty ones
    /// hidden or not) and their cells; the selected and the sorted column
    /// stay where they are still shown.
    fn choose_columns(&mut self, s: &Session) {
        let id = |c: Option<&Column>| c.map(|c| c.id.clone());
        let selected = id(self.columns.get(self.col));
        let sorted = self
            .sort
            .and_then(|(c, dir)| Some((id(self.columns.get(c))?, dir)));
        let catalogue = &s.catalogues.indicators;
        let picked = &self.picked;
        self.which = match (picked.is_all(), picked.is_main(catalogue)) {
            (true, _) => "",
            (false, true) => "main ",
            (false, false) => "chosen ",
        };
        self.columns = catalogue
            .indicators
            .iter()
            .enumerate()
            .filter(|&(k, _)| picked.shown.get(k) == Some(&true))
            .filter(|&(k, _)| !picked.hide_empty || self.filled.get(k).is_some_and(|&n| n > 0))
            .map(|(_, i)| Column {
                id: i.id.clone(),
                name: i.name.clone(),
                unit: i.unit.clone(),
            })
            .collect();
        let at = |id: &str| self.columns.iter().position(|c| c.id == id);
        self.col = selected.and_then(|i| at(&i)).unwrap_or(0);
        self.sort = sorted.and_then(|(i, dir)| Some((at(&i)?, dir)));
        self.fill(s);
        match self.sort {
            Some((c, dir)) => self.sort_by(c, dir),
            None => self.reorder(self.shown.clone()),
        }
    }

    /// Reads every report's table cells for the columns.
    fn fill(&mut self, s: &Session) {
        self.cells = (0..s.library.reports.len())
            .map(|i| {
                let (r, cells) = (&s.library.reports[i], s.cells(i));
                // The fingerprint reads the whole text: once per report,
                // and only when there are choices to look up.
                let key = (!s.choices.is_empty()).then(|| fingerprint(r));
                self.columns
                    .iter()
                    .map(|col| {
                        let Some(c) = cells.iter().find(|c| c.indicator == col.id) else {
                            return by_hand_cell(s, key.as_deref(), &col.id).map(Box::new);
                        };
                        let a = &c.amount;
                        Some(Box::new(CorpusCell {
                            value: a.value.to_f64(),
                            text: a.shown(),
                            unit: a.unit.to_string(),
                            figure: Some(c.figure),
                            amount: Some(c.amount),
                            chosen: c.chosen,
                            by_hand: None,
                        }))
                    })
                    .collect()
            })
            .collect();
        self.labels = s
            .library
            .reports
            .iter()
            .map(|r| crate::text::printable(&r.label()).into_owned())
            .collect();
        self.widths = (0..self.columns.len())
            .map(|i| self.column_cells(i))
            .collect();
        self.name_cells = self
            .labels
            .iter()
            .map(|l| crate::text::width(l))
            .max()
            .unwrap_or(6)
            .clamp(8, MAX_NAME);
    }

    /// The cells a column takes: its header (and a sort arrow) or its
    /// widest value, whichever is wider, within bounds.
    fn column_cells(&self, i: usize) -> usize {
        let header = crate::text::width(&self.columns[i].name) + 1;
        let widest = self
            .cells
            .iter()
            .filter_map(|row| row[i].as_ref())
            .map(|x| crate::text::width(&x.shown()))
            .max()
            .unwrap_or(1);
        header.max(widest).clamp(MIN_COL, MAX_COL)
    }

    /// The screen shows again (after a choice): the cells are read again,
    /// the order and the selection kept.
    pub(crate) fn resume(&mut self, s: &Session) {
        self.count_filled(s);
        self.choose_columns(s);
    }

    pub fn scope(&self) -> Scope {
        match &self.chooser {
            Some(c) => c.scope(),
            None => Scope::Corpus,
        }
    }

    /// Pasted text, for the chooser's filter while it is typed.
    pub(crate) fn paste(&mut self, text: &str) {
        if let Some(c) = self.chooser.as_mut() {
            c.paste(text);
        }
    }

    pub(crate) fn resize(&mut self, body: Rect) {
        let chart_h = (self.order.len() as u16 + 2).clamp(4, (body.height / 2).max(4));
        [self.table, self.chart] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(chart_h)]).areas(body);
        // The table's first row is its header.
        self.rows
            .set_height(inner_height(self.table).saturating_sub(1));
        if let Some(c) = self.chooser.as_mut() {
            c.resize(body);
        }
    }

    pub fn update(&mut self, action: Action, s: &mut Session) -> Transition {
        if let Some(chooser) = self.chooser.as_mut() {
            match chooser.update(action) {
                Outcome::Stay => {}
                Outcome::Cancel => self.chooser = None,
                Outcome::Apply(shown) => {
                    self.chooser = None;
                    self.picked.shown = shown;
                    self.pick(s);
                }
            }
            return Transition::Stay;
        }
        if self.rows.apply(action) {
            return Transition::Stay;
        }
        match action {
            Action::Left => self.step_col(-1),
            Action::Right => self.step_col(1),
            Action::Sort => self.cycle_sort(),
            Action::Open => return self.open(s),
            Action::Choose => return self.choose(),
            Action::Export => self.export(s),
            Action::AllColumns => {
                self.picked = match self.picked.is_all() {
                    true => Picked {
                        hide_empty: self.picked.hide_empty,
                        ..Picked::main(&s.catalogues.indicators)
                    },
                    false => Picked {
                        shown: vec![true; self.picked.shown.len()],
                        hide_empty: self.picked.hide_empty,
                    },
                };
                self.pick(s);
            }
            Action::HideEmpty => {
                self.picked.hide_empty = !self.picked.hide_empty;
                self.pick(s);
            }
            Action::Columns => {
                let mut c = Chooser::new(
                    &s.catalogues.indicators,
                    self.picked.shown.clone(),
                    &self.filled,
                    self.shown.len(),
                );
                c.resize(s.body);
                self.chooser = Some(c);
            }
            Action::Back | Action::Corpus => return Transition::Back,
            _ => {}
        }
        Transition::Stay
    }

    /// The columns as `picked` now says, kept for the session.
    fn pick(&mut self, s: &mut Session) {
        s.columns = Some(self.picked.clone());
        self.choose_columns(s);
    }

    /// The selected report and its cell in the selected column.
    pub fn selected(&self) -> Option<(usize, Option<&CorpusCell>)> {
        let &r = self.order.get(self.rows.selected())?;
        Some((r, self.cells[r].get(self.col).and_then(|c| c.as_deref())))
    }

    /// What `Y` copies: the selected cell's figure with its sentence, or
    /// that the report states no figure for the indicator.
    pub fn copy(&self, s: &Session) -> Option<String> {
        let (r, cell) = self.selected()?;
        let report = &s.library.reports[r];
        match cell {
            Some(CorpusCell {
                figure: Some(f), ..
            }) => copy::figure(report, *f),
            Some(c) => Some(format!(
                "{}: {} (entered by hand: {})\n— {}",
                self.columns.get(self.col)?.name,
                c.text,
                c.by_hand.as_deref().unwrap_or(""),
                copy::report(report)
            )),
            None => Some(format!(
                "{}: no figure stated\n— {}",
                self.columns.get(self.col)?.name,
                copy::report(report)
            )),
        }
    }

    /// Enter: the selected report at the cell's sentence; on an empty
    /// cell, the figures that could fill it, with a word that the report
    /// states none the rule reads as the indicator (opening the report at
    /// its start would say nothing).
    fn open(&self, s: &mut Session) -> Transition {
        let Some((r, cell)) = self.selected() else {
            return Transition::Stay;
        };
        let Some(figure) = cell.and_then(|c| c.figure) else {
            let name = self.columns.get(self.col).map_or("", |c| c.name.as_str());
            s.say(format!(
                "the report states no {name} the program could read: \
                 choose one of its figures, or leave the cell empty"
            ));
            return self.choose();
        };
        let report = &s.library.reports[r];
        let span = report.figure_span(&report.figures()[figure]);
        Transition::Open(Route::Reading {
            report: r,
            section: 0,
            span,
        })
    }

    /// The figures that could fill the selected cell, to choose from.
    fn choose(&self) -> Transition {
        match (self.selected(), self.columns.get(self.col)) {
            (Some((r, _)), Some(col)) => Transition::Open(Route::Candidates {
                report: r,
                indicator: col.id.clone(),
            }),
            _ => Transition::Stay,
        }
    }

    /// `x`: the table as shown (rows in their order, the columns shown)
    /// to a new CSV file in the current folder, written atomically; the
    /// message line gives its path, or why it could not be written.
    fn export(&self, s: &mut Session) {
        let reports = &s.library.reports;
        let ids: Vec<&str> = self.columns.iter().map(|c| c.id.as_str()).collect();
        let rows: Vec<ExportRow> = self
            .order
            .iter()
            .map(|&r| ExportRow {
                report: &reports[r],
                cells: self.cells[r]
                    .iter()
                    .zip(&self.columns)
                    .map(|(c, col)| match c.as_deref()?.amount {
                        Some(a) => Some(ExportCell::Figure(a)),
                        None => s
                            .choices
                            .by_hand(&fingerprint(&reports[r]), &col.id)
                            .map(ExportCell::ByHand),
                    })
                    .collect(),
            })
            .collect();
        let dir = match &s.export_dir {
            Some(d) => std::fs::create_dir_all(d).map(|()| d.clone()),
            None => std::env::current_dir(),
        };
        let written = dir.and_then(|dir| {
            let path = export::free_name(&dir);
            let bytes = export::corpus_csv(&ids, &rows)?;
            crate::files::write_atomically(&path, &bytes)?;
            Ok(path)
        });
        let message = match written {
            Ok(path) => format!(
                "exported {} reports × {} indicators to {}",
                rows.len(),
                ids.len(),
                printable(&path.display().to_string())
            ),
            Err(e) => format!("the table could not be exported: {e}"),
        };
        s.say(message);
    }

    pub(crate) fn step_col(&mut self, delta: isize) {
        let n = self.columns.len();
        self.col = self
            .col
            .saturating_add_signed(delta)
            .min(n.saturating_sub(1));
    }

    /// Sorts by the selected column: largest first, then smallest first,
    /// then back to the library order. Reports without the figure go last.
    /// The selected report stays selected.
    pub(crate) fn cycle_sort(&mut self) {
        self.sort = match self.sort {
            Some((c, Sort::Descending)) if c == self.col => Some((c, Sort::Ascending)),
            Some((c, Sort::Ascending)) if c == self.col => None,
            _ => Some((self.col, Sort::Descending)),
        };
        match self.sort {
            Some((c, dir)) => self.sort_by(c, dir),
            None => self.reorder(self.shown.clone()),
        }
    }

    fn sort_by(&mut self, c: usize, dir: Sort) {
        let value = |r: usize| {
            self.cells[r]
                .get(c)
                .and_then(|x| x.as_deref())
                .map(|x| x.value)
        };
        let mut order = self.shown.clone();
        order.sort_by(|&a, &b| match (value(a), value(b)) {
            (Some(x), Some(y)) => {
                let o = x.partial_cmp(&y).unwrap_or(Ordering::Equal);
                if dir == Sort::Descending {
                    o.reverse()
                } else {
                    o
                }
            }
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        });
        self.reorder(order);
    }

    /// Shows the rows in a new order, the selected report still selected.
    fn reorder(&mut self, order: Vec<usize>) {
        let selected = self.order.get(self.rows.selected()).copied();
        self.order = order;
        if let Some(s) = selected {
            self.rows
                .select(self.order.iter().position(|&r| r == s).unwrap_or(0));
        }
    }

    /// The selected column's values, in display order: (report, cell).
    pub(crate) fn column_values(&self) -> impl Iterator<Item = (usize, Option<&CorpusCell>)> {
        self.order
            .iter()
            .map(move |&r| (r, self.cells[r].get(self.col).and_then(|c| c.as_deref())))
    }

    /// The unit the selected column's chart is drawn in: the most common
    /// among its cells (people counted in 人 and 名 alike), the
    /// indicator's own on a tie. Cells in another unit are not charted.
    pub(crate) fn chart_unit(&self) -> Option<String> {
        let col = self.columns.get(self.col)?;
        let mut counts: Vec<(String, usize)> = Vec::new();
        for (_, cell) in self.column_values() {
            let Some(c) = cell else { continue };
            match counts.iter_mut().find(|(u, _)| same_quantity(u, &c.unit)) {
                Some(slot) => slot.1 += 1,
                None => counts.push((c.unit.clone(), 1)),
            }
        }
        let most = counts.iter().map(|(_, n)| *n).max()?;
        counts
            .iter()
            .filter(|(_, n)| *n == most)
            .find(|(u, _)| same_quantity(u, &col.unit))
            .or_else(|| counts.iter().find(|(_, n)| *n == most))
            .map(|(u, _)| u.clone())
    }
}

//! The corpus screen: every loaded report against the main indicators,
//! sortable by column, with a bar chart of the selected indicator. Built
//! once when the screen opens; drawing only reads it.

use std::cmp::Ordering;

use ratatui::layout::Rect;

use crate::figures::{self, Catalogue};
use crate::Report;

use super::action::Action;
use super::app::{Session, Transition};
use super::keys::Scope;
use super::layout::inner_height;
use super::list::Cursor;
use super::screen::Screen;

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub id: String,
    pub name: String,
    pub unit: String,
}

/// One report's figure for one indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub value: f64,
    /// The value as tables show it ("≈67,980,000 元", "6.8%").
    pub text: String,
    /// The figure, as an index into the report's figures.
    pub figure: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Descending,
    Ascending,
}

#[derive(Debug, Clone)]
pub struct Corpus {
    pub columns: Vec<Column>,
    /// Per report (library order), per column.
    pub cells: Vec<Vec<Option<Cell>>>,
    /// Report indices in the order shown.
    pub order: Vec<usize>,
    /// The selected row (into `order`) and the rows on screen.
    pub rows: Cursor,
    /// The selected column.
    pub col: usize,
    pub sort: Option<(usize, Sort)>,
    /// The table's and the chart's areas.
    pub table: Rect,
    pub chart: Rect,
}

impl Corpus {
    /// The table of `reports`, the row of report `at` selected.
    pub fn new(reports: &[Report], catalogue: &Catalogue, at: Option<usize>) -> Corpus {
        let columns: Vec<Column> = catalogue
            .main()
            .map(|i| Column {
                id: i.id.clone(),
                name: i.name.clone(),
                unit: i.unit.clone(),
            })
            .collect();
        let cells = reports
            .iter()
            .map(|r| {
                columns
                    .iter()
                    .map(|c| {
                        let f = figures::of_indicator(&r.figures, &c.id)?;
                        let figure = r.figures.iter().position(|x| std::ptr::eq(x, f))?;
                        Some(Cell {
                            value: f.value.to_f64(),
                            text: f.display_value(),
                            figure,
                        })
                    })
                    .collect()
            })
            .collect();
        let mut rows = Cursor::new(reports.len(), 1);
        rows.select(at.unwrap_or(0));
        Corpus {
            columns,
            cells,
            order: (0..reports.len()).collect(),
            rows,
            col: 0,
            sort: None,
            table: Rect::default(),
            chart: Rect::default(),
        }
    }

    pub fn scope(&self) -> Scope {
        Scope::Corpus
    }

    pub fn resize(&mut self, body: Rect) {
        let chart_h = (self.order.len() as u16 + 2).clamp(4, (body.height / 2).max(4));
        let table_h = body.height.saturating_sub(chart_h);
        self.table = Rect::new(body.x, body.y, body.width, table_h);
        self.chart = Rect::new(body.x, body.y + table_h, body.width, body.height - table_h);
        // The table's first row is its header.
        self.rows
            .set_height(inner_height(self.table).saturating_sub(1));
    }

    pub fn update(&mut self, action: Action, s: &Session) -> Transition {
        match action {
            Action::Up => self.rows.step(-1),
            Action::Down => self.rows.step(1),
            Action::Left => self.step_col(-1),
            Action::Right => self.step_col(1),
            Action::Top => self.rows.select(0),
            Action::Bottom => self.rows.select(usize::MAX),
            Action::Sort => self.cycle_sort(),
            Action::Open => return self.open(s),
            Action::Back | Action::Corpus => return Transition::Back,
            Action::Wheel { down, .. } => self.rows.step(if down { 1 } else { -1 }),
            _ => {}
        }
        Transition::Stay
    }

    /// Enter: the selected report, at the cell's sentence when the cell
    /// has a figure.
    fn open(&self, s: &Session) -> Transition {
        let Some(&r) = self.order.get(self.rows.selected()) else {
            return Transition::Stay;
        };
        let cell = self.cells[r].get(self.col).and_then(|c| c.as_ref());
        let report = &s.library.reports[r];
        let span = cell.and_then(|c| report.figure_span(&report.figures[c.figure]));
        Transition::Push(Screen::reading_at(s, r, 0, span))
    }

    pub fn step_col(&mut self, delta: isize) {
        let n = self.columns.len();
        self.col = self
            .col
            .saturating_add_signed(delta)
            .min(n.saturating_sub(1));
    }

    /// Sorts by the selected column: largest first, then smallest first,
    /// then back to the library order. Reports without the figure go last.
    /// The selected report stays selected.
    pub fn cycle_sort(&mut self) {
        let selected = self.order.get(self.rows.selected()).copied();
        self.sort = match self.sort {
            Some((c, Sort::Descending)) if c == self.col => Some((c, Sort::Ascending)),
            Some((c, Sort::Ascending)) if c == self.col => None,
            _ => Some((self.col, Sort::Descending)),
        };
        self.order = (0..self.cells.len()).collect();
        if let Some((c, dir)) = self.sort {
            let value = |r: usize| {
                self.cells[r]
                    .get(c)
                    .and_then(|x| x.as_ref())
                    .map(|x| x.value)
            };
            self.order.sort_by(|&a, &b| match (value(a), value(b)) {
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
        }
        if let Some(s) = selected {
            self.rows
                .select(self.order.iter().position(|&r| r == s).unwrap_or(0));
        }
    }

    /// The selected column's values, in display order: (report, cell).
    pub fn column_values(&self) -> impl Iterator<Item = (usize, Option<&Cell>)> {
        self.order
            .iter()
            .map(move |&r| (r, self.cells[r].get(self.col).and_then(|c| c.as_ref())))
    }
}

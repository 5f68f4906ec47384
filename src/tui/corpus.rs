//! The corpus view's model: every loaded report against the main
//! indicators, sortable by column. Built once when the view opens; drawing
//! only reads it.

use std::cmp::Ordering;

use crate::figures::{self, Catalogue};
use crate::Report;

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
    /// Selected row (into `order`) and column.
    pub row: usize,
    pub col: usize,
    pub sort: Option<(usize, Sort)>,
}

impl Corpus {
    pub fn new(reports: &[Report], catalogue: &Catalogue) -> Corpus {
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
                        figures::of_indicator(&r.figures, &c.id).map(|f| Cell {
                            value: f.value.to_f64(),
                            text: f.display_value(),
                        })
                    })
                    .collect()
            })
            .collect();
        Corpus {
            columns,
            cells,
            order: (0..reports.len()).collect(),
            row: 0,
            col: 0,
            sort: None,
        }
    }

    pub fn step_row(&mut self, delta: isize) {
        let n = self.order.len();
        self.row = self
            .row
            .saturating_add_signed(delta)
            .min(n.saturating_sub(1));
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
        let selected = self.order.get(self.row).copied();
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
            self.row = self.order.iter().position(|&r| r == s).unwrap_or(0);
        }
    }

    /// The selected column's values, in display order: (report, cell).
    pub fn column_values(&self) -> impl Iterator<Item = (usize, Option<&Cell>)> {
        self.order
            .iter()
            .map(move |&r| (r, self.cells[r].get(self.col).and_then(|c| c.as_ref())))
    }
}

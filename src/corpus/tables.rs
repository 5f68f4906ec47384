//! Each loaded report's table cells, computed when first asked for and
//! kept until the user's choice for that report changes them: every screen
//! reads them here instead of computing them again (and hashing the whole
//! text for its choices) each time it opens.

use std::cell::{Cell, OnceCell};

use super::cells::{self, TableCell};
use super::choices::Choices;
use crate::figures::Catalogue;
use crate::report::Report;

/// The cells of the reports of a library, by report index.
#[derive(Debug, Default)]
pub struct Tables {
    cells: Vec<OnceCell<Vec<TableCell>>>,
    /// How many reports' cells were computed: what a test of "drawing
    /// computes nothing" counts.
    computed: Cell<usize>,
}

impl Tables {
    /// Room for `n` reports' cells, none computed yet.
    pub fn new(n: usize) -> Tables {
        Tables {
            cells: (0..n).map(|_| OnceCell::new()).collect(),
            computed: Cell::new(0),
        }
    }

    /// Room for `n` reports, the cells computed so far kept.
    pub fn grow(&mut self, n: usize) {
        let more = n.saturating_sub(self.cells.len());
        self.cells.extend((0..more).map(|_| OnceCell::new()));
    }

    /// The cells of report `i`, computed on first use.
    pub fn of<'a>(
        &'a self,
        i: usize,
        report: &Report,
        catalogue: &Catalogue,
        choices: &Choices,
    ) -> &'a [TableCell] {
        match self.cells.get(i) {
            Some(slot) => slot.get_or_init(|| {
                self.computed.set(self.computed.get() + 1);
                cells::cells(report, catalogue, Some(choices))
            }),
            None => &[],
        }
    }

    /// Report `i`'s cells, computed elsewhere (as it was read).
    pub fn set(&mut self, i: usize, cells: Vec<TableCell>) {
        if let Some(slot) = self.cells.get_mut(i) {
            *slot = OnceCell::from(cells);
        }
    }

    /// How many times a report's cells were computed so far.
    pub fn computed(&self) -> usize {
        self.computed.get()
    }

    /// Report `i`'s cells are computed again when next asked for: the
    /// user's choice for it changed.
    pub fn forget(&mut self, i: usize) {
        if let Some(slot) = self.cells.get_mut(i) {
            slot.take();
        }
    }

    /// The reports were reordered: report `j` now is report `moved[j]`
    /// before. Cells move with their reports; a report not in `moved`
    /// gets none yet.
    pub fn permute(&mut self, moved: &[usize]) {
        let mut old = std::mem::take(&mut self.cells);
        self.cells = moved
            .iter()
            .map(|&i| old.get_mut(i).map(std::mem::take).unwrap_or_default())
            .collect();
    }

    /// Every report's cells are computed again (the reports changed
    /// order or number).
    pub fn reset(&mut self, n: usize) {
        *self = Tables::new(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::TextEncoding;

    #[test]
    fn cells_are_kept_until_forgotten() {
        let r = Report::parse(
            "r.txt",
            "一、主要举措\n全年新收行政复议案件120件。\n".into(),
            TextEncoding::Utf8,
        );
        let catalogue = Catalogue::builtin();
        let choices = Choices::default();
        let mut t = Tables::new(1);
        let first = t.of(0, &r, catalogue, &choices).to_vec();
        assert!(!first.is_empty());
        assert_eq!(t.computed(), 1);
        assert!(std::ptr::eq(
            t.of(0, &r, catalogue, &choices),
            t.of(0, &r, catalogue, &choices)
        ));
        assert_eq!(t.computed(), 1, "kept, not computed again");
        t.forget(0);
        assert_eq!(t.of(0, &r, catalogue, &choices), first.as_slice());
        assert_eq!(t.computed(), 2);
        assert!(t.of(5, &r, catalogue, &choices).is_empty());
    }
}

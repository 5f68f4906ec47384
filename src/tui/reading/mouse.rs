//! Mouse on the reading screen: a click focuses the pane under it and
//! selects the row; the wheel scrolls the pane under it.

use super::{Pane, Reading};
use crate::tui::layout::row_in;
use crate::tui::session::Session;

const WHEEL_ROWS: isize = 3;

impl Reading {
    pub(super) fn click(&mut self, s: &Session, col: u16, row: u16) {
        let a = self.areas;
        if let Some(r) = row_in(a.reports, col, row) {
            self.focus = Pane::Reports;
            if let Some(i) = self.reports.row_at(r) {
                self.select_list_row(s, i);
            }
        } else if let Some(r) = row_in(a.tree, col, row) {
            self.focus = Pane::Tree;
            if let Some(i) = self.tree.cursor.row_at(r) {
                self.select_row(s, i);
            }
        } else if row_in(a.reader, col, row).is_some() {
            self.focus = Pane::Reader;
        } else if let Some(r) = row_in(a.figures, col, row) {
            self.focus = Pane::Figures;
            if let Some(i) = self.figures.cursor.row_at(r) {
                self.figures.cursor.select(i);
            }
        }
    }

    pub(super) fn wheel(&mut self, s: &Session, col: u16, row: u16, down: bool) {
        let d = if down { 1 } else { -1 };
        let a = self.areas;
        if row_in(a.reader, col, row).is_some() {
            self.text.cursor.scroll(d * WHEEL_ROWS);
        } else if row_in(a.tree, col, row).is_some() {
            self.select_row(s, self.tree.cursor.selected().saturating_add_signed(d));
        } else if row_in(a.reports, col, row).is_some() {
            self.select_list_row(s, self.reports.selected().saturating_add_signed(d));
        } else if row_in(a.figures, col, row).is_some() {
            self.figures.cursor.step(d);
        }
    }
}

//! The figures pane's model: the figures of the selected section (with its
//! subsections) or of the whole report, and the cursor over them.

use crate::report::Report;
use crate::tui::list::Cursor;

#[derive(Debug, Clone, Default)]
pub struct FigureList {
    /// The whole report rather than the section.
    pub all: bool,
    /// Indices into the report's figures, as the pane lists them.
    pub rows: Vec<usize>,
    pub cursor: Cursor,
}

impl FigureList {
    /// Lists the figures of `section` (or all), selecting the first.
    pub(crate) fn rebuild(&mut self, report: Option<&Report>, section: Option<usize>) {
        self.rows = match (report, section) {
            (Some(r), _) if self.all => (0..r.figures().len()).collect(),
            (Some(r), Some(s)) => r.figures_of(s, true).collect(),
            _ => Vec::new(),
        };
        self.cursor.set_len(self.rows.len());
        self.cursor.select(0);
    }

    /// The selected figure, as an index into the report's figures.
    pub fn selected(&self) -> Option<usize> {
        self.rows.get(self.cursor.selected()).copied()
    }

    /// Selects a figure of the report if the list holds it.
    pub(crate) fn select_figure(&mut self, figure: usize) {
        if let Some(i) = self.rows.iter().position(|&f| f == figure) {
            self.cursor.select(i);
        }
    }
}

//! What every screen reads and may change: the session. Screens depend on
//! this and on [`super::screen`], never on the app that stacks them.

use std::time::Duration;

use ratatui::layout::Rect;

use crate::catalogues::Catalogues;
use crate::corpus::Choices;
use crate::corpus::Library;

/// What every screen reads, and may change: the reports, the catalogues,
/// the user's choices of table cells, the report marked A, the screen's
/// size and the status line.
pub struct Session {
    pub library: Library,
    pub catalogues: Catalogues,
    pub choices: Choices,
    /// The report marked as A for comparing.
    pub marked: Option<usize>,
    /// How long a comparison may take (see [`crate::compare::BUDGET`]).
    pub compare_budget: Duration,
    /// The screen less its status line.
    pub body: Rect,
    /// One line for the status bar, shown until the next key.
    pub message: Option<String>,
    /// The genre's stock phrases as the loaded reports write them, read
    /// at the first comparison.
    pub stock: std::cell::OnceCell<crate::compare::marks::Stock>,
}

/// Reports read for the stock phrases: a sample spread over the library,
/// each to this many chars, so that the first comparison stays quick.
const STOCK_SAMPLE: usize = 30;
const STOCK_CHARS: usize = 10_000;

impl Session {
    /// The stock phrases: the built-in list and what at least half of a
    /// sample of the loaded reports write.
    pub fn stock(&self) -> &crate::compare::marks::Stock {
        self.stock.get_or_init(|| {
            let reports = &self.library.reports;
            let step = reports.len().div_ceil(STOCK_SAMPLE).max(1);
            let texts: Vec<String> = reports
                .iter()
                .step_by(step)
                .map(|r| crate::text::take_chars(&r.body_text(), STOCK_CHARS).to_owned())
                .collect();
            crate::compare::marks::Stock::of(texts.iter().map(String::as_str))
        })
    }
}

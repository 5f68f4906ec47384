//! What every screen reads and may change: the session. Screens depend on
//! this and on [`super::screen`], never on the app that stacks them.

use std::time::Duration;

use ratatui::layout::Rect;

use crate::catalogues::Catalogues;
use crate::corpus::cells::TableCell;
use crate::corpus::places::{self, Series};
use crate::corpus::{Choices, Library, Tables};

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
    /// How long a follow-up may take: q and Ctrl-C end the program while
    /// it works, so it may take longer than a comparison, never forever.
    pub followup_budget: Duration,
    /// The screen less its status line.
    pub body: Rect,
    /// A message for the user, shown over the line above the keys until
    /// the next key or until it fades.
    pub message: Option<String>,
    /// When the message was given.
    pub message_at: Option<std::time::Instant>,
    /// The genre's stock phrases as the loaded reports write them, read
    /// at the first comparison.
    pub stock: std::cell::OnceCell<crate::text::stock::Stock>,
    /// Each report's table cells, computed once.
    pub tables: Tables,
    /// Each place's reports by year, grouped once.
    pub series: std::cell::OnceCell<Vec<Series>>,
}

impl Session {
    /// A session over `library`, with nothing computed yet.
    pub fn new(library: Library, catalogues: Catalogues, choices: Choices) -> Session {
        Session {
            tables: Tables::new(library.reports.len()),
            library,
            catalogues,
            choices,
            marked: None,
            compare_budget: crate::compare::BUDGET,
            followup_budget: Duration::from_secs(10),
            body: Rect::default(),
            message: None,
            message_at: None,
            stock: std::cell::OnceCell::new(),
            series: std::cell::OnceCell::new(),
        }
    }

    /// Gives the user a message.
    pub fn say(&mut self, message: impl Into<String>) {
        self.message = Some(message.into());
        self.message_at = Some(std::time::Instant::now());
    }

    /// Clears a message shown longer than `after`; whether one was.
    pub fn fade(&mut self, after: Duration) -> bool {
        let old = self.message_at.is_some_and(|t| t.elapsed() >= after);
        if old {
            self.message = None;
            self.message_at = None;
        }
        old
    }

    /// Report `i`'s table cells (the headline, or the user's choice).
    pub fn cells(&self, i: usize) -> &[TableCell] {
        match self.library.reports.get(i) {
            Some(r) => self
                .tables
                .of(i, r, &self.catalogues.indicators, &self.choices),
            None => &[],
        }
    }

    /// Report `i`'s cell of an indicator.
    pub fn cell(&self, i: usize, indicator: &str) -> Option<&TableCell> {
        self.cells(i).iter().find(|c| c.indicator == indicator)
    }

    /// Each place's reports by year, in the order the places first appear.
    pub fn series(&self) -> &[Series] {
        self.series
            .get_or_init(|| places::series(&self.library.reports))
    }

    /// The stock phrases: the built-in list and what at least half of a
    /// sample of the loaded reports write.
    pub fn stock(&self) -> &crate::text::stock::Stock {
        self.stock.get_or_init(|| {
            use crate::text::stock;
            let reports = &self.library.reports;
            let texts: Vec<String> = stock::sample(reports.len())
                .map(|i| {
                    let body = reports[i].body_text();
                    crate::text::take_chars(&body, stock::SAMPLE_CHARS).to_owned()
                })
                .collect();
            stock::Stock::of(texts.iter().map(String::as_str))
        })
    }
}
